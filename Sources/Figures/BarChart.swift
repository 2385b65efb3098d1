// Bar charts: one value per category and group, groups side by side.

/// A grouped bar chart: for each category, one bar per group, side by side.
///
/// ```swift
/// var chart = BarChart(
///   title: "Final distance to the minimum", yLabel: "distance",
///   categories: ["GD", "momentum", "Adam"])
/// chart.add("η = 0.01", values: [0.8, 0.2, 0.05])
/// chart.add("η = 0.1", values: [0.3, 0.01, 0.02])
/// show(chart)
/// ```
///
/// Bars rise from 0 on a linear axis (downwards for negative values) and from the bottom of
/// the axis on a `.log10` axis. NaN, ±∞ and (on a log axis) non-positive values leave their
/// bar out. With a fixed `yRange`, bars are cut at the frame.
public struct BarChart: SVGFigure, Chart, Sendable {
  /// One group of bars: a value for each category, in one colour.
  public struct Group: Sendable, Hashable {
    /// The legend entry (an empty name is left out of the legend).
    public var name: String
    /// One value per category.
    public var values: [Double]
    /// A CSS colour, or `nil` for the palette.
    public var color: String?

    /// A group of bars.
    ///
    /// - Parameters:
    ///   - name: The legend entry.
    ///   - values: One value per category.
    ///   - color: A CSS colour, or `nil` for the palette.
    public init(_ name: String, values: [Double], color: String? = nil) {
      self.name = name
      self.values = values
      self.color = color
    }
  }

  /// The category names along the horizontal axis.
  public var categories: [String]
  /// The title drawn above the chart (empty for none).
  public var title: String
  /// The label under the horizontal axis.
  public var xLabel: String
  /// The label beside the vertical axis.
  public var yLabel: String
  /// The caption shown under the figure on the page.
  public var caption: String
  /// The vertical scale.
  public var yScale: AxisScale
  /// A fixed vertical range, or `nil` to fit the data (and 0 on a linear axis).
  public var yRange: ClosedRange<Double>?
  /// Width of the figure in pixels.
  public var width: Double
  /// Height of the figure in pixels.
  public var height: Double
  /// The groups, drawn left to right within each category.
  public var groups: [Group]

  /// An empty bar chart over `categories`; add groups with `add` or `adding`.
  ///
  /// - Parameters:
  ///   - title: The title above the chart.
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label.
  ///   - categories: The names under the bar groups.
  ///   - yScale: `.linear` or `.log10`.
  ///   - yRange: A fixed vertical range, or `nil` to fit the data.
  ///   - caption: Text under the figure on the page (empty for none; the title is drawn
  ///     inside the figure already).
  ///   - width: Width in pixels.
  ///   - height: Height in pixels.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "", categories: [String],
    yScale: AxisScale = .linear, yRange: ClosedRange<Double>? = nil, caption: String = "",
    width: Double = 640, height: Double = 400
  ) {
    self.categories = categories
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.caption = caption
    self.yScale = yScale
    self.yRange = yRange
    self.width = width
    self.height = height
    self.groups = []
  }

  /// Adds a group: one value per category.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - values: One value per category.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public mutating func add(_ name: String, values: [Double], color: String? = nil) {
    precondition(
      values.count == categories.count,
      "BarChart group \"\(name)\": \(values.count) values for \(categories.count) categories")
    groups.append(Group(name, values: values, color: color))
  }

  /// Adds a group of `Float` values.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - values: One value per category.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  @_disfavoredOverload
  public mutating func add(_ name: String, values: [Float], color: String? = nil) {
    add(name, values: values.map(Double.init), color: color)
  }

  /// A copy with one more group.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - values: One value per category.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public func adding(_ name: String, values: [Double], color: String? = nil) -> BarChart {
    modified { $0.add(name, values: values, color: color) }
  }

  /// The colour group `index` is drawn in.
  func color(of index: Int) -> String {
    groups[index].color ?? Palette.color(index)
  }

  /// The layout: categories at 0.5, 1.5, … on a 0…n axis.
  func frame() -> PlotFrame {
    let count = max(1, categories.count)
    let ticks = categories.enumerated().map {
      // Names are cut at 24 characters so that slanted labels leave room for the bars.
      Tick(
        value: Double($0.offset) + 0.5,
        label: .plain(truncated($0.element, toWidth: 24 * 6.6, size: 11)))
    }
    let xAxis = Axis(scale: .linear, lower: 0, upper: Double(count), ticks: ticks)
    let yAxis = Axis.make(
      scale: yScale, values: groups.flatMap(\.values), fixedRange: yRange, includeZero: true)
    let legend = LegendEntry.entries(names: groups.map(\.name), color: color(of:), symbol: .box)
    return plotFrame(xAxis: xAxis, yAxis: yAxis, legend: legend, verticalGrid: false)
  }

  /// The horizontal extent of bar `group` in category `category`, in axis units: the
  /// groups share the middle 80 % of the category's unit-wide slot.
  func barSpan(category: Int, group: Int) -> (Double, Double) {
    let slot = 0.8 / Double(max(1, groups.count))
    let left = Double(category) + 0.1 + Double(group) * slot
    return (left, left + slot)
  }

  /// The chart as a standalone SVG document.
  ///
  /// - Complexity: O(categories × groups).
  public func svg() -> String {
    let frame = frame()
    var svg = beginSVG(frame)
    let area = frame.area
    let baseValue = yScale == .log10 ? frame.yAxis.lower : 0
    let base = min(area.maxY, max(area.minY, frame.pixelY(baseValue) ?? area.maxY))
    for index in groups.indices {
      svg.open("g", ["fill": color(of: index)])
      for (category, value) in groups[index].values.enumerated() {
        guard let top = frame.pixelY(value) else { continue }
        let clamped = min(area.maxY, max(area.minY, top))
        let (left, right) = barSpan(category: category, group: index)
        frame.drawBar(
          into: &svg, left: left, right: right, top: min(clamped, base),
          height: abs(base - clamped))
      }
      svg.close("g")
    }
    frame.finish(into: &svg)
    return svg.text
  }
}
