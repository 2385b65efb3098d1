import RealModule

#if canImport(Accelerate)
  import Accelerate
#else
  import CBLAS
#endif

extension Float: TensorScalar {
  /// Single-precision `sgemm`; see ``TensorScalar/blasMatrixMultiply(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``.
  ///
  /// - Complexity: O(`m` · `n` · `k`).
  @inlinable
  public static func blasMatrixMultiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Float, a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      blasInt(m), blasInt(n), blasInt(k), alpha, a, blasInt(lda), b, blasInt(ldb),
      beta, c, blasInt(ldc))
  }
}

extension Double: TensorScalar {
  /// Double-precision `dgemm`; see ``TensorScalar/blasMatrixMultiply(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``.
  ///
  /// - Complexity: O(`m` · `n` · `k`).
  @inlinable
  public static func blasMatrixMultiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Double, a: UnsafePointer<Double>, lda: Int,
    b: UnsafePointer<Double>, ldb: Int,
    beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    cblas_dgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      blasInt(m), blasInt(n), blasInt(k), alpha, a, blasInt(lda), b, blasInt(ldb),
      beta, c, blasInt(ldc))
  }
}

/// Converts a dimension to the integer type of the platform's BLAS interface,
/// stopping if it does not fit.
@usableFromInline
func blasInt<Integer: BinaryInteger>(_ value: Int) -> Integer {
  guard let converted = Integer(exactly: value) else {
    preconditionFailure("Matrix dimension \(value) does not fit the BLAS integer type")
  }
  return converted
}
