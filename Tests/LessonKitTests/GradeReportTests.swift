// The grade report: CSV quoting and formula defusing, JSON read back, the summary's counts,
// merging shards, and the shard a student falls in.

import Foundation
import Testing

@testable import LessonKit

@Suite("Grade reports")
struct GradeReportTests {
  static let rows = [
    GradeRow(student: "ada", lesson: "e.md", exercise: "1", result: .passed, message: "passed"),
    GradeRow(
      student: "ada", lesson: "e.md", exercise: "2", result: .failed,
      message: "ada/e.md:9: check failed: \"x\", got 1", notes: ["changed", "twice"]),
    GradeRow(
      student: "=cmd", lesson: "e.md", exercise: "1", result: .compileError,
      message: "line one\nline two"),
  ]

  @Test("CSV: a header, quotes where needed, formulas defused, CRLF rows")
  func csv() {
    let report = GradeReport(
      shard: nil, lessons: ["e.md"], students: ["=cmd", "ada"], rows: Self.rows)
    #expect(
      report.csv
        == "student,lesson,exercise,result,message,notes\r\n"
        + "ada,e.md,1,passed,passed,\r\n"
        + "ada,e.md,2,failed,\"ada/e.md:9: check failed: \"\"x\"\", got 1\",changed; twice\r\n"
        + "'=cmd,e.md,1,compile-error,\"line one\nline two\",\r\n")
  }

  @Test("JSON written by write(to:) reads back; the summary counts each result")
  func writeAndRead() throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "grade-report-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = GradeReport(
      shard: "1/2", lessons: ["e.md"], students: ["=cmd", "ada"], rows: Self.rows)
    try report.write(to: folder)
    #expect(try GradeReport(readingFrom: folder) == report)
    let summary = try String(contentsOf: folder.appending(path: "summary.txt"), encoding: .utf8)
    #expect(summary.hasPrefix("Graded 2 students (shard 1/2 of the class) on 1 lesson\n"))
    #expect(summary.contains("In all: 1 passed, 1 failed, 1 compile-error\n"))
    #expect(summary.contains("  ada, e.md exercise 2: changed; twice\n"))
    // Writing again replaces the files whole.
    let smaller = GradeReport(
      shard: nil, lessons: ["e.md"], students: ["ada"], rows: [Self.rows[0]])
    try smaller.write(to: folder)
    #expect(try GradeReport(readingFrom: folder) == smaller)
  }

  @Test("Shard reports merge into one, by student; overlapping or different runs do not")
  func merge() throws {
    let first = GradeReport(
      shard: "1/2", lessons: ["e.md"], students: ["ada"], rows: Array(Self.rows[0...1]))
    let second = GradeReport(
      shard: "2/2", lessons: ["e.md"], students: ["=cmd"], rows: [Self.rows[2]])
    let merged = try GradeReport.merged([first, second])
    #expect(merged.shard == nil)
    #expect(merged.students == ["=cmd", "ada"])
    #expect(merged.rows == [Self.rows[2], Self.rows[0], Self.rows[1]])
    #expect(throws: FileError.self) { try GradeReport.merged([first, first]) }
    var other = second
    other.lessons = ["f.md"]
    #expect(throws: FileError.self) { try GradeReport.merged([first, other]) }
  }

  @Test("A student's shard depends on the name only; every student is in exactly one shard")
  func shards() {
    // FNV-1a 64 of "ada" is 0xe70bc0190530e13b (computed with Python:
    // h = 0xcbf29ce484222325; for b in b"ada": h = ((h ^ b) * 0x100000001b3) % 2**64);
    // h % 2 = 1 → shard 2 of 2, h % 3 = 1 → shard 2 of 3.
    #expect(shardIndex(ofStudent: "ada", count: 2) == 2)
    #expect(shardIndex(ofStudent: "ada", count: 3) == 2)
    let students = (0..<50).map {
      StudentSubmission(
        name: "student\($0)", folder: URL(fileURLWithPath: "/s/\($0)"), copies: [:], problems: [])
    }
    for count in 1...4 {
      let shards = (1...count).map { shard(students, index: $0, of: count).map(\.name) }
      #expect(shards.flatMap { $0 }.sorted() == students.map(\.name).sorted())
    }
  }
}
