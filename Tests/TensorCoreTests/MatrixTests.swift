import Testing

@testable import TensorCore

@Suite struct MatrixTests {
  @Test func rowMajorIndexing() {
    let m = Matrix<Double>(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
    #expect(m[1, 0] == 4)  // exact: stored, not computed
    #expect(m[0, 2] == 3)
    #expect(m.shape == (2, 3))
  }
}
