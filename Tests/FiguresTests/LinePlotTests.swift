// Tests of LinePlot: well-formed SVG, points at the pixel positions the axis mapping gives,
// NaN and log-scale handling, clipping, escaping and deterministic output.

import Testing

@testable import Figures

@Suite struct LinePlotTests {
  /// Pixel coordinates are written with two decimals, so a rendered coordinate is within
  /// 0.005 px of the exact one.
  let pixelTolerance = 0.0051

  @Test func docExampleIsWellFormedWithLegend() throws {
    var plot = LinePlot(title: "Loss", xLabel: "epoch", yLabel: "loss", yScale: .log10)
    plot.add("training", y: [1.0, 0.3, 0.1, 0.04])
    plot.add("validation", y: [1.1, 0.5, 0.3, 0.35], style: .dashed)
    let root = try parseSVG(plot.svg())
    #expect(root.attributes["viewBox"] == "0 0 640 400")
    #expect(root.attributes["width"] == "640" && root.attributes["height"] == "400")
    let texts = root.all("text").map(\.allText)
    #expect(texts.contains("training") && texts.contains("validation"))
    #expect(texts.contains("Loss") && texts.contains("epoch") && texts.contains("loss"))
    // Data polylines (two) plus two legend samples.
    let lines = root.all("polyline")
    #expect(lines.count == 4)
    #expect(lines.filter { $0.attributes["stroke-dasharray"] == "7 4" }.count == 2)
  }

  @Test func pointsLandWhereTheAxisMappingPutsThem() throws {
    var plot = LinePlot(xRange: 0...10, yRange: 0...100)
    plot.add("", x: [5, 2.5], y: [50, 100], markers: true)
    let area = plot.frame().area
    let circles = try parseSVG(plot.svg()).all("circle")
    #expect(circles.count == 2)
    // (5, 50) is the centre of the area; (2.5, 100) a quarter across, on the top edge.
    let expected = [
      (area.minX + area.width / 2, area.minY + area.height / 2),
      (area.minX + area.width / 4, area.minY),
    ]
    for (circle, (x, y)) in zip(circles, expected) {
      #expect(abs(circle.number("cx")! - x) < pixelTolerance)
      #expect(abs(circle.number("cy")! - y) < pixelTolerance)
    }
  }

  @Test func logScaleMapsDecadesToEqualSteps() throws {
    var plot = LinePlot(yScale: .log10, xRange: 0...1, yRange: 1...1000)
    plot.add("", x: [0, 1], y: [10, 100], markers: true)
    let area = plot.frame().area
    let circles = try parseSVG(plot.svg()).all("circle")
    // 10 is one third up the three decades, 100 two thirds.
    #expect(abs(circles[0].number("cy")! - (area.maxY - area.height / 3)) < pixelTolerance)
    #expect(abs(circles[1].number("cy")! - (area.maxY - 2 * area.height / 3)) < pixelTolerance)
  }

  @Test func nanAndInfinityBreakTheLine() throws {
    let plot = LinePlot().adding("", y: [1, 2, .nan, 4, 5, .infinity, 7, 8])
    let lines = try parseSVG(plot.svg()).all("polyline")
    // Runs [1, 2], [4, 5], [7, 8]: three polylines of two points each.
    #expect(lines.map { polylinePoints($0).count } == [2, 2, 2])
  }

  @Test func nonPositiveValuesAreSkippedOnLogAxes() throws {
    let plot = LinePlot(yScale: .log10).adding("", y: [1, 0, 10, 100, -1])
    let lines = try parseSVG(plot.svg()).all("polyline")
    // The lone point 1 has no neighbour to join; 10 and 100 make one line.
    #expect(lines.map { polylinePoints($0).count } == [2])
  }

  @Test func linesLeavingAFixedRangeAreCutAtTheFrame() throws {
    let plot = LinePlot(xRange: 0...10, yRange: 0...10).adding("", x: [5, 15], y: [5, 5])
    let area = plot.frame().area
    let points = polylinePoints(try parseSVG(plot.svg()).all("polyline")[0])
    #expect(points.count == 2)
    #expect(abs(points[1].0 - area.maxX) < pixelTolerance)
    #expect(abs(points[1].1 - (area.minY + area.height / 2)) < pixelTolerance)
  }

  @Test func textIsEscaped() throws {
    let hostile = "<script>alert('x')</script> & \"quotes\""
    let plot = LinePlot(title: hostile, xLabel: hostile, yLabel: hostile)
      .adding(hostile, y: [1, 2], color: "red\"/><script>")
    let svg = plot.svg()
    #expect(!svg.contains("<script"))
    let root = try parseSVG(svg)
    // The parser decodes the entities back to the original text.
    // Title and axis labels in full; the legend name shortened to fit a third of the width.
    let texts = root.all("text").map(\.allText)
    #expect(texts.filter { $0 == hostile }.count == 3)
    #expect(texts.contains { $0.hasSuffix("…") && hostile.hasPrefix($0.dropLast()) })
    #expect(root.all("title").first?.allText == hostile)
  }

  @Test func sameDataGivesIdenticalBytes() {
    let y: [Double] = (0..<50).map { 1 / Double($0 + 1) }
    let a = LinePlot(title: "t", yScale: .log10).adding("a", y: y).svg()
    var plot = LinePlot(title: "t", yScale: .log10)
    plot.add("a", y: y)
    #expect(a == plot.svg())
    #expect(a == plot.svg())
  }

  @Test func floatSeriesDrawLikeDoubles() {
    // Values exactly representable in Float give the same picture.
    let float: [Float] = [0.5, 0.25, 2, 8]
    let double: [Double] = [0.5, 0.25, 2, 8]
    #expect(LinePlot().adding("f", y: float).svg() == LinePlot().adding("f", y: double).svg())
  }

  @Test func longNoisyLinesKeepTheirExtremesInFewPoints() throws {
    // 20 000 steps of a zig-zag between 0 and 1 (with one spike to 3) across a 640-px plot:
    // at most 4 points per pixel column survive, and the drawn line still reaches the
    // highest and lowest values.
    var y = (0..<20_000).map { Double($0 % 2) }
    y[12_345] = 3
    let plot = LinePlot(yRange: 0...3).adding("", y: y)
    let area = plot.frame().area
    let points = polylinePoints(try parseSVG(plot.svg()).all("polyline")[0])
    #expect(Double(points.count) <= 4 * (area.width + 1))
    let ys = points.map(\.1)
    #expect(abs(ys.min()! - area.minY) < pixelTolerance)  // the spike to 3
    #expect(abs(ys.max()! - area.maxY) < pixelTolerance)  // the zeros
  }
}
