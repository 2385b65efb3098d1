// Options shared by the subcommands: which lessons, where the package is, and reading them.

import ArgumentParser
import Foundation
import LessonKit

/// The lessons a command works on, and the package they belong to.
struct LessonSelection: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Lesson files (default: every Lessons/*.md, sorted); a translation "
        + "(Lessons/zh/NAME.md) selects its lesson, with its translations.",
      valueName: "path"))
  var paths: [String] = []

  @Option(
    name: .customLong("package-path"),
    help: ArgumentHelp("The package root.", valueName: "dir"))
  var packagePath: String = "."

  /// The package root as an absolute URL.
  var packageDirectory: URL {
    URL(fileURLWithPath: packagePath).standardizedFileURL
  }

  /// The lesson paths relative to the package root (as the runner names them): the given
  /// files, or every lesson of `Lessons/` (`LessonCatalog`), sorted.
  func lessonPaths() throws -> [String] {
    let root = packageDirectory.path
    if paths.isEmpty {
      do {
        return try LessonCatalog.lessonPaths(packageDirectory: packageDirectory)
      } catch {
        throw ValidationError(
          "no Lessons/ folder in \(root); run from the package root or pass --package-path")
      }
    }
    return try paths.map { path in
      guard
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).standardizedFileURL.path)
      else {
        throw ValidationError("\(path): no such lesson file")
      }
      var relative = LessonCatalog.relativePath(of: path, packageDirectory: packageDirectory)
      if let (source, _) = LessonCatalog.translationSource(of: relative) {
        guard
          FileManager.default.fileExists(atPath: packageDirectory.appending(path: source).path)
        else {
          throw ValidationError(
            "\(path) is a translation of \(source), which does not exist; a translation is "
              + "named after its English lesson")
        }
        relative = source
      }
      guard !relative.hasPrefix("/"), LessonCatalog.isLessonFileName(relative) else {
        throw ValidationError(
          "\(path) is not a lesson of \(root): lessons are its Lessons/*.md files "
            + "(only those are compiled); pass --package-path for another package")
      }
      return relative
    }.reduce(into: [String]()) { unique, path in
      if !unique.contains(path) { unique.append(path) }
    }
  }

  /// The translations of `lessons` (`Lessons/zh/NAME.md` for `Lessons/NAME.md`), read; prints
  /// every `path:line: error:` of those that do not read (and, when the whole course is
  /// selected, of translations without an English lesson) and returns how many there were.
  func readTranslations(of lessons: [(lesson: Lesson, source: String)]) -> (
    translations: [LessonTranslation], problems: Int
  ) {
    let loaded = LessonCatalog.loadTranslations(
      of: lessons.map(\.lesson.path), packageDirectory: packageDirectory)
    var problems = loaded.problems
    if paths.isEmpty {
      problems += LessonCatalog.orphanedTranslations(packageDirectory: packageDirectory)
    }
    for problem in problems { printError("\(problem)") }
    return (loaded.translations, problems.count)
  }

  /// Reads the selected lessons; prints every `path:line: error:` and throws when any is bad.
  func readLessons() throws -> [Lesson] {
    try readLessonsWithSources().map(\.lesson)
  }

  /// Reads the selected lessons with their exact text (bytes decoded as UTF-8); prints every
  /// `path:line: error:` and throws when any is bad.
  func readLessonsWithSources() throws -> [(lesson: Lesson, source: String)] {
    let loaded = LessonCatalog.load(try lessonPaths(), packageDirectory: packageDirectory)
    for problem in loaded.problems { printError("\(problem)") }
    if !loaded.problems.isEmpty { throw ExitCode(1) }
    return loaded.lessons.map { ($0.lesson, $0.source) }
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
  var jobs: Int = LessonRunOptions.processorCount

  @Flag(help: "Run every lesson, even those whose cached run is fresh.")
  var noCache = false

  @Option(
    help: ArgumentHelp(
      "A lessons program already built (it must hold the selected lessons); skips the build.",
      valueName: "path"))
  var runner: String?

  @Flag(help: "Build the lessons program optimized (-c release): slower to build, faster to run.")
  var release = false

  @Option(
    help: ArgumentHelp(
      "Seconds the answer of a checked exercise, and each of its checks, may run.",
      valueName: "seconds"))
  var exerciseTimeout: Double = 30

  @Option(
    help: ArgumentHelp(
      "The most one snippet may print (and write to standard error, or as a figure): bytes, "
        + "or with a unit (512KiB, 2MiB). A lesson that prints more is stopped there.",
      valueName: "size"))
  var maxOutput: String = "1MiB"

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be positive, got \(timeout)") }
    guard exerciseTimeout > 0 else {
      throw ValidationError("--exercise-timeout must be positive, got \(exerciseTimeout)")
    }
    guard jobs > 0 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    guard parseByteCount(maxOutput) != nil else {
      throw ValidationError(
        "--max-output must be a positive size such as 1048576, 512KiB or 2MiB, got '\(maxOutput)'"
      )
    }
  }

  /// LessonKit's options for this command line.
  func runOptions(
    packageDirectory: URL, onFinish: (@Sendable (LessonRun, Bool) -> Void)? = nil
  ) -> LessonRunOptions {
    var options = LessonRunOptions(
      packageDirectory: packageDirectory, timeout: timeout, jobs: jobs, useCache: !noCache,
      runnerExecutable: runner.map { URL(fileURLWithPath: $0).standardizedFileURL },
      onFinish: onFinish, configuration: release ? .release : .debug)
    options.exerciseTimeout = exerciseTimeout
    options.maxOutput = parseByteCount(maxOutput) ?? LessonRunOptions.defaultMaxOutput
    return options
  }
}

/// Writes a line to standard error.
func printError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
