// Tests of ScatterPlot: positions, labels, dropped points, legend, well-formed output.

import Testing

@testable import Figures

@Suite struct ScatterPlotTests {
  /// Pixel coordinates are written with two decimals: within 0.005 px of the exact value.
  let pixelTolerance = 0.0051

  @Test func docExampleDrawsEveryPointWithLegendAndLabel() throws {
    var plot = ScatterPlot(
      title: "Critical points", xLabel: "training loss", yLabel: "minimum ratio")
    plot.add("critical points", x: [0.02, 0.11, 0.35], y: [0.98, 0.81, 0.52])
    plot.add("global minimum", x: [0.0], y: [1.0], labels: ["min"])
    let root = try parseSVG(plot.svg())
    // Four data dots plus two legend dots.
    #expect(root.all("circle").count == 6)
    let texts = root.all("text").map(\.allText)
    for text in ["min", "critical points", "global minimum", "training loss", "minimum ratio"] {
      #expect(texts.contains(text))
    }
  }

  @Test func pointsLandAtTheMappedPixels() throws {
    let plot = ScatterPlot(xScale: .log10, xRange: 0.01...100, yRange: -1...1)
      .adding("", x: [1, 0.01], y: [0, -1])
    let area = plot.frame().area
    let circles = try parseSVG(plot.svg()).all("circle")
    // x = 1 is halfway through four decades; y = 0 halfway up. (0.01, −1): bottom-left.
    #expect(abs(circles[0].number("cx")! - (area.minX + area.width / 2)) < pixelTolerance)
    #expect(abs(circles[0].number("cy")! - (area.minY + area.height / 2)) < pixelTolerance)
    #expect(abs(circles[1].number("cx")! - area.minX) < pixelTolerance)
    #expect(abs(circles[1].number("cy")! - area.maxY) < pixelTolerance)
  }

  @Test func undrawableAndOutOfRangePointsAreDropped() throws {
    let plot = ScatterPlot(yScale: .log10, xRange: 0...10)
      .adding("", x: [1, 2, .nan, 20, 4], y: [1, -1, 3, 4, .infinity])
    // Only (1, 1) survives: −1 is not positive on the log axis, NaN, x = 20 outside, ∞.
    #expect(try parseSVG(plot.svg()).all("circle").count == 1)
  }

  @Test func floatGroupsMatchDoubleGroups() {
    let float = ScatterPlot().adding("a", x: [Float(1), 2], y: [Float(0.5), 4]).svg()
    let double = ScatterPlot().adding("a", x: [1.0, 2], y: [0.5, 4]).svg()
    #expect(float == double)
  }
}

@Suite struct ScatterMarginTests {
  @Test func fittedAxesLeaveAFivePercentMargin() {
    // x from 0 to 0.4 (span 0.4 → 0.02 margin); y from 0.5 to 1 (span 0.5 → 0.025).
    let plot = ScatterPlot().adding("", x: [0, 0.4], y: [0.5, 1])
    let frame = plot.frame()
    #expect(abs(frame.xAxis.lower - -0.02) < 1e-15 && abs(frame.xAxis.upper - 0.42) < 1e-15)
    #expect(abs(frame.yAxis.lower - 0.475) < 1e-15 && abs(frame.yAxis.upper - 1.025) < 1e-15)
  }
}
