// What `lessons check`, `grade` and `student-edition` share: the course a student's copy
// belongs to, proving the lessons' exercises before students' work is judged by them, and the
// limits of a student's program.

import ArgumentParser
import Foundation
import LessonKit

/// The course students' copies are checked against.
struct CourseOptions: ParsableArguments {
  @Option(
    name: .customLong("package-path"),
    help: ArgumentHelp("The course's package root.", valueName: "dir"))
  var packagePath: String = "."

  @Option(
    help: ArgumentHelp(
      "The folder of the instructor's lessons, relative to the package root.",
      valueName: "dir"))
  var courseFolder: String = LessonCatalog.courseFolder

  /// The package root as an absolute URL.
  var packageDirectory: URL { URL(fileURLWithPath: packagePath).standardizedFileURL }

  /// The instructor's lessons of the course folder that have checked exercises, read and
  /// checked (a bad lesson is printed and stops the command).
  func lessonsWithExercises() throws -> [LoadedLesson] {
    let paths: [String]
    do {
      paths = try LessonCatalog.lessonPaths(
        inFolder: courseFolder, packageDirectory: packageDirectory)
    } catch {
      throw ValidationError(
        "no folder \(courseFolder) in \(packageDirectory.path); pass --package-path or "
          + "--course-folder")
    }
    let loaded = LessonCatalog.load(paths, packageDirectory: packageDirectory)
    for problem in loaded.problems { printError("\(problem)") }
    if !loaded.problems.isEmpty { throw ExitCode(1) }
    return loaded.lessons.filter { !$0.lesson.exercises.isEmpty }
  }
}

/// The limits and the sandbox of students' programs.
struct StudentProgramOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Seconds one copy's program may run (all its exercises).", valueName: "seconds"))
  var timeout: Double = 300

  @Option(
    help: ArgumentHelp(
      "Seconds each answer, and each of its checks, may run.", valueName: "seconds"))
  var exerciseTimeout: Double = 30

  @Option(help: ArgumentHelp("Seconds the compiler may take for one copy.", valueName: "seconds"))
  var compileTimeout: Double = 300

  @Option(
    help: ArgumentHelp(
      "The most an answer may write (standard output included), in KiB.", valueName: "kib"))
  var outputLimit: Int = 8192

  @Flag(
    help: ArgumentHelp(
      "Compile and run without the bubblewrap sandbox (only for code you trust: your own)."))
  var noSandbox = false

  @Option(
    help: ArgumentHelp(
      "A lessons program already built that holds the course's lessons; skips the build.",
      valueName: "path"))
  var runner: String?

  @Flag(
    help: "Keep each copy's scratch folder (under .build/lessons) to look into a problem.")
  var keepWork = false

  func validate() throws {
    for (name, value) in [
      ("--timeout", timeout), ("--exercise-timeout", exerciseTimeout),
      ("--compile-timeout", compileTimeout),
    ] where value <= 0 {
      throw ValidationError("\(name) must be positive, got \(value)")
    }
    guard outputLimit > 0 else {
      throw ValidationError("--output-limit must be positive, got \(outputLimit)")
    }
  }

  /// The grading limits these options give.
  var limits: GradingLimits {
    var limits = GradingLimits()
    limits.runSeconds = timeout
    limits.exerciseSeconds = exerciseTimeout
    limits.compileSeconds = compileTimeout
    limits.outputBytes = outputLimit * 1024
    return limits
  }
}

/// Runs the instructor's lessons (cached runs count) and stops unless every one passes
/// `lessons verify`: students' work is only judged by exercises whose solution passes every
/// check and whose placeholder fails one. Returns the lessons program the runs used, from
/// which the answer kit is made.
func proveLessons(
  _ lessons: [LoadedLesson], packageDirectory: URL, runner: String?, jobs: Int = 2
) async throws -> URL {
  let options = LessonRunOptions(
    packageDirectory: packageDirectory, jobs: jobs,
    runnerExecutable: runner.map { URL(fileURLWithPath: $0).standardizedFileURL })
  let runs: [LessonRun]
  do {
    runs = try await LessonRunner.run(lessons: lessons.map(\.lesson), options: options)
  } catch {
    printError("\(error)")
    throw ExitCode(2)
  }
  var failed = false
  for (lesson, run) in zip(lessons, runs) {
    let verdict = checkLesson(lesson.lesson, against: run)
    if !verdict.passed {
      failed = true
      printError(failureReport(for: verdict).trimmingCharacters(in: .newlines))
    }
  }
  if failed {
    printError(
      "lessons: error: the lessons above must pass `lessons verify` before students' work is "
        + "checked against them")
    throw ExitCode(1)
  }
  return options.runnerExecutable
    ?? RunnerBuild.executable(packageDirectory: packageDirectory, configuration: .debug)
}

/// The grader for the course's programs, with the sandbox unless `noSandbox` (or, when
/// `requireSandbox` is false and bubblewrap is missing, without it after a note).
func makeGrader(
  runner: URL, packageDirectory: URL, options: StudentProgramOptions, requireSandbox: Bool
) throws -> AnswerGrader {
  let kit: AnswerKit
  do {
    kit = try AnswerKit.prepare(runner: runner, packageDirectory: packageDirectory)
  } catch {
    printError("\(error)")
    throw ExitCode(2)
  }
  var bubblewrap: URL?
  if !options.noSandbox {
    bubblewrap = Sandbox.findBubblewrap()
    if bubblewrap == nil {
      if requireSandbox {
        printError(
          "lessons: error: bubblewrap (bwrap) is not installed, and students' code must run in "
            + "a sandbox; install Debian's bubblewrap, or pass --no-sandbox to run it unconfined")
        throw ExitCode(2)
      }
      printError("note: bubblewrap (bwrap) is not installed; your code runs without a sandbox")
    }
  }
  return AnswerGrader(kit: kit, bubblewrap: bubblewrap, limits: options.limits)
}
