// A small writer that appends SVG elements to a string with escaped attributes and text.

/// Appends SVG elements to a string. Attribute values and text are escaped here, so callers
/// pass raw strings; numbers should be formatted with `fixed(_:decimals:)` first.
struct SVGBuilder {
  private(set) var text = ""

  /// Appends `<name a="v" …/>`.
  mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>) {
    text += "<" + name
    appendAttributes(attributes)
    text += "/>\n"
  }

  /// Appends `<name a="v" …>` and leaves the element open.
  mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    text += "<" + name
    appendAttributes(attributes)
    text += ">\n"
  }

  /// Appends `</name>`.
  mutating func close(_ name: String) {
    text += "</" + name + ">\n"
  }

  /// Appends `<name a="v" …>escaped content</name>`.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String>, content: String
  ) {
    text += "<" + name
    appendAttributes(attributes)
    text += ">" + escapeXML(content) + "</" + name + ">\n"
  }

  /// Appends markup that the caller built from escaped parts.
  mutating func raw(_ markup: String) {
    text += markup
  }

  private mutating func appendAttributes(_ attributes: KeyValuePairs<String, String>) {
    for (key, value) in attributes {
      text += " " + key + "=\"" + escapeXML(value) + "\""
    }
  }
}

/// Horizontal anchoring of a text label.
enum TextAnchor: String {
  case start, middle, end
}

extension SVGBuilder {
  /// A text label in the page's text colour (`currentColor`).
  mutating func label(
    _ content: String, x: Double, y: Double, anchor: TextAnchor = .middle,
    size: Int = 12, rotate: Bool = false, bold: Bool = false
  ) {
    let transform = rotate ? "rotate(-90 \(fixed(x)) \(fixed(y)))" : ""
    text += "<text x=\"\(fixed(x))\" y=\"\(fixed(y))\" text-anchor=\"\(anchor.rawValue)\""
    text += " font-size=\"\(size)\" fill=\"currentColor\""
    if bold { text += " font-weight=\"bold\"" }
    if rotate { text += " transform=\"\(transform)\"" }
    text += ">" + escapeXML(content) + "</text>\n"
  }

  /// A tick label: plain text, or 10 with a superscript exponent. A slanted label is turned
  /// 35° counter-clockwise about its anchor point (for long category names).
  mutating func tickLabel(
    _ label: TickLabel, x: Double, y: Double, anchor: TextAnchor, size: Int = 11,
    slanted: Bool = false
  ) {
    let content: String
    switch label {
    case .none: return
    case .plain(let string):
      content = escapeXML(string)
    case .powerOfTen(let exponent), .negativePowerOfTen(let exponent):
      let exponentText = exponent < 0 ? "\u{2212}" + String(-exponent) : String(exponent)
      let sign = label == .negativePowerOfTen(exponent) ? "\u{2212}" : ""
      content =
        sign + "10<tspan dy=\"-5\" font-size=\"\(size - 3)\">\(exponentText)</tspan>"
    }
    text += "<text x=\"\(fixed(x))\" y=\"\(fixed(y))\" text-anchor=\"\(anchor.rawValue)\""
    text += " font-size=\"\(size)\" fill=\"currentColor\""
    if slanted { text += " transform=\"rotate(-35 \(fixed(x)) \(fixed(y)))\"" }
    text += ">" + content + "</text>\n"
  }

  /// A polyline through pixel points. Points closer than half a pixel (in x plus y) to the
  /// last point kept are left out, except the last one, so long series (thousands of steps)
  /// stay small without a visible change.
  mutating func polyline(_ points: [Point], attributes: String) {
    guard points.count >= 2 else { return }
    var kept = [points[0]]
    for (index, point) in points.enumerated().dropFirst() {
      let last = kept[kept.count - 1]
      if abs(point.x - last.x) + abs(point.y - last.y) >= 0.5 || index == points.count - 1 {
        kept.append(point)
      }
    }
    if kept.count > 2000 && zip(kept, kept.dropFirst()).allSatisfy({ $0.x <= $1.x }) {
      kept = decimatedByColumn(kept)
    }
    text += "<polyline points=\""
    text += kept.map { fixed($0.x) + "," + fixed($0.y) }.joined(separator: " ")
    text += "\" fill=\"none\" " + attributes + "/>\n"
  }
}

/// Reduces a long left-to-right line to at most four points per pixel column — the first,
/// lowest, highest and last point of the column, in their original order — which draws the
/// same picture as all of them (the "M4" rule). Lines with many points per column (100 000
/// noisy training steps) shrink to a few thousand points.
///
/// - Complexity: O(n).
func decimatedByColumn(_ points: [Point]) -> [Point] {
  var result: [Point] = []
  var start = 0
  while start < points.count {
    let column = points[start].x.rounded(.down)
    var end = start
    var lowest = start
    var highest = start
    while end < points.count && points[end].x.rounded(.down) == column {
      if points[end].y < points[lowest].y { lowest = end }
      if points[end].y > points[highest].y { highest = end }
      end += 1
    }
    for index in Set([start, lowest, highest, end - 1]).sorted() {
      result.append(points[index])
    }
    start = end
  }
  return result
}

/// Estimated width in pixels of `text` in a sans-serif font of `size` pixels (no font metrics
/// are available; this is a conservative average used to reserve room for labels).
func estimatedWidth(_ text: String, size: Int = 12) -> Double {
  Double(text.count) * Double(size) * 0.6
}

/// `text` shortened to fit `width` pixels (estimated), ending in "…" when it was cut.
///
/// `truncated("stochastic gradient descent", toWidth: 80)` is `"stochastic…"` (80 px hold
/// eleven characters of 0.6 × 12 px: ten letters and the ellipsis).
func truncated(_ text: String, toWidth width: Double, size: Int = 12) -> String {
  let fits = max(1, Int(width / (Double(size) * 0.6)))
  guard text.count > fits else { return text }
  return String(text.prefix(fits - 1)) + "…"
}

/// Width of a tick label as drawn.
func estimatedWidth(_ label: TickLabel, size: Int = 11) -> Double {
  switch label {
  case .none: return 0
  case .plain(let string): return estimatedWidth(string, size: size)
  case .powerOfTen(let exponent):
    return estimatedWidth("10", size: size) + estimatedWidth(String(exponent), size: size - 3)
  case .negativePowerOfTen(let exponent):
    return estimatedWidth("-10", size: size) + estimatedWidth(String(exponent), size: size - 3)
  }
}
