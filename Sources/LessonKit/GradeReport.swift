// The report of grading a class: one row per student, lesson and checked exercise, written as
// CSV and JSON (each file replaced atomically) with a plain-text summary; shard reports merge
// into one.

import Foundation

/// One row of a grade report: how one student did on one checked exercise.
public struct GradeRow: Sendable, Equatable, Codable {
  /// The student: the name of their folder in the submissions.
  public var student: String
  /// The lesson's file name (`03-batch-and-momentum.md`), or `-` for a row about the whole
  /// submission.
  public var lesson: String
  /// The exercise's name (``Exercise/name``), or `-`.
  public var exercise: String
  /// The result.
  public var result: ExerciseResult
  /// What happened (lines of the student's copy; never a hidden check's code).
  public var message: String
  /// Notes on the copy: checks changed, removed or added.
  public var notes: [String]

  /// Creates a row.
  public init(
    student: String, lesson: String, exercise: String, result: ExerciseResult, message: String,
    notes: [String] = []
  ) {
    self.student = student
    self.lesson = lesson
    self.exercise = exercise
    self.result = result
    self.message = message
    self.notes = notes
  }
}

/// The report of `lessons grade`: every row, the lessons and students it covers, and which
/// shard of the class it is.
///
/// ```swift
/// try report.write(to: URL(fileURLWithPath: "grades"))
/// // grades/report.csv, grades/report.json, grades/summary.txt
/// let all = try GradeReport.merged([shard1, shard2])
/// ```
public struct GradeReport: Sendable, Equatable, Codable {
  /// The format's version (1).
  public var version = 1
  /// The shard this report covers (`"2/8"`), or `nil` for a whole class (or a merged one).
  public var shard: String?
  /// The lessons graded (their file names), in course order.
  public var lessons: [String]
  /// The students graded, sorted.
  public var students: [String]
  /// The rows, by student, lesson and exercise.
  public var rows: [GradeRow]

  /// Creates a report.
  public init(shard: String?, lessons: [String], students: [String], rows: [GradeRow]) {
    self.shard = shard
    self.lessons = lessons
    self.students = students
    self.rows = rows
  }

  /// The report as CSV (RFC 4180; a header line `student,lesson,exercise,result,message,notes`;
  /// notes joined with `; `). A field that a spreadsheet would take for a formula (it starts
  /// with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
  public var csv: String {
    var out = "student,lesson,exercise,result,message,notes\r\n"
    for row in rows {
      let fields = [
        row.student, row.lesson, row.exercise, row.result.rawValue, row.message,
        row.notes.joined(separator: "; "),
      ]
      out += fields.map(csvField).joined(separator: ",") + "\r\n"
    }
    return out
  }

  /// The report as JSON (keys sorted, indented).
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// Reads a report written by ``write(to:)`` (its `report.json`).
  ///
  /// - Parameter folder: The report's folder.
  /// - Throws: `FileError` when it cannot be read or is not a report.
  public init(readingFrom folder: URL) throws {
    let file = folder.appending(path: "report.json")
    guard let data = try? Data(contentsOf: file) else {
      throw FileError(path: file.path, message: "cannot read the report (no such file?)")
    }
    do {
      self = try JSONDecoder().decode(GradeReport.self, from: data)
    } catch {
      throw FileError(path: file.path, message: "not a grade report: \(error)")
    }
  }

  /// A summary for people: how many students, the count of each result per exercise, and the
  /// students whose copies changed checks.
  public var summary: String {
    var out =
      "Graded \(students.count) student\(students.count == 1 ? "" : "s")"
      + (shard.map { " (shard \($0) of the class)" } ?? "") + " on \(lessons.count) lesson"
      + (lessons.count == 1 ? "" : "s") + "\n"
    var exercises: [String] = []
    var counts: [String: [ExerciseResult: Int]] = [:]
    for row in rows {
      let key = row.lesson == "-" ? "(whole submission)" : "\(row.lesson) exercise \(row.exercise)"
      if counts[key] == nil { exercises.append(key) }
      counts[key, default: [:]][row.result, default: 0] += 1
    }
    let shown = ExerciseResult.allCases.filter { result in
      rows.contains { $0.result == result }
    }
    let width = max(10, exercises.map(\.count).max() ?? 0)
    out += "\n" + pad("", width) + shown.map { "  " + $0.rawValue }.joined() + "\n"
    for exercise in exercises {
      out += pad(exercise, width)
      for result in shown {
        out += "  " + pad(String(counts[exercise]?[result] ?? 0), result.rawValue.count)
      }
      out += "\n"
    }
    let totals = shown.map { result in
      "\(rows.filter { $0.result == result }.count) \(result.rawValue)"
    }
    out += "\nIn all: " + totals.joined(separator: ", ") + "\n"
    let noted = rows.filter { !$0.notes.isEmpty }
    if !noted.isEmpty {
      out += "\nCopies that change the lesson's checks (the lesson's checks were run):\n"
      for row in noted {
        out += "  \(row.student), \(row.lesson) exercise \(row.exercise): "
        out += row.notes.joined(separator: "; ") + "\n"
      }
    }
    return out
  }

  /// Writes `report.csv`, `report.json` and `summary.txt` into `folder` (created when
  /// missing), each replaced atomically: a reader sees the old file or the new one, never half
  /// of one.
  ///
  /// - Parameter folder: The report's folder.
  /// - Throws: `FileError` when a file cannot be written.
  public func write(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try writeAtomically(try json(), toFile: folder.appending(path: "report.json").path)
    try writeAtomically(csv, toFile: folder.appending(path: "report.csv").path)
    try writeAtomically(summary, toFile: folder.appending(path: "summary.txt").path)
  }

  /// The reports of the shards of one class as one report.
  ///
  /// - Parameter reports: The shards' reports.
  /// - Returns: Every row, sorted by student as one report has them; no shard.
  /// - Throws: `FileError` when the reports cover different lessons, or a student appears in
  ///   two of them.
  public static func merged(_ reports: [GradeReport]) throws -> GradeReport {
    guard let first = reports.first else {
      throw FileError(path: "-", message: "no report to merge")
    }
    var students: Set<String> = []
    for report in reports {
      guard report.lessons == first.lessons else {
        throw FileError(
          path: "-",
          message: "these reports grade different lessons (\(first.lessons) and "
            + "\(report.lessons)); merge the shards of one run")
      }
      for student in report.students {
        guard students.insert(student).inserted else {
          throw FileError(
            path: "-",
            message: "student '\(student)' is in two of the reports; merge the shards of one run, "
              + "each once")
        }
      }
    }
    let order = Dictionary(
      students.sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let rows = reports.flatMap(\.rows).enumerated().sorted {
      let left = order[$0.element.student] ?? 0
      let right = order[$1.element.student] ?? 0
      return left != right ? left < right : $0.offset < $1.offset
    }.map(\.element)
    return GradeReport(shard: nil, lessons: first.lessons, students: students.sorted(), rows: rows)
  }
}

/// A CSV field, quoted when it must be, and defused when a spreadsheet would run it.
private func csvField(_ text: String) -> String {
  var field = text
  if let first = field.first, "=+-@\t\r".contains(first) { field = "'" + field }
  guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
    return field
  }
  return "\"" + field.replacing("\"", with: "\"\"") + "\""
}

private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
