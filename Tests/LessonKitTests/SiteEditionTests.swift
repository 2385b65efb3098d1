import Foundation
import Testing

@testable import LessonKit

@Suite struct SiteEditionTests {
  // Every expectation below is read off the fixture Markdown by hand: snippet 1 is an
  // exercise's set-up, snippet 2 its solution (with an output and, in the run, a figure),
  // snippet 3 a solution in a list item.
  static let lesson = """
    # Exercises

    ## Exercises

    1. Print the answer.

       ```swift solution
       // Exercise 1: the answer.
       print("answer 42")
       ```

       ```output
       answer 42
       ```

    ```swift
    print("shown to all")
    ```

    ```output
    shown to all
    ```

    ```swift solution nocheck
    print("timing 3 ms")
    ```
    """

  static let run = fixtureRun(outputs: [
    (0, "answer 42\n", [FigureOutput(svg: fixtureSVG(label: "SolutionFigure"), caption: "cap")]),
    (1, "shown to all\n", []),
    (2, "timing 3 ms\n", []),
  ])

  @Test func theStudentEditionLeavesSolutionsOut() {
    for run in [nil, Self.run] {
      let html = renderLesson(fixturePage(Self.lesson, run: run)).html
      #expect(!html.contains("Exercise 1: the answer"))
      #expect(!html.contains("answer 42"))
      #expect(!html.contains("SolutionFigure"))
      #expect(!html.contains("timing 3 ms"))
      #expect(!html.contains("solution"))
      #expect(!html.contains("language-output"))
      // The exercise itself and the other snippet stay.
      #expect(html.contains("Print the answer."))
      #expect(html.contains("<samp>shown to all\n</samp>"))
      #expect(html.contains("id=\"snippet-2\""))
      #expect(!html.contains("id=\"snippet-1\""))
      #expect(!html.contains("id=\"snippet-3\""))
    }
    // The default edition is the student's.
    #expect(
      renderLesson(fixturePage(Self.lesson), edition: .student)
        == renderLesson(fixturePage(Self.lesson)))
  }

  @Test func theInstructorEditionShowsEachSolutionInABox() throws {
    let html = renderLesson(fixturePage(Self.lesson, run: Self.run), edition: .instructor).html
    let opening = "<aside class=\"solution-box\" aria-label=\"Solution\">"
    #expect(html.components(separatedBy: opening).count == 3)
    #expect(html.components(separatedBy: "</aside>").count == 3)
    // The first box holds the code, the output and the figure of snippet 1, in that order.
    let box = try #require(html.firstRange(of: opening))
    let end = try #require(html[box.upperBound...].firstRange(of: "</aside>"))
    let inside = String(html[box.upperBound..<end.lowerBound])
    #expect(inside.hasPrefix("<p class=\"solution-label\">Solution</p>"))
    let code = try #require(inside.firstRange(of: "id=\"snippet-1\""))
    let output = try #require(inside.firstRange(of: "<samp>answer 42\n</samp>"))
    let figure = try #require(inside.firstRange(of: "SolutionFigure"))
    #expect(code.lowerBound < output.lowerBound && output.lowerBound < figure.lowerBound)
    #expect(inside.contains("class=\"snippet solution\""))
    // The box is inside the exercise's list item.
    let item = try #require(html.firstRange(of: "<li"))
    let itemEnd = try #require(html.firstRange(of: "</li>"))
    #expect(item.lowerBound < box.lowerBound && end.upperBound <= itemEnd.lowerBound)
    // The unchecked solution is boxed too, with its classes; the ordinary snippet is not.
    #expect(html.contains("class=\"snippet nocheck solution\""))
    #expect(html.contains("<samp>timing 3 ms\n</samp>"))
    let ordinary = try #require(html.firstRange(of: "id=\"snippet-2\""))
    let second = try #require(html[end.upperBound...].firstRange(of: opening))
    #expect(end.upperBound < ordinary.lowerBound && ordinary.lowerBound < second.lowerBound)
    // Without a run, the recorded output is shown in the box.
    let recorded = renderLesson(fixturePage(Self.lesson), edition: .instructor).html
    #expect(recorded.contains("<samp>answer 42\n</samp>"))
  }

  @Test func aFailureInASolutionIsShownInBothEditions() {
    let failure = LessonFailure(snippetIndex: 0, line: 9, message: "Fatal error: boom")
    let run = fixtureRun(outputs: [], failure: failure)
    for edition in SiteEdition.allCases {
      let html = renderLesson(fixturePage(Self.lesson, run: run), edition: edition).html
      #expect(html.contains("Fatal error: boom"), "\(edition)")
    }
  }

  @Test func theInstructorSiteSaysSoAndTheStudentSiteDoesNot() throws {
    let folder = try temporaryFolder("editions")
    defer { try? FileManager.default.removeItem(at: folder) }
    let pages = [fixturePage(Self.lesson, run: Self.run)]
    _ = try renderSite(pages, courseTitle: "Descent", to: folder.path + "/student")
    _ = try renderSite(
      pages, courseTitle: "Descent", to: folder.path + "/instructor", edition: .instructor)
    func read(_ name: String) throws -> String {
      try String(contentsOfFile: folder.path + "/" + name, encoding: .utf8)
    }
    let student = try read("student/01-test.html")
    let instructor = try read("instructor/01-test.html")
    #expect(!student.contains("answer 42"))
    #expect(!student.contains("instructor edition"))
    #expect(instructor.contains("<samp>answer 42\n</samp>"))
    #expect(instructor.contains("<title>Exercises · Descent (instructor edition)</title>"))
    #expect(try read("instructor/index.html").contains("<h1>Descent (instructor edition)</h1>"))
    #expect(try read("instructor/assets/site.css").contains(".solution-box {"))
  }
}
