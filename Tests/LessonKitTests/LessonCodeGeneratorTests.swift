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

  @Test("Each snippet sits between #sourceLocation at its first body line and a reset")
  func sourceLocations() {
    let source = generateLessonSource(for: [fixture])
    #expect(
      source.contains(
        "boundary.begin(0)\n#sourceLocation(file: \"Lessons/a.md\", line: 4)\nlet x = 1\nprint(x)\n"
          + "#sourceLocation()\nboundary.end(0)\n"))
    #expect(
      source.contains(
        "boundary.begin(2)\n#sourceLocation(file: \"Lessons/a.md\", line: 15)\nprint(x + 1)\n"
          + "#sourceLocation()\nboundary.end(2)\n"))
  }

  @Test("Snippets keep their order in one function, so they share state")
  func order() throws {
    let source = generateLessonSource(for: [fixture])
    let first = try #require(source.range(of: "let x = 1"))
    let second = try #require(source.range(of: "print(x / 0)"))
    let third = try #require(source.range(of: "print(x + 1)"))
    #expect(first.upperBound < second.lowerBound && second.upperBound < third.lowerBound)
    // One function per lesson: exactly one `private func lesson0` and no second one.
    #expect(source.components(separatedBy: "private func lesson").count == 2)
  }

  @Test("A norun snippet is compiled under a false condition and never marks a boundary")
  func norun() {
    let source = generateLessonSource(for: [fixture])
    #expect(
      source.contains(
        "if boundary.neverTrue {\n#sourceLocation(file: \"Lessons/a.md\", line: 11)\nprint(x / 0)\n"
          + "#sourceLocation()\n}\n"))
    #expect(!source.contains("boundary.begin(1)"))
  }

  @Test("A fails snippet is the closure of boundary.expectFailure, between its boundaries")
  func fails() {
    let failing = lesson("Lessons/f.md", [snippet(0, "precondition(false)\n", at: 3, [.fails])])
    let source = generateLessonSource(for: [failing])
    #expect(
      source.contains(
        "boundary.begin(0)\nboundary.expectFailure(0) {\n"
          + "#sourceLocation(file: \"Lessons/f.md\", line: 4)\nprecondition(false)\n"
          + "#sourceLocation()\n}\nboundary.end(0)\n"))
  }

  @Test("Every lesson is listed and dispatched by its path; quotes in paths are escaped")
  func dispatch() {
    let other = lesson("Lessons/b \"q\".md", [snippet(0, "print(1)\n", at: 1)])
    let source = generateLessonSource(for: [fixture, other])
    #expect(source.contains("case \"Lessons/a.md\": return lesson0\n"))
    #expect(source.contains("case \"Lessons/b \\\"q\\\".md\": return lesson1\n"))
    #expect(source.contains("    \"Lessons/a.md\",\n    \"Lessons/b \\\"q\\\".md\",\n"))
    for module in ["TensorCore", "LessonSupport", "Foundation", "Figures"] {
      #expect(source.contains("import \(module)\n"))
    }
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
