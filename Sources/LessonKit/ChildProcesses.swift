// The processes `lessons` starts (`swift build`, one lesson process each), known by their ids
// so that a command stopped by Ctrl-C (`lessons preview`) leaves none running.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The child processes LessonKit has running: each `swift build` and lesson process registers
/// while it runs.
///
///     ChildProcesses.stopAll()   // on Ctrl-C: every build interrupted, every lesson killed
public enum ChildProcesses {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var running: [Int32: Int32] = [:]

  /// Records the running process `pid`, to be sent `signal` by ``stopAll()``.
  static func add(_ pid: Int32, stopWith signal: Int32) {
    lock.withLock { running[pid] = signal }
  }

  /// Forgets `pid` (it has exited).
  static func remove(_ pid: Int32) {
    _ = lock.withLock { running.removeValue(forKey: pid) }
  }

  /// The processes running now.
  public static var pids: [Int32] { lock.withLock { Array(running.keys).sorted() } }

  /// Stops every running child: a `swift build` gets SIGINT (SwiftPM then stops the compilers
  /// it started), a lesson process SIGKILL.
  public static func stopAll() {
    for (pid, signal) in lock.withLock({ running }) { kill(pid, signal) }
  }
}
