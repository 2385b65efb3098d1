// The code generated for a checked exercise: one `boundary.exercise` call where its first
// snippet stands, the solution and the answer each a closure followed by the checks, and a
// student's program with the student's answer (at the student's lines) and no solution. The
// expected text is the form documented on `generateLessonSource(for:imports:answers:)`,
// written out by hand.

import Testing

@testable import LessonKit

@Suite("Code generation for checked exercises")
struct ExerciseCodeGeneratorTests {
  // Lines as in a file: set-up at 1 (body 2), placeholder at 5 (body 6, closing 7), solution
  // at 9 (body 10, closing 11), its output at 13, check at 17 (body 18, closing 19), hidden
  // check at 21 (body 22, closing 23), a last snippet at 25 (body 26).
  static let fixture: Lesson = {
    var fixture = lesson(
      "Lessons/e.md",
      [
        snippet(0, "let a = [1.0]\n", at: 1),
        snippet(1, "let total = 0.0\n", at: 5, [.placeholder]),
        snippet(2, "let total = a[0]\n", at: 9, [.solution], output: "1.0\n", outputAt: 13),
        snippet(3, "checkEqual(total, 1, \"t\")\n", at: 17, [.check]),
        snippet(4, "check(total > 0, \"p\")\n", at: 21, [.check, .hidden]),
        snippet(5, "print(a)\n", at: 25),
      ])
    fixture.exercises = [
      Exercise(index: 0, name: "1", solution: 2, placeholder: 1, checks: [3, 4])
    ]
    return fixture
  }()

  /// `#sourceLocation` at a line of the fixture.
  static func at(_ line: Int, _ file: String = "Lessons/e.md") -> String {
    "#sourceLocation(file: \"\(file)\", line: \(line))\n"
  }

  static let checks =
    at(17) + "boundary.check(3, hidden: false) {\n" + at(18) + "checkEqual(total, 1, \"t\")\n"
    + at(19) + "}\n" + at(21) + "boundary.check(4, hidden: true) {\n" + at(22)
    + "check(total > 0, \"p\")\n" + at(23) + "}\n"

  @Test("The course's program runs the solution, then the placeholder, each with the checks")
  func courseProgram() {
    let source = generateLessonSource(for: [Self.fixture])
    // The exercise stands where its first snippet (the placeholder, at 5) does; the last
    // snippet's closing fence (23) closes each variant.
    let expected =
      "boundary.end(0)\n" + Self.at(5)
      + "boundary.exercise(0, checks: 2, solution: {\n" + Self.at(9) + "boundary.begin(2)\n"
      + Self.at(10) + "let total = a[0]\n" + Self.at(11) + "boundary.end(2)\n" + Self.checks
      + Self.at(23) + "}, answer: {\n" + Self.at(6) + "let total = 0.0\n" + Self.checks
      + Self.at(23) + "})\n#sourceLocation()\n" + Self.at(25) + "boundary.begin(5)\n"
    #expect(source.contains(expected), "\(source)")
    // Each snippet of the exercise is written once per variant, nowhere else.
    #expect(source.components(separatedBy: "let total = a[0]").count == 2)
    #expect(source.components(separatedBy: "checkEqual(total, 1, \"t\")").count == 3)
  }

  @Test("A student's program runs the student's answer at the student's lines, and no solution")
  func studentProgram() {
    let answer = SnippetSource(path: "alice/e.md", firstLine: 7, code: "let total = 1.0\n")
    let source = generateLessonSource(for: [Self.fixture], answers: ["Lessons/e.md": [0: answer]])
    let expected =
      Self.at(5) + "boundary.exercise(0, checks: 2, solution: nil, answer: {\n"
      + Self.at(7, "alice/e.md") + "let total = 1.0\n" + Self.checks + Self.at(23) + "})\n"
    #expect(source.contains(expected), "\(source)")
    #expect(!source.contains("let total = a[0]"))
    #expect(!source.contains("let total = 0.0"))
  }

  @Test("A student's program with no answer to an exercise runs its placeholder")
  func placeholderStandsIn() {
    let source = generateLessonSource(for: [Self.fixture], answers: ["Lessons/e.md": [:]])
    #expect(source.contains("solution: nil, answer: {\n" + Self.at(6) + "let total = 0.0\n"))
    #expect(!source.contains("let total = a[0]"))
  }
}
