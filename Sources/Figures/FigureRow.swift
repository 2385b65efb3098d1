// Several figures side by side in one SVG document.

/// Figures placed side by side, left to right, in one SVG document — for comparisons such as an
/// error surface before and after feature normalization.
///
/// ```swift
/// let raw = ContourPlot(title: "raw features", x: -3...3, y: -3...3) { x, y in
///   x * x + 25 * y * y
/// }
/// let standardized = ContourPlot(title: "standardized", x: -3...3, y: -3...3) { x, y in
///   x * x + y * y
/// }
/// show(FigureRow(raw, standardized, caption: "The same data before and after scaling."))
/// ```
///
/// Each figure keeps its own size; the row is as wide as the figures and the gaps together and
/// as tall as the tallest figure (figures are aligned at the top).
public struct FigureRow: SVGFigure {
  /// The figures, left to right.
  public var figures: [any SVGFigure]
  /// The caption shown under the row on the page.
  public var caption: String
  /// The horizontal space between neighbouring figures, in pixels.
  public var gap: Double

  /// A row of figures.
  ///
  /// - Parameters:
  ///   - figures: The figures, left to right; each must draw an `<svg>` root with numeric
  ///     `width` and `height` attributes (every figure of this module does).
  ///   - caption: Text under the row on the page.
  ///   - gap: Pixels between neighbouring figures.
  public init(_ figures: [any SVGFigure], caption: String = "", gap: Double = 16) {
    self.figures = figures
    self.caption = caption
    self.gap = gap
  }

  /// A row of figures.
  ///
  /// - Parameters:
  ///   - figures: The figures, left to right.
  ///   - caption: Text under the row on the page.
  ///   - gap: Pixels between neighbouring figures.
  public init(_ figures: any SVGFigure..., caption: String = "", gap: Double = 16) {
    self.init(figures, caption: caption, gap: gap)
  }

  /// The row as one SVG document with each figure nested as an `<svg>` element at its offset.
  ///
  /// - Complexity: O(total size of the figures' documents).
  public func svg() -> String {
    var x = 0.0
    var height = 0.0
    var body = ""
    for figure in figures {
      let document = figure.svg()
      guard let open = document.firstRange(of: "<svg ") else {
        preconditionFailure("FigureRow: a figure's svg() does not start with an <svg> element")
      }
      let header = document[open.upperBound...].prefix { $0 != ">" }
      guard let width = FigureRow.attribute("width", in: header),
        let figureHeight = FigureRow.attribute("height", in: header)
      else {
        preconditionFailure("FigureRow: a figure's <svg> element has no numeric width/height")
      }
      body += document[..<open.lowerBound]
      body += "<svg x=\"\(fixed(x))\" y=\"0\" " + document[open.upperBound...]
      if !body.hasSuffix("\n") { body += "\n" }
      x += width + gap
      height = max(height, figureHeight)
    }
    let width = max(0, x - (figures.isEmpty ? 0 : gap))
    let w = fixed(width)
    let h = fixed(height)
    var svg = SVGBuilder()
    svg.raw(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" "
        + "viewBox=\"0 0 \(w) \(h)\" role=\"group\" aria-label=\"\(escapeXML(caption))\">\n")
    svg.raw(body)
    svg.close("svg")
    return svg.text
  }

  /// The numeric value of `name="…"` in an element's attribute text.
  static func attribute(_ name: String, in header: Substring) -> Double? {
    guard let start = header.firstRange(of: " " + name + "=\"") else { return nil }
    let value = header[start.upperBound...].prefix { $0 != "\"" }
    return Double(String(value))
  }
}
