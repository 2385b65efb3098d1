// Checked exercises in the lessons program: each variant of an exercise (the solution, then the
// answer) runs in a child process, and each of its checks in a grandchild, so that an answer or
// a check that traps, throws, hangs or floods its output fails alone and the lesson goes on.
// What they report goes to `exercises.tsv` (ExerciseRecord, LessonResultsFormat).

import CLessonGuard
import LessonResultsFormat
@_spi(LessonRunner) import LessonSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Exit statuses of the exercise processes (any other status is `stopped`: the code called
/// `exit`).
private enum ExerciseExit {
  /// Ran to its end; for a check: no assertion failed.
  static let completed: Int32 = 0
  /// A check ran to its end and at least one assertion failed.
  static let failed: Int32 = 1
  /// An error was thrown out of it (the process wrote the record itself).
  static let threw: Int32 = 3
}

extension SnippetBoundary {
  /// Runs a checked exercise: its `solution` (when the program holds it) and then its
  /// `answer`, each in a child process of its own whose checks each run in a grandchild.
  ///
  /// The children share nothing with the lesson after they start: what the answer declares
  /// is visible to its checks only, and what it changes is not seen by later snippets. Each
  /// answer and each check gets the time limit of `DESCENT_EXERCISE_TIMEOUT` (seconds) and
  /// may write files (standard output included) up to the lesson's size limit (`--max-output`);
  /// past it the process ends.
  /// The solution prints into its snippet's output file and shows its figures like any
  /// snippet; the answer's output goes to `exercise-E-answer.out` and its figures nowhere.
  ///
  /// - Parameters:
  ///   - index: The exercise's index in its lesson.
  ///   - checks: How many checks the variants run (for the variants' time limit).
  ///   - solution: The solution and the checks, or `nil` in a program of students' answers.
  ///   - answer: The placeholder or the student's answer, and the checks.
  public func exercise(
    _ index: Int, checks: Int, solution: (() throws -> Void)?, answer: () throws -> Void
  ) {
    let limits = ExerciseLimits()
    let limit = limits.seconds * Double(1 + checks) + 1
    if let solution {
      runVariant(index, .solution, limit: limit, limits: limits, solution)
      figuresShownCount = max(figuresShownCount, lastFigureWritten())
    }
    runVariant(index, .answer, limit: limit, limits: limits, answer)
  }

  /// Runs check `snippet` of the exercise this process runs, in a process of its own: its
  /// failed assertions (`check`, `checkEqual`, `checkClose`) are recorded with their lines,
  /// and how the process ended is recorded when it is over.
  ///
  /// - Parameters:
  ///   - snippet: The check's snippet index.
  ///   - hidden: Whether it is a `check hidden` snippet (its messages leave out expected
  ///     values).
  ///   - body: The check's code.
  public func check(_ snippet: Int, hidden: Bool, _ body: () throws -> Void) {
    guard let (exercise, variant) = exerciseContext else {
      exitLessonRunner("a check ran outside an exercise (snippet \(snippet))")
    }
    let limits = ExerciseLimits()
    startAlarm(seconds: 0)  // the answer is over: its time limit ends
    let errorFile = ExerciseFiles.standardErrorFileName(
      exercise: exercise, variant: variant, check: snippet)
    let parent = getpid()
    fflush(nil)
    let pid = fork()
    if pid == 0 {
      // A check prints nowhere: what it prints is never compared, and it must not add to the
      // solution's output file, which its process inherits.
      becomeExerciseProcess(
        parent: parent, standardError: errorFile, standardOutput: "/dev/null", limits: limits)
      installCheckReporter(
        { [self] _, line, message in
          appendExerciseRecord(
            .failure(
              exercise: exercise, variant: variant, check: snippet, line: line, message: message))
        }, hidden: hidden)
      do {
        try body()
      } catch {
        appendExerciseRecord(
          .check(
            exercise: exercise, variant: variant, check: snippet, end: .threw,
            detail: String(describing: error)))
        leaveExerciseProcess(ExerciseExit.threw)
      }
      leaveExerciseProcess(checkFailureCount > 0 ? ExerciseExit.failed : ExerciseExit.completed)
    }
    guard pid > 0 else {
      appendExerciseRecord(
        .check(
          exercise: exercise, variant: variant, check: snippet, end: .crashed,
          detail: "the check's process could not be started (fork failed)"))
      return
    }
    let (end, detail) = waitForExerciseProcess(pid, seconds: limits.seconds, isCheck: true)
    if end != .threw {
      appendExerciseRecord(
        .check(exercise: exercise, variant: variant, check: snippet, end: end, detail: detail))
    }
  }

  /// Runs one variant of an exercise in a child process and records how it ended.
  private func runVariant(
    _ exercise: Int, _ variant: ExerciseVariant, limit: Double, limits: ExerciseLimits,
    _ body: () throws -> Void
  ) {
    let parent = getpid()
    fflush(nil)
    let pid = fork()
    if pid == 0 {
      becomeExerciseProcess(
        parent: parent,
        standardError: ExerciseFiles.standardErrorFileName(exercise: exercise, variant: variant),
        standardOutput: variant == .answer
          ? directory + "/" + ExerciseFiles.answerOutputFileName(exercise: exercise) : nil,
        limits: limits)
      // Own process group: a timeout kills the answer and the check it is running.
      setpgid(0, 0)
      if variant == .answer { unsetenv(FiguresFolder.environmentVariable) }
      exerciseContext = (exercise, variant)
      // The answer's own time limit: SIGALRM ends it; the first check turns it off.
      startAlarm(seconds: limits.seconds)
      do {
        try body()
      } catch {
        appendExerciseRecord(
          .answer(
            exercise: exercise, variant: variant, end: .threw, detail: String(describing: error)))
        leaveExerciseProcess(ExerciseExit.threw)
      }
      appendExerciseRecord(.done(exercise: exercise, variant: variant))
      leaveExerciseProcess(ExerciseExit.completed)
    }
    guard pid > 0 else {
      appendExerciseRecord(
        .answer(
          exercise: exercise, variant: variant, end: .crashed,
          detail: "the exercise's process could not be started (fork failed)"))
      return
    }
    setpgid(pid, pid)  // also here, so that a timeout right away finds the group
    let (end, detail) = waitForExerciseProcess(
      pid, seconds: limit, isCheck: false, alarmSeconds: limits.seconds)
    if end != .threw {
      appendExerciseRecord(.answer(exercise: exercise, variant: variant, end: end, detail: detail))
    }
  }

  /// Sets up a freshly forked exercise process (`lesson_guard_enter_exercise_child`: it dies
  /// with its parent, records nothing in progress.tsv, and ends at the size limit), with its
  /// standard error to a file of the results folder and, when given, its standard output to
  /// `standardOutput` (a path).
  private func becomeExerciseProcess(
    parent: pid_t, standardError: String, standardOutput: String?, limits: ExerciseLimits
  ) {
    lesson_guard_enter_exercise_child(parent)
    redirect(2, to: directory + "/" + standardError)
    if let standardOutput { redirect(1, to: standardOutput) }
  }

  /// Appends a record to `exercises.tsv` (one `write` of the whole line, in append mode).
  func appendExerciseRecord(_ record: ExerciseRecord) {
    let path = directory + "/" + ExerciseFiles.recordsFileName
    let file = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard file >= 0 else { return }
    var bytes = Array(record.line.utf8)
    _ = bytes.withUnsafeMutableBytes { write(file, $0.baseAddress, $0.count) }
    close(file)
  }

  /// The largest figure number in `figures/index.tsv`, or 0.
  private func lastFigureWritten() -> Int {
    guard let figures = getenv(FiguresFolder.environmentVariable).map({ String(cString: $0) }),
      let file = fopen(figures + "/" + FiguresFolder.indexFileName, "rb")
    else { return 0 }
    defer { fclose(file) }
    var text: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      text += buffer[0..<count]
    }
    return FigureIndexEntry.entries(in: String(decoding: text, as: UTF8.self)).map(\.number)
      .max() ?? 0
  }
}

/// The time limit of exercise processes, from the environment.
private struct ExerciseLimits {
  /// Seconds an answer, and each check, may run.
  var seconds = ExerciseFiles.defaultTimeout

  init() {
    if let text = getenv(ExerciseFiles.timeoutVariable).map({ String(cString: $0) }),
      let value = Double(text), value > 0
    {
      seconds = value
    }
  }
}

/// Waits for an exercise process for at most `seconds`, kills it (and its process group) when
/// it runs longer, and says how it ended.
///
/// - Returns: How it ended, and the signal or status when that is worth saying.
private func waitForExerciseProcess(
  _ pid: pid_t, seconds: Double, isCheck: Bool, alarmSeconds: Double? = nil
) -> (ExerciseProcessEnd, String) {
  let start = monotonicSeconds()
  var status: Int32 = 0
  var pause: UInt32 = 1000
  while true {
    let waited = waitpid(pid, &status, WNOHANG)
    if waited == pid { break }
    if waited < 0, errno != EINTR { return (.crashed, "the process vanished") }
    if monotonicSeconds() - start > seconds {
      if !isCheck { kill(-pid, SIGKILL) }
      kill(pid, SIGKILL)
      while waitpid(pid, &status, 0) < 0, errno == EINTR {}
      return (.timedOut, "after \(formatLimit(seconds)) s")
    }
    usleep(pause)
    pause = min(pause * 2, 20_000)
  }
  let signal = status & 0x7f
  if signal != 0 {
    if signal == SIGXFSZ { return (.outputLimit, "") }
    if signal == SIGALRM, let alarmSeconds {
      return (.timedOut, "after \(formatLimit(alarmSeconds)) s")
    }
    return (.crashed, "signal \(signal)")
  }
  switch (status >> 8) & 0xff {
  case ExerciseExit.completed: return (.completed, "")
  case ExerciseExit.failed where isCheck: return (.failed, "")
  case ExerciseExit.threw: return (.threw, "")
  case let code: return (.stopped, "exit status \(code)")
  }
}

/// Flushes standard output and error and ends an exercise process without running the
/// lesson's `atexit` handlers a second time.
private func leaveExerciseProcess(_ status: Int32) -> Never {
  fflush(nil)
  _exit(status)
}

/// Points file descriptor `descriptor` at `path` (created or truncated).
private func redirect(_ descriptor: Int32, to path: String) {
  fflush(nil)
  let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard file >= 0 else { return }
  dup2(file, descriptor)
  close(file)
}

/// Sends this process SIGALRM (whose default action ends it) after `seconds`; 0 turns the
/// alarm off.
private func startAlarm(seconds: Double) {
  let whole = seconds.rounded(.down)
  var timer = itimerval()
  timer.it_value.tv_sec = Int(whole)
  timer.it_value.tv_usec = Int((seconds - whole) * 1e6)
  if seconds > 0 { signal(SIGALRM, SIG_DFL) }
  #if canImport(Glibc)
    setitimer(__itimer_which_t(ITIMER_REAL.rawValue), &timer, nil)
  #else
    setitimer(ITIMER_REAL, &timer, nil)
  #endif
}

/// The monotonic clock, in seconds.
private func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Seconds with up to three decimals (`1.5`, `30`).
private func formatLimit(_ seconds: Double) -> String {
  let rounded = (seconds * 1000).rounded() / 1000
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
