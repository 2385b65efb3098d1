import Testing

@testable import LessonResultsFormat

/// The lines of `exercises.tsv`, written and read back; the expected lines are the format
/// described in ExerciseRecord.swift, written out by hand.
@Suite("Exercise records")
struct ExerciseRecordTests {
  @Test("The doc-comment example and the file names")
  func docExample() {
    #expect(
      ExerciseRecord.failure(exercise: 0, variant: .answer, check: 4, line: 31, message: "got 0")
        .line == "failure\t0\tanswer\t4\t31\tgot 0\n")
    #expect(ExerciseFiles.answerOutputFileName(exercise: 1) == "exercise-1-answer.out")
    #expect(
      ExerciseFiles.standardErrorFileName(exercise: 2, variant: .solution, check: 7)
        == "exercise-2-solution-check-7.err")
    #expect(
      ExerciseFiles.standardErrorFileName(exercise: 2, variant: .answer) == "exercise-2-answer.err")
    #expect(ExerciseFiles.recordsFileName == "exercises.tsv")
  }

  @Test("Every record reads back as written, texts with tabs and line breaks included")
  func roundTrip() {
    let records: [ExerciseRecord] = [
      .failure(exercise: 0, variant: .solution, check: 3, line: 12, message: "a\tb\nc \\ d"),
      .check(exercise: 0, variant: .solution, check: 3, end: .failed, detail: ""),
      .check(exercise: 1, variant: .answer, check: 9, end: .crashed, detail: "signal 4\nmore"),
      .done(exercise: 1, variant: .answer),
      .answer(exercise: 1, variant: .answer, end: .timedOut, detail: "after 2 s"),
      .answer(exercise: 2, variant: .solution, end: .completed, detail: ""),
    ]
    let text = records.map(\.line).joined()
    #expect(text.split(separator: "\n").count == records.count)
    #expect(ExerciseRecord.records(in: text) == records)
  }

  @Test("Lines that are not records are skipped")
  func noise() {
    let text =
      "done\t0\tanswer\nfailure\t0\tanswer\tx\t1\tm\nanswer\t0\tsolution\tbogus\t\n"
      + "done\t-1\tanswer\nanswer\t0\tanswer\tcompleted\t\ndone\t0\tstudent\nansw"
    #expect(
      ExerciseRecord.records(in: text) == [
        .done(exercise: 0, variant: .answer),
        .answer(exercise: 0, variant: .answer, end: .completed, detail: ""),
      ])
  }
}
