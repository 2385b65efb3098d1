import Foundation
import Testing

@testable import LessonKit

@Suite("Why a lesson runs again")
struct RunProvenanceTests {
  // Snippets open at lines 1, 5 and 9 (code on 2, 6 and 10).
  let base = lesson(
    "Lessons/p.md",
    [
      snippet(0, "print(1)\n", at: 1), snippet(1, "print(2)\n", at: 5),
      snippet(2, "print(3)\n", at: 9),
    ])
  let key = RunKey(library: "L", toolchain: "T", environment: "")

  func provenance(_ lesson: Lesson, _ key: RunKey? = nil) -> RunProvenance {
    RunProvenance(lesson: lesson, key: key ?? self.key)
  }

  @Test("An edited snippet is 'changed', at its index and line; nothing else is reported")
  func edited() {
    var edited = base
    edited.snippets[1].code.content = "print(20)\n"
    #expect(
      provenance(edited).reasons(since: provenance(base)) == [
        .snippetsChanged(changed: [ChangedSnippet(index: 1, line: 6, isNew: false)], removed: 0)
      ])
    #expect(
      RerunReason.snippetsChanged(
        changed: [ChangedSnippet(index: 1, line: 6, isNew: false)], removed: 0
      ).description == "snippet 2 (line 6) is changed")
  }

  @Test("A snippet inserted in the middle is 'new'; the ones after it only moved")
  func inserted() {
    let added = lesson(
      "Lessons/p.md",
      [
        snippet(0, "print(1)\n", at: 1), snippet(1, "print(1.5)\n", at: 5),
        snippet(2, "print(2)\n", at: 9), snippet(3, "print(3)\n", at: 13),
      ])
    let reasons = provenance(added).reasons(since: provenance(base))
    #expect(
      reasons == [
        .snippetsChanged(changed: [ChangedSnippet(index: 1, line: 6, isNew: true)], removed: 0)
      ])
    #expect(reasons.map(\.description) == ["snippet 2 (line 6) is new"])
  }

  @Test("Past three snippets of a kind, the others are counted")
  func longLists() {
    let changed = (0..<5).map { ChangedSnippet(index: $0, line: 10 * $0 + 2, isNew: false) }
    #expect(
      RerunReason.snippetsChanged(changed: changed, removed: 2).description
        == "snippets 1 (line 2), 2 (line 12), 3 (line 22) and 2 more are changed; "
        + "2 snippets were removed")
  }

  @Test("A removed snippet is counted; moved snippets alone are 'moved'")
  func removedAndMoved() {
    let removed = lesson("Lessons/p.md", [base.snippets[0], base.snippets[2]])
    #expect(
      provenance(removed).reasons(since: provenance(base)) == [
        .snippetsChanged(changed: [], removed: 1)
      ])
    #expect(
      RerunReason.snippetsChanged(changed: [], removed: 1).description == "a snippet was removed")
    var moved = base
    for index in moved.snippets.indices { moved.snippets[index].code.firstContentLine += 2 }
    #expect(provenance(moved).reasons(since: provenance(base)) == [.snippetsMoved])
  }

  @Test("Library, toolchain and environment are told apart, after the snippets")
  func keyParts() {
    let other = RunKey(library: "L2", toolchain: "T2", environment: "\u{0}kernel")
    var edited = base
    edited.snippets[0].attributes = [.nocheck]
    #expect(
      provenance(edited, other).reasons(since: provenance(base)) == [
        .snippetsChanged(changed: [ChangedSnippet(index: 0, line: 2, isNew: false)], removed: 0),
        .libraryChanged, .toolchainChanged, .environmentChanged,
      ])
    #expect(provenance(base).reasons(since: provenance(base)).isEmpty)
  }

  @Test("The cache answers: no run, fresh, stale with reasons, last run failed, --no-cache")
  func cacheReasons() throws {
    let folder = try temporaryFolder("provenance")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = RunCache(directory: folder)
    #expect(cache.rerunReasons(for: base, key: key, useCache: true) == [.notRunBefore])
    #expect(cache.rerunReasons(for: base, key: key, useCache: false) == [.noCacheRequested])

    let hash = RunCache.contentHash(of: base, libraryHash: key.combined)
    let good = LessonRun(path: base.path, contentHash: hash, snippets: [], failure: nil, seconds: 1)
    cache.store(good, provenance: provenance(base))
    #expect(cache.rerunReasons(for: base, key: key, useCache: true).isEmpty)
    #expect(cache.run(for: base, hash: hash) == good)

    var edited = base
    edited.snippets[2].code.content = "print(30)\n"
    #expect(
      cache.rerunReasons(for: edited, key: key, useCache: true) == [
        .snippetsChanged(changed: [ChangedSnippet(index: 2, line: 10, isNew: false)], removed: 0)
      ])
    // The edited lesson fails: that is kept apart, and the good run of the original stays.
    let editedHash = RunCache.contentHash(of: edited, libraryHash: key.combined)
    let failed = LessonRun(
      path: base.path, contentHash: editedHash, snippets: [],
      failure: LessonFailure(snippetIndex: 2, line: 10, message: "crashed\nbacktrace"), seconds: 1)
    cache.store(failed, provenance: provenance(edited))
    #expect(
      cache.rerunReasons(for: edited, key: key, useCache: true) == [
        .lastRunFailed("crashed\nbacktrace")
      ])
    #expect(
      RerunReason.lastRunFailed("crashed\nbacktrace").description == "its last run failed (crashed)"
    )
    #expect(cache.run(for: edited, hash: editedHash) == nil)
    #expect(cache.run(for: base, hash: hash) == good)
    // A good run of the edited lesson replaces both.
    let fixed = LessonRun(
      path: base.path, contentHash: editedHash, snippets: [], failure: nil, seconds: 1)
    cache.store(fixed, provenance: provenance(edited))
    #expect(cache.rerunReasons(for: edited, key: key, useCache: true).isEmpty)
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.appending(path: RunCache.fileName(forLessonAt: base.path, failed: true)).path
      ))
  }

  @Test("The toolchain is part of the key: another swift-frontend makes another hash")
  func toolchainInKey() throws {
    let options = LessonRunOptions(packageDirectory: try temporaryFolder("toolchain"))
    defer { try? FileManager.default.removeItem(at: options.packageDirectory) }
    let key = RunCache.runKey(for: options)
    #expect(key.toolchain == RunCache.toolchainFingerprint && key.toolchain != "unknown")
    var other = key
    other.toolchain = "another"
    #expect(
      RunCache.contentHash(of: base, libraryHash: key.combined)
        != RunCache.contentHash(of: base, libraryHash: other.combined))
  }
}

@Suite("Lessons left out of the program")
struct LeftOutLessonsTests {
  let broken = lesson(
    "Lessons/b.md",
    [snippet(0, "print(1)\n", at: 3), snippet(1, "let a = 1\nprint(undefinedName + a)\n", at: 8)])

  @Test("Compile errors are found per lesson, each once, and make a compile failure")
  func compileFailure() throws {
    let diagnostics = """
      [3/5] Emitting module lesson_runner
      Lessons/b.md:10:7: error: cannot find 'undefinedName' in scope
      Lessons/b.md:10:7: error: cannot find 'undefinedName' in scope
      Lessons/b.md:4:1: warning: unused
      Lessons/bb.md:2:1: error: another lesson
      [4/5] Compiling lesson_runner GeneratedLesson-b.swift
      """
    #expect(
      RunnerBuild.compileErrors(in: diagnostics, path: "Lessons/b.md") == [
        "Lessons/b.md:10:7: error: cannot find 'undefinedName' in scope"
      ])
    let failure = try #require(RunnerBuild.compileFailure(of: broken, diagnostics: diagnostics))
    #expect(failure.line == 10 && failure.snippetIndex == 1 && failure.isCompileError)
    #expect(
      failure.message
        == "does not compile: Lessons/b.md:10:7: error: cannot find 'undefinedName' in scope")
    #expect(
      RunnerBuild.compileFailure(of: broken, diagnostics: "Lessons/bb.md:1:1: error: x") == nil)
    // The page says so at the snippet.
    #expect(failureBox(failure, path: broken.path).contains("This lesson does not compile."))
  }

  @Test("Records hold while the lesson's hash is the same; the list is written only on change")
  func records() throws {
    let root = try temporaryFolder("left-out")
    defer { try? FileManager.default.removeItem(at: root) }
    let failure = LessonFailure(snippetIndex: 1, line: 10, message: "does not compile: x")
    let records = LeftOutLessons(entries: [
      "Lessons/b.md": .init(hash: "h1", failure: failure),
      "Lessons/c.md": .init(hash: "h2", failure: failure),
    ])
    records.save(packageDirectory: root)
    #expect(LeftOutLessons.load(packageDirectory: root) == records)
    let holding = records.stillHolding(["Lessons/b.md": "h1", "Lessons/c.md": "edited"])
    #expect(Array(holding.entries.keys) == ["Lessons/b.md"])

    let list = LeftOutLessons.listFile(packageDirectory: root)
    #expect(list.path.hasSuffix(".build/lessons/codegen/lesson-runner.left-out"))
    #expect(try records.writeList(packageDirectory: root))
    #expect(try String(contentsOf: list, encoding: .utf8) == "Lessons/b.md\nLessons/c.md\n")
    let old = Date(timeIntervalSince1970: 1_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: list.path)
    #expect(try !records.writeList(packageDirectory: root))
    let date = try FileManager.default.attributesOfItem(atPath: list.path)[.modificationDate]
    #expect(date as? Date == old)
    #expect(try holding.writeList(packageDirectory: root))
    #expect(try String(contentsOf: list, encoding: .utf8) == "Lessons/b.md\n")
  }
}
