// The common face of every figure: something that draws itself as a standalone SVG document.

/// A figure that can be drawn as a standalone SVG document.
///
/// Every chart type of this module conforms; `show(_:)` in `LessonSupport` accepts any conformer.
/// Implementations must be deterministic: the same data gives the same bytes.
public protocol SVGFigure {
  /// A short caption shown under the figure on the rendered page (plain text, may be empty).
  var caption: String { get }

  /// The figure as a complete `<svg …>…</svg>` document, with every text node escaped.
  func svg() -> String
}
