import TestSupport
import Testing

@testable import TensorCore

/// Checks matmul (Matrix+Product.swift) against products worked out by hand and
/// against a naive triple loop on random matrices.
@Suite struct MatrixProductTests {
  func handWorked<Scalar: TensorScalar>(_: Scalar.Type) {
    // The doc example: [[1, 2], [3, 4]] · [5, 6]ᵀ = [17, 39]; aᵀ · b = [23, 34].
    // Small integers: exact in both precisions.
    let a = Matrix<Scalar>(rows: 2, columns: 2, storage: [1, 2, 3, 4])
    let b = Matrix<Scalar>(rows: 2, columns: 1, storage: [5, 6])
    #expect(isClose(matmul(a, b).storage, [17, 39], absoluteTolerance: 0))
    #expect(isClose(matmul(a, b, transposeA: true).storage, [23, 34], absoluteTolerance: 0))
    // b · bᵀ = [[25, 30], [30, 36]], bᵀ · b = [61].
    #expect(
      isClose(matmul(b, b, transposeB: true).storage, [25, 30, 30, 36], absoluteTolerance: 0))
    #expect(isClose(matmul(b, b, transposeA: true).storage, [61], absoluteTolerance: 0))
    var c = Matrix<Scalar>(rows: 1, columns: 1, storage: [100])
    let row = Matrix<Scalar>(rows: 1, columns: 2, storage: [1, 2])
    matmul(row, row, transposeB: true, beta: 1, into: &c)
    #expect(isClose(c.storage, [105], absoluteTolerance: 0))
  }

  @Test func handWorkedFloat() { handWorked(Float.self) }
  @Test func handWorkedDouble() { handWorked(Double.self) }

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func agreesWithNaiveLoop(transposeA: Bool, transposeB: Bool) {
    var generator = SeededGenerator(seed: 3)
    let (m, k, n) = (5, 7, 4)
    let a = Matrix<Double>.normal(
      rows: transposeA ? k : m, columns: transposeA ? m : k, using: &generator)
    let b = Matrix<Double>.normal(
      rows: transposeB ? n : k, columns: transposeB ? k : n, using: &generator)
    let opA = transposeA ? a.transposed() : a
    let opB = transposeB ? b.transposed() : b
    let product = matmul(a, b, transposeA: transposeA, transposeB: transposeB)
    #expect(product.shape == (m, n))
    for i in 0..<m {
      for j in 0..<n {
        var expected = 0.0
        for p in 0..<k { expected += opA[i, p] * opB[p, j] }
        // Seven products of standard normals: BLAS may sum in another order;
        // 1e-12 is ~10⁴ ulps of values of order 1, far above reordering error.
        #expect(isClose(product[i, j], expected, absoluteTolerance: 1e-12))
      }
    }
  }

  @Test func innerDimensionMismatchStops() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      _ = matmul(Matrix<Double>(rows: 2, columns: 3), Matrix<Double>(rows: 2, columns: 3))
    }
    expectStandardError(result, contains: "2×3 · 2×3: inner dimensions 3 and 2 differ")
  }
}
