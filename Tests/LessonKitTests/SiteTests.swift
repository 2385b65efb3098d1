import Foundation
import Testing

@testable import LessonKit

/// A new empty folder under the system's temporary folder; the caller removes it.
func temporaryFolder(_ name: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "descent-\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

private func read(_ url: URL, _ name: String) throws -> String {
  try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
}

@Suite struct SiteTests {
  @Test func writesIndexPagesAndAssets() throws {
    let folder = try temporaryFolder("site")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("site")
    let report = try renderSite(fixtureCourse(), courseTitle: "Descent", to: output.path)
    #expect(
      report.files.prefix(3) == ["index.html", "01-gradient-descent.html", "02-momentum.html"])
    for file in [
      "assets/site.css", "assets/math.js", "assets/katex/katex.min.js",
      "assets/katex/katex.min.css", "assets/katex/contrib/auto-render.js",
      "assets/katex/fonts/KaTeX_Main-Regular.woff2",
    ] {
      #expect(report.files.contains(file))
      #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path))
    }
    #expect(report.warnings.isEmpty)
    #expect(report.failedLessons.isEmpty)
    // No temporary folder is left beside the site.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
  }

  @Test func indexListsTheLessonsInOrderWithSummaries() throws {
    let folder = try temporaryFolder("index")
    defer { try? FileManager.default.removeItem(at: folder) }
    // Missing parent folders of the output folder are created.
    _ = try renderSite(
      fixtureCourse(), courseTitle: "A <b> course", to: folder.path + "/new/parent/out")
    let index = try read(folder, "new/parent/out/index.html")
    #expect(index.contains("<h1>A &lt;b&gt; course</h1>"))
    #expect(index.contains("Start with <a href=\"01-gradient-descent.html\">Gradient descent</a>"))
    let first = index.firstRange(
      of: "<li><a href=\"01-gradient-descent.html\">Gradient descent</a>")
    let second = index.firstRange(of: "<li><a href=\"02-momentum.html\">Momentum</a>")
    #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound)
    #expect(
      index.contains(
        "<p>We minimise $f(x) = x^2$ by stepping against the gradient $f&#39;(x) = 2x$.</p>"))
  }

  @Test func pagesLinkToTheirNeighbours() throws {
    let folder = try temporaryFolder("pager")
    defer { try? FileManager.default.removeItem(at: folder) }
    var pages = fixtureCourse()
    pages.append(fixturePage("# Third\n\nLast one.\n", path: "Lessons/03-third.md"))
    _ = try renderSite(pages, courseTitle: "Descent", to: folder.path + "/out")
    let first = try read(folder, "out/01-gradient-descent.html")
    let middle = try read(folder, "out/02-momentum.html")
    let last = try read(folder, "out/03-third.html")
    #expect(!first.contains("rel=\"prev\""))
    #expect(first.contains("rel=\"next\" href=\"02-momentum.html\">Momentum →</a>"))
    #expect(
      middle.contains("rel=\"prev\" href=\"01-gradient-descent.html\">← Gradient descent</a>"))
    #expect(middle.contains("rel=\"next\" href=\"03-third.html\">Third →</a>"))
    #expect(last.contains("rel=\"prev\" href=\"02-momentum.html\""))
    #expect(!last.contains("rel=\"next\""))
    // The table of contents links the headings below the title.
    #expect(first.contains("<nav class=\"toc\""))
    #expect(first.contains("<a href=\"#one-step\">One step</a>"))
    #expect(first.contains("<a href=\"#a-figure\">A figure</a>"))
    #expect(!last.contains("<nav class=\"toc\""))
    #expect(first.contains("<title>Gradient descent · Descent</title>"))
  }

  @Test func nothingIsFetchedFromTheNetwork() throws {
    let folder = try temporaryFolder("offline")
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try renderSite(fixtureCourse(), courseTitle: "Descent", to: folder.path + "/out")
    for file in report.files where file.hasSuffix(".html") || file.hasSuffix(".css") {
      let text = try read(folder, "out/" + file)
      for pattern in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "url(http", "@import"] {
        #expect(!text.contains(pattern), "\(file) contains \(pattern)")
      }
    }
  }

  @Test func missingKaTeXIsAClearErrorAndWritesNothing() throws {
    let folder = try temporaryFolder("nokatex")
    defer { try? FileManager.default.removeItem(at: folder) }
    let error = #expect(throws: SiteError.self) {
      try renderSite(
        fixtureCourse(), courseTitle: "Descent", to: folder.path + "/out",
        katexDirectory: folder.path + "/katex")
    }
    #expect(error?.message.contains("libjs-katex") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func replacesItsOwnSiteButNoOtherFolder() throws {
    let folder = try temporaryFolder("replace")
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("out")
    _ = try renderSite(fixtureCourse(), courseTitle: "Descent", to: output.path)
    _ = try renderSite(Array(fixtureCourse().prefix(1)), courseTitle: "Descent", to: output.path)
    // The second render replaced the first: the lesson it no longer has is gone.
    #expect(
      !FileManager.default.fileExists(
        atPath: output.appendingPathComponent("02-momentum.html").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out"])

    let foreign = folder.appendingPathComponent("notes")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: foreign.appendingPathComponent("todo.txt"))
    #expect(throws: SiteError.self) {
      try renderSite(fixtureCourse(), courseTitle: "Descent", to: foreign.path)
    }
    #expect(try read(foreign, "todo.txt") == "mine")
  }

  @Test func twoLessonsWithOnePageNameAreAnError() throws {
    let folder = try temporaryFolder("clash")
    defer { try? FileManager.default.removeItem(at: folder) }
    let pages = [
      fixturePage("# A\n", path: "Lessons/a.md"), fixturePage("# B\n", path: "Other/a.md"),
    ]
    let error = #expect(throws: SiteError.self) {
      try renderSite(pages, courseTitle: "Descent", to: folder.path + "/out")
    }
    #expect(error?.message.contains("Lessons/a.md") == true)
    #expect(error?.message.contains("Other/a.md") == true)
  }

  @Test func stylesheetHasDarkAndPrintRules() {
    #expect(siteStylesheet.contains("@media (prefers-color-scheme: dark)"))
    #expect(siteStylesheet.contains("@media print"))
    #expect(mathScript.contains("renderMathInElement"))
  }

  @Test func failedLessonsAreReportedAndStillRendered() throws {
    let folder = try temporaryFolder("failed")
    defer { try? FileManager.default.removeItem(at: folder) }
    var pages = fixtureCourse()
    pages[1].run?.failure = LessonFailure(snippetIndex: 0, line: 13, message: "Crashed: SIGILL")
    let report = try renderSite(pages, courseTitle: "Descent", to: folder.path + "/out")
    #expect(report.failedLessons == ["Lessons/02-momentum.md"])
    let page = try read(folder, "out/02-momentum.html")
    #expect(page.contains("<pre>Crashed: SIGILL</pre>"))
    #expect(try read(folder, "out/index.html").contains("Did not run to its end (line 13)."))
  }

  @Test func pageFromAFile() throws {
    let folder = try temporaryFolder("file")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("03-file.md").path
    let source = "# From a file\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n"
    try Data(source.utf8).write(to: URL(fileURLWithPath: path))
    let page = try SitePage(contentsOfFile: path)
    #expect(page.source == source)
    #expect(page.lesson.path == path)
    #expect(page.lesson.title == "From a file")
    #expect(page.lesson.snippets.first?.output?.content == "1\n")
    #expect(page.fileName == "03-file.html")
    #expect(throws: (any Error).self) {
      try SitePage(contentsOfFile: folder.appendingPathComponent("missing.md").path)
    }
  }
}
