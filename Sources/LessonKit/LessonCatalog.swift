// Which files are lessons, and loading them: the one place that decides, for `lessons`,
// `lesson-codegen`, the runner's staleness check, the tests and the benchmarks.
//
// The LessonCodegen plugin cannot import LessonKit (a plugin sees only PackagePlugin), so it
// repeats the rule of `isLessonFileName` in one line; LessonsTests checks that the fixtures'
// runner holds exactly the lessons `lessonPaths(inFolder:packageDirectory:)` lists.

import Foundation

/// A lesson read from its file: the parsed lesson and the file's exact text.
public struct LoadedLesson: Sendable, Equatable {
  /// The lesson, parsed from ``source``; its `path` is relative to the package root.
  public var lesson: Lesson
  /// The file's text, exactly as read (its line numbers are the lesson's).
  public var source: String

  /// Creates a loaded lesson.
  ///
  /// - Parameters:
  ///   - lesson: The lesson, parsed from `source`.
  ///   - source: The file's text.
  public init(lesson: Lesson, source: String) {
    self.lesson = lesson
    self.source = source
  }
}

/// Which files of a package are lessons, and reading them.
///
///     let root = URL(fileURLWithPath: ".")
///     let paths = try LessonCatalog.lessonPaths(packageDirectory: root)
///     // ["Lessons/00-getting-started.md", "Lessons/01-diagnosis.md", …]
///     let loaded = LessonCatalog.load(paths, packageDirectory: root)
///     for problem in loaded.problems { print(problem) }  // path:line: error: …
public enum LessonCatalog {
  /// The folder of the course, relative to the package root: `Lessons`.
  public static let courseFolder = "Lessons"

  /// Whether a file is a lesson: its name ends in `.md`.
  ///
  /// The LessonCodegen plugin applies the same rule to the same folder (it cannot import
  /// LessonKit); change both together.
  ///
  /// - Parameter fileName: A file name (or path).
  public static func isLessonFileName(_ fileName: String) -> Bool {
    fileName.hasSuffix(".md")
  }

  /// The lessons of a folder, as paths relative to the package root, sorted by file name
  /// (the order of the course, and the order they are compiled in).
  ///
  /// - Parameters:
  ///   - folder: The folder relative to `packageDirectory` (default `Lessons`).
  ///   - packageDirectory: The package root.
  /// - Returns: For example `["Lessons/00-getting-started.md", "Lessons/01-diagnosis.md"]`.
  /// - Throws: `FileError` when the folder cannot be listed.
  public static func lessonPaths(
    inFolder folder: String = courseFolder, packageDirectory: URL
  ) throws(FileError) -> [String] {
    let directory = packageDirectory.appending(path: folder)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw FileError(
        path: directory.path,
        message: "cannot list the lessons: no such folder, or it cannot be read")
    }
    return names.filter(isLessonFileName).sorted().map { folder + "/" + $0 }
  }

  /// `path` relative to `packageDirectory` when it lies inside it, else `path` standardized
  /// (absolute paths stay absolute).
  ///
  ///     LessonCatalog.relativePath(of: "/work/Descent/Lessons/a.md",
  ///                                packageDirectory: URL(fileURLWithPath: "/work/Descent"))
  ///     // "Lessons/a.md"
  ///
  /// - Parameters:
  ///   - path: A file path, absolute or relative to the current folder.
  ///   - packageDirectory: The package root.
  public static func relativePath(of path: String, packageDirectory: URL) -> String {
    let root = packageDirectory.standardizedFileURL.path
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
  }

  /// Reads, parses and checks lessons: each file must be UTF-8, a valid lesson
  /// (`Lesson(parsing:path:)`), and free of what a snippet cannot hold
  /// (`lessonCodeLimitations(in:)`).
  ///
  /// - Parameters:
  ///   - paths: Lesson paths relative to `packageDirectory` (absolute paths work too); they
  ///     become the lessons' `path`s.
  ///   - packageDirectory: The package root.
  /// - Returns: The lessons without problems, in the order of `paths`, and every problem
  ///   found, each printable as `path:line: error: message`. A lesson with problems is left
  ///   out of `lessons`.
  /// - Complexity: O(total size of the files).
  public static func load(_ paths: [String], packageDirectory: URL) -> (
    lessons: [LoadedLesson], problems: [LessonError]
  ) {
    var lessons: [LoadedLesson] = []
    var problems: [LessonError] = []
    for path in paths {
      let file = path.hasPrefix("/") ? path : packageDirectory.appending(path: path).path
      do {
        let source = try readTextFile(atPath: file)
        let lesson = try Lesson(parsing: source, path: path)
        let limitations = lessonCodeLimitations(in: lesson)
        if limitations.isEmpty {
          lessons.append(LoadedLesson(lesson: lesson, source: source))
        } else {
          problems += limitations
        }
      } catch let error as LessonError {
        problems.append(error)
      } catch let error as FileError {
        problems.append(LessonError(path: path, line: 1, message: error.message))
      } catch {
        problems.append(LessonError(path: path, line: 1, message: "\(error)"))
      }
    }
    return (lessons, problems)
  }
}
