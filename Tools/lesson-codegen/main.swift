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
let packageDirectory = URL(fileURLWithPath: arguments.first!).standardizedFileURL
let output = arguments.dropFirst().first!
let paths = arguments.dropFirst(2).map {
  LessonCatalog.relativePath(of: $0, packageDirectory: packageDirectory)
}
let loaded = LessonCatalog.load(paths, packageDirectory: packageDirectory)
for problem in loaded.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
if !loaded.problems.isEmpty { exit(1) }
let source = generateLessonSource(for: loaded.lessons.map(\.lesson))
do {
  try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
  FileHandle.standardError.write(Data("lesson-codegen: cannot write \(output): \(error)\n".utf8))
  exit(1)
}
