// The HTML of an interactive figure: its default frame inline (what a reader without JavaScript
// and a printed page see), a slider per parameter (hidden until the script starts), the values
// shown, and every frame of the run as data for `assets/interactive.js`.

import LessonResultsFormat

/// The most bytes an interactive figure should add to its page beyond its default frame (the
/// frame data and the controls): 300 KiB. `renderSite` warns about a figure above it;
/// `descent-bench render` measures a 96-frame figure against it.
public let interactiveFigureBudget = 300 * 1024

/// The page markup of an interactive figure, and the bytes it adds to the page.
struct InteractiveFigureMarkup {
  /// The `<figure>` element.
  var html: String
  /// The bytes beyond a static figure of the default frame: the controls, the values line and
  /// the frame data.
  var addedBytes: Int
}

/// An interactive figure as a `<figure class="interactive-figure">`.
///
/// - The default frame is inline, as a static figure's SVG is, so that the page shows it
///   without JavaScript and in print;
/// - `<div class="figure-controls" hidden>` holds one labelled `<input type="range">` per
///   parameter (`min` 0, `max` the last value's index, `aria-valuetext` "label = value") with
///   an `<output>` showing the value; the script unhides it;
/// - `<p class="figure-values">` says which values the frame shown is of (updated by the
///   script; shown in print and without JavaScript, hidden on screen once the sliders are);
/// - `<script type="application/json" class="figure-frames">` holds the parameters and the
///   frames as ``InteractiveFigureRecord`` stores them: `{"parameters": [{"name", "label",
///   "values", "default"}], "pieces": [SVG text], "frames": [piece numbers as runs, "0-41 97
///   43-60" (``pieceRuns(_:)``)]}`; JSON is data,
///   not a script, and `</` and `<!` are escaped so the element cannot end early.
///
/// Every text is escaped; ids are `ID-pN` for parameter N (from 1), from the caller's `id`.
///
/// - Parameters:
///   - record: The frames and parameters (consistent: ``InteractiveFigureRecord/problem`` is
///     `nil`).
///   - caption: The caption, plain text.
///   - id: The figure's id, unique in the page.
/// - Returns: The markup and the bytes it adds.
/// - Complexity: O(total size of the pieces and frames).
func interactiveFigureMarkup(
  _ record: InteractiveFigureRecord, caption: String, id: String
) -> InteractiveFigureMarkup {
  let defaultFrame = record.defaultFrameIndex
  var html = "<figure class=\"figure interactive-figure\" id=\"\(id.htmlEscaped)\" "
  html += "data-frame=\"\(defaultFrame)\">"
  html += "<div class=\"figure-svg\">"
  let svgStart = html.utf8.count
  let frameSVG = inlineSVG(record, frame: defaultFrame)
  html += frameSVG
  html += "</div>\n"
  var added = html.utf8.count - svgStart - frameSVG.utf8.count
  let controlsStart = html.utf8.count
  html += "<div class=\"figure-controls\" hidden>\n"
  var shownValues: [String] = []
  for (number, parameter) in record.parameters.enumerated() {
    let inputID = "\(id)-p\(number + 1)".htmlEscaped
    let value = parameter.valueLabels[parameter.defaultIndex]
    let text = "\(parameter.label) = \(value)"
    shownValues.append(text)
    html += "<div class=\"figure-control\">"
    html += "<label for=\"\(inputID)\">\(parameter.label.htmlEscaped)</label>"
    html += "<input type=\"range\" id=\"\(inputID)\" min=\"0\" "
    html += "max=\"\(parameter.valueLabels.count - 1)\" step=\"1\" "
    html += "value=\"\(parameter.defaultIndex)\" aria-valuetext=\"\(text.htmlEscaped)\">"
    html += "<output for=\"\(inputID)\">\(value.htmlEscaped)</output></div>\n"
  }
  html += "</div>\n"
  html += "<p class=\"figure-values\">\(shownValues.joined(separator: " · ").htmlEscaped)</p>\n"
  added += html.utf8.count - controlsStart
  if !caption.isEmpty {
    html += "<figcaption>\(caption.htmlEscaped)</figcaption>"
  }
  let dataStart = html.utf8.count
  html += "<script type=\"application/json\" class=\"figure-frames\">"
  html += framesJSON(record)
  html += "</script>"
  added += html.utf8.count - dataStart
  return InteractiveFigureMarkup(html: html + "</figure>\n", addedBytes: added)
}

/// Frame `frame` without an XML declaration or doctype, as the page inlines it.
private func inlineSVG(_ record: InteractiveFigureRecord, frame: Int) -> String {
  framePieces(record, frame: frame).map { record.pieces[$0] }.joined()
}

/// The piece numbers of a frame without leading declarations (`<?xml …?>`, `<!DOCTYPE …>`),
/// which have no place inside an HTML page.
private func framePieces(_ record: InteractiveFigureRecord, frame: Int) -> ArraySlice<Int> {
  record.frames[frame].drop { number in
    let piece = record.pieces[number].drop(while: \.isWhitespace)
    return piece.hasPrefix("<?") || piece.hasPrefix("<!")
  }
}

/// The parameters and frames as the JSON object `interactive.js` reads.
private func framesJSON(_ record: InteractiveFigureRecord) -> String {
  var json = "{\"parameters\":["
  json += record.parameters.map { parameter in
    "{\"name\":" + jsonString(parameter.name) + ",\"label\":" + jsonString(parameter.label)
      + ",\"values\":[" + parameter.valueLabels.map(jsonString).joined(separator: ",")
      + "],\"default\":\(parameter.defaultIndex)}"
  }.joined(separator: ",")
  json += "],\"pieces\":["
  json += record.pieces.map(jsonString).joined(separator: ",")
  json += "],\"frames\":["
  json += record.frames.indices.map { frame in
    "\"" + pieceRuns(framePieces(record, frame: frame)) + "\""
  }.joined(separator: ",")
  return json + "]}"
}

/// Piece numbers written as runs: `a-b` for the consecutive numbers a…b, a single number
/// alone, separated by spaces (`[0, 1, 2, 3, 7, 5, 6]` → `"0-3 7 5-6"`). Frames that share
/// most pieces list them in the same order, so a frame is a few runs.
func pieceRuns(_ numbers: some Collection<Int>) -> String {
  var runs: [(first: Int, last: Int)] = []
  for number in numbers {
    if let run = runs.last, number == run.last + 1 {
      runs[runs.count - 1].last = number
    } else {
      runs.append((number, number))
    }
  }
  return runs.map { $0.first == $0.last ? String($0.first) : "\($0.first)-\($0.last)" }
    .joined(separator: " ")
}

/// `text` as a JSON string literal that is also safe inside an HTML `<script>` element: `"`
/// and `\` escaped, control characters as `\n`, `\t`, `\r` or `\u00XX`, `</` as `<\/` (so no
/// `</script>` can end the element) and `<!` as `\u003c!` (so no `<!--` changes how the
/// element is parsed).
///
///     jsonString("a\"b</g>")   // "\"a\\\"b<\\/g>\""
func jsonString(_ text: String) -> String {
  let hexDigits = Array("0123456789abcdef".utf8)
  var bytes: [UInt8] = [UInt8(ascii: "\"")]
  bytes.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
  var previous: UInt8 = 0
  for byte in text.utf8 {
    switch byte {
    case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), byte]
    case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
    case 0x0A: bytes += Array("\\n".utf8)
    case 0x0D: bytes += Array("\\r".utf8)
    case 0x09: bytes += Array("\\t".utf8)
    case 0..<0x20:
      bytes += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
    case UInt8(ascii: "/") where previous == UInt8(ascii: "<"): bytes += [UInt8(ascii: "\\"), byte]
    case UInt8(ascii: "!") where previous == UInt8(ascii: "<"):
      bytes.removeLast()
      bytes += Array("\\u003c!".utf8)
    default: bytes.append(byte)
    }
    previous = byte
  }
  bytes.append(UInt8(ascii: "\""))
  return String(decoding: bytes, as: UTF8.self)
}
