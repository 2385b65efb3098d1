import TestSupport
import Testing

@testable import TensorCore

/// Checks the doc example of Matrix+Reductions.swift; values worked out by hand.
@Suite struct MatrixReductionTests {
  func reductions<Scalar: TensorScalar>(_: Scalar.Type) {
    let m = Matrix<Scalar>(rows: 2, columns: 2, storage: [1, 2, 3, 4])
    // Sums, halves and squares of small integers: exact.
    #expect(isClose(m.sum(), 10, absoluteTolerance: 0))
    #expect(isClose(m.mean(), 2.5, absoluteTolerance: 0))
    #expect(isClose(m.columnSums(), [4, 6], absoluteTolerance: 0))
    #expect(isClose(m.rowSums(), [3, 7], absoluteTolerance: 0))
    #expect(isClose(m.columnMeans(), [2, 3], absoluteTolerance: 0))
    #expect(isClose(m.rowMeans(), [1.5, 3.5], absoluteTolerance: 0))
    // Columns (1, 3) and (2, 4): deviations ±1, biased variance 1, unbiased 2.
    #expect(isClose(m.columnVariances(), [1, 1], absoluteTolerance: 0))
    #expect(isClose(m.columnVariances(unbiased: true), [2, 2], absoluteTolerance: 0))
    // Rows (1, 2) and (3, 4): deviations ±0.5, biased variance 0.25.
    #expect(isClose(m.rowVariances(), [0.25, 0.25], absoluteTolerance: 0))
  }

  @Test func reductionsFloat() { reductions(Float.self) }
  @Test func reductionsDouble() { reductions(Double.self) }
}
