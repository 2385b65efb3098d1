// Benchmark suite for the site renderer: `renderSite` on a generated course of 12 lessons
// (prose with inline and display math, snippets, outputs, SVG figures), and on the real
// `Lessons/*.md` of the working directory when there are any, with hand-made runs (each
// snippet "printed" its recorded output; snippets that call `show(` showed one figure), then
// both again with four interactive figures (the 96-frame momentum playground of
// InteractiveBench.swift in lessons 3 to 6, where the course uses them).
// Targets: the whole course in at most 1 s; at most `interactiveFigureBudget` (300 KiB) added
// to a page per interactive figure. Prints times and sizes; never a timed test.

import Foundation
import LessonKit

/// Runs the render benchmark suite.
func benchRender() throws {
  let real = try realCourse()
  if let real {
    try measureRender(real, name: "Lessons/ (\(real.count) lessons, recorded outputs)")
  } else {
    print("no Lessons/*.md in \(FileManager.default.currentDirectoryPath); generated course only")
  }
  let generated = generatedCourse(lessons: 12, snippetsPerLesson: 15)
  try measureRender(generated, name: "generated course (12 lessons × 15 snippets)")

  let playground = try benchInteractiveFigure()
  if let real {
    try measureRender(
      withInteractiveFigures(real, playground),
      name: "Lessons/ with 4 interactive figures of 96 frames (lessons 3–6)")
  }
  try measureRender(
    withInteractiveFigures(generated, playground),
    name: "generated course with 4 interactive figures of 96 frames (lessons 3–6)")
}

/// `pages` with the first figure of the 4th to 7th lesson (lessons 03–06 of the course)
/// replaced by `figure`, or added to the lesson's last shown snippet when it has none.
private func withInteractiveFigures(_ pages: [SitePage], _ figure: FigureOutput) -> [SitePage] {
  pages.enumerated().map { position, page in
    guard (3...6).contains(position), var run = page.run else { return page }
    let shown = Set(page.lesson.snippets.filter { !$0.attributes.contains(.hide) }.map(\.index))
    if let slot = run.snippets.firstIndex(where: { !$0.figures.isEmpty && shown.contains($0.index) }
    ) {
      run.snippets[slot].figures[0] = figure
    } else if let slot = run.snippets.lastIndex(where: { shown.contains($0.index) }) {
      run.snippets[slot].figures.append(figure)
    }
    var changed = page
    changed.run = run
    return changed
  }
}

/// Renders `pages` to a temporary folder: one warm-up, then repeats for at least 1 s (and at
/// least 5 times); prints the best and median wall-clock times against the 1 s target.
private func measureRender(_ pages: [SitePage], name: String) throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "descent-bench-render-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let output = folder.appendingPathComponent("site").path

  let report = try renderSite(pages, courseTitle: "Descent", to: output)
  var times: [Double] = []
  var total = 0.0
  while total < 1 || times.count < 5 {
    let elapsed = ContinuousClock().measure {
      _ = try? renderSite(pages, courseTitle: "Descent", to: output)
    }
    let took = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    times.append(took)
    total += took
  }
  times.sort()
  let markdown = pages.reduce(0) { $0 + $1.source.utf8.count }
  let snippets = pages.reduce(0) { $0 + $1.lesson.snippets.count }
  let figures = pages.reduce(0) { sum, page in
    sum + (page.run?.snippets.reduce(0) { $0 + $1.figures.count } ?? 0)
  }
  let bytes = report.files.reduce(0) { sum, file in
    let path = output + "/" + file
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    return sum + ((attributes?[.size] as? Int) ?? 0)
  }
  print(name)
  print(
    "  input: \(markdown / 1024) KiB of Markdown, \(snippets) snippets, \(figures) figures; "
      + "output: \(report.files.count) files, \(bytes / 1024) KiB (KaTeX and its fonts included)")
  print(
    String(
      format:
        "  render: best %.3f s, median %.3f s over %d runs; target ≤ 1 s (best is %.1f%% of it)",
      times[0], times[times.count / 2], times.count, times[0] * 100))
  let interactive = pages.filter {
    $0.run?.snippets.contains { $0.figures.contains { $0.interactive != nil } } ?? false
  }
  if !interactive.isEmpty {
    let sizes = interactive.map { page -> String in
      let path = output + "/" + page.fileName
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      return "\(page.fileName) \(size / 1024) KiB"
    }
    print("  pages with an interactive figure: " + sizes.joined(separator: ", "))
  }
  if !report.warnings.isEmpty { print("  warnings: \(report.warnings.count)") }
  #if DEBUG
    print("  (a debug build; a release build renders faster)")
  #endif
}

/// The Markdown lessons of `Lessons/` in the working directory, with runs made from their
/// recorded outputs, or `nil` when there are none.
private func realCourse() throws -> [SitePage]? {
  let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  guard let paths = try? LessonCatalog.lessonPaths(packageDirectory: root), !paths.isEmpty
  else { return nil }
  let loaded = LessonCatalog.load(paths, packageDirectory: root)
  if let problem = loaded.problems.first { throw problem }
  return loaded.lessons.map { loadedLesson in
    let (lesson, source, path) = (
      loadedLesson.lesson, loadedLesson.source, loadedLesson.lesson.path
    )
    let runs = lesson.snippets.filter { !$0.attributes.contains(.norun) }.map { snippet in
      SnippetRun(
        index: snippet.index, output: snippet.output?.content ?? "",
        figures: snippet.code.content.contains("show(")
          ? [FigureOutput(svg: benchFigure(seed: snippet.index), caption: "A figure")] : [])
    }
    let run = LessonRun(
      path: path, contentHash: "bench", snippets: runs, failure: nil, seconds: 0)
    return SitePage(lesson: lesson, source: source, run: run)
  }
}

/// A line plot the size of the `Figures` module's: 400 points, axes, ticks, labels (~15 KB).
private func benchFigure(seed: Int) -> String {
  var points = ""
  for step in 0..<400 {
    let x = 60 + Double(step) * 1.3
    let y = 330 - 260 * exp(-Double(step) / Double(60 + seed % 7)) - 10 * sin(Double(step) / 9)
    points += String(format: "%.2f,%.2f ", x, y)
  }
  var ticks = ""
  for tick in 0...10 {
    let x = 60 + Double(tick) * 52
    ticks += "<line x1=\"\(x)\" y1=\"340\" x2=\"\(x)\" y2=\"345\" stroke=\"#333\"/>"
    ticks +=
      "<text x=\"\(x)\" y=\"360\" font-size=\"11\" text-anchor=\"middle\">\(tick * 40)</text>"
  }
  return """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400">\
    <rect width="640" height="400" fill="white"/>\
    <line x1="60" y1="340" x2="600" y2="340" stroke="#333"/>\(ticks)\
    <polyline fill="none" stroke="#1f77b4" stroke-width="1.5" points="\(points)"/>\
    <text x="330" y="390" font-size="12" text-anchor="middle">step</text></svg>
    """
}

/// A course of `lessons` lessons of `snippetsPerLesson` snippets each, built directly as
/// `Lesson` values (the lines of every block are known as the Markdown is written).
private func generatedCourse(lessons: Int, snippetsPerLesson: Int) -> [SitePage] {
  (1...lessons).map { number in
    let path = "Lessons/\(number < 10 ? "0" : "")\(number)-generated.md"
    var lines: [String] = [
      "# Lesson \(number): descent on a quadratic", "",
      "We minimise $f(x) = \\tfrac12 x^\\top A x - b^\\top x$ with a step size $\\eta_\(number)$.",
      "",
    ]
    var blocks: [FencedBlock] = []
    var snippets: [Snippet] = []
    var runs: [SnippetRun] = []

    func fenced(_ info: String, _ body: [String]) -> FencedBlock {
      let opening = lines.count + 1
      lines.append("```" + info)
      lines += body
      lines.append("```")
      lines.append("")
      return FencedBlock(
        info: info, fence: "```", openingLine: opening, closingLine: opening + body.count + 1,
        firstContentLine: opening + 1, lastContentLine: opening + body.count,
        content: body.map { $0 + "\n" }.joined())
    }

    for index in 0..<snippetsPerLesson {
      if index % 5 == 0 { lines += ["## Part \(index / 5 + 1)", ""] }
      lines += [
        "The iterate $x_{t+1} = x_t - \\eta \\nabla f(x_t)$ moves against the gradient; with "
          + "*momentum* the update keeps a velocity $v_t$ and **damps** the oscillation "
          + "across the valley, see [the lecture](#part-1) and `step(\(index))`.",
        "",
        "$$",
        "\\kappa = \\frac{\\lambda_{\\max}}{\\lambda_{\\min}}, \\qquad "
          + "\\|x_t - x^\\star\\| \\le \\left(\\frac{\\kappa - 1}{\\kappa + 1}\\right)^t "
          + "\\|x_0 - x^\\star\\|",
        "$$",
        "",
      ]
      let code = fenced(
        index == 0 ? "swift hide" : "swift",
        [
          "var optimizer = GradientDescent(learningRate: 0.1, momentum: 0.9)",
          "var x = Matrix<Double>(rows: 2, columns: 1, values: [\(index).0, -1.5])",
          "for step in 0..<100 {",
          "  let gradient = A * x - b  // ∇f",
          "  optimizer.step(&x, gradient: gradient)",
          "  if step % 20 == 0 { print(\"step \\(step): f = \\(format(f(x)))\") }",
          "}",
        ])
      let outputLines = (0..<5).map { "step \($0 * 20): f = \(format(Double(100 - $0 * 19)))" }
      let output = fenced("output", outputLines)
      blocks += [code, output]
      snippets.append(
        Snippet(
          index: index, code: code, attributes: index == 0 ? [.hide] : [], output: output))
      let figures =
        index % 3 == 2
        ? [FigureOutput(svg: benchFigure(seed: index), caption: "Loss against step \(index)")]
        : []
      runs.append(
        SnippetRun(
          index: index, output: outputLines.map { $0 + "\n" }.joined(), figures: figures))
    }
    let source = lines.joined(separator: "\n")
    let lesson = Lesson(
      path: path, title: "Lesson \(number): descent on a quadratic",
      summary: "We minimise a quadratic.", blocks: blocks, snippets: snippets)
    let run = LessonRun(path: path, contentHash: "bench", snippets: runs, failure: nil, seconds: 0)
    return SitePage(lesson: lesson, source: source, run: run)
  }
}

/// Four significant digits, as lesson outputs print.
private func format(_ value: Double) -> String { String(format: "%.4g", value) }
