// Reading a student's copy against the instructor's lesson: only the answers are taken, an
// unchanged placeholder is "not attempted", a changed or removed check is noted, and a copy
// whose answer blocks cannot be matched makes every exercise invalid.

import Testing

@testable import LessonKit

@Suite("Students' copies")
struct SubmissionTests {
  static let instructorSource = """
    # Two

    1. First.

       ```swift placeholder
       let x = 0
       ```

       ```swift solution
       let x = 1
       ```

       ```swift check
       checkEqual(x, 1, "x")
       ```

    2. Second.

       ```swift placeholder
       let y = 0
       ```

       ```swift solution
       let y = 2
       ```

       ```swift check hidden
       checkEqual(y, 2, "y")
       ```

       ```swift check
       check(y > 0, "y is positive")
       ```

    """

  static let instructor = try! Lesson(parsing: instructorSource, path: "Lessons/two.md")
  static let edition = try! studentEdition(of: instructor, source: instructorSource).source

  @Test("Answers are taken with their lines; a placeholder changed only in blanks is not attempted")
  func answers() throws {
    let copy = Self.edition
      .replacing("   let x = 0\n", with: "   let x = 0   \n\n")  // blanks only
      .replacing("   let y = 0\n", with: "   // mine\n   let y = 2\n")
    let submitted = readSubmission(source: copy, path: "bo/two.md", instructor: Self.instructor)
    #expect(submitted.notAttempted == [0])
    // Each placeholder gained a line; exercise 2's block opens at line 16 of the copy, its
    // body at 17.
    #expect(
      submitted.answers == [
        1: SnippetSource(path: "bo/two.md", firstLine: 17, code: "// mine\nlet y = 2\n")
      ])
    #expect(submitted.invalid.isEmpty)
    #expect(submitted.notes.isEmpty)
    // The shown checks are matched to the copy's (lines 10 and 21).
    #expect(submitted.checkLines.mapValues(\.openingLine) == [2: 10, 6: 21])
  }

  @Test("Prose edits are ignored")
  func proseIgnored() {
    let copy = Self.edition.replacing("1. First.", with: "1. First, which I found hard.")
    let submitted = readSubmission(source: copy, path: "bo/two.md", instructor: Self.instructor)
    #expect(submitted.notAttempted == [0, 1])
    #expect(submitted.notes.isEmpty && submitted.invalid.isEmpty)
  }

  @Test("A changed check is noted on its exercise; a removed one too")
  func changedChecks() {
    let changed = Self.edition.replacing("checkEqual(x, 1, \"x\")", with: "check(true, \"x\")")
    let one = readSubmission(source: changed, path: "bo/two.md", instructor: Self.instructor)
    #expect(one.notes[0]?.count == 1)
    #expect(one.notes[0]?.first?.contains("line 9 of your copy was changed") == true)
    #expect(one.notes[1] == nil)

    let removed = Self.edition.replacing(
      "   ```swift check\n   check(y > 0, \"y is positive\")\n   ```\n", with: "")
    let two = readSubmission(source: removed, path: "bo/two.md", instructor: Self.instructor)
    #expect(
      two.notes[1] == [
        "a check of this exercise was changed or removed in your copy; the lesson's check was run "
          + "instead"
      ])
    #expect(two.notes[0] == nil)
  }

  @Test("A copy with another number of answer blocks cannot be matched: every exercise invalid")
  func unmatchedAnswers() {
    let copy = Self.edition.replacing("   ```swift placeholder\n   let x = 0\n   ```\n", with: "")
    let submitted = readSubmission(source: copy, path: "bo/two.md", instructor: Self.instructor)
    #expect(Set(submitted.invalid.keys) == [0, 1])
    #expect(submitted.invalid[0]?.contains("1 answer blocks") == true)
    #expect(submitted.answers.isEmpty)
  }

  @Test("A copy that is not a lesson: every exercise invalid, with the reader's error")
  func brokenCopy() {
    let copy = "```swift placeholder\nlet x = 1\n"
    let submitted = readSubmission(source: copy, path: "bo/two.md", instructor: Self.instructor)
    #expect(submitted.invalid[1]?.contains("bo/two.md:1: error: the code fence") == true)
  }
}

@Suite("Answers keep their brackets to themselves")
struct AnswerBracketsTests {
  @Test("The doc examples")
  func docExamples() {
    #expect(answerBracketsBalance("let x = [1, 2].map { $0 * 2 }"))
    #expect(!answerBracketsBalance("}\nfunc outside() {}\nfunc f() {"))
    #expect(answerBracketsBalance("print(\"}\")  // )"))
  }

  @Test(
    "Brackets in strings, interpolations, comments and regular expressions",
    arguments: [
      ("let s = \"a \\(f(\"(\")) b\"", true),
      ("let s = #\"\\(raw) }\"#", true),
      ("let s = #\"\\#(g([1])) {\"#", true),
      ("let s = \"\"\"\n  ) ]\n  \"\"\"", true),
      ("/* { /* } */ ( */ let x = 1", true),
      ("let r = #/[a-z]{2}}/#", true),
      ("let x = (1", false),
      ("let x = 1)", false),
      ("let x = [1)", false),
      ("let s = \"unterminated", false),
      ("/* never closed", false),
      ("}) ; func g() {} ; f(0, {", false),
    ])
  func cases(code: String, balanced: Bool) {
    #expect(answerBracketsBalance(code) == balanced, "\(code)")
  }
}
