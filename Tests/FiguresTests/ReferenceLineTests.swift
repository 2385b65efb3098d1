// Tests of reference lines on line plots and markers on contour plots.

import Testing

@testable import Figures

@Suite struct ReferenceLineTests {
  /// Pixel coordinates are written with two decimals: within 0.005 px of the exact value.
  let pixelTolerance = 0.0051

  /// The numbers in a path's `d` attribute, in order.
  private func numbers(_ d: String) -> [Double] {
    d.split(whereSeparator: { "MHVLZ ".contains($0) }).compactMap { Double(String($0)) }
  }

  @Test func verticalLineAtTheEarlyStoppingEpochWidensTheAxis() throws {
    // The series stops at x = 3, the reference at x = 12: the fitted axis must reach 12.
    let plot = LinePlot().adding("validation", y: [1, 0.5, 0.4, 0.45])
      .addingReferenceLine(.vertical, at: 12, label: "early stop")
    let frame = plot.frame()
    #expect(frame.xAxis.upper >= 12)
    let root = try parseSVG(plot.svg())
    let dashed = try #require(
      root.all("path").first { $0.attributes["stroke-dasharray"] == "4 3" })
    let n = numbers(dashed.attributes["d"]!)
    #expect(abs(n[0] - frame.pixelX(12)!) < pixelTolerance)
    #expect(abs(n[1] - frame.area.minY) < pixelTolerance)
    #expect(abs(n[2] - frame.area.maxY) < pixelTolerance)
    #expect(root.all("text").map(\.allText).contains("early stop"))
  }

  @Test func horizontalLineOutsideAFixedRangeIsNotDrawn() throws {
    let plot = LinePlot(yRange: 0...1).adding("", y: [0.2, 0.4])
      .addingReferenceLine(.horizontal, at: 5, label: "out")
    let root = try parseSVG(plot.svg())
    #expect(!root.all("path").contains { $0.attributes["stroke-dasharray"] == "4 3" })
    #expect(!root.all("text").map(\.allText).contains("out"))
  }

  @Test func contourMarkerCrossIsCentredOnItsPoint() throws {
    let plot = ContourPlot(x: 0...4, y: -1...1, resolution: 9) { x, y in
      (x - 3) * (x - 3) + (y - 0.5) * (y - 0.5)
    }.addingMarker("minimum (3, 0.5)", x: 3, y: 0.5)
    let frame = plot.frame()
    let root = try parseSVG(plot.svg())
    let cross = try #require(
      root.all("path").first {
        $0.attributes["stroke"] == "#ffffff" && $0.attributes["stroke-width"] == "2"
      })
    let n = numbers(cross.attributes["d"]!)
    // "M x−6 y H x+6 M x y−6 V y+6".
    let centre = frame.pixel(x: 3, y: 0.5)!
    #expect(abs((n[0] + n[2]) / 2 - centre.x) < pixelTolerance)
    #expect(abs(n[1] - centre.y) < pixelTolerance)
    #expect(root.all("text").map(\.allText).contains("minimum (3, 0.5)"))
  }
}
