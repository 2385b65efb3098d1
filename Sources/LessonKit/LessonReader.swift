// Reading a lesson: cmark finds the blocks (CmarkReader.swift); this file turns them into the
// lesson model, checks the lesson format of DESIGN.md and reports mistakes at their line.

extension Lesson {
  /// Reads a lesson from its Markdown source.
  ///
  /// Every fenced code block becomes a `FencedBlock`; a block whose info string starts with
  /// the word `swift` is a snippet, and the words after it are its attributes. The `output`
  /// block that comes right after a snippet (nothing but blank lines between, and in the
  /// same list item or block quote) records the snippet's output. Indented code blocks are
  /// never snippets.
  ///
  /// ```swift
  /// let lesson = try Lesson(
  ///   parsing: "# Sums\n\nAdding.\n\n```swift\nprint(1 + 1)\n```\n\n```output\n2\n```\n",
  ///   path: "Lessons/sums.md")
  /// // lesson.title == "Sums", lesson.summary == "Adding."
  /// // lesson.snippets[0].code.openingLine == 5, lesson.snippets[0].output?.content == "2\n"
  /// ```
  ///
  /// - Parameters:
  ///   - source: The Markdown text (UTF-8; `\n`, `\r\n` or `\r` line endings; a leading
  ///     byte-order mark is allowed and does not shift line numbers).
  ///   - path: The lesson's path, used in every error message.
  /// - Throws: `LessonError` at the offending line for a fence that is never closed, an
  ///   unknown snippet attribute, a snippet marked both `solution` and `hide` (or `exact` and
  ///   `nocheck` or `norun`, or `fails` and `norun`), an `output` block that does not follow a snippet, or an
  ///   `output` block with words after `output`.
  /// - Complexity: O(*n*) in the length of `source`.
  public init(parsing source: String, path: String) throws(LessonError) {
    let lines = SourceLines(source)
    let nodes = markdownBlocks(in: source)

    let titleIndex = nodes.firstIndex { node in
      if case .heading = node.kind { return true }
      return false
    }
    let summaryIndex = nodes.indices.first { index in
      nodes[index].kind == .paragraph && nodes[index].depth == 1
        && index > (titleIndex ?? -1)
    }

    var blocks: [FencedBlock] = []
    var blockOfNode: [Int: Int] = [:]
    for (index, node) in nodes.enumerated() where node.kind == .codeBlock {
      guard let block = try fencedBlock(node, at: index, in: nodes, lines: lines, path: path)
      else { continue }
      blockOfNode[index] = blocks.count
      blocks.append(block)
    }

    var previousSibling: [Int: Int] = [:]
    for (index, node) in nodes.enumerated() {
      if let next = node.nextSibling { previousSibling[next] = index }
    }

    var snippets: [Snippet] = []
    var snippetOfBlock: [Int: Int] = [:]
    for (nodeIndex, blockIndex) in blockOfNode.sorted(by: { $0.value < $1.value }) {
      let block = blocks[blockIndex]
      let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
      switch words.first {
      case "swift":
        var attributes: Set<SnippetAttribute> = []
        for word in words.dropFirst() {
          guard let attribute = SnippetAttribute(rawValue: String(word)) else {
            let allowed = SnippetAttribute.allCases.map(\.rawValue).joined(separator: ", ")
            throw LessonError(
              path: path, line: block.openingLine,
              message:
                "unknown snippet attribute '\(word)'; the allowed attributes are \(allowed)")
          }
          attributes.insert(attribute)
        }
        if attributes.isSuperset(of: [.solution, .hide]) {
          throw LessonError(
            path: path, line: block.openingLine,
            message:
              "a snippet cannot be both 'solution' and 'hide': a solution is shown only in the "
              + "instructor edition, and 'hide' would hide it there too; drop 'hide'")
        }
        if attributes.contains(.exact),
          let ignored = [SnippetAttribute.nocheck, .norun].first(where: attributes.contains)
        {
          throw LessonError(
            path: path, line: block.openingLine,
            message:
              "'exact' makes the output compared character for character, but a '"
              + ignored.rawValue + "' snippet's output is never compared; drop one of them")
        }
        if attributes.isSuperset(of: [.fails, .norun]) {
          throw LessonError(
            path: path, line: block.openingLine,
            message:
              "a snippet cannot be both 'fails' and 'norun': 'fails' runs it and checks that it "
              + "fails, 'norun' never runs it; drop one of them")
        }
        snippetOfBlock[blockIndex] = snippets.count
        snippets.append(
          Snippet(index: snippets.count, code: block, attributes: attributes, output: nil))
      case "output":
        guard let previous = previousSibling[nodeIndex],
          let previousBlock = blockOfNode[previous],
          let snippet = snippetOfBlock[previousBlock],
          onlyBlankLines(
            in: (blocks[previousBlock].closingLine + 1)..<block.openingLine, of: lines)
        else {
          throw LessonError(
            path: path, line: block.openingLine,
            message:
              "this 'output' block does not follow a 'swift' snippet; put it right after the "
              + "snippet whose output it records (only blank lines between), or give it "
              + "another info string")
        }
        guard words.count == 1 else {
          throw LessonError(
            path: path, line: block.openingLine,
            message:
              "an 'output' block takes no attributes, but this one has '"
              + words.dropFirst().joined(separator: " ") + "'; write just 'output'")
        }
        snippets[snippet].output = block
      default:
        break
      }
    }

    self.init(
      path: path,
      title: titleIndex.map { nodes[$0].text.trimmingSpaces },
      summary: summaryIndex.map { nodes[$0].text.trimmingSpaces },
      blocks: blocks, snippets: snippets)
  }

  /// Reads the lesson in the file at `path`.
  ///
  /// - Parameter path: The file's path; it is also the lesson's `path`, used in messages.
  /// - Throws: `FileError` when the file cannot be read or is not UTF-8, `LessonError` as
  ///   `init(parsing:path:)` does.
  public init(contentsOfFile path: String) throws {
    try self.init(parsing: try readTextFile(atPath: path), path: path)
  }
}

/// The fenced block for a code-block node, or `nil` when the node is an indented code block.
///
/// cmark reports the line and column of the opening fence and the line it ended the block
/// on; the fence itself is read from the source. cmark closes a fence that is never closed
/// at the end of its container or document without a word, so the line it ended on is
/// checked to really be a closing fence.
private func fencedBlock(
  _ node: MarkdownBlock, at nodeIndex: Int, in nodes: [MarkdownBlock], lines: SourceLines,
  path: String
) throws(LessonError) -> FencedBlock? {
  let openingText = lines.text(ofLine: node.startLine)
  let fenceStart = openingText.startIndex + node.startColumn - 1
  guard fenceStart >= openingText.startIndex, fenceStart < openingText.endIndex else {
    return nil
  }
  let fenceCharacter = openingText[fenceStart]
  guard MarkdownByte.isFence(fenceCharacter) else { return nil }
  let fenceLength = openingText[fenceStart...].prefix { $0 == fenceCharacter }.count
  guard fenceLength >= 3 else { return nil }
  if node.info.isEmpty {
    // An indented code block whose first line starts with ``` also lands here: its body
    // starts with the rest of its first line, which a fenced block's body never does.
    let rest = String(decoding: openingText[fenceStart...], as: UTF8.self)
    if node.text.hasPrefix(rest + "\n") { return nil }
  }
  let fence = String(repeating: Character(Unicode.Scalar(fenceCharacter)), count: fenceLength)

  let prefixQuotes = openingText[..<fenceStart].count { $0 == MarkdownByte.greaterThan }
  // Blocks come in document order, so their start lines never decrease: look only at those
  // that start before the line after the fence's end.
  let startsAnotherBlock = nodes[(nodeIndex + 1)...].prefix { $0.startLine <= node.endLine }
    .contains { $0.startLine == node.endLine }
  // A closed fence's body holds exactly the lines between its fences; an unclosed one ends
  // with the line cmark stopped at (e.g. a `    ```` indented too far to close it).
  let bodyLineCount = node.text.utf8.count { $0 == UInt8(ascii: "\n") }
  guard node.endLine > node.startLine, bodyLineCount == node.endLine - node.startLine - 1,
    !startsAnotherBlock,
    isClosingFence(
      lines.text(ofLine: node.endLine), character: fenceCharacter, length: fenceLength,
      quotes: prefixQuotes)
  else {
    throw LessonError(
      path: path, line: node.startLine,
      message:
        "the code fence \(fence) opened here is never closed; add a line \(fence) where the "
        + "block ends")
  }
  return FencedBlock(
    info: node.info.trimmingSpaces, fence: fence,
    openingLine: node.startLine, closingLine: node.endLine,
    firstContentLine: node.startLine + 1, lastContentLine: node.endLine - 1,
    content: node.text)
}

/// Whether `line` closes a fence of `length` `character`s opened inside `quotes` block-quote
/// markers: container markers and blanks, then at least `length` fence characters, then
/// nothing but blanks.
private func isClosingFence(
  _ line: ArraySlice<UInt8>, character: UInt8, length: Int, quotes: Int
) -> Bool {
  var end = line.endIndex
  while end > line.startIndex, MarkdownByte.isBlank(line[end - 1]) { end -= 1 }
  var runStart = end
  while runStart > line.startIndex, line[runStart - 1] == character { runStart -= 1 }
  guard end - runStart >= length else { return false }
  let prefix = line[line.startIndex..<runStart]
  guard prefix.allSatisfy({ MarkdownByte.isBlank($0) || $0 == MarkdownByte.greaterThan }) else {
    return false
  }
  return prefix.count { $0 == MarkdownByte.greaterThan } == quotes
}

/// Whether the lines `numbers` hold nothing but blanks and block-quote markers. (cmark keeps
/// no node for a link reference definition, so two blocks can be siblings with text between.)
private func onlyBlankLines(in numbers: Range<Int>, of lines: SourceLines) -> Bool {
  numbers.allSatisfy { number in
    lines.text(ofLine: number).allSatisfy {
      MarkdownByte.isBlank($0) || $0 == MarkdownByte.greaterThan
    }
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  fileprivate var trimmingSpaces: String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    guard let first = firstIndex(where: { !isBlank($0) }),
      let last = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(self[first...last])
  }
}
