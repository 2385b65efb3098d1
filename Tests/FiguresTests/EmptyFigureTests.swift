// Figures without drawable data still render a well-formed, empty frame (a lesson whose run
// diverged to NaN must not crash when it shows its plot).

import Testing

@testable import Figures

@Suite struct EmptyFigureTests {
  @Test func everyChartRendersWithoutData() throws {
    let documents = [
      LinePlot(title: "empty").svg(),
      LinePlot(yScale: .log10).adding("nan", y: [.nan, .nan, -1]).svg(),
      ScatterPlot(xScale: .log10).adding("none", x: [0, -1], y: [1, 2]).svg(),
      BarChart(categories: []).svg(),
      Histogram(values: []).svg(),
      Histogram(values: [.nan, .infinity]).svg(),
      ContourPlot(grid: SurfaceGrid(xs: [0, 1], ys: [0, 1], values: [.nan, .nan, .nan, .nan]))
        .svg(),
      FigureRow([]).svg(),
    ]
    for document in documents {
      let root = try parseSVG(document)
      // No data line is drawn; at most the legend sample of the all-NaN series.
      #expect(root.all("polyline").count <= 1)
    }
  }

  @Test func allNaNSeriesDrawsNoLineButKeepsItsLegend() throws {
    let root = try parseSVG(LinePlot().adding("diverged", y: [.nan, .infinity]).svg())
    // Only the legend sample remains.
    #expect(root.all("polyline").count == 1)
    #expect(root.all("text").map(\.allText).contains("diverged"))
  }
}
