// What the generated lesson code calls between snippets: it sends each snippet's standard
// output to its own file and records progress, so that a crash or a hang mid-lesson still
// leaves the outputs of the snippets that finished and the number of the one that was running.
// The files are defined in LessonResultsFormat; LessonKit reads them back.

import CLessonGuard
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

  /// Opens `directory/progress.tsv`, line-buffers standard output and installs the guards
  /// (CLessonGuard): every file the process writes is limited to `maxFileBytes`, and a fatal
  /// signal is recorded in progress.tsv (a stack overflow told apart) before the runtime's
  /// backtrace, then ends the process.
  ///
  /// - Parameters:
  ///   - directory: The results folder.
  ///   - maxFileBytes: The limit on the size of each file the lesson writes (each snippet's
  ///     output, standard error, each figure); 0 for none.
  public init(resultsDirectory directory: String, maxFileBytes: Int = 0) {
    self.directory = directory
    neverTrue = getenv("DESCENT_LESSON_RUNNER_NEVER_SET_THIS") != nil
    let path = directory + "/" + ResultsFolder.progressFileName
    progress = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0o644)
    if progress < 0 { exitLessonRunner("cannot write \(path)") }
    setvbuf(stdout, nil, _IOLBF, 0)
    let status = lesson_guard_install(progress, Int64(maxFileBytes))
    if status != 0 {
      exitLessonRunner("cannot install the signal handlers: \(String(cString: strerror(status)))")
    }
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
    lesson_guard_set_running(Int32(index))
    record(.begin(snippet: index))
  }

  /// Called after snippet `index` ran: records how many figures were shown so far.
  public func end(_ index: Int) {
    fflush(stdout)
    running = nil
    lesson_guard_set_running(-1)
    record(.end(snippet: index, figuresShown: figuresShownCount))
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
