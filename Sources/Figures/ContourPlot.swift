// Contour plots and heat maps of a sampled 2-D function, with optimizer trajectories on top.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which function values a contour plot traces and where its colour bands change.
public enum ContourLevels: Sendable, Hashable {
  /// `count` evenly spaced values strictly between the smallest and largest sample.
  case linear(count: Int)
  /// `count` values evenly spaced in log10 strictly between the smallest positive sample and
  /// the largest — for error surfaces whose values span decades. Samples that are not
  /// positive fall in the lowest band.
  case log10(count: Int)
  /// These values, sorted.
  case values([Double])

  /// The level values for samples ranging over `range`; `positiveMin` is the smallest positive
  /// sample (for `.log10`).
  func resolve(range: (min: Double, max: Double), positiveMin: Double?) -> [Double] {
    switch self {
    case .values(let values):
      return values.filter(\.isFinite).sorted()
    case .linear(let count):
      precondition(count >= 1, "ContourLevels.linear needs count >= 1")
      guard range.max > range.min else { return [range.min] }
      return (1...count).map {
        range.min + (range.max - range.min) * Double($0) / Double(count + 1)
      }
    case .log10(let count):
      precondition(count >= 1, "ContourLevels.log10 needs count >= 1")
      guard let low = positiveMin, range.max > low else {
        return ContourLevels.linear(count: count).resolve(range: range, positiveMin: nil)
      }
      let a = logarithm10(low)
      let b = logarithm10(range.max)
      return (1...count).map { pow(10, a + (b - a) * Double($0) / Double(count + 1)) }
    }
  }
}

/// A contour plot of a sampled function f(x, y): filled colour bands (a heat map) and/or
/// iso-lines found by marching squares, a colour bar, and optimizer trajectories drawn on top.
///
/// ```swift
/// // Rosenbrock-like valley, levels log-spaced because the values span decades.
/// var plot = ContourPlot(
///   title: "Gradient descent vs momentum", xLabel: "w₁", yLabel: "w₂",
///   x: -2...2, y: -1...3, levels: .log10(count: 12)
/// ) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
/// plot.add("gradient descent", x: gdX, y: gdY)
/// plot.add("momentum", points: momentumPath)   // [[x, y], …]
/// show(plot)
/// ```
///
/// Each trajectory is a line with a ring at its start and a square at its end, in its own
/// colour, with a legend entry. Trajectory points that are NaN or ±∞ break the line; parts
/// outside the grid's ranges are cut at the frame (a diverging optimizer leaves the picture).
/// The bands are coloured by `ColorMap` from dark (low) to light (high); a band's colour
/// applies to a whole grid cell, chosen by the mean of the cell's four corner samples.
public struct ContourPlot: SVGFigure, Chart, Sendable {
  /// A path through parameter space drawn over the surface.
  public struct Trajectory: Sendable, Hashable {
    /// The legend entry (an empty name is left out of the legend).
    public var name: String
    /// Horizontal coordinates of the path's points.
    public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    public var y: [Double]
    /// A CSS colour, or `nil` for the trajectory palette.
    public var color: String?

    /// A trajectory through (`x[i]`, `y[i]`).
    ///
    /// - Parameters:
    ///   - name: The legend entry.
    ///   - x: Horizontal coordinates.
    ///   - y: Vertical coordinates; as many as `x`.
    ///   - color: A CSS colour, or `nil` for the trajectory palette.
    public init(_ name: String, x: [Double], y: [Double], color: String? = nil) {
      precondition(sameCount: x, y, of: "ContourPlot trajectory \"\(name)\"")
      self.name = name
      self.x = x
      self.y = y
      self.color = color
    }
  }

  /// A labelled point marked with a cross, such as the minimum of the surface.
  public struct Marker: Sendable, Hashable {
    /// The text beside the cross (empty for none).
    public var label: String
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate.
    public var y: Double

    /// A marker at (`x`, `y`).
    ///
    /// - Parameters:
    ///   - label: The text beside the cross.
    ///   - x: Horizontal coordinate.
    ///   - y: Vertical coordinate.
    public init(_ label: String, x: Double, y: Double) {
      self.label = label
      self.x = x
      self.y = y
    }
  }

  /// Bright colours that stand out on the heat map's colours (drawn with a dark outline).
  public static let trajectoryColors: [String] = [
    "#ff3b30", "#ff9f0a", "#f0f0f0", "#ff4fd8", "#30d5ff", "#b4ff39",
  ]

  /// The sampled surface.
  public var grid: SurfaceGrid
  /// How iso-line values (and band boundaries) are chosen.
  public var levels: ContourLevels
  /// Whether the bands between levels are filled with colour (a heat map).
  public var filled: Bool
  /// Whether the iso-lines are drawn.
  public var lines: Bool
  /// Whether one unit has the same length on both axes (a round bowl looks round); the
  /// figure then shrinks in one direction.
  public var equalAspect: Bool
  /// The title drawn above the plot (empty for none).
  public var title: String
  /// The label under the horizontal axis.
  public var xLabel: String
  /// The label beside the vertical axis.
  public var yLabel: String
  /// The caption shown under the figure on the page.
  public var caption: String
  /// Width of the figure in pixels.
  public var width: Double
  /// Height of the figure in pixels.
  public var height: Double
  /// The trajectories, drawn in order (later ones on top).
  public var trajectories: [Trajectory]
  /// Labelled crosses drawn on top of everything (for example the minimum).
  public var markers: [Marker]

  /// A contour plot of an already sampled surface.
  ///
  /// - Parameters:
  ///   - title: The title above the plot.
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label.
  ///   - grid: The samples.
  ///   - levels: How the levels are chosen (default: 10 evenly spaced).
  ///   - filled: Whether to fill the bands with colour.
  ///   - lines: Whether to draw the iso-lines.
  ///   - equalAspect: Whether one unit has the same length on both axes.
  ///   - caption: Text under the figure on the page (empty for none; the title is drawn
  ///     inside the figure already).
  ///   - width: Width in pixels.
  ///   - height: Height in pixels.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "", grid: SurfaceGrid,
    levels: ContourLevels = .linear(count: 10), filled: Bool = true, lines: Bool = true,
    equalAspect: Bool = false, caption: String = "", width: Double = 640,
    height: Double = 480
  ) {
    self.equalAspect = equalAspect
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.grid = grid
    self.levels = levels
    self.filled = filled
    self.lines = lines
    self.caption = caption
    self.width = width
    self.height = height
    self.trajectories = []
    self.markers = []
  }

  /// A contour plot of `function` sampled on a `resolution × resolution` grid over the ranges.
  ///
  /// - Parameters:
  ///   - title: The title above the plot.
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label.
  ///   - x: The horizontal range.
  ///   - y: The vertical range.
  ///   - resolution: Samples along each axis.
  ///   - levels: How the levels are chosen (default: 10 evenly spaced).
  ///   - filled: Whether to fill the bands with colour.
  ///   - lines: Whether to draw the iso-lines.
  ///   - equalAspect: Whether one unit has the same length on both axes.
  ///   - caption: Text under the figure on the page (empty for none; the title is drawn
  ///     inside the figure already).
  ///   - width: Width in pixels.
  ///   - height: Height in pixels.
  ///   - function: f(x, y).
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "",
    x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 81,
    levels: ContourLevels = .linear(count: 10), filled: Bool = true, lines: Bool = true,
    equalAspect: Bool = false, caption: String = "", width: Double = 640,
    height: Double = 480, function: (Double, Double) -> Double
  ) {
    self.init(
      title: title, xLabel: xLabel, yLabel: yLabel,
      grid: SurfaceGrid(x: x, y: y, resolution: resolution, function: function),
      levels: levels, filled: filled, lines: lines, equalAspect: equalAspect,
      caption: caption, width: width, height: height)
  }

  /// Adds a trajectory through (`x[i]`, `y[i]`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - color: A CSS colour, or `nil` for the next trajectory colour.
  public mutating func add(_ name: String, x: [Double], y: [Double], color: String? = nil) {
    trajectories.append(Trajectory(name, x: x, y: y, color: color))
  }

  /// Adds a trajectory of `Float` coordinates.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - color: A CSS colour, or `nil` for the next trajectory colour.
  @_disfavoredOverload
  public mutating func add(_ name: String, x: [Float], y: [Float], color: String? = nil) {
    add(name, x: x.map(Double.init), y: y.map(Double.init), color: color)
  }

  /// Adds a trajectory given as points `[x, y]` (for example the parameter vectors an
  /// optimizer visited).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - points: Two-element arrays `[x, y]`.
  ///   - color: A CSS colour, or `nil` for the next trajectory colour.
  public mutating func add(_ name: String, points: [[Double]], color: String? = nil) {
    precondition(
      points.allSatisfy { $0.count == 2 },
      "ContourPlot trajectory \"\(name)\": every point must have 2 coordinates [x, y]")
    add(name, x: points.map { $0[0] }, y: points.map { $0[1] }, color: color)
  }

  /// Adds a trajectory given as `Float` points `[x, y]`.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - points: Two-element arrays `[x, y]`.
  ///   - color: A CSS colour, or `nil` for the next trajectory colour.
  @_disfavoredOverload
  public mutating func add(_ name: String, points: [[Float]], color: String? = nil) {
    add(name, points: points.map { $0.map(Double.init) }, color: color)
  }

  /// A copy with one more trajectory through (`x[i]`, `y[i]`).
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - x: Horizontal coordinates.
  ///   - y: Vertical coordinates, as many as `x`.
  ///   - color: A CSS colour, or `nil` for the next trajectory colour.
  public func adding(_ name: String, x: [Double], y: [Double], color: String? = nil)
    -> ContourPlot
  {
    modified { $0.add(name, x: x, y: y, color: color) }
  }

  /// A copy with one more trajectory given as points `[x, y]`.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - points: Two-element arrays `[x, y]`.
  ///   - color: A CSS colour, or `nil` for the next trajectory colour.
  public func adding(_ name: String, points: [[Double]], color: String? = nil) -> ContourPlot {
    modified { $0.add(name, points: points, color: color) }
  }

  /// Marks a point with a cross and a label, on top of the surface and the trajectories.
  ///
  /// ```swift
  /// plot.addMarker("minimum (3, 0.5)", x: 3, y: 0.5)
  /// ```
  ///
  /// - Parameters:
  ///   - label: The text beside the cross (empty for none).
  ///   - x: Horizontal coordinate.
  ///   - y: Vertical coordinate.
  public mutating func addMarker(_ label: String, x: Double, y: Double) {
    markers.append(Marker(label, x: x, y: y))
  }

  /// A copy with one more marker (see `addMarker(_:x:y:)`).
  ///
  /// - Parameters:
  ///   - label: The text beside the cross (empty for none).
  ///   - x: Horizontal coordinate.
  ///   - y: Vertical coordinate.
  public func addingMarker(_ label: String, x: Double, y: Double) -> ContourPlot {
    modified { $0.addMarker(label, x: x, y: y) }
  }

  /// The colour trajectory `index` is drawn in.
  func color(of index: Int) -> String {
    trajectories[index].color
      ?? ContourPlot.trajectoryColors[index % ContourPlot.trajectoryColors.count]
  }

  /// The level values for this grid.
  func levelValues() -> [Double] {
    guard let range = grid.finiteRange else { return [] }
    let positiveMin = grid.values.filter { $0.isFinite && $0 > 0 }.min()
    return levels.resolve(range: range, positiveMin: positiveMin)
  }

  /// The band of `value`: 0 below the first level, `k` from level `k − 1` up to level `k`.
  static func band(of value: Double, levels: [Double]) -> Int {
    var low = 0
    var high = levels.count
    while low < high {
      let middle = (low + high) / 2
      if value >= levels[middle] { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The layout: axes spanning the grid exactly, room for the colour bar.
  func frame() -> PlotFrame {
    frame(levelLabels: levelValues().map { significant($0) })
  }

  /// The layout for colour-bar labels `levelLabels`.
  func frame(levelLabels: [String]) -> PlotFrame {
    let xAxis = Axis.make(
      scale: .linear, values: [], fixedRange: grid.xs.first!...grid.xs.last!)
    let yAxis = Axis.make(
      scale: .linear, values: [], fixedRange: grid.ys.first!...grid.ys.last!)
    let legend = LegendEntry.entries(
      names: trajectories.map(\.name), color: color(of:), symbol: .outlinedLine)
    let labelWidth = levelLabels.map { estimatedWidth($0, size: 10) }.max() ?? 0
    let side = filled ? 14 + 6 + labelWidth + 4 : 0
    return plotFrame(
      xAxis: xAxis, yAxis: yAxis, legend: legend, sideWidth: side, equalAspect: equalAspect)
  }

  /// The plot as a standalone SVG document.
  ///
  /// - Complexity: O(columns × rows × levels) for the iso-lines, plus the trajectory points.
  public func svg() -> String {
    let levelValues = levelValues()
    let levelLabels = levelValues.map { significant($0) }
    let frame = frame(levelLabels: levelLabels)
    var svg = beginSVG(frame)
    let bandCount = levelValues.count + 1
    let bandColor = { (band: Int) in
      ColorMap.color(at: (Double(band) + 0.5) / Double(bandCount))
    }
    if filled { drawBands(into: &svg, frame: frame, levels: levelValues, color: bandColor) }
    if lines { drawIsolines(into: &svg, frame: frame, levels: levelValues) }
    drawTrajectories(into: &svg, frame: frame)
    drawMarkers(into: &svg, frame: frame)
    if filled {
      drawColorBar(
        into: &svg, frame: frame, labels: levelLabels, bandCount: bandCount, color: bandColor)
    }
    frame.finish(into: &svg)
    return svg.text
  }

  private func drawBands(
    into svg: inout SVGBuilder, frame: PlotFrame, levels: [Double], color: (Int) -> String
  ) {
    let columns = grid.xs.count
    var paths = [String](repeating: "", count: levels.count + 1)
    // Grid coordinates are finite and inside the axes, so they always have a position; a
    // grid wider than the largest double has none and draws no bands.
    let px = grid.xs.compactMap { frame.pixelX($0) }
    let py = grid.ys.compactMap { frame.pixelY($0) }
    guard px.count == grid.xs.count, py.count == grid.ys.count else { return }
    for j in 0..<(grid.ys.count - 1) {
      var runStart = 0
      var runBand: Int? = nil
      func closeRun(at end: Int) {
        guard let band = runBand else { return }
        let x0 = fixed(px[runStart])
        let top = fixed(py[j + 1])
        paths[band] +=
          "M\(x0) \(top)H\(fixed(px[end]))V\(fixed(py[j]))H\(x0)Z"
      }
      for i in 0..<(columns - 1) {
        let mean =
          (grid.value(column: i, row: j) + grid.value(column: i + 1, row: j)
            + grid.value(column: i, row: j + 1) + grid.value(column: i + 1, row: j + 1)) / 4
        let band: Int? = mean.isNaN ? nil : ContourPlot.band(of: mean, levels: levels)
        if band != runBand {
          closeRun(at: i)
          runStart = i
          runBand = band
        }
      }
      closeRun(at: columns - 1)
    }
    svg.open("g", ["shape-rendering": "crispEdges"])
    for (band, path) in paths.enumerated() where !path.isEmpty {
      svg.element("path", ["d": path, "fill": color(band)])
    }
    svg.close("g")
  }

  private func drawIsolines(into svg: inout SVGBuilder, frame: PlotFrame, levels: [Double]) {
    var d = ""
    for level in levels {
      for line in grid.isolines(at: level) {
        let pixels = line.compactMap { frame.pixel(x: $0.x, y: $0.y) }
        guard pixels.count >= 2 else { continue }
        d += "M" + pixels.map { fixed($0.x) + " " + fixed($0.y) }.joined(separator: "L")
      }
    }
    guard !d.isEmpty else { return }
    let stroke = filled ? "#ffffff" : "currentColor"
    svg.element(
      "path",
      [
        "d": d, "fill": "none", "stroke": stroke, "stroke-opacity": filled ? "0.45" : "0.6",
        "stroke-width": "0.8",
      ])
  }

  private func drawTrajectories(into svg: inout SVGBuilder, frame: PlotFrame) {
    for index in trajectories.indices {
      let path = trajectories[index]
      let color = escapeXML(color(of: index))
      let pixels = zip(path.x, path.y).map { frame.pixel(x: $0, y: $1) }
      let polylines = clippedPolylines(pixels, to: frame.area)
      let outline =
        "stroke=\"#000000\" stroke-opacity=\"0.55\" stroke-width=\"4\" stroke-linejoin=\"round\""
      let line = "stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\""
      svg.open("g")
      if DrawingOptions.compactPaths {
        // One path per stroke, every piece inside: the outline under the whole line.
        svg.polylines(polylines, attributes: outline)
        svg.polylines(polylines, attributes: line)
      } else {
        for piece in polylines {
          svg.polyline(piece, attributes: outline)
          svg.polyline(piece, attributes: line)
        }
      }
      let drawable = pixels.compactMap { $0 }
      if let start = drawable.first, frame.area.contains(start) {
        svg.raw(
          "<circle cx=\"\(fixed(start.x))\" cy=\"\(fixed(start.y))\" r=\"4.5\" fill=\"none\" "
            + "stroke=\"\(color)\" stroke-width=\"2\"/>\n")
      }
      if let end = drawable.last, frame.area.contains(end) {
        svg.raw(
          "<rect x=\"\(fixed(end.x - 4))\" y=\"\(fixed(end.y - 4))\" width=\"8\" height=\"8\" "
            + "fill=\"\(color)\" stroke=\"#000000\" stroke-width=\"1\"/>\n")
      }
      svg.close("g")
    }
  }

  private func drawMarkers(into svg: inout SVGBuilder, frame: PlotFrame) {
    for marker in markers {
      guard let p = frame.pixel(x: marker.x, y: marker.y), frame.area.contains(p) else {
        continue
      }
      let cross =
        "M\(fixed(p.x - 6)) \(fixed(p.y))H\(fixed(p.x + 6))"
        + "M\(fixed(p.x)) \(fixed(p.y - 6))V\(fixed(p.y + 6))"
      svg.element(
        "path",
        ["d": cross, "stroke": "#000000", "stroke-opacity": "0.6", "stroke-width": "4.5"])
      svg.element("path", ["d": cross, "stroke": "#ffffff", "stroke-width": "2"])
      if !marker.label.isEmpty {
        // White text with a dark outline painted underneath reads on every band colour.
        let anchor: TextAnchor = p.x > frame.area.minX + frame.area.width * 0.7 ? .end : .start
        let dx = anchor == .end ? -9.0 : 9.0
        svg.element(
          "text",
          [
            "x": fixed(p.x + dx), "y": fixed(p.y - 8), "text-anchor": anchor.rawValue,
            "font-size": "11", "fill": "#ffffff", "stroke": "#000000", "stroke-width": "3",
            "stroke-opacity": "0.6", "paint-order": "stroke",
          ], content: marker.label)
      }
    }
  }

  private func drawColorBar(
    into svg: inout SVGBuilder, frame: PlotFrame, labels: [String], bandCount: Int,
    color: (Int) -> String
  ) {
    let x = frame.sideStart
    let area = frame.area
    let bandHeight = area.height / Double(bandCount)
    svg.open("g")
    for band in 0..<bandCount {
      let top = area.maxY - Double(band + 1) * bandHeight
      svg.element(
        "rect",
        [
          "x": fixed(x), "y": fixed(top), "width": "14", "height": fixed(bandHeight),
          "fill": color(band),
        ])
    }
    svg.element(
      "rect",
      [
        "x": fixed(x), "y": fixed(area.minY), "width": "14", "height": fixed(area.height),
        "fill": "none", "stroke": "currentColor", "stroke-opacity": "0.5",
      ])
    // Label the boundaries, skipping some when bands are too thin for 12-pixel text.
    let every = max(1, Int((12 / bandHeight).rounded(.up)))
    for (k, label) in labels.enumerated() where k % every == 0 {
      let y = area.maxY - Double(k + 1) * bandHeight
      svg.label(label, x: x + 20, y: y + 3.5, anchor: .start, size: 10)
    }
    svg.close("g")
  }
}
