// descent-bench grade: how long `lessons grade` takes for N students' copies of one lesson
// (Lesson 00, whose exercise is checked), at --jobs 2, and how it scales with N.
//
// Run from the package root after `swift build` (it uses the `lessons` built beside this
// program). It writes the student edition of Lesson 00, makes classes of N = 1, 5 and 20
// copies (correct answers written several ways, one in five left as the placeholder), and
// times `lessons grade` on each: the total, the time per copy, and the time per copy relative
// to N = 1. The first grade also makes the answer kit (copying the lessons program's objects
// and warming a module cache), timed apart; N = 5 is also graded without the sandbox, to show
// what bubblewrap costs.

import Foundation

func benchGrade() throws {
  let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  let bin = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  let lessons = bin.appending(path: "lessons")
  let lesson = "Lessons/00-getting-started.md"
  guard FileManager.default.fileExists(atPath: root.appending(path: lesson).path),
    FileManager.default.isExecutableFile(atPath: lessons.path)
  else {
    print("grade: skipped (run from the package root after `swift build`)")
    return
  }
  let work = FileManager.default.temporaryDirectory.appending(path: "grade-bench-\(getpid())")
  try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: work) }

  let edition = work.appending(path: "edition")
  let made = try runTimed(
    lessons, ["student-edition", lesson, "--output", edition.path], in: root)
  guard made.status == 0 else {
    print("grade: `lessons student-edition` failed:\n\(made.output)")
    return
  }
  let copy = try String(
    contentsOf: edition.appending(path: lesson), encoding: .utf8)
  let placeholder = "   let rowSums: [Double] = []\n"
  guard copy.contains(placeholder) else {
    print("grade: Lesson 00's placeholder changed; update Tools/bench/GradeBench.swift")
    return
  }
  let answers = [
    "   let rowSums = matmul(a, Matrix<Double>(rows: 2, columns: 1, storage: [1, 1])).storage\n",
    "   let rowSums = [a[0, 0] + a[0, 1], a[1, 0] + a[1, 1]]\n",
    "   let rowSums = (0..<a.rows).map { i in (0..<a.columns).map { a[i, $0] }.reduce(0, +) }\n",
    "   var rowSums: [Double] = []\n   for i in 0..<a.rows { rowSums.append(a[i, 0] + a[i, 1]) }\n",
    placeholder,
  ]
  func makeClass(_ count: Int) throws -> URL {
    let folder = work.appending(path: "class-\(count)")
    for student in 0..<count {
      let name = String(format: "student%03d", student)
      try FileManager.default.createDirectory(
        at: folder.appending(path: name), withIntermediateDirectories: true)
      try copy.replacing(placeholder, with: answers[student % answers.count]).write(
        to: folder.appending(path: "\(name)/00-getting-started.md"), atomically: true,
        encoding: .utf8)
    }
    return folder
  }
  func grade(_ folder: URL, _ extra: [String] = []) throws -> (Double, String) {
    let result = try runTimed(
      lessons,
      [
        "grade", folder.path, "--lesson", "00-getting-started.md", "--jobs", "2", "--output",
        folder.path + "-report",
      ] + extra, in: root)
    guard result.status == 0 else { throw GradeBenchError(message: result.output) }
    let summary = result.output.split(separator: "\n").first { $0.hasPrefix("In all:") }
    return (result.seconds, summary.map(String.init) ?? "")
  }

  // The first grade makes the answer kit; the second, on the same class, does not.
  try? FileManager.default.removeItem(at: root.appending(path: ".build/lessons/answer-kit"))
  let warm = try makeClass(1)
  let (first, _) = try grade(warm)
  let (second, _) = try grade(warm)
  print("answer kit (objects copied, module cache warmed): \(format(first - second)) s, once")
  print("N copies   total      per copy   per copy / N=1   results")
  var single: Double?
  for count in [1, 5, 20] {
    let (total, summary) = try grade(try makeClass(count))
    let perCopy = total / Double(count)
    if single == nil { single = perCopy }
    print(
      "\(pad(String(count), 9))  \(pad(format(total) + " s", 9))  \(pad(format(perCopy) + " s", 9))"
        + "  \(pad(format(perCopy / (single ?? perCopy)) + "×", 15))  \(summary)")
  }
  let (bare, _) = try grade(try makeClass(5), ["--no-sandbox"])
  let (boxed, _) = try grade(work.appending(path: "class-5"))
  print(
    "N = 5 without the sandbox: \(format(bare)) s; with it: \(format(boxed)) s "
      + "(bubblewrap adds \(format((boxed - bare) / 5)) s a copy)")
  print("(2 cores, --jobs 2; each copy: one swiftc run in the sandbox, then one run of the lesson)")
}

private struct GradeBenchError: Error, CustomStringConvertible {
  var message: String
  var description: String { "lessons grade failed:\n\(message)" }
}

private func runTimed(_ executable: URL, _ arguments: [String], in directory: URL) throws -> (
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
