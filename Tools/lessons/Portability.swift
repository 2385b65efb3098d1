// `lessons verify --portability`: the lessons in a matrix of environments (build, BLAS kernel,
// BLAS threads); every decision lives in LessonKit (LessonEnvironment, PortabilityCheck).

import ArgumentParser
import Foundation
import LessonKit

/// The options of the portability check.
struct PortabilityOptions: ParsableArguments {
  @Flag(
    help: ArgumentHelp(
      "Also run every lesson in other environments (the other build, other BLAS kernels, two "
        + "BLAS threads) and report each checked output that differs between them."))
  var portability = false

  @Option(
    help: ArgumentHelp(
      "The OPENBLAS_CORETYPE kernels --portability tries, comma-separated; one this "
        + "processor cannot run, a name OpenBLAS does not know, or one whose products are "
        + "bit-identical to a kernel already tried (the reference's, say) is skipped.",
      valueName: "names"))
  var kernels: String = LessonEnvironment.defaultKernels.joined(separator: ",")

  @Flag(
    help: ArgumentHelp(
      "Print the environments of --portability, with the BLAS kernel the lessons program "
        + "reports in each, and exit."))
  var listEnvironments = false

  /// The kernel names of `--kernels`.
  var kernelNames: [String] {
    kernels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  func validate() throws {
    for name in kernelNames where !name.allSatisfy({ $0.isLetter || $0.isNumber }) {
      throw ValidationError(
        "--kernels: '\(name)' is not a kernel name (letters and digits, e.g. Sandybridge)")
    }
  }
}

extension Lessons.Verify {
  /// Runs the portability check (or lists its environments) on `sources`.
  func runPortability(_ sources: [(lesson: Lesson, source: String)]) async throws {
    let reference: BuildConfiguration = running.release ? .release : .debug
    let given = running.runner.map { URL(fileURLWithPath: $0).standardizedFileURL }
    let root = selection.packageDirectory
    var runners: [BuildConfiguration: URL] = [:]
    runners[reference] = try given ?? builtRunner(reference, packageDirectory: root)
    let matrix = LessonEnvironment.portabilityMatrix(
      reference: reference, kernels: portability.kernelNames, varyBuild: given == nil)
    let probed: (environments: [LessonEnvironment], notes: [String])
    do {
      probed = try LessonEnvironment.probeKernels(matrix, runner: runners[reference]!)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    let environments = probed.environments
    if portability.listEnvironments {
      print("The environments of `lessons verify --portability` (the reference first):")
      for environment in environments {
        print(
          "  \(environment.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(environment)"
        )
      }
      for note in probed.notes { print("  skipped: \(note)") }
      if given != nil { print("  (--runner given: the build configuration is not varied)") }
      return
    }
    for configuration in Set(environments.map(\.configuration)) where runners[configuration] == nil
    {
      runners[configuration] = try builtRunner(configuration, packageDirectory: root)
    }

    let lessons = sources.map(\.lesson)
    print("portability: \(lessons.count) lesson(s) in \(environments.count) environments:")
    for environment in environments { print("  \(environment)") }
    for note in probed.notes { print("  skipped: \(note)") }
    if given != nil { print("  (--runner given: the build configuration is not varied)") }
    fflush(nil)

    let progress = PortabilityProgress(lessons: lessons, environments: environments)
    let options = running.runOptions(packageDirectory: root)
    let runs: [[LessonRun]]
    do {
      runs = try await PortabilityCheck.run(
        lessons: lessons, environments: environments, runners: runners, options: options
      ) { lesson, environment, run, cached in
        progress.finished(lesson: lesson, environment: environment, run: run, cached: cached)
      }
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    let verdicts = zip(lessons, runs).map { checkLesson($0, against: $1[0]) }
    let findings = zip(lessons, runs).flatMap { lesson, lessonRuns in
      PortabilityCheck.findings(lesson, runs: Array(zip(environments, lessonRuns)))
    }
    print(summaryLine(for: verdicts))
    print(PortabilityCheck.summaryLine(for: findings, environmentCount: environments.count))
    if render {
      _ = try site.render(lessons: sources, verdicts: verdicts, packageDirectory: root)
    }
    if !verdicts.allSatisfy(\.passed) || !findings.isEmpty { throw ExitCode(1) }
  }

  /// The lessons program built in `configuration`, building it when it is not up to date.
  private func builtRunner(_ configuration: BuildConfiguration, packageDirectory: URL) throws
    -> URL
  {
    if let runner = RunnerBuild.upToDateRunner(
      packageDirectory: packageDirectory, configuration: configuration)
    {
      return runner
    }
    print("building the lessons program (\(configuration.rawValue))…")
    fflush(nil)
    let build: (succeeded: Bool, output: String)
    do {
      build = try RunnerBuild.build(
        packageDirectory: packageDirectory, configuration: configuration)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    guard build.succeeded else {
      printError(
        "lessons: error: the lessons program does not build (\(configuration.rawValue)); "
          + "`lessons verify` reports the errors at the lessons' lines")
      throw ExitCode(1)
    }
    return RunnerBuild.executable(packageDirectory: packageDirectory, configuration: configuration)
  }
}

/// Prints progress as runs finish (from any thread): the ordinary line for a reference run,
/// a short line for another environment's, and each lesson's portability report once all its
/// environments have run.
private final class PortabilityProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let lessons: [Lesson]
  private let environments: [LessonEnvironment]
  private var runs: [[LessonRun?]]
  private var done = 0

  init(lessons: [Lesson], environments: [LessonEnvironment]) {
    self.lessons = lessons
    self.environments = environments
    runs = lessons.map { _ in Array(repeating: nil, count: environments.count) }
  }

  func finished(lesson: Int, environment: Int, run: LessonRun, cached: Bool) {
    lock.withLock {
      done += 1
      runs[lesson][environment] = run
      let total = lessons.count * environments.count
      let position = "[\(done)/\(total)]"
      if environment == 0 {
        let verdict = checkLesson(lessons[lesson], against: run)
        print("\(position) \(progressLine(for: verdict, cached: cached))")
        print(failureReport(for: verdict), terminator: "")
      } else {
        let time = cached ? "cached" : String(format: "%.2f s", run.seconds)
        let status = run.failure == nil ? "" : ", FAILED"
        print(
          "\(position) \(run.path) in \(environments[environment]): \(time)\(status)")
      }
      let lessonRuns = runs[lesson].compactMap { $0 }
      if lessonRuns.count == environments.count {
        let findings = PortabilityCheck.findings(
          lessons[lesson], runs: Array(zip(environments, lessonRuns)))
        if findings.isEmpty {
          print("\(run.path): every checked output is the same in all environments")
        } else {
          print(PortabilityCheck.report(findings), terminator: "")
        }
      }
      fflush(nil)
    }
  }
}
