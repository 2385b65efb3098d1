import Testing

@testable import LessonKit

// Property tests of `splicingOutputs` on lessons built at random (RandomLessons.swift). The
// generator is seeded, so a failure names a reproducible seed.

/// A random output: a few lines, some blank, indented, or looking like fences.
private func randomOutput(_ random: inout SplitMix64, fenceLike: Bool) -> String {
  var pieces = ["loss 0.25", "", "  step 3", "中文", "- item", "> quoted", "\tcolumn", "   "]
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
  let source = RandomLesson(&random, allOutputs: false).text
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
  let source = RandomLesson(&random, allOutputs: allOutputs).text
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
