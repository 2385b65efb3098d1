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

  @Test func aMismatchBecomesADiffNoteUnderItsSnippet() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/v.md")
    let run = LessonRun(
      path: "Lessons/v.md", contentHash: "h",
      snippets: [
        SnippetRun(index: 0, output: "a\n", figures: []),
        SnippetRun(index: 1, output: "same\n", figures: []),
      ], failure: nil, seconds: 0.1)
    let verdict = checkLesson(lesson, against: run)
    let page = SitePage(lesson: lesson, source: Self.source, verdict: verdict)
    // Only snippet 0 differs ("b" recorded, "a" printed), so only it gets a note: the diff
    // with the recorded line removed and the printed one added (worked out by hand).
    #expect(page.mismatches.keys.sorted() == [0])
    let note = try #require(page.mismatches[0])
    #expect(note.contains("-b\n"))
    #expect(note.contains("+a\n"))
    #expect(page.run == run)
    let html = renderLesson(page).html
    #expect(html.contains("class=\"mismatch\""))
    #expect(html.contains("Lessons/v.md:7"))
  }

  @Test func aPassingLessonHasNoNotes() throws {
    let lesson = try Lesson(parsing: Self.source, path: "Lessons/v.md")
    let run = LessonRun(
      path: "Lessons/v.md", contentHash: "h",
      snippets: [
        SnippetRun(index: 0, output: "b\n", figures: []),
        SnippetRun(index: 1, output: "same\n", figures: []),
      ], failure: nil, seconds: 0.1)
    let page = SitePage(
      lesson: lesson, source: Self.source, verdict: checkLesson(lesson, against: run))
    #expect(page.mismatches.isEmpty)
    #expect(!renderLesson(page).html.contains("class=\"mismatch\""))
  }
}
