// Tests of SurfaceGrid sampling and layout.

import TestSupport
import Testing

@testable import Figures

@Suite struct SurfaceGridTests {
  @Test func docExampleSamplesTheCentre() {
    let grid = SurfaceGrid(x: -2...2, y: -2...2, resolution: 81) { w1, w2 in
      (1 - w1 * w2) * (1 - w1 * w2)
    }
    // Column 40 of 0…80 is x = −2 + 4·40/80 = 0 exactly; likewise row 40.
    #expect(grid.value(column: 40, row: 40) == 1)
    #expect(grid.xs.first == -2 && grid.xs.last == 2 && grid.ys.count == 81)
  }

  @Test func valuesAreStoredRowByRow() {
    // f = 10·x + y on x ∈ {0, 1, 2}, y ∈ {0, 1}: row 0 is 0, 10, 20 and row 1 is 1, 11, 21.
    let grid = SurfaceGrid(x: 0...2, y: 0...1, columns: 3, rows: 2) { x, y in 10 * x + y }
    #expect(grid.values == [0, 10, 20, 1, 11, 21])
    #expect(grid.value(column: 2, row: 1) == 21)
  }

  @Test func finiteRangeIgnoresNaN() {
    let grid = SurfaceGrid(xs: [0, 1], ys: [0, 1], values: [.nan, 3, -2, .infinity])
    #expect(grid.finiteRange?.min == -2 && grid.finiteRange?.max == 3)
  }

  @Test func mismatchedSampleCountIsAProgrammerError() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      _ = SurfaceGrid(xs: [0, 1], ys: [0, 1], values: [1, 2, 3])
    }
    expectStandardError(result, contains: "SurfaceGrid: 3 values for 2 × 2 points")
  }
}
