// What every benchmark needs: running the numpy reference scripts and timing a closure.

import Foundation

/// Runs `python3 arguments…` and returns its standard output, or `nil` when Python is
/// missing or the script fails (the benchmarks then print their own figures only).
///
/// - Parameter arguments: The script and its arguments (or `-c CODE`).
func runPython(_ arguments: [String]) -> String? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3"] + arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}

/// The wall-clock seconds `body` takes.
///
/// - Parameter body: The work to time.
func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = ContinuousClock.now
  try body()
  let elapsed = ContinuousClock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}
