import TensorCore

/// The eigen-decomposition `A = Q Λ Qᵀ` of a real symmetric matrix: real
/// eigenvalues in ascending order and an orthonormal eigenvector for each.
///
/// Computed by LAPACK's divide-and-conquer driver `dsyevd` / `ssyevd`
/// (Cuppen 1981; Gu & Eisenstat 1995) through Debian's `liblapacke-dev`, the
/// same routine `numpy.linalg.eigh` calls. The input is checked first: it must be
/// square, finite and symmetric up to a stated tolerance; it is then symmetrized
/// as `(A + Aᵀ)/2` so the result does not depend on which triangle LAPACK reads.
///
///     let h = Matrix<Double>([[0, -2], [-2, 0]])
///     let eigen = try SymmetricEigendecomposition(h)
///     eigen.eigenvalues        // [-2, 2]
///     eigen.eigenvector(0)     // [0.7071…, 0.7071…]    (for λ = −2)
///     eigen.eigenvector(1)     // [0.7071…, −0.7071…]   (for λ = +2)
///
/// Each eigenvector's sign is fixed so that its first component whose magnitude
/// is at least half the largest one is positive; LAPACK leaves the sign
/// arbitrary, and a fixed rule keeps lesson output the same on every machine.
public struct SymmetricEigendecomposition<Scalar: TensorScalar>: Sendable, Equatable {
  /// The eigenvalues λ₁ ≤ λ₂ ≤ … ≤ λₙ.
  public var eigenvalues: [Scalar]
  /// The orthonormal eigenvectors as the **columns** of an `n × n` matrix Q
  /// (column `k` belongs to `eigenvalues[k]`), as in `numpy.linalg.eigh`.
  public var eigenvectors: Matrix<Scalar>

  /// Decomposes a symmetric matrix.
  ///
  /// - Parameters:
  ///   - matrix: A square, finite matrix A.
  ///   - symmetryTolerance: The largest allowed `|Aᵢⱼ − Aⱼᵢ|` relative to
  ///     `max(1, maxᵢⱼ |Aᵢⱼ|)`; the default is √ε (1.5·10⁻⁸ for `Double`,
  ///     3.5·10⁻⁴ for `Float`), loose enough for rounding in a computed Hessian
  ///     and tight enough to catch a matrix that is simply not symmetric.
  /// - Throws: ``HessianError/notSquare(rows:columns:)``,
  ///   ``HessianError/nonFinite(row:column:)``,
  ///   ``HessianError/notSymmetric(row:column:difference:tolerance:)``, or
  ///   ``HessianError/lapackFailure(routine:info:)``.
  /// - Complexity: O(n³) time, O(n²) extra memory.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public init(_ matrix: Matrix<Scalar>, symmetryTolerance: Scalar = Scalar.ulpOfOne.squareRoot())
    throws
  {
    let n = matrix.rows
    guard matrix.columns == n else {
      throw HessianError.notSquare(rows: matrix.rows, columns: matrix.columns)
    }
    var largest: Scalar = 0
    for row in 0..<n {
      for column in 0..<n {
        let value = matrix.storage[row * n + column]
        guard value.isFinite else { throw HessianError.nonFinite(row: row, column: column) }
        largest = max(largest, abs(value))
      }
    }
    let allowed = symmetryTolerance * max(1, largest)
    var symmetric = matrix.storage
    for row in 0..<n {
      for column in (row + 1)..<max(row + 1, n) {
        let upper = matrix.storage[row * n + column]
        let lower = matrix.storage[column * n + row]
        let difference = abs(upper - lower)
        guard difference <= allowed else {
          throw HessianError.notSymmetric(
            row: row, column: column, difference: Double(difference), tolerance: Double(allowed))
        }
        let mean = (upper + lower) / 2
        symmetric[row * n + column] = mean
        symmetric[column * n + row] = mean
      }
    }
    var values = [Scalar](repeating: 0, count: n)
    if n > 0 {
      try symmetricEigensolve(n: n, matrix: &symmetric, eigenvalues: &values)
    }
    // LAPACK returns the eigenvectors column-major (vector k is contiguous, at
    // k·n); transpose them into the columns of a row-major matrix and fix signs.
    // (Built in a local array: element writes through `Matrix.storage`, which
    // has a `didSet` observer, copy the whole array each time.)
    var vectors = [Scalar](repeating: 0, count: n * n)
    for k in 0..<n {
      let start = k * n
      var largestComponent: Scalar = 0
      for i in 0..<n { largestComponent = max(largestComponent, abs(symmetric[start + i])) }
      var sign: Scalar = 1
      for i in 0..<n where abs(symmetric[start + i]) >= largestComponent / 2 {
        sign = symmetric[start + i] < 0 ? -1 : 1
        break
      }
      for i in 0..<n { vectors[i * n + k] = sign * symmetric[start + i] }
    }
    self.eigenvalues = values
    self.eigenvectors = Matrix(rows: n, columns: n, storage: vectors)
  }

  /// The size n of the decomposed matrix.
  public var dimension: Int { eigenvalues.count }

  /// The unit eigenvector of `eigenvalues[index]` (column `index` of ``eigenvectors``).
  ///
  /// - Parameter index: An eigenvalue index in `0..<dimension`.
  /// - Complexity: O(n).
  public func eigenvector(_ index: Int) -> [Scalar] {
    precondition(
      index >= 0 && index < dimension,
      "eigenvector(\(index)): index outside 0..<\(dimension)")
    return eigenvectors.column(index)
  }

  /// Q Λ Qᵀ, the matrix the decomposition represents (for checks and lessons).
  ///
  /// - Complexity: O(n³).
  public func reconstructed() -> Matrix<Scalar> {
    let n = dimension
    var scaled = eigenvectors.storage
    for row in 0..<n {
      for column in 0..<n { scaled[row * n + column] *= eigenvalues[column] }
    }
    return matmul(Matrix(rows: n, columns: n, storage: scaled), eigenvectors, transposeB: true)
  }
}

/// Runs the scalar type's `?syevd` (``TensorScalar/symmetricEigensolve(order:matrix:eigenvalues:)``)
/// on `matrix` (n×n, symmetric, so its row- and column-major readings agree); on return
/// `matrix` holds the eigenvectors column-major and `eigenvalues` the ascending eigenvalues.
private func symmetricEigensolve<Scalar: TensorScalar>(
  n: Int, matrix: inout [Scalar], eigenvalues: inout [Scalar]
) throws {
  let (routine, info) = matrix.withUnsafeMutableBufferPointer { a in
    eigenvalues.withUnsafeMutableBufferPointer { w in
      Scalar.symmetricEigensolve(order: n, matrix: a.baseAddress!, eigenvalues: w.baseAddress!)
    }
  }
  if info != 0 { throw HessianError.lapackFailure(routine: routine, info: info) }
}
