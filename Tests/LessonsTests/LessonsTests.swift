// Every lesson of Lessons/ as a test: `swift test` runs each through the built `lesson-runner`
// (this target depends on it, so it is built first) and fails, at the lesson's Markdown line,
// when the lesson does not compile, crashes, times out, or prints something other than its
// recorded output.

import Foundation
import LessonKit
import Testing

/// The package root: three levels above this file (Tests/LessonsTests/LessonsTests.swift).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `Lessons/*.md`, sorted, relative to the package root.
func lessonPaths() -> [String] {
  let names =
    (try? FileManager.default.contentsOfDirectory(
      atPath: packageRoot.appending(path: "Lessons").path)) ?? []
  return names.filter { $0.hasSuffix(".md") }.sorted().map { "Lessons/" + $0 }
}

/// The `lesson-runner` built next to this test program.
func builtRunner() -> URL {
  let executable =
    Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  return executable.deletingLastPathComponent().appending(path: "lesson-runner")
}

@Test("Every lesson runs and prints its recorded outputs", arguments: lessonPaths())
func lessonPasses(path: String) async throws {
  let text = try String(contentsOf: packageRoot.appending(path: path), encoding: .utf8)
  let lesson = try Lesson(parsing: text, path: path)
  guard LessonRunner.lessonsCompiled(into: builtRunner()).contains(path) else {
    // SwiftPM keeps its build plan until a manifest or a target's files change, so a lesson
    // just added is not compiled yet.
    Issue.record(
      Comment(
        rawValue:
          "\(path) is not compiled into lesson-runner yet (SwiftPM has not seen the new lesson): "
          + "run `swift run lessons verify` once, or touch Package.swift, then test again"),
      sourceLocation: SourceLocation(fileID: path, filePath: path, line: 1, column: 1))
    return
  }
  let options = LessonRunOptions(
    packageDirectory: packageRoot, timeout: 300, runnerExecutable: builtRunner())
  let run = try #require(try await LessonRunner.run(lessons: [lesson], options: options).first)
  let verdict = checkLesson(lesson, against: run)
  if !verdict.passed {
    let line = run.failure?.line ?? verdict.mismatches.first?.line ?? 1
    Issue.record(
      Comment(rawValue: failureReport(for: verdict)),
      sourceLocation: SourceLocation(fileID: path, filePath: path, line: line, column: 1))
  }
}
