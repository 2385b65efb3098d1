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
  /// `options.environment`, no standard input,
  /// and its standard error in `stderr.txt`. After `options.timeout` seconds it gets SIGILL (so
  /// the Swift runtime prints a backtrace naming the lesson's line), then SIGKILL.
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
    process.arguments = [lesson.path, "--results", directory.path]
    process.currentDirectoryURL = options.packageDirectory
    process.environment = lessonEnvironment(
      inheriting: ProcessInfo.processInfo.environment, figuresDirectory: figures.path,
      setting: options.environment)
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
          // SIGILL first (a signal Dispatch threads do not block, so the child has it unblocked
          // too): the Swift runtime prints a backtrace whose frames name the lesson's line, so
          // the report can point at the loop. A signal sent from outside does not end the
          // program once the backtrace is printed, so SIGKILL follows when standard error has
          // stopped growing for half a second (at most 10 s later).
          guard state.signalIfRunning(pid, SIGILL) else { return }
          var lastSize = -1
          var steady = 0
          for _ in 0..<100 where !state.isFinished {
            usleep(100_000)
            let size =
              ((try? FileManager.default.attributesOfItem(atPath: standardError.path))?[.size]
                as? Int) ?? 0
            steady = size > 0 && size == lastSize ? steady + 1 : 0
            if steady == 5 { break }
            lastSize = size
          }
          state.signalIfRunning(pid, SIGKILL)
        }
      }
    } onCancel: {
      // The task was cancelled (Ctrl-C in `lessons preview`): the lesson must not outlive it.
      state.cancel()
    }
    let seconds = Date().timeIntervalSince(start)
    return readLessonResults(
      of: lesson, in: directory, termination: termination, contentHash: hash, seconds: seconds)
  }
}

/// Whether a runner process finished or was killed for running too long (used from the
/// timer's and the termination handler's threads).
private final class RunState: @unchecked Sendable {
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

  /// Sends `signal` to `pid` unless the process already finished; marks the run timed out.
  ///
  /// - Returns: Whether the signal was sent.
  @discardableResult
  func signalIfRunning(_ pid: Int32, _ signal: Int32) -> Bool {
    lock.withLock {
      guard !finished else { return false }
      timedOut = true
      kill(pid, signal)
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
