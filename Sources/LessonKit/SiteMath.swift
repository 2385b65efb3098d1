// Keeping `$…$` and `$$…$$` intact through cmark. CommonMark would read the `_`, `*` and `\`
// inside math as emphasis and escapes; the math spans are swapped for plain placeholder words
// before cmark runs and put back (HTML-escaped, delimiters included) in its output, where
// KaTeX's auto-render finds them in the browser.

/// Markdown whose math spans were replaced by placeholders, and what to put back.
struct MathProtectedMarkdown: Sendable, Equatable {
  /// The Markdown with every math span replaced; it has exactly the lines of the original, so
  /// cmark's source positions still point at the lesson file.
  var markdown: String
  /// The math spans, delimiters included, in order; placeholder *k* stands for `spans[k]`.
  var spans: [String]
}

/// Placeholders are letters and digits only, which cmark copies unchanged.
private let mathPrefix = Array("DSCNTMATH".utf8)
/// The placeholder of the second and following lines of a multi-line span.
private let continuation = Array("DSCNTMATHCX".utf8)
/// The placeholder of an escaped dollar `\$`, restored as a dollar KaTeX cannot pair.
private let escapedDollar = Array("DSCNTMATHDX".utf8)

/// Replaces the math spans of a lesson's Markdown by placeholders.
///
/// - `$$…$$` is display math and may span lines (not a blank line).
/// - `$…$` is inline math when the opening `$` is followed by a non-space, the closing `$` is
///   preceded by a non-space and not followed by a digit, and no blank line lies between
///   (so `$5 and $6` stays text). `\$` is a literal dollar.
/// - Nothing inside code is touched: fenced blocks (those in `codeLines`, and any fence the
///   scan itself finds) and code spans are copied as they are.
///
/// - Parameters:
///   - markdown: The lesson's Markdown source.
///   - codeLines: 1-based lines known to belong to fenced code blocks (their fences included).
/// - Complexity: O(*n*) in the length of `markdown`, plus the length of any unclosed span.
func protectMath(in markdown: String, codeLines: Set<Int> = []) -> MathProtectedMarkdown {
  let bytes = Array(markdown.utf8)
  var output: [UInt8] = []
  output.reserveCapacity(bytes.count + 64)
  var spans: [String] = []
  var index = 0
  var line = 1
  var atLineStart = true
  var fence: (character: UInt8, length: Int)? = nil

  func lineEnd(from start: Int) -> Int {
    var end = start
    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
    return end
  }

  // A fence line: optional indentation and block-quote markers, then ``` or ~~~ (3 or more).
  func fenceRun(in range: Range<Int>) -> (character: UInt8, length: Int, rest: Range<Int>)? {
    var start = range.lowerBound
    while start < range.upperBound,
      bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x3E
    {
      start += 1
    }
    guard start < range.upperBound, bytes[start] == 0x60 || bytes[start] == 0x7E else {
      return nil
    }
    var end = start
    while end < range.upperBound && bytes[end] == bytes[start] { end += 1 }
    guard end - start >= 3 else { return nil }
    return (bytes[start], end - start, end..<range.upperBound)
  }

  // The end of a run that may not cross a blank line: the index of the first byte of the
  // closing delimiter, found by `matches`, or nil.
  func findClosing(from start: Int, _ matches: (Int) -> Bool) -> Int? {
    var position = start
    while position < bytes.count {
      if bytes[position] == 0x0A {
        var next = position + 1
        while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
        if next >= bytes.count || bytes[next] == 0x0A { return nil }
      }
      if matches(position) { return position }
      position += 1
    }
    return nil
  }

  func isSpace(_ position: Int) -> Bool {
    position < 0 || position >= bytes.count || bytes[position] == 0x20 || bytes[position] == 0x09
      || bytes[position] == 0x0A || bytes[position] == 0x0D
  }

  func placeholder(for range: Range<Int>) {
    spans.append(String(decoding: bytes[range], as: UTF8.self))
    output += mathPrefix
    output += Array(String(spans.count - 1).utf8)
    output.append(0x58)  // X
    for byte in bytes[range] where byte == 0x0A {
      output.append(0x0A)
      output += continuation
    }
  }

  while index < bytes.count {
    if atLineStart {
      atLineStart = false
      let end = lineEnd(from: index)
      if let open = fence {
        if let run = fenceRun(in: index..<end), run.character == open.character,
          run.length >= open.length,
          bytes[run.rest].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        {
          fence = nil
        }
        output += bytes[index..<end]
        index = end
        continue
      }
      if codeLines.contains(line) {
        output += bytes[index..<end]
        index = end
        continue
      }
      if let run = fenceRun(in: index..<end),
        run.character == 0x7E || !bytes[run.rest].contains(0x60)
      {
        fence = (run.character, run.length)
        output += bytes[index..<end]
        index = end
        continue
      }
    }
    let byte = bytes[index]
    switch byte {
    case 0x0A:
      output.append(byte)
      index += 1
      line += 1
      atLineStart = true
    case 0x5C:  // backslash: an escape; `\$` is a literal dollar
      if index + 1 < bytes.count && bytes[index + 1] == 0x24 {
        output += escapedDollar
        index += 2
      } else if index + 1 < bytes.count && bytes[index + 1] != 0x0A {
        output += bytes[index...index + 1]
        index += 2
      } else {
        output.append(byte)
        index += 1
      }
    case 0x60:  // a code span: copied up to the closing run of as many backticks
      var runEnd = index
      while runEnd < bytes.count && bytes[runEnd] == 0x60 { runEnd += 1 }
      let length = runEnd - index
      let closing = findClosing(from: runEnd) { position in
        guard bytes[position] == 0x60, bytes[position - 1] != 0x60 else { return false }
        var end = position
        while end < bytes.count && bytes[end] == 0x60 { end += 1 }
        return end - position == length
      }
      let copyEnd = closing.map { $0 + length } ?? runEnd
      for byte in bytes[index..<copyEnd] where byte == 0x0A { line += 1 }
      output += bytes[index..<copyEnd]
      index = copyEnd
    case 0x24:  // a dollar
      if index + 1 < bytes.count && bytes[index + 1] == 0x24 {
        let closing = findClosing(from: index + 2) { position in
          bytes[position] == 0x24 && position + 1 < bytes.count && bytes[position + 1] == 0x24
            && bytes[position - 1] != 0x5C
        }
        if let closing, closing > index + 2 {
          let range = index..<(closing + 2)
          for byte in bytes[range] where byte == 0x0A { line += 1 }
          placeholder(for: range)
          index = closing + 2
        } else {
          output += bytes[index...index + 1]
          index += 2
        }
      } else if !isSpace(index + 1) {
        let closing = findClosing(from: index + 1) { position in
          bytes[position] == 0x24 && !isSpace(position - 1) && bytes[position - 1] != 0x5C
            && !(position + 1 < bytes.count && (0x30...0x39).contains(bytes[position + 1]))
        }
        if let closing {
          let range = index..<(closing + 1)
          for byte in bytes[range] where byte == 0x0A { line += 1 }
          placeholder(for: range)
          index = closing + 1
        } else {
          output.append(byte)
          index += 1
        }
      } else {
        output.append(byte)
        index += 1
      }
    default:
      output.append(byte)
      index += 1
    }
  }
  return MathProtectedMarkdown(markdown: String(decoding: output, as: UTF8.self), spans: spans)
}

/// Puts the math spans back into cmark's HTML output, HTML-escaped, with their delimiters.
///
/// An escaped dollar comes back as `<span class="dollar">$</span>`: alone in its element, so
/// KaTeX's auto-render never pairs it with another dollar.
///
/// - Parameters:
///   - html: cmark's output for ``MathProtectedMarkdown/markdown``.
///   - spans: ``MathProtectedMarkdown/spans``.
/// - Complexity: O(*n*) in the length of `html` plus the length of the spans.
func restoreMath(in html: String, spans: [String]) -> String {
  let bytes = Array(html.utf8)
  guard bytes.count >= mathPrefix.count else { return html }
  var output: [UInt8] = []
  output.reserveCapacity(bytes.count + spans.reduce(0) { $0 + $1.utf8.count })
  var index = 0

  func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
    guard position + prefix.count <= bytes.count else { return false }
    for offset in 0..<prefix.count where bytes[position + offset] != prefix[offset] {
      return false
    }
    return true
  }

  while index < bytes.count {
    guard bytes[index] == mathPrefix[0], hasPrefix(mathPrefix, at: index) else {
      output.append(bytes[index])
      index += 1
      continue
    }
    if hasPrefix(escapedDollar, at: index) {
      output += Array("<span class=\"dollar\">$</span>".utf8)
      index += escapedDollar.count
      continue
    }
    if hasPrefix(continuation, at: index) {
      // Only reached when cmark moved a continuation away from its span; it stands for nothing.
      index += continuation.count
      continue
    }
    var end = index + mathPrefix.count
    var number = 0
    while end < bytes.count, (0x30...0x39).contains(bytes[end]) {
      number = number * 10 + Int(bytes[end] - 0x30)
      end += 1
    }
    guard end > index + mathPrefix.count, end < bytes.count, bytes[end] == 0x58,
      number < spans.count
    else {
      output.append(bytes[index])
      index += 1
      continue
    }
    output += Array(spans[number].htmlEscaped.utf8)
    index = end + 1
    // The continuation placeholders of the span's later lines, each after a line break.
    while true {
      var next = index
      if hasPrefix(Array("<br />".utf8), at: next) { next += 6 }
      guard next < bytes.count, bytes[next] == 0x0A, hasPrefix(continuation, at: next + 1) else {
        break
      }
      index = next + 1 + continuation.count
    }
  }
  return String(decoding: output, as: UTF8.self)
}
