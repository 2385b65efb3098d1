// What the generated lesson code calls between snippets: it sends each snippet's standard
// output to its own file and records progress, so that a crash or a hang mid-lesson still
// leaves the outputs of the snippets that finished and the number of the one that was running.
// The files are defined in LessonResultsFormat; LessonKit reads them back.

import LessonResultsFormat
@_spi(LessonRunner) import LessonSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Records snippet boundaries of one lesson run into a results folder.
///
/// Only generated lesson code and `runLessonProgram(arguments:paths:lesson:)` use it.
public final class SnippetBoundary {
  /// Always `false`, but unknown to the compiler: `norun` snippets sit under it.
  public let neverTrue: Bool
  private let directory: String
  private let progress: Int32
  /// The snippet that began last.
  private var running: Int?
  /// When the running snippet began (`CLOCK_MONOTONIC`, nanoseconds).
  private var began = 0

  /// Opens `directory/progress.tsv` and line-buffers standard output.
  public init(resultsDirectory directory: String) {
    self.directory = directory
    neverTrue = getenv("DESCENT_LESSON_RUNNER_NEVER_SET_THIS") != nil
    let path = directory + "/" + ResultsFolder.progressFileName
    progress = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
    if progress < 0 { exitLessonRunner("cannot write \(path)") }
    setvbuf(stdout, nil, _IOLBF, 0)
  }

  /// Called before snippet `index` runs: its output goes to `snippet-INDEX.out`.
  public func begin(_ index: Int) {
    fflush(stdout)
    let path = directory + "/" + ResultsFolder.snippetOutputFileName(snippetIndex: index)
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if file < 0 { exitLessonRunner("cannot write \(path)") }
    dup2(file, 1)
    close(file)
    running = index
    record(.begin(snippet: index))
    began = monotonicNanoseconds()
  }

  /// Called after snippet `index` ran: records how many figures were shown so far, and how
  /// long the snippet took.
  public func end(_ index: Int) {
    let elapsed = monotonicNanoseconds() - began
    fflush(stdout)
    running = nil
    record(.end(snippet: index, figuresShown: figuresShownCount, nanoseconds: max(0, elapsed)))
  }

  /// Called when an error thrown out of the running snippet stopped the lesson: records the
  /// snippet and the error's description (`String(describing:)`).
  ///
  /// - Parameter error: The error.
  public func threw(_ error: any Error) {
    fflush(stdout)
    guard let running else {
      exitLessonRunner("an error was thrown outside every snippet: \(error)")
    }
    record(.threw(snippet: running, description: String(describing: error)))
    close(progress)
  }

  /// Called when the lesson ran to its end.
  public func finish() {
    fflush(stdout)
    record(.finished)
    close(progress)
  }

  private func record(_ entry: ProgressRecord) {
    var bytes = Array(entry.line.utf8)
    _ = bytes.withUnsafeMutableBytes { write(progress, $0.baseAddress, $0.count) }
  }
}

/// The monotonic clock, in nanoseconds.
private func monotonicNanoseconds() -> Int {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
}

/// Writes `lesson-runner: message` to standard error and exits with status 70 — the lessons
/// program's own failures (bad arguments, an unwritable results folder), not a lesson's.
/// Internal, so that no snippet calls it.
///
/// - Parameter message: What went wrong.
func exitLessonRunner(_ message: String) -> Never {
  let line = "lesson-runner: \(message)\n"
  _ = line.withCString { write(2, $0, strlen($0)) }
  exit(70)
}
