// `lessons verify --portability`: run every lesson in every environment of the matrix
// (LessonEnvironment.swift) and report each checked output that is not the same in all of
// them, with the environments that disagree and a diff.

import Foundation

/// A checked output that differs between environments, or a lesson that fails in some
/// environments and not in the reference.
public struct PortabilityFinding: Sendable, Equatable {
  /// The environments that print one same other output (or fail the same way).
  public struct Group: Sendable, Equatable {
    /// The environments, in matrix order.
    public var environments: [LessonEnvironment]
    /// What they printed (`recordedOutput(_:)` form), or the failure message.
    public var output: String
  }

  /// The lesson's path.
  public var path: String
  /// The snippet whose output differs, or `nil` when the finding is a failure of the lesson.
  public var snippetIndex: Int?
  /// The line it is reported at: the output block's opening fence (the snippet's closing
  /// fence when it has none), or the failure's line.
  public var line: Int
  /// The reference environment.
  public var reference: LessonEnvironment
  /// What the reference printed.
  public var referenceOutput: String
  /// The environments that disagree with the reference, grouped by what they printed.
  public var groups: [Group]
}

/// Runs lessons in several environments and compares their outputs across them.
///
/// ```swift
/// let matrix = LessonEnvironment.portabilityMatrix(
///   reference: .debug, kernels: LessonEnvironment.defaultKernels, varyBuild: true)
/// let (environments, notes) = try LessonEnvironment.probeKernels(matrix, runner: debugRunner)
/// let runs = try await PortabilityCheck.run(
///   lessons: lessons, environments: environments,
///   runners: [.debug: debugRunner, .release: releaseRunner], options: options)
/// for (lesson, lessonRuns) in zip(lessons, runs) {
///   let findings = PortabilityCheck.findings(lesson, runs: Array(zip(environments, lessonRuns)))
///   print(PortabilityCheck.report(findings))
/// }
/// ```
public enum PortabilityCheck {
  /// Runs every lesson in every environment, `options.jobs` processes at a time, and returns
  /// the runs, `runs[lesson][environment]`.
  ///
  /// Each run goes through `LessonRunner.run(lessons:options:)` with the environment's
  /// options (`LessonEnvironment.runOptions(from:runner:)`), so it is cached per environment;
  /// the reference's runs are the ordinary cached runs of `lessons verify`. The reference's
  /// runs start first, longest first by their last cached time, as debug runs are the
  /// slowest.
  ///
  /// - Parameters:
  ///   - lessons: The lessons.
  ///   - environments: The environments, reference first.
  ///   - runners: The lessons program of each configuration the environments use.
  ///   - options: The command line's options (package, timeout, jobs, cache).
  ///   - onFinish: Called from any thread as each run is known, with the lesson's and the
  ///     environment's positions and whether the run came from the cache.
  /// - Returns: The runs, by lesson then environment.
  /// - Throws: `LessonRunnerError` when a runner cannot be started.
  /// - Precondition: `runners` has a program for every environment's configuration.
  public static func run(
    lessons: [Lesson], environments: [LessonEnvironment],
    runners: [BuildConfiguration: URL], options: LessonRunOptions,
    onFinish: (
      @Sendable (_ lesson: Int, _ environment: Int, _ run: LessonRun, _ cached: Bool) -> Void
    )? =
      nil
  ) async throws -> [[LessonRun]] {
    var optionsOf: [LessonRunOptions] = []
    for environment in environments {
      guard let runner = runners[environment.configuration] else {
        preconditionFailure("no lessons program for \(environment.configuration.rawValue)")
      }
      var environmentOptions = environment.runOptions(from: options, runner: runner)
      environmentOptions.jobs = 1
      environmentOptions.onFinish = nil
      optionsOf.append(environmentOptions)
    }
    // The order: every reference run first, then the others lesson by lesson; within each,
    // the lessons that took longest last time first.
    let estimate = lessons.map { lesson in
      LessonRunner.cachedRun(for: lesson, options: optionsOf[0])?.seconds
        ?? LessonRunner.cachedRun(for: lesson, options: options)?.seconds ?? 0
    }
    let byLength = lessons.indices.sorted { estimate[$0] > estimate[$1] }
    var order = byLength.map { (lesson: $0, environment: 0) }
    for lesson in byLength {
      order += environments.indices.dropFirst().map { (lesson: lesson, environment: $0) }
    }

    var runs = lessons.map { _ in [LessonRun?](repeating: nil, count: environments.count) }
    try await withThrowingTaskGroup(of: (Int, Int, LessonRun).self) { group in
      var next = 0
      func startNext() {
        guard next < order.count else { return }
        let (lesson, environment) = order[next]
        next += 1
        var taskOptions = optionsOf[environment]
        let cachedFlag = CachedFlag()
        taskOptions.onFinish = { _, cached in cachedFlag.set(cached) }
        let lessonValue = lessons[lesson]
        group.addTask {
          let result = try await LessonRunner.run(lessons: [lessonValue], options: taskOptions)
          guard let run = result.first else {
            preconditionFailure("LessonRunner.run returned no run for \(lessonValue.path)")
          }
          onFinish?(lesson, environment, run, cachedFlag.value)
          return (lesson, environment, run)
        }
      }
      for _ in 0..<max(1, options.jobs) { startNext() }
      while let (lesson, environment, run) = try await group.next() {
        runs[lesson][environment] = run
        startNext()
      }
    }
    return runs.map { $0.map { $0! } }
  }

  /// What differs between the environments' runs of one lesson.
  ///
  /// Every other environment is compared with the reference (the first), snippet by checked
  /// snippet, by `outputsMatch(recorded:actual:exact:)`: an output differs when it does not
  /// match the reference's, or when the reference's matches the recorded output and it does
  /// not (so a value the tolerance lets through against the reference cannot drift two units
  /// from the recorded one). Snippets that did not run in both are skipped. A lesson that
  /// runs to its end in the reference and fails (crash, timeout) in other environments is a
  /// finding too.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - runs: Its run in each environment, the reference first.
  /// - Returns: The findings, in line order (failures first).
  /// - Complexity: O(environments × output size).
  public static func findings(_ lesson: Lesson, runs: [(LessonEnvironment, LessonRun)])
    -> [PortabilityFinding]
  {
    guard let (reference, referenceRun) = runs.first else { return [] }
    var result: [PortabilityFinding] = []

    // Failures in other environments of a lesson that runs to its end in the reference (a
    // lesson failing in the reference is reported by the ordinary check).
    var failureGroups: [PortabilityFinding.Group] = []
    var failureLine = Int.max
    for (environment, run) in runs.dropFirst() where referenceRun.failure == nil {
      guard let failure = run.failure else { continue }
      failureLine = min(failureLine, failure.line)
      let message = "line \(failure.line): lesson \(failure.message)\n"
      if let index = failureGroups.firstIndex(where: { $0.output == message }) {
        failureGroups[index].environments.append(environment)
      } else {
        failureGroups.append(.init(environments: [environment], output: message))
      }
    }
    if !failureGroups.isEmpty {
      result.append(
        PortabilityFinding(
          path: lesson.path, snippetIndex: nil, line: failureLine, reference: reference,
          referenceOutput: "ran to its end\n", groups: failureGroups))
    }

    let referenceOutputs = outputsByIndex(referenceRun)
    for snippet in lesson.snippets where snippet.isChecked {
      guard let referenceOutput = referenceOutputs[snippet.index] else { continue }
      let exact = snippet.attributes.contains(.exact)
      let recorded = snippet.output?.content
      let referenceMatchesRecorded =
        recorded.map { outputsMatch(recorded: $0, actual: referenceOutput, exact: exact) }
        ?? false
      var groups: [PortabilityFinding.Group] = []
      for (environment, run) in runs.dropFirst() {
        guard let output = outputsByIndex(run)[snippet.index] else { continue }
        let same =
          outputsMatch(recorded: referenceOutput, actual: output, exact: exact)
          && (!referenceMatchesRecorded
            || outputsMatch(recorded: recorded ?? "", actual: output, exact: exact))
        if same { continue }
        if let index = groups.firstIndex(where: { $0.output == output }) {
          groups[index].environments.append(environment)
        } else {
          groups.append(.init(environments: [environment], output: output))
        }
      }
      if groups.isEmpty { continue }
      result.append(
        PortabilityFinding(
          path: lesson.path, snippetIndex: snippet.index,
          line: snippet.output?.openingLine ?? snippet.code.closingLine, reference: reference,
          referenceOutput: referenceOutput, groups: groups))
    }
    return result
  }

  /// The report of `findings`: for each, `path:line: error: …` naming the snippet and the
  /// environments that disagree with the reference, then a unified diff per group of
  /// environments that print the same thing (`-` the reference, `+` theirs). Empty when
  /// there is no finding.
  ///
  /// - Parameter findings: The findings of one lesson or more.
  /// - Returns: The report.
  public static func report(_ findings: [PortabilityFinding]) -> String {
    var out = ""
    for finding in findings {
      let names = finding.groups.flatMap(\.environments).map(\.description)
      let who =
        names.count == 1
        ? names[0]
        : names.dropLast().joined(separator: ", ")
          + " and " + names[names.count - 1]
      if let index = finding.snippetIndex {
        out +=
          "\(finding.path):\(finding.line): error: output of snippet \(index + 1) is not "
          + "portable: it differs in \(who) from the reference, \(finding.reference) (change "
          + "the experiment so that what it prints does not depend on the order of sums: "
          + "average over seeds, print fewer digits, a shorter or stabler run; never "
          + "nocheck)\n"
      } else {
        out +=
          "\(finding.path):\(finding.line): error: the lesson does not run the same way in "
          + "\(who) as in the reference, \(finding.reference)\n"
      }
      for group in finding.groups {
        out += truncatedDiff(
          unifiedDiff(
            expected: finding.referenceOutput, actual: group.output,
            expectedLabel: "\(finding.path):\(finding.line) in \(finding.reference)",
            actualLabel: group.environments.map(\.description).joined(separator: "; "),
            context: 3))
      }
    }
    return out
  }

  /// The last line about portability: how many outputs differ between how many environments.
  ///
  /// - Parameters:
  ///   - findings: Every lesson's findings.
  ///   - environmentCount: The number of environments run.
  /// - Returns: For example `portability: 2 outputs differ between environments, in 1 lesson
  ///   (6 environments)`, or `portability: every checked output is the same in the 6
  ///   environments`.
  public static func summaryLine(for findings: [PortabilityFinding], environmentCount: Int)
    -> String
  {
    if findings.isEmpty {
      return "portability: every checked output is the same in the \(environmentCount) "
        + "environments"
    }
    let lessons = Set(findings.map(\.path)).count
    let outputs = findings.filter { $0.snippetIndex != nil }.count
    let failures = findings.count - outputs
    var parts: [String] = []
    if outputs > 0 {
      parts.append(outputs == 1 ? "1 output differs" : "\(outputs) outputs differ")
    }
    if failures > 0 {
      parts.append(failures == 1 ? "1 lesson run fails" : "\(failures) lesson runs fail")
    }
    return "portability: \(parts.joined(separator: " and ")) between environments, in "
      + (lessons == 1 ? "1 lesson" : "\(lessons) lessons") + " (\(environmentCount) environments)"
  }

  /// A run's outputs in `recordedOutput(_:)` form, by snippet index.
  private static func outputsByIndex(_ run: LessonRun) -> [Int: String] {
    Dictionary(
      run.snippets.map { ($0.index, recordedOutput($0.output)) }, uniquingKeysWith: { a, _ in a })
  }
}

/// Whether a lesson's run came from the cache, told by `LessonRunner.run`'s callback.
private final class CachedFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var cached = false

  func set(_ value: Bool) { lock.withLock { cached = value } }
  var value: Bool { lock.withLock { cached } }
}
