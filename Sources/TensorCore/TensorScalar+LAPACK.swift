#if canImport(CLAPACKE)
  import CLAPACKE
#endif

extension Float {
  /// Single-precision `ssyevd`; see ``TensorScalar/symmetricEigensolve(order:matrix:eigenvalues:)``.
  ///
  /// - Complexity: O(`order`³).
  public static func symmetricEigensolve(
    order: Int, matrix: UnsafeMutablePointer<Float>, eigenvalues: UnsafeMutablePointer<Float>
  ) -> (routine: String, info: Int) {
    #if canImport(CLAPACKE)
      return lapackSymmetricEigensolve("ssyevd", LAPACKE_ssyevd, order, matrix, eigenvalues)
    #else
      return jacobiEigensolve(order: order, matrix: matrix, eigenvalues: eigenvalues)
    #endif
  }
}

extension Double {
  /// Double-precision `dsyevd`; see ``TensorScalar/symmetricEigensolve(order:matrix:eigenvalues:)``.
  ///
  /// - Complexity: O(`order`³).
  public static func symmetricEigensolve(
    order: Int, matrix: UnsafeMutablePointer<Double>, eigenvalues: UnsafeMutablePointer<Double>
  ) -> (routine: String, info: Int) {
    #if canImport(CLAPACKE)
      return lapackSymmetricEigensolve("dsyevd", LAPACKE_dsyevd, order, matrix, eigenvalues)
    #else
      return jacobiEigensolve(order: order, matrix: matrix, eigenvalues: eigenvalues)
    #endif
  }
}

#if canImport(CLAPACKE)
  /// LAPACKE's `?syevd(matrix_layout, jobz, uplo, n, a, lda, w)` in one precision.
  private typealias SymmetricEigensolver<Scalar> = (
    Int32, CChar, CChar, Int32, UnsafeMutablePointer<Scalar>?, Int32,
    UnsafeMutablePointer<Scalar>?
  ) -> Int32

  /// Calls `?syevd` for eigenvalues and eigenvectors (`jobz = 'V'`), reading the lower
  /// triangle (`uplo = 'L'`; the matrix is symmetric, so either works), column-major.
  private func lapackSymmetricEigensolve<Scalar>(
    _ routine: String, _ solver: SymmetricEigensolver<Scalar>, _ order: Int,
    _ matrix: UnsafeMutablePointer<Scalar>, _ eigenvalues: UnsafeMutablePointer<Scalar>
  ) -> (routine: String, info: Int) {
    // LAPACKE's `lapack_int` is 32 bits on Debian (a C macro, so not visible to Swift).
    guard let n = Int32(exactly: order) else {
      preconditionFailure("\(routine): order \(order) does not fit LAPACK's 32-bit integers")
    }
    let info = solver(
      LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")), n, matrix, n,
      eigenvalues)
    return (routine, Int(info))
  }
#else
  /// ``jacobiEigensolve(n:matrix:eigenvalues:)`` over raw storage, for platforms without LAPACKE.
  private func jacobiEigensolve<Scalar: TensorScalar>(
    order: Int, matrix: UnsafeMutablePointer<Scalar>, eigenvalues: UnsafeMutablePointer<Scalar>
  ) -> (routine: String, info: Int) {
    var storage = Array(UnsafeBufferPointer(start: matrix, count: order * order))
    var values = [Scalar](repeating: 0, count: order)
    jacobiEigensolve(n: order, matrix: &storage, eigenvalues: &values)
    matrix.update(from: storage, count: storage.count)
    eigenvalues.update(from: values, count: order)
    return ("jacobi", 0)
  }
#endif
