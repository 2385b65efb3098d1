import Testing

@testable import LessonKit

/// `SitePage(lesson:source:verdict:)`: what `lessons render` and `lessons verify --render` show.
@Suite struct SitePageVerdictTests {
  static let source = """
    # Verdicts

    ```swift
    print("a")
    ```

    ```output
    b
    ```

    ```swift
    print("same")
    ```

    ```output
    same
    ```

    """

  /// A finished run of the fixture lesson whose two snippets printed `outputs`.
  func run(_ outputs: [String]) -> LessonRun {
    LessonRun(
      path: "Lessons/v.md", contentHash: "h",
      snippets: outputs.enumerated().map { SnippetRun(index: $0, output: $1, figures: []) },
      failure: nil, seconds: 0.1)
  }

  @Test func aMismatchBecomesADiffNoteUnderItsSnippet() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/v.md")
    let printed = run(["a\n", "same\n"])
    let verdict = checkLesson(lesson, against: printed)
    let page = SitePage(lesson: lesson, source: Self.source, verdict: verdict)
    // Only snippet 0 differs ("b" recorded, "a" printed), so only it gets a note: the diff
    // with the recorded line removed and the printed one added (worked out by hand).
    #expect(page.mismatches.keys.sorted() == [0])
    let note = try #require(page.mismatches[0])
    #expect(note.contains("-b\n"))
    #expect(note.contains("+a\n"))
    #expect(page.run == printed)
    let html = renderLesson(page).html
    #expect(html.contains("class=\"mismatch\""))
    #expect(html.contains("Lessons/v.md:7"))
  }

  @Test func aPassingLessonHasNoNotes() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/v.md")
    let printed = run(["b\n", "same\n"])
    let page = SitePage(
      lesson: lesson, source: Self.source, verdict: checkLesson(lesson, against: printed))
    #expect(page.mismatches.isEmpty)
    #expect(!renderLesson(page).html.contains("class=\"mismatch\""))
  }
}
