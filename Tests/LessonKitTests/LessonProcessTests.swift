import Foundation
import Testing

@testable import LessonKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Lesson processes")
struct LessonProcessTests {
  @Test("Cancelling a run kills its lesson process (Ctrl-C in lessons preview leaves none)")
  func cancellationKills() async throws {
    let folder = try temporaryFolder("cancel")
    defer { try? FileManager.default.removeItem(at: folder) }
    // A stand-in lessons program that records its process id and sleeps for two minutes.
    let pidFile = folder.appending(path: "pid")
    let runner = folder.appending(path: "runner.sh")
    try "#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 120\n".write(
      to: runner, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: runner.path)
    let options = LessonRunOptions(packageDirectory: folder, timeout: 300)
    let sleeper = lesson("Lessons/s.md", [snippet(0, "print(1)\n", at: 1)])
    let task = Task {
      try await LessonProcess.run(sleeper, runner: runner, hash: "h", options: options)
    }
    var pid: Int32?
    for _ in 0..<600 where pid == nil {
      pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
        Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      if pid == nil { try await Task.sleep(for: .milliseconds(50)) }
    }
    let running = try #require(pid, "the stand-in runner never started")
    #expect(ChildProcesses.pids.contains(running))
    task.cancel()
    let run = try await task.value
    // Killed by SIGKILL, not ended by `sleep` two minutes later.
    #expect(run.failure?.message.hasPrefix("was killed (signal 9: SIGKILL") == true)
    #expect(kill(running, 0) == -1 && errno == ESRCH)
    #expect(!ChildProcesses.pids.contains(running))
  }
}
