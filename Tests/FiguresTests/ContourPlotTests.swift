// Tests of SurfaceGrid, marching squares, level choice and ContourPlot's SVG.

import Testing

@testable import Figures

@Suite struct ContourPlotTests {
  /// Pixel coordinates are written with two decimals: within 0.005 px of the exact value.
  let pixelTolerance = 0.0051

  /// The doc example of `isolines(at:)`: x² + y² = r² is a circle of radius r.
  @Test(arguments: [1.0, 2.0])
  func bowlIsolineIsACircle(level: Double) throws {
    let bowl = SurfaceGrid(x: -2...2, y: -2...2, resolution: 81) { x, y in x * x + y * y }
    let lines = bowl.isolines(at: level)
    #expect(lines.count == 1)
    let loop = try #require(lines.first)
    #expect(loop.first == loop.last, "a closed curve repeats its first point")
    // Grid spacing h = 4/80 = 0.05. Linear interpolation of the quadratic along an edge puts
    // the crossing at most h²/8 · f''/|f'| = h²/(8x) off in x; radially that is at most
    // about h²/(8r) ≈ 3e-4 for r ≥ 1. Tolerance 1e-3 leaves room.
    let radius = level.squareRoot()
    for point in loop {
      let r = (point.x * point.x + point.y * point.y).squareRoot()
      #expect(abs(r - radius) < 1e-3)
    }
    // The loop goes all the way round: it has points in all four quadrants.
    #expect(loop.contains { $0.x > 0.5 * radius } && loop.contains { $0.x < -0.5 * radius })
    #expect(loop.contains { $0.y > 0.5 * radius } && loop.contains { $0.y < -0.5 * radius })
  }

  @Test func planeGivesAnExactStraightOpenLine() throws {
    // f = x on [0, 1]² with 11 × 5 samples; level 0.5 crosses every row once, exactly at
    // x = 0.5 (linear interpolation of a linear function is exact up to rounding).
    let plane = SurfaceGrid(x: 0...1, y: 0...1, columns: 11, rows: 5) { x, _ in x }
    let lines = plane.isolines(at: 0.5)
    #expect(lines.count == 1)
    let line = try #require(lines.first)
    #expect(line.count == 5)
    for point in line { #expect(abs(point.x - 0.5) < 1e-12) }
    let ys = line.map(\.y).sorted()
    #expect(abs(ys.first! - 0) < 1e-12 && abs(ys.last! - 1) < 1e-12)
  }

  @Test func nanSampleSplitsTheLine() {
    // f = x sampled at x = 0, 0.1, …, 1 and y = 0, 0.25, …, 1, with the sample at
    // (x = 0.5, y = 0.5) missing. Level 0.45 runs through the cells of column 4 in all four
    // cell rows; the two of them that touch the missing sample are skipped, leaving a lower
    // and an upper piece.
    var values: [Double] = []
    for _ in 0..<5 { for i in 0..<11 { values.append(Double(i) / 10) } }
    values[2 * 11 + 5] = .nan
    let grid = SurfaceGrid(
      xs: (0..<11).map { Double($0) / 10 }, ys: (0..<5).map { Double($0) / 4 }, values: values)
    let lines = grid.isolines(at: 0.45)
    #expect(lines.count == 2)
  }

  @Test func saddleIsResolvedWithTheCellMean() {
    // f = x·y on [−1, 1]² with 3 × 3 samples; level 0.1. Each quadrant cell has one corner
    // at ±1 and three at 0; only the corners (−1, −1) and (1, 1) are above, so two cells each
    // cut off one corner: two lines.
    let grid = SurfaceGrid(x: -1...1, y: -1...1, resolution: 3) { x, y in x * y }
    #expect(grid.isolines(at: 0.1).count == 2)
    // A single saddle cell: corners 1, 0, 1, 0 around the cell (mean 0.5).
    let saddle = SurfaceGrid(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
    let above = saddle.isolines(at: 0.4)  // mean 0.5 ≥ 0.4: the high corners connect
    let below = saddle.isolines(at: 0.6)  // mean 0.5 < 0.6: the high corners are cut off
    #expect(above.count == 2 && below.count == 2)
    // Above: the segments cut off the low corners (1, 0) and (0, 1).
    let cutCorners = above.map { line in
      Point(x: (line[0].x + line[1].x) / 2, y: (line[0].y + line[1].y) / 2)
    }
    #expect(cutCorners.allSatisfy { ($0.x > 0.5) != ($0.y > 0.5) })
    let cutBelow = below.map { line in
      Point(x: (line[0].x + line[1].x) / 2, y: (line[0].y + line[1].y) / 2)
    }
    #expect(cutBelow.allSatisfy { ($0.x > 0.5) == ($0.y > 0.5) })
  }

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
