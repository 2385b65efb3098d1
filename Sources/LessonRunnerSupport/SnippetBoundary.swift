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
  /// The results folder.
  let directory: String
  private let progress: Int32
  /// The snippet that began last.
  private var running: Int?
  /// The exercise and variant this process runs, in an exercise's process (Exercise.swift).
  var exerciseContext: (exercise: Int, variant: ExerciseVariant)?
  /// When the running snippet began (`CLOCK_MONOTONIC`, nanoseconds).
  private var began = 0

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
    // Readable too: a `fails` snippet's error line checks how the output ends (pread).
    let file = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
    if file < 0 { exitLessonRunner("cannot write \(path)") }
    dup2(file, 1)
    close(file)
    running = index
    lesson_guard_set_running(Int32(index))
    record(.begin(snippet: index))
    began = monotonicNanoseconds()
  }

  /// Called after snippet `index` ran: records how many figures were shown so far, and how
  /// long the snippet took.
  public func end(_ index: Int) {
    let elapsed = monotonicNanoseconds() - began
    fflush(stdout)
    running = nil
    lesson_guard_set_running(-1)
    record(.end(snippet: index, figuresShown: figuresShownCount, nanoseconds: max(0, elapsed)))
  }

  /// Runs the body of snippet `index`, marked `fails`, in a process of its own, forked from
  /// this one so that it sees the lesson's state, and expects it to fail.
  ///
  /// What the child prints goes to the snippet's output as usual; then this process appends
  /// the error that stopped it (`ExpectedFailure`): `threw: DESCRIPTION` for an error thrown
  /// out of the body, the Swift runtime's message (`Fatal error: …`) for a trap, `crashed
  /// (signal N)` for a crash without one, `exited with status N` for `exit(N)`. The lesson
  /// then goes on after the snippet, in this process, where nothing the body did happened (its
  /// declarations are local to it). When the body runs to its end, a `nofailure` record is
  /// written and the lesson stops with status 1. Figures the body shows are not kept; its
  /// standard error goes to `snippet-INDEX.err`.
  ///
  /// - Parameters:
  ///   - index: The snippet's index (`begin(_:)` was called with it).
  ///   - body: The snippet's code.
  public func expectFailure(_ index: Int, _ body: () throws -> Void) {
    fflush(stdout)
    fflush(stderr)
    let errorPath = directory + "/" + ResultsFolder.snippetErrorFileName(snippetIndex: index)
    let parent = getpid()
    let child = fork()
    if child < 0 {
      exitLessonRunner(
        "cannot start a process for snippet \(index + 1), marked fails: "
          + String(cString: strerror(errno)))
    }
    if child == 0 {
      lesson_guard_enter_failing_child(parent)
      unsetenv(FiguresFolder.environmentVariable)
      let file = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      if file >= 0 {
        dup2(file, 2)
        close(file)
      }
      do {
        try body()
      } catch {
        endOutputLine()
        print(ExpectedFailure.thrownLine(description: String(describing: error)), terminator: "")
        fflush(stdout)
        _exit(SnippetBoundary.thrownStatus)
      }
      fflush(stdout)
      _exit(0)
    }
    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 {
      guard errno == EINTR else { exitLessonRunner("lost the process of snippet \(index + 1)") }
    }
    let signal = status & 0x7F
    let exitStatus = (status >> 8) & 0xFF
    if signal != 0 || (exitStatus != 0 && exitStatus != SnippetBoundary.thrownStatus) {
      endOutputLine()
    }
    if signal != 0 {
      let standardError = String(
        decoding: readPrefix(ofFile: errorPath, limit: 1 << 16), as: UTF8.self)
      print(ExpectedFailure.trapLine(standardError: standardError, signal: signal), terminator: "")
    } else if exitStatus == LESSON_GUARD_OVERFLOW_STATUS {
      // The child reached the size limit and recorded it: the lesson stops as it would have.
      _exit(LESSON_GUARD_OVERFLOW_STATUS)
    } else if exitStatus == 0 {
      fflush(stdout)
      record(.didNotFail(snippet: index))
      close(progress)
      exit(1)
    } else if exitStatus != SnippetBoundary.thrownStatus {
      print(ExpectedFailure.exitLine(status: exitStatus), terminator: "")
    }
    fflush(stdout)
  }

  /// The exit status of a `fails` snippet's process whose body threw (the line is written).
  private static let thrownStatus: Int32 = 86

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

/// Ends the last line of standard output (a file) when it has no line feed, so that the error
/// line of a `fails` snippet starts a line of its own.
private func endOutputLine() {
  fflush(stdout)
  var info = stat()
  guard fstat(1, &info) == 0, info.st_size > 0 else { return }
  var last: UInt8 = 0
  if pread(1, &last, 1, info.st_size - 1) == 1, last != UInt8(ascii: "\n") {
    print("")
    fflush(stdout)
  }
}

/// The first `limit` bytes of the file at `path` (none when it cannot be read).
private func readPrefix(ofFile path: String, limit: Int) -> [UInt8] {
  let file = open(path, O_RDONLY)
  guard file >= 0 else { return [] }
  defer { close(file) }
  var bytes = [UInt8](repeating: 0, count: limit)
  let count = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress, limit) }
  return Array(bytes.prefix(max(0, count)))
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
