// One lesson process: `lesson-runner LESSON --results DIR` with its environment, a time limit
// enforced with signals, and its results folder read back.

import Foundation
import LessonResultsFormat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs one lesson in its own process.
enum LessonProcess {
  /// Runs `lesson` with `runner` in a results folder of its own under
  /// `options.workDirectory`, and reads the results back.
  ///
  /// The process gets ``lessonEnvironment(inheriting:figuresDirectory:setting:)`` with
  /// `options.environment`, no standard input, its standard error in `stderr.txt`, and
  /// `--max-output options.maxOutput`. After `options.timeout` seconds it is asked where it
  /// is (``sampleTimedOutLesson(pid:lesson:directory:state:)``), then killed.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - runner: The built lessons program.
  ///   - hash: The run's cache key, recorded in the run.
  ///   - options: The package, the work folder and the time limit.
  /// - Returns: The run (`failure` set unless it ran to its end).
  /// - Throws: When the folder cannot be made or the program cannot be started.
  static func run(
    _ lesson: Lesson, runner: URL, hash: String, options: LessonRunOptions
  ) async throws -> LessonRun {
    // A folder of its own, so a `lessons verify` and a `swift test` running the same lesson at
    // the same time do not mix their results; removed once read.
    let directory = options.workDirectory.appending(
      path: safeName(forLessonAt: lesson.path) + "-" + UUID().uuidString)
    let manager = FileManager.default
    defer { try? manager.removeItem(at: directory) }
    let figures = directory.appending(path: ResultsFolder.figuresFolderName)
    try manager.createDirectory(at: figures, withIntermediateDirectories: true)
    let standardError = directory.appending(path: ResultsFolder.standardErrorFileName)
    _ = manager.createFile(atPath: standardError.path, contents: nil)

    let process = Process()
    process.executableURL = runner
    process.arguments = [
      lesson.path, "--results", directory.path, "--max-output", String(options.maxOutput),
    ]
    process.currentDirectoryURL = options.packageDirectory
    var environment = lessonEnvironment(
      inheriting: ProcessInfo.processInfo.environment, figuresDirectory: figures.path,
      setting: options.environment)
    environment[ExerciseFiles.timeoutVariable] = String(options.exerciseTimeout)
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errorHandle = try FileHandle(forWritingTo: standardError)
    process.standardError = errorHandle
    defer { try? errorHandle.close() }

    let start = Date()
    let state = RunState()
    let termination: RunnerTermination = try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { finished in
          ChildProcesses.remove(finished.processIdentifier)
          if state.finish() {
            continuation.resume(returning: .timedOut(options.timeout))
          } else if finished.terminationReason == .uncaughtSignal {
            continuation.resume(returning: .signaled(finished.terminationStatus))
          } else {
            continuation.resume(returning: .exited(finished.terminationStatus))
          }
        }
        do {
          try process.run()
        } catch {
          continuation.resume(throwing: error)
          return
        }
        let pid = process.processIdentifier
        ChildProcesses.add(pid, stopWith: SIGKILL)
        state.started(pid)
        DispatchQueue.global().asyncAfter(deadline: .now() + options.timeout) {
          sampleTimedOutLesson(pid: pid, lesson: lesson, directory: directory, state: state)
        }
      }
    } onCancel: {
      // The task was cancelled (Ctrl-C in `lessons preview`): the lesson must not outlive it.
      state.cancel()
    }
    let seconds = Date().timeIntervalSince(start)
    return readLessonResults(
      of: lesson, in: directory, termination: termination, contentHash: hash, seconds: seconds,
      maxOutput: options.maxOutput)
  }

  /// Finds out where a lesson past its time limit is, then kills it (SIGKILL).
  ///
  /// The runner takes SIGILL from its parent as a request for a backtrace (CLessonGuard): the
  /// Swift runtime prints one to standard error, whose frames name the lesson's line, the
  /// runner appends a `backtrace` record and the lesson goes on. The interrupted instruction
  /// may have no line in the debug information (code the compiler added; about one sample in
  /// four in a tight loop), so this asks again, up to ``maximumBacktraces`` times, until a
  /// frame names a line of the running snippet. It waits for each backtrace to be complete,
  /// however long a loaded machine takes, up to ``backtraceWait`` seconds each. A process
  /// that is handling a fatal signal of its own (a `signal` record) is asked nothing more and
  /// left to end itself, for as long.
  ///
  /// - Parameters:
  ///   - pid: The lesson process.
  ///   - lesson: Its lesson.
  ///   - directory: Its results folder.
  ///   - state: The run's state (marked timed out).
  static func sampleTimedOutLesson(
    pid: Int32, lesson: Lesson, directory: URL, state: RunState
  ) {
    func records() -> [ProgressRecord] {
      let path = directory.appending(path: ResultsFolder.progressFileName).path
      let bytes = readFilePrefix(atPath: path, limit: 1 << 20)?.bytes ?? []
      return ProgressRecord.records(in: String(decoding: bytes, as: UTF8.self))
    }
    func waitWhileRunning(until done: () -> Bool) {
      let end = Date().addingTimeInterval(backtraceWait)
      while !state.isFinished, !done(), Date() < end { usleep(100_000) }
    }
    if records().contains(where: { if case .signal = $0 { true } else { false } }) {
      waitWhileRunning { false }
      state.signalIfRunning(pid, SIGKILL, timingOut: false)
      return
    }
    for requested in 1...maximumBacktraces {
      guard state.signalIfRunning(pid, SIGILL, timingOut: true) else { return }
      var current: [ProgressRecord] = []
      var crashing = false
      waitWhileRunning {
        current = records()
        crashing = current.contains { if case .signal = $0 { true } else { false } }
        return crashing
          || current.count { if case .backtrace = $0 { true } else { false } } >= requested
      }
      if crashing {
        // A fatal signal of its own while it was being sampled: let it end.
        waitWhileRunning { false }
        break
      }
      let running = runningSnippet(in: current).flatMap { index in
        lesson.snippets.first { $0.index == index }
      }
      let errorPath = directory.appending(path: ResultsFolder.standardErrorFileName).path
      let standardError = String(
        decoding: readFilePrefix(atPath: errorPath, limit: 1 << 20)?.bytes ?? [], as: UTF8.self)
      if snippetFailureLine(in: standardError, path: lesson.path, snippet: running) != nil {
        break
      }
    }
    state.signalIfRunning(pid, SIGKILL, timingOut: true)
  }

  /// How many backtraces a timed-out lesson is asked for at most: 12 (one in four lands on an
  /// instruction without a line, so 12 all do about once in 17 million).
  static let maximumBacktraces = 12

  /// Seconds to wait for one backtrace of a timed-out lesson: 20. One takes a fraction of a
  /// second on a quiet machine, a few on a loaded one; a process that has not answered after
  /// 20 s is stuck.
  static let backtraceWait = 20.0
}

/// The snippet that began last and did not end, in `records`.
func runningSnippet(in records: [ProgressRecord]) -> Int? {
  var running: Int?
  for record in records {
    switch record {
    case .begin(let snippet): running = snippet
    case .end: running = nil
    default: break
    }
  }
  return running
}

/// Whether a runner process finished or was killed for running too long (used from the
/// timer's and the termination handler's threads).
final class RunState: @unchecked Sendable {
  private let lock = NSLock()
  private var finished = false
  private var timedOut = false
  private var pid: Int32?
  private var cancelled = false

  /// Records the process id once it runs (and kills it at once if the run was cancelled
  /// before).
  func started(_ pid: Int32) {
    lock.withLock {
      self.pid = pid
      if cancelled { kill(pid, SIGKILL) }
    }
  }

  /// Kills the process with SIGKILL unless it already finished (not a time-out), or as soon
  /// as it starts.
  func cancel() {
    lock.withLock {
      cancelled = true
      guard !finished, let pid else { return }
      kill(pid, SIGKILL)
    }
  }

  /// Sends `signal` (none when 0) to `pid` unless the process already finished; with
  /// `timingOut`, marks the run timed out.
  ///
  /// - Returns: Whether the process was still running.
  @discardableResult
  func signalIfRunning(_ pid: Int32, _ signal: Int32, timingOut: Bool) -> Bool {
    lock.withLock {
      guard !finished else { return false }
      if timingOut { timedOut = true }
      if signal != 0 { kill(pid, signal) }
      return true
    }
  }

  /// Whether the process has finished.
  var isFinished: Bool { lock.withLock { finished } }

  /// Marks the process finished; returns whether it had been killed for its time limit.
  func finish() -> Bool {
    lock.withLock {
      finished = true
      return timedOut
    }
  }
}

/// The environment a lesson process runs in: the caller's, plus the folder `show(_:)` writes
/// figures to, plus `variables` (by default single-threaded BLAS; see
/// `LessonRunOptions.oneBLASThread`).
///
/// - Parameters:
///   - environment: The environment to start from (the `lessons` process's own).
///   - figuresDirectory: The folder for `DESCENT_FIGURES_DIR` (`FiguresFolder`).
///   - variables: The variables to set on top (`LessonRunOptions.environment`).
/// - Returns: The environment for the lesson process.
func lessonEnvironment(
  inheriting environment: [String: String], figuresDirectory: String,
  setting variables: [String: String] = LessonRunOptions.oneBLASThread
) -> [String: String] {
  var result = environment.merging(variables) { _, new in new }
  result[FiguresFolder.environmentVariable] = figuresDirectory
  return result
}
