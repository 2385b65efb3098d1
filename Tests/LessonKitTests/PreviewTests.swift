import Foundation
import Testing

@testable import LessonKit

@Suite("What the preview serves")
struct PreviewTests {
  /// A state whose site folder holds a page, a stylesheet and a file beside the folder.
  func state() throws -> (PreviewState, URL) {
    let root = try temporaryFolder("preview")
    let site = root.appending(path: "site")
    try FileManager.default.createDirectory(
      at: site.appending(path: "assets"), withIntermediateDirectories: true)
    try "<html><body><p>lesson</p></body></html>\n".write(
      to: site.appending(path: "01-a.html"), atomically: true, encoding: .utf8)
    try "<html><body>index</body></html>".write(
      to: site.appending(path: "index.html"), atomically: true, encoding: .utf8)
    try "p { color: red }".write(
      to: site.appending(path: "assets/site.css"), atomically: true, encoding: .utf8)
    try "TOP-SECRET-CONTENT".write(
      to: root.appending(path: "secret.txt"), atomically: true, encoding: .utf8)
    return (PreviewState(siteDirectory: site), root)
  }

  func text(_ response: PreviewResponse) -> String {
    String(decoding: response.body, as: UTF8.self)
  }

  @Test("Before the first rendering every page says it is coming, and reloads")
  func beforeFirstRendering() throws {
    let (state, root) = try state()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(state.version == 0)
    #expect(text(previewResponse(forPath: "/__preview/version", state: state)) == "0\n")
    let missing = previewResponse(forPath: "/02-b.html", state: state)
    #expect(missing.status == 200 && text(missing).contains("being verified and rendered"))
    #expect(text(missing).contains("data-version=\"0\""))
  }

  @Test("Pages get the live-reload script with their version; other files come as they are")
  func pages() throws {
    let (state, root) = try state()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(state.published(unreadable: [:]) == 1)
    #expect(text(previewResponse(forPath: "/__preview/version", state: state)) == "1\n")
    let page = previewResponse(forPath: "/01-a.html", state: state)
    #expect(page.status == 200 && page.contentType == "text/html; charset=utf-8")
    #expect(
      text(page)
        == "<html><body><p>lesson</p><script src=\"/__preview/live-reload.js\" data-version=\"1\">"
        + "</script>\n</body></html>\n")
    #expect(text(previewResponse(forPath: "/", state: state)).hasPrefix("<html><body>index"))
    let css = previewResponse(forPath: "/assets/site.css", state: state)
    #expect(css.contentType == "text/css; charset=utf-8" && text(css) == "p { color: red }")
    let script = previewResponse(forPath: "/__preview/live-reload.js", state: state)
    #expect(script.contentType.hasPrefix("text/javascript"))
    #expect(text(script).contains("/__preview/version") && text(script).contains("scrollTo"))
  }

  @Test("Paths that leave the site, or name nothing, get a 404 page")
  func notFound() throws {
    let (state, root) = try state()
    defer { try? FileManager.default.removeItem(at: root) }
    state.published(unreadable: [:])
    for path in ["/../secret.txt", "/assets/../../secret.txt", "/nothing.html", "/./01-a.html"] {
      let response = previewResponse(forPath: path, state: state)
      #expect(response.status == 404, "\(path)")
      #expect(!text(response).contains("TOP-SECRET-CONTENT"), "\(path)")
    }
  }

  @Test("A lesson that cannot be read gets a page with its errors")
  func unreadable() throws {
    let (state, root) = try state()
    defer { try? FileManager.default.removeItem(at: root) }
    let error = LessonError(path: "Lessons/02-b.md", line: 3, message: "unknown attribute <x>")
    state.published(unreadable: ["Lessons/02-b.md": [error]])
    let response = previewResponse(forPath: "/02-b.html", state: state)
    #expect(response.status == 200)
    #expect(text(response).contains("Lessons/02-b.md cannot be read"))
    #expect(text(response).contains("Lessons/02-b.md:3: error: unknown attribute &lt;x&gt;"))
  }

  @Test("The script goes before the last </body>, or at the end when there is none")
  func liveReload() {
    #expect(
      addingLiveReload(to: "<body></body>x</body>", version: 7)
        == "<body></body>x<script src=\"/__preview/live-reload.js\" data-version=\"7\"></script>\n"
        + "</body>")
    #expect(addingLiveReload(to: "plain", version: 2).hasPrefix("plain<script"))
  }

  @Test("Watched files: lessons, translations, library sources; a change, an addition, a removal")
  func watchedFiles() throws {
    let root = try temporaryFolder("watch")
    defer { try? FileManager.default.removeItem(at: root) }
    for folder in ["Lessons/zh", "Sources/A", "Docs"] {
      try FileManager.default.createDirectory(
        at: root.appending(path: folder), withIntermediateDirectories: true)
    }
    for (path, text) in [
      ("Lessons/01-a.md", "# A\n"), ("Lessons/notes.txt", "x"), ("Sources/A/A.swift", "let a = 1"),
      ("Docs/x.md", "x"), ("Package.swift", "// p"), ("Lessons/zh/01-a.md", "# 甲\n"),
      ("Lessons/zh/notes.md", "x"),
    ] {
      try text.write(to: root.appending(path: path), atomically: true, encoding: .utf8)
    }
    let before = WatchedFiles.snapshot(packageDirectory: root)
    // A translation is watched with its lesson; a file of zh/ that translates no lesson is not.
    #expect(
      Set(before.keys) == [
        "Lessons/01-a.md", "Lessons/zh/01-a.md", "Sources/A/A.swift", "Package.swift",
      ])
    try "# A, edited\n".write(
      to: root.appending(path: "Lessons/01-a.md"), atomically: true, encoding: .utf8)
    try "# B\n".write(
      to: root.appending(path: "Lessons/02-b.md"), atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: root.appending(path: "Sources/A/A.swift"))
    try "# 甲，改过\n".write(
      to: root.appending(path: "Lessons/zh/01-a.md"), atomically: true, encoding: .utf8)
    try "y".write(to: root.appending(path: "Docs/x.md"), atomically: true, encoding: .utf8)
    let after = WatchedFiles.snapshot(packageDirectory: root)
    #expect(
      WatchedFiles.changes(from: before, to: after) == [
        "Lessons/01-a.md", "Lessons/02-b.md", "Lessons/zh/01-a.md", "Sources/A/A.swift",
      ])
    #expect(WatchedFiles.changes(from: after, to: after).isEmpty)
  }
}
