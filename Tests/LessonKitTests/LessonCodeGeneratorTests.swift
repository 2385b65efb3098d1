import Testing

@testable import LessonKit

@Suite("Code generation")
struct LessonCodeGeneratorTests {
  // Lines as in a file: snippet 0 opens at line 3 (body 4–5), snippet 1 (norun) at line 10,
  // snippet 2 at line 14.
  let fixture = lesson(
    "Lessons/a.md",
    [
      snippet(0, "let x = 1\nprint(x)\n", at: 3),
      snippet(1, "print(x / 0)\n", at: 10, [.norun]),
      snippet(2, "print(x + 1)\n", at: 14),
    ])

  @Test("Each snippet's code is at its own lines, its boundaries at its fences")
  func sourceLocations() {
    let source = generateLessonFile(for: fixture, functionName: "lesson_a")
    // Snippet 0: fences on lines 3 and 6, code on 4–5 (see `fencedBlock`).
    #expect(
      source.contains(
        "#sourceLocation(file: \"Lessons/a.md\", line: 3)\nboundary.begin(0)\n"
          + "#sourceLocation(file: \"Lessons/a.md\", line: 4)\nlet x = 1\nprint(x)\n"
          + "#sourceLocation(file: \"Lessons/a.md\", line: 6)\nboundary.end(0)\n"))
    #expect(
      source.contains(
        "#sourceLocation(file: \"Lessons/a.md\", line: 14)\nboundary.begin(2)\n"
          + "#sourceLocation(file: \"Lessons/a.md\", line: 15)\nprint(x + 1)\n"
          + "#sourceLocation(file: \"Lessons/a.md\", line: 16)\nboundary.end(2)\n"))
  }

  @Test("Every line of a lesson's function names the lesson, so any compile error blames it")
  func wholeFunctionUnderSourceLocation() throws {
    let source = generateLessonFile(for: fixture, functionName: "lesson_a")
    // From the function's first line to its closing brace (at the last snippet's closing
    // fence, line 16) every directive names the lesson; the reset comes after the brace.
    let start = try #require(source.range(of: "#sourceLocation(file: \"Lessons/a.md\", line: 1)\n"))
    let body = source[start.lowerBound...]
    #expect(body.hasPrefix("#sourceLocation(file: \"Lessons/a.md\", line: 1)\nfunc lesson_a("))
    #expect(
      body.hasSuffix("#sourceLocation(file: \"Lessons/a.md\", line: 16)\n}\n#sourceLocation()\n"))
    #expect(body.components(separatedBy: "#sourceLocation()").count == 2)
    // Only the imports come before it.
    let head = source[..<start.lowerBound].split(separator: "\n").filter {
      !$0.isEmpty && !$0.hasPrefix("//")
    }
    #expect(head.allSatisfy { $0.hasPrefix("import ") } && head.count == 9)
  }

  @Test("Snippets keep their order in one function, so they share state")
  func order() throws {
    let source = generateLessonSource(for: [fixture])
    let first = try #require(source.range(of: "let x = 1"))
    let second = try #require(source.range(of: "print(x / 0)"))
    let third = try #require(source.range(of: "print(x + 1)"))
    #expect(first.upperBound < second.lowerBound && second.upperBound < third.lowerBound)
    // One function per lesson: exactly one `func lesson_a(` and no second one.
    #expect(source.components(separatedBy: "func lesson_").count == 2)
  }

  @Test("A norun snippet is compiled under a false condition and never marks a boundary")
  func norun() {
    let source = generateLessonFile(for: fixture, functionName: "lesson_a")
    #expect(
      source.contains(
        "#sourceLocation(file: \"Lessons/a.md\", line: 10)\nif boundary.neverTrue {\n"
          + "#sourceLocation(file: \"Lessons/a.md\", line: 11)\nprint(x / 0)\n"
          + "#sourceLocation(file: \"Lessons/a.md\", line: 12)\n}\n"))
    #expect(!source.contains("boundary.begin(1)"))
  }

  @Test("A fails snippet is the closure of boundary.expectFailure, between its boundaries")
  func fails() {
    let failing = lesson("Lessons/f.md", [snippet(0, "precondition(false)\n", at: 3, [.fails])])
    let source = generateLessonFile(for: failing, functionName: "lesson_f")
    // The fences' lines (3 and 5) around the code's (4), as for any snippet.
    #expect(
      source.contains(
        "#sourceLocation(file: \"Lessons/f.md\", line: 3)\nboundary.begin(0)\n"
          + "boundary.expectFailure(0) {\n"
          + "#sourceLocation(file: \"Lessons/f.md\", line: 4)\nprecondition(false)\n"
          + "#sourceLocation(file: \"Lessons/f.md\", line: 5)\n}\nboundary.end(0)\n"))
  }

  @Test("Every lesson is listed and dispatched by its path; quotes in paths are escaped")
  func dispatch() {
    let other = lesson("Lessons/b \"q\".md", [snippet(0, "print(1)\n", at: 1)])
    let source = generateLessonSource(for: [fixture, other])
    #expect(source.contains("case \"Lessons/a.md\": return lesson_a\n"))
    #expect(source.contains("case \"Lessons/b \\\"q\\\".md\": return lesson_b__q_\n"))
    #expect(source.contains("    \"Lessons/a.md\",\n    \"Lessons/b \\\"q\\\".md\",\n"))
    for module in ["TensorCore", "LessonSupport", "Foundation", "Figures"] {
      #expect(source.contains("import \(module)\n"))
    }
    // The dispatcher alone imports only what defines SnippetBoundary, and names no snippet.
    let dispatcher = generateLessonDispatcher(
      paths: ["Lessons/a.md"], functionNames: ["lesson_a"])
    #expect(
      dispatcher.contains("import LessonRunnerSupport\n") && !dispatcher.contains("TensorCore"))
    #expect(!dispatcher.contains("print("))
  }

  @Test("Function names: the file name in ASCII letters, digits and _, unique in order")
  func functionNames() {
    let names = lessonFunctionNames(forLessonsAt: [
      "Lessons/00-getting-started.md", "Lessons/00_getting-started.md", "Lessons/梯度.md",
      "Lessons/00-getting-started.md",
    ])
    // Worked out by hand: "-" and non-ASCII letters become "_"; repeats get _2, _3.
    #expect(
      names == [
        "lesson_00_getting_started", "lesson_00_getting_started_2", "lesson___",
        "lesson_00_getting_started_3",
      ])
  }

  @Test("A left-out lesson's file stops the program with its reason and compiles no snippet")
  func leftOut() {
    let source = generateLeftOutLessonFile(
      path: "Lessons/a.md", reason: "it does not \"compile\"", functionName: "lesson_a")
    #expect(
      source.hasSuffix(
        "import LessonRunnerSupport\n\nfunc lesson_a(_ boundary: SnippetBoundary) throws {\n"
          + "  leftOutLesson(\"Lessons/a.md\", reason: \"it does not \\\"compile\\\"\")\n}\n"))
  }

  @Test("Declarations that cannot live in a function body are reported at their line")
  func limitations() {
    // Snippet body starts at line 4: line 4 `struct`, 5 `extension`, 6 indented `extension`
    // inside a string, 7 `public protocol`, 8 `import`.
    let bad = lesson(
      "Lessons/c.md",
      [
        snippet(
          0,
          "struct P {}\nextension P {}\n  extension words in a string\npublic protocol Q {}\n"
            + "import Foundation\n",
          at: 3)
      ])
    let errors = lessonCodeLimitations(in: bad)
    #expect(errors.map(\.line) == [5, 7, 8])
    #expect(errors.allSatisfy { $0.path == "Lessons/c.md" })
    #expect(errors[0].description.hasPrefix("Lessons/c.md:5: error: an extension cannot appear"))
    #expect(lessonCodeLimitations(in: fixture).isEmpty)
  }
}
