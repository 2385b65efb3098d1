// The lines of `exercises.tsv`: what the processes of a lesson's checked exercises report.
//
// The lesson process runs each variant of an exercise (the solution, then the answer: the
// placeholder in `lessons verify`, the student's code in `lessons check` and `grade`) in a
// child process, and each check of it in a grandchild, so that a crash, a hang or a flood of
// output stops only that one. Each process that survives reports on the one it waited for:
//
//     failure⇥E⇥V⇥C⇥LINE⇥TEXT   check C of variant V of exercise E: an assertion at LINE
//                               failed with TEXT (written by the check's process)
//     check⇥E⇥V⇥C⇥END⇥TEXT     check C's process ended as END (written by the variant's
//                               process; TEXT: the error thrown, the signal, or empty)
//     done⇥E⇥V                 the variant's process ran its answer and every check
//     answer⇥E⇥V⇥END⇥TEXT      the variant's process ended as END (written by the lesson)
//
// E is the exercise's index in its lesson (from 0), C the snippet index of the check, V
// `solution` or `answer`. TEXT is escaped like a `threw` progress record.

/// Which code an exercise's process runs in place of the student's answer.
public enum ExerciseVariant: String, Sendable, Hashable, CaseIterable, Codable {
  /// The instructor's `solution` snippet (`lessons verify` proves it passes every check).
  case solution
  /// The `placeholder` in `lessons verify` (proven to fail a check), the student's answer in
  /// `lessons check` and `lessons grade`.
  case answer
}

/// How a process of an exercise ended.
public enum ExerciseProcessEnd: String, Sendable, Hashable, CaseIterable, Codable {
  /// It ran to its end: a check with no failed assertion, or a variant whose answer and checks
  /// all ran.
  case completed
  /// A check that ran to its end with at least one failed assertion.
  case failed
  /// An error was thrown out of it.
  case threw
  /// A signal stopped it (a runtime trap: index out of range, `fatalError`, overflow…).
  case crashed
  /// It ran past its time limit and was killed.
  case timedOut
  /// It wrote more than the output limit to a file (standard output included).
  case outputLimit
  /// It exited before its end (its code called `exit`).
  case stopped
}

/// One line of a results folder's `exercises.tsv`.
///
///     ExerciseRecord.failure(exercise: 0, variant: .answer, check: 4, line: 31,
///                            message: "got 0").line
///     // "failure\t0\tanswer\t4\t31\tgot 0\n"
public enum ExerciseRecord: Sendable, Equatable {
  /// An assertion of check `check` failed at `line` with `message`.
  case failure(exercise: Int, variant: ExerciseVariant, check: Int, line: Int, message: String)
  /// The process of check `check` ended as `end`; `detail` says more (the error, the signal).
  case check(
    exercise: Int, variant: ExerciseVariant, check: Int, end: ExerciseProcessEnd, detail: String)
  /// The variant's process ran its answer and every check.
  case done(exercise: Int, variant: ExerciseVariant)
  /// The variant's process ended as `end`; `detail` says more.
  case answer(exercise: Int, variant: ExerciseVariant, end: ExerciseProcessEnd, detail: String)

  /// The record as one line of `exercises.tsv`, with its final `\n`.
  public var line: String {
    switch self {
    case .failure(let exercise, let variant, let check, let line, let message):
      "failure\t\(exercise)\t\(variant.rawValue)\t\(check)\t\(line)\t\(escapingLineBreaks(message))\n"
    case .check(let exercise, let variant, let check, let end, let detail):
      "check\t\(exercise)\t\(variant.rawValue)\t\(check)\t\(end.rawValue)\t\(escapingLineBreaks(detail))\n"
    case .done(let exercise, let variant):
      "done\t\(exercise)\t\(variant.rawValue)\n"
    case .answer(let exercise, let variant, let end, let detail):
      "answer\t\(exercise)\t\(variant.rawValue)\t\(end.rawValue)\t\(escapingLineBreaks(detail))\n"
    }
  }

  /// Reads one line of `exercises.tsv` (without its line ending).
  ///
  /// - Parameter line: The line.
  /// - Returns: The record, or `nil` when the line is not one (a partial line, noise).
  public init?(line: Substring) {
    let fields = line.split(separator: "\t", maxSplits: 5, omittingEmptySubsequences: false)
    guard fields.count >= 3, let exercise = Int(fields[1]), exercise >= 0,
      let variant = ExerciseVariant(rawValue: String(fields[2]))
    else { return nil }
    switch fields[0] {
    case "failure":
      guard fields.count == 6, let check = Int(fields[3]), let number = Int(fields[4]) else {
        return nil
      }
      self = .failure(
        exercise: exercise, variant: variant, check: check, line: number,
        message: unescapingLineBreaks(fields[5]))
    case "check":
      guard fields.count == 6, let check = Int(fields[3]),
        let end = ExerciseProcessEnd(rawValue: String(fields[4]))
      else { return nil }
      self = .check(
        exercise: exercise, variant: variant, check: check, end: end,
        detail: unescapingLineBreaks(fields[5]))
    case "done":
      guard fields.count == 3 else { return nil }
      self = .done(exercise: exercise, variant: variant)
    case "answer":
      guard fields.count == 5, let end = ExerciseProcessEnd(rawValue: String(fields[3])) else {
        return nil
      }
      self = .answer(
        exercise: exercise, variant: variant, end: end, detail: unescapingLineBreaks(fields[4]))
    default:
      return nil
    }
  }

  /// Reads every record of an `exercises.tsv`, skipping lines that are not records.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The records, in order.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func records(in text: String) -> [ExerciseRecord] {
    text.split(separator: "\n").compactMap { ExerciseRecord(line: $0) }
  }
}

/// The files and settings of the exercise processes in a results folder.
///
///     ExerciseFiles.answerOutputFileName(exercise: 1)  // "exercise-1-answer.out"
public enum ExerciseFiles {
  /// The exercise records, one ``ExerciseRecord`` a line: `exercises.tsv`.
  public static let recordsFileName = "exercises.tsv"

  /// What the answer of exercise `exercise` printed (the solution's output goes to its
  /// snippet's file): `exercise-E-answer.out`.
  ///
  /// - Parameter exercise: The exercise's index in its lesson, from 0.
  public static func answerOutputFileName(exercise: Int) -> String {
    "exercise-\(exercise)-answer.out"
  }

  /// The standard error of a variant's process (`check == nil`) or of one of its checks:
  /// `exercise-E-V.err` or `exercise-E-V-check-C.err`.
  ///
  /// - Parameters:
  ///   - exercise: The exercise's index in its lesson.
  ///   - variant: The variant.
  ///   - check: The check's snippet index, or `nil` for the variant's own process.
  public static func standardErrorFileName(
    exercise: Int, variant: ExerciseVariant, check: Int? = nil
  ) -> String {
    "exercise-\(exercise)-\(variant.rawValue)" + (check.map { "-check-\($0)" } ?? "") + ".err"
  }

  /// The environment variable that sets the time limit, in seconds, of an exercise's answer
  /// and of each of its checks: `DESCENT_EXERCISE_TIMEOUT` (default ``defaultTimeout``).
  public static let timeoutVariable = "DESCENT_EXERCISE_TIMEOUT"

  /// The time limit when ``timeoutVariable`` is not set: 30 seconds.
  public static let defaultTimeout = 30.0
}
