import Foundation
import Testing

@testable import LessonKit

@Suite("Which files are lessons, and loading them")
struct LessonCatalogTests {
  /// A temporary package with the given files (path → contents).
  func package(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appending(
      path: "lesson-catalog-\(UUID().uuidString)")
    for (path, text) in files {
      let file = root.appending(path: path)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
    }
    return root
  }

  @Test("Lessons are the .md files of the folder, sorted by name, relative to the package")
  func lessonPaths() throws {
    let root = try package([
      "Lessons/10-late.md": "# Late\n", "Lessons/02-early.md": "# Early\n",
      "Lessons/notes.txt": "not a lesson", "Lessons/draft.md.bak": "not a lesson",
      "Other/x.md": "# Elsewhere\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(
      try LessonCatalog.lessonPaths(packageDirectory: root)
        == ["Lessons/02-early.md", "Lessons/10-late.md"])
    #expect(
      try LessonCatalog.lessonPaths(inFolder: "Other", packageDirectory: root) == ["Other/x.md"])
    #expect(throws: FileError.self) {
      try LessonCatalog.lessonPaths(inFolder: "Missing", packageDirectory: root)
    }
  }

  @Test("relativePath: inside the package relative, outside absolute (the doc example)")
  func relativePaths() {
    let root = URL(fileURLWithPath: "/work/Descent")
    #expect(
      LessonCatalog.relativePath(of: "/work/Descent/Lessons/a.md", packageDirectory: root)
        == "Lessons/a.md")
    #expect(
      LessonCatalog.relativePath(
        of: "/work/Descent/Lessons/../Lessons/b.md", packageDirectory: root)
        == "Lessons/b.md")
    #expect(
      LessonCatalog.relativePath(of: "/elsewhere/c.md", packageDirectory: root) == "/elsewhere/c.md"
    )
    #expect(
      LessonCatalog.relativePath(of: "/work/DescentOther/d.md", packageDirectory: root)
        == "/work/DescentOther/d.md")
  }

  @Test("load: good lessons in order; every problem at its file and line; bad lessons left out")
  func load() throws {
    let root = try package([
      "Lessons/a.md": "# A\n\n```swift\nprint(1)\n```\n",
      "Lessons/b.md": "# B\n\n```swift hiden\nprint(2)\n```\n",
      "Lessons/c.md": "# C\n\n```swift\nimport Foundation\nprint(3)\n```\n",
      "Lessons/d.md": "# D\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    try Data([0x23, 0x20, 0xFF, 0x0A]).write(to: root.appending(path: "Lessons/e.md"))
    let paths = try LessonCatalog.lessonPaths(packageDirectory: root) + ["Lessons/missing.md"]
    let loaded = LessonCatalog.load(paths, packageDirectory: root)
    #expect(loaded.lessons.map(\.lesson.path) == ["Lessons/a.md", "Lessons/d.md"])
    #expect(loaded.lessons.first?.source == "# A\n\n```swift\nprint(1)\n```\n")
    #expect(
      loaded.problems.map(\.path) == [
        "Lessons/b.md", "Lessons/c.md", "Lessons/e.md", "Lessons/missing.md",
      ])
    #expect(loaded.problems.map(\.line) == [3, 4, 1, 1])
    #expect(loaded.problems[0].message.contains("unknown snippet attribute 'hiden'"))
    #expect(loaded.problems[1].message.hasPrefix("an import cannot appear in a snippet"))
    #expect(loaded.problems[2].message.contains("not valid UTF-8"))
    #expect(loaded.problems[3].message.contains("cannot open"))
  }
}
