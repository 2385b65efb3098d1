// End-to-end tests of checked exercises: `lessons verify` proving them, `student-edition`,
// `check` and `grade` on the fixture lesson Tests/LessonFixtures/Lessons/exercises.md and the
// fixture submissions of Tests/LessonFixtures/Submissions (one folder per student: correct,
// wrong, not attempted, compile errors, a crash, an endless loop, endless output, prose edits,
// an edited check, writes outside the sandbox, a removed answer block). Line numbers in the
// expectations were counted by hand in those files. The suite shares one temporary package,
// so the answer kit is made once; its tests run one after the other.

import Foundation
import LessonKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The fixture package of these tests, with the submissions copied beside the lessons; made
/// once (the suite runs its tests one after the other) and removed when the test process ends.
private let exercisePackage: FixturePackage = {
  let package = try! FixturePackage()
  try! FileManager.default.copyItem(
    at: packageRoot.appending(path: "Tests/LessonFixtures/Submissions"),
    to: package.root.appending(path: "Tests/LessonFixtures/Submissions"))
  exercisePackageRoot = package.root.path
  atexit {
    if let root = exercisePackageRoot { try? FileManager.default.removeItem(atPath: root) }
  }
  return package
}()

/// The folder of ``exercisePackage``, for removing it at exit.
nonisolated(unsafe) private var exercisePackageRoot: String?

/// The options every check and grade of the suite passes: the fixture course and short limits.
private let fixtureCourse = [
  "--course-folder", FixturePackage.folder, "--exercise-timeout", "2", "--output-limit", "1024",
]

@Suite("Checked exercises end to end", .serialized)
struct ExercisesEndToEndTests {
  let package = exercisePackage

  @Test("verify proves the exercises, and reports each unproven one at its line")
  func verify() throws {
    let good = try package.lessons(["verify", "--no-cache"], lessons: ["exercises"])
    #expect(good.status == 0, "stdout:\n\(good.output)\nstderr:\n\(good.error)")
    #expect(good.output.hasSuffix("1 passed, 0 failed\n"))
    let bad = try package.lessons(["verify", "--no-cache"], lessons: ["exercises-unproven"])
    #expect(bad.status == 1)
    let path = package.path("exercises-unproven")
    // The solution's failed assertion (line 20, in the check at 19).
    #expect(
      bad.output.contains(
        "\(path):20: error: exercise 1: the solution fails the check at line 19: the mean of "
          + "values: got 6.0, expected 3.0 ± 1e-12; fix the solution or the check"))
    // The check that accepts the placeholder, at the placeholder (25).
    #expect(
      bad.output.contains(
        "\(path):25: error: exercise 2: every check passes with the placeholder"))
    // The crashing solution, at the line the backtrace names (44).
    #expect(bad.output.contains("\(path):44: error: exercise 3: the solution crashed"))
    #expect(bad.output.contains("Index out of range"))
    // The lesson went on after the exercises: its last snippet printed as recorded.
    #expect(bad.output.contains("3 exercises not proven"))
    #expect(!bad.output.contains("output of snippet"))
  }

  @Test("student-edition: solutions and hidden checks removed, every other byte kept; HTML too")
  func studentEdition() throws {
    let output = package.root.appending(path: "student")
    let result = try package.lessons(
      ["student-edition", "--output", output.path], lessons: ["exercises"])
    #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    let written = try String(
      contentsOf: output.appending(path: "Lessons/exercises.md"), encoding: .utf8)
    let original = try package.text("exercises")
    // Lines 24–33 (solution 1 and its output), 45–49 (solution 2), 54–57 (hidden check 2),
    // 65–69 (solution 3) and 75–78 (hidden check 3), each with the blank line after it.
    let removed = Set(
      Array(24...33) + Array(45...49) + Array(54...57) + Array(65...69) + Array(75...78))
    let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
    let expected = lines.enumerated().filter { !removed.contains($0.offset + 1) }.map(\.element)
      .joined(separator: "\n")
    #expect(written == expected)
    // The fixture submissions start from this edition: the one left as it is, byte for byte.
    let cleo = try String(
      contentsOf: packageRoot.appending(path: "Tests/LessonFixtures/Submissions/cleo/exercises.md"),
      encoding: .utf8)
    #expect(cleo == written)
    let page = try String(
      contentsOf: output.appending(path: "site/exercises.html"), encoding: .utf8)
    // The page's text (highlighting splits code into spans: read it without the tags).
    let text = page.replacing(/<[^>]*>/, with: "")
    #expect(text.contains("Your answer") && text.contains("largest([]) is nil"))
    for secret in ["values.max()", "a.map { $0 * $0 }", "[1, 4, 9, 16]", "three negative"] {
      #expect(!text.contains(secret), "\(secret)")
    }
    // A lesson with unproven exercises gets no student edition.
    let refused = try package.lessons(
      ["student-edition", "--output", package.root.appending(path: "refused").path],
      lessons: ["exercises-unproven"])
    #expect(refused.status == 1)
    #expect(refused.error.contains("no student edition was written"))
    #expect(!FileManager.default.fileExists(atPath: package.root.appending(path: "refused").path))
  }

  @Test("check: failed checks at the copy's lines, hidden ones by message only; exit status")
  func check() throws {
    let ben = package.root.appending(path: "Tests/LessonFixtures/Submissions/ben/exercises.md")
    let result = try package.lessons(["check", ben.path] + fixtureCourse, lessons: [])
    #expect(result.status == 1, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    let out = result.output
    // Ben's answer 1 is one line shorter than the placeholder: the check's assertion is at 24.
    #expect(
      out.contains(
        "exercise 1: FAILED: \(ben.path):24: check failed: the sum of a: got 9.0, expected 10.0 "
          + "± 1e-12"))
    #expect(
      out.contains("exercise 2: FAILED: a hidden check failed: the squares of a: entry 0 is 2.0"))
    #expect(
      out.contains(
        "exercise 3: FAILED: \(ben.path):45: check failed: largest(a): got 1.0, expected 4.0; "
          + "a hidden check failed: the largest of three negative numbers: got -3.0"))
    #expect(out.hasSuffix("0 passed, 3 failed, 0 not attempted\n"))
    // Never a hidden check's code, nor a solution's.
    for secret in ["[1, 4, 9, 16]", "largest([-3, -1, -2])", "values.max()", "-1,"] {
      #expect(!out.contains(secret) && !result.error.contains(secret), "\(secret)")
    }

    let ada = try package.lessons(
      [
        "check",
        package.root.appending(path: "Tests/LessonFixtures/Submissions/ada/Lessons/exercises.md")
          .path,
      ]
        + fixtureCourse, lessons: [])
    #expect(ada.status == 0, "stdout:\n\(ada.output)\nstderr:\n\(ada.error)")
    #expect(ada.output.hasSuffix("3 passed, 0 failed, 0 not attempted\n"))

    let cleo = try package.lessons(
      [
        "check",
        package.root.appending(path: "Tests/LessonFixtures/Submissions/cleo/exercises.md").path,
      ]
        + fixtureCourse, lessons: [])
    #expect(cleo.status == 0)
    #expect(cleo.output.contains("exercise 2: not attempted (the placeholder is unchanged)"))
    #expect(cleo.output.hasSuffix("0 passed, 0 failed, 3 not attempted\n"))
  }

  @Test("grade: every kind of submission gets its result; nothing escapes the sandbox")
  func grade() throws {
    let report = package.root.appending(path: "grades")
    let submissions = package.root.appending(path: "Tests/LessonFixtures/Submissions")
    let result = try package.lessons(
      [
        "grade", submissions.path, "--lesson", "exercises.md", "--output", report.path, "--jobs",
        "2",
      ]
        + fixtureCourse, lessons: [])
    #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    let graded = try GradeReport(readingFrom: report)
    #expect(
      graded.students == [
        "ada", "ben", "cleo", "dan", "eve", "finn", "gus", "hal", "ivy", "jay", "lea",
      ])
    func results(_ student: String) -> [String] {
      graded.rows.filter { $0.student == student }.map(\.result.rawValue)
    }
    func message(_ student: String, _ exercise: String) -> String {
      graded.rows.first { $0.student == student && $0.exercise == exercise }?.message ?? ""
    }
    #expect(results("ada") == ["passed", "passed", "passed"])
    #expect(results("ben") == ["failed", "failed", "failed"])
    #expect(results("cleo") == ["not-attempted", "not-attempted", "not-attempted"])
    // Dan: unbalanced brackets (not compiled), an unknown name (the compiler's error at his
    // line 30), and a third answer that still passes.
    #expect(results("dan") == ["compile-error", "compile-error", "passed"])
    #expect(
      message("dan", "1").contains("dan/exercises.md:20: the answer's brackets do not balance"))
    #expect(
      message("dan", "2")
        == "does not compile: dan/exercises.md:30: cannot find 'undefinedSquares' in scope")
    // Eve: index out of range at her line 30, the others pass.
    #expect(results("eve") == ["passed", "crashed", "passed"])
    #expect(message("eve", "2").hasPrefix("eve/exercises.md:30: your answer crashed"))
    #expect(message("eve", "2").contains("Index out of range"))
    // Finn loops (stopped after the 2 s of --exercise-timeout); Gus prints without end
    // (stopped at 1024 KiB); the other exercises of both still pass.
    #expect(results("finn") == ["timed-out", "passed", "passed"])
    #expect(
      message("finn", "1")
        == "finn/exercises.md:20: your answer ran past its time limit (after 2 s)")
    #expect(results("gus") == ["output-limit", "passed", "passed"])
    #expect(
      message("gus", "1")
        == "gus/exercises.md:20: your answer wrote more than 1024 KiB and was stopped")
    // Hal edited the prose only: nothing to note.
    #expect(results("hal") == ["passed", "passed", "passed"])
    #expect(graded.rows.filter { $0.student == "hal" }.allSatisfy { $0.notes.isEmpty })
    // Ivy made exercise 1's check always pass: noted, and the lesson's check failed her answer.
    #expect(results("ivy") == ["failed", "passed", "passed"])
    #expect(
      graded.rows.first { $0.student == "ivy" }?.notes == [
        "the check at line 23 of your copy was changed; the lesson's check was run instead"
      ])
    // Jay's six writes outside the scratch folder were all refused (his total stayed 10).
    #expect(results("jay") == ["passed", "passed", "passed"])
    // Lea removed an answer block: nothing can be matched.
    #expect(results("lea") == ["invalid", "invalid", "invalid"])
    // The report's files, whole; nothing written outside the sandboxes.
    let csv = try String(contentsOf: report.appending(path: "report.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("student,lesson,exercise,result,message,notes\r\n"))
    #expect(csv.split(separator: "\r\n").count == 1 + 33)
    #expect(
      result.output.contains(
        "In all: 18 passed, 4 failed, 3 not-attempted, 2 compile-error, 1 crashed, 1 timed-out, "
          + "1 output-limit, 3 invalid\n"))
    let escaped = FileManager.default.enumerator(atPath: package.root.path)?.allObjects
      .compactMap { $0 as? String }.filter { $0.hasSuffix("escaped.txt") }
    #expect(escaped == [])
    for path in ["/usr/escaped.txt", "/etc/escaped.txt", "/root/escaped.txt"] {
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test("grade --shard k/n covers each student once; --merge gives the whole class's report")
  func shardsAndMerge() throws {
    let submissions = package.root.appending(path: "small-class")
    for student in ["ada/Lessons", "ben", "cleo", "hal"] {
      try FileManager.default.createDirectory(
        at: submissions.appending(path: student), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: package.root.appending(
          path: "Tests/LessonFixtures/Submissions/\(student)/exercises.md"),
        to: submissions.appending(path: "\(student)/exercises.md"))
    }
    var reports: [GradeReport] = []
    for shard in ["1/2", "2/2"] {
      let folder = package.root.appending(path: "shard-\(shard.prefix(1))")
      let result = try package.lessons(
        [
          "grade", submissions.path, "--lesson", "exercises.md", "--shard", shard, "--output",
          folder.path,
        ] + fixtureCourse, lessons: [])
      #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
      reports.append(try GradeReport(readingFrom: folder))
    }
    #expect(reports.map(\.shard) == ["1/2", "2/2"])
    #expect(reports.flatMap(\.students).sorted() == ["ada", "ben", "cleo", "hal"])
    let merged = package.root.appending(path: "merged")
    let result = try package.lessons(
      [
        "grade", "--merge", package.root.appending(path: "shard-1").path,
        package.root.appending(path: "shard-2").path, "--output", merged.path,
      ], lessons: [])
    #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    let all = try GradeReport(readingFrom: merged)
    #expect(all.students == ["ada", "ben", "cleo", "hal"])
    #expect(
      all.rows.map(\.student) == [
        "ada", "ada", "ada", "ben", "ben", "ben", "cleo", "cleo", "cleo", "hal", "hal", "hal",
      ])
    #expect(all.rows.filter { $0.result == .passed }.count == 6)
  }

  @Test("No network in the sandbox: a connection to the host's loopback fails there, not outside")
  func noNetwork() throws {
    // A listening socket on the host's 127.0.0.1 (the kernel accepts connections into the
    // backlog; nothing needs to call accept).
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(listener) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let size = socklen_t(MemoryLayout<sockaddr_in>.size)
    try #require(
      withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, size) }
      } == 0)
    try #require(listen(listener, 16) == 0)
    var bound = sockaddr_in()
    var length = size
    _ = withUnsafeMutablePointer(to: &bound) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    let port = UInt16(bigEndian: bound.sin_port)
    // Exercise 1's answer: 10 plus 1 if it could connect.
    let answer = """
         var connected = 0.0
         let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
         var address = sockaddr_in()
         address.sin_family = sa_family_t(AF_INET)
         address.sin_port = in_port_t(\(port)).bigEndian
         address.sin_addr.s_addr = inet_addr("127.0.0.1")
         let status = withUnsafePointer(to: &address) {
           $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
             connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
           }
         }
         if status == 0 { connected = 1 }
         let total = 10 + connected

      """
    let edition = try String(
      contentsOf: package.root.appending(
        path: "Tests/LessonFixtures/Submissions/cleo/exercises.md"),
      encoding: .utf8)
    let copy = package.root.appending(path: "network/exercises.md")
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try edition.replacing(
      "   // Exercise 1: your answer replaces 0.\n   let total = 0.0\n", with: answer
    ).write(to: copy, atomically: true, encoding: .utf8)
    let sandboxed = try package.lessons(["check", copy.path] + fixtureCourse, lessons: [])
    #expect(
      sandboxed.output.contains("exercise 1: passed"), "\(sandboxed.output)\n\(sandboxed.error)")
    // The control: without the sandbox the same answer reaches the listener.
    let unconfined = try package.lessons(
      ["check", copy.path, "--no-sandbox"] + fixtureCourse, lessons: [])
    #expect(
      unconfined.output.contains("the sum of a: got 11.0, expected 10.0"),
      "\(unconfined.output)\n\(unconfined.error)")
  }
}
