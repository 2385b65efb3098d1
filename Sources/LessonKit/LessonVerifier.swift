// Checking a lesson run against the outputs the lesson records, and the text `lessons verify`
// prints about it.

import Foundation
import LessonResultsFormat

/// A checked snippet whose actual output differs from its `output` block.
public struct OutputMismatch: Sendable, Equatable {
  /// The index of the snippet in its lesson.
  public var snippetIndex: Int
  /// The line the mismatch is reported at: the `output` block's opening fence, or the
  /// snippet's closing fence when it has no `output` block.
  public var line: Int
  /// The recorded output (empty when there is no `output` block).
  public var expected: String
  /// What the snippet printed, as `recordedOutput(_:)` records it.
  public var actual: String
}

/// A checked exercise `lessons verify` cannot prove: its solution fails a check, or its
/// checks accept the placeholder.
public struct ExerciseProblem: Sendable, Equatable {
  /// The exercise's index in its lesson.
  public var exerciseIndex: Int
  /// The line the problem is reported at: the failing check's (or its assertion's) line, the
  /// solution's, or the placeholder's.
  public var line: Int
  /// What is wrong and how to fix it.
  public var message: String
}

/// What `lessons verify` concludes about one lesson.
public struct LessonVerdict: Sendable, Equatable {
  /// The lesson's path.
  public var path: String
  /// The number of snippets of the lesson.
  public var snippetCount: Int
  /// The run that was checked.
  public var run: LessonRun
  /// The checked snippets whose output differs, in order.
  public var mismatches: [OutputMismatch]
  /// The checked exercises that are not proven, in order.
  public var exerciseProblems: [ExerciseProblem] = []

  /// Whether the lesson ran to its end, every checked snippet printed its recorded output, and
  /// every checked exercise is proven (its solution passes every check, its placeholder fails
  /// one).
  public var passed: Bool { run.failure == nil && mismatches.isEmpty && exerciseProblems.isEmpty }
}

/// Compares every checked snippet's output in `run` with its `output` block.
///
/// The actual output is first put in the form an `output` block can hold by
/// `recordedOutput(_:)` (`\n` line endings, a final newline), then compared by
/// `outputsMatch(recorded:actual:exact:)`: text exactly, numbers with a point or an exponent
/// within one unit of their last printed digit, integers exactly; a snippet marked `exact`
/// character for character. A checked snippet that printed something and has no `output`
/// block is a mismatch; one that printed nothing and has none is fine. Snippets marked
/// `nocheck` or `norun`, and snippets that did not run (the lesson stopped early), are not
/// compared.
///
/// - Parameters:
///   - lesson: The lesson.
///   - run: Its run.
/// - Returns: The verdict.
/// - Complexity: O(total output size).
public func checkLesson(_ lesson: Lesson, against run: LessonRun) -> LessonVerdict {
  var mismatches: [OutputMismatch] = []
  let outputs = Dictionary(
    run.snippets.map { ($0.index, $0.output) }, uniquingKeysWith: { a, _ in a })
  for snippet in lesson.snippets where snippet.isChecked {
    guard let printed = outputs[snippet.index] else { continue }
    let actual = recordedOutput(printed)
    let expected = snippet.output?.content ?? ""
    if !outputsMatch(
      recorded: expected, actual: actual, exact: snippet.attributes.contains(.exact))
    {
      mismatches.append(
        OutputMismatch(
          snippetIndex: snippet.index,
          line: snippet.output?.openingLine ?? snippet.code.closingLine,
          expected: expected, actual: actual))
    }
  }
  return LessonVerdict(
    path: lesson.path, snippetCount: lesson.snippets.count, run: run, mismatches: mismatches,
    exerciseProblems: exerciseProblems(of: lesson, in: run))
}

/// The checked exercises of `lesson` that `run` does not prove: for each one the lesson
/// reached, the solution must run to its end and pass every check, and the placeholder must
/// fail at least one (a placeholder that traps, throws, hangs or stops counts as failing). An
/// exercise the lesson did not reach (it stopped earlier) is not reported: the lesson's
/// failure is.
///
/// - Parameters:
///   - lesson: The lesson.
///   - run: Its run.
/// - Returns: The problems, in the exercises' order.
public func exerciseProblems(of lesson: Lesson, in run: LessonRun) -> [ExerciseProblem] {
  var problems: [ExerciseProblem] = []
  for exercise in lesson.exercises {
    let name = "exercise \(exercise.name)"
    let solutionLine = lesson.snippets[exercise.solution].code.openingLine
    guard let solution = run.exerciseRun(exercise.index, .solution) else {
      if run.failure == nil {
        problems.append(
          ExerciseProblem(
            exerciseIndex: exercise.index, line: solutionLine,
            message: "\(name): its solution did not run (the lessons program reported nothing)"))
      }
      continue
    }
    if !(solution.end == .completed && solution.reachedEnd) {
      problems.append(
        ExerciseProblem(
          exerciseIndex: exercise.index, line: solution.crashLine ?? solutionLine,
          message: "\(name): the solution " + describe(solution.end, solution.detail)
            + "; it must run to its end for its checks to prove anything"))
    } else {
      for check in solution.checks where !check.passed {
        let checkLine = lesson.snippets[check.snippetIndex].code.openingLine
        let line = check.failures.first?.line ?? check.crashLine ?? checkLine
        problems.append(
          ExerciseProblem(
            exerciseIndex: exercise.index, line: line,
            message: "\(name): the solution fails the check at line \(checkLine): "
              + checkOutcome(check) + "; fix the solution or the check"))
      }
    }
    guard let placeholder = run.exerciseRun(exercise.index, .answer) else { continue }
    if placeholder.passed {
      problems.append(
        ExerciseProblem(
          exerciseIndex: exercise.index,
          line: lesson.snippets[exercise.placeholder].code.openingLine,
          message: "\(name): every check passes with the placeholder, so a student who changes "
            + "nothing would pass; add a check the placeholder fails (or make the placeholder "
            + "a stub the checks reject)"))
    }
  }
  return problems
}

/// How a process of an exercise ended, as a phrase (`crashed (signal 4): Fatal error: …`).
func describe(_ end: ExerciseProcessEnd?, _ detail: String) -> String {
  let phrase: String
  switch end {
  case nil: phrase = "did not run"
  case .completed: phrase = "ran to its end"
  case .failed: phrase = "failed"
  case .threw: phrase = "threw an error"
  case .crashed: phrase = "crashed"
  case .timedOut: phrase = "timed out"
  case .outputLimit: phrase = "wrote more than the output limit"
  case .stopped: phrase = "stopped before its end"
  }
  return detail.isEmpty ? phrase : phrase + " (" + detail + ")"
}

/// What a check that did not pass did: its first failed assertion's message, or how its
/// process ended.
func checkOutcome(_ check: CheckRun) -> String {
  if let failure = check.failures.first {
    let more = check.failures.count > 1 ? " (and \(check.failures.count - 1) more)" : ""
    return failure.message + more
  }
  if check.end == nil { return "it did not run (the answer returned or stopped before it)" }
  return "it " + describe(check.end, check.detail)
}

/// The progress line `lessons verify` prints when a lesson finishes, for example
/// `Lessons/00-getting-started.md: 6 snippets, 0.04 s, ok`.
///
/// - Parameters:
///   - verdict: The lesson's verdict.
///   - cached: Whether the run came from the cache (then `cached` replaces the time).
public func progressLine(for verdict: LessonVerdict, cached: Bool) -> String {
  let count = verdict.snippetCount == 1 ? "1 snippet" : "\(verdict.snippetCount) snippets"
  let notBuilt =
    verdict.run.failure != nil && verdict.run.snippets.isEmpty && verdict.run.seconds == 0
  let time =
    cached ? "cached" : notBuilt ? "not built" : "\(formatSeconds(verdict.run.seconds)) s"
  var status: String
  if verdict.run.failure != nil {
    status = "FAILED"
  } else if verdict.mismatches.isEmpty {
    status = verdict.exerciseProblems.isEmpty ? "ok" : ""
  } else {
    let count = verdict.mismatches.count
    status = count == 1 ? "1 output differs" : "\(count) outputs differ"
  }
  if verdict.run.failure == nil, !verdict.exerciseProblems.isEmpty {
    let count = Set(verdict.exerciseProblems.map(\.exerciseIndex)).count
    status +=
      (status.isEmpty ? "" : ", ")
      + (count == 1 ? "1 exercise not proven" : "\(count) exercises not proven")
  }
  return "\(verdict.path): \(count), \(time), \(status)"
}

/// The detailed report of a lesson that did not pass: the failure as
/// `path:line: error: message`, then each mismatch as `path:line: error: …` followed by a
/// unified diff of the recorded (`-`) and actual (`+`) output, cut after `maxDiffLines` lines
/// with a count of what was left out (`truncatedDiff(_:maxLines:)`). Empty for a passing
/// lesson.
///
/// - Parameters:
///   - verdict: The lesson's verdict.
///   - maxDiffLines: The most lines of each diff to show (default ``shownDiffLineLimit``).
public func failureReport(
  for verdict: LessonVerdict, maxDiffLines: Int = shownDiffLineLimit
) -> String {
  var out = ""
  if let failure = verdict.run.failure {
    out += "\(verdict.path):\(failure.line): error: lesson \(failure.message)\n"
    let finished = verdict.run.snippets.count
    if failure.snippetIndex != nil, finished > 0 {
      let count = finished == 1 ? "the snippet" : "the \(finished) snippets"
      let their = finished == 1 ? "its" : "their"
      out +=
        verdict.mismatches.isEmpty
        ? "  (\(count) before it printed \(their) recorded output)\n"
        : "  (\(count) before it ran; the differences follow)\n"
    }
  }
  for mismatch in verdict.mismatches {
    let what =
      mismatch.expected.isEmpty
      ? "snippet \(mismatch.snippetIndex + 1) printed output but has no output block "
        + "(run `lessons update \(verdict.path)` to add it, or mark the snippet nocheck)"
      : "output of snippet \(mismatch.snippetIndex + 1) differs from its output block "
        + "(- recorded, + actual; `lessons update \(verdict.path)` records the actual one)"
    out += "\(verdict.path):\(mismatch.line): error: \(what)\n"
    out += truncatedDiff(
      unifiedDiff(
        expected: mismatch.expected, actual: mismatch.actual,
        expectedLabel: "\(verdict.path):\(mismatch.line) (recorded)", actualLabel: "actual",
        context: 3),
      maxLines: maxDiffLines)
  }
  for problem in verdict.exerciseProblems {
    out += "\(verdict.path):\(problem.line): error: \(problem.message)\n"
  }
  return out
}

/// The snippets that took longer than `threshold` seconds, slowest first, one a line at the
/// snippet's first line of code, under a heading; empty when there are none (runs cached by an
/// older `lessons` have no timings).
///
///     snippets slower than 2 s, slowest first (--slow sets the threshold):
///       Lessons/01-diagnosis.md:373: snippet 11, 9.81 s
///
/// - Parameters:
///   - lessons: The lessons.
///   - runs: Their runs, in the same order.
///   - threshold: Seconds.
/// - Returns: The report, each line ending in `\n`.
public func slowSnippetsReport(lessons: [Lesson], runs: [LessonRun], threshold: Double) -> String {
  var slow: [(place: String, seconds: Double)] = []
  for (lesson, run) in zip(lessons, runs) {
    for snippetRun in run.snippets {
      guard let seconds = snippetRun.seconds, seconds > threshold,
        let snippet = lesson.snippets.first(where: { $0.index == snippetRun.index })
      else { continue }
      slow.append(
        ("\(lesson.path):\(snippet.code.firstContentLine): snippet \(snippet.index + 1)", seconds))
    }
  }
  guard !slow.isEmpty else { return "" }
  var out =
    "snippets slower than \(formatSeconds(threshold)) s, slowest first (--slow sets the "
    + "threshold):\n"
  for entry in slow.sorted(by: { $0.seconds > $1.seconds }) {
    out += "  \(entry.place), \(String(format: "%.2f", entry.seconds)) s\n"
  }
  return out
}

/// The last line of `lessons verify`: `N passed, M failed`.
///
/// - Parameter verdicts: Every lesson's verdict.
public func summaryLine(for verdicts: [LessonVerdict]) -> String {
  let passed = verdicts.filter(\.passed).count
  return "\(passed) passed, \(verdicts.count - passed) failed"
}

/// The new source of a lesson after `lessons update`: each checked snippet's actual output
/// written into its `output` block (a block added where a snippet printed something and has
/// none), every other byte unchanged.
///
/// A block that already matches the actual output by `outputsMatch(recorded:actual:exact:)`
/// (a number rounding the other way in its last digit) is left as it is, so updating on
/// another machine does not churn the lesson.
///
/// With `includingNocheck`, the output blocks of `nocheck` snippets (timings) are refreshed
/// too, so a lesson's machine-dependent table can be re-recorded without editing attributes.
///
/// - Parameters:
///   - lesson: The lesson, read from exactly `source`.
///   - source: The lesson file's text.
///   - run: The lesson's run.
///   - includingNocheck: Whether `nocheck` snippets' outputs are written as well. Default
///     `false`.
/// - Returns: The new text (equal to `source` when nothing changed), or `nil` when the run
///   failed (the lesson must not be touched).
public func updatedSource(
  of lesson: Lesson, source: String, run: LessonRun, includingNocheck: Bool = false
) -> String? {
  guard run.failure == nil else { return nil }
  let checked = Set(
    lesson.snippets.filter {
      $0.isChecked || (includingNocheck && !$0.attributes.contains(.norun))
    }.map(\.index))
  var outputs: [Int: String] = [:]
  for snippetRun in run.snippets where checked.contains(snippetRun.index) {
    let snippet = lesson.snippets[snippetRun.index]
    if snippet.isChecked, let block = snippet.output,
      outputsMatch(
        recorded: block.content, actual: recordedOutput(snippetRun.output),
        exact: snippet.attributes.contains(.exact))
    {
      continue
    }
    outputs[snippetRun.index] = snippetRun.output
  }
  return splicingOutputs(outputs, into: source, lesson: lesson)
}
