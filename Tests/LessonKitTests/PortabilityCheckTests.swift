// The portability check's model: the matrix of environments, and the findings and report
// made from one lesson's runs in several environments (no process is started here; the end
// to end test in LessonsTests runs the real thing).

import Foundation
import Testing

@testable import LessonKit

@Suite("Portability check")
struct PortabilityCheckTests {
  // Snippet 0 (output block at line 5), snippet 1 (output block at 13), snippet 2 nocheck,
  // snippet 3 exact (output block at 25).
  let fixture = lesson(
    "Lessons/p.md",
    [
      snippet(0, "print(a)\n", at: 1, output: "loss 0.1234\n", outputAt: 5),
      snippet(1, "print(b)\n", at: 9, output: "step 40\n", outputAt: 13),
      snippet(2, "print(Date())\n", at: 17, [.nocheck]),
      snippet(3, "print(c)\n", at: 21, [.exact], output: "0.5000\n", outputAt: 25),
    ])

  let reference = LessonEnvironment(
    role: .reference, configuration: .debug, kernel: nil, threads: 1, reportedKernel: "Zen")
  let sandybridge = LessonEnvironment(
    role: .kernel, configuration: .release, kernel: "Sandybridge", threads: 1)
  let prescott = LessonEnvironment(
    role: .kernel, configuration: .release, kernel: "Prescott", threads: 1)
  let twoThreads = LessonEnvironment(
    role: .threads, configuration: .release, kernel: nil, threads: 2)

  func run(_ outputs: [String], failure: LessonFailure? = nil) -> LessonRun {
    LessonRun(
      path: "Lessons/p.md", contentHash: "h",
      snippets: outputs.enumerated().map { SnippetRun(index: $0, output: $1, figures: []) },
      failure: failure, seconds: 1)
  }

  @Test("The matrix: reference, other build, each kernel and two threads, in release")
  func matrix() {
    let environments = LessonEnvironment.portabilityMatrix(
      reference: .debug, kernels: ["Sandybridge", "Prescott"], varyBuild: true)
    #expect(environments.map(\.role) == [.reference, .build, .kernel, .kernel, .threads])
    #expect(environments.map(\.configuration) == [.debug, .release, .release, .release, .release])
    #expect(environments.map(\.kernel) == [nil, nil, "Sandybridge", "Prescott", nil])
    #expect(environments.map(\.threads) == [1, 1, 1, 1, 2])
    // Without the build dimension (a given runner), everything runs in the reference's build.
    let fixed = LessonEnvironment.portabilityMatrix(
      reference: .debug, kernels: ["Nehalem"], varyBuild: false)
    #expect(fixed.map(\.role) == [.reference, .kernel, .threads])
    #expect(fixed.allSatisfy { $0.configuration == .debug })
    // A release reference is compared with the debug build.
    let release = LessonEnvironment.portabilityMatrix(
      reference: .release, kernels: [], varyBuild: true)
    #expect(release.map(\.configuration) == [.release, .debug, .release])
  }

  @Test("An environment's variables, description and cache name")
  func environment() {
    // The reference's variables are exactly an ordinary run's, so it shares the plain cache.
    #expect(reference.variables == LessonRunOptions.oneBLASThread)
    #expect(reference.cacheName == nil)
    #expect(
      sandybridge.variables == [
        "OPENBLAS_CORETYPE": "Sandybridge", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
      ])
    #expect(sandybridge.description == "release · Sandybridge kernel · 1 BLAS thread")
    #expect(sandybridge.cacheName == "release-Sandybridge-1")
    #expect(twoThreads.variables["OPENBLAS_NUM_THREADS"] == "2")
    // These two depend on OPENBLAS_CORETYPE not being set for the test process.
    if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil {
      #expect(reference.description == "debug · native kernel (Zen) · 1 BLAS thread")
      #expect(twoThreads.cacheName == "release-native-2")
    }
    let options = sandybridge.runOptions(
      from: LessonRunOptions(packageDirectory: URL(fileURLWithPath: "/p")),
      runner: URL(fileURLWithPath: "/r"))
    #expect(options.environment == sandybridge.variables)
    #expect(options.configuration == .release)
    #expect(options.runnerExecutable?.path == "/r")
    #expect(options.cacheDirectory.path == "/p/.build/lessons/cache/env-release-Sandybridge-1")
  }

  @Test("An environment's variables replace the caller's; the figures folder is still set")
  func processEnvironment() {
    let result = lessonEnvironment(
      inheriting: ["PATH": "/usr/bin", "OPENBLAS_CORETYPE": "Haswell"], figuresDirectory: "/f",
      setting: sandybridge.variables)
    #expect(
      result == [
        "PATH": "/usr/bin", "DESCENT_FIGURES_DIR": "/f", "OPENBLAS_CORETYPE": "Sandybridge",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
      ])
  }

  @Test("A run in another environment is cached under another key than an ordinary run")
  func cacheKeys() {
    var options = LessonRunOptions(packageDirectory: URL(fileURLWithPath: "/no-such-package"))
    let ordinary = RunCache.key(for: options)
    options.environment["OPENBLAS_CORETYPE"] = "Prescott"
    let prescott = RunCache.key(for: options)
    #expect(prescott != ordinary)
    options.environmentName = "release-Prescott-1"
    #expect(RunCache.key(for: options) != prescott)
    options.environment = LessonRunOptions.oneBLASThread
    options.environmentName = nil
    #expect(RunCache.key(for: options) == ordinary)
  }

  @Test("The same outputs, or a last-digit flip, are no finding; nocheck is never compared")
  func portable() {
    let runs = [
      (reference, run(["loss 0.1234\n", "step 40\n", "Monday\n", "0.5000\n"])),
      (sandybridge, run(["loss 0.1235\n", "step 40\n", "Tuesday\n", "0.5000\n"])),
      (twoThreads, run(["loss 0.1233\n", "step 40\n", "Wednesday\n", "0.5000\n"])),
    ]
    #expect(PortabilityCheck.findings(fixture, runs: runs).isEmpty)
  }

  @Test("Differing outputs are found at their block, grouped by what they print")
  func differing() {
    let runs = [
      (reference, run(["loss 0.1234\n", "step 40\n", "", "0.5000\n"])),
      (sandybridge, run(["loss 0.2000\n", "step 40\n", "", "0.5001\n"])),
      (prescott, run(["loss 0.2000\n", "step 41\n", "", "0.5000\n"])),
      (twoThreads, run(["loss 0.1234\n", "step 40\n", "", "0.5000\n"])),
    ]
    let findings = PortabilityCheck.findings(fixture, runs: runs)
    #expect(findings.map(\.line) == [5, 13, 25])
    #expect(findings.map(\.snippetIndex) == [0, 1, 3])
    // Snippet 0: Sandybridge and Prescott print the same other output: one group.
    #expect(
      findings[0].groups == [
        .init(environments: [sandybridge, prescott], output: "loss 0.2000\n")
      ])
    #expect(findings[0].referenceOutput == "loss 0.1234\n")
    // Snippet 1: an integer off by one. Snippet 3: exact, so one unit is a difference.
    #expect(findings[1].groups.map(\.environments) == [[prescott]])
    #expect(findings[2].groups.map(\.environments) == [[sandybridge]])

    let report = PortabilityCheck.report(findings)
    #expect(
      report.contains(
        "Lessons/p.md:5: error: output of snippet 1 is not portable: it differs in "
          + "release · Sandybridge kernel · 1 BLAS thread and release · Prescott kernel · "
          + "1 BLAS thread from the reference, debug · "))
    #expect(report.contains("never nocheck"))
    #expect(report.contains("-loss 0.1234\n+loss 0.2000\n"))
    #expect(report.contains("-step 40\n+step 41\n"))
    #expect(report.contains("Lessons/p.md:25: error: output of snippet 4 is not portable"))
    #expect(
      PortabilityCheck.summaryLine(for: findings, environmentCount: 4)
        == "portability: 3 outputs differ between environments, in 1 lesson (4 environments)")
    #expect(
      PortabilityCheck.summaryLine(for: [], environmentCount: 6)
        == "portability: every checked output is the same in the 6 environments")
  }

  @Test("Matching the reference is not enough when the reference matches the recording")
  func driftFromRecorded() {
    // Recorded 0.1234; the reference prints 0.1235 (one unit: it passes); another
    // environment prints 0.1236: one unit from the reference, but two from the recording,
    // so `lessons verify` would fail on a machine running that kernel.
    let runs = [
      (reference, run(["loss 0.1235\n", "step 40\n", "", "0.5000\n"])),
      (sandybridge, run(["loss 0.1236\n", "step 40\n", "", "0.5000\n"])),
    ]
    let findings = PortabilityCheck.findings(fixture, runs: runs)
    #expect(findings.map(\.line) == [5])
    // When the reference itself does not match the recording (a stale block), the others are
    // compared with the reference only.
    let stale = [
      (reference, run(["loss 0.3000\n", "step 40\n", "", "0.5000\n"])),
      (sandybridge, run(["loss 0.3001\n", "step 40\n", "", "0.5000\n"])),
    ]
    #expect(PortabilityCheck.findings(fixture, runs: stale).isEmpty)
  }

  @Test("A lesson that fails only in some environments is a finding at the failure's line")
  func failures() {
    let timeout = LessonFailure(snippetIndex: 1, line: 10, message: "timed out after 60 s")
    let runs = [
      (reference, run(["loss 0.1234\n", "step 40\n", "", "0.5000\n"])),
      (sandybridge, run(["loss 0.1234\n"], failure: timeout)),
      (prescott, run(["loss 0.1234\n", "step 40\n", "", "0.5000\n"])),
    ]
    let findings = PortabilityCheck.findings(fixture, runs: runs)
    #expect(findings.count == 1)
    #expect(findings[0].snippetIndex == nil && findings[0].line == 10)
    #expect(findings[0].groups.map(\.environments) == [[sandybridge]])
    #expect(
      PortabilityCheck.report(findings).hasPrefix(
        "Lessons/p.md:10: error: the lesson does not run the same way in release · "
          + "Sandybridge kernel · 1 BLAS thread as in the reference"))
    // A lesson failing in the reference is the ordinary check's business.
    let both = [
      (reference, run(["loss 0.1234\n"], failure: timeout)),
      (sandybridge, run(["loss 0.1234\n"], failure: timeout)),
    ]
    #expect(PortabilityCheck.findings(fixture, runs: both).isEmpty)
  }
}
