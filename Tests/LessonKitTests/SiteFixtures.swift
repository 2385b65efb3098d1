// Lessons for the site tests, read from Markdown by the lesson reader (`Lesson(parsing:path:)`),
// and runs built by hand.

import Foundation

@testable import LessonKit

/// The `Lesson` of a fixture's Markdown (fixtures are valid lessons; a mistake in one stops
/// the test run with the reader's message).
func fixtureLesson(_ source: String, path: String) -> Lesson {
  try! Lesson(parsing: source, path: path)
}

/// A page for `source`, with an optional run.
func fixturePage(
  _ source: String, path: String = "Lessons/01-test.md", run: LessonRun? = nil,
  mismatches: [Int: String] = [:]
) -> SitePage {
  SitePage(
    lesson: fixtureLesson(source, path: path), source: source, run: run, mismatches: mismatches)
}

/// A run of the lesson at `path` with the given outputs and figures by snippet index.
func fixtureRun(
  path: String = "Lessons/01-test.md", outputs: [(Int, String, [FigureOutput])],
  failure: LessonFailure? = nil
) -> LessonRun {
  LessonRun(
    path: path, contentHash: "test",
    snippets: outputs.map { SnippetRun(index: $0.0, output: $0.1, figures: $0.2) },
    failure: failure, seconds: 0.1)
}

/// A small SVG figure, the way the `Figures` module writes them (XML declaration first).
func fixtureSVG(label: String, width: Int = 320, height: Int = 200) -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
  viewBox="0 0 \(width) \(height)"><rect x="10" y="10" width="\(width - 20)" \
  height="\(height - 20)" fill="#4a7ab8"/><text x="20" y="40">\(label)</text></svg>
  """
}

/// The two-lesson course of the site and browser tests: math (inline, display, in code and in
/// a heading), highlighted code, outputs, a figure, a hidden snippet.
func fixtureCourse() -> [SitePage] {
  let first = """
    # Gradient descent

    We minimise $f(x) = x^2$ by stepping against the gradient $f'(x) = 2x$.

    ## One step

    The update is $x_{t+1} = x_t - \\eta \\nabla f(x_t)$, with $a_1 * b_2$ as a check:

    $$
    \\sum_i x_i^2 = \\|x\\|_2^2
    $$

    ```swift hide
    let secret = 41
    ```

    ```swift
    let x = 3.0 // start
    print("x = \\(x), cost: $5")
    ```

    ```output
    x = 3.0, cost: $5
    ```

    ### A figure

    ```swift
    show(plot)
    ```

    The code `let price = "$x$"` keeps its dollars.
    """
  let second = """
    # Momentum

    Momentum keeps a velocity $v$.

    It costs \\$2 per step, or \\$3 with a look-ahead.

    ## Update rule for $v$

    $$v_{t+1} = \\beta v_t + g_t$$

    ```swift
    print("<script>alert(1)</script>")
    ```

    ```output
    <script>alert(1)</script>
    ```
    """
  let figure = FigureOutput(
    svg: fixtureSVG(label: "loss", width: 640, height: 400), caption: "Loss <per> step")
  return [
    fixturePage(
      first, path: "Lessons/01-gradient-descent.md",
      run: fixtureRun(
        path: "Lessons/01-gradient-descent.md",
        outputs: [(0, "", []), (1, "x = 3.0, cost: $5\n", []), (2, "", [figure])])),
    fixturePage(
      second, path: "Lessons/02-momentum.md",
      run: fixtureRun(
        path: "Lessons/02-momentum.md", outputs: [(0, "<script>alert(1)</script>\n", [])])),
  ]
}
