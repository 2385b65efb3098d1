// descent-bench lessons: how long checking the lessons takes.
//
// 0. The author's loop in a copy of the package: cold verify, edit-to-verified for 7, 12 and
//    50 lessons, debug against optimized numerics (AuthorLoopBench.swift; about 30 minutes on
//    2 cores, most of it the copy's builds).
// 1. `lessons verify` on this package (run from the package root): with nothing changed (every
//    run cached: the target is ≤ 1 s), and with `--no-cache` (build check + every lesson run),
//    with the time of each lesson.
// 2. Compiling K synthetic snippets merged into one program (as `lessons` does) against
//    compiling one program per snippet, with `swiftc` and the standard library only (lessons
//    of 10 snippets, each lesson one function, as in Lessons/), so the
//    numbers measure the compiler and not the library. One program per snippet is measured
//    for K = 10 and extrapolated linearly beyond (it would take minutes); set
//    DESCENT_BENCH_FULL=1 to measure it for every K. The target: 100 more snippets add ≤ 3 s.

import Foundation
import LessonKit

func benchLessons() throws {
  let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  let bin = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  let lessons = bin.appending(path: "lessons")
  if FileManager.default.fileExists(atPath: root.appending(path: "Lessons").path),
    FileManager.default.isExecutableFile(atPath: lessons.path)
  {
    try benchVerify(lessons: lessons, root: root)
    try benchAuthorLoop(lessonsTool: lessons, root: root)
  } else {
    print("verify: skipped (run from the package root after `swift build`)")
  }
  try benchMergedCompilation()
}

private func benchVerify(lessons: URL, root: URL) throws {
  _ = try timedRun(lessons, ["verify"], in: root)  // fill the cache (builds when needed)
  let warm = try timedRun(lessons, ["verify"], in: root)
  let cold = try timedRun(lessons, ["verify", "--no-cache"], in: root)
  let lessonLines = cold.output.split(separator: "\n").filter {
    $0.hasPrefix("Lessons/") && $0.contains(" snippet")
  }
  let count = lessonLines.count
  print("verify, nothing changed (all cached):   \(format(warm.seconds)) s  (target ≤ 1 s)")
  print("verify --no-cache (\(count) lessons run):     \(format(cold.seconds)) s")
  for line in lessonLines { print("  \(line)") }
  if warm.status != 0 || cold.status != 0 { print("  (some lessons fail; see lessons verify)") }
}

private func benchMergedCompilation() throws {
  let full = ProcessInfo.processInfo.environment["DESCENT_BENCH_FULL"] == "1"
  let work = FileManager.default.temporaryDirectory.appending(path: "lessons-bench-\(getpid())")
  try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: work) }
  print("K snippets   merged build+run   one program per snippet   ratio")
  var merged: [Int: Double] = [:]
  var perSnippet: Double?
  for k in [10, 100, 300] {
    let mergedSeconds = try buildAndRun(snippets: Array(0..<k), in: work, name: "merged\(k)")
    merged[k] = mergedSeconds
    var separate: Double
    var note = ""
    if k == 10 || full {
      separate = 0
      for i in 0..<k {
        separate += try buildAndRun(snippets: [i], in: work, name: "one\(k)-\(i)")
      }
      perSnippet = separate / Double(k)
    } else {
      separate = (perSnippet ?? 0) * Double(k)
      note = " (extrapolated)"
    }
    print(
      "\(pad(String(k), 10))   \(pad(format(mergedSeconds) + " s", 16))   "
        + "\(pad(format(separate) + " s" + note, 23))   \(format(separate / mergedSeconds))×")
  }
  if let ten = merged[10], let hundredTen = merged[100] {
    let added = (hundredTen - ten) * 100 / 90
    print("100 more snippets add \(format(added)) s to a merged build (target ≤ 3 s)")
  }
}

/// Generates lessons of the given synthetic snippets (10 a lesson), compiles them with
/// `swiftc` into one program, runs it, and returns the wall-clock seconds of both.
private func buildAndRun(snippets: [Int], in work: URL, name: String) throws -> Double {
  let folder = work.appending(path: name)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  // Lessons of at most 10 snippets each, as real lessons are (each lesson is one function).
  var lessons: [Lesson] = []
  for (number, start) in stride(from: 0, to: snippets.count, by: 10).enumerated() {
    var markdown = "# Bench \(number)\n\n"
    for i in snippets[start..<min(start + 10, snippets.count)] {
      markdown += "```swift\nlet values\(i) = (0..<100).map { $0 * \(i) }\n"
      markdown += "print(\"snippet \(i):\", values\(i).reduce(0, +))\n```\n\n"
    }
    lessons.append(try Lesson(parsing: markdown, path: "Lessons/bench-\(number).md"))
  }
  try generateLessonSource(for: lessons, imports: []).write(
    to: folder.appending(path: "Generated.swift"), atomically: true, encoding: .utf8)
  try """
  final class SnippetBoundary {
    let neverTrue = false
    func begin(_ index: Int) {}
    func end(_ index: Int) {}
  }
  for path in generatedLessonPaths() { try generatedLesson(atPath: path)!(SnippetBoundary()) }

  """.write(to: folder.appending(path: "main.swift"), atomically: true, encoding: .utf8)
  let start = Date()
  let build = try timedRun(
    URL(fileURLWithPath: "/usr/bin/env"),
    ["swiftc", "-Onone", "main.swift", "Generated.swift", "-o", "program"], in: folder)
  guard build.status == 0 else {
    throw BenchError(message: "swiftc failed for \(name): \(build.output)")
  }
  let run = try timedRun(folder.appending(path: "program"), [], in: folder)
  guard run.status == 0, run.output.split(separator: "\n").count == snippets.count else {
    throw BenchError(message: "the \(name) program did not print one line per snippet")
  }
  return Date().timeIntervalSince(start)
}

private struct BenchError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

private func timedRun(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (
  status: Int32, output: String, seconds: Double
) {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  let start = Date()
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: data, as: UTF8.self),
    Date().timeIntervalSince(start)
  )
}

private func format(_ value: Double) -> String {
  String(format: value < 10 ? "%.2f" : "%.1f", value)
}

private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
