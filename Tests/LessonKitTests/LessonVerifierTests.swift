import Foundation
import Testing

@testable import LessonKit

@Suite("Checking runs against recorded outputs")
struct LessonVerifierTests {
  // Snippet 0 (line 1, output block at 5), snippet 1 (line 9, no output block, closes at 11),
  // snippet 2 nocheck (line 13), snippet 3 (line 17, prints nothing, no block).
  let fixture = lesson(
    "Lessons/v.md",
    [
      snippet(0, "print(1)\n", at: 1, output: "1\n", outputAt: 5),
      snippet(1, "print(2)\n", at: 9),
      snippet(2, "print(Date())\n", at: 13, [.nocheck]),
      snippet(3, "let q = 3\n", at: 17),
    ])

  func run(_ outputs: [String], failure: LessonFailure? = nil) -> LessonRun {
    LessonRun(
      path: "Lessons/v.md", contentHash: "h",
      snippets: outputs.enumerated().map { SnippetRun(index: $0, output: $1, figures: []) },
      failure: failure, seconds: 0.25)
  }

  @Test("Exact outputs pass; nocheck output and silent snippets without a block are ignored")
  func passing() {
    let fresh = lesson(
      "Lessons/v.md", [fixture.snippets[0], fixture.snippets[2], fixture.snippets[3]])
    let verdict = checkLesson(
      fresh,
      against: LessonRun(
        path: "Lessons/v.md", contentHash: "h",
        snippets: [
          SnippetRun(index: 0, output: "1\n", figures: []),
          SnippetRun(index: 2, output: "anything\n", figures: []),
          SnippetRun(index: 3, output: "", figures: []),
        ], failure: nil, seconds: 0.25))
    #expect(verdict.passed)
    #expect(progressLine(for: verdict, cached: false) == "Lessons/v.md: 3 snippets, 0.25 s, ok")
    #expect(failureReport(for: verdict).isEmpty)
  }

  @Test("A long diff is cut after maxDiffLines lines, with a count of what was left out")
  func longDiffs() {
    // Snippet 1 has no block and prints 300 lines: the diff is ---, +++, @@ and 300 added
    // lines (303); 10 are kept.
    let printed = (1...300).map { "line \($0)\n" }.joined()
    let verdict = checkLesson(fixture, against: run(["1\n", printed, "", ""]))
    let report = failureReport(for: verdict, maxDiffLines: 10)
    #expect(
      report.contains("+line 7\n… 293 more lines of this diff not shown (0 removed, 293 added)\n"))
    #expect(!report.contains("+line 8\n"))
    #expect(failureReport(for: verdict).contains("+line 197\n… 103 more lines"))
  }

  @Test("A different output fails at its output block; output with no block fails at the fence")
  func mismatches() {
    let verdict = checkLesson(fixture, against: run(["1.0\n", "2\n", "x\n", ""]))
    #expect(!verdict.passed)
    #expect(
      verdict.mismatches == [
        OutputMismatch(snippetIndex: 0, line: 5, expected: "1\n", actual: "1.0\n"),
        OutputMismatch(snippetIndex: 1, line: 11, expected: "", actual: "2\n"),
      ])
    let report = failureReport(for: verdict)
    #expect(report.contains("Lessons/v.md:5: error: output of snippet 1 differs"))
    #expect(report.contains("-1\n+1.0\n"))
    #expect(
      report.contains("Lessons/v.md:11: error: snippet 2 printed output but has no output block"))
    #expect(
      progressLine(for: verdict, cached: true)
        == "Lessons/v.md: 4 snippets, cached, 2 outputs differ")
  }

  @Test("Trailing blanks differ; a missing final newline or CRLF is what a block records")
  func exact() {
    #expect(checkLesson(fixture, against: run(["1 \n", "", "", ""])).mismatches.count == 1)
    #expect(checkLesson(fixture, against: run(["1\n\n", "", "", ""])).mismatches.count == 1)
    // An output block cannot hold "no final newline" or CRLF: `recordedOutput` normalizes both.
    #expect(checkLesson(fixture, against: run(["1", "", "", ""])).mismatches.isEmpty)
    #expect(checkLesson(fixture, against: run(["1\r\n", "", "", ""])).mismatches.isEmpty)
  }

  @Test("A failed lesson is reported at its line; snippets that did not run are not compared")
  func failure() {
    let crash = LessonFailure(snippetIndex: 1, line: 10, message: "crashed (signal 4)")
    let verdict = checkLesson(fixture, against: run(["1\n"], failure: crash))
    #expect(verdict.mismatches.isEmpty)
    #expect(!verdict.passed)
    #expect(
      failureReport(for: verdict).hasPrefix("Lessons/v.md:10: error: lesson crashed (signal 4)\n"))
    #expect(progressLine(for: verdict, cached: false).hasSuffix("FAILED"))
    // A lesson whose program did not build ran for no time and has no snippets.
    let compileError = LessonFailure(snippetIndex: 0, line: 2, message: "does not compile")
    let unbuilt = checkLesson(
      fixture,
      against: LessonRun(
        path: "Lessons/v.md", contentHash: "h", snippets: [], failure: compileError, seconds: 0))
    #expect(
      progressLine(for: unbuilt, cached: false) == "Lessons/v.md: 4 snippets, not built, FAILED")
  }

  @Test("The summary counts passed and failed lessons")
  func summary() {
    let good = checkLesson(fixture, against: run(["1\n", "", "", ""]))
    let bad = checkLesson(fixture, against: run(["2\n", "", "", ""]))
    #expect(summaryLine(for: [good, bad, good]) == "2 passed, 1 failed")
  }

  @Test("Slow snippets are listed slowest first at their first line of code, past the threshold")
  func slowSnippets() {
    let timed = LessonRun(
      path: "Lessons/v.md", contentHash: "h",
      snippets: [
        SnippetRun(index: 0, output: "1\n", figures: [], seconds: 2.5),
        SnippetRun(index: 1, output: "2\n", figures: [], seconds: 0.1),
        SnippetRun(index: 2, output: "", figures: [], seconds: 7.25),
        SnippetRun(index: 3, output: "", figures: []),
      ], failure: nil, seconds: 10)
    // Snippet code starts on lines 2 (snippet 1) and 14 (snippet 3), see `fixture`.
    #expect(
      slowSnippetsReport(lessons: [fixture], runs: [timed], threshold: 2)
        == "snippets slower than 2 s, slowest first (--slow sets the threshold):\n"
        + "  Lessons/v.md:14: snippet 3, 7.25 s\n  Lessons/v.md:2: snippet 1, 2.50 s\n")
    #expect(slowSnippetsReport(lessons: [fixture], runs: [timed], threshold: 8).isEmpty)
    #expect(
      slowSnippetsReport(lessons: [fixture], runs: [timed], threshold: 0.05).components(
        separatedBy: "\n"
      ).count == 5)
  }
}

@Suite("Updating a lesson's outputs")
struct UpdatedSourceTests {
  // CRLF line endings throughout; snippet 0 has a stale block, snippet 1 is nocheck.
  let source =
    "# U\r\n\r\n```swift\r\nprint(1)\r\n```\r\n\r\n```output\r\nold\r\n```\r\n\r\n"
    + "```swift nocheck\r\nprint(Date())\r\n```\r\n"

  func run(_ outputs: [String], failure: LessonFailure? = nil) -> LessonRun {
    LessonRun(
      path: "Lessons/u.md", contentHash: "h",
      snippets: outputs.enumerated().map { SnippetRun(index: $0, output: $1, figures: []) },
      failure: failure, seconds: 0)
  }

  @Test("Only checked snippets' blocks change; CRLF is kept; the same outputs change nothing")
  func update() throws {
    let lesson = try Lesson(parsing: source, path: "Lessons/u.md")
    let new = try #require(updatedSource(of: lesson, source: source, run: run(["1\n", "now\n"])))
    // Written by hand: the stale body replaced, in the file's CRLF; the nocheck snippet gets
    // no block.
    #expect(new == source.replacingOccurrences(of: "old\r\n", with: "1\r\n"))
    let again = try Lesson(parsing: new, path: "Lessons/u.md")
    #expect(updatedSource(of: again, source: new, run: run(["1\n", "later\n"])) == new)
  }

  @Test("With includingNocheck the nocheck snippet's output is recorded too")
  func updateIncludingNocheck() throws {
    let lesson = try Lesson(parsing: source, path: "Lessons/u.md")
    let new = try #require(
      updatedSource(
        of: lesson, source: source, run: run(["1\n", "now\n"]), includingNocheck: true))
    // Written by hand: the stale block replaced, and a new CRLF block after the nocheck one.
    #expect(
      new == source.replacingOccurrences(of: "old\r\n", with: "1\r\n")
        + "\r\n```output\r\nnow\r\n```\r\n")
  }

  @Test("A failed run leaves the lesson alone")
  func failed() throws {
    let lesson = try Lesson(parsing: source, path: "Lessons/u.md")
    let crash = LessonFailure(snippetIndex: 1, line: 12, message: "crashed")
    #expect(updatedSource(of: lesson, source: source, run: run(["1\n"], failure: crash)) == nil)
  }
}
