// End-to-end tests of the build that `lessons` runs: a small course package of its own, built
// with `swift build` through the LessonCodegen plugin exactly as Lessons/ is, so that what the
// build does to the generated files and with a lesson that does not compile is observed, not
// assumed. The package's library folders are symbolic links to this package's (LessonKit for
// the generator, LessonSupport, LessonRunnerSupport and CLessonGuard for the lessons), and it
// lives in .build/lessons-e2e/course, so its build (about two minutes on 2 cores the first
// time) is reused by later test runs.

import Foundation
import LessonKit
import Testing

/// The small course package: three lessons, a.md, b.md and c.md, each printing one line.
enum MiniCourse {
  static let root = packageRoot.appending(path: ".build/lessons-e2e/course")

  /// The lesson NAME as it passes: prints "NAME 42" and records it.
  static func passing(_ name: String) -> String {
    "# Lesson \(name)\n\n```swift\nlet x = 2\nprint(\"\(name)\", x * 21)\n```\n\n```output\n\(name) 42\n```\n"
  }

  /// Creates the package if needed and puts the three passing lessons in place (files already
  /// holding that text are left alone, so nothing is rebuilt for them).
  static func prepare() throws {
    let manager = FileManager.default
    for folder in ["Sources", "Plugins", "Tools/lesson-runner", "Lessons"] {
      try manager.createDirectory(
        at: root.appending(path: folder), withIntermediateDirectories: true)
    }
    let links = [
      "Sources/CCmark", "Sources/LessonKit", "Sources/LessonResultsFormat", "Sources/LessonSupport",
      "Sources/Figures", "Sources/LessonRunnerSupport", "Sources/CLessonGuard",
      "Plugins/LessonCodegen",
      "Tools/lesson-codegen",
    ]
    for link in links
    where
      (try? manager.destinationOfSymbolicLink(
        atPath: root.appending(path: link).path)) == nil
    {
      try manager.createSymbolicLink(
        at: root.appending(path: link), withDestinationURL: packageRoot.appending(path: link))
    }
    try writeIfChanged(manifest, toFile: root.appending(path: "Package.swift").path)
    try writeIfChanged(
      """
      import LessonRunnerSupport

      runLessonProgram(
        arguments: Array(CommandLine.arguments.dropFirst()), paths: generatedLessonPaths(),
        lesson: generatedLesson(atPath: ))

      """, toFile: root.appending(path: "Tools/lesson-runner/main.swift").path)
    for name in try manager.contentsOfDirectory(atPath: root.appending(path: "Lessons").path)
    where !["a.md", "b.md", "c.md"].contains(name) {
      try manager.removeItem(at: root.appending(path: "Lessons/" + name))
    }
    for name in ["a", "b", "c"] { try write(passing(name), lesson: name) }
  }

  static func write(_ text: String, lesson name: String) throws {
    try writeIfChanged(text, toFile: root.appending(path: "Lessons/\(name).md").path)
  }

  /// Runs `lessons ARGUMENTS --package-path ROOT` (it builds the package when it must).
  static func lessons(_ arguments: [String]) throws -> (
    status: Int32, output: String, error: String
  ) {
    let tool = builtRunner().deletingLastPathComponent().appending(path: "lessons")
    // These tests are about the build and the outputs: the prose check is left out.
    let noProse = arguments.first == "verify" ? ["--no-prose"] : []
    return try runProgram(tool, arguments + ["--package-path", root.path] + noProse, in: root)
  }

  /// The generated Swift files and their modification times, by file name.
  static func generatedFiles() throws -> [String: Date] {
    let outputs = root.appending(path: ".build/plugins/outputs")
    var dates: [String: Date] = [:]
    for package in try FileManager.default.contentsOfDirectory(atPath: outputs.path) {
      let folder = outputs.appending(path: "\(package)/lesson-runner/destination/LessonCodegen")
      guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
      while let relative = walker.nextObject() as? String {
        guard relative.hasSuffix(".swift") else { continue }
        let attributes = try FileManager.default.attributesOfItem(
          atPath: folder.appending(path: relative).path)
        dates[(relative as NSString).lastPathComponent] = attributes[.modificationDate] as? Date
      }
    }
    return dates
  }

  static let manifest = """
    // swift-tools-version: 6.0
    // A course of three lessons for the end-to-end tests of Descent's `lessons` (written by
    // Tests/LessonsTests/BuildEndToEndTests.swift; its folders link to Descent's).
    import PackageDescription

    let package = Package(
      name: "MiniCourse",
      targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark"),
        .target(name: "LessonResultsFormat"),
        .target(
          name: "LessonKit", dependencies: ["CCmark", "LessonResultsFormat"],
          resources: [.copy("Resources")]),
        .executableTarget(
          name: "lesson-codegen", dependencies: ["LessonKit"], path: "Tools/lesson-codegen"),
        .plugin(
          name: "LessonCodegen", capability: .buildTool(), dependencies: ["lesson-codegen"],
          path: "Plugins/LessonCodegen"),
        .target(name: "Figures"),
        .target(name: "LessonSupport", dependencies: ["Figures", "LessonResultsFormat"]),
        .target(name: "CLessonGuard"),
        .target(
          name: "LessonRunnerSupport",
          dependencies: ["LessonSupport", "LessonResultsFormat", "CLessonGuard"],
          swiftSettings: [.swiftLanguageMode(.v5)]),
        .executableTarget(
          name: "lesson-runner", dependencies: ["LessonSupport", "LessonRunnerSupport"],
          path: "Tools/lesson-runner", swiftSettings: [.swiftLanguageMode(.v5)],
          plugins: [.plugin(name: "LessonCodegen")]),
      ]
    )

    """
}

@Suite("lessons builds the lessons program", .serialized)
struct BuildEndToEndTests {
  @Test("Editing one lesson rewrites only its generated file; the others keep their dates")
  func editRewritesOneFile() throws {
    try MiniCourse.prepare()
    let first = try MiniCourse.lessons(["verify"])
    #expect(first.status == 0, "stdout:\n\(first.output)\nstderr:\n\(first.error)")
    #expect(first.output.hasSuffix("3 passed, 0 failed\n"))
    let before = try MiniCourse.generatedFiles()
    #expect(
      Set(before.keys) == [
        "GeneratedLessons.swift", "GeneratedLesson-a.swift", "GeneratedLesson-b.swift",
        "GeneratedLesson-c.swift",
      ])
    try MiniCourse.write(
      MiniCourse.passing("b").replacingOccurrences(of: "x * 21", with: "21 * x"), lesson: "b")
    defer { try? MiniCourse.write(MiniCourse.passing("b"), lesson: "b") }
    let second = try MiniCourse.lessons(["verify"])
    #expect(second.status == 0, "stdout:\n\(second.output)\nstderr:\n\(second.error)")
    #expect(second.output.contains("Lessons/b.md: 1 snippet, "))
    #expect(second.output.contains("  ran because: snippet 1 (line 4) is changed\n"))
    #expect(second.output.contains("Lessons/a.md: 1 snippet, cached, ok"))
    let after = try MiniCourse.generatedFiles()
    #expect(after["GeneratedLesson-b.swift"]! > before["GeneratedLesson-b.swift"]!)
    for name in ["GeneratedLessons.swift", "GeneratedLesson-a.swift", "GeneratedLesson-c.swift"] {
      #expect(after[name] == before[name], "\(name) was rewritten")
    }
  }

  @Test("A compile error in one of three lessons leaves the other two passing, at its line")
  func compileErrorIsolated() throws {
    try MiniCourse.prepare()
    defer { try? MiniCourse.write(MiniCourse.passing("b"), lesson: "b") }
    // A second snippet whose code is line 13 of b.md; the undefined name is at column 7.
    try MiniCourse.write(
      MiniCourse.passing("b") + "\n```swift\nprint(notDefined)\n```\n", lesson: "b")
    let broken = try MiniCourse.lessons(["verify", "--no-cache"])
    #expect(broken.status == 1, "stdout:\n\(broken.output)\nstderr:\n\(broken.error)")
    #expect(broken.output.contains("Lessons/a.md: 1 snippet, ") && broken.output.contains(", ok\n"))
    #expect(
      broken.output.contains(
        "Lessons/b.md:13: error: lesson does not compile: "
          + "Lessons/b.md:13:7: error: cannot find 'notDefined' in scope\n"))
    #expect(broken.output.contains("Lessons/b.md: 2 snippets, not built, FAILED"))
    #expect(broken.output.hasSuffix("2 passed, 1 failed\n"))
    #expect(
      broken.error.contains(
        "lessons: Lessons/b.md does not compile; building the lessons program without it"))
    for name in ["a", "c"] {
      #expect(
        broken.output.split(separator: "\n").contains {
          $0.hasPrefix("Lessons/\(name).md: 1 snippet, ") && $0.hasSuffix(" s, ok")
        }, "\(name) did not run and pass")
    }

    // render shows the error on b's page, at the snippet; a's page shows none.
    let site = FileManager.default.temporaryDirectory.appending(path: "mini-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: site) }
    let render = try MiniCourse.lessons(["render", "--output", site.path])
    #expect(render.status == 1)
    let page = try String(contentsOf: site.appending(path: "b.html"), encoding: .utf8)
    #expect(
      page.contains("<strong>This lesson does not compile.</strong> <code>Lessons/b.md:13</code>"))
    #expect(page.contains("cannot find &#39;notDefined&#39; in scope"))
    let other = try String(contentsOf: site.appending(path: "a.html"), encoding: .utf8)
    #expect(!other.contains("class=\"failure\"") && other.contains("a 42"))

    // An unbalanced brace ends the lesson's function early: still blamed on b alone.
    try MiniCourse.write(
      MiniCourse.passing("b") + "\n```swift\nprint(1) }\n```\n", lesson: "b")
    let brace = try MiniCourse.lessons(["verify"])
    #expect(brace.status == 1, "stdout:\n\(brace.output)\nstderr:\n\(brace.error)")
    #expect(brace.output.contains("Lessons/b.md: 2 snippets, not built, FAILED"))
    // The brace closes the function, so what follows it, at the snippet's closing fence
    // (line 14), is at the top level: errors there, named in b.md.
    #expect(
      brace.output.contains(
        "Lessons/b.md:14: error: lesson does not compile: "
          + "Lessons/b.md:14:1: error: expressions are not allowed at the top level\n"))
    #expect(brace.output.contains("Lessons/b.md:14:1: error: extraneous '}' at top level\n"))
    #expect(brace.output.hasSuffix("2 passed, 1 failed\n"))

    // Fixed: b is built and runs again.
    try MiniCourse.write(MiniCourse.passing("b"), lesson: "b")
    let fixed = try MiniCourse.lessons(["verify"])
    #expect(fixed.status == 0, "stdout:\n\(fixed.output)\nstderr:\n\(fixed.error)")
    #expect(fixed.output.hasSuffix("3 passed, 0 failed\n"))
  }
}
