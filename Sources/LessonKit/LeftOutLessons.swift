// Lessons that do not compile are left out of the lessons program, so that the others still
// build, run and are checked. `lessons` decides which (RunnerBuild+LeftOut.swift); this file
// keeps the decision between runs:
//
//   .build/lessons/codegen/TARGET.left-out   the list lesson-codegen reads: one path a line
//                                            (an input of the LessonCodegen plugin's command)
//   .build/lessons/left-out.json              why each was left out: its compile failure, and
//                                            the hash of the lesson and library it was for

import Foundation

/// The lessons left out of the lessons program because they did not compile, each with its
/// compile failure and the ``RunCache/contentHash(of:libraryHash:)`` of the lesson it was
/// found for (a lesson or library edit makes the record stale, and the lesson is tried again).
struct LeftOutLessons: Codable, Equatable, Sendable {
  /// One left-out lesson.
  struct Entry: Codable, Equatable, Sendable {
    /// The lesson's content hash (snippets and library) when it failed to compile.
    var hash: String
    /// The failure to report, at the compiler's first error in the lesson.
    var failure: LessonFailure
  }

  /// The left-out lessons, by path.
  var entries: [String: Entry] = [:]

  /// The record file: `.build/lessons/left-out.json`.
  static func recordFile(packageDirectory: URL) -> URL {
    packageDirectory.appending(path: ".build/lessons/left-out.json")
  }

  /// The list `lesson-codegen` reads for `target`: `.build/lessons/codegen/TARGET.left-out`
  /// (the LessonCodegen plugin names the same file).
  static func listFile(packageDirectory: URL, target: String = "lesson-runner") -> URL {
    packageDirectory.appending(path: ".build/lessons/codegen/\(target).left-out")
  }

  /// The records kept in the package, or none.
  static func load(packageDirectory: URL) -> LeftOutLessons {
    guard let data = try? Data(contentsOf: recordFile(packageDirectory: packageDirectory)),
      let records = try? JSONDecoder().decode(LeftOutLessons.self, from: data)
    else { return LeftOutLessons() }
    return records
  }

  /// Writes the records (keys sorted); a failure only costs a rebuild next time.
  func save(packageDirectory: URL) {
    let file = Self.recordFile(packageDirectory: packageDirectory)
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if let data = try? encoder.encode(self) { try? data.write(to: file, options: .atomic) }
  }

  /// The records that still hold: those whose lesson is in `hashes` with the same hash.
  ///
  /// - Parameter hashes: The content hash of each lesson of the course today, by path.
  func stillHolding(_ hashes: [String: String]) -> LeftOutLessons {
    LeftOutLessons(entries: entries.filter { hashes[$0.key] == $0.value.hash })
  }

  /// Writes the list `lesson-codegen` reads (the paths, sorted, one a line) unless it already
  /// says exactly that, so that an unchanged list does not make SwiftPM regenerate the lessons.
  ///
  /// - Parameter packageDirectory: The package root.
  /// - Returns: Whether the list changed.
  @discardableResult
  func writeList(packageDirectory: URL) throws -> Bool {
    let file = Self.listFile(packageDirectory: packageDirectory)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let text = entries.keys.sorted().map { $0 + "\n" }.joined()
    return try writeIfChanged(text, toFile: file.path)
  }
}
