// Re-exported so that code importing TensorCore can call `Scalar.exp`, `.log`, `.sqrt`.
@_exported import RealModule

/// The floating-point types TensorCore computes with: `Float` and `Double`.
///
/// Generic numeric code in Descent is written once against this protocol and
/// runs in both precisions. Fast paths (BLAS) are reached through the static
/// requirements that each conforming type implements (see
/// `TensorScalar+BLAS.swift`).
public protocol TensorScalar: BinaryFloatingPoint, Real, Sendable, Codable
where RawSignificand: FixedWidthInteger {
  /// Computes `c ← alpha · op(a) · op(b) + beta · c` with BLAS `?gemm` on
  /// row-major storage, where `op(x)` is `x` or its transpose.
  ///
  /// This is the low-level hook behind ``matmul(_:_:transposeA:transposeB:)``;
  /// lessons use that function instead.
  ///
  /// - Parameters:
  ///   - transposeA: Whether `op(a)` is the transpose of `a`.
  ///   - transposeB: Whether `op(b)` is the transpose of `b`.
  ///   - m: Rows of `op(a)` and of `c`.
  ///   - n: Columns of `op(b)` and of `c`.
  ///   - k: Columns of `op(a)`, rows of `op(b)`.
  ///   - alpha: Scale of the product.
  ///   - a: Row-major storage of `a`, leading dimension `lda`.
  ///   - lda: Row stride of `a`.
  ///   - b: Row-major storage of `b`, leading dimension `ldb`.
  ///   - ldb: Row stride of `b`.
  ///   - beta: Scale of the previous contents of `c`.
  ///   - c: Row-major storage of the result, leading dimension `ldc`.
  ///   - ldc: Row stride of `c`.
  /// - Complexity: O(`m` · `n` · `k`).
  static func blasMatrixMultiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Self, a: UnsafePointer<Self>, lda: Int,
    b: UnsafePointer<Self>, ldb: Int,
    beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
}
