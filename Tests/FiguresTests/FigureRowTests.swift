// Tests of FigureRow: nested figures at their offsets, overall size, well-formed output.

import Testing

@testable import Figures

@Suite struct FigureRowTests {
  @Test func figuresSitSideBySideWithTheGap() throws {
    let left = LinePlot(title: "left", width: 300, height: 200).adding("", y: [1, 2])
    let right = ScatterPlot(title: "right", width: 400, height: 250).adding("", x: [1], y: [1])
    let row = FigureRow(left, right, caption: "two <figures>", gap: 20)
    let root = try parseSVG(row.svg())
    // 300 + 20 + 400 wide, as tall as the taller figure.
    #expect(root.attributes["width"] == "720" && root.attributes["height"] == "250")
    let nested = root.children.filter { $0.name == "svg" }
    #expect(nested.count == 2)
    #expect(nested[0].attributes["x"] == "0" && nested[1].attributes["x"] == "320")
    #expect(nested[1].attributes["width"] == "400")
    #expect(root.attributes["aria-label"] == "two <figures>")
    let titles = root.all("title").map(\.allText)
    #expect(titles == ["left", "right"])
  }

  @Test func equalAspectFiguresReportTheirShrunkSize() throws {
    // An equal-aspect contour plot narrows itself; the row must use the narrowed width.
    let narrow = ContourPlot(x: 0...1, y: 0...4, resolution: 5, equalAspect: true) { x, y in x + y }
    let row = FigureRow(narrow, narrow)
    let root = try parseSVG(row.svg())
    let nested = root.children.filter { $0.name == "svg" }
    let width = nested[0].number("width")!
    #expect(width < 640)
    #expect(abs(nested[1].number("x")! - (width + 16)) < 0.006)
  }
}
