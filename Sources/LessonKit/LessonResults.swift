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
/// - Returns: The run, with `failure` set unless every snippet finished and the process exited 0.
public func readLessonResults(
  of lesson: Lesson, in directory: URL, termination: RunnerTermination, contentHash: String,
  seconds: Double
) -> LessonRun {
  let progress =
    (try? String(
      contentsOf: directory.appending(path: ResultsFolder.progressFileName), encoding: .utf8))
    ?? ""
  var running: Int?
  var finished = false
  var thrown: String?
  var figureCounts: [Int: Int] = [:]
  var durations: [Int: Double] = [:]
  var ended: [Int] = []
  for record in ProgressRecord.records(in: progress) {
    switch record {
    case .begin(let snippet): running = snippet
    case .end(let snippet, let figuresShown, let nanoseconds):
      figureCounts[snippet] = figuresShown
      durations[snippet] = nanoseconds.map { Double($0) / 1e9 }
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
    snippets.append(
      SnippetRun(index: index, output: output, figures: mine, seconds: durations[index]))
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
    seconds: seconds)
}

/// The first `PATH:LINE` of this lesson named in standard error (a backtrace frame names the
/// path; a `fatalError` message names `Module/FILE`), when it lies inside the running snippet.
func snippetFailureLine(in standardError: String, path: String, snippet: Snippet?) -> Int? {
  guard let snippet else { return nil }
  let fileName = path.split(separator: "/").last.map(String.init) ?? path
  for needle in [path + ":", "/" + fileName + ":"] {
    var rest = Substring(standardError)
    while let range = rest.range(of: needle) {
      let digits = rest[range.upperBound...].prefix(while: \.isNumber)
      if let line = Int(digits), line >= snippet.code.firstContentLine,
        line <= snippet.code.lastContentLine
      {
        return line
      }
      rest = rest[range.upperBound...]
    }
  }
  return nil
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
