// Re-exported so that code importing TensorCore can call `Scalar.exp`, `.log`, `.sqrt`.
@_exported import RealModule

/// The floating-point types TensorCore computes with: `Float` and `Double`.
///
/// Generic numeric code in Descent is written once against this protocol and
/// runs in both precisions. Where a C library has one routine per precision
/// (BLAS `sgemm`/`dgemm`, LAPACK `ssyevd`/`dsyevd`), the protocol has a static
/// requirement that each conforming type implements with its own routine (see
/// `TensorScalar+BLAS.swift` and `TensorScalar+LAPACK.swift`), so generic code
/// calls `Scalar.blasMatrixMultiply(…)` instead of testing `Scalar.self`.
/// Being a `SIMDScalar`, a `TensorScalar` also fills `SIMD16<Scalar>` lanes, which
/// element-wise kernels (Adam's step) use in both precisions from one source.
public protocol TensorScalar: BinaryFloatingPoint, Real, SIMDScalar, Sendable, Codable
where RawSignificand: FixedWidthInteger {
  /// Computes `c ← alpha · op(a) · op(b) + beta · c` with BLAS `?gemm` on
  /// row-major storage, where `op(x)` is `x` or its transpose.
  ///
  /// This is the low-level hook behind ``matmul(_:_:transposeA:transposeB:alpha:)``;
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

  /// The eigenvalues and eigenvectors of a symmetric `n × n` matrix, in place:
  /// LAPACK's divide-and-conquer driver `?syevd` (`ssyevd`, `dsyevd`) where
  /// LAPACKE is available, the cyclic Jacobi method elsewhere.
  ///
  /// This is the low-level hook behind Hessian's `SymmetricEigendecomposition`;
  /// lessons use that type instead.
  ///
  /// - Parameters:
  ///   - order: n ≥ 1.
  ///   - matrix: On entry the symmetric matrix (n² values; its row- and
  ///     column-major readings agree); on return the orthonormal eigenvectors,
  ///     vector `k` contiguous at `k·n` (column-major).
  ///   - eigenvalues: On return the n eigenvalues in ascending order.
  /// - Returns: The routine's name and LAPACK's `info`: 0 on success, negative
  ///   when argument −`info` was bad, positive when the algorithm did not converge.
  /// - Complexity: O(n³) time, O(n²) extra memory.
  static func symmetricEigensolve(
    order: Int, matrix: UnsafeMutablePointer<Self>, eigenvalues: UnsafeMutablePointer<Self>
  ) -> (routine: String, info: Int)
}
