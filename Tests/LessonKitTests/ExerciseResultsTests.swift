// Reading what the exercise processes reported (exercises.tsv and their standard error), and
// what `lessons verify` concludes from it. The records are written by hand in the format of
// ExerciseRecord.swift.

import Foundation
import LessonResultsFormat
import Testing

@testable import LessonKit

@Suite("Reading and proving checked exercises")
struct ExerciseResultsTests {
  // Placeholder at 1 (body 2), solution at 5 (body 6–7), check at 10 (body 11–12), hidden
  // check at 15 (body 16).
  static let fixture: Lesson = {
    var fixture = lesson(
      "Lessons/x.md",
      [
        snippet(0, "let t = 0.0\n", at: 1, [.placeholder]),
        snippet(1, "let t = 1.0\nprint(t)\n", at: 5, [.solution]),
        snippet(2, "check(t > 0, \"p\")\ncheckEqual(t, 1, \"t\")\n", at: 10, [.check]),
        snippet(3, "_ = [1][t == 0 ? 0 : 5]\n", at: 15, [.check, .hidden]),
      ])
    fixture.exercises = [
      Exercise(index: 0, name: "1", solution: 1, placeholder: 0, checks: [2, 3])
    ]
    return fixture
  }()

  func folder(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appending(
      path: "exercise-results-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: directory.appending(path: name), atomically: true, encoding: .utf8)
    }
    return directory
  }

  @Test("A proven exercise: the solution passes, the placeholder fails and crashes a check")
  func proven() throws {
    let directory = try folder([
      "progress.tsv": "finished\n",
      "exercises.tsv": """
      check\t0\tsolution\t2\tcompleted\t
      check\t0\tsolution\t3\tcompleted\t
      done\t0\tsolution
      answer\t0\tsolution\tcompleted\t
      failure\t0\tanswer\t2\t11\tp
      failure\t0\tanswer\t2\t12\tt: got 0.0, expected 1.0
      check\t0\tanswer\t2\tfailed\t
      check\t0\tanswer\t3\tcrashed\tsignal 4
      done\t0\tanswer
      answer\t0\tanswer\tcompleted\t

      """,
      "exercise-0-answer-check-3.err":
        "Fatal error: Index out of range\n0 x at /b/Lessons/x.md:16:7\n",
      "exercise-0-answer.out": "printed\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: Self.fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 1)
    let solution = try #require(run.exerciseRun(0, .solution))
    #expect(solution.passed)
    let answer = try #require(run.exerciseRun(0, .answer))
    #expect(!answer.passed)
    #expect(
      answer.checks[0].failures == [
        CheckFailure(line: 11, message: "p"),
        CheckFailure(line: 12, message: "t: got 0.0, expected 1.0"),
      ])
    #expect(answer.checks[1].end == .crashed)
    #expect(answer.checks[1].crashLine == 16)
    #expect(answer.checks[1].detail == "signal 4: Fatal error: Index out of range")
    #expect(answer.output == "printed\n")
    #expect(exerciseProblems(of: Self.fixture, in: run).isEmpty)
  }

  @Test(
    "Unproven: a solution failing a check is reported at the assertion; a placeholder passing all at itself"
  )
  func unproven() throws {
    let directory = try folder([
      "progress.tsv": "finished\n",
      "exercises.tsv": """
      failure\t0\tsolution\t2\t12\tt: got 2.0, expected 1.0
      check\t0\tsolution\t2\tfailed\t
      check\t0\tsolution\t3\tcompleted\t
      done\t0\tsolution
      answer\t0\tsolution\tcompleted\t
      check\t0\tanswer\t2\tcompleted\t
      check\t0\tanswer\t3\tcompleted\t
      done\t0\tanswer
      answer\t0\tanswer\tcompleted\t

      """,
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: Self.fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 1)
    let problems = exerciseProblems(of: Self.fixture, in: run)
    #expect(problems.map(\.line) == [12, 1])
    #expect(
      problems[0].message
        == "exercise 1: the solution fails the check at line 10: t: got 2.0, expected 1.0; fix "
        + "the solution or the check")
    #expect(problems[1].message.hasPrefix("exercise 1: every check passes with the placeholder"))
    let verdict = checkLesson(Self.fixture, against: run)
    #expect(!verdict.passed)
    #expect(progressLine(for: verdict, cached: false).hasSuffix(", 1 exercise not proven"))
    #expect(
      failureReport(for: verdict).contains("Lessons/x.md:12: error: exercise 1: the solution fails")
    )
  }

  @Test(
    "A variant that ended normally without `done` stopped early; checks with no record did not run")
  func stoppedEarly() throws {
    let directory = try folder([
      "progress.tsv": "finished\n",
      "exercises.tsv": "answer\t0\tsolution\tcompleted\t\nanswer\t0\tanswer\ttimedOut\tafter 2 s\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: Self.fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 1)
    let solution = try #require(run.exerciseRun(0, .solution))
    #expect(solution.end == .stopped)
    #expect(solution.checks.allSatisfy { $0.end == nil })
    let problems = exerciseProblems(of: Self.fixture, in: run)
    // The solution did not reach its checks; the timed-out placeholder fails, as it should.
    #expect(problems.count == 1)
    #expect(problems[0].line == 5)
    #expect(problems[0].message.contains("the solution stopped before its end"))
  }

  @Test("Records that are noise, of unknown exercises or cut short are ignored")
  func noise() throws {
    let directory = try folder([
      "progress.tsv": "finished\n",
      "exercises.tsv": "answer\t7\tanswer\tcompleted\t\nhello\nanswer\t0\tsolution\tcomple",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: Self.fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 1)
    #expect(run.exercises.isEmpty)
    // The lesson finished without reporting the exercise: not proven.
    #expect(exerciseProblems(of: Self.fixture, in: run).map(\.line) == [5])
  }
}
