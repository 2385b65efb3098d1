// Math in the site: `$…$` (inline) and `$$…$$` (display), typeset in the browser by KaTeX.
//
// CommonMark has no math, and cmark would read the `_`, `*` and `\` inside it as emphasis and
// escapes (cmark 0.30 has no way to extend its inline parser). So the math survives cmark in
// three steps:
//
// 1. `protectMath` finds the math spans in the Markdown source, outside code (the code blocks
//    and HTML blocks of a first cmark parse, and code spans, are copied as they are), and
//    replaces each by a placeholder word of letters and digits, which cmark copies into a
//    text node untouched. A span that runs over several lines leaves a placeholder on each
//    later line, so the Markdown keeps its lines and cmark's source positions stay those of
//    the lesson.
// 2. cmark parses the protected Markdown (CmarkReader.swift).
// 3. `resolvingMath` turns the placeholders in the Swift tree back into `.math` nodes holding
//    the span as written (and `\$` into `.literalDollar`), which the HTML renderer writes
//    escaped, delimiters included, for KaTeX's auto-render (assets/math.js).

/// Markdown whose math spans were replaced by placeholders, and what to put back.
struct MathProtectedMarkdown: Sendable, Equatable {
  /// The Markdown with every math span replaced; it has exactly the lines of the original, so
  /// cmark's source positions still point at the lesson file.
  var markdown: String
  /// The math spans, delimiters included, in order; placeholder *k* stands for `spans[k]`.
  var spans: [String]
}

/// Placeholders are letters and digits only, which cmark copies unchanged: `DSCNTMATH` *k*
/// `X` stands for span *k*.
private let mathPrefix = Array("DSCNTMATH".utf8)
/// The placeholder of the second and following lines of a multi-line span.
private let continuation = Array("DSCNTMATHCX".utf8)
/// The placeholder of an escaped dollar `\$`.
private let escapedDollar = Array("DSCNTMATHDX".utf8)

/// Replaces the math spans of a lesson's Markdown by placeholders.
///
/// - `$$…$$` is display math and may span lines (not a blank line).
/// - `$…$` is inline math when the opening `$` is followed by a non-space, the closing `$` is
///   preceded by a non-space and not followed by a digit, and no blank line lies between
///   (so `$5 and $6` stays text). `\$` is a literal dollar.
/// - Nothing inside code is touched: the lines of code blocks and HTML blocks (as cmark
///   parses `markdown`, and the lines in `codeLines`) and code spans are copied as they are;
///   a span does not run into such a line.
/// - The result has the code and HTML blocks of `markdown`, at the same lines: a line where a
///   placeholder would open a code block is left as it is.
///
/// ```swift
/// let protected = protectMath(in: "Let $a_1 * b_2$ be.")
/// // protected.markdown == "Let DSCNTMATH0X be.", protected.spans == ["$a_1 * b_2$"]
/// ```
///
/// - Parameters:
///   - markdown: The lesson's Markdown source.
///   - codeLines: More 1-based lines to leave alone.
/// - Complexity: O(*n*) in the length of `markdown`, plus the length of any unclosed span;
///   two cmark parses (more only when a placeholder would have opened a block).
func protectMath(in markdown: String, codeLines: Set<Int> = []) -> MathProtectedMarkdown {
  let codeBlocks = codeAndHTMLBlocks(in: markdown)
  var skipped = codeLines
  for block in codeBlocks { skipped.formUnion(block) }
  // A placeholder can change what cmark makes of a line: `$$` spans holding the backticks
  // that kept "````s $$```" from opening a fence leave a line that does open one, which
  // would swallow the snippets after it (found by the fuzzer). So the protected Markdown must
  // have the code and HTML blocks of the original; the first line of a block that appears
  // anyway is left as it is (its math stays text), and the scan starts again.
  for _ in 0..<16 {
    var scanner = MathScanner(bytes: Array(markdown.utf8), skippedLines: skipped)
    scanner.scan()
    let protected = String(decoding: scanner.output, as: UTF8.self)
    let appeared = codeAndHTMLBlocks(in: protected).subtracting(codeBlocks)
    if appeared.isEmpty { return MathProtectedMarkdown(markdown: protected, spans: scanner.spans) }
    skipped.formUnion(appeared.map(\.lowerBound))
  }
  return MathProtectedMarkdown(markdown: markdown, spans: [])
}

/// The lines of every code block and HTML block cmark finds in `markdown`, a range per block.
private func codeAndHTMLBlocks(in markdown: String) -> Set<ClosedRange<Int>> {
  var blocks: Set<ClosedRange<Int>> = []
  func collect(_ node: MarkdownNode) {
    switch node.kind {
    case .codeBlock, .htmlBlock:
      blocks.insert(node.start.line...max(node.start.line, node.end.line))
    default: for child in node.children where child.isBlock { collect(child) }
    }
  }
  collect(parseMarkdown(markdown))
  return blocks
}

/// The byte scanner behind ``protectMath(in:codeLines:)``.
///
/// Lines end as CommonMark ends them: at `\n`, `\r\n` or a lone `\r` (a lesson with CR line
/// endings has the lines cmark numbers, and a line holding only `\r` is blank).
private struct MathScanner {
  let bytes: [UInt8]
  /// Lines copied as they are, which no span may enter.
  let skippedLines: Set<Int>
  var output: [UInt8] = []
  var spans: [String] = []
  /// The line of the byte at `index`, from 1.
  private var line = 1
  private var index = 0

  init(bytes: [UInt8], skippedLines: Set<Int>) {
    self.bytes = bytes
    self.skippedLines = skippedLines
    output.reserveCapacity(bytes.count + 64)
  }

  mutating func scan() {
    var atLineStart = true
    while index < bytes.count {
      if atLineStart {
        atLineStart = false
        if skippedLines.contains(line) {
          copy(upTo: lineEnd(from: index))
          continue
        }
      }
      switch bytes[index] {
      case 0x0A, 0x0D:
        copy(upTo: index + lineEndingLength(at: index))
        atLineStart = true
      case 0x5C:  // a backslash escape; `\$` is a literal dollar
        if byte(at: index + 1) == 0x24 {
          output += escapedDollar
          index += 2
        } else {
          let escapesLineEnding = byte(at: index + 1).map { $0 == 0x0A || $0 == 0x0D } ?? true
          copy(upTo: escapesLineEnding ? index + 1 : index + 2)
        }
      case 0x60:  // a code span: copied up to the closing run of as many backticks
        var runEnd = index
        while byte(at: runEnd) == 0x60 { runEnd += 1 }
        let length = runEnd - index
        let closing = findClosing(from: runEnd) { position in
          guard self.bytes[position] == 0x60, self.bytes[position - 1] != 0x60 else {
            return false
          }
          var end = position
          while self.byte(at: end) == 0x60 { end += 1 }
          return end - position == length
        }
        copy(upTo: closing.map { $0 + length } ?? runEnd)
      case 0x24 where byte(at: index + 1) == 0x24:  // `$$`
        let closing = findClosing(from: index + 2) { position in
          self.bytes[position] == 0x24 && self.byte(at: position + 1) == 0x24
            && self.bytes[position - 1] != 0x5C
        }
        if let closing, closing > index + 2 {
          replaceSpan(upTo: closing + 2)
        } else {
          copy(upTo: index + 2)
        }
      case 0x24 where !isSpace(index + 1):  // `$` before a non-space
        let closing = findClosing(from: index + 1) { position in
          self.bytes[position] == 0x24 && !self.isSpace(position - 1)
            && self.bytes[position - 1] != 0x5C
            && !(self.byte(at: position + 1).map { (0x30...0x39).contains($0) } ?? false)
        }
        if let closing { replaceSpan(upTo: closing + 1) } else { copy(upTo: index + 1) }
      default:
        // A run of bytes none of the cases above looks at (no line ending, `\`, `` ` `` or
        // `$`), copied at once: byte by byte, this copy was most of the prose check's time.
        var end = index + 1
        while end < bytes.count, !Self.startsSomething(bytes[end]) { end += 1 }
        copy(upTo: end)
      }
    }
  }

  /// Whether `scan` treats `byte` otherwise than copying it: a line ending, `\`, `` ` ``, `$`.
  private static func startsSomething(_ byte: UInt8) -> Bool {
    byte == 0x0A || byte == 0x0D || byte == 0x5C || byte == 0x60 || byte == 0x24
  }

  private func byte(at position: Int) -> UInt8? {
    position < bytes.count ? bytes[position] : nil
  }

  private func isSpace(_ position: Int) -> Bool {
    guard position >= 0, let byte = byte(at: position) else { return true }
    return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private func lineEnd(from start: Int) -> Int {
    var end = start
    while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
    return end
  }

  /// The length of the line ending at `position`: 2 for `\r\n`, 1 for `\n` or a lone `\r`,
  /// 0 when there is none.
  private func lineEndingLength(at position: Int) -> Int {
    switch byte(at: position) {
    case 0x0A: return 1
    case 0x0D: return byte(at: position + 1) == 0x0A ? 2 : 1
    default: return 0
    }
  }

  /// The number of line endings among the bytes from `start` up to `end`.
  private func lineEndings(from start: Int, upTo end: Int) -> Int {
    var count = 0
    for position in start..<end {
      if bytes[position] == 0x0A || (bytes[position] == 0x0D && byte(at: position + 1) != 0x0A) {
        count += 1
      }
    }
    return count
  }

  /// Copies the bytes from `index` up to `end` as they are.
  private mutating func copy(upTo end: Int) {
    line += lineEndings(from: index, upTo: end)
    output += bytes[index..<end]
    index = end
  }

  /// The index of the first byte of the closing delimiter, found by `matches`, or `nil` when
  /// a blank line, a skipped line or the end comes first.
  private func findClosing(from start: Int, _ matches: (Int) -> Bool) -> Int? {
    var position = start
    var currentLine = line
    while position < bytes.count {
      let ending = lineEndingLength(at: position)
      if ending > 0 {
        currentLine += 1
        var next = position + ending
        while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
        if next >= bytes.count || bytes[next] == 0x0A || bytes[next] == 0x0D
          || skippedLines.contains(currentLine)
        {
          return nil
        }
        position += ending
        continue
      }
      if matches(position) { return position }
      position += 1
    }
    return nil
  }

  /// Replaces the span from `index` up to `end` by its placeholder, and each line break in it
  /// by a line break and the continuation placeholder.
  private mutating func replaceSpan(upTo end: Int) {
    let range = index..<end
    spans.append(String(decoding: bytes[range], as: UTF8.self))
    output += mathPrefix
    output += Array(String(spans.count - 1).utf8)
    output.append(0x58)  // X
    var position = range.lowerBound
    while position < end {
      let ending = lineEndingLength(at: position)
      if ending > 0 {
        // The line ending as written (a lone `\r` too), so cmark sees the same lines.
        output += bytes[position..<(position + ending)]
        output += continuation
        line += 1
        position += ending
      } else {
        position += 1
      }
    }
    index = end
  }
}

extension MarkdownNode {
  /// The tree with the placeholders of ``protectMath(in:codeLines:)`` turned back: each span
  /// placeholder in text becomes a ``Kind/math(_:)`` node holding the span as written, each
  /// escaped dollar a ``Kind/literalDollar``; the continuation placeholders of a multi-line
  /// span, and the line breaks before them, are dropped (the span holds its line breaks).
  /// Placeholders in link destinations, titles and code are put back as text.
  ///
  /// - Parameter spans: ``MathProtectedMarkdown/spans``.
  /// - Complexity: O(*n*) in the size of the tree and the length of its text.
  func resolvingMath(_ spans: [String]) -> MarkdownNode {
    var node = self
    switch kind {
    case .code(let code): node.kind = .code(restoringPlaceholders(in: code, spans: spans))
    case .link(let destination, let title):
      node.kind = .link(
        destination: restoringPlaceholders(in: destination, spans: spans),
        title: restoringPlaceholders(in: title, spans: spans))
    case .image(let source, let title):
      node.kind = .image(
        source: restoringPlaceholders(in: source, spans: spans),
        title: restoringPlaceholders(in: title, spans: spans))
    default: break
    }
    var children: [MarkdownNode] = []
    children.reserveCapacity(node.children.count)
    for child in node.children {
      guard case .text(let literal) = child.kind else {
        children.append(child.resolvingMath(spans))
        continue
      }
      var text = literal[...]
      if text.utf8.starts(with: continuation) {
        // The rest of a span from an earlier line: drop it and the line break before it.
        text = text.dropFirst(continuation.count)
        if let last = children.last, last.kind == .softBreak || last.kind == .lineBreak,
          children.dropLast().last.map({ if case .math = $0.kind { true } else { false } })
            ?? false
        {
          children.removeLast()
        }
      }
      children += splittingPlaceholders(in: text, spans: spans, like: child)
    }
    node.children = children
    return node
  }
}

/// A placeholder found in text: span `number`, an escaped dollar, or a stray continuation.
private enum Placeholder {
  case span(Int)
  case dollar
  case continuation
}

/// The placeholder that starts at `position` of `bytes`, with its length, if one does.
private func placeholder(at position: Int, in bytes: [UInt8], spanCount: Int) -> (
  Placeholder, length: Int
)? {
  func hasPrefix(_ prefix: [UInt8]) -> Bool {
    position + prefix.count <= bytes.count
      && bytes[position..<(position + prefix.count)].elementsEqual(prefix)
  }
  guard hasPrefix(mathPrefix) else { return nil }
  if hasPrefix(escapedDollar) { return (.dollar, escapedDollar.count) }
  if hasPrefix(continuation) { return (.continuation, continuation.count) }
  var end = position + mathPrefix.count
  var number = 0
  while end < bytes.count, (0x30...0x39).contains(bytes[end]), number < spanCount {
    number = number * 10 + Int(bytes[end] - 0x30)
    end += 1
  }
  guard end > position + mathPrefix.count, end < bytes.count, bytes[end] == 0x58,
    number < spanCount
  else { return nil }
  return (.span(number), end + 1 - position)
}

/// `text` cut at its placeholders into text, math and literal-dollar nodes (positions copied
/// from `original`); stray continuations are dropped.
private func splittingPlaceholders(
  in text: Substring, spans: [String], like original: MarkdownNode
) -> [MarkdownNode] {
  let bytes = Array(text.utf8)
  var nodes: [MarkdownNode] = []
  var pending: [UInt8] = []
  func node(_ kind: MarkdownNode.Kind) -> MarkdownNode {
    MarkdownNode(kind: kind, start: original.start, end: original.end)
  }
  func flush() {
    if !pending.isEmpty { nodes.append(node(.text(String(decoding: pending, as: UTF8.self)))) }
    pending = []
  }
  var position = 0
  while position < bytes.count {
    guard bytes[position] == mathPrefix[0],
      let (found, length) = placeholder(at: position, in: bytes, spanCount: spans.count)
    else {
      pending.append(bytes[position])
      position += 1
      continue
    }
    switch found {
    case .span(let number):
      flush()
      nodes.append(node(.math(spans[number])))
    case .dollar:
      flush()
      nodes.append(node(.literalDollar))
    case .continuation:
      break
    }
    position += length
  }
  flush()
  return nodes
}

/// `text` with every placeholder replaced by what it stands for, as plain text (a span as
/// written, an escaped dollar as `$`, a continuation by nothing).
private func restoringPlaceholders(in text: String, spans: [String]) -> String {
  guard text.contains("DSCNTMATH") else { return text }
  let position = SourcePosition(line: 0, column: 0)
  let original = MarkdownNode(kind: .text(text), start: position, end: position)
  return splittingPlaceholders(in: text[...], spans: spans, like: original)
    .map { node in
      switch node.kind {
      case .text(let literal), .math(let literal): literal
      case .literalDollar: "$"
      default: ""
      }
    }.joined()
}

/// Markdown with math as HTML: cmark's HTML of the prose, with every math span as written
/// (escaped, delimiters included) and every `\$` as a dollar KaTeX leaves alone.
///
///     markdownHTML("Let $a_1 * b_2$ be.")  // "<p>Let $a_1 * b_2$ be.</p>\n"
///
/// - Parameters:
///   - markdown: The Markdown.
///   - sourcePositions: Whether block elements carry `data-sourcepos` attributes.
/// - Complexity: O(*n*) in the length of `markdown`.
func markdownHTML(_ markdown: String, sourcePositions: Bool = false) -> String {
  let protected = protectMath(in: markdown)
  var renderer = HTMLRenderer(sourcePositions: sourcePositions)
  renderer.visit(parseMarkdown(protected.markdown).resolvingMath(protected.spans))
  return renderer.html
}
