// Tests of ContourPlot: level choice, bands, colour bar, trajectories, markers, SVG output.

import Testing

@testable import Figures

@Suite struct ContourPlotTests {
  /// Pixel coordinates are written with two decimals: within 0.005 px of the exact value.
  let pixelTolerance = 0.0051

  @Test func bandIndexFollowsTheLevels() {
    let levels = [1.0, 2, 3]
    #expect(ContourPlot.band(of: 0.5, levels: levels) == 0)
    #expect(ContourPlot.band(of: 1, levels: levels) == 1)
    #expect(ContourPlot.band(of: 2.5, levels: levels) == 2)
    #expect(ContourPlot.band(of: 3, levels: levels) == 3)
    #expect(ContourPlot.band(of: 10, levels: levels) == 3)
  }

  @Test func levelChoice() {
    // Linear: 3 levels strictly inside 0…8 → 2, 4, 6.
    let linear = ContourLevels.linear(count: 3).resolve(range: (0, 8), positiveMin: nil)
    #expect(linear == [2, 4, 6])
    // Log: 2 levels between 1 and 1000 → 10, 100 (pow/log10 rounding: relative 1e-12).
    let log = ContourLevels.log10(count: 2).resolve(range: (0, 1000), positiveMin: 1)
    #expect(log.count == 2)
    #expect(abs(log[0] / 10 - 1) < 1e-12 && abs(log[1] / 100 - 1) < 1e-12)
    #expect(ContourLevels.values([3, .nan, 1]).resolve(range: (0, 1), positiveMin: nil) == [1, 3])
  }

  @Test func bandsSplitWhereTheLevelIs() throws {
    // f = x on [0, 1] with 11 columns: cells 0…4 have means below 0.5 (band 0), cells 5…9
    // at or above (band 1), so band 0 ends exactly at x = 0.5.
    let plot = ContourPlot(
      x: 0...1, y: 0...1, resolution: 11, levels: .values([0.5]), lines: false
    ) { x, _ in x }
    let frame = plot.frame()
    let root = try parseSVG(plot.svg())
    let paths = root.all("path").filter { $0.attributes["fill"] == ColorMap.color(at: 0.25) }
    #expect(paths.count == 1)
    let d = try #require(paths.first?.attributes["d"])
    #expect(d.contains("H" + fixed(frame.pixelX(0.5)!)))
    #expect(!d.contains("H" + fixed(frame.pixelX(1)!)))
    // Colour bar: two bands and the outline.
    #expect(root.all("rect").filter { $0.attributes["width"] == "14" }.count == 3)
  }

  @Test func trajectoryStartsAndEndsWhereTheMappingSays() throws {
    let plot = ContourPlot(x: -2...2, y: -2...2, resolution: 21) { x, y in x * x + y * y }
      .adding("path", points: [[0, 0], [1, 1], [1, 2]])
    let frame = plot.frame()
    let root = try parseSVG(plot.svg())
    // The start ring is the only circle with no fill.
    let ring = try #require(root.all("circle").first { $0.attributes["fill"] == "none" })
    #expect(abs(ring.number("cx")! - (frame.area.minX + frame.area.width / 2)) < pixelTolerance)
    #expect(abs(ring.number("cy")! - (frame.area.minY + frame.area.height / 2)) < pixelTolerance)
    // The end square is centred on (1, 2): 3/4 across, on the top edge.
    let square = try #require(root.all("rect").first { $0.attributes["width"] == "8" })
    #expect(
      abs(square.number("x")! + 4 - (frame.area.minX + 0.75 * frame.area.width)) < pixelTolerance)
    #expect(abs(square.number("y")! + 4 - frame.area.minY) < pixelTolerance)
    let texts = root.all("text").map(\.allText)
    #expect(texts.contains("path"))
  }

  @Test func trajectoryLeavingTheGridIsCutAndHasNoEndMarker() throws {
    let plot = ContourPlot(x: -1...1, y: -1...1, resolution: 11) { x, y in x * x + y * y }
      .adding("diverging", x: [0, 0.5, 10, .nan], y: [0, 0, 0, 0])
    let frame = plot.frame()
    let root = try parseSVG(plot.svg())
    #expect(!root.all("rect").contains { $0.attributes["width"] == "8" })
    // Halo and line: both end at the right edge of the area.
    let lines = root.all("polyline").filter { $0.attributes["stroke-width"] != nil }
      .filter { polylinePoints($0).count >= 2 && $0.attributes["stroke"] != "#ffffff" }
    // Legend samples lie right of the area.
    let dataLines = lines.filter { polylinePoints($0)[0].0 < frame.area.maxX }
    #expect(dataLines.count == 2)
    for line in dataLines {
      #expect(abs(polylinePoints(line).last!.0 - frame.area.maxX) < pixelTolerance)
    }
  }

  @Test func equalAspectMakesUnitsEqual() {
    let plot = ContourPlot(x: -2...2, y: -1...1, resolution: 5, equalAspect: true) { x, y in
      x * x + 10 * y * y
    }
    let area = plot.frame().area
    // Four units across, two up: the area is twice as wide as high (to rounding, 1e-9).
    #expect(abs(area.width / area.height - 2) < 1e-9)
  }

  @Test func deterministicAndWellFormed() throws {
    let make = {
      ContourPlot(
        title: "<surface> & \"w\"", x: -2...2, y: -1...3, levels: .log10(count: 8)
      ) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
      .adding("GD", x: [-1.5, -1, 0, 1], y: [2.5, 1, 0, 1])
    }
    let svg = make().svg()
    #expect(svg == make().svg())
    let root = try parseSVG(svg)
    #expect(root.all("title").first?.allText == "<surface> & \"w\"")
  }
}

@Suite struct TrajectoryLegendTests {
  @Test func legendSamplesAreOutlinedLikeTheTrajectories() throws {
    // The third trajectory colour is near-white; its legend sample needs the dark outline to
    // show on a light page.
    var plot = ContourPlot(x: -1...1, y: -1...1, resolution: 5) { x, y in x * x + y * y }
    for name in ["a", "b", "c"] { plot.add(name, x: [0, 0.5], y: [0, 0.5]) }
    let frame = plot.frame()
    let root = try parseSVG(plot.svg())
    let legend = root.all("polyline").filter { polylinePoints($0)[0].0 > frame.area.maxX }
    // Each entry: an outline and a coloured line.
    #expect(legend.count == 6)
    #expect(legend.filter { $0.attributes["stroke"] == "#000000" }.count == 3)
    #expect(legend.contains { $0.attributes["stroke"] == ContourPlot.trajectoryColors[2] })
  }
}
