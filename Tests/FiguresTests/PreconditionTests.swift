// Programmer errors stop the program (exit tests run the body in a child process).

import Testing

@testable import Figures

@Suite struct PreconditionTests {
  @Test func seriesWithMismatchedLengthsStops() async {
    await #expect(processExitsWith: .failure) {
      _ = LinePlot().adding("a", x: [1, 2], y: [1])
    }
  }

  @Test func nonPositiveLogRangeStops() async {
    await #expect(processExitsWith: .failure) {
      _ = LinePlot(yScale: .log10, yRange: 0...10).adding("a", y: [1, 2]).svg()
    }
  }

  @Test func barChartWithTooFewValuesStops() async {
    await #expect(processExitsWith: .failure) {
      _ = BarChart(categories: ["a", "b"]).adding("g", values: [1])
    }
  }

  @Test func unsortedHistogramEdgesStop() async {
    await #expect(processExitsWith: .failure) {
      _ = Histogram(bins: .edges([0, 2, 1]))
    }
  }
}
