// RunnerBuild's check for lessons the compiler did not recompile: a generated lesson file
// newer than its object file. The folders are laid out here as SwiftPM lays them out for a
// package named `course` (see RunnerBuild+SkippedCompiles.swift), with dates set by hand.

import Foundation
import Testing

@testable import LessonKit

@Test(
  "skippedCompiles names the generated files whose object is older; forgetting them keeps SwiftPM's files"
)
func skippedCompilesAndForgetting() throws {
  let root = FileManager.default.temporaryDirectory.appending(path: "skipped-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: root) }
  let generated = root.appending(
    path: ".build/plugins/outputs/course/lesson-runner/destination/LessonCodegen")
  let objects = root.appending(path: ".build/debug/lesson_runner.build")
  for folder in [generated.appending(path: "lessons"), objects] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }
  func file(_ url: URL, at seconds: TimeInterval) throws {
    try Data("x".utf8).write(to: url)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: url.path)
  }
  // a: compiled after it was written; b: rewritten after its object (skipped); c: no object
  // yet (not judged); the dispatcher: current.
  try file(generated.appending(path: "lessons/GeneratedLesson-a.swift"), at: 1_000)
  try file(objects.appending(path: "GeneratedLesson-a.swift.o"), at: 1_001)
  try file(generated.appending(path: "lessons/GeneratedLesson-b.swift"), at: 1_002.5)
  try file(objects.appending(path: "GeneratedLesson-b.swift.o"), at: 1_002)
  try file(generated.appending(path: "lessons/GeneratedLesson-c.swift"), at: 1_003)
  try file(generated.appending(path: "GeneratedLessons.swift"), at: 1_000)
  try file(objects.appending(path: "GeneratedLessons.swift.o"), at: 1_001)
  for name in ["output-file-map.json", "sources", "primary.priors", "GeneratedLesson-a.swiftdeps"] {
    try file(objects.appending(path: name), at: 1_001)
  }
  #expect(
    RunnerBuild.skippedCompiles(packageDirectory: root, configuration: .debug) == [
      "GeneratedLesson-b.swift"
    ])
  // The release build's folder holds no per-file objects: nothing to judge there.
  #expect(RunnerBuild.skippedCompiles(packageDirectory: root, configuration: .release).isEmpty)

  RunnerBuild.forgetCompiledLessons(packageDirectory: root, configuration: .debug)
  let left = try FileManager.default.contentsOfDirectory(atPath: objects.path).sorted()
  #expect(left == ["output-file-map.json", "sources"])
  #expect(RunnerBuild.skippedCompiles(packageDirectory: root, configuration: .debug).isEmpty)
}
