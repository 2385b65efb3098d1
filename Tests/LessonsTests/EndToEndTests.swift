// End-to-end tests of the `lessons` command on the fixture lessons of
// Tests/LessonFixtures/Lessons, which the build compiles into `lesson-fixture-runner` exactly
// as it compiles Lessons/ into `lesson-runner`. Each test works on a temporary copy of the
// fixtures (so `update` can rewrite them and the cache starts empty) and passes
// `--runner` so no package build happens during the tests.

import Foundation
import LessonKit
import Testing

/// Runs a program with `environment` added to this process's; returns its exit status,
/// standard output and standard error (bytes that are not UTF-8 repaired).
func runProgram(
  _ executable: URL, _ arguments: [String], in directory: URL,
  environment: [String: String] = [:]
) throws -> (status: Int32, output: String, error: String) {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = directory
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  let output = FileManager.default.temporaryDirectory.appending(path: "out-\(UUID().uuidString)")
  let error = FileManager.default.temporaryDirectory.appending(path: "err-\(UUID().uuidString)")
  _ = FileManager.default.createFile(atPath: output.path, contents: nil)
  _ = FileManager.default.createFile(atPath: error.path, contents: nil)
  defer {
    try? FileManager.default.removeItem(at: output)
    try? FileManager.default.removeItem(at: error)
  }
  process.standardOutput = try FileHandle(forWritingTo: output)
  process.standardError = try FileHandle(forWritingTo: error)
  try process.run()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self),
    String(decoding: try Data(contentsOf: error), as: UTF8.self)
  )
}

/// A temporary package folder holding a copy of the fixture lessons.
final class FixturePackage: Sendable {
  let root: URL
  static let folder = "Tests/LessonFixtures/Lessons"

  init() throws {
    root = FileManager.default.temporaryDirectory.appending(
      path: "lessons-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appending(path: "Tests/LessonFixtures"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: packageRoot.appending(path: Self.folder), to: root.appending(path: Self.folder))
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// `Tests/LessonFixtures/Lessons/NAME.md`.
  func path(_ name: String) -> String { "\(Self.folder)/\(name).md" }

  /// Runs `lessons ARGUMENTS --package-path ROOT --runner FIXTURE-RUNNER LESSONS…` (without
  /// `--runner` for `list` and `check-prose`, which run nothing), with `environment` added to
  /// this process's (the lesson processes inherit it).
  func lessons(
    _ arguments: [String], lessons names: [String], environment: [String: String] = [:]
  ) throws -> (status: Int32, output: String, error: String) {
    let bin = builtRunner().deletingLastPathComponent()
    let runner = bin.appending(path: "lesson-fixture-runner").path
    let runs = !["list", "check-prose", "sync-translations"].contains(arguments.first ?? "")
    return try runProgram(
      bin.appending(path: "lessons"),
      arguments + ["--package-path", root.path] + (runs ? ["--runner", runner] : [])
        + names.map { path($0) },
      in: root, environment: environment)
  }

  /// The bytes of `Tests/LessonFixtures/Lessons/NAME.md`.
  func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appending(path: path(name))))
  }

  func text(_ name: String) throws -> String {
    try String(contentsOf: root.appending(path: path(name)), encoding: .utf8)
  }
}

@Suite("lessons end to end")
struct EndToEndTests {
  @Test("verify: one passing, one mismatching, two crashing and one hanging lesson, each reported")
  func verifyMixed() throws {
    let package = try FixturePackage()
    let result = try package.lessons(
      ["verify", "--timeout", "3", "--jobs", "3"],
      lessons: ["pass", "mismatch", "crash", "fatal", "hang"])
    let out = result.output
    #expect(result.status == 1)
    #expect(out.hasSuffix("1 passed, 4 failed\n"))
    #expect(out.contains("Tests/LessonFixtures/Lessons/pass.md: 2 snippets, "))
    #expect(
      out.split(separator: "\n").contains {
        $0.hasPrefix(package.path("pass") + ": ") && $0.hasSuffix(", ok")
      })
    // Mismatch: the diff is headed by the output block's line (9) and shows 41 → 42.
    #expect(out.contains(package.path("mismatch") + ":9: error: output of snippet 1 differs"))
    #expect(out.contains("-41\n") && out.contains("+42\n"))
    // A checked snippet that prints and has no block, reported at its closing fence (17).
    #expect(
      out.contains(
        package.path("mismatch") + ":17: error: snippet 2 printed output but has no output block"))
    // Index out of range in snippet 2, at the line of `values[index]` (15).
    #expect(out.contains(package.path("crash") + ":15: error: lesson crashed"))
    #expect(out.contains("in snippet 2") && out.contains("Index out of range"))
    // fatalError with its message, at the line of the call (5).
    #expect(out.contains(package.path("fatal") + ":5: error: lesson crashed"))
    #expect(out.contains("x is too large: 3"))
    // The infinite loop of snippet 2 is stopped by the timeout and reported at the loop's line
    // (13), named by a backtrace the runtime prints for a SIGILL the runner gets; the tool asks
    // again while the backtrace names no line of the snippet (an instruction the debug
    // information gives no line, 2 runs in 8 before, when this test flaked at line 12).
    #expect(
      out.contains(package.path("hang") + ":13: error: lesson timed out after 3 s in snippet 2"))
  }

  @Test("verify: an error thrown out of a snippet fails the lesson at that snippet's line")
  func verifyThrowingSnippet() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify"], lessons: ["throws", "pass"])
    #expect(result.status == 1, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    #expect(result.output.hasSuffix("1 passed, 1 failed\n"))
    // Snippet 2's body starts at line 14; the error's two-line description is kept whole.
    #expect(
      result.output.contains(
        package.path("throws")
          + ":14: error: lesson threw in snippet 2: step 3 is too large\nuse a step below 3\n"))
    #expect(result.output.contains("(the snippet before it printed its recorded output)"))
    #expect(!result.output.contains("never reached"))
  }

  @Test("verify: all passing exits 0, and an unchanged lesson is taken from the cache")
  func verifyPassingAndCached() throws {
    let package = try FixturePackage()
    let first = try package.lessons(["verify"], lessons: ["pass"])
    #expect(first.status == 0)
    #expect(first.output.hasSuffix("1 passed, 0 failed\n"))
    #expect(!first.output.contains(", cached, "))
    let second = try package.lessons(["verify"], lessons: ["pass"])
    #expect(second.status == 0)
    #expect(second.output.contains(package.path("pass") + ": 2 snippets, cached, ok"))
    let third = try package.lessons(["verify", "--no-cache"], lessons: ["pass"])
    #expect(!third.output.contains(", cached, "))
  }

  @Test("verify says why a lesson ran again, and lists the snippets slower than --slow")
  func rerunReasonsAndSlowSnippets() throws {
    let package = try FixturePackage()
    let first = try package.lessons(["verify", "--slow", "0"], lessons: ["pass"])
    #expect(first.status == 0)
    #expect(first.output.contains(package.path("pass") + ": 2 snippets, "))
    #expect(first.output.contains("\n  ran because: no cached run\n"))
    // --slow 0 lists both snippets, at their first lines of code (4 and 16), before the
    // summary.
    #expect(first.output.contains("snippets slower than 0 s, slowest first"))
    #expect(first.output.contains("  \(package.path("pass")):4: snippet 1, "))
    #expect(first.output.contains("  \(package.path("pass")):16: snippet 2, "))
    #expect(first.output.hasSuffix(" s\n1 passed, 0 failed\n"))
    // Edit snippet 2 (a comment: the compiled program is the same): only that is named.
    let file = package.root.appending(path: package.path("pass"))
    let text = try package.text("pass")
    try text.replacingOccurrences(of: "print(total / 2)", with: "print(total / 2)  // half")
      .write(to: file, atomically: true, encoding: .utf8)
    let second = try package.lessons(["verify"], lessons: ["pass"])
    #expect(second.output.contains("\n  ran because: snippet 2 (line 16) is changed\n"))
    #expect(!second.output.contains("snippets slower than"))
    let third = try package.lessons(["verify", "--no-cache"], lessons: ["pass"])
    #expect(third.output.contains("\n  ran because: --no-cache\n"))
    let fourth = try package.lessons(["verify"], lessons: ["pass"])
    #expect(fourth.output.contains("cached, ok") && !fourth.output.contains("ran because"))
  }

  @Test(
    "update writes actual outputs, adds a missing block, keeps every other byte; twice is a no-op")
  func updateRoundTrip() throws {
    let package = try FixturePackage()
    let before = try package.text("update")
    let result = try package.lessons(["update"], lessons: ["update", "crash"])
    #expect(result.status == 1)  // the crashing lesson is not updated, and that is an error
    #expect(result.output.contains(package.path("update") + ": updated"))
    #expect(result.output.contains(package.path("crash") + ":15: error: lesson crashed"))
    #expect(result.output.contains("; not updated"))
    #expect(
      try package.text("crash")
        == String(contentsOf: packageRoot.appending(path: package.path("crash")), encoding: .utf8))
    // Expected text written by hand from the fixture: the stale block gets the two printed
    // lines; the nocheck snippet keeps no block; the last snippet gets a new block.
    let expected = before.replacingOccurrences(
      of: "stale output\n", with: "fresh output\n[10, 20]\n"
    )
    .replacingOccurrences(
      of: "print(\"needs a new block\")\n```\n",
      with: "print(\"needs a new block\")\n```\n\n```output\nneeds a new block\n```\n")
    #expect(try package.text("update") == expected)
    let again = try package.lessons(["update"], lessons: ["update"])
    #expect(again.status == 0)
    #expect(again.output.contains(package.path("update") + ": unchanged"))
    #expect(try package.text("update") == expected)
    #expect(try package.lessons(["verify"], lessons: ["update"]).status == 0)
  }

  @Test("A bad lesson is reported at its line before anything runs")
  func badLesson() throws {
    let package = try FixturePackage()
    let file = package.root.appending(path: package.path("bad"))
    try "# Bad\n\n```swift hidden\nprint(1)\n```\n".write(
      to: file, atomically: true, encoding: .utf8)
    let result = try package.lessons(["verify"], lessons: ["bad", "pass"])
    #expect(result.status != 0)
    #expect(result.error.contains(package.path("bad") + ":3: error:"))
    #expect(result.output.isEmpty)
  }

  @Test("list shows title and snippet counts")
  func list() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["list"], lessons: ["update"])
    #expect(result.status == 0)
    #expect(
      result.output == package.path("update") + "  \"Update round trip\"  3 snippets (1 nocheck)\n")
  }

  @Test("Figures shown by a snippet come back with that snippet's run")
  func figures() async throws {
    let package = try FixturePackage()
    let text = try package.text("pass")
    let lesson = try Lesson(parsing: text, path: package.path("pass"))
    let options = LessonRunOptions(
      packageDirectory: package.root, useCache: false,
      runnerExecutable: builtRunner().deletingLastPathComponent().appending(
        path: "lesson-fixture-runner"))
    let run = try #require(try await LessonRunner.run(lessons: [lesson], options: options).first)
    #expect(run.failure == nil)
    #expect(run.snippets.map(\.figures.count) == [0, 1])
    // The fixture's caption holds a tab, which the show channel turns into a space.
    #expect(
      run.snippets[1].figures.first
        == FigureOutput(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", caption: "empty figure")
    )
    #expect(run.snippets.map(\.output) == ["sum of squares 50\n", "25\n"])
  }

  @Test("A compile error in a snippet is reported by the compiler at the lesson's line")
  func compileError() throws {
    // The snippet body starts at line 4; the undefined name is on line 5, column 7.
    let text = "# Broken\n\n```swift\nlet a = 1\nprint(undefinedName + a)\n```\n"
    let lesson = try Lesson(parsing: text, path: "Lessons/broken.md")
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "compile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // The generated code without the library imports, and a stand-in for SnippetBoundary, so
    // only the compiler's front end runs (a second build of the package would take minutes).
    try generateLessonSource(for: [lesson], imports: []).write(
      to: folder.appending(path: "Generated.swift"), atomically: true, encoding: .utf8)
    try """
    final class SnippetBoundary {
      let neverTrue = false
      func begin(_ index: Int) {}
      func end(_ index: Int) {}
    }
    """.write(to: folder.appending(path: "Boundary.swift"), atomically: true, encoding: .utf8)
    let result = try runProgram(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["swiftc", "-typecheck", "Generated.swift", "Boundary.swift"], in: folder)
    #expect(result.status != 0)
    #expect(
      (result.output + result.error).contains(
        "Lessons/broken.md:5:7: error: cannot find 'undefinedName' in scope"))
  }
}
