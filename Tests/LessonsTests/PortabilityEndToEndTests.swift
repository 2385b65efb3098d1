// End-to-end tests of numbers compared at their printed precision (fixture tolerance.md) and
// of `lessons verify --portability` (fixture nonportable.md, whose first output depends on
// the BLAS kernel and which only the portability test uses).

import Foundation
import LessonKit
import Testing

@Suite("lessons end to end: tolerance and portability")
struct PortabilityEndToEndTests {
  @Test("verify: a last-digit flip passes; a real change, exact and numbers in words fail")
  func tolerance() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify"], lessons: ["tolerance"])
    let path = package.path("tolerance")
    #expect(result.status == 1)
    #expect(result.output.hasSuffix("0 passed, 1 failed\n"))
    #expect(result.output.contains("\(path): 5 snippets, "))
    #expect(result.output.contains(", 3 outputs differ\n"))
    // The flip (block at line 11) and the sign of zero with the exponent carry (line 20) pass.
    #expect(!result.output.contains("\(path):11:"))
    #expect(!result.output.contains("\(path):20:"))
    // The real change (29), the exact snippet's flip (38), the numbers in words (48) fail,
    // and the diff shows the text as printed.
    #expect(result.output.contains("\(path):29: error: output of snippet 3 differs"))
    #expect(result.output.contains("-change 0.1237\n+change 0.1235\n"))
    #expect(result.output.contains("\(path):38: error: output of snippet 4 differs"))
    #expect(result.output.contains("-exact 0.1234\n+exact 0.1235\n"))
    #expect(result.output.contains("\(path):48: error: output of snippet 5 differs"))
    #expect(result.output.contains("-x2.6 v1.0.4 fig-0.004\n+x2.5 v1.0.3 fig-0.003\n"))
  }

  @Test("update rewrites only the blocks that do not match; matching ones stay byte for byte")
  func updateWithoutChurn() throws {
    let package = try FixturePackage()
    let before = try package.text("tolerance")
    let result = try package.lessons(["update"], lessons: ["tolerance"])
    #expect(result.status == 0)
    #expect(result.output.contains(package.path("tolerance") + ": updated"))
    // Written by hand from the fixture: the three failing blocks get what the snippets print;
    // "flip 0.1234" and "zero 0.0000 carry 9.999e-01" are kept as recorded.
    let expected =
      before
      .replacingOccurrences(of: "change 0.1237\n", with: "change 0.1235\n")
      .replacingOccurrences(of: "exact 0.1234\n", with: "exact 0.1235\n")
      .replacingOccurrences(of: "x2.6 v1.0.4 fig-0.004\n", with: "x2.5 v1.0.3 fig-0.003\n")
    #expect(try package.text("tolerance") == expected)
    #expect(expected.contains("```output\nflip 0.1234\n```"))
    #expect(expected.contains("```output\nzero 0.0000 carry 9.999e-01\n```"))
    let again = try package.lessons(["update"], lessons: ["tolerance"])
    #expect(again.output.contains(package.path("tolerance") + ": unchanged"))
    #expect(try package.lessons(["verify"], lessons: ["tolerance"]).status == 0)
  }

  @Test("verify --portability reports an output that depends on the BLAS kernel, at its line")
  func portability() async throws {
    let package = try FixturePackage()
    let kernels = ["Sandybridge", "Prescott"]
    // First, whether the kernels change the product's last digits on this processor: run
    // the lesson natively and under each kernel, and compare its first output.
    let runner = builtRunner().deletingLastPathComponent().appending(
      path: "lesson-fixture-runner")
    let lesson = try Lesson(
      parsing: try package.text("nonportable"), path: package.path("nonportable"))
    func firstOutput(_ variables: [String: String]) async throws -> String? {
      var options = LessonRunOptions(
        packageDirectory: package.root, useCache: false, runnerExecutable: runner)
      options.environment = variables
      let run = try await LessonRunner.run(lessons: [lesson], options: options).first
      return run?.failure == nil ? run?.snippets.first?.output : nil
    }
    let native = try #require(try await firstOutput(LessonRunOptions.oneBLASThread))
    var differing: [String] = []
    for kernel in kernels {
      var variables = LessonRunOptions.oneBLASThread
      variables["OPENBLAS_CORETYPE"] = kernel
      if let output = try await firstOutput(variables),
        !outputsMatch(recorded: native, actual: output)
      {
        differing.append(kernel)
      }
    }

    let result = try package.lessons(
      ["verify", "--portability", "--kernels", kernels.joined(separator: ","), "--jobs", "2"],
      lessons: ["nonportable", "pass"])
    let out = result.output
    let path = package.path("nonportable")
    #expect(out.contains("portability: 2 lesson(s) in "))
    #expect(out.contains("debug · native kernel"))
    #expect(out.contains("· 2 BLAS threads\n"))
    #expect(out.contains("(--runner given: the build configuration is not varied)"))
    #expect(
      out.contains(package.path("pass") + ": every checked output is the same in all environments"))
    // The summarized second output (block at line 52) is portable.
    #expect(!out.contains("\(path):52:"))
    if differing.isEmpty {
      // Kernels that print the same here (another processor): nothing to report.
      #expect(!out.contains("is not portable"))
    } else {
      #expect(result.status == 1)
      #expect(
        out.contains(
          "\(path):23: error: output of snippet 1 is not portable: it differs in debug · "
            + "\(differing[0]) kernel · 1 BLAS thread"))
      for kernel in differing {
        #expect(out.contains("+++ debug · \(kernel) kernel · 1 BLAS thread\n"))
      }
      #expect(out.contains("--- \(path):23 in debug · native kernel"))
      #expect(out.contains("portability: 1 output differs between environments, in 1 lesson"))
    }
  }

  @Test("--list-environments prints the matrix and runs nothing")
  func listEnvironments() throws {
    let package = try FixturePackage()
    let result = try package.lessons(
      ["verify", "--list-environments", "--kernels", "Prescott,NoSuchKernel"],
      lessons: ["pass"])
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines.first == "The environments of `lessons verify --portability` (the reference first):")
    #expect(lines.dropFirst().first?.hasPrefix("  reference  debug · native kernel") == true)
    #expect(lines.contains { $0.hasPrefix("  threads    debug · native kernel") })
    // OpenBLAS replaces an unknown name by the kernel it would pick: skipped, with the reason.
    #expect(
      lines.contains {
        $0.hasPrefix("  skipped: NoSuchKernel: not run: OpenBLAS runs ")
          && $0.hasSuffix(
            "when asked for it (OPENBLAS_CORETYPE names an unknown kernel or an alias)")
      })
    #expect(!result.output.contains("passed"))
  }
}
