import Foundation
import Testing

@testable import LessonKit

@Suite("Run cache and build check")
struct LessonRunnerTests {
  let base = lesson(
    "Lessons/c.md",
    [snippet(0, "print(1)\n", at: 3, output: "1\n"), snippet(1, "print(2)\n", at: 10)])

  @Test("The run's hash follows the snippets' code, attributes and lines, not output blocks")
  func contentHash() {
    let hash = RunCache.contentHash(of: base, libraryHash: "L")
    #expect(hash.count == 16)
    #expect(hash == RunCache.contentHash(of: base, libraryHash: "L"))
    var newOutput = base
    newOutput.snippets[0].output?.content = "something else\n"
    #expect(RunCache.contentHash(of: newOutput, libraryHash: "L") == hash)
    var newCode = base
    newCode.snippets[1].code.content = "print(3)\n"
    #expect(RunCache.contentHash(of: newCode, libraryHash: "L") != hash)
    var moved = base
    moved.snippets[1].code.firstContentLine += 1
    #expect(RunCache.contentHash(of: moved, libraryHash: "L") != hash)
    var nocheck = base
    nocheck.snippets[1].attributes = [.nocheck]
    #expect(RunCache.contentHash(of: nocheck, libraryHash: "L") != hash)
    #expect(RunCache.contentHash(of: base, libraryHash: "M") != hash)
  }

  /// A package folder with a source file, a lesson and a built runner.
  func package() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appending(path: "runner-\(UUID().uuidString)")
    for folder in ["Sources/A", "Lessons", ".build/debug"] {
      try FileManager.default.createDirectory(
        at: root.appending(path: folder), withIntermediateDirectories: true)
    }
    try "// package".write(
      to: root.appending(path: "Package.swift"), atomically: true, encoding: .utf8)
    try "let a = 1".write(
      to: root.appending(path: "Sources/A/A.swift"), atomically: true, encoding: .utf8)
    try "# L".write(to: root.appending(path: "Lessons/l.md"), atomically: true, encoding: .utf8)
    // Everything an hour old except the runner, built now.
    let old = Date().addingTimeInterval(-3600)
    for path in [
      "Package.swift", "Sources", "Sources/A", "Sources/A/A.swift", "Lessons", "Lessons/l.md",
    ] {
      try FileManager.default.setAttributes(
        [.modificationDate: old], ofItemAtPath: root.appending(path: path).path)
    }
    try "binary".write(
      to: root.appending(path: ".build/debug/lesson-runner"), atomically: true, encoding: .utf8)
    return root
  }

  @Test("A runner newer than every source and lesson needs no build; a newer file does")
  func upToDate() throws {
    let root = try package()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(
      RunnerBuild.upToDateRunner(packageDirectory: root)?.lastPathComponent == "lesson-runner")
    let later = Date().addingTimeInterval(60)
    try FileManager.default.setAttributes(
      [.modificationDate: later], ofItemAtPath: root.appending(path: "Sources/A/A.swift").path)
    #expect(RunnerBuild.upToDateRunner(packageDirectory: root) == nil)
  }

  @Test("A new lesson (the Lessons folder changes) needs a build")
  func newLesson() throws {
    let root = try package()
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(60)],
      ofItemAtPath: root.appending(path: "Lessons").path)
    #expect(RunnerBuild.upToDateRunner(packageDirectory: root) == nil)
  }

  @Test("The library hash changes with any source file's content")
  func libraryHash() throws {
    let root = try package()
    defer { try? FileManager.default.removeItem(at: root) }
    let before = RunCache.libraryHash(packageDirectory: root)
    #expect(before == RunCache.libraryHash(packageDirectory: root))
    try "let a = 2".write(
      to: root.appending(path: "Sources/A/A.swift"), atomically: true, encoding: .utf8)
    #expect(RunCache.libraryHash(packageDirectory: root) != before)
  }

  @Test("A fresh cached run is returned; a stale one is not")
  func cachedRun() async throws {
    let root = try package()
    defer { try? FileManager.default.removeItem(at: root) }
    let options = LessonRunOptions(packageDirectory: root)
    #expect(LessonRunner.cachedRun(for: base, options: options) == nil)
    let hash = RunCache.contentHash(of: base, libraryHash: RunCache.key(for: options))
    let run = LessonRun(
      path: base.path, contentHash: hash,
      snippets: [SnippetRun(index: 0, output: "1\n", figures: [])], failure: nil, seconds: 1)
    try FileManager.default.createDirectory(
      at: options.cacheDirectory, withIntermediateDirectories: true)
    try JSONEncoder().encode(run).write(
      to: options.cacheDirectory.appending(path: RunCache.fileName(forLessonAt: base.path)))
    #expect(LessonRunner.cachedRun(for: base, options: options) == run)
    // run(lessons:) takes it without building or running anything (the runner is a text file).
    let runs = try await LessonRunner.run(lessons: [base], options: options)
    #expect(runs == [run])
    var edited = base
    edited.snippets[0].code.content = "print(10)\n"
    #expect(LessonRunner.cachedRun(for: edited, options: options) == nil)
  }
}

@Suite("Build failures")
struct BuildFailureTests {
  // Snippet 0 body at line 4, snippet 1 body at lines 9–10.
  let fixture = lesson(
    "Lessons/b.md",
    [snippet(0, "print(1)\n", at: 3), snippet(1, "let a = 1\nprint(undefinedName + a)\n", at: 8)])

  @Test("The compiler's first error in a lesson becomes its failure, at that line and snippet")
  func compileError() {
    let diagnostics = """
      [12/14] Compiling lesson_runner GeneratedLessons.swift
      Lessons/other.md:3:1: error: something else
      Lessons/b.md:10:7: error: cannot find 'undefinedName' in scope
      Lessons/b.md:10:7: note: did you mean 'a'?
      """
    let run = RunnerBuild.failureRun(of: fixture, diagnostics: diagnostics, hash: "h")
    #expect(run.failure?.line == 10)
    #expect(run.failure?.snippetIndex == 1)
    #expect(run.failure?.message.contains("cannot find 'undefinedName' in scope") == true)
    #expect(run.failure?.message.contains("other.md") == false)
    #expect(run.snippets.isEmpty && run.contentHash == "h")
  }

  @Test("A lesson the compiler did not name is reported as not run")
  func otherLesson() {
    let run = RunnerBuild.failureRun(
      of: fixture, diagnostics: "Lessons/other.md:3:1: error: x\n", hash: "h")
    #expect(run.failure?.snippetIndex == nil)
    #expect(run.failure?.message.hasPrefix("not run: the lessons program did not build") == true)
  }
}

@Suite struct LessonEnvironmentTests {
  @Test("A lesson process gets the figures folder and one BLAS thread, and keeps the rest")
  func environment() {
    let result = lessonEnvironment(
      inheriting: ["PATH": "/usr/bin", "OPENBLAS_NUM_THREADS": "8"], figuresDirectory: "/tmp/f")
    #expect(
      result == [
        "PATH": "/usr/bin", "DESCENT_FIGURES_DIR": "/tmp/f", "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
      ])
  }
}
