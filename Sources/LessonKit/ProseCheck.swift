// The prose check: every number a lesson's text states must be printed by one of its checked
// outputs, written in one of its snippets, or marked by the author as cited. The numbers are
// read from cmark's tree (so code spans, code blocks, link destinations and raw HTML are not
// prose), math included; their lines from the source.

import Foundation

/// A number that may back a number of the prose, and where it is.
public struct ProseBacking: Sendable, Equatable {
  /// Where the number was found.
  public enum Source: Sendable, Equatable {
    /// The recorded `output` block of a checked snippet.
    case output
    /// What a checked snippet printed in the run checked, where it differs from its block.
    case actualOutput(snippetIndex: Int)
    /// A literal of a snippet's code (exact at any precision).
    case code
    /// The output block of a `nocheck` snippet: never compared, so it backs nothing; named in
    /// the message when it would have.
    case uncheckedOutput
  }

  /// The number as printed or written.
  public var text: String
  /// Its value.
  public var value: PrintedNumber
  /// Where it was found.
  public var source: Source
  /// Its line in the lesson file (for an actual output: its line in the output block when the
  /// snippet has one, else the snippet's closing fence).
  public var line: Int

  /// Whether it may back a prose number (an unchecked output may not).
  public var backs: Bool { source != .uncheckedOutput }

  /// `0.4056 (line 120)`, `0.7 (line 95, code)`, `2.183 (line 102, nocheck output)`,
  /// `0.41 (line 120, actual output)`.
  public var label: String {
    switch source {
    case .output: "\(text) (line \(line))"
    case .actualOutput: "\(text) (line \(line), actual output)"
    case .code: "\(text) (line \(line), code)"
    case .uncheckedOutput: "\(text) (line \(line), nocheck output)"
    }
  }
}

/// A problem the prose check found, at a line of the lesson.
public struct ProseFinding: Sendable, Equatable {
  /// What is wrong.
  public enum Kind: Sendable, Equatable {
    /// A checked number of the prose that nothing backs and no `cited` comment marks.
    /// `nearest`: the (at most three) numbers of the lesson's outputs and snippets closest in
    /// value; `unchecked`: a `nocheck` output that prints it, if one does.
    case notBacked(number: String, nearest: [ProseBacking], unchecked: ProseBacking?)
    /// A number of a `cited` comment that the prose it covers (`lines`) does not write.
    case unusedCitation(number: String, lines: ClosedRange<Int>)
    /// A `cited` comment that lists no number.
    case emptyCitation
    /// A `cited` comment standing on its own lines with no paragraph, heading or list right
    /// before it in the same container.
    case citationCoversNothing
  }

  /// The line of the lesson file.
  public var line: Int
  /// What is wrong.
  public var kind: Kind

  /// What is wrong and how to fix it, in one sentence or two.
  public var message: String {
    switch kind {
    case .notBacked(let number, let nearest, let unchecked):
      let candidates =
        nearest.isEmpty
        ? "the lesson prints and writes no number" : nearest.map(\.label).joined(separator: ", ")
      var text =
        "prose number \(number) is not printed by a checked output nor written in a snippet "
        + "of this lesson (nearest: \(candidates))"
      if let unchecked {
        text +=
          "; line \(unchecked.line) prints it, but a nocheck snippet's output is not checked: "
          + "state what holds on every machine, or print a portable ratio from a checked snippet"
      }
      return text
        + "; print it from a snippet, correct it, or mark it cited: <!-- cited: \(number) (source) -->"
    case .unusedCitation(let number, let lines):
      let covered =
        lines.lowerBound == lines.upperBound
        ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)–\(lines.upperBound)"
      return
        "cited \(number) does not occur in the prose this comment covers (\(covered)); "
        + "correct it or remove it from the comment"
    case .emptyCitation:
      return "this cited comment lists no number; write <!-- cited: 0.9 (the lecture) -->"
    case .citationCoversNothing:
      return
        "this cited comment covers the block right before it, and there is none; put it right "
        + "after the paragraph, heading or list whose numbers it cites (indented with a list item)"
    }
  }
}

/// What the prose check concludes about one lesson.
public struct ProseVerdict: Sendable, Equatable {
  /// The lesson's path.
  public var path: String
  /// How many numbers of the prose are checked (backed, cited or not).
  public var checkedCount: Int
  /// How many of them a `cited` comment marks.
  public var citedCount: Int
  /// The problems, by line.
  public var findings: [ProseFinding]

  /// Whether every checked number is backed or cited, and every citation is in use.
  public var passed: Bool { findings.isEmpty }

  /// How many checked numbers nothing backs.
  public var notBackedCount: Int {
    findings.filter { if case .notBacked = $0.kind { true } else { false } }.count
  }
}

/// Checks every number of a lesson's prose against its outputs and snippets.
///
/// The prose is every paragraph and heading (in lists and block quotes too), with its inline
/// and display math; not code spans, code blocks, HTML, link destinations or autolinks.
/// `proseNumbers(in:)` says which numbers are read and which are checked. A checked number
/// passes when
/// - a `cited` comment covering it lists it (`<!-- cited: 2017 (Goyal et al.), 0.9 -->`: inside
///   a paragraph or heading it covers that paragraph or heading; on its own lines it covers
///   the block right before it in the same container, a whole list included); or
/// - a number printed in the recorded output of a checked snippet, or in what a checked
///   snippet printed in `run`, or a literal of any snippet's code backs it, by
///   `ProseNumber.isBacked(by:otherIsExact:)`: rounded to the prose's last written digit it
///   is the prose number (a printed decimal may be off by one unit in its own last digit, as
///   outputs are compared; a literal is exact). Outputs are read with `outputTokens(_:)` and
///   `proseNumbers(in:)` both; code with its comments left out. The outputs of `nocheck`
///   snippets back nothing.
///
/// Every number a `cited` comment lists must occur in the prose it covers (a stale citation is
/// a finding), and a `cited` comment must cover something and list a number.
///
/// - Parameters:
///   - lesson: The lesson, read from `source`.
///   - source: The lesson file's text.
///   - run: A run of the lesson, when there is one: its actual outputs back prose too.
/// - Returns: The verdict, findings in line order.
/// - Complexity: O(*p* · *b*) for *p* numbers of the prose and *b* numbers of the outputs and
///   snippets, plus the parse.
public func checkProse(_ lesson: Lesson, source: String, run: LessonRun? = nil) -> ProseVerdict {
  let prose = readProse(source)
  let backing = backingNumbers(of: lesson, run: run)
  let index = BackingIndex(backing)
  var findings = prose.problems
  var cited = Array(repeating: Set<Int>(), count: prose.citations.count)
  var checkedCount = 0
  var citedCount = 0
  for (leafIndex, leaf) in prose.leaves.enumerated() {
    let covering = prose.citations.indices.filter { prose.citations[$0].covers.contains(leafIndex) }
    for located in leaf.numbers {
      let number = located.number
      var isCited = false
      for citation in covering {
        for (k, listed) in prose.citations[citation].numbers.enumerated()
        where listed.isSameWrittenNumber(as: number) {
          cited[citation].insert(k)
          isCited = true
        }
      }
      guard number.role == .checked else { continue }
      checkedCount += 1
      if isCited {
        citedCount += 1
        continue
      }
      if firstBacking(of: number, in: index) != nil { continue }
      let unchecked = backing.first {
        !$0.backs && number.isBacked(by: $0.value)
      }
      findings.append(
        ProseFinding(
          line: located.line,
          kind: .notBacked(
            number: number.text, nearest: nearest(to: number, in: backing), unchecked: unchecked)
        ))
    }
  }
  for (index, citation) in prose.citations.enumerated() {
    let covered = citation.covers.map { prose.leaves[$0].lines }
    guard let first = covered.first, let last = covered.last else { continue }
    for (k, listed) in citation.numbers.enumerated() where !cited[index].contains(k) {
      findings.append(
        ProseFinding(
          line: citation.line,
          kind: .unusedCitation(
            number: listed.text, lines: first.lowerBound...last.upperBound)))
    }
  }
  let ordered = findings.enumerated().sorted {
    ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
  }
  return ProseVerdict(
    path: lesson.path, checkedCount: checkedCount, citedCount: citedCount,
    findings: ordered.map(\.element))
}

/// Every checked number of a lesson's prose with what backs it, one line each, for an author
/// who wants to see why the check passes: `Lessons/x.md:LINE: 0.41 ← 0.4056 (line 120)`,
/// `…: 2017 ← cited (line 40)`, `…: 0.41 ← nothing`.
///
/// - Parameters:
///   - lesson: The lesson, read from `source`.
///   - source: The lesson file's text.
///   - run: A run of the lesson, when there is one.
/// - Returns: The lines, in source order.
public func proseExplanation(_ lesson: Lesson, source: String, run: LessonRun? = nil) -> [String] {
  let prose = readProse(source)
  let backing = BackingIndex(backingNumbers(of: lesson, run: run))
  var lines: [String] = []
  for (leafIndex, leaf) in prose.leaves.enumerated() {
    for located in leaf.numbers where located.number.role == .checked {
      let number = located.number
      let citation = prose.citations.first { citation in
        citation.covers.contains(leafIndex)
          && citation.numbers.contains { $0.isSameWrittenNumber(as: number) }
      }
      let reason: String
      if let citation {
        reason = "cited (line \(citation.line))"
      } else if let backer = firstBacking(of: number, in: backing) {
        reason = backer.label
      } else {
        reason = "nothing"
      }
      lines.append("\(lesson.path):\(located.line): \(number.text) ← \(reason)")
    }
  }
  return lines
}

/// The heading `lessons verify --prose` and `lessons check-prose` print above the prose
/// check's lines.
public let proseCheckHeading =
  "Prose check: every number in a lesson's text must be printed by a checked output, written "
  + "in a snippet, or marked <!-- cited: N (source) -->"

/// The line the prose check prints for a lesson, e.g.
/// `Lessons/00-getting-started.md: prose: 4 numbers checked, 1 cited, ok` or
/// `…: prose: 120 numbers checked, 0 cited, 17 not backed`.
///
/// - Parameter verdict: The lesson's prose verdict.
public func proseProgressLine(for verdict: ProseVerdict) -> String {
  let count = verdict.checkedCount == 1 ? "1 number" : "\(verdict.checkedCount) numbers"
  var line = "\(verdict.path): prose: \(count) checked, \(verdict.citedCount) cited"
  if verdict.passed { return line + ", ok" }
  let notBacked = verdict.notBackedCount
  if notBacked > 0 { line += ", \(notBacked) not backed" }
  let citationProblems = verdict.findings.count - notBacked
  if citationProblems > 0 {
    line +=
      citationProblems == 1 ? ", 1 citation problem" : ", \(citationProblems) citation problems"
  }
  return line
}

/// Every finding of a lesson as `path:line: error: message` lines; empty when it passed.
///
/// - Parameter verdict: The lesson's prose verdict.
public func proseReport(for verdict: ProseVerdict) -> String {
  verdict.findings.map { "\(verdict.path):\($0.line): error: \($0.message)\n" }.joined()
}

/// The prose check's summary line: `prose: N passed, M failed`, with the counts of numbers not
/// backed and of citation problems when there are any.
///
/// - Parameter verdicts: Every checked lesson's prose verdict.
public func proseSummaryLine(for verdicts: [ProseVerdict]) -> String {
  let passed = verdicts.filter(\.passed).count
  var line = "prose: \(passed) passed, \(verdicts.count - passed) failed"
  let notBacked = verdicts.map(\.notBackedCount).reduce(0, +)
  let citations = verdicts.map(\.findings.count).reduce(0, +) - notBacked
  var details: [String] = []
  if notBacked > 0 {
    details.append(notBacked == 1 ? "1 number not backed" : "\(notBacked) numbers not backed")
  }
  if citations > 0 {
    details.append(citations == 1 ? "1 citation problem" : "\(citations) citation problems")
  }
  if !details.isEmpty { line += " (" + details.joined(separator: ", ") + ")" }
  return line
}

// MARK: - Reading the prose

/// A number of the prose with its line in the lesson file.
struct LocatedProseNumber: Sendable, Equatable {
  var number: ProseNumber
  var line: Int
}

/// A paragraph or heading: its lines and its numbers.
struct ProseLeaf: Sendable, Equatable {
  var lines: ClosedRange<Int>
  var numbers: [LocatedProseNumber]
}

/// A `cited` comment: its line, the numbers it lists, and the leaves it covers.
struct ProseCitation: Sendable, Equatable {
  var line: Int
  var numbers: [ProseNumber]
  var covers: Range<Int>
}

/// The prose of a lesson as the check reads it.
struct LessonProse: Sendable, Equatable {
  var leaves: [ProseLeaf] = []
  var citations: [ProseCitation] = []
  var problems: [ProseFinding] = []
}

/// Reads the paragraphs and headings of a lesson's Markdown, their numbers with their lines,
/// and the `cited` comments.
///
/// - Parameter source: The lesson file's text.
/// - Returns: The prose.
/// - Complexity: O(*n*) in the length of `source`.
func readProse(_ source: String) -> LessonProse {
  let protected = protectMath(in: source)
  let tree = parseMarkdown(protected.markdown).resolvingMath(protected.spans)
  var reader = ProseReader(
    lines: SourceLines(source).lines.map { String(decoding: $0.content, as: UTF8.self) })
  reader.readBlocks(tree.children)
  return reader.prose
}

/// What marks the place of a code span, raw HTML or an image in a paragraph's text: neither a
/// letter nor a digit, so a number next to it stands alone.
private let placeholderScalar: Character = "\u{FFFC}"

private struct ProseReader {
  /// The lines of the source, `lines[0]` being line 1.
  let lines: [String]
  var prose = LessonProse()

  /// Reads sibling blocks; a `cited` comment on its own lines covers the leaves of the block
  /// before it.
  mutating func readBlocks(_ blocks: [MarkdownNode]) {
    var previous: Range<Int>?
    for block in blocks {
      let first = prose.leaves.count
      switch block.kind {
      case .paragraph, .heading:
        readLeaf(block)
      case .htmlBlock(let html):
        for comment in citationComments(in: html) {
          let line = block.start.line + comment.lineOffset
          if comment.numbers.isEmpty {
            prose.problems.append(ProseFinding(line: line, kind: .emptyCitation))
          }
          guard let previous, !previous.isEmpty else {
            prose.problems.append(ProseFinding(line: line, kind: .citationCoversNothing))
            continue
          }
          prose.citations.append(
            ProseCitation(line: line, numbers: comment.numbers, covers: previous))
        }
        // Comments after a block all cover it, however many HTML blocks they take.
        continue
      case .codeBlock, .thematicBreak:
        break
      default:
        readBlocks(block.children)
      }
      previous = first..<prose.leaves.count
    }
  }

  /// Reads a paragraph or heading: its text (math as written, code spans and HTML as
  /// placeholders), its numbers and their lines, and its inline `cited` comments.
  mutating func readLeaf(_ leaf: MarkdownNode) {
    var text = ""
    var html: [String] = []
    flatten(leaf, into: &text, html: &html)
    let range = leaf.start.line...max(leaf.start.line, leaf.end.line)
    let region = SourceRegion(lines: lines, range: range)
    var locator = region.locator()
    let numbers = proseNumbers(in: text).map {
      LocatedProseNumber(number: $0, line: locator.line(of: $0.text) ?? range.lowerBound)
    }
    let index = prose.leaves.count
    prose.leaves.append(ProseLeaf(lines: range, numbers: numbers))
    var commentLocator = region.locator(masking: false)
    for literal in html {
      for comment in citationComments(in: literal) {
        let firstLine = literal.split(separator: "\n", omittingEmptySubsequences: false)[0]
        let line =
          (commentLocator.line(of: String(firstLine)) ?? range.lowerBound)
          + comment.lineOffset
        if comment.numbers.isEmpty {
          prose.problems.append(ProseFinding(line: line, kind: .emptyCitation))
        }
        prose.citations.append(
          ProseCitation(line: line, numbers: comment.numbers, covers: index..<(index + 1)))
      }
    }
  }

  /// Appends the prose text of `node`'s inline children to `text`.
  func flatten(_ node: MarkdownNode, into text: inout String, html: inout [String]) {
    for child in node.children {
      switch child.kind {
      case .text(let literal): text += literal
      case .softBreak, .lineBreak: text += "\n"
      case .math(let span): text += span
      case .literalDollar: text += "$"
      case .code, .image: text.append(placeholderScalar)
      case .inlineHTML(let literal):
        html.append(literal)
        text.append(placeholderScalar)
      case .link(let destination, _) where isAutolink(child, destination: destination):
        text.append(placeholderScalar)
      default: flatten(child, into: &text, html: &html)
      }
    }
  }
}

/// Whether a link is an autolink (`<https://…>`): its text is its destination.
private func isAutolink(_ link: MarkdownNode, destination: String) -> Bool {
  guard link.children.count == 1, case .text(let text) = link.children[0].kind else {
    return false
  }
  return text == destination || "mailto:" + text == destination
}

/// A `cited` comment found in raw HTML: its numbers and its line within the HTML.
struct CitationComment: Sendable, Equatable {
  var numbers: [ProseNumber]
  var lineOffset: Int
}

/// The `<!-- cited: … -->` comments of raw HTML. Every number after `cited:` is cited, except
/// inside parentheses, which name the source: `<!-- cited: 2017 (Goyal et al., table 1), 0.9
/// (the lecture) -->` cites 2017 and 0.9. Comments that do not start with `cited:` are
/// ordinary comments.
///
/// - Parameter html: A raw HTML block or inline HTML, as written.
/// - Returns: The `cited` comments, in order.
func citationComments(in html: String) -> [CitationComment] {
  var comments: [CitationComment] = []
  var rest = html[...]
  while let open = rest.range(of: "<!--") {
    guard let close = rest[open.upperBound...].range(of: "-->") else { break }
    let body = rest[open.upperBound..<close.lowerBound].drop { $0.isWhitespace }
    if body.hasPrefix("cited:") {
      var list = ""
      var depth = 0
      for character in body.dropFirst("cited:".count) {
        if character == "(" {
          depth += 1
        } else if character == ")" {
          depth = max(0, depth - 1)
        } else {
          list.append(depth == 0 ? character : " ")
        }
      }
      let lineOffset = html[..<open.lowerBound].filter { $0 == "\n" }.count
      comments.append(CitationComment(numbers: proseNumbers(in: list), lineOffset: lineOffset))
    }
    rest = rest[close.upperBound...]
  }
  return comments
}

/// The source lines of a paragraph or heading, for finding the line of a number in it.
private struct SourceRegion {
  /// The lines' Unicode scalars, joined with `\n`.
  let scalars: [Unicode.Scalar]
  /// Whether each scalar is inside a code span, a tag, an autolink or a link destination.
  let masked: [Bool]
  let firstLine: Int

  init(lines: [String], range: ClosedRange<Int>) {
    let selected = range.compactMap { $0 - 1 < lines.count ? lines[$0 - 1] : nil }
    scalars = Array(selected.joined(separator: "\n").unicodeScalars)
    masked = maskedScalars(scalars)
    firstLine = range.lowerBound
  }

  func locator(masking: Bool = true) -> Locator { Locator(region: self, masking: masking) }

  /// Finds written numbers in order: each search starts after the previous find.
  struct Locator {
    let region: SourceRegion
    let masking: Bool
    var cursor = 0

    init(region: SourceRegion, masking: Bool) {
      self.region = region
      self.masking = masking
    }

    /// The line of the next occurrence of `needle` that stands alone (no ASCII digit right
    /// before or after it), or of the first one when none is left, or `nil`.
    mutating func line(of needle: String) -> Int? {
      let target = Array(needle.unicodeScalars)
      guard !target.isEmpty else { return nil }
      guard let found = find(target, from: cursor) ?? find(target, from: 0) else { return nil }
      cursor = found + target.count
      return region.firstLine + region.scalars[..<found].filter { $0 == "\n" }.count
    }

    private func find(_ target: [Unicode.Scalar], from start: Int) -> Int? {
      let scalars = region.scalars
      guard scalars.count >= target.count else { return nil }
      var position = start
      while position + target.count <= scalars.count {
        defer { position += 1 }
        if masking && region.masked[position] { continue }
        guard scalars[position..<(position + target.count)].elementsEqual(target) else {
          continue
        }
        let before = position > 0 ? scalars[position - 1] : nil
        let after = position + target.count < scalars.count ? scalars[position + target.count] : nil
        if let before, isDigitScalar(before) || before == ".", isDigitScalar(target[0]) {
          continue
        }
        if let after, isDigitScalar(after), isDigitScalar(target[target.count - 1]) { continue }
        return position
      }
      return nil
    }
  }
}

private func isDigitScalar(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value >= 48 && scalar.value <= 57
}

/// Marks the scalars of Markdown source that are not prose: code spans, `<…>` tags, comments
/// and autolinks, and inline link destinations `](…)`.
private func maskedScalars(_ scalars: [Unicode.Scalar]) -> [Bool] {
  var masked = [Bool](repeating: false, count: scalars.count)
  func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
  func mask(_ range: Range<Int>) { for index in range { masked[index] = true } }
  var index = 0
  while index < scalars.count {
    let scalar = scalars[index]
    switch scalar {
    case "\\":
      index += 2
      continue
    case "`":
      var runEnd = index
      while at(runEnd) == "`" { runEnd += 1 }
      let length = runEnd - index
      var search = runEnd
      var closing: Int?
      while search < scalars.count {
        if scalars[search] == "`" {
          var end = search
          while at(end) == "`" { end += 1 }
          if end - search == length {
            closing = end
            break
          }
          search = end
        } else {
          search += 1
        }
      }
      if let closing {
        mask(index..<closing)
        index = closing
      } else {
        index = runEnd
      }
      continue
    case "<":
      if let end = tagEnd(scalars, from: index) {
        mask(index..<end)
        index = end
        continue
      }
    case "]" where at(index + 1) == "(":
      var depth = 0
      var end = index + 1
      while end < scalars.count {
        if scalars[end] == "(" { depth += 1 }
        if scalars[end] == ")" {
          depth -= 1
          if depth == 0 { break }
        }
        end += 1
      }
      mask(index..<min(end + 1, scalars.count))
      index = end + 1
      continue
    default:
      break
    }
    index += 1
  }
  return masked
}

/// The end of a tag, comment or autolink opening at `start` (a `<`), or `nil`.
private func tagEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
  func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
  if at(start + 1) == "!", at(start + 2) == "-", at(start + 3) == "-" {
    var index = start + 4
    while index + 2 < scalars.count {
      if scalars[index] == "-", scalars[index + 1] == "-", scalars[index + 2] == ">" {
        return index + 3
      }
      index += 1
    }
    return nil
  }
  guard let next = at(start + 1), next.isASCII, next.properties.isAlphabetic || next == "/"
  else { return nil }
  var index = start + 2
  while let scalar = at(index), scalar.isASCII,
    scalar.properties.isAlphabetic || isDigitScalar(scalar) || "+.-".unicodeScalars.contains(scalar)
  {
    index += 1
  }
  guard let stop = at(index), stop == ":" || stop == ">" || stop == " " || stop == "/" else {
    return nil
  }
  while let scalar = at(index), scalar != ">" {
    // An autolink ends on its line; a tag's attributes may go on.
    if scalar == "\n" && stop != " " { return nil }
    index += 1
  }
  return at(index) == ">" ? index + 1 : nil
}

// MARK: - What backs the prose

/// Every number of the lesson's outputs and snippets that may back prose (and the unchecked
/// outputs, for messages), in source order.
func backingNumbers(of lesson: Lesson, run: LessonRun?) -> [ProseBacking] {
  var backing: [ProseBacking] = []
  func addOutput(_ output: String, firstLine: Int?, fallbackLine: Int, source: ProseBacking.Source)
  {
    for (offset, line) in output.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let lineNumber = firstLine.map { $0 + offset } ?? fallbackLine
      var seen: Set<String> = []
      for token in outputTokens(String(line)) {
        guard case .number(let number) = token else { continue }
        seen.insert(number.text)
        backing.append(
          ProseBacking(text: number.text, value: number, source: source, line: lineNumber))
      }
      for number in proseNumbers(in: String(line)) where !seen.contains(number.text) {
        backing.append(
          ProseBacking(text: number.text, value: number.value, source: source, line: lineNumber))
      }
    }
  }
  let printed = Dictionary(
    (run?.snippets ?? []).map { ($0.index, $0.output) }, uniquingKeysWith: { a, _ in a })
  for snippet in lesson.snippets {
    for literal in codeNumbers(in: snippet.code.content) {
      backing.append(
        ProseBacking(
          text: literal.text, value: literal.value, source: .code,
          line: snippet.code.firstContentLine + literal.lineOffset))
    }
    if let block = snippet.output {
      addOutput(
        block.content, firstLine: block.firstContentLine, fallbackLine: block.openingLine,
        source: snippet.isChecked ? .output : .uncheckedOutput)
    }
    if snippet.isChecked, let actual = printed[snippet.index] {
      let recorded = snippet.output?.content ?? ""
      let output = recordedOutput(actual)
      if !outputsMatch(
        recorded: recorded, actual: output, exact: snippet.attributes.contains(.exact))
      {
        addOutput(
          output, firstLine: snippet.output?.firstContentLine,
          fallbackLine: snippet.code.closingLine,
          source: .actualOutput(snippetIndex: snippet.index))
      }
    }
  }
  return backing
}

/// The first number of `backing` that backs `number` (unchecked outputs back nothing).
private func firstBacking(of number: ProseNumber, in backing: BackingIndex) -> ProseBacking? {
  backing.first(near: number) {
    $0.backs && number.isBacked(by: $0.value, otherIsExact: $0.source == .code)
  }
}

/// A lesson's backing numbers, also sorted by magnitude, so that finding what backs a prose
/// number compares it with the few of about its size rather than with every number of the
/// lesson's outputs and code (thousands in a long lesson: most of the prose check's time).
///
/// A number that backs a prose number written with unit *u* (`0.41`: *u* = 0.01) is within
/// 2*u* of it in magnitude: it rounds to the prose's digits (within *u*) after moving by at
/// most one unit of its own print, which is at most *u*. A percentage may also be backed by
/// its fraction (96.1 % by 0.961). The search looks 2.5*u* either side, plus a relative 10⁻⁹
/// for the rounding of the magnitudes as `Double`s, and then applies the exact rule; a
/// magnitude that is not finite (an exponent past `Double`'s range) is always compared.
struct BackingIndex {
  /// The numbers, in the lesson's order.
  let all: [ProseBacking]
  /// (magnitude, position in `all`), sorted by magnitude; finite magnitudes only.
  private let sorted: [(magnitude: Double, position: Int)]
  /// Positions of the numbers whose magnitude is not finite.
  private let unsized: [Int]

  init(_ backing: [ProseBacking]) {
    all = backing
    var sized: [(magnitude: Double, position: Int)] = []
    var unsized: [Int] = []
    for (position, number) in backing.enumerated() {
      let magnitude = DecimalValue(number.value).magnitude
      if magnitude.isFinite {
        sized.append((magnitude, position))
      } else {
        unsized.append(position)
      }
    }
    sorted = sized.sorted { ($0.magnitude, $0.position) < ($1.magnitude, $1.position) }
    self.unsized = unsized
  }

  /// The first number, in the lesson's order, of those that may back `number` by size and
  /// satisfy `accepts` (which must imply that it backs `number`).
  func first(
    near number: ProseNumber, where accepts: (ProseBacking) -> Bool
  ) -> ProseBacking? {
    let written = DecimalValue(number.value)
    let unit = pow(10, Double(written.unitExponent))
    var windows = [(written.magnitude, unit)]
    if number.isPercent { windows.append((written.magnitude / 100, unit / 100)) }
    guard windows.allSatisfy({ $0.0.isFinite && $0.1.isFinite }) else {
      return all.first(where: accepts)
    }
    var best: Int?
    func consider(_ position: Int) {
      if let best, best <= position { return }
      if accepts(all[position]) { best = position }
    }
    for (center, unit) in windows {
      let halfWidth = 2.5 * unit + 1e-9 * center
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle].magnitude < center - halfWidth { low = middle + 1 } else { high = middle }
      }
      var index = low
      while index < sorted.count, sorted[index].magnitude <= center + halfWidth {
        consider(sorted[index].position)
        index += 1
      }
    }
    unsized.forEach(consider)
    return best.map { all[$0] }
  }
}

/// The (at most three) numbers of `backing` closest in value to `number`, one per printed
/// text: an output's before a snippet's, then the earliest.
private func nearest(to number: ProseNumber, in backing: [ProseBacking]) -> [ProseBacking] {
  let target = Double(number.value.text) ?? 0
  func distance(_ candidate: ProseBacking) -> Double {
    let value = Double(candidate.value.text) ?? .infinity
    guard target != 0 else { return abs(value) }
    guard value != 0 else { return 1000 }
    var distance = abs(log(abs(value)) - log(abs(target)))
    if number.value.isNegative && !candidate.value.isNegative { distance += 1 }
    return distance
  }
  func rank(_ source: ProseBacking.Source) -> Int {
    switch source {
    case .output: 0
    case .actualOutput: 1
    case .code: 2
    case .uncheckedOutput: 3
    }
  }
  let ranked = backing.map { ($0, distance($0)) }.sorted {
    ($0.1, rank($0.0.source), $0.0.line) < ($1.1, rank($1.0.source), $1.0.line)
  }
  var chosen: [ProseBacking] = []
  var texts: Set<String> = []
  for (candidate, _) in ranked where texts.insert(candidate.text).inserted {
    chosen.append(candidate)
    if chosen.count == 3 { break }
  }
  return chosen
}
