// lesson-codegen PACKAGE_DIR OUTPUT LESSON…
//
// Run by the LessonCodegen build-tool plugin: reads each lesson (paths are reported relative to
// PACKAGE_DIR, e.g. `Lessons/00-getting-started.md`) and writes the Swift source of all of them
// to OUTPUT. A lesson that cannot be read stops the build with `path:line: error: …`.

import Foundation
import LessonKit

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: lesson-codegen PACKAGE_DIR OUTPUT LESSON…\n".utf8))
  exit(64)
}
let packageDirectory = URL(fileURLWithPath: arguments.first!).standardizedFileURL.path
let output = arguments.dropFirst().first!
var lessons: [Lesson] = []
var failed = false
for file in arguments.dropFirst(2) {
  let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
  let relative =
    absolute.hasPrefix(packageDirectory + "/")
    ? String(absolute.dropFirst(packageDirectory.count + 1)) : absolute
  do {
    let text = try String(contentsOfFile: absolute, encoding: .utf8)
    let lesson = try Lesson(parsing: text, path: relative)
    let problems = lessonCodeLimitations(in: lesson)
    for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
    failed = failed || !problems.isEmpty
    lessons.append(lesson)
  } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    failed = true
  }
}
if failed { exit(1) }
let source = generateLessonSource(for: lessons)
do {
  try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
  FileHandle.standardError.write(Data("lesson-codegen: cannot write \(output): \(error)\n".utf8))
  exit(1)
}
