// lesson-codegen PACKAGE_DIR DISPATCHER LEFT_OUT_LIST [--import MODULE]… [LESSON OUTPUT]…
//
// Run by the LessonCodegen build-tool plugin: writes the Swift file of each LESSON to its
// OUTPUT (paths are reported relative to PACKAGE_DIR, e.g. `Lessons/00-getting-started.md`)
// and the dispatcher that lists them to DISPATCHER. Each file imports the MODULEs. A file is
// written only when its text changes, so its date stays and the compiler does not redo it.
//
// A lesson named in LEFT_OUT_LIST (one path a line; `-` for none), which `lessons` found not to
// compile, and a lesson that cannot be read (reported as `path:line: warning: …`) get a
// stand-in that stops the program with the reason, so every other lesson still builds.

import Foundation
import LessonKit

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else {
  FileHandle.standardError.write(
    Data(
      "usage: lesson-codegen PACKAGE_DIR DISPATCHER LEFT_OUT_LIST [--import MODULE]… [LESSON OUTPUT]…\n"
        .utf8))
  exit(64)
}
let packageDirectory = URL(fileURLWithPath: arguments.removeFirst()).standardizedFileURL
let dispatcher = arguments.removeFirst()
let leftOutList = arguments.removeFirst()
var imports: Set<String> = ["LessonRunnerSupport"]
while arguments.first == "--import", arguments.count >= 2 {
  imports.insert(arguments[1])
  arguments.removeFirst(2)
}
guard arguments.count % 2 == 0 else {
  FileHandle.standardError.write(Data("lesson-codegen: each LESSON needs an OUTPUT\n".utf8))
  exit(64)
}
let pairs = stride(from: 0, to: arguments.count, by: 2).map {
  (
    path: LessonCatalog.relativePath(of: arguments[$0], packageDirectory: packageDirectory),
    output: arguments[$0 + 1]
  )
}
let leftOut = Set(
  leftOutList == "-"
    ? []
    : ((try? String(contentsOfFile: leftOutList, encoding: .utf8)) ?? "").split(separator: "\n")
      .map(String.init))
let names = lessonFunctionNames(forLessonsAt: pairs.map(\.path))

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

for ((path, output), name) in zip(pairs, names) {
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
write(
  generateLessonDispatcher(paths: pairs.map(\.path), functionNames: names), to: dispatcher)
exit(failed ? 1 : 0)
