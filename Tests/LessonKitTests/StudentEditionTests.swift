// The student edition of a lesson's Markdown: every byte outside the removed blocks (and the
// blank lines after each) is the instructor's. The expected texts are the fixtures with those
// lines deleted by hand.

import Testing

@testable import LessonKit

@Suite("Student edition")
struct StudentEditionTests {
  static let source = """
    # Sums

    Prose with trailing blanks.\u{20}\u{20}

    ```swift
    let a = [1.0, 2.0]
    print(a)
    ```

    ```output
    [1.0, 2.0]
    ```

    1. Sum `a`.

       ```swift placeholder
       let total = 0.0
       ```

       ```swift solution
       let total = a.reduce(0, +)
       print(total)
       ```

       ```output
       3.0
       ```

       ```swift check hidden
       checkClose(total, 3, tolerance: 0, "the sum")
       ```

       ```swift check
       check(total > 0, "positive")
       ```

    2. Why?

       ```swift solution
       // Because.
       ```

    > ```swift
    > print("quoted")
    > ```

    """

  /// The source without the lines of the solutions and their outputs (lines 20–28 and 39–42,
  /// with the blank line after each block) and of the hidden check (29–32).
  static let expected = """
    # Sums

    Prose with trailing blanks.\u{20}\u{20}

    ```swift
    let a = [1.0, 2.0]
    print(a)
    ```

    ```output
    [1.0, 2.0]
    ```

    1. Sum `a`.

       ```swift placeholder
       let total = 0.0
       ```

       ```swift check
       check(total > 0, "positive")
       ```

    2. Why?

    > ```swift
    > print("quoted")
    > ```

    """

  @Test("Solutions, their outputs and hidden checks go; every other byte stays")
  func removesOnlyThoseBlocks() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/s.md")
    let edition = try studentEdition(of: lesson, source: Self.source)
    #expect(edition.source == Self.expected)
    // Snippets kept: set-up (0), placeholder (1), shown check (4), the quoted one (6).
    #expect(edition.instructorSnippets == [0, 1, 4, 6])
    #expect(
      edition.lesson.snippets.map(\.code.content)
        == [0, 1, 4, 6].map {
          lesson.snippets[$0].code.content
        })
    #expect(blocksLeftOutOfStudentEdition(lesson).map(\.openingLine) == [20, 25, 29, 39])
  }

  @Test("Line endings stay as written (CRLF)")
  func keepsLineEndings() throws {
    let crlf = Self.source.replacing("\n", with: "\r\n")
    let lesson = try Lesson(parsing: crlf, path: "Lessons/s.md")
    #expect(
      try studentEdition(of: lesson, source: crlf).source
        == Self.expected.replacing("\n", with: "\r\n"))
  }

  @Test("A lesson without exercises is its own student edition")
  func unchangedWithoutExercises() throws {
    let source = "# A\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n"
    let lesson = try Lesson(parsing: source, path: "Lessons/a.md")
    #expect(try studentEdition(of: lesson, source: source).source == source)
  }

  @Test("The instructor's run is renumbered for the edition, solutions' runs left out")
  func renumbersTheRun() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/s.md")
    let edition = try studentEdition(of: lesson, source: Self.source)
    let run = LessonRun(
      path: lesson.path, contentHash: "h",
      snippets: [
        SnippetRun(index: 0, output: "[1.0, 2.0]\n", figures: []),
        SnippetRun(index: 2, output: "3.0\n", figures: []),
        SnippetRun(index: 5, output: "", figures: []),
        SnippetRun(index: 6, output: "quoted\n", figures: []),
      ], failure: nil, seconds: 1)
    let mapped = edition.run(from: run)
    #expect(mapped.snippets.map(\.index) == [0, 3])
    #expect(mapped.snippets.map(\.output) == ["[1.0, 2.0]\n", "quoted\n"])
  }

  @Test("The student site shows placeholders and shown checks, never solutions or hidden checks")
  func studentPage() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/s.md")
    let edition = try studentEdition(of: lesson, source: Self.source)
    let html = renderLesson(SitePage(lesson: edition.lesson, source: edition.source)).html
    #expect(html.contains("Your answer"))
    #expect(html.contains("positive"))
    #expect(!html.contains("reduce"))
    #expect(!html.contains("the sum"))
    // The instructor edition of the instructor's lesson shows all of them, labelled.
    let instructor = renderLesson(
      SitePage(lesson: lesson, source: Self.source), edition: .instructor
    ).html
    for label in ["Solution", "Placeholder (what students start from)", "Hidden check", "Check"] {
      #expect(instructor.contains(">\(label)</p>"), "\(label)")
    }
    #expect(instructor.contains("reduce") && instructor.contains("the sum"))
  }
}
