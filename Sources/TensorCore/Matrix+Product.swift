/// The matrix product `op(a) · op(b)`, where `op(x)` is `x` or, with the
/// corresponding flag, its transpose. Computed by BLAS `?gemm` (OpenBLAS on
/// Linux, Accelerate on Apple platforms); no transposed copy is made.
///
/// The order in which an entry's terms are added is the BLAS kernel's: OpenBLAS picks a
/// kernel for the processor (see ``BLASBackend``), so results can differ in their last bits
/// from one machine to another. `descent-bench determinism` measures a fixed-order product
/// in Swift against this one (3–10× slower at lesson sizes, median 3.6×) and says why the
/// library keeps BLAS.
///
///     let a = Matrix<Double>(rows: 2, columns: 2, storage: [1, 2, 3, 4])
///     let b = Matrix<Double>(rows: 2, columns: 1, storage: [5, 6])
///     matmul(a, b).storage                   // [17, 39]
///     matmul(a, b, transposeA: true).storage // [23, 34]   (aᵀ · b)
///
/// - Parameters:
///   - a: The left factor.
///   - b: The right factor.
///   - transposeA: Whether to use the transpose of `a`.
///   - transposeB: Whether to use the transpose of `b`.
///   - alpha: A scale applied to the product (default 1).
/// - Returns: A matrix with the rows of `op(a)` and the columns of `op(b)`.
/// - Precondition: The columns of `op(a)` equal the rows of `op(b)`; otherwise
///   it stops with a message naming both shapes.
/// - Complexity: O(m · n · k) for an m×k times k×n product.
@inlinable
public func matmul<Scalar: TensorScalar>(
  _ a: Matrix<Scalar>, _ b: Matrix<Scalar>,
  transposeA: Bool = false, transposeB: Bool = false, alpha: Scalar = 1
) -> Matrix<Scalar> {
  let m = transposeA ? a.columns : a.rows
  let k = transposeA ? a.rows : a.columns
  let kOfB = transposeB ? b.columns : b.rows
  let n = transposeB ? b.rows : b.columns
  precondition(
    k == kOfB,
    "matmul: \(a.rows)×\(a.columns)\(transposeA ? "ᵀ" : "") · \(b.rows)×\(b.columns)\(transposeB ? "ᵀ" : ""): inner dimensions \(k) and \(kOfB) differ"
  )
  var result = Matrix<Scalar>(rows: m, columns: n)
  matmul(a, b, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: 0, into: &result)
  return result
}

/// Accumulates a matrix product into an existing matrix:
/// `c ← alpha · op(a) · op(b) + beta · c`, without allocating.
///
///     var c = Matrix<Double>(rows: 1, columns: 1, storage: [100])
///     let a = Matrix<Double>(rows: 1, columns: 2, storage: [1, 2])
///     matmul(a, a, transposeB: true, beta: 1, into: &c)
///     c.storage  // [105]
///
/// - Parameters:
///   - a: The left factor.
///   - b: The right factor.
///   - transposeA: Whether to use the transpose of `a`.
///   - transposeB: Whether to use the transpose of `b`.
///   - alpha: The scale of the product.
///   - beta: The scale of the previous contents of `c` (0 overwrites them).
///   - c: The result, which must already have the product's shape.
/// - Complexity: O(m · n · k) for an m×k times k×n product.
@inlinable
public func matmul<Scalar: TensorScalar>(
  _ a: Matrix<Scalar>, _ b: Matrix<Scalar>,
  transposeA: Bool = false, transposeB: Bool = false,
  alpha: Scalar = 1, beta: Scalar, into c: inout Matrix<Scalar>
) {
  let m = transposeA ? a.columns : a.rows
  let k = transposeA ? a.rows : a.columns
  let kOfB = transposeB ? b.columns : b.rows
  let n = transposeB ? b.rows : b.columns
  precondition(
    k == kOfB,
    "matmul: \(a.rows)×\(a.columns)\(transposeA ? "ᵀ" : "") · \(b.rows)×\(b.columns)\(transposeB ? "ᵀ" : ""): inner dimensions \(k) and \(kOfB) differ"
  )
  precondition(
    c.rows == m && c.columns == n,
    "matmul: the result of \(a.rows)×\(a.columns)\(transposeA ? "ᵀ" : "") · \(b.rows)×\(b.columns)\(transposeB ? "ᵀ" : "") is \(m)×\(n), but the target is \(c.rows)×\(c.columns)"
  )
  if m == 0 || n == 0 { return }
  if k == 0 {
    c = c * beta
    return
  }
  a.storage.withUnsafeBufferPointer { aBuffer in
    b.storage.withUnsafeBufferPointer { bBuffer in
      c.storage.withUnsafeMutableBufferPointer { cBuffer in
        Scalar.blasMatrixMultiply(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
          alpha: alpha, a: aBuffer.baseAddress!, lda: a.columns,
          b: bBuffer.baseAddress!, ldb: b.columns,
          beta: beta, c: cBuffer.baseAddress!, ldc: n)
      }
    }
  }
}
