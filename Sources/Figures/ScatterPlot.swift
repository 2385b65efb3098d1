// Scatter plots: groups of unconnected points, optionally labelled.

/// A scatter plot of one or more groups of points, with axes, a legend and optional point
/// labels.
///
/// ```swift
/// // Minimum ratio (fraction of positive Hessian eigenvalues) against training loss.
/// var plot = ScatterPlot(
///   title: "Critical points", xLabel: "training loss", yLabel: "minimum ratio")
/// plot.add("critical points", x: [0.02, 0.11, 0.35], y: [0.98, 0.81, 0.52])
/// plot.add("global minimum", x: [0.0], y: [1.0], labels: ["min"])
/// show(plot)
/// ```
///
/// Points with an undrawable coordinate (NaN, ±∞, not positive on a `.log10` axis) and points
/// outside a fixed `xRange`/`yRange` are not drawn.
public struct ScatterPlot: SVGFigure, Chart, Sendable {
  /// A group of points drawn in one colour with one legend entry.
  public struct Group: Sendable, Hashable {
    /// The legend entry (an empty name is left out of the legend).
    public var name: String
    /// Horizontal coordinates.
    public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    public var y: [Double]
    /// A text beside each point, or `nil` for none.
    public var labels: [String]?
    /// A CSS colour, or `nil` for the palette.
    public var color: String?
    /// The radius of each dot in pixels.
    public var radius: Double

    /// A group of points (`x[i]`, `y[i]`).
    ///
    /// - Parameters:
    ///   - name: The legend entry (empty for none).
    ///   - x: Horizontal coordinates.
    ///   - y: Vertical coordinates; as many as `x`.
    ///   - labels: A text beside each point (as many as `x`), or `nil`.
    ///   - color: A CSS colour, or `nil` for the palette.
    ///   - radius: The dot radius in pixels.
    public init(
      _ name: String, x: [Double], y: [Double], labels: [String]? = nil, color: String? = nil,
      radius: Double = 3.5
    ) {
      precondition(sameCount: x, y, of: "ScatterPlot group \"\(name)\"")
      precondition(
        labels == nil || labels!.count == x.count,
        "ScatterPlot group \"\(name)\": \(labels?.count ?? 0) labels for \(x.count) points")
      precondition(radius > 0 && radius.isFinite, "ScatterPlot: radius must be positive")
      self.name = name
      self.x = x
      self.y = y
      self.labels = labels
      self.color = color
      self.radius = radius
    }
  }

  /// The title drawn above the plot (empty for none).
  public var title: String
  /// The label under the horizontal axis.
  public var xLabel: String
  /// The label beside the vertical axis.
  public var yLabel: String
  /// The caption shown under the figure on the page.
  public var caption: String
  /// The horizontal scale.
  public var xScale: AxisScale
  /// The vertical scale.
  public var yScale: AxisScale
  /// A fixed horizontal range, or `nil` to fit the data with a 5 % margin on each side.
  public var xRange: ClosedRange<Double>?
  /// A fixed vertical range, or `nil` to fit the data with a 5 % margin on each side.
  public var yRange: ClosedRange<Double>?
  /// Width of the figure in pixels.
  public var width: Double
  /// Height of the figure in pixels.
  public var height: Double
  /// The groups, drawn in order (later ones on top).
  public var groups: [Group]

  /// An empty scatter plot; add groups with `add` or `adding`.
  ///
  /// - Parameters:
  ///   - title: The title above the plot.
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label.
  ///   - xScale: `.linear` or `.log10`.
  ///   - yScale: `.linear` or `.log10`.
  ///   - xRange: A fixed horizontal range, or `nil` to fit the data.
  ///   - yRange: A fixed vertical range, or `nil` to fit the data.
  ///   - caption: Text under the figure on the page (empty for none; the title is drawn
  ///     inside the figure already).
  ///   - width: Width in pixels.
  ///   - height: Height in pixels.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "",
    xScale: AxisScale = .linear, yScale: AxisScale = .linear,
    xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
    caption: String = "", width: Double = 640, height: Double = 400
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.caption = caption
    self.xScale = xScale
    self.yScale = yScale
    self.xRange = xRange
    self.yRange = yRange
    self.width = width
    self.height = height
    self.groups = []
  }

  /// Adds a group of points (`x[i]`, `y[i]`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - labels: A text beside each point, or `nil`.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  ///   - radius: The dot radius in pixels.
  public mutating func add(
    _ name: String, x: [Double], y: [Double], labels: [String]? = nil, color: String? = nil,
    radius: Double = 3.5
  ) {
    groups.append(Group(name, x: x, y: y, labels: labels, color: color, radius: radius))
  }

  /// Adds a group of `Float` points (converted to `Double`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - labels: A text beside each point, or `nil`.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  ///   - radius: The dot radius in pixels.
  @_disfavoredOverload
  public mutating func add(
    _ name: String, x: [Float], y: [Float], labels: [String]? = nil, color: String? = nil,
    radius: Double = 3.5
  ) {
    add(
      name, x: x.map(Double.init), y: y.map(Double.init), labels: labels, color: color,
      radius: radius)
  }

  /// A copy with one more group (see `add(_:x:y:labels:color:radius:)`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - labels: A text beside each point, or `nil`.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  ///   - radius: The dot radius in pixels.
  public func adding(
    _ name: String, x: [Double], y: [Double], labels: [String]? = nil, color: String? = nil,
    radius: Double = 3.5
  ) -> ScatterPlot {
    modified { $0.add(name, x: x, y: y, labels: labels, color: color, radius: radius) }
  }

  /// A copy with one more group of `Float` points.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - labels: A text beside each point, or `nil`.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  ///   - radius: The dot radius in pixels.
  @_disfavoredOverload
  public func adding(
    _ name: String, x: [Float], y: [Float], labels: [String]? = nil, color: String? = nil,
    radius: Double = 3.5
  ) -> ScatterPlot {
    modified { $0.add(name, x: x, y: y, labels: labels, color: color, radius: radius) }
  }

  /// The colour group `index` is drawn in.
  func color(of index: Int) -> String {
    groups[index].color ?? Palette.color(index)
  }

  /// The layout: axes fitted to all groups.
  func frame() -> PlotFrame {
    // A 5 % margin keeps the extreme points off the frame.
    let xAxis = Axis.make(
      scale: xScale, values: groups.flatMap(\.x), fixedRange: xRange, margin: 0.05)
    let yAxis = Axis.make(
      scale: yScale, values: groups.flatMap(\.y), fixedRange: yRange, margin: 0.05)
    let legend = LegendEntry.entries(names: groups.map(\.name), color: color(of:), symbol: .marker)
    return plotFrame(xAxis: xAxis, yAxis: yAxis, legend: legend)
  }

  /// The plot as a standalone SVG document.
  ///
  /// - Complexity: O(n) in the total number of points.
  public func svg() -> String {
    let frame = frame()
    var svg = beginSVG(frame)
    for index in groups.indices {
      let group = groups[index]
      svg.open("g", ["fill": color(of: index), "fill-opacity": "0.85"])
      var labelMarkup: [(Point, String)] = []
      for i in group.x.indices {
        guard let point = frame.pixel(x: group.x[i], y: group.y[i]),
          frame.area.contains(point)
        else { continue }
        svg.element(
          "circle", ["cx": fixed(point.x), "cy": fixed(point.y), "r": fixed(group.radius)])
        if let labels = group.labels, !labels[i].isEmpty {
          labelMarkup.append((point, labels[i]))
        }
      }
      svg.close("g")
      for (point, text) in labelMarkup {
        svg.label(
          text, x: point.x + group.radius + 3, y: point.y - group.radius - 1, anchor: .start,
          size: 10)
      }
    }
    frame.finish(into: &svg)
    return svg.text
  }
}
