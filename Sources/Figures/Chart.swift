// What the charts with axes have in common — a title, axis labels, a caption and a size — and
// the steps built on it: laying out the frame, starting the SVG document, and the copying
// `adding…` methods.

/// A chart drawn in a `PlotFrame`: `LinePlot`, `ScatterPlot`, `BarChart`, `Histogram` and
/// `ContourPlot` conform with their public properties of these names.
protocol Chart {
  /// The title drawn above the chart (empty for none).
  var title: String { get }
  /// The label under the horizontal axis.
  var xLabel: String { get }
  /// The label beside the vertical axis.
  var yLabel: String { get }
  /// The caption shown under the figure on the page.
  var caption: String { get }
  /// Width of the figure in pixels.
  var width: Double { get }
  /// Height of the figure in pixels.
  var height: Double { get }
}

extension Chart {
  /// The layout of this chart's title, labels and size around `xAxis` and `yAxis`.
  ///
  /// - Parameters:
  ///   - xAxis: The fitted horizontal axis.
  ///   - yAxis: The fitted vertical axis.
  ///   - legend: The legend rows (see `LegendEntry.entries(names:color:symbol:)`).
  ///   - verticalGrid: Whether grid lines are drawn at the x ticks.
  ///   - sideWidth: Extra width reserved right of the area (colour bar).
  ///   - equalAspect: Whether one unit has the same length on both axes.
  func plotFrame(
    xAxis: Axis, yAxis: Axis, legend: [LegendEntry], verticalGrid: Bool = true,
    sideWidth: Double = 0, equalAspect: Bool = false
  ) -> PlotFrame {
    PlotFrame(
      width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel,
      xAxis: xAxis, yAxis: yAxis, legend: legend, verticalGrid: verticalGrid,
      sideWidth: sideWidth, equalAspect: equalAspect)
  }

  /// A new SVG document holding the header, title and grid of `frame`, labelled for screen
  /// readers by this chart's title and caption; the data is drawn next.
  func beginSVG(_ frame: PlotFrame) -> SVGBuilder {
    var svg = SVGBuilder()
    frame.begin(into: &svg, accessibleLabel: accessibleLabel(title: title, caption: caption))
    return svg
  }

  /// A copy of this chart changed by `change` (the body of every `adding…` method).
  func modified(_ change: (inout Self) -> Void) -> Self {
    var copy = self
    change(&copy)
    return copy
  }
}

extension LegendEntry {
  /// One legend row per item with a non-empty name, in order; item `k` is called `names[k]`
  /// and drawn in `color(k)` with `symbol(k)`.
  static func entries(
    names: [String], color: (Int) -> String, symbol: (Int) -> LegendSymbol
  ) -> [LegendEntry] {
    names.indices.filter { !names[$0].isEmpty }.map {
      LegendEntry(name: names[$0], color: color($0), symbol: symbol($0))
    }
  }

  /// One legend row per item with a non-empty name, all with the same `symbol`.
  static func entries(
    names: [String], color: (Int) -> String, symbol: LegendSymbol
  ) -> [LegendEntry] {
    entries(names: names, color: color) { _ in symbol }
  }
}

/// Stops the program unless a series' coordinate arrays pair up: the message names the series
/// (`owner`, such as `LinePlot series "loss"`) and both counts.
func precondition(sameCount x: [Double], _ y: [Double], of owner: @autoclosure () -> String) {
  precondition(x.count == y.count, "\(owner()): x has \(x.count) values but y has \(y.count)")
}
