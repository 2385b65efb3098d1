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

@Suite struct LongTextTests {
  @Test func truncationKeepsTheStartAndAddsAnEllipsis() {
    // The doc example: 80 px / (12 px × 0.6) = 11.1 → 11 characters, ten letters and "…".
    #expect(truncated("stochastic gradient descent", toWidth: 80) == "stochastic…")
    #expect(truncated("Adam", toWidth: 80) == "Adam")
    // Wide (CJK) characters are 1 em, others 0.6 em: at 12 px, 80 px hold 66 tenths of an em
    // (eleven narrow characters), so the ellipsis (6) and six Chinese characters (60).
    #expect(estimatedWidth("梯度下降", size: 12) == 48)
    #expect(estimatedWidth("Adam 梯度", size: 12) == 3 * 12 + 2 * 12)
    #expect(truncated("原始输入，eta = 4e-3", toWidth: 80) == "原始输入，e…")
    #expect(truncated("随机梯度下降法的轨迹", toWidth: 80) == "随机梯度下降…")
    #expect(truncated("梯度下降", toWidth: 80) == "梯度下降")
  }

  @Test func veryLongNamesDoNotSqueezeThePlotAway() throws {
    let name = String(repeating: "very long series name ", count: 20)
    let plot = LinePlot(title: "t").adding(name, y: [1, 2, 3])
    // The legend takes at most a third of the 640-px figure, so the area keeps most of the rest.
    #expect(plot.frame().area.width > 640 / 3)
    let legendText = try parseSVG(plot.svg()).all("text").map(\.allText).first { $0.hasSuffix("…") }
    #expect(legendText != nil && legendText!.count < name.count)
    let chart = BarChart(categories: [name, name]).adding("", values: [1, 2])
    #expect(chart.frame().area.height > 100)
  }
}

@Suite struct ExtremeValueTests {
  @Test func hugeAndNarrowRangesStillRender() throws {
    // A diverged run: values near the largest doubles, and a series with a tiny spread on a
    // huge offset (1e20 … 1e20 + 16384, a few ulps apart).
    let documents = [
      LinePlot().adding("", y: [-1e308, 1e308]).svg(),
      LinePlot().adding("", y: [1e20, 1e20 + 16384]).svg(),
      ScatterPlot().adding("", x: [1, 2], y: [1e20, 1e20 + 16384]).svg(),
      Histogram(values: [-1e308, 1e308], bins: .count(4)).svg(),
    ]
    for document in documents { _ = try parseSVG(document) }
  }

  @Test func narrowRangeOnAHugeOffsetLabelsItsEnds() {
    let (_, _, ticks) = linearTicks(lower: 1e20, upper: 1e20 + 16384, expand: true)
    #expect(ticks.count == 2)
    #expect(ticks.map(\.label) == [.plain("1e20"), .plain("1e20")])
  }
}
