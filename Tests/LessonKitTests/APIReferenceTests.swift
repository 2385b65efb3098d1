import Foundation
import Testing

@testable import LessonKit

/// A DocC archive cut down from the one `lessons render --api-reference` builds (DocC of Swift
/// 6.3.1, `swift package generate-documentation` over the seven student modules): the render
/// JSON of the modules Optimizers and TensorCore, of `Adam` with its `learningRate`, of
/// `Lecture` with `Lecture.Adam`, and of `Matrix`, with topic groups and references to pages
/// that are not in the fixture left as DocC wrote them (they must render as plain code).
private let fixtureArchive = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appending(path: "Fixtures/DocCArchive").path

private func read(_ folder: URL, _ name: String) throws -> String {
  try String(contentsOf: folder.appending(path: name), encoding: .utf8)
}

@Suite("API reference: links from lessons, pages from DocC's output")
struct APIReferenceTests {
  // MARK: Which code spans are mentions

  @Test("Type names, qualified names, generic arguments and calls name a type; values do not")
  func typeNames() {
    #expect(APILinks.typeName(in: "Adam") == "Adam")
    #expect(APILinks.typeName(in: " Matrix<Double> ") == "Matrix")
    #expect(APILinks.typeName(in: "Lecture.Adam<Float>") == "Lecture.Adam")
    #expect(APILinks.typeName(in: "Dictionary<String, Array<Int>>") == "Dictionary")
    #expect(APILinks.typeName(in: "a + b") == nil)
    #expect(APILinks.typeName(in: "Adam()") == nil)
    #expect(APILinks.typeName(in: "Matrix<Double>.x<") == nil)
    #expect(APILinks.typeName(in: ".Adam") == nil)
    #expect(APILinks.typeName(in: "") == nil)
  }

  @Test("Only the first mention of a page is linked; unknown names never are")
  func firstMentionOnly() {
    var links = APILinks(pages: [
      "Adam": "api/optimizers/adam.html", "Lecture.Adam": "api/optimizers/lecture.adam.html",
      "LearningRateSchedule": "api/optimizers/learningrateschedule.html",
    ])
    #expect(links.firstMention(of: "Double") == nil)
    #expect(
      links.firstMention(of: "Adam<Double>(learningRate: 0.01)") == "api/optimizers/adam.html")
    #expect(links.firstMention(of: "Adam") == nil)
    #expect(links.firstMention(of: "Lecture.Adam") == "api/optimizers/lecture.adam.html")
    // A member of a documented type mentions the type; an expression on a value does not.
    #expect(
      links.firstMention(of: "LearningRateSchedule.exponentialDecay")
        == "api/optimizers/learningrateschedule.html")
    #expect(links.firstMention(of: "x.inputs") == nil)
    var none = APILinks.none
    #expect(none.firstMention(of: "Adam") == nil)
  }

  @Test("A lesson links its first prose mention of Adam, not the second, a heading or a snippet")
  func lessonLinksFirstMention() {
    let source = """
      # Using `Adam`

      The optimizer `Adam` keeps two moments; `Adam` again, and `Unknown` is not documented.

      ```swift
      var optimizer = try Adam<Double>(learningRate: 0.1)
      ```

      A [link around `Matrix`](https://example.com), then `Matrix` itself.
      """
    let links = APILinks(pages: [
      "Adam": "api/optimizers/adam.html", "Matrix": "api/tensorcore/matrix.html",
    ])
    let html = renderLesson(fixturePage(source), apiLinks: links).html
    let linked = "<a class=\"api-link\" href=\"api/optimizers/adam.html\"><code>Adam</code></a>"
    #expect(html.components(separatedBy: linked).count == 2, "Adam is linked exactly once")
    #expect(html.contains("optimizer " + linked + " keeps two moments; <code>Adam</code> again"))
    #expect(html.contains("Using <code>Adam</code>"))
    #expect(html.contains("<code>Unknown</code>"))
    #expect(!html.contains("api-link\" href=\"api/optimizers/adam.html\"><code>Adam&lt;"))
    // Inside a link the span is not linked again; the next mention outside is.
    #expect(html.contains("<a href=\"https://example.com\">link around <code>Matrix</code></a>"))
    #expect(
      html.contains(
        "then <a class=\"api-link\" href=\"api/tensorcore/matrix.html\"><code>Matrix</code></a>"))
    // Without a reference nothing is linked.
    #expect(!renderLesson(fixturePage(source)).html.contains("api-link"))
  }

  // MARK: Reading DocC's archive

  @Test("The fixture archive's modules, pages and the names lessons may link")
  func readsTheArchive() throws {
    let reference = try APIReference(archive: fixtureArchive)
    #expect(reference.moduleNames == ["Optimizers", "TensorCore"])
    #expect(reference.typeLinks["Adam"] == "api/optimizers/adam.html")
    #expect(reference.typeLinks["Optimizers.Adam"] == "api/optimizers/adam.html")
    #expect(reference.typeLinks["Lecture.Adam"] == "api/optimizers/lecture.adam.html")
    #expect(reference.typeLinks["Optimizers"] == "api/optimizers/index.html")
    #expect(reference.typeLinks["Matrix"] == "api/tensorcore/matrix.html")
    // A property is a section of its type's page, not a page or a link target of lessons.
    #expect(reference.typeLinks["learningRate"] == nil)
    #expect(
      reference.locations["/documentation/optimizers/adam/learningrate"]
        == "optimizers/adam.html#learningrate")
    // index, 2 modules, Adam, Lecture, Lecture.Adam, Matrix.
    #expect(reference.pageCount == 7)
  }

  @Test("A folder that is not an archive is an error that says how to build one")
  func notAnArchive() throws {
    let folder = try temporaryFolder("not-docc")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      _ = try APIReference(archive: folder.path)
      Issue.record("expected an error")
    } catch let error as SiteError {
      #expect("\(error)".contains("not a DocC archive (no data/documentation folder)"))
      #expect("\(error)".contains("lessons render --api-reference"))
    }
  }

  // MARK: The site with the reference

  @Test("The site holds the reference under api/, and lessons and index link to it")
  func siteWithReference() throws {
    let folder = try temporaryFolder("api-site")
    defer { try? FileManager.default.removeItem(at: folder) }
    let reference = try APIReference(archive: fixtureArchive)
    let lesson = """
      # Adam

      We step with `Adam`, then with `Adam` again and with `Lecture.Adam`.
      """
    let output = folder.appending(path: "site")
    let report = try renderSite(
      [fixturePage(lesson, path: "Lessons/04-adam.md")], courseTitle: "Descent",
      to: output.path, apiReference: reference)
    for file in [
      "api/index.html", "api/optimizers/index.html", "api/optimizers/adam.html",
      "api/optimizers/lecture.adam.html", "api/tensorcore/matrix.html", "assets/api.css",
    ] {
      #expect(report.files.contains(file), "\(file) is written")
    }
    let page = try read(output, "04-adam.html")
    #expect(
      page.contains(
        "with <a class=\"api-link\" href=\"api/optimizers/adam.html\"><code>Adam</code></a>, "
          + "then with <code>Adam</code> again"))
    #expect(page.contains("href=\"api/optimizers/lecture.adam.html\"><code>Lecture.Adam</code>"))
    #expect(try read(output, "index.html").contains("<a href=\"api/index.html\">API reference</a>"))

    let adam = try read(output, "api/optimizers/adam.html")
    #expect(adam.contains("<h1><code>Adam</code></h1>"))
    #expect(adam.contains("href=\"../../assets/site.css\""))
    #expect(adam.contains("<section class=\"api-member\" id=\"learningrate\">"))
    #expect(adam.contains("The learning rate η (PyTorch <code>lr</code>"))
    // The breadcrumb leads to the module's page; no page of the reference has a script.
    #expect(adam.contains("<a href=\"../optimizers/index.html\">Optimizers</a> ›"))
    for file in report.files where file.hasPrefix("api/") {
      let text = try read(output, file)
      #expect(!text.contains("<script"), "\(file) has no script")
      #expect(!text.contains("href=\"http"), "\(file) fetches nothing")
    }
    // A reference to a page the archive does not hold is plain code, not a broken link.
    let module = try read(output, "api/optimizers/index.html")
    #expect(module.contains("<code>RMSProp</code>"))
    #expect(!module.contains("rmsprop.html"))
  }

  @Test("A translated page links the same English reference from its folder (../api/)")
  func translatedPageLinksUp() throws {
    let folder = try temporaryFolder("api-zh")
    defer { try? FileManager.default.removeItem(at: folder) }
    let english = "# Adam\n\nWe step with `Adam`.\n"
    let chinese = "# Adam\n\n我们用 `Adam` 走一步。\n"
    let chinesePage = SitePage(
      lesson: fixtureLesson(chinese, path: "Lessons/zh/04-adam.md"), source: chinese,
      language: .chinese)
    let output = folder.appending(path: "site")
    _ = try renderSite(
      [fixturePage(english, path: "Lessons/04-adam.md")], courseTitle: "Descent",
      to: output.path, translations: [SiteTranslation(language: .chinese, pages: [chinesePage])],
      apiReference: try APIReference(archive: fixtureArchive))
    #expect(
      try read(output, "zh/04-adam.html").contains(
        "用 <a class=\"api-link\" href=\"../api/optimizers/adam.html\"><code>Adam</code></a>"))
    #expect(
      try read(output, "zh/index.html").contains(
        "<p class=\"api-reference\" lang=\"en\"><a href=\"../api/index.html\">"))
  }

  // MARK: Building

  @Test("DocC's capitalized first word is restored from the doc comment, English words kept")
  func restoresFirstWord() {
    let lines = ["Steps.", "- Parameters:", "  - learningRate: η ≥ 0.", "  - count: one pass."]
    #expect(restoringFirstWord(of: "Η ≥ 0.", label: "learningRate", in: lines) == "η ≥ 0.")
    #expect(restoringFirstWord(of: "One pass.", label: "count", in: lines) == "One pass.")
    #expect(restoringFirstWord(of: "X.", label: "other", in: lines) == "X.")
  }

  @Test("DocC's warnings are split from the rest of its output, source lines kept")
  func splitsWarnings() {
    let output = """
      Building for debugging...
      warning: 'x' doesn't exist at '/Optimizers/Adam'
       --> Sources/Optimizers/Adam.swift:3:5-3:8
      1 | /// See ``x``.
      Extracting symbol information for 'Optimizers'...
      warning: second
      Finished building documentation for 'Optimizers'
      """
    #expect(
      splitWarnings(output) == [
        "warning: 'x' doesn't exist at '/Optimizers/Adam'\n"
          + " --> Sources/Optimizers/Adam.swift:3:5-3:8\n1 | /// See ``x``.",
        "warning: second",
      ])
  }

  @Test("The build's key changes with a module's source and catalog, not with other modules")
  func inputsHash() throws {
    let package = try temporaryFolder("api-hash")
    defer { try? FileManager.default.removeItem(at: package) }
    let manager = FileManager.default
    for folder in ["Sources/A/A.docc", "Sources/B"] {
      try manager.createDirectory(
        at: package.appending(path: folder), withIntermediateDirectories: true)
    }
    func write(_ text: String, _ path: String) throws {
      try text.write(to: package.appending(path: path), atomically: true, encoding: .utf8)
    }
    try write("// package", "Package.swift")
    try write("public struct A {}", "Sources/A/A.swift")
    try write("# ``A``", "Sources/A/A.docc/A.md")
    try write("public struct B {}", "Sources/B/B.swift")
    let key = { APIReferenceBuild.inputsHash(packageDirectory: package, modules: ["A"]) }
    let first = key()
    #expect(first.count == 16)
    try write("public struct B { var b = 1 }", "Sources/B/B.swift")
    #expect(key() == first)
    try write("# ``A``\n\nMore.", "Sources/A/A.docc/A.md")
    let second = key()
    #expect(second != first)
    try write("public struct A { public init() {} }", "Sources/A/A.swift")
    #expect(key() != second)
  }

  @Test("docc is found through DOCC_EXEC, else beside swift on PATH; none is nil")
  func findsDocC() throws {
    let folder = try temporaryFolder("docc-exec")
    defer { try? FileManager.default.removeItem(at: folder) }
    let manager = FileManager.default
    for name in ["swift", "docc"] {
      let path = folder.appending(path: name).path
      #expect(manager.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8)))
      try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
    let docc = folder.appending(path: "docc").path
    #expect(APIReferenceBuild.doccExecutable(environment: ["PATH": folder.path]) == docc)
    #expect(
      APIReferenceBuild.doccExecutable(environment: ["DOCC_EXEC": docc, "PATH": "/nonexistent"])
        == docc)
    #expect(
      APIReferenceBuild.doccExecutable(environment: ["DOCC_EXEC": folder.path + "/none"]) == nil)
    let empty = try temporaryFolder("no-docc")
    defer { try? FileManager.default.removeItem(at: empty) }
    #expect(APIReferenceBuild.doccExecutable(environment: ["PATH": empty.path]) == nil)
  }
}
