import Testing

@testable import LessonKit

// Property tests of `splicingOutputs` on lessons built at random from the pieces the reader
// handles: containers (list items, block quotes, indented fences), both fence characters,
// longer fences, mixed line endings, trailing blanks, a byte-order mark. The generator is
// seeded, so a failure names a reproducible seed.

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for test data.
private struct SplitMix64: RandomNumberGenerator {
  /// The generator's state.
  var state: UInt64

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A random lesson in which every snippet has an `output` block when `allOutputs` is set.
private func randomLesson(_ random: inout SplitMix64, allOutputs: Bool) -> String {
  let endings = ["\n", "\n", "\r\n", "\r"]
  let sameEnding = Bool.random(using: &random)
  let fileEnding = endings.randomElement(using: &random)!
  var text = Bool.random(using: &random) ? "\u{FEFF}" : ""
  /// Appends one line with a line ending and, sometimes, trailing blanks.
  func line(_ content: String, _ random: inout SplitMix64) {
    let blanks = Int.random(in: 0..<6, using: &random) == 0 ? " \t" : ""
    let ending = sameEnding ? fileEnding : endings.randomElement(using: &random)!
    text += content + blanks + ending
  }
  func fencedBlock(
    info: String, body: [String], first: String, rest: String, _ random: inout SplitMix64
  ) {
    let character = Bool.random(using: &random) ? "`" : "~"
    let fence = String(repeating: character, count: Int.random(in: 3...5, using: &random))
    line(first + fence + info, &random)
    for bodyLine in body {
      // Blank body lines sometimes carry the container's blanks, sometimes not (a block
      // quote's marker always stays, or the quote would end).
      let bare = rest.hasPrefix(">") ? ">" : ""
      line(bodyLine.isEmpty && Bool.random(using: &random) ? bare : rest + bodyLine, &random)
    }
    line(rest + fence, &random)
  }
  let words = ["let x = 1", "print(x)", "", "  indented", "中文 text", "``", "a > b"]
  line("# Lesson \(random.next() % 100)", &random)
  line("", &random)
  for _ in 0..<Int.random(in: 1...5, using: &random) {
    let containers = [("", ""), ("- ", "  "), ("1. ", "   "), ("> ", "> "), ("  ", "  ")]
    let (first, rest) = containers.randomElement(using: &random)!
    let code = (0..<Int.random(in: 0...3, using: &random)).map { _ in
      words.randomElement(using: &random)!
    }
    let attribute = ["", " hide", " nocheck", " norun"].randomElement(using: &random)!
    fencedBlock(info: "swift" + attribute, body: code, first: first, rest: rest, &random)
    if allOutputs || Bool.random(using: &random) {
      if Bool.random(using: &random) { line(rest.hasPrefix(">") ? ">" : "", &random) }
      let body = (0..<Int.random(in: 0...2, using: &random)).map { _ in "old output" }
      fencedBlock(info: "output", body: body, first: rest, rest: rest, &random)
    }
    line("", &random)
    if Bool.random(using: &random) {
      line("Some text.", &random)
      line("", &random)
    }
  }
  return text
}

/// A random output: a few lines, some blank, indented, or looking like fences.
private func randomOutput(_ random: inout SplitMix64, fenceLike: Bool) -> String {
  var pieces = ["loss 0.25", "", "  step 3", "中文", "- item", "> quoted"]
  if fenceLike { pieces += ["```", "~~~~", "  `````  "] }
  let count = Int.random(in: 0...4, using: &random)
  let lines = (0..<count).map { _ in pieces.randomElement(using: &random)! }
  return lines.map { $0 + "\n" }.joined()
}

/// The lines of `text` outside the bodies of its output blocks, with their line endings.
private func linesOutsideOutputs(_ text: String) throws -> [SourceLines.Line] {
  let lesson = try Lesson(parsing: text, path: "Lessons/x.md")
  var body: Set<Int> = []
  for snippet in lesson.snippets {
    if let output = snippet.output, output.firstContentLine <= output.lastContentLine {
      body.formUnion(output.firstContentLine...output.lastContentLine)
    }
  }
  let lines = SourceLines(text)
  return (1...max(lines.count, 1)).filter { !body.contains($0) && $0 <= lines.count }.map {
    lines[$0]
  }
}

@Test("random lessons: unchanged outputs keep every byte", arguments: 0..<200 as Range<UInt64>)
func randomUnchanged(seed: UInt64) throws {
  var random = SplitMix64(state: seed)
  let source = randomLesson(&random, allOutputs: false)
  let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
  var outputs: [Int: String] = [:]
  for snippet in lesson.snippets { outputs[snippet.index] = snippet.output?.content ?? "" }
  #expect(splicingOutputs(outputs, into: source, lesson: lesson) == source)
}

@Test(
  "random lessons: new outputs are read back, twice is once, no other line changes",
  arguments: 0..<200 as Range<UInt64>)
func randomNewOutputs(seed: UInt64) throws {
  var random = SplitMix64(state: seed)
  let allOutputs = seed % 2 == 0
  let source = randomLesson(&random, allOutputs: allOutputs)
  let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
  var outputs: [Int: String] = [:]
  for snippet in lesson.snippets {
    outputs[snippet.index] = randomOutput(&random, fenceLike: !allOutputs)
  }
  let once = splicingOutputs(outputs, into: source, lesson: lesson)
  let reread = try Lesson(parsing: once, path: "Lessons/x.md")
  #expect(reread.snippets.map(\.code.content) == lesson.snippets.map(\.code.content))
  for snippet in reread.snippets {
    let expected = outputs[snippet.index]!
    let hadBlock = lesson.snippets[snippet.index].output != nil
    #expect(snippet.output?.content == (hadBlock || !expected.isEmpty ? expected : nil))
  }
  #expect(splicingOutputs(outputs, into: once, lesson: reread) == once)
  if allOutputs {
    // No block is added and no fence grows: only output bodies may differ.
    #expect(try linesOutsideOutputs(once) == linesOutsideOutputs(source))
  }
}
