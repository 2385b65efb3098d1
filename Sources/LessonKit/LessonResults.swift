// Reading back what `lesson-runner LESSON --results DIR` left in DIR. The folder's format
// (progress.tsv, snippet-I.out, figures/, stderr.txt) is defined once, in the dependency-free
// module LessonResultsFormat, which the lessons program writes it with.

import Foundation
import LessonResultsFormat

/// How a runner process ended, as the parent saw it.
public enum RunnerTermination: Sendable, Equatable {
  /// It exited with this status.
  case exited(Int32)
  /// A signal stopped it (a trap is SIGILL or SIGTRAP).
  case signaled(Int32)
  /// It ran past the time limit (in seconds) and was killed.
  case timedOut(Double)
}

/// Builds the `LessonRun` of `lesson` from a runner's results folder.
///
/// Snippets that finished get their output and figures; when the lesson did not finish, the
/// failure names the snippet that was running and its line: the line a `fatalError` message
/// points at when standard error names one in this lesson (a backtrace frame or a
/// `fatalError` message; a timed-out runner is stopped with SIGILL so that the runtime prints
/// a backtrace), otherwise the snippet's first line. An error thrown out of a snippet (the
/// process records it in `progress.tsv` and exits with status 1) is reported as `threw in
/// snippet N: DESCRIPTION` at the snippet's first line.
///
/// - Parameters:
///   - lesson: The lesson that ran.
///   - directory: The results folder.
///   - termination: How the process ended.
///   - contentHash: The cache key of the run.
///   - seconds: Wall-clock time of the run.
///   - answers: In a program of students' answers, where each exercise's answer came from
///     (by ``Exercise/index``), so that a crash is found at the student's line.
/// - Returns: The run, with `failure` set unless every snippet finished and the process exited
///   0, and with what `exercises.tsv` says about each checked exercise.
public func readLessonResults(
  of lesson: Lesson, in directory: URL, termination: RunnerTermination, contentHash: String,
  seconds: Double, answers: [Int: SnippetSource] = [:]
) -> LessonRun {
  let progress =
    (try? String(
      contentsOf: directory.appending(path: ResultsFolder.progressFileName), encoding: .utf8))
    ?? ""
  var running: Int?
  var finished = false
  var thrown: String?
  var figureCounts: [Int: Int] = [:]
  var ended: [Int] = []
  for record in ProgressRecord.records(in: progress) {
    switch record {
    case .begin(let snippet): running = snippet
    case .end(let snippet, let figuresShown):
      figureCounts[snippet] = figuresShown
      ended.append(snippet)
      running = nil
    case .threw(let snippet, let description):
      running = snippet
      thrown = description
    case .finished: finished = true
    }
  }
  let figures = readFigures(in: directory.appending(path: ResultsFolder.figuresFolderName))
  var snippets: [SnippetRun] = []
  var shownBefore = 0
  for index in ended {
    let output =
      (try? String(
        contentsOf: directory.appending(
          path: ResultsFolder.snippetOutputFileName(snippetIndex: index)), encoding: .utf8)) ?? ""
    let shown = figureCounts[index] ?? shownBefore
    let mine = figures.filter { $0.number > shownBefore && $0.number <= shown }.map(\.figure)
    snippets.append(SnippetRun(index: index, output: output, figures: mine))
    shownBefore = shown
  }
  let standardError =
    (try? String(
      contentsOf: directory.appending(path: ResultsFolder.standardErrorFileName), encoding: .utf8))
    ?? ""
  var failure: LessonFailure?
  if termination != .exited(0) || !finished {
    let snippet = running.flatMap { index in lesson.snippets.first { $0.index == index } }
    let fallbackLine = snippet?.code.firstContentLine ?? 1
    let line = snippetFailureLine(in: standardError, path: lesson.path, snippet: snippet)
    var message: String
    if let thrown, termination == .exited(1) {
      message = "threw"
      if let snippet { message += " in snippet \(snippet.index + 1)" }
      message += ": " + thrown
    } else {
      switch termination {
      case .timedOut(let limit):
        message = "timed out after \(formatSeconds(limit)) s"
      case .signaled(let signal):
        message = "crashed (signal \(signal): \(signalName(signal)))"
      case .exited(let status):
        message = status == 0 ? "stopped before its end" : "exited with status \(status)"
      }
      if let snippet { message += " in snippet \(snippet.index + 1)" }
      let reason = crashReason(in: standardError)
      if !reason.isEmpty, !isTimeout(termination) {
        message += ": " + reason
      }
    }
    failure = LessonFailure(snippetIndex: running, line: line ?? fallbackLine, message: message)
  }
  return LessonRun(
    path: lesson.path, contentHash: contentHash, snippets: snippets, failure: failure,
    seconds: seconds, exercises: readExerciseRuns(of: lesson, in: directory, answers: answers))
}

/// The longest prefix of a results file read, so that a run that floods a file cannot exhaust
/// the memory of the tool reading it: 1 MiB.
let resultsFileReadLimit = 1 << 20

/// Reads at most ``resultsFileReadLimit`` bytes of a results file as UTF-8 (invalid bytes
/// replaced); empty when it cannot be read.
func readResultsFile(_ url: URL) -> String {
  guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
  defer { try? handle.close() }
  let data = (try? handle.read(upToCount: resultsFileReadLimit)) ?? Data()
  return String(decoding: data, as: UTF8.self)
}

/// What `exercises.tsv` and the exercise processes' standard error say about each variant of
/// each checked exercise of `lesson` that ran, in the order they ran.
///
/// A check with no `check` record did not run (the answer returned or stopped first); a
/// variant whose process ended normally but never wrote `done` stopped early (its code called
/// `exit`). The last record of each kind wins, and records of unknown exercises or checks are
/// ignored, so a damaged file never makes up results.
func readExerciseRuns(of lesson: Lesson, in directory: URL, answers: [Int: SnippetSource])
  -> [ExerciseRun]
{
  guard !lesson.exercises.isEmpty else { return [] }
  let text = readResultsFile(directory.appending(path: ExerciseFiles.recordsFileName))
  var ends: [String: (ExerciseProcessEnd, String)] = [:]
  var checkEnds: [String: (ExerciseProcessEnd, String)] = [:]
  var failures: [String: [CheckFailure]] = [:]
  var done: Set<String> = []
  var order: [String] = []
  func key(_ exercise: Int, _ variant: ExerciseVariant) -> String { "\(exercise)/\(variant)" }
  for record in ExerciseRecord.records(in: text) {
    switch record {
    case .failure(let exercise, let variant, let check, let line, let message):
      let checkKey = key(exercise, variant) + "/\(check)"
      if failures[checkKey, default: []].count < 20 {
        failures[checkKey, default: []].append(CheckFailure(line: line, message: message))
      }
    case .check(let exercise, let variant, let check, let end, let detail):
      checkEnds[key(exercise, variant) + "/\(check)"] = (end, detail)
    case .done(let exercise, let variant):
      done.insert(key(exercise, variant))
    case .answer(let exercise, let variant, let end, let detail):
      let variantKey = key(exercise, variant)
      if ends[variantKey] == nil { order.append(variantKey) }
      ends[variantKey] = (end, detail)
    }
  }
  var runs: [ExerciseRun] = []
  for exercise in lesson.exercises {
    for variant in ExerciseVariant.allCases {
      let variantKey = key(exercise.index, variant)
      guard let (end, detail) = ends[variantKey] else { continue }
      let reachedEnd = done.contains(variantKey)
      var checks: [CheckRun] = []
      for index in exercise.checks {
        let checkKey = variantKey + "/\(index)"
        let checkEnd = checkEnds[checkKey]
        var run = CheckRun(
          snippetIndex: index, end: checkEnd?.0, detail: checkEnd?.1 ?? "",
          failures: failures[checkKey] ?? [])
        if let checkEnd, checkEnd.0 == .crashed || checkEnd.0 == .timedOut {
          let standardError = readResultsFile(
            directory.appending(
              path: ExerciseFiles.standardErrorFileName(
                exercise: exercise.index, variant: variant, check: index)))
          let code = lesson.snippets[index].code
          run.crashLine = failureLine(
            in: standardError, path: lesson.path,
            lines: code.firstContentLine...max(code.firstContentLine, code.lastContentLine))
          let reason = crashReason(in: standardError)
          if !reason.isEmpty { run.detail += (run.detail.isEmpty ? "" : ": ") + reason }
        }
        checks.append(run)
      }
      var run = ExerciseRun(
        exerciseIndex: exercise.index, variant: variant,
        end: end == .completed && !reachedEnd ? .stopped : end,
        detail: end == .completed && !reachedEnd
          ? "the answer ended the process before its checks ran" : detail,
        reachedEnd: reachedEnd, checks: checks)
      if end == .crashed || end == .timedOut {
        let standardError = readResultsFile(
          directory.appending(
            path: ExerciseFiles.standardErrorFileName(exercise: exercise.index, variant: variant)))
        let source: SnippetSource
        if variant == .answer, let answer = answers[exercise.index] {
          source = answer
        } else {
          let snippet = lesson.snippets[
            variant == .solution ? exercise.solution : exercise.placeholder]
          source = SnippetSource(
            path: lesson.path, firstLine: snippet.code.firstContentLine,
            code: snippet.code.content)
        }
        let lineCount = max(
          1, source.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        run.crashLine = failureLine(
          in: standardError, path: source.path,
          lines: source.firstLine...(source.firstLine + lineCount - 1))
        let reason = crashReason(in: standardError)
        if !reason.isEmpty { run.detail += (run.detail.isEmpty ? "" : ": ") + reason }
      }
      if variant == .answer {
        run.output = firstLines(
          readResultsFile(
            directory.appending(
              path: ExerciseFiles.answerOutputFileName(exercise: exercise.index))), count: 20)
      }
      runs.append(run)
    }
  }
  let position = Dictionary(
    order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  return runs.sorted {
    (position[key($0.exerciseIndex, $0.variant)] ?? 0)
      < (position[key($1.exerciseIndex, $1.variant)] ?? 0)
  }
}

/// The first `count` lines of `text`, each cut to 200 characters.
func firstLines(_ text: String, count: Int) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).prefix(count).map {
    $0.count > 200 ? $0.prefix(199) + "…" : $0
  }.joined(separator: "\n")
}

/// The first `PATH:LINE` named in standard error (a backtrace frame names the path, a
/// `fatalError` message `Module/FILE`) whose line lies in `lines`.
func failureLine(in standardError: String, path: String, lines: ClosedRange<Int>) -> Int? {
  let fileName = path.split(separator: "/").last.map(String.init) ?? path
  for needle in [path + ":", "/" + fileName + ":"] {
    var rest = Substring(standardError)
    while let range = rest.range(of: needle) {
      let digits = rest[range.upperBound...].prefix(while: \.isNumber)
      if let line = Int(digits), lines.contains(line) { return line }
      rest = rest[range.upperBound...]
    }
  }
  return nil
}

/// The first `PATH:LINE` of this lesson named in standard error (a backtrace frame names the
/// path; a `fatalError` message names `Module/FILE`), when it lies inside the running snippet.
func snippetFailureLine(in standardError: String, path: String, snippet: Snippet?) -> Int? {
  guard let snippet, snippet.code.firstContentLine <= snippet.code.lastContentLine else {
    return nil
  }
  return failureLine(
    in: standardError, path: path,
    lines: snippet.code.firstContentLine...snippet.code.lastContentLine)
}

private func isTimeout(_ termination: RunnerTermination) -> Bool {
  if case .timedOut = termination { return true }
  return false
}

/// The lines of standard error that say why a process stopped (`Fatal error: …`,
/// `lesson-runner: …`), joined; empty when there are none.
func crashReason(in standardError: String) -> String {
  let lines = standardError.split(separator: "\n").filter {
    $0.contains("Fatal error") || $0.contains("Precondition failed")
      || $0.contains("Assertion failed") || $0.hasPrefix("lesson-runner:")
  }
  return lines.prefix(3).joined(separator: "; ")
}

private func signalName(_ signal: Int32) -> String {
  switch signal {
  case 4: return "SIGILL, a Swift runtime trap"
  case 5: return "SIGTRAP, a Swift runtime trap"
  case 6: return "SIGABRT"
  case 8: return "SIGFPE"
  case 9: return "SIGKILL"
  case 11: return "SIGSEGV"
  case 15: return "SIGTERM"
  default: return "signal \(signal)"
  }
}

/// Seconds written with up to three decimals (`1.5`, `60`, `0.012`).
func formatSeconds(_ seconds: Double) -> String {
  let rounded = (seconds * 1000).rounded() / 1000
  if rounded == rounded.rounded() { return String(Int(rounded)) }
  return String(rounded)
}

private func readFigures(in directory: URL) -> [(number: Int, figure: FigureOutput)] {
  guard
    let index = try? String(
      contentsOf: directory.appending(path: FiguresFolder.indexFileName), encoding: .utf8)
  else { return [] }
  return FigureIndexEntry.entries(in: index).map { entry in
    let svg =
      (try? String(
        contentsOf: directory.appending(path: FiguresFolder.figureFileName(number: entry.number)),
        encoding: .utf8)) ?? ""
    return (entry.number, FigureOutput(svg: svg, caption: entry.caption))
  }
}
