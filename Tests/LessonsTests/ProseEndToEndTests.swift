// End-to-end tests of the prose check through the `lessons` command: `check-prose` alone (no
// run) and `verify --prose` (after running), on the fixture lessons prose.md (every number
// backed or cited) and prose-fails.md (numbers nothing backs; line numbers counted by hand in
// the fixture).

import Foundation
import Testing

@Suite("lessons check-prose and verify --prose, end to end")
struct ProseEndToEndTests {
  @Test("check-prose: backed, printed more precisely, cited and code numbers pass; nothing runs")
  func passingLesson() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["check-prose"], lessons: ["prose"])
    #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    #expect(
      result.output
        == """
        Prose check: every number in a lesson's text must be printed by a checked output, \
        written in a snippet, or marked <!-- cited: N (source) -->
        \(package.path("prose")): prose: 7 numbers checked, 2 cited, ok
        prose: 1 passed, 0 failed

        """)
    // Nothing was run: no cached run appeared.
    #expect(
      !FileManager.default.fileExists(atPath: package.root.appending(path: ".build/lessons").path))
  }

  @Test("check-prose: each number nothing backs fails at its line, with the nearest numbers")
  func failingLesson() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["check-prose"], lessons: ["prose-fails", "prose"])
    #expect(result.status == 1)
    let path = package.path("prose-fails")
    let errors = result.output.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(
      errors.map { $0.prefix { $0 != " " } } == [
        "\(path):3:", "\(path):4:", "\(path):14:", "\(path):24:", "\(path):26:", "\(path):28:",
      ])
    #expect(
      result.output.contains(
        "\(path):3: error: prose number 0.37 is not printed by a checked output nor written in "
          + "a snippet of this lesson (nearest: 0.4056 (line 11), 2 (line 17, code), 2.5 (line "
          + "21, nocheck output)); print it from a snippet, correct it, or mark it cited: "
          + "<!-- cited: 0.37 (source) -->\n"))
    // Off by one: integers are exact.
    #expect(result.output.contains("\(path):4: error: prose number 1258 is not printed"))
    #expect(result.output.contains("(nearest: 1257 (line 11), "))
    // Only a nocheck snippet prints 2.5.
    #expect(
      result.output.contains(
        "\(path):14: error: prose number 2.5 is not printed by a checked output nor written in "
          + "a snippet of this lesson (nearest: 2.5 (line 21, nocheck output), "))
    #expect(
      result.output.contains("line 21 prints it, but a nocheck snippet's output is not checked"))
    // Math is prose; a cited number the paragraph does not write is reported at its comment.
    #expect(result.output.contains("\(path):24: error: prose number 0.7 is not printed"))
    #expect(result.output.contains("\(path):26: error: prose number 0.9 is not printed"))
    #expect(
      result.output.contains(
        "\(path):28: error: cited 0.8 does not occur in the prose this comment covers (line 26)"))
    #expect(
      result.output.contains(
        "\(path): prose: 5 numbers checked, 0 cited, 5 not backed, 1 citation problem\n"))
    #expect(
      result.output.hasSuffix(
        "prose: 1 passed, 1 failed (5 numbers not backed, 1 citation problem)\n"))
  }

  @Test("verify --prose: outputs pass, the prose fails, under its own heading and summary line")
  func verifyWithProse() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify", "--prose"], lessons: ["prose", "prose-fails"])
    #expect(result.status == 1, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    let summary = try #require(lines.firstIndex(of: "2 passed, 0 failed"))
    let heading = try #require(lines.firstIndex { $0.hasPrefix("Prose check: ") })
    #expect(summary < heading)
    #expect(lines[heading + 1] == "\(package.path("prose")): prose: 7 numbers checked, 2 cited, ok")
    #expect(result.output.contains("\(package.path("prose-fails")):4: error: prose number 1258"))
    #expect(
      result.output.hasSuffix(
        "prose: 1 passed, 1 failed (5 numbers not backed, 1 citation problem)\n"))
  }

  @Test("verify checks the prose by default; --no-prose and --portability leave it alone")
  func proseByDefault() throws {
    let package = try FixturePackage()
    let plain = try package.lessons(["verify"], lessons: ["prose-fails"], checkingProse: true)
    #expect(plain.status == 1, "stdout:\n\(plain.output)\nstderr:\n\(plain.error)")
    #expect(plain.output.contains("\(package.path("prose-fails")):4: error: prose number 1258"))
    #expect(plain.output.hasSuffix("(5 numbers not backed, 1 citation problem)\n"))
    let without = try package.lessons(["verify", "--no-prose"], lessons: ["prose-fails"])
    #expect(without.status == 0, "stdout:\n\(without.output)\nstderr:\n\(without.error)")
    #expect(without.output.hasSuffix("1 passed, 0 failed\n"))
    #expect(!without.output.contains("Prose check"))
    let environments = try package.lessons(
      ["verify", "--list-environments"], lessons: ["prose"], checkingProse: true)
    #expect(environments.status == 0, "stderr:\n\(environments.error)")
    #expect(!environments.output.contains("Prose check"))
  }

  @Test("verify --prose does not combine with --portability")
  func proseWithPortability() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify", "--prose", "--portability"], lessons: ["prose"])
    #expect(result.status != 0)
    #expect(
      result.error.contains(
        "--prose does not combine with --portability or --list-environments; run `lessons "
          + "check-prose` on its own"))
  }
}
