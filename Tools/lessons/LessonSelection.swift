// Options shared by the subcommands: which lessons, where the package is, and reading them.

import ArgumentParser
import Foundation
import LessonKit

/// The lessons a command works on, and the package they belong to.
struct LessonSelection: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Lesson files (default: every Lessons/*.md, sorted).", valueName: "path"))
  var paths: [String] = []

  @Option(
    name: .customLong("package-path"),
    help: ArgumentHelp("The package root.", valueName: "dir"))
  var packagePath: String = "."

  /// The package root as an absolute URL.
  var packageDirectory: URL {
    URL(fileURLWithPath: packagePath).standardizedFileURL
  }

  /// The lesson paths relative to the package root (as the runner names them), sorted.
  func lessonPaths() throws -> [String] {
    let root = packageDirectory.path
    if paths.isEmpty {
      let folder = packageDirectory.appending(path: "Lessons")
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
        throw ValidationError(
          "no Lessons/ folder in \(root); run from the package root or pass --package-path")
      }
      return names.filter { $0.hasSuffix(".md") }.sorted().map { "Lessons/" + $0 }
    }
    return try paths.map { path in
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      guard FileManager.default.fileExists(atPath: absolute) else {
        throw ValidationError("\(path): no such lesson file")
      }
      let relative =
        absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
      guard !relative.hasPrefix("/"), relative.hasSuffix(".md") else {
        throw ValidationError(
          "\(path) is not a lesson of \(root): lessons are its Lessons/*.md files "
            + "(only those are compiled); pass --package-path for another package")
      }
      return relative
    }
  }

  /// Reads the selected lessons; prints every `path:line: error:` and throws when any is bad.
  func readLessons() throws -> [Lesson] {
    try readLessonsWithSources().map(\.lesson)
  }

  /// Reads the selected lessons with their exact text (bytes decoded as UTF-8).
  func readLessonsWithSources() throws -> [(lesson: Lesson, source: String)] {
    var lessons: [(lesson: Lesson, source: String)] = []
    var failed = false
    for path in try lessonPaths() {
      do {
        let data = try Data(contentsOf: packageDirectory.appending(path: path))
        guard let text = String(data: data, encoding: .utf8) else {
          throw ValidationError("\(path):1: error: the file is not UTF-8 text; save it as UTF-8")
        }
        let lesson = try Lesson(parsing: text, path: path)
        let problems = lessonCodeLimitations(in: lesson)
        for problem in problems { printError("\(problem)") }
        failed = failed || !problems.isEmpty
        lessons.append((lesson, text))
      } catch {
        printError("\(error)")
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
    return lessons
  }
}

/// The options that control running.
struct RunOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Seconds one lesson may run before it is stopped.", valueName: "seconds"))
  var timeout: Double = 60

  @Option(
    help: ArgumentHelp(
      "Lessons run at the same time.", valueName: "n"))
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Run every lesson, even those whose cached run is fresh.")
  var noCache = false

  @Option(
    help: ArgumentHelp(
      "A lessons program already built (it must hold the selected lessons); skips the build.",
      valueName: "path"))
  var runner: String?

  @Flag(help: "Build the lessons program optimized (-c release): slower to build, faster to run.")
  var release = false

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be positive, got \(timeout)") }
    guard jobs > 0 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
  }

  /// LessonKit's options for this command line.
  func runOptions(
    packageDirectory: URL, onFinish: (@Sendable (LessonRun, Bool) -> Void)? = nil
  ) -> LessonRunOptions {
    LessonRunOptions(
      packageDirectory: packageDirectory, timeout: timeout, jobs: jobs, useCache: !noCache,
      runnerExecutable: runner.map { URL(fileURLWithPath: $0).standardizedFileURL },
      onFinish: onFinish, configuration: release ? .release : .debug)
  }
}

/// Writes a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
