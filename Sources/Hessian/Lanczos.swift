import TensorCore

/// The extreme eigenvalues of a symmetric operator known only through
/// products `v ↦ A·v` (for a network, Hessian-vector products), by the Lanczos
/// method with full reorthogonalization.
///
/// Starting from a random unit vector q₁, Lanczos (1950) builds an orthonormal
/// basis Q = [q₁ … qₘ] of the Krylov space span{q₁, Aq₁, …, Aᵐ⁻¹q₁} in which
/// QᵀAQ = T is tridiagonal:
///
///     w = A·qⱼ − βⱼ₋₁·qⱼ₋₁,   αⱼ = qⱼᵀw,   w ← w − αⱼ·qⱼ,   βⱼ = ‖w‖,   qⱼ₊₁ = w / βⱼ
///
/// The eigenvalues of T (Ritz values) approach A's extreme eigenvalues first,
/// usually after a few dozen products. In floating point the qⱼ lose
/// orthogonality, so each new w is orthogonalized again against all earlier
/// vectors (twice, "twice is enough"), as Golub & Van Loan §10.3 describe.
/// Each Ritz value θₖ comes with the bound |βₘ·sₘₖ| on ‖A·yₖ − θₖ·yₖ‖ (yₖ its
/// Ritz vector, sₖ the eigenvector of T), which says how far it can be trusted.
///
///     var generator = SeededGenerator(seed: 0)
///     let curvature = try NetworkCurvature(network: net, inputs: x, targets: .classes(y))
///     let result = try lanczos(
///       dimension: curvature.parameterCount, iterations: 30, generator: &generator,
///       multiply: curvature.hessianVectorProduct)
///     result.largest, result.smallest
public struct LanczosResult<Scalar: TensorScalar>: Sendable {
  /// The Ritz values θ₁ ≤ … ≤ θₘ (eigenvalues of T).
  public var ritzValues: [Scalar]
  /// |βₘ·sₘₖ| for each Ritz value: the residual norm of its Ritz pair (0 when
  /// the Krylov space became invariant).
  public var residualBounds: [Scalar]
  /// The number of products (the size m of T).
  public var iterations: Int
  /// The orthonormal Lanczos vectors q₁ … qₘ.
  public var basis: [[Scalar]]
  /// The eigenvectors of T, columns of an m × m matrix.
  var tridiagonalEigenvectors: Matrix<Scalar>

  /// The largest Ritz value: an estimate of λ_max from below.
  public var largest: Scalar { ritzValues.last ?? 0 }
  /// The smallest Ritz value: an estimate of λ_min from above.
  public var smallest: Scalar { ritzValues.first ?? 0 }

  /// The Ritz vector yₖ = Q·sₖ of `ritzValues[index]` (unit length).
  ///
  /// - Parameter index: In `0..<iterations`.
  /// - Complexity: O(m · n).
  public func ritzVector(_ index: Int) -> [Scalar] {
    precondition(
      index >= 0 && index < iterations, "ritzVector(\(index)): outside 0..<\(iterations)")
    var vector = [Scalar](repeating: 0, count: basis.first?.count ?? 0)
    for (j, q) in basis.enumerated() { vector.add(q, scaledBy: tridiagonalEigenvectors[j, index]) }
    return vector
  }
}

/// Runs m steps of Lanczos with full reorthogonalization (see ``LanczosResult``).
///
/// - Parameters:
///   - dimension: n, the length of the vectors `multiply` takes.
///   - iterations: m, the number of products (capped at n); 20–50 usually pin
///     the extreme eigenvalues of a network Hessian to several digits.
///   - generator: The seeded generator of the random start vector.
///   - multiply: v ↦ A·v for a symmetric A.
/// - Returns: The Ritz values and their residual bounds. Stops early, with
///   exact eigenvalues of A, when the Krylov space becomes invariant.
/// - Throws: ``HessianError/nonFinite(row:column:)`` when the products are not finite.
/// - Complexity: m products, O(m² · n) for the reorthogonalization, O(m · n) memory.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func lanczos<Scalar: TensorScalar>(
  dimension: Int, iterations: Int, generator: inout SeededGenerator,
  multiply: ([Scalar]) -> [Scalar]
) throws -> LanczosResult<Scalar> {
  precondition(dimension > 0, "lanczos: dimension \(dimension) must be positive")
  precondition(iterations > 0, "lanczos: iterations \(iterations) must be positive")
  let steps = min(iterations, dimension)
  var basis: [[Scalar]] = [generator.unitVector(dimension: dimension)]
  var alphas: [Scalar] = []
  var betas: [Scalar] = []
  var scale: Scalar = 0
  for j in 0..<steps {
    var w = multiply(basis[j])
    precondition(
      w.count == dimension,
      "lanczos: multiply returned \(w.count) values for dimension \(dimension)")
    let alpha = dot(basis[j], w)
    alphas.append(alpha)
    w.add(basis[j], scaledBy: -alpha)
    if j > 0 { w.add(basis[j - 1], scaledBy: -betas[j - 1]) }
    for _ in 0..<2 {
      for q in basis { w.add(q, scaledBy: -dot(q, w)) }
    }
    let beta = norm(w)
    scale = max(scale, abs(alpha), beta)
    betas.append(beta)
    // An invariant subspace (β ≈ 0), or the last step: stop.
    if j == steps - 1 || beta <= Scalar.ulpOfOne * Scalar(dimension) * max(scale, 1) { break }
    basis.append(w.map { $0 / beta })
  }
  let m = alphas.count
  var tridiagonal = [Scalar](repeating: 0, count: m * m)
  for i in 0..<m {
    tridiagonal[i * m + i] = alphas[i]
    if i + 1 < m {
      tridiagonal[i * m + i + 1] = betas[i]
      tridiagonal[(i + 1) * m + i] = betas[i]
    }
  }
  let eigen = try SymmetricEigendecomposition(Matrix(rows: m, columns: m, storage: tridiagonal))
  let lastBeta = betas[m - 1]
  let bounds = (0..<m).map { abs(lastBeta * eigen.eigenvectors[m - 1, $0]) }
  return LanczosResult(
    ritzValues: eigen.eigenvalues, residualBounds: bounds, iterations: m,
    basis: Array(basis.prefix(m)), tridiagonalEigenvectors: eigen.eigenvectors)
}
