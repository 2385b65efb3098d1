import TensorCore

/// The Hessian that gradient descent sees through a diagonal preconditioner:
/// `P^{1/2} H P^{1/2}`, the matrix with entries `√pᵢ · Hᵢⱼ · √pⱼ`.
///
/// Gradient descent with a step per coordinate, `θ ← θ − η·P·∇L(θ)` with
/// `P = diag(p₁, …, pₙ)`, is plain gradient descent with rate η in the coordinates
/// `z = P^{-1/2} θ`; there a quadratic loss with Hessian `H` has the Hessian
/// `P^{1/2} H P^{1/2}`. Adagrad is such a method with `pᵢ = 1/σᵢ`; Newton's method
/// would take `P = H⁻¹`, which a diagonal can match only when `H` is diagonal. The
/// condition number of the result (``conditionNumber(ofSymmetric:)``) says how round
/// the bowl has become.
///
///     let h = Matrix<Double>([[0.2, 0], [0, 4]])
///     diagonallyPreconditioned(h, by: [5, 0.25])    // [[1, 0], [0, 1]]: round
///     let rotated = Matrix<Double>([[2.1, -1.9], [-1.9, 2.1]])   // the same bowl, turned 45°
///     diagonallyPreconditioned(rotated, by: [1 / 2.1, 1 / 2.1])  // rotated / 2.1: κ still 20
///
/// The Jacobi preconditioner `pᵢ = 1/Hᵢᵢ` (``jacobiPreconditioner(_:)``) puts ones on the
/// diagonal, as *Dive into Deep Learning*'s Adagrad section writes it:
/// `diag^{-1/2}(H) · H · diag^{-1/2}(H)`.
///
/// - Parameters:
///   - hessian: A square matrix `H` (n × n).
///   - diagonal: The preconditioner's diagonal `p`, n entries ≥ 0.
/// - Returns: `P^{1/2} H P^{1/2}`, n × n.
/// - Complexity: O(n²).
public func diagonallyPreconditioned<Scalar: TensorScalar>(
  _ hessian: Matrix<Scalar>, by diagonal: [Scalar]
) -> Matrix<Scalar> {
  let n = hessian.rows
  precondition(
    hessian.columns == n,
    "diagonallyPreconditioned: the Hessian is \(hessian.rows)×\(hessian.columns); pass a square matrix"
  )
  precondition(
    diagonal.count == n,
    "diagonallyPreconditioned: \(diagonal.count) diagonal entries for a \(n)×\(n) Hessian; pass \(n)"
  )
  precondition(
    diagonal.allSatisfy { $0 >= 0 },
    "diagonallyPreconditioned: the diagonal must be ≥ 0 (it is a square root's argument)")
  let roots = diagonal.map { $0.squareRoot() }
  var storage = hessian.storage
  for row in 0..<n {
    for column in 0..<n { storage[row * n + column] *= roots[row] * roots[column] }
  }
  return Matrix(rows: n, columns: n, storage: storage)
}

/// The Jacobi preconditioner of a matrix: `pᵢ = 1/Hᵢᵢ`, the diagonal that makes every
/// diagonal entry of ``diagonallyPreconditioned(_:by:)`` equal to 1.
///
///     jacobiPreconditioner(Matrix<Double>([[0.2, 0], [0, 4]]))   // [5, 0.25]
///
/// - Parameter hessian: A square matrix with a positive diagonal.
/// - Returns: `[1/H₁₁, …, 1/Hₙₙ]`.
public func jacobiPreconditioner<Scalar: TensorScalar>(_ hessian: Matrix<Scalar>) -> [Scalar] {
  precondition(
    hessian.rows == hessian.columns,
    "jacobiPreconditioner: the matrix is \(hessian.rows)×\(hessian.columns); pass a square matrix")
  return (0..<hessian.rows).map { index in
    let entry = hessian[index, index]
    precondition(
      entry > 0, "jacobiPreconditioner: diagonal entry \(index) is \(entry); it must be > 0")
    return 1 / entry
  }
}

/// The condition number `κ = λ_max / λ_min` of a symmetric matrix: how elongated the bowl
/// of a quadratic with this Hessian is, and the factor by which gradient descent's best
/// fixed rate is limited by the steepest direction (its error shrinks by about
/// `(κ − 1)/(κ + 1)` per step).
///
///     try conditionNumber(ofSymmetric: Matrix<Double>([[0.2, 0], [0, 4]]))   // 20
///
/// - Parameter matrix: A symmetric matrix.
/// - Returns: `λ_max / λ_min`, or `+∞` when `λ_min ≤ 0` (the matrix is not positive
///   definite: there is no bowl).
/// - Throws: ``HessianError`` from ``SymmetricEigendecomposition/init(_:symmetryTolerance:)``.
/// - Complexity: O(n³) (one symmetric eigen-decomposition).
public func conditionNumber<Scalar: TensorScalar>(ofSymmetric matrix: Matrix<Scalar>) throws
  -> Scalar
{
  let eigenvalues = try SymmetricEigendecomposition(matrix).eigenvalues
  guard let smallest = eigenvalues.first, let largest = eigenvalues.last, smallest > 0 else {
    return .infinity
  }
  return largest / smallest
}
