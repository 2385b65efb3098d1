// Labelled horizontal or vertical reference lines (a threshold, the early-stopping epoch).

/// A straight line across the whole plotting area at a fixed value, with an optional label:
/// a threshold such as the largest stable learning rate 2/λ, or the epoch where early
/// stopping would stop.
///
/// ```swift
/// var plot = LinePlot(title: "Validation loss", xLabel: "epoch", yLabel: "loss")
/// plot.add("validation", y: validationLoss)
/// plot.addReferenceLine(.vertical, at: 12, label: "early stop")
/// ```
public struct ReferenceLine: Sendable, Hashable {
  /// Which way the line runs.
  public enum Orientation: Sendable, Hashable {
    /// A line of constant y.
    case horizontal
    /// A line of constant x.
    case vertical
  }

  /// Which way the line runs.
  public var orientation: Orientation
  /// The constant coordinate (y for a horizontal line, x for a vertical one).
  public var value: Double
  /// The text drawn at the line's end (empty for none).
  public var label: String

  /// A reference line.
  ///
  /// - Parameters:
  ///   - orientation: Horizontal (constant y) or vertical (constant x).
  ///   - value: The constant coordinate.
  ///   - label: The text drawn beside it.
  public init(_ orientation: Orientation, at value: Double, label: String = "") {
    self.orientation = orientation
    self.value = value
    self.label = label
  }

  /// Draws the line (dashed, in the page's text colour) if its value lies inside the area.
  func draw(into svg: inout SVGBuilder, frame: PlotFrame) {
    let area = frame.area
    // The path across the area, and where the label goes: above the right end of a
    // horizontal line, right of the top of a vertical one.
    let path: String
    let labelPosition: (x: Double, y: Double, anchor: TextAnchor)
    switch orientation {
    case .horizontal:
      guard let y = frame.pixelY(value), y >= area.minY - 1e-9, y <= area.maxY + 1e-9 else {
        return
      }
      path = "M\(fixed(area.minX)) \(fixed(y))H\(fixed(area.maxX))"
      labelPosition = (area.maxX - 4, y - 4, .end)
    case .vertical:
      guard let x = frame.pixelX(value), x >= area.minX - 1e-9, x <= area.maxX + 1e-9 else {
        return
      }
      path = "M\(fixed(x)) \(fixed(area.minY))V\(fixed(area.maxY))"
      labelPosition = (x + 4, area.minY + 12, .start)
    }
    svg.raw(
      "<path d=\"\(path)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.7\" "
        + "stroke-dasharray=\"4 3\"/>\n")
    if !label.isEmpty {
      svg.label(
        label, x: labelPosition.x, y: labelPosition.y, anchor: labelPosition.anchor, size: 11)
    }
  }
}

extension LinePlot {
  /// Adds a labelled reference line across the plot; the fitted axes include its value.
  ///
  /// - Parameters:
  ///   - orientation: `.horizontal` (constant y) or `.vertical` (constant x).
  ///   - value: The constant coordinate.
  ///   - label: The text drawn beside the line.
  public mutating func addReferenceLine(
    _ orientation: ReferenceLine.Orientation, at value: Double, label: String = ""
  ) {
    referenceLines.append(ReferenceLine(orientation, at: value, label: label))
  }

  /// A copy with one more reference line (see `addReferenceLine(_:at:label:)`).
  ///
  /// - Parameters:
  ///   - orientation: `.horizontal` (constant y) or `.vertical` (constant x).
  ///   - value: The constant coordinate.
  ///   - label: The text drawn beside the line.
  public func addingReferenceLine(
    _ orientation: ReferenceLine.Orientation, at value: Double, label: String = ""
  ) -> LinePlot {
    modified { $0.addReferenceLine(orientation, at: value, label: label) }
  }
}
