// Grading one student's copy of one lesson: the lesson's program is generated with the
// student's answers in place of the placeholders (and no solutions), compiled and run in a
// sandbox with time and output limits, and each checked exercise gets a result with a message
// that points at the student's own lines and never quotes a hidden check.

import Foundation
import LessonResultsFormat

/// What became of one checked exercise of a student's copy.
public enum ExerciseResult: String, Sendable, Hashable, CaseIterable, Codable {
  /// The answer ran and passed every check.
  case passed
  /// The answer ran, and a check failed (or crashed, or did not run).
  case failed
  /// The placeholder is still there.
  case notAttempted = "not-attempted"
  /// The answer does not compile (alone, or with the exercise's checks).
  case compileError = "compile-error"
  /// The answer crashed (a runtime trap).
  case crashed
  /// An error was thrown out of the answer.
  case threw
  /// The answer ran past its time limit, or the whole copy did.
  case timedOut = "timed-out"
  /// The answer wrote more than the output limit.
  case outputLimit = "output-limit"
  /// The copy cannot be graded for this exercise (its answer block cannot be matched, or the
  /// file is not a lesson).
  case invalid
  /// The grader could not grade it (not the student's fault): the message says why.
  case error

  /// Whether the student gets the exercise: only `passed`.
  public var isPass: Bool { self == .passed }
}

/// The result of one checked exercise of a student's copy, with what to tell the student.
public struct ExerciseOutcome: Sendable, Equatable, Codable {
  /// The exercise's index in the lesson.
  public var exerciseIndex: Int
  /// The exercise's name (``Exercise/name``).
  public var exercise: String
  /// The result.
  public var result: ExerciseResult
  /// What happened, pointing at lines of the student's copy; never the code of a hidden check.
  public var message: String
  /// Notes on the copy (a check that was changed, removed or added).
  public var notes: [String]

  /// Creates an outcome.
  public init(
    exerciseIndex: Int, exercise: String, result: ExerciseResult, message: String,
    notes: [String] = []
  ) {
    self.exerciseIndex = exerciseIndex
    self.exercise = exercise
    self.result = result
    self.message = message
    self.notes = notes
  }
}

/// The limits a student's program is compiled and run under.
public struct GradingLimits: Sendable, Equatable {
  /// Seconds the compiler may take for one copy.
  public var compileSeconds: Double = 300
  /// Seconds the whole program of one copy may run.
  public var runSeconds: Double = 300
  /// Seconds each answer, and each check, may run (as in `lessons verify`).
  public var exerciseSeconds: Double = 30
  /// The largest file an answer may write, standard output included, in bytes.
  public var outputBytes: Int = 8 << 20
  /// The largest address space of the compiler and of the program, in bytes.
  public var memoryBytes: Int = 4 << 30

  /// The default limits.
  public init() {}
}

/// Grades students' copies of the lessons of one course.
///
/// ```swift
/// let kit = try AnswerKit.prepare(runner: runner, packageDirectory: root)
/// let grader = AnswerGrader(kit: kit, bubblewrap: Sandbox.findBubblewrap())
/// let outcomes = await grader.grade(lesson, copy: submitted, scratch: folder)
/// ```
public struct AnswerGrader: Sendable {
  /// What the students' programs are built with.
  public var kit: AnswerKit
  /// The sandbox program, or `nil` to compile and run without one (only for a student's own
  /// code on the student's machine: `lessons check` without bubblewrap).
  public var bubblewrap: URL?
  /// The limits.
  public var limits: GradingLimits

  /// Creates a grader.
  public init(kit: AnswerKit, bubblewrap: URL?, limits: GradingLimits = GradingLimits()) {
    self.kit = kit
    self.bubblewrap = bubblewrap
    self.limits = limits
  }

  /// Grades one student's copy of `lesson`.
  ///
  /// Answers whose brackets do not balance (``answerBracketsBalance(_:)``) or that use
  /// `#sourceLocation` are not compiled. The program is compiled with every other answer; when
  /// the compiler names errors in answers (or in the checks of their exercises), those answers
  /// are replaced by their placeholders and it is compiled again, so one broken answer costs
  /// only its own exercise. Then the program runs once: each answer and check in a process of
  /// its own (see `SnippetBoundary.exercise`), all of it in the sandbox when there is one.
  ///
  /// - Parameters:
  ///   - lesson: The instructor's lesson.
  ///   - copy: What the student's copy holds (``readSubmission(source:path:instructor:)``).
  ///   - scratch: An empty folder for the program and its results; the only folder the
  ///     sandbox can write.
  ///   - language: The language of the copy (a student's copy of a translation): the program
  ///     runs with `DESCENT_LESSON_LANGUAGE` set to it, so checks whose messages are
  ///     `localized(en:zh:)` speak it.
  /// - Returns: One outcome per checked exercise, in the lesson's order.
  public func grade(
    _ lesson: Lesson, copy: SubmittedLesson, scratch: URL, language: CourseLanguage = .english
  ) async -> [ExerciseOutcome] {
    var fixed: [Int: (ExerciseResult, String)] = [:]
    for (index, message) in copy.invalid { fixed[index] = (.invalid, message) }
    for index in copy.notAttempted where fixed[index] == nil {
      fixed[index] = (.notAttempted, "not attempted: the placeholder is unchanged")
    }
    var answers: [Int: SnippetSource] = [:]
    for (index, answer) in copy.answers where fixed[index] == nil {
      if let problem = answerProblem(answer) {
        fixed[index] = (.compileError, problem)
      } else {
        answers[index] = answer
      }
    }
    let runOutcome: [Int: (ExerciseResult, String)]
    do {
      try FileManager.default.createDirectory(
        at: scratch.appending(path: "tmp"), withIntermediateDirectories: true)
      let build = await compile(lesson, answers: answers, copy: copy, scratch: scratch)
      for (index, failure) in build.leftOut
      where build.problem == nil || !build.unattributed.contains(index) {
        fixed[index] = (.compileError, failure)
      }
      if let problem = build.problem {
        runOutcome = Dictionary(
          uniqueKeysWithValues: lesson.exercises.map { ($0.index, (.error, problem)) })
      } else {
        runOutcome = await run(
          lesson, answers: build.answers, copy: copy, executable: build.executable,
          scratch: scratch, language: language)
      }
    } catch {
      runOutcome = Dictionary(
        uniqueKeysWithValues: lesson.exercises.map {
          ($0.index, (.error, "the grader failed: \(error)"))
        })
    }
    return lesson.exercises.map { exercise in
      let (result, message) =
        fixed[exercise.index] ?? runOutcome[exercise.index]
        ?? (.error, "the grader has no result for this exercise")
      return ExerciseOutcome(
        exerciseIndex: exercise.index, exercise: exercise.name, result: result,
        message: message, notes: copy.notes[exercise.index] ?? [])
    }
  }

  /// Why an answer is not even compiled, or `nil`.
  private func answerProblem(_ answer: SnippetSource) -> String? {
    if !answerBracketsBalance(answer.code) {
      return "\(answer.path):\(answer.firstLine): the answer's brackets do not balance: it "
        + "closes a {, ( or [ it did not open, or leaves one open; an answer keeps its brackets "
        + "to itself"
    }
    for (offset, line) in answer.code.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated() where line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#sourceLocation")
    {
      return "\(answer.path):\(answer.firstLine + offset): an answer cannot use #sourceLocation"
    }
    return nil
  }

  /// The outcome of compiling a copy's program.
  private struct Build {
    var executable: URL
    var answers: [Int: SnippetSource]
    var leftOut: [Int: String]
    /// Answers left out because the errors were in none of them (not proven their fault).
    var unattributed: Set<Int> = []
    var problem: String?
  }

  /// Compiles the program with `answers`, leaving out (replacing by their placeholders) the
  /// answers the compiler's errors point into, until it compiles.
  private func compile(
    _ lesson: Lesson, answers initial: [Int: SnippetSource], copy: SubmittedLesson, scratch: URL
  ) async -> Build {
    var answers = initial
    var leftOut: [Int: String] = [:]
    var unattributed: Set<Int> = []
    let executable = scratch.appending(path: "answers")
    let main = scratch.appending(path: "main.swift")
    let source = scratch.appending(path: "lesson.swift")
    do {
      try answerProgramMain.write(to: main, atomically: true, encoding: .utf8)
    } catch {
      return Build(
        executable: executable, answers: answers, leftOut: leftOut,
        problem: "cannot write in \(scratch.path): \(error)")
    }
    while true {
      do {
        try generateLessonSource(for: [lesson], answers: [lesson.path: answers]).write(
          to: source, atomically: true, encoding: .utf8)
      } catch {
        return Build(
          executable: executable, answers: answers, leftOut: leftOut,
          problem: "cannot write in \(scratch.path): \(error)")
      }
      let log = scratch.appending(path: "compile.log")
      let command = kit.compileCommand(
        sources: [main.path, source.path], output: executable.path)
      let ended = await runLimited(
        command, scratch: scratch, environment: [:], output: log,
        seconds: limits.compileSeconds,
        limits: ResourceLimits(fileBytes: 256 << 20, memoryBytes: limits.memoryBytes))
      if ended == .exited(0) {
        return Build(executable: executable, answers: answers, leftOut: leftOut, problem: nil)
      }
      let diagnostics = compilerErrors(in: readResultsFile(log))
      var blamed: [Int: String] = [:]
      for diagnostic in diagnostics {
        guard
          let (index, message) = blame(diagnostic, lesson: lesson, answers: answers, copy: copy),
          blamed[index] == nil
        else { continue }
        blamed[index] = message
      }
      if case .timedOut(let seconds) = ended {
        let message = "the compiler ran past its time limit (\(formatSeconds(seconds)) s)"
        if answers.isEmpty {
          return Build(executable: executable, answers: answers, leftOut: leftOut, problem: message)
        }
        for index in answers.keys { blamed[index] = message + " with your answers" }
      }
      if blamed.isEmpty {
        if answers.isEmpty {
          let first = diagnostics.first.map { "\($0.path):\($0.line): \($0.message)" } ?? "no error"
          return Build(
            executable: executable, answers: answers, leftOut: leftOut,
            unattributed: unattributed,
            problem: "the lesson's program does not compile even with its placeholders "
              + "(\(first)); run `lessons verify` on it, and see the scratch folder's "
              + "compile.log (--keep-work)")
        }
        let first = diagnostics.first.map { ": " + $0.message } ?? ""
        unattributed.formUnion(answers.keys)
        for index in answers.keys {
          blamed[index] =
            "the program does not compile with your answers, and the compiler's errors are "
            + "outside them" + first
        }
      }
      for (index, message) in blamed {
        leftOut[index] = message
        answers[index] = nil
      }
    }
  }

  /// Which exercise a compiler error belongs to, and what to tell the student; `nil` when it
  /// is in none of the answers (or their checks).
  private func blame(
    _ diagnostic: CompilerError, lesson: Lesson, answers: [Int: SnippetSource],
    copy: SubmittedLesson
  ) -> (Int, String)? {
    for (index, answer) in answers where diagnostic.path == answer.path {
      let lineCount = answer.code.split(separator: "\n", omittingEmptySubsequences: false).count
      if (answer.firstLine..<answer.firstLine + max(1, lineCount)).contains(diagnostic.line) {
        return (index, "does not compile: \(answer.path):\(diagnostic.line): \(diagnostic.message)")
      }
    }
    guard diagnostic.path == lesson.path else { return nil }
    for exercise in lesson.exercises where answers[exercise.index] != nil {
      for check in exercise.checks {
        let code = lesson.snippets[check].code
        guard
          (code.firstContentLine...max(code.firstContentLine, code.lastContentLine))
            .contains(diagnostic.line)
        else { continue }
        if lesson.snippets[check].attributes.contains(.hidden) {
          return (
            exercise.index,
            "your answer does not compile with a hidden check: declare what the exercise asks "
              + "for, with the names and types the placeholder gives"
          )
        }
        let place =
          copy.checkLines[check].map { "the check at line \($0.openingLine) of your copy" }
          ?? "a check of this exercise"
        return (
          exercise.index,
          "your answer does not compile with \(place): \(diagnostic.message) (keep the names and "
            + "types the placeholder gives)"
        )
      }
    }
    return nil
  }

  /// Runs the compiled program and turns its results into outcomes.
  private func run(
    _ lesson: Lesson, answers: [Int: SnippetSource], copy: SubmittedLesson, executable: URL,
    scratch: URL, language: CourseLanguage
  ) async -> [Int: (ExerciseResult, String)] {
    let manager = FileManager.default
    let results = scratch.appending(path: "results")
    let figures = results.appending(path: ResultsFolder.figuresFolderName)
    do {
      try manager.createDirectory(at: figures, withIntermediateDirectories: true)
      for bundle in kit.resourceBundles {
        let link = scratch.appending(path: bundle.lastPathComponent)
        if !manager.fileExists(atPath: link.path) {
          try manager.createSymbolicLink(at: link, withDestinationURL: bundle)
        }
      }
    } catch {
      return Dictionary(
        uniqueKeysWithValues: lesson.exercises.map {
          ($0.index, (.error, "cannot prepare \(scratch.path): \(error)"))
        })
    }
    var environment = [
      "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
      FiguresFolder.environmentVariable: figures.path,
      ExerciseFiles.timeoutVariable: String(limits.exerciseSeconds),
    ]
    if language != .english { environment[LessonLanguageVariable.name] = language.code }
    let start = Date()
    let ended = await runLimited(
      [
        executable.path, lesson.path, "--results", results.path, "--max-output",
        String(limits.outputBytes),
      ], scratch: scratch,
      environment: environment,
      output: results.appending(path: ResultsFolder.standardErrorFileName),
      seconds: limits.runSeconds,
      limits: ResourceLimits(fileBytes: limits.outputBytes * 2, memoryBytes: limits.memoryBytes))
    let run = readLessonResults(
      of: lesson, in: results, termination: ended, contentHash: "",
      seconds: Date().timeIntervalSince(start), maxOutput: limits.outputBytes, answers: answers)
    var outcomes: [Int: (ExerciseResult, String)] = [:]
    for exercise in lesson.exercises {
      guard let answer = run.exerciseRun(exercise.index, .answer) else {
        let why: String
        if case .timedOut(let seconds) = ended {
          outcomes[exercise.index] = (
            .timedOut,
            "not run: the whole lesson ran past its time limit (\(formatSeconds(seconds)) s) "
              + "before this exercise"
          )
          continue
        }
        why =
          run.failure.map { "the lesson stopped before this exercise: \($0.message)" }
          ?? "the lesson's program reported nothing about this exercise"
        outcomes[exercise.index] = (.error, "not run: " + why)
        continue
      }
      outcomes[exercise.index] = outcome(
        of: answer, exercise: exercise, lesson: lesson, source: answers[exercise.index],
        copy: copy)
    }
    return outcomes
  }

  /// The result and message of an answer's run.
  private func outcome(
    of run: ExerciseRun, exercise: Exercise, lesson: Lesson, source: SnippetSource?,
    copy: SubmittedLesson
  ) -> (ExerciseResult, String) {
    let place = source.map { "\($0.path):\(run.crashLine ?? $0.firstLine)" } ?? copy.path
    switch run.end {
    case .threw?: return (.threw, "\(place): your answer threw an error: \(run.detail)")
    case .crashed?: return (.crashed, "\(place): your answer crashed: \(run.detail)")
    case .timedOut?:
      return (.timedOut, "\(place): your answer ran past its time limit (\(run.detail))")
    case .outputLimit?:
      return (
        .outputLimit,
        "\(place): your answer wrote more than \(limits.outputBytes / 1024) KiB and was stopped"
      )
    case .stopped?:
      return (.failed, "\(place): your answer stopped the program before its checks ran")
    case .completed?, .failed?, nil: break
    }
    var messages: [String] = []
    var result = ExerciseResult.passed
    for check in run.checks where !check.passed {
      result = .failed
      messages.append(describeFailedCheck(check, lesson: lesson, copy: copy))
    }
    if result == .passed { return (.passed, "passed") }
    return (result, messages.joined(separator: "; "))
  }

  /// A failed check as the student may read it: a shown check by its line in the copy and its
  /// message, a hidden one by its message only.
  private func describeFailedCheck(_ check: CheckRun, lesson: Lesson, copy: SubmittedLesson)
    -> String
  {
    let snippet = lesson.snippets[check.snippetIndex]
    let hidden = snippet.attributes.contains(.hidden)
    var what: String
    if hidden {
      what = "a hidden check"
    } else if let block = copy.checkLines[check.snippetIndex] {
      // The assertion's line in the copy: the same offset in the copy's block.
      let line = check.failures.first.map {
        block.firstContentLine + ($0.line - snippet.code.firstContentLine)
      }
      what = "\(copy.path):\(line ?? block.openingLine): check"
    } else {
      what = "a check of this exercise (changed in your copy; the lesson's was run)"
    }
    if let failure = check.failures.first {
      let more = check.failures.count > 1 ? " (and \(check.failures.count - 1) more)" : ""
      return what + " failed: " + failure.message + more
    }
    switch check.end {
    case nil: return what + " did not run: the answer returned before the checks"
    case .crashed?:
      return what + " crashed on your answer" + (hidden ? "" : ": " + check.detail)
    case .timedOut?: return what + " ran past its time limit on your answer"
    case .threw?: return what + " threw an error on your answer: " + check.detail
    case .outputLimit?: return what + " wrote more than the output limit"
    default: return what + " " + describe(check.end, check.detail)
    }
  }

  /// Runs `command` (in the sandbox when there is one) with standard output and error to
  /// `output`, for at most `seconds`.
  private func runLimited(
    _ command: [String], scratch: URL, environment: [String: String], output: URL,
    seconds: Double, limits resourceLimits: ResourceLimits
  ) async -> RunnerTermination {
    var arguments = command
    var processEnvironment: [String: String]?
    if let bubblewrap {
      let sandbox = Sandbox(
        bubblewrap: bubblewrap, scratch: scratch.path, readOnly: [kit.directory.path],
        environment: environment)
      arguments = sandbox.command(command, limits: resourceLimits)
    } else {
      arguments = resourceLimits.prefix + command
      var inherited = ProcessInfo.processInfo.environment
      inherited.merge(environment) { _, new in new }
      inherited["TMPDIR"] = scratch.appending(path: "tmp").path
      processEnvironment = inherited
    }
    return await runWithTimeLimit(
      arguments, directory: scratch, environment: processEnvironment, output: output,
      seconds: seconds)
  }
}

/// A compiler error: `PATH:LINE:COLUMN: error: MESSAGE`.
struct CompilerError: Sendable, Equatable {
  var path: String
  var line: Int
  var message: String
}

/// The errors in a compiler's output, in order (warnings, notes and the source excerpts the
/// compiler prints under them are left out).
func compilerErrors(in output: String) -> [CompilerError] {
  output.split(separator: "\n").compactMap { line in
    guard let marker = line.range(of: ": error: ") else { return nil }
    let place = line[..<marker.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
    guard place.count >= 3, let number = Int(place[place.count - 2]) else { return nil }
    return CompilerError(
      path: place.dropLast(2).joined(separator: ":"), line: number,
      message: String(line[marker.upperBound...]))
  }
}

/// Runs a command with its standard output and error going to `output`, and kills it (and, for
/// bubblewrap, everything in its sandbox) after `seconds`.
///
/// The process is started and waited for on a thread of its own that lives until it ends:
/// bubblewrap's `--die-with-parent` ties the sandbox to the thread that started it (Linux's
/// parent-death signal follows the thread), and a thread of the shared pools may retire while
/// the sandbox still runs.
func runWithTimeLimit(
  _ arguments: [String], directory: URL, environment: [String: String]?, output: URL,
  seconds: Double
) async -> RunnerTermination {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: arguments[0])
  process.arguments = Array(arguments.dropFirst())
  process.currentDirectoryURL = directory
  if let environment { process.environment = environment }
  process.standardInput = FileHandle.nullDevice
  guard FileManager.default.createFile(atPath: output.path, contents: nil),
    let handle = try? FileHandle(forWritingTo: output)
  else { return .exited(127) }
  process.standardOutput = handle
  process.standardError = handle
  let state = TimeLimitState()
  let box = UncheckedBox(process)
  return await withCheckedContinuation { continuation in
    let thread = Thread {
      let process = box.value
      defer { try? handle.close() }
      do {
        try process.run()
      } catch {
        continuation.resume(returning: .exited(127))
        return
      }
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { state.kill(pid) }
      process.waitUntilExit()
      if state.finish() {
        continuation.resume(returning: .timedOut(seconds))
      } else if process.terminationReason == .uncaughtSignal {
        continuation.resume(returning: .signaled(process.terminationStatus))
      } else {
        continuation.resume(returning: .exited(process.terminationStatus))
      }
    }
    thread.start()
  }
}

/// A value handed to another thread whose use is ordered by hand (here: a `Process` used by
/// its waiting thread only once started).
private final class UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Whether a time-limited process finished or was killed (used from two threads).
private final class TimeLimitState: @unchecked Sendable {
  private let lock = NSLock()
  private var finished = false
  private var killed = false

  /// Kills `pid` unless it finished.
  func kill(_ pid: Int32) {
    lock.withLock {
      guard !finished else { return }
      killed = true
      _ = Foundation.kill(pid, SIGKILL)
    }
  }

  /// Marks it finished; returns whether it had been killed.
  func finish() -> Bool {
    lock.withLock {
      finished = true
      return killed
    }
  }
}
