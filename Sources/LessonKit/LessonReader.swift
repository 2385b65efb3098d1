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
    try self.init(parsing: source, path: path, groupingExercises: true)
  }

  /// Reads a student's copy of a lesson: as ``init(parsing:path:)`` does, except that its
  /// snippets are not grouped into exercises and the rules of checked exercises are not
  /// checked (a student's copy has placeholders and shown checks, but no solutions), so
  /// ``exercises`` is empty.
  ///
  /// - Parameters:
  ///   - source: The Markdown text.
  ///   - path: The copy's path, used in every error message.
  /// - Throws: `LessonError` as ``init(parsing:path:)`` does, except for exercise grouping.
  public init(parsingStudentCopy source: String, path: String) throws(LessonError) {
    try self.init(parsing: source, path: path, groupingExercises: false)
  }

  private init(parsing source: String, path: String, groupingExercises: Bool) throws(LessonError) {
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
    var nodeOfSnippet: [Int] = []
    for (nodeIndex, blockIndex) in blockOfNode.sorted(by: { $0.value < $1.value }) {
      let block = blocks[blockIndex]
      let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
      switch words.first {
      case "swift":
        var attributes: Set<SnippetAttribute> = []
        var label: String?
        for word in words.dropFirst() {
          if word.hasPrefix("exercise=") {
            let name = String(word.dropFirst("exercise=".count))
            guard !name.isEmpty, label == nil else {
              throw LessonError(
                path: path, line: block.openingLine,
                message: label == nil
                  ? "'exercise=' needs the exercise's name after '=', e.g. 'exercise=2'"
                  : "a snippet belongs to one exercise, but this one names two; keep one "
                    + "'exercise=NAME'")
            }
            label = name
            continue
          }
          guard let attribute = SnippetAttribute(rawValue: String(word)) else {
            let allowed = SnippetAttribute.allCases.map(\.rawValue).joined(separator: ", ")
            throw LessonError(
              path: path, line: block.openingLine,
              message:
                "unknown snippet attribute '\(word)'; the allowed attributes are \(allowed), "
                + "and exercise=NAME")
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
        try checkAttributes(attributes, label: label, line: block.openingLine, path: path)
        snippetOfBlock[blockIndex] = snippets.count
        nodeOfSnippet.append(nodeIndex)
        snippets.append(
          Snippet(
            index: snippets.count, code: block, attributes: attributes, output: nil,
            exerciseLabel: label))
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
        if let kind = [SnippetAttribute.placeholder, .check].first(where: {
          snippets[snippet].attributes.contains($0)
        }) {
          throw LessonError(
            path: path, line: block.openingLine,
            message:
              "a '\(kind.rawValue)' snippet's output is never compared, so it takes no 'output' "
              + "block; remove this block (what the answer prints goes with the 'solution')")
        }
        snippets[snippet].output = block
      default:
        break
      }
    }

    let items = nodeOfSnippet.map { innermostListItem(of: $0, in: nodes) }
    let exercises =
      groupingExercises ? try groupExercises(snippets, listItems: items, path: path) : []

    self.init(
      path: path,
      title: titleIndex.map { nodes[$0].text.trimmingSpaces },
      summary: summaryIndex.map { nodes[$0].text.trimmingSpaces },
      blocks: blocks, snippets: snippets, exercises: exercises)
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

/// Checks the combinations of a snippet's attributes that the exercise attributes forbid (the
/// older ones are checked where they are read).
private func checkAttributes(
  _ attributes: Set<SnippetAttribute>, label: String?, line: Int, path: String
) throws(LessonError) {
  func fail(_ message: String) -> LessonError {
    LessonError(path: path, line: line, message: message)
  }
  if attributes.contains(.placeholder) {
    if let other = attributes.subtracting([.placeholder]).map(\.rawValue).sorted().first {
      throw fail(
        "a 'placeholder' takes no other attribute: it stands in for the solution in the student "
          + "edition and is never compared; drop '\(other)'")
    }
  }
  if attributes.contains(.check) {
    if let other = attributes.subtracting([.check, .hidden]).map(\.rawValue).sorted().first {
      throw fail(
        "a 'check' takes no attribute but 'hidden': it runs after the answer, in a process of "
          + "its own, and its output is never compared; drop '\(other)'")
    }
  } else if attributes.contains(.hidden) {
    throw fail(
      "'hidden' goes with 'check' only ('swift check hidden': a check the student edition "
        + "leaves out); to leave set-up code off the page, write 'hide'")
  }
  if let label, attributes.isDisjoint(with: [.solution, .placeholder, .check]) {
    throw fail(
      "'exercise=\(label)' names the exercise of a 'solution', 'placeholder' or 'check' "
        + "snippet; this snippet is none of them")
  }
}

/// The innermost list item that holds the block at `node` (its index among the blocks, and its
/// number in an ordered list), or `nil`.
private func innermostListItem(of node: Int, in nodes: [MarkdownBlock]) -> (
  block: Int, number: Int?
)? {
  var current = nodes[node].parent
  while let index = current {
    if case .listItem(let number) = nodes[index].kind { return (index, number) }
    current = nodes[index].parent
  }
  return nil
}

/// Groups the exercise snippets of a lesson into checked exercises and checks each has exactly
/// one solution, one placeholder and at least one check.
///
/// A snippet belongs to the exercise its `exercise=NAME` names, else to the exercise of its
/// innermost list item. Groups that hold only `solution` snippets are exercises without checks
/// (answered in prose) and are not returned.
private func groupExercises(
  _ snippets: [Snippet], listItems: [(block: Int, number: Int?)?], path: String
) throws(LessonError) -> [Exercise] {
  enum Key: Hashable {
    case label(String)
    case item(Int)
  }
  var order: [Key] = []
  var members: [Key: [Int]] = [:]
  for snippet in snippets
  where !snippet.attributes.isDisjoint(with: [.solution, .placeholder, .check]) {
    let key: Key
    if let label = snippet.exerciseLabel {
      key = .label(label)
    } else if let item = listItems[snippet.index] {
      key = .item(item.block)
    } else {
      if snippet.attributes.contains(.solution) { continue }
      let kind = snippet.attributes.contains(.check) ? "check" : "placeholder"
      throw LessonError(
        path: path, line: snippet.code.openingLine,
        message:
          "this '\(kind)' is in no list item, so it belongs to no exercise; indent it into its "
          + "exercise's list item, beside the solution, or name the exercise: "
          + "'swift \(kind) exercise=NAME' (the same NAME on the solution)")
    }
    if members[key] == nil { order.append(key) }
    members[key, default: []].append(snippet.index)
  }
  var exercises: [Exercise] = []
  for key in order {
    let group = members[key]!.map { snippets[$0] }
    let solutions = group.filter { $0.attributes.contains(.solution) }
    let placeholders = group.filter { $0.attributes.contains(.placeholder) }
    let checks = group.filter { $0.attributes.contains(.check) }
    if placeholders.isEmpty && checks.isEmpty { continue }
    let first = group[0]
    let fix =
      "; the snippets of one exercise are those of one list item, or those naming the same "
      + "'exercise=NAME'"
    guard let solution = solutions.first else {
      throw LessonError(
        path: path, line: first.code.openingLine,
        message: "this exercise has a placeholder or checks but no 'solution' snippet; add the "
          + "solution the checks are proven against" + fix)
    }
    if solutions.count > 1 {
      throw LessonError(
        path: path, line: solutions[1].code.openingLine,
        message: "a checked exercise has one 'solution' snippet, but this is its second (the "
          + "first is at line \(solution.code.openingLine)); merge them" + fix)
    }
    if let attribute = [SnippetAttribute.norun, .fails].first(where: solution.attributes.contains) {
      throw LessonError(
        path: path, line: solution.code.openingLine,
        message: "the solution of a checked exercise must run to its end, to prove that it "
          + "passes its checks; drop '\(attribute.rawValue)'")
    }
    guard let placeholder = placeholders.first else {
      throw LessonError(
        path: path, line: solution.code.openingLine,
        message: "this exercise has checks but no 'placeholder': add a ```swift placeholder "
          + "block, the stub that compiles and that the student edition shows instead of the "
          + "solution" + fix)
    }
    if placeholders.count > 1 {
      throw LessonError(
        path: path, line: placeholders[1].code.openingLine,
        message: "a checked exercise has one 'placeholder', but this is its second (the first "
          + "is at line \(placeholder.code.openingLine))" + fix)
    }
    if checks.isEmpty {
      throw LessonError(
        path: path, line: placeholder.code.openingLine,
        message: "this exercise has a placeholder but no 'check' snippet; add a ```swift check "
          + "block that the solution passes and the placeholder fails" + fix)
    }
    let name: String
    switch key {
    case .label(let label): name = label
    case .item:
      name = listItems[first.index]?.number.map(String.init) ?? String(exercises.count + 1)
    }
    exercises.append(
      Exercise(
        index: exercises.count, name: name, solution: solution.index,
        placeholder: placeholder.index, checks: checks.map(\.index)))
  }
  return exercises
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
