import TestSupport
import Testing

@testable import TensorCore

/// Checks the doc examples of Matrix.swift, Matrix+Arithmetic.swift,
/// Matrix+Transpose.swift and Matrix+Rows.swift. All expected values are small
/// integers worked out by hand, exactly representable, so the results are exact
/// in both precisions; comparisons go through `isClose` with a tolerance of
/// zero ulps of slack beyond exact arithmetic only where values are stored.
@Suite struct MatrixTests {
  @Test func rowMajorIndexing() {
    let m = Matrix<Double>(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
    #expect(m[1, 0] == 4)  // exact: stored, not computed
    #expect(m[0, 2] == 3)
    #expect(m.shape == (2, 3))
  }

  func elementWise<Scalar: TensorScalar>(_: Scalar.Type) {
    let a = Matrix<Scalar>(rows: 1, columns: 2, storage: [1, 2])
    let b = Matrix<Scalar>(rows: 1, columns: 2, storage: [10, 20])
    // Sums and products of small integers are exact in Float and Double.
    #expect(isClose((a + b).storage, [11, 22], absoluteTolerance: 0))
    #expect(isClose((b - a).storage, [9, 18], absoluteTolerance: 0))
    #expect(isClose((a * b).storage, [10, 40], absoluteTolerance: 0))
    #expect(isClose((b / a).storage, [10, 10], absoluteTolerance: 0))
    #expect(isClose((2 * a).storage, [2, 4], absoluteTolerance: 0))
    #expect(isClose((a + 1).storage, [2, 3], absoluteTolerance: 0))
    #expect(isClose((-a).storage, [-1, -2], absoluteTolerance: 0))
    var c = a
    c += b
    #expect(isClose(c.storage, [11, 22], absoluteTolerance: 0))
    c -= a
    #expect(isClose(c.storage, [10, 20], absoluteTolerance: 0))
    c *= a
    #expect(isClose(c.storage, [10, 40], absoluteTolerance: 0))
    c *= 0.5
    #expect(isClose(c.storage, [5, 20], absoluteTolerance: 0))
  }

  @Test func elementWiseFloat() { elementWise(Float.self) }
  @Test func elementWiseDouble() { elementWise(Double.self) }

  @Test func shapeMismatchStopsNamingBothShapes() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      let a = Matrix<Double>(rows: 2, columns: 3)
      let b = Matrix<Double>(rows: 3, columns: 2)
      _ = a + b
    }
    expectStandardError(result, contains: "shapes 2×3 and 3×2 differ")
  }

  @Test func storageElementWritesChangeTheMatrix() {
    var m = Matrix<Double>(rows: 2, columns: 2)
    m.storage[3] = 7
    m.storage[0] += 1
    #expect(m.storage == [1, 0, 0, 7])  // exact: values are stored, not computed
    #expect(m[1, 1] == 7)
    m.storage = [4, 3, 2, 1]
    #expect(m[0, 1] == 3)
  }

  @Test func storageWithTheWrongCountStops() async {
    let assigned = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      var m = Matrix<Double>(rows: 2, columns: 2)
      m.storage = [1, 2, 3]
    }
    expectStandardError(
      assigned, contains: "Matrix storage has 3 scalars, but its shape 2×2 needs 4")
    let appended = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      var m = Matrix<Double>(rows: 2, columns: 2)
      m.storage.append(5)
    }
    expectStandardError(
      appended, contains: "Matrix storage has 5 scalars, but its shape 2×2 needs 4")
  }

  @Test func transpose() {
    let m = Matrix<Double>(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
    let t = m.transposed()
    #expect(t.shape == (3, 2))
    #expect(t.storage == [1, 4, 2, 5, 3, 6])  // exact: values are moved, not computed
  }

  @Test func rowsAndBroadcasting() {
    let m = Matrix<Double>([[1, 2], [3, 4]])
    #expect(m.row(1) == [3, 4])
    #expect(m.column(0) == [1, 3])
    #expect(m.rows(at: [1, 1, 0]).storage == [3, 4, 3, 4, 1, 2])
    #expect(
      isClose(m.adding(rowVector: [10, 20]).storage, [11, 22, 13, 24], absoluteTolerance: 0))
    #expect(
      isClose(m.multiplying(rowVector: [2, 3]).storage, [2, 6, 6, 12], absoluteTolerance: 0))
    #expect(Matrix<Double>.identity(size: 2).storage == [1, 0, 0, 1])
  }

  @Test func rowArgmaxTakesFirstOnTies() {
    #expect(Matrix<Double>([[1, 3, 2], [5, 0, 5]]).rowArgmax() == [1, 0])
    let outputs = Matrix<Double>([[0.1, 0.9], [0.8, 0.2]])
    #expect(isClose(accuracy(outputs: outputs, labels: [1, 1]), 0.5, absoluteTolerance: 0))
  }
}
