// Programmer errors stop the program (exit tests run the body in a child process).

import TestSupport
import Testing

@testable import Figures

@Suite struct PreconditionTests {
  @Test func seriesWithMismatchedLengthsStops() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      _ = LinePlot().adding("a", x: [1, 2], y: [1])
    }
    expectStandardError(
      result, contains: "LinePlot series \"a\": x has 2 values but y has 1")
  }

  @Test func nonPositiveLogRangeStops() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      _ = LinePlot(yScale: .log10, yRange: 0...10).adding("a", y: [1, 2]).svg()
    }
    expectStandardError(result, contains: "A log10 axis range must be positive, got 0.0...10.0")
  }

  @Test func barChartWithTooFewValuesStops() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      _ = BarChart(categories: ["a", "b"]).adding("g", values: [1])
    }
    expectStandardError(result, contains: "BarChart group \"g\": 1 values for 2 categories")
  }

  @Test func unsortedHistogramEdgesStop() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      _ = Histogram(bins: .edges([0, 2, 1]))
    }
    expectStandardError(
      result, contains: "Histogram edges must be finite, strictly increasing and at least two")
  }
}
