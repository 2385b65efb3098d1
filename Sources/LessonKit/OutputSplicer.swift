// `lessons update`: writing what snippets printed into their `output` blocks, so that every
// byte of the lesson outside those blocks' bodies stays as it was.

/// The body an `output` block records for what a snippet printed: line endings made `\n`,
/// and a final `\n` added to output that does not end with one (a fenced block cannot say
/// "no newline at the end").
///
/// Compare a snippet's actual output with `FencedBlock.content` through this function, and
/// `verify` agrees with what `update` writes.
///
/// ```swift
/// recordedOutput("a\r\nb")    // "a\nb\n"
/// recordedOutput("a\r\r\nb")  // "a\n\nb\n" (a lone CR, then CRLF)
/// recordedOutput("")          // ""
/// ```
///
/// Line endings are found byte by byte, as `SourceLines` finds them, not by `Character`
/// (a CR before a CRLF would otherwise join with its LF once the CRLF is replaced).
///
/// - Parameter output: Everything the snippet wrote to standard output.
/// - Complexity: O(*n*) in the length of `output`.
public func recordedOutput(_ output: String) -> String {
  let carriageReturn = UInt8(ascii: "\r")
  let lineFeed = UInt8(ascii: "\n")
  guard output.utf8.contains(carriageReturn) || !(output.utf8.last.map { $0 == lineFeed } ?? true)
  else { return output }
  var bytes: [UInt8] = []
  bytes.reserveCapacity(output.utf8.count + 1)
  var afterCarriageReturn = false
  for byte in output.utf8 {
    if byte == lineFeed, afterCarriageReturn {
      afterCarriageReturn = false
      continue
    }
    afterCarriageReturn = byte == carriageReturn
    bytes.append(afterCarriageReturn ? lineFeed : byte)
  }
  if let last = bytes.last, last != lineFeed { bytes.append(lineFeed) }
  return String(decoding: bytes, as: UTF8.self)
}

/// Writes snippets' outputs into a lesson's Markdown source.
///
/// For each snippet index in `outputs`, the body of the snippet's `output` block is replaced
/// by the output (as `recordedOutput(_:)` gives it). A snippet without an `output` block
/// gets one right after its closing fence, after a blank line, when its output is not
/// empty. Nothing else changes: line endings (new lines use the ones around them), a
/// byte-order mark, trailing blanks, other blocks. A block whose output has not changed is
/// left byte for byte, so splicing the same outputs twice gives the same text.
///
/// - A block inside a list item or block quote keeps its place in it: new lines start with
///   the container's markers as the opening fence line has them (`>` kept, list markers
///   turned into spaces); blank lines get the markers without trailing blanks.
/// - When the output holds a line that would close the block's fence, the fence (opening
///   and closing line) is made one character longer than the longest such line.
///
/// ```swift
/// let source = "```swift\nprint(1)\n```\n"
/// let lesson = try Lesson(parsing: source, path: "a.md")
/// splicingOutputs([0: "1\n"], into: source, lesson: lesson)
/// // "```swift\nprint(1)\n```\n\n```output\n1\n```\n"
/// ```
///
/// - Parameters:
///   - outputs: The new output of each snippet, by `Snippet.index`; snippets left out keep
///     their output blocks as they are.
///   - source: The lesson's Markdown source.
///   - lesson: The lesson read from exactly this `source`.
/// - Returns: The new source.
/// - Precondition: Every key of `outputs` is the index of a snippet of `lesson`.
/// - Complexity: O(*n* + *m*) for a source of *n* bytes and outputs of *m* bytes in all.
public func splicingOutputs(_ outputs: [Int: String], into source: String, lesson: Lesson)
  -> String
{
  var lines = SourceLines(source)
  let changes = outputs.map { index, output in
    precondition(
      lesson.snippets.indices.contains(index),
      "\(lesson.path) has no snippet \(index) (it has \(lesson.snippets.count))")
    return (snippet: lesson.snippets[index], body: recordedOutput(output))
  }
  // From the end of the file backwards, so the lines of the changes still to make stay put.
  for (snippet, body) in changes.sorted(by: {
    $0.snippet.code.openingLine > $1.snippet.code.openingLine
  }) {
    if let block = snippet.output {
      guard block.content != body else { continue }
      replaceBody(of: block, with: body, in: &lines)
    } else if !body.isEmpty {
      insertOutputBlock(after: snippet.code, body: body, in: &lines)
    }
  }
  return lines.text
}

/// Replaces the body of `block` by `body`, lengthening its fence when `body` needs it.
private func replaceBody(of block: FencedBlock, with body: String, in lines: inout SourceLines) {
  let prefix = containerPrefix(ofLine: block.openingLine, in: lines)
  let fence = safeFence(block.fence, for: body)
  let ending = lines[block.openingLine].ending
  if fence != block.fence {
    replaceFence(onLine: block.closingLine, with: fence, last: true, in: &lines)
    replaceFence(onLine: block.openingLine, with: fence, last: false, in: &lines)
  }
  let bodyLines = prefixedLines(body, prefix: prefix, ending: ending)
  lines.lines.replaceSubrange(
    (block.firstContentLine - 1)..<block.lastContentLine, with: bodyLines)
}

/// Inserts a blank line and an `output` block holding `body` after the closing fence of
/// `code`.
private func insertOutputBlock(
  after code: FencedBlock, body: String, in lines: inout SourceLines
) {
  let prefix = containerPrefix(ofLine: code.openingLine, in: lines)
  let fence = Array(safeFence("```", for: body).utf8)
  let closingEnding = lines[code.closingLine].ending
  let ending = closingEnding.isEmpty ? lines.preferredEnding : closingEnding
  lines[code.closingLine].ending = ending
  var newLines = [SourceLines.Line(content: trimmingTrailingBlanks(prefix), ending: ending)]
  newLines.append(SourceLines.Line(content: prefix + fence + Array("output".utf8), ending: ending))
  newLines += prefixedLines(body, prefix: prefix, ending: ending)
  // The new closing fence ends the way the snippet's did (nothing at the end of the file).
  newLines.append(SourceLines.Line(content: prefix + fence, ending: closingEnding))
  lines.lines.insert(contentsOf: newLines, at: code.closingLine)
}

/// The lines of `body` (which is empty or ends with `\n`), each after `prefix`.
func prefixedLines(_ body: String, prefix: [UInt8], ending: [UInt8])
  -> [SourceLines.Line]
{
  guard !body.isEmpty else { return [] }
  return body.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map { line in
    let content = line.isEmpty ? trimmingTrailingBlanks(prefix) : prefix + Array(line.utf8)
    return SourceLines.Line(content: content, ending: ending)
  }
}

/// What starts every line of the block whose opening fence is on line `number`: the bytes
/// before the fence, with block-quote markers and blanks kept and list markers turned into
/// spaces.
func containerPrefix(ofLine number: Int, in lines: SourceLines) -> [UInt8] {
  let text = lines.text(ofLine: number)
  let fenceStart = text.firstIndex(where: MarkdownByte.isFence) ?? text.startIndex
  return text[..<fenceStart].map { byte in
    byte == MarkdownByte.greaterThan || MarkdownByte.isBlank(byte) ? byte : MarkdownByte.space
  }
}

/// Replaces the first (or, with `last`, the last) run of fence characters on line `number`
/// with `fence`.
private func replaceFence(
  onLine number: Int, with fence: String, last: Bool, in lines: inout SourceLines
) {
  var content = lines[number].content
  let isFence = MarkdownByte.isFence
  let found = last ? content.lastIndex(where: isFence) : content.firstIndex(where: isFence)
  guard let found else { return }
  var start = found
  var end = found + 1
  while start > 0, content[start - 1] == content[found] { start -= 1 }
  while end < content.count, content[end] == content[found] { end += 1 }
  content.replaceSubrange(start..<end, with: Array(fence.utf8))
  lines[number].content = content
}

/// `fence`, or a longer fence of the same character when a line of `body` would close it.
///
/// A line closes a fence when, after leading blanks, it is a run of at least as many of the
/// fence's characters followed by nothing but blanks. (Leading blanks of any width are
/// counted, which is stricter than CommonMark's three spaces and never wrong.)
func safeFence(_ fence: String, for body: String) -> String {
  guard let character = fence.first else { return fence }
  var longest = 0
  for line in body.split(separator: "\n") {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    let run = trimmed.prefix { $0 == character }
    guard run.count >= 3, trimmed.dropFirst(run.count).allSatisfy({ $0 == " " || $0 == "\t" })
    else { continue }
    longest = max(longest, run.count)
  }
  return longest >= fence.count ? String(repeating: character, count: longest + 1) : fence
}

/// `bytes` without its trailing spaces and tabs.
private func trimmingTrailingBlanks(_ bytes: [UInt8]) -> [UInt8] {
  var result = bytes
  while let last = result.last, MarkdownByte.isBlank(last) { result.removeLast() }
  return result
}
