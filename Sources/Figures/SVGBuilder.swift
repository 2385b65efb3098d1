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
    let kept = thinned(points)
    text += "<polyline points=\""
    text += kept.map { fixed($0.x) + "," + fixed($0.y) }.joined(separator: " ")
    text += "\" fill=\"none\" " + attributes + "/>\n"
  }

  /// Lines drawn with the same attributes (the pieces of one clipped series): one `<polyline>`
  /// each, or, while ``DrawingOptions/compactPaths`` is set, one `<path>` holding them all as
  /// subpaths in compact relative coordinates (``compactPathData(_:)``), inside a `<g>` that
  /// carries the attributes (so that frames of an interactive figure share it).
  mutating func polylines(_ lines: [[Point]], attributes: String) {
    guard DrawingOptions.compactPaths else {
      for line in lines { polyline(line, attributes: attributes) }
      return
    }
    let data = compactPathData(lines.filter { $0.count >= 2 }.map(thinned))
    guard !data.isEmpty else { return }
    // The attributes on a group of their own: the same in every frame, stored once.
    text += "<g fill=\"none\" " + attributes + ">\n<path d=\"" + data + "\"/>\n</g>\n"
  }
}

/// How figures are drawn, for the duration of a task-local scope.
enum DrawingOptions {
  /// Whether lines are written as compact paths: a line's points rounded to a tenth of a pixel
  /// and written as relative moves, all pieces of a series in one `<path>`. About half the
  /// bytes of `<polyline>`s with two decimals, for a difference of at most 0.05 px; used for
  /// the frames of interactive figures, which a page holds by the dozen.
  @TaskLocal static var compactPaths = false
}

/// `points` without those closer than half a pixel (in x plus y) to the last point kept (the
/// last point is always kept); a long left-to-right line is then reduced by
/// ``decimatedByColumn(_:)``.
func thinned(_ points: [Point]) -> [Point] {
  guard points.count >= 2 else { return points }
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
  return kept
}

/// SVG path data through the points of each line: `M` to the first point, then `l` and the
/// moves to the others, every coordinate rounded to a tenth of a pixel before the moves are
/// taken (so rounding errors do not add up along the line), written without needless
/// characters: `0.5` as `.5`, no separator before a minus sign or before `.5` after a number
/// with a point.
///
///     compactPathData([[Point(x: 10, y: 20.04), Point(x: 10.5, y: 19), Point(x: 11.55, y: 19)]])
///     // "M10 20l.5-1 1.1 0"
///
/// - Parameter lines: Lines of at least two points each.
/// - Returns: The path data; empty when there are no lines.
/// - Complexity: O(total number of points).
func compactPathData(_ lines: [[Point]]) -> String {
  var data = ""
  var previous = ""
  func append(_ tenths: Int) {
    let number = tenthsText(tenths)
    if !data.isEmpty, let last = data.last, last.isNumber || last == "." {
      let joins = number.hasPrefix("-") || (number.hasPrefix(".") && previous.contains("."))
      if !joins { data += " " }
    }
    data += number
    previous = number
  }
  for line in lines where line.count >= 2 {
    // Pixels far outside any drawing (only unclipped data gets there) are held at ±10⁸ px.
    func tenths(_ value: Double) -> Int {
      value.isFinite ? Int((min(max(value, -1e8), 1e8) * 10).rounded()) : 0
    }
    let points = line.map { (tenths($0.x), tenths($0.y)) }
    data += "M"
    append(points[0].0)
    append(points[0].1)
    data += "l"
    for (from, to) in zip(points, points.dropFirst()) {
      append(to.0 - from.0)
      append(to.1 - from.1)
    }
  }
  return data
}

/// A number of tenths as the shortest decimal text: `5` → `.5`, `-15` → `-1.5`, `20` → `2`.
private func tenthsText(_ tenths: Int) -> String {
  let whole = tenths.magnitude / 10
  let tenth = tenths.magnitude % 10
  var text = tenths < 0 ? "-" : ""
  if whole > 0 || tenth == 0 { text += String(whole) }
  if tenth > 0 { text += "." + String(tenth) }
  return text
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
/// are available; this is a conservative average used to reserve room for labels): 0.6 em a
/// character, and 1 em for a wide one (Chinese, Japanese and Korean characters and fullwidth
/// forms, which CJK fonts draw square).
func estimatedWidth(_ text: String, size: Int = 12) -> Double {
  Double(text.reduce(0) { $0 + widthInTenthsOfAnEm($1) }) * Double(size) / 10
}

/// A character's estimated width in tenths of an em: 10 for a wide (East Asian) character,
/// 6 for any other.
func widthInTenthsOfAnEm(_ character: Character) -> Int {
  guard let scalar = character.unicodeScalars.first else { return 6 }
  switch scalar.value {
  case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x20000...0x3FFFD:
    return 10
  default:
    return 6
  }
}

/// `text` shortened to fit `width` pixels (estimated as ``estimatedWidth(_:size:)`` does),
/// ending in "…" when it was cut.
///
/// `truncated("stochastic gradient descent", toWidth: 80)` is `"stochastic…"` (80 px hold
/// eleven characters of 0.6 × 12 px: ten letters and the ellipsis); a wide character takes the
/// room of 10/6 narrow ones.
func truncated(_ text: String, toWidth width: Double, size: Int = 12) -> String {
  // Room in tenths of an em, a whole number of narrow characters (at least one).
  let room = max(1, Int(width / (Double(size) * 0.6))) * 6
  guard text.reduce(0, { $0 + widthInTenthsOfAnEm($1) }) > room else { return text }
  var kept = ""
  var used = 6  // the ellipsis
  for character in text {
    used += widthInTenthsOfAnEm(character)
    if used > room { break }
    kept.append(character)
  }
  return kept + "…"
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
