// descent-bench lessons, the author's loop (issue 16): in a temporary copy of the package
// (its own cold build), how long `lessons verify` takes
//
// 1. cold: the whole course with --no-cache, the first build included, and each lesson's run;
// 2. after an edit: a `print` snippet (with its output block) added to one lesson, then
//    `lessons verify` of that lesson, for courses of 7 (the real one), 12 and 50 lessons (the
//    real lessons and copies of them, so every lesson has a real lesson's size); the target is
//    ≤ 3 s on 2 cores, nearly flat in the number of lessons; median of 3 edits, each printed;
// 3. the numeric modules in a plain debug build (-Onone, Package.swift's `optimizedInDebug`
//    emptied in the copy): the course's run time again, and every snippet's output and figure
//    compared byte for byte with the optimized runs.
//
// DESCENT_BENCH_SOURCE=DIR copies another checkout instead of this package (e.g. an older
// commit, for before/after figures; its Package.swift need not have `optimizedInDebug`, then
// part 3 is skipped). DESCENT_BENCH_SIZES=7,12 limits the course sizes. The machine's load
// average is printed with each figure: other work on the 2 cores slows every figure.

import Foundation
import LessonKit

func benchAuthorLoop(lessonsTool: URL, root: URL) throws {
  let environment = ProcessInfo.processInfo.environment
  let source = environment["DESCENT_BENCH_SOURCE"].map { URL(fileURLWithPath: $0) } ?? root
  let sizes =
    environment["DESCENT_BENCH_SIZES"]?.split(separator: ",").compactMap { Int($0) } ?? [7, 12, 50]
  let copy = FileManager.default.temporaryDirectory.appending(
    path: "descent-author-loop-\(getpid())")
  defer { try? FileManager.default.removeItem(at: copy) }
  try copyPackage(from: source, to: copy)
  // Translations are left out of the copy: an edit of an English lesson alone would make its
  // translation drift (a translator brings it in step), and what a translation's second run
  // costs is in `lessons verify --no-cache` above.
  try? FileManager.default.removeItem(at: copy.appending(path: "Lessons/zh"))
  let real = try LessonCatalog.lessonPaths(packageDirectory: copy)
  // The lessons as copied: edits are undone from these, never from the source (which may
  // change while the benchmark runs).
  var originals: [String: String] = [:]
  for path in real {
    originals[path] = try String(contentsOf: copy.appending(path: path), encoding: .utf8)
  }
  print("author's loop, in a copy of \(source.path) (\(real.count) lessons)")

  // 1. Cold verify of the course, optimized numerics (as the package builds by default).
  let cold = try timedVerify(lessonsTool, ["--no-cache", "--timeout", "600"], in: copy)
  print(
    "cold verify of the course (first build included, --no-cache): \(format(cold.seconds)) s "
      + "\(load()); lessons ran \(format(cold.lessonSeconds.values.reduce(0, +))) s in all"
      + (cold.passed ? "" : " (SOME FAILED)"))
  for (path, seconds) in cold.lessonSeconds.sorted(by: { $0.key < $1.key }) {
    print("  \(path): \(format(seconds)) s")
  }
  let optimized = try cachedOutputs(in: copy)

  // 2. Edit to verified, for each course size.
  print("edit one lesson (a print snippet added) → `lessons verify LESSON`, median of 3:")
  print("  lessons   edited lesson                          each edit (s)          median")
  for size in sizes {
    try setCourse(size: size, realLessons: real, in: copy)
    // Build the course as it is now (not timed: the first build of new lessons).
    _ = try timedVerify(lessonsTool, [real[0]], in: copy)
    for edited in [real[0], real.first { $0.contains("04-") } ?? real[real.count - 1]] {
      var times: [Double] = []
      for edit in 1...3 {
        let file = copy.appending(path: edited)
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n```swift\nprint(\"edit \(edit)\")\n```\n\n```output\nedit \(edit)\n```\n")
          .write(to: file, atomically: true, encoding: .utf8)
        let run = try timedVerify(lessonsTool, [edited], in: copy)
        guard run.passed else { throw BenchFailure("the edited \(edited) did not pass") }
        times.append(run.seconds)
      }
      let median = times.sorted()[1]
      print(
        "  \(pad(String(size), 8))  \(pad(edited, 38))  "
          + "\(pad(times.map(format).joined(separator: ", "), 21))  \(format(median)) s \(load())")
      try originals[edited]!.write(
        to: copy.appending(path: edited), atomically: true, encoding: .utf8)
    }
  }

  // 3. The numeric modules in a plain debug build.
  let manifest = copy.appending(path: "Package.swift")
  let text = try String(contentsOf: manifest, encoding: .utf8)
  let flag = ".unsafeFlags([\"-O\", \"-assert-config\", \"Debug\"], .when(configuration: .debug))"
  guard text.contains(flag) else {
    print("plain debug numerics: skipped (this checkout has no `optimizedInDebug`)")
    return
  }
  try setCourse(size: real.count, realLessons: real, in: copy)
  try text.replacingOccurrences(of: flag, with: "").write(
    to: manifest, atomically: true, encoding: .utf8)
  let plain = try timedVerify(lessonsTool, ["--no-cache", "--timeout", "600"], in: copy)
  print(
    "plain debug numerics (-Onone), verify --no-cache with the rebuild: \(format(plain.seconds)) s "
      + "\(load()); lessons ran \(format(plain.lessonSeconds.values.reduce(0, +))) s in all"
      + (plain.passed ? "" : " (SOME FAILED)"))
  for (path, seconds) in plain.lessonSeconds.sorted(by: { $0.key < $1.key }) {
    let fast = cold.lessonSeconds[path] ?? .nan
    print(
      "  \(path): \(format(seconds)) s (optimized \(format(fast)) s, \(format(seconds / fast))×)")
  }
  let debug = try cachedOutputs(in: copy)
  let snippets = optimized.values.reduce(0) { $0 + $1.count }
  let differing = optimized.keys.sorted().filter { optimized[$0] != debug[$0] }
  print(
    "outputs of the optimized and the plain debug numerics: "
      + (differing.isEmpty
        ? "identical, byte for byte (\(optimized.count) lessons, \(snippets) snippet runs: "
          + "every checked output and its figures; nocheck snippets are timings)"
        : "DIFFER in \(differing.joined(separator: ", "))"))
}

/// What `lessons verify` did: wall-clock seconds, each lesson's run time, and whether all passed.
private struct VerifyTiming {
  var seconds: Double
  var lessonSeconds: [String: Double]
  var passed: Bool
}

private func timedVerify(_ tool: URL, _ arguments: [String], in package: URL) throws
  -> VerifyTiming
{
  let process = Process()
  process.executableURL = tool
  process.arguments = ["verify", "--package-path", package.path] + arguments
  process.currentDirectoryURL = package
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  let start = ContinuousClock.now
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let elapsed = (ContinuousClock.now - start) / .seconds(1)
  var lessons: [String: Double] = [:]
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    // "Lessons/x.md: 8 snippets, 0.103 s, ok"
    guard let match = line.firstMatch(of: #/^(Lessons/[^:]+): \d+ snippets?, ([0-9.]+) s, /#),
      let seconds = Double(match.output.2)
    else { continue }
    lessons[String(match.output.1)] = seconds
  }
  return VerifyTiming(
    seconds: elapsed, lessonSeconds: lessons, passed: process.terminationStatus == 0)
}

/// Every cached run's checked snippet outputs and their figures, by lesson path (the runs just
/// made). `nocheck` snippets (timings) are left out: they differ from run to run.
private func cachedOutputs(in package: URL) throws -> [String: [String]] {
  let folder = package.appending(path: ".build/lessons/cache")
  var outputs: [String: [String]] = [:]
  for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
  where name.hasSuffix(".json") && !name.hasSuffix(".failed.json") {
    let data = try Data(contentsOf: folder.appending(path: name))
    guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let run = object["run"] as? [String: Any], let path = run["path"] as? String,
      let snippets = run["snippets"] as? [[String: Any]]
    else { continue }
    let lesson = try Lesson(
      parsing: String(contentsOf: package.appending(path: path), encoding: .utf8), path: path)
    let checked = Set(lesson.snippets.filter(\.isChecked).map(\.index))
    outputs[path] = snippets.map { snippet in
      let index = snippet["index"] as? Int ?? -1
      let figures = (snippet["figures"] as? [[String: Any]] ?? []).map {
        ($0["svg"] as? String ?? "") + "\u{0}" + ($0["caption"] as? String ?? "")
      }
      // A nocheck snippet's output and figures are timings: left out.
      guard checked.contains(index) else { return "\(index)\u{1}(nocheck)" }
      let output = snippet["output"] as? String ?? ""
      return "\(index)\u{1}" + output + "\u{1}" + figures.joined(separator: "\u{2}")
    }
  }
  return outputs
}

/// Copies what a build needs (not `.build`).
private func copyPackage(from source: URL, to copy: URL) throws {
  try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
  for item in ["Package.swift", "Sources", "Plugins", "Tools", "Tests", "Lessons"] {
    try FileManager.default.copyItem(
      at: source.appending(path: item), to: copy.appending(path: item))
  }
}

/// The real lessons and, past them, copies of them (`NN-copy-of-NAME.md`), `size` in all.
private func setCourse(size: Int, realLessons: [String], in copy: URL) throws {
  let folder = copy.appending(path: "Lessons")
  for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
  where name.contains("-copy-of-") {
    try FileManager.default.removeItem(at: folder.appending(path: name))
  }
  for number in realLessons.count..<max(size, realLessons.count) {
    let original = realLessons[number % realLessons.count]
    let name = original.split(separator: "/").last!
    try FileManager.default.copyItem(
      at: copy.appending(path: original),
      to: folder.appending(path: String(format: "%02d-copy-of-", number) + name))
  }
}

/// `(load 1.23)`: the 1-minute load average now.
private func load() -> String {
  var averages = [Double](repeating: 0, count: 3)
  return getloadavg(&averages, 3) > 0 ? String(format: "(load %.2f)", averages[0]) : ""
}

private struct BenchFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

private func format(_ value: Double) -> String {
  String(format: value < 10 ? "%.2f" : "%.1f", value)
}

private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
