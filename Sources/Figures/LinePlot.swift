// Line plots: one or more series of (x, y) points joined by lines.

/// How a line is stroked.
public enum LineStyle: Sendable, Hashable {
  /// A continuous line.
  case solid
  /// Long dashes (for example the validation curve beside a solid training curve).
  case dashed
  /// Short dots.
  case dotted

  /// The SVG `stroke-dasharray`, or `nil` for a solid line.
  var dashArray: String? {
    switch self {
    case .solid: return nil
    case .dashed: return "7 4"
    case .dotted: return "2 3"
    }
  }
}

/// A line plot of one or more series, with axes, ticks, a legend and linear or log scales.
///
/// Build it, add series, and hand it to `show(_:)` in a lesson snippet:
///
/// ```swift
/// var plot = LinePlot(title: "Loss", xLabel: "epoch", yLabel: "loss", yScale: .log10)
/// plot.add("training", y: [1.0, 0.3, 0.1, 0.04])          // x = 0, 1, 2, 3
/// plot.add("validation", y: [1.1, 0.5, 0.3, 0.35], style: .dashed)
/// show(plot)
/// ```
///
/// or, as one expression, `LinePlot(title: "η(t)").adding("cosine", x: steps, y: rates)`.
///
/// Points whose x or y cannot be drawn — NaN, ±∞, or a value that is not positive on a
/// `.log10` axis — are skipped and break the line there, so a diverging run shows up as a line
/// that stops; a point with no drawable neighbour shows only with `markers: true` (use that for
/// a single marked point, such as the early-stopping epoch). Parts of a line outside a fixed
/// `xRange`/`yRange` are cut at the frame. Long left-to-right series (tens of thousands of
/// steps) are reduced to the first, lowest, highest and last point of each pixel column, which
/// draws the same picture. The same plot always renders to the same bytes.
public struct LinePlot: SVGFigure, Chart, Sendable {
  /// One line of the plot.
  public struct Series: Sendable, Hashable {
    /// The name shown in the legend (an empty name is left out of the legend).
    public var name: String
    /// Horizontal coordinates.
    public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    public var y: [Double]
    /// How the line is stroked.
    public var style: LineStyle
    /// Whether each point gets a dot.
    public var markers: Bool
    /// A CSS colour, or `nil` for the next colour of `Palette`.
    public var color: String?

    /// A series of points (`x[i]`, `y[i]`).
    ///
    /// - Parameters:
    ///   - name: The legend entry (empty for none).
    ///   - x: Horizontal coordinates.
    ///   - y: Vertical coordinates; must have as many values as `x`.
    ///   - style: Solid, dashed or dotted.
    ///   - markers: Whether each point gets a dot.
    ///   - color: A CSS colour, or `nil` for the palette.
    public init(
      _ name: String, x: [Double], y: [Double], style: LineStyle = .solid,
      markers: Bool = false, color: String? = nil
    ) {
      precondition(sameCount: x, y, of: "LinePlot series \"\(name)\"")
      self.name = name
      self.x = x
      self.y = y
      self.style = style
      self.markers = markers
      self.color = color
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
  /// A fixed horizontal range, or `nil` to fit the data (widened to whole ticks).
  public var xRange: ClosedRange<Double>?
  /// A fixed vertical range, or `nil` to fit the data (widened to whole ticks).
  public var yRange: ClosedRange<Double>?
  /// Width of the figure in pixels.
  public var width: Double
  /// Height of the figure in pixels.
  public var height: Double
  /// The lines, drawn in order (later ones on top).
  public var series: [Series]
  /// Labelled horizontal and vertical lines drawn across the plot, behind the series.
  public var referenceLines: [ReferenceLine]

  /// An empty line plot; add series with `add` or `adding`.
  ///
  /// - Parameters:
  ///   - title: The title above the plot.
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label.
  ///   - xScale: `.linear` or `.log10`.
  ///   - yScale: `.linear` or `.log10` (loss curves that span decades).
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
    self.series = []
    self.referenceLines = []
  }

  /// Adds a series of points (`x[i]`, `y[i]`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public mutating func add(
    _ name: String, x: [Double], y: [Double], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) {
    series.append(Series(name, x: x, y: y, style: style, markers: markers, color: color))
  }

  /// Adds a series of `Float` points (converted to `Double`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  @_disfavoredOverload
  public mutating func add(
    _ name: String, x: [Float], y: [Float], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) {
    add(
      name, x: x.map(Double.init), y: y.map(Double.init), style: style, markers: markers,
      color: color)
  }

  /// Adds a series plotted against its index: x = 0, 1, 2, … (steps, epochs).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - y: Vertical coordinates.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public mutating func add(
    _ name: String, y: [Double], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) {
    add(
      name, x: y.indices.map(Double.init), y: y, style: style, markers: markers, color: color)
  }

  /// Adds a series of `Float` values plotted against its index (x = 0, 1, 2, …).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - y: Vertical coordinates.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  @_disfavoredOverload
  public mutating func add(
    _ name: String, y: [Float], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) {
    add(name, y: y.map(Double.init), style: style, markers: markers, color: color)
  }

  /// A copy with one more series (see `add(_:x:y:style:markers:color:)`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public func adding(
    _ name: String, x: [Double], y: [Double], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) -> LinePlot {
    modified { $0.add(name, x: x, y: y, style: style, markers: markers, color: color) }
  }

  /// A copy with one more series of `Float` points.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  @_disfavoredOverload
  public func adding(
    _ name: String, x: [Float], y: [Float], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) -> LinePlot {
    modified { $0.add(name, x: x, y: y, style: style, markers: markers, color: color) }
  }

  /// A copy with one more series plotted against its index (x = 0, 1, 2, …).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - y: Vertical coordinates.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public func adding(
    _ name: String, y: [Double], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) -> LinePlot {
    modified { $0.add(name, y: y, style: style, markers: markers, color: color) }
  }

  /// A copy with one more series of `Float` values plotted against its index.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - y: Vertical coordinates.
  ///   - style: Solid, dashed or dotted.
  ///   - markers: Whether each point gets a dot.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  @_disfavoredOverload
  public func adding(
    _ name: String, y: [Float], style: LineStyle = .solid, markers: Bool = false,
    color: String? = nil
  ) -> LinePlot {
    modified { $0.add(name, y: y, style: style, markers: markers, color: color) }
  }

  /// The colour series `index` is drawn in.
  func color(of index: Int) -> String {
    series[index].color ?? Palette.color(index)
  }

  /// The layout: axes fitted to all series.
  func frame() -> PlotFrame {
    let xReferences = referenceLines.filter { $0.orientation == .vertical }.map(\.value)
    let yReferences = referenceLines.filter { $0.orientation == .horizontal }.map(\.value)
    let xAxis = Axis.make(
      scale: xScale, values: series.flatMap(\.x) + xReferences, fixedRange: xRange)
    let yAxis = Axis.make(
      scale: yScale, values: series.flatMap(\.y) + yReferences, fixedRange: yRange)
    let legend = LegendEntry.entries(names: series.map(\.name), color: color(of:)) {
      .line(dash: series[$0].style.dashArray, marker: series[$0].markers)
    }
    return plotFrame(xAxis: xAxis, yAxis: yAxis, legend: legend)
  }

  /// The plot as a standalone SVG document.
  ///
  /// - Complexity: O(n) in the total number of points.
  public func svg() -> String {
    let frame = frame()
    var svg = beginSVG(frame)
    for line in referenceLines { line.draw(into: &svg, frame: frame) }
    for index in series.indices {
      let line = series[index]
      let color = escapeXML(color(of: index))
      let pixels = zip(line.x, line.y).map { frame.pixel(x: $0, y: $1) }
      var attributes = "stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\""
      if let dash = line.style.dashArray { attributes += " stroke-dasharray=\"\(dash)\"" }
      svg.open("g", ["fill": self.color(of: index)])
      svg.polylines(clippedPolylines(pixels, to: frame.area), attributes: attributes)
      if line.markers {
        for case let point? in pixels where frame.area.contains(point) {
          svg.element("circle", ["cx": fixed(point.x), "cy": fixed(point.y), "r": "3"])
        }
      }
      svg.close("g")
    }
    frame.finish(into: &svg)
    return svg.text
  }
}
