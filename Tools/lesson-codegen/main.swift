// lesson-codegen --package DIR [--left-out LIST] [--import MODULE]… --course LESSON…
//                (--generate LESSON OUTPUT | --dispatcher FILE)…
//
// Run by the LessonCodegen build-tool plugin, one command per lesson and one for the
// dispatcher: `--generate` writes the Swift file of LESSON (a lesson of the course) to OUTPUT,
// importing the MODULEs; `--dispatcher` writes the file that lists the course's lessons. Paths
// are reported relative to DIR (e.g. `Lessons/00-getting-started.md`); the course, in order,
// names each lesson's function. A file is written only when its text changes, so its date
// stays and the compiler does not redo it.
//
// A lesson named in LIST (one path a line), which `lessons` found not to compile, and a lesson
// that cannot be read (reported as `path:line: warning: …`) get a stand-in that stops the
// program with the reason, so every other lesson still builds.

import Foundation
import LessonKit

/// Writes `message` to standard error and exits with status 64 (a usage error).
func usage(_ message: String) -> Never {
  FileHandle.standardError.write(
    Data(
      ("lesson-codegen: \(message)\nusage: lesson-codegen --package DIR [--left-out LIST] "
        + "[--import MODULE]… --course LESSON… (--generate LESSON OUTPUT | --dispatcher FILE)…\n")
        .utf8))
  exit(64)
}

var packagePath: String?
var leftOutList: String?
var imports: Set<String> = ["LessonRunnerSupport"]
var course: [String] = []
var generate: [(lesson: String, output: String)] = []
var dispatcher: String?
var arguments = Array(CommandLine.arguments.dropFirst())[...]
while let flag = arguments.popFirst() {
  func value() -> String {
    guard let next = arguments.popFirst() else { usage("\(flag) needs a value") }
    return next
  }
  switch flag {
  case "--package": packagePath = value()
  case "--left-out": leftOutList = value()
  case "--import": imports.insert(value())
  case "--course":
    while let next = arguments.first, !next.hasPrefix("--") {
      course.append(next)
      _ = arguments.popFirst()
    }
  case "--generate": generate.append((value(), value()))
  case "--dispatcher": dispatcher = value()
  default: usage("unknown argument \(flag)")
  }
}
guard let packagePath else { usage("--package is missing") }
let packageDirectory = URL(fileURLWithPath: packagePath).standardizedFileURL
func relative(_ path: String) -> String {
  LessonCatalog.relativePath(of: path, packageDirectory: packageDirectory)
}
let paths = course.map(relative)
let names = lessonFunctionNames(forLessonsAt: paths)
let leftOut = Set(
  (leftOutList.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "")
    .split(separator: "\n").map(String.init))

var failed = false
@MainActor func write(_ text: String, to path: String) {
  do {
    try FileManager.default.createDirectory(
      at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    try writeIfChanged(text, toFile: path)
  } catch {
    FileHandle.standardError.write(Data("lesson-codegen: cannot write \(path): \(error)\n".utf8))
    failed = true
  }
}

for (lessonPath, output) in generate {
  let path = relative(lessonPath)
  guard let position = paths.firstIndex(of: path) else {
    usage("\(path) is not a lesson of the --course")
  }
  let name = names[position]
  if leftOut.contains(path) {
    let reason =
      "it did not compile when `lessons` last built the lessons program; "
      + "`lessons verify \(path)` reports the compiler's errors"
    write(generateLeftOutLessonFile(path: path, reason: reason, functionName: name), to: output)
    continue
  }
  let loaded = LessonCatalog.load([path], packageDirectory: packageDirectory)
  guard let lesson = loaded.lessons.first?.lesson else {
    for problem in loaded.problems {
      FileHandle.standardError.write(
        Data(
          "\(problem.path):\(problem.line): warning: \(problem.message) (the lesson is left out of the lessons program)\n"
            .utf8))
    }
    let reason =
      "it cannot be read: "
      + loaded.problems.map { "\($0.path):\($0.line): \($0.message)" }.joined(separator: "; ")
    write(generateLeftOutLessonFile(path: path, reason: reason, functionName: name), to: output)
    continue
  }
  write(generateLessonFile(for: lesson, functionName: name, imports: imports.sorted()), to: output)
}
if let dispatcher {
  write(generateLessonDispatcher(paths: paths, functionNames: names), to: dispatcher)
}
exit(failed ? 1 : 0)
