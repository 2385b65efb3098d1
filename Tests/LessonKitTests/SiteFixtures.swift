// Lessons for the site tests, built by hand: a minimal fence scanner (top-level ``` fences
// only) stands in for the Markdown reader, so these tests depend on the renderer alone.

import Foundation

@testable import LessonKit

/// Builds the `Lesson` of a small Markdown text: its fenced blocks, its `swift` snippets with
/// the `output` block that directly follows each, the first `# ` heading as title and the
/// first paragraph after it as summary.
func fixtureLesson(_ source: String, path: String) -> Lesson {
  let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  var blocks: [FencedBlock] = []
  var title: String?
  var summary: String?
  var lineIndex = 0
  while lineIndex < lines.count {
    let line = lines[lineIndex]
    if line.hasPrefix("```") {
      let info = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
      var close = lineIndex + 1
      while close < lines.count && lines[close] != "```" { close += 1 }
      let body = lines[(lineIndex + 1)..<close]
      blocks.append(
        FencedBlock(
          info: info, fence: "```", openingLine: lineIndex + 1, closingLine: close + 1,
          firstContentLine: lineIndex + 2, lastContentLine: close,
          content: body.isEmpty ? "" : body.joined(separator: "\n") + "\n"))
      lineIndex = close + 1
      continue
    }
    if title == nil, line.hasPrefix("# ") {
      title = String(line.dropFirst(2))
    } else if title != nil, summary == nil, !line.isEmpty, !line.hasPrefix("#") {
      summary = line
    }
    lineIndex += 1
  }
  var snippets: [Snippet] = []
  for (position, block) in blocks.enumerated() {
    let words = block.info.split(separator: " ").map(String.init)
    guard words.first == "swift" else { continue }
    var output: FencedBlock?
    if position + 1 < blocks.count, blocks[position + 1].info == "output",
      lines[block.closingLine..<(blocks[position + 1].openingLine - 1)].allSatisfy(\.isEmpty)
    {
      output = blocks[position + 1]
    }
    snippets.append(
      Snippet(
        index: snippets.count, code: block,
        attributes: Set(words.dropFirst().compactMap(SnippetAttribute.init(rawValue:))),
        output: output))
  }
  return Lesson(path: path, title: title, summary: summary, blocks: blocks, snippets: snippets)
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
  let figure = FigureOutput(svg: fixtureSVG(label: "loss"), caption: "Loss <per> step")
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
