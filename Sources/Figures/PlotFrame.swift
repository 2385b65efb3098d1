// The parts every chart shares: the SVG header, title, plotting area, grid, axes with ticks
// and labels, and the legend. A chart makes a frame, draws its data inside `area`, then
// finishes the frame.

/// The symbol drawn beside a legend entry.
enum LegendSymbol: Equatable {
  /// A short line, dashed with this SVG `stroke-dasharray` (or solid), with or without a dot.
  case line(dash: String?, marker: Bool)
  /// A dot (scatter groups).
  case marker
  /// A filled square (bars).
  case box
  /// A line with a dark outline, as trajectories are drawn over heat maps (so that light
  /// trajectory colours stay visible on a light page).
  case outlinedLine
}

/// One row of the legend.
struct LegendEntry: Equatable {
  var name: String
  var color: String
  var symbol: LegendSymbol
}

/// Layout and drawing of the shared parts of a chart.
struct PlotFrame {
  let width: Double
  let height: Double
  let title: String
  let xLabel: String
  let yLabel: String
  let xAxis: Axis
  let yAxis: Axis
  let legend: [LegendEntry]
  /// Whether grid lines are drawn at the x ticks (off for categorical axes).
  let verticalGrid: Bool
  /// The plotting area in pixels.
  let area: Rect
  /// The left edge of the free band to the right of the area (colour bar, legend).
  let sideStart: Double
  /// Whether the x tick labels are slanted because they would overlap side by side.
  let slantedXLabels: Bool
  /// The extra height below the axis taken by slanted labels.
  let slantDepth: Double

  /// Pixel width reserved for the legend entries.
  static func legendWidth(_ entries: [LegendEntry]) -> Double {
    guard !entries.isEmpty else { return 0 }
    return 36 + (entries.map { estimatedWidth($0.name) }.max() ?? 0)
  }

  /// The legend with names shortened (ending in "…") so that it takes at most a third of the
  /// figure's width: long series names must not squeeze the plot away.
  static func fitted(_ entries: [LegendEntry], figureWidth: Double) -> [LegendEntry] {
    let room = figureWidth / 3 - 36
    return entries.map { entry in
      var entry = entry
      entry.name = truncated(entry.name, toWidth: room)
      return entry
    }
  }

  /// Lays out a frame.
  ///
  /// - Parameters:
  ///   - sideWidth: Extra width to reserve right of the area before the legend (colour bar).
  init(
    width: Double, height: Double, title: String, xLabel: String, yLabel: String,
    xAxis: Axis, yAxis: Axis, legend: [LegendEntry], verticalGrid: Bool = true,
    sideWidth: Double = 0, equalAspect: Bool = false
  ) {
    precondition(width >= 120 && height >= 100, "A figure needs at least 120×100 pixels")
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xAxis = xAxis
    self.yAxis = yAxis
    let legend = PlotFrame.fitted(legend, figureWidth: width)
    self.legend = legend
    self.verticalGrid = verticalGrid
    let top = 12.0 + (title.isEmpty ? 0 : 24)
    let yTickWidth = yAxis.ticks.map { estimatedWidth($0.label) }.max() ?? 0
    let left = 10 + (yLabel.isEmpty ? 0 : 18) + yTickWidth + 9
    let bottom = 10 + 20.0 + (xLabel.isEmpty ? 0 : 18)
    let legendWidth = PlotFrame.legendWidth(legend)
    // Half the widest x tick label may stick out beyond the right end of the axis.
    let lastXTick = xAxis.ticks.last.map { estimatedWidth($0.label) / 2 } ?? 0
    let right = max(14, lastXTick + 4) + sideWidth + (legendWidth > 0 ? legendWidth + 8 : 0)
    var area = Rect(minX: left, minY: top, maxX: width - right, maxY: height - bottom)
    precondition(
      area.width > 20 && area.height > 20,
      "The figure is too small for its labels and legend; make it larger")
    // Labels wider than the space between neighbouring ticks are slanted, which takes
    // sin 35° ≈ 0.574 of their width below the axis.
    let labelled = xAxis.ticks.filter { $0.label != .none }
    let positions = labelled.compactMap { xAxis.fraction($0.value) }.map {
      area.minX + $0 * area.width
    }
    let widestXLabel = labelled.map { estimatedWidth($0.label) }.max() ?? 0
    let spacing = zip(positions, positions.dropFirst()).map { $1 - $0 }.min() ?? .infinity
    self.slantedXLabels = widestXLabel + 6 > spacing
    self.slantDepth = slantedXLabels ? (widestXLabel * 0.574).rounded(.up) : 0
    area.maxY -= slantDepth
    // A slanted label reaches cos 35° ≈ 0.82 of its width left of its tick: keep the first
    // one inside the figure.
    if slantedXLabels, let first = positions.first {
      area.minX += max(0, 0.82 * widestXLabel - first + 4)
      // Slanted labels end at their tick: the room kept for the last one's right half is free.
      area.maxX += max(14, lastXTick + 4) - 14
    }
    precondition(area.height > 20, "The figure is too small for its x labels; make it taller")
    var width = width
    var height = height
    if equalAspect && xAxis.scale == .linear && yAxis.scale == .linear {
      // Shrink the longer side of the area (and the figure with it) so that one unit has the
      // same length along both axes, but keep at least 40 pixels.
      let pixelsPerUnitX = area.width / (xAxis.upper - xAxis.lower)
      let pixelsPerUnitY = area.height / (yAxis.upper - yAxis.lower)
      if pixelsPerUnitX > pixelsPerUnitY {
        let newWidth = max(40, (xAxis.upper - xAxis.lower) * pixelsPerUnitY)
        width -= area.width - newWidth
        area.maxX = area.minX + newWidth
      } else {
        let newHeight = max(40, (yAxis.upper - yAxis.lower) * pixelsPerUnitX)
        height -= area.height - newHeight
        area.maxY = area.minY + newHeight
      }
    }
    self.width = width
    self.height = height
    self.area = area
    self.sideStart = area.maxX + (slantedXLabels ? 14 : max(14, lastXTick + 4))
  }

  /// The pixel position of a data point, or `nil` if either coordinate is undrawable.
  func pixel(x: Double, y: Double) -> Point? {
    guard let fx = xAxis.fraction(x), let fy = yAxis.fraction(y) else { return nil }
    return Point(x: area.minX + fx * area.width, y: area.maxY - fy * area.height)
  }

  /// The pixel column of a data x value (`nil` if undrawable).
  func pixelX(_ x: Double) -> Double? {
    xAxis.fraction(x).map { area.minX + $0 * area.width }
  }

  /// The pixel row of a data y value (`nil` if undrawable).
  func pixelY(_ y: Double) -> Double? {
    yAxis.fraction(y).map { area.maxY - $0 * area.height }
  }

  /// Draws a bar over the data x values `left…right`, from pixel row `top` down by `height`
  /// pixels; a bar whose sides have no pixel column is left out.
  func drawBar(
    into svg: inout SVGBuilder, left: Double, right: Double, top: Double, height: Double
  ) {
    guard let x0 = pixelX(left), let x1 = pixelX(right) else { return }
    svg.element(
      "rect",
      ["x": fixed(x0), "y": fixed(top), "width": fixed(x1 - x0), "height": fixed(height)])
  }

  /// The SVG header, the title and the grid; data goes after this.
  func begin(into svg: inout SVGBuilder, accessibleLabel: String) {
    let w = fixed(width)
    let h = fixed(height)
    svg.raw(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" "
        + "viewBox=\"0 0 \(w) \(h)\" font-family=\"system-ui, -apple-system, Helvetica, Arial, "
        + "sans-serif\" role=\"img\" aria-label=\"\(escapeXML(accessibleLabel))\">\n")
    if !accessibleLabel.isEmpty {
      svg.element("title", [:], content: accessibleLabel)
    }
    if !title.isEmpty {
      svg.label(title, x: area.minX + area.width / 2, y: 22, anchor: .middle, size: 14, bold: true)
    }
    var grid = ""
    for tick in yAxis.ticks where tick.label != .none {
      guard let y = pixelY(tick.value) else { continue }
      grid += "M\(fixed(area.minX)) \(fixed(y))H\(fixed(area.maxX))"
    }
    if verticalGrid {
      for tick in xAxis.ticks where tick.label != .none {
        guard let x = pixelX(tick.value) else { continue }
        grid += "M\(fixed(x)) \(fixed(area.minY))V\(fixed(area.maxY))"
      }
    }
    if !grid.isEmpty {
      svg.element(
        "path",
        ["d": grid, "fill": "none", "stroke": "currentColor", "stroke-opacity": "0.13"])
    }
  }

  /// Axes, ticks, labels and legend, and the closing tag.
  func finish(into svg: inout SVGBuilder) {
    var axes = "M\(fixed(area.minX)) \(fixed(area.minY))V\(fixed(area.maxY))H\(fixed(area.maxX))"
    for tick in yAxis.ticks {
      guard let y = pixelY(tick.value) else { continue }
      let length = tick.label == .none ? 3.0 : 5.0
      axes += "M\(fixed(area.minX - length)) \(fixed(y))H\(fixed(area.minX))"
    }
    for tick in xAxis.ticks {
      guard let x = pixelX(tick.value) else { continue }
      let length = tick.label == .none ? 3.0 : 5.0
      axes += "M\(fixed(x)) \(fixed(area.maxY))V\(fixed(area.maxY + length))"
    }
    svg.element("path", ["d": axes, "fill": "none", "stroke": "currentColor"])
    for tick in yAxis.ticks {
      guard let y = pixelY(tick.value) else { continue }
      svg.tickLabel(tick.label, x: area.minX - 8, y: y + 4, anchor: .end)
    }
    for tick in xAxis.ticks {
      guard let x = pixelX(tick.value) else { continue }
      if slantedXLabels {
        svg.tickLabel(tick.label, x: x + 3, y: area.maxY + 14, anchor: .end, slanted: true)
      } else {
        svg.tickLabel(tick.label, x: x, y: area.maxY + 18, anchor: .middle)
      }
    }
    if !xLabel.isEmpty {
      svg.label(
        xLabel, x: area.minX + area.width / 2, y: area.maxY + 36 + slantDepth, anchor: .middle)
    }
    if !yLabel.isEmpty {
      svg.label(yLabel, x: 16, y: area.minY + area.height / 2, anchor: .middle, rotate: true)
    }
    drawLegend(into: &svg)
    svg.close("svg")
  }

  private func drawLegend(into svg: inout SVGBuilder) {
    guard !legend.isEmpty else { return }
    let x = width - PlotFrame.legendWidth(legend)
    var y = area.minY + 8
    for entry in legend {
      switch entry.symbol {
      case .line(let dash, let marker):
        var attributes = "stroke=\"\(escapeXML(entry.color))\" stroke-width=\"2\""
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        svg.polyline([Point(x: x, y: y), Point(x: x + 24, y: y)], attributes: attributes)
        if marker {
          svg.element(
            "circle",
            ["cx": fixed(x + 12), "cy": fixed(y), "r": "3", "fill": entry.color])
        }
      case .marker:
        svg.element(
          "circle", ["cx": fixed(x + 12), "cy": fixed(y), "r": "4", "fill": entry.color])
      case .outlinedLine:
        let ends = [Point(x: x, y: y), Point(x: x + 24, y: y)]
        svg.polyline(
          ends, attributes: "stroke=\"#000000\" stroke-opacity=\"0.55\" stroke-width=\"4\"")
        svg.polyline(ends, attributes: "stroke=\"\(escapeXML(entry.color))\" stroke-width=\"2\"")
      case .box:
        svg.element(
          "rect",
          [
            "x": fixed(x + 6), "y": fixed(y - 6), "width": "12", "height": "12",
            "fill": entry.color,
          ])
      }
      svg.label(entry.name, x: x + 30, y: y + 4, anchor: .start)
      y += 18
    }
  }
}

/// The figure's accessible name: the title and the caption, whichever are present.
func accessibleLabel(title: String, caption: String) -> String {
  [title, caption].filter { !$0.isEmpty }.joined(separator: ". ")
}
