// Reading back what `lesson-runner LESSON --results DIR` left in DIR. The folder's format
// (progress.tsv, snippet-I.out, figures/, stderr.txt) is defined once, in the dependency-free
// module LessonResultsFormat, which the lessons program writes it with.

import Foundation
import LessonResultsFormat

/// How a runner process ended, as the parent saw it.
public enum RunnerTermination: Sendable, Equatable {
  /// It exited with this status.
  case exited(Int32)
  /// A signal stopped it (a trap is SIGILL or SIGTRAP).
  case signaled(Int32)
  /// It ran past the time limit (in seconds) and was killed.
  case timedOut(Double)
}

/// Builds the `LessonRun` of `lesson` from a runner's results folder.
///
/// Snippets that finished get their output (bytes that are not UTF-8 written as `\xHH`,
/// `decodedOutput(_:)`) and figures; when the lesson did not finish, the failure names the
/// snippet that was running and its line: the line a `fatalError` message or a backtrace frame
/// in standard error points at inside that snippet (a timed-out runner is stopped with SIGILL
/// so that the runtime prints a backtrace), otherwise the snippet's first line. Then:
///
/// - an error thrown out of a snippet (a `threw` record, exit status 1) is reported as
///   `threw in snippet N: DESCRIPTION`;
/// - a snippet marked `fails` that ran to its end (a `nofailure` record) as `stopped in snippet
///   N: the snippet is marked 'fails' but ran to its end …` at its first line;
/// - a file that reached `maxOutput` (an `overflow` record, or a file found larger when read)
///   as `stopped: snippet N printed more than 1 MiB …`, the outputs of the snippets before it
///   kept;
/// - a time-out as `timed out after T s in snippet N`;
/// - a signal as `crashed (signal S: NAME) in snippet N`, with `stack overflow` when the
///   runner's handler saw a fault below the stack, and the runtime's reason (`Fatal error: …`).
///
/// No file is read past `maxOutput` bytes.
///
/// - Parameters:
///   - lesson: The lesson that ran.
///   - directory: The results folder.
///   - termination: How the process ended.
///   - contentHash: The cache key of the run.
///   - seconds: Wall-clock time of the run.
///   - maxOutput: The most bytes a snippet's output (or standard error, or a figure) may hold.
///   - answers: In a program of students' answers, where each exercise's answer came from
///     (by ``Exercise/index``), so that a crash is found at the student's line.
/// - Returns: The run, with `failure` set unless every snippet finished and the process exited
///   0, and with what `exercises.tsv` says about each checked exercise.
/// - Complexity: O(size of the folder's files, each at most `maxOutput`).
public func readLessonResults(
  of lesson: Lesson, in directory: URL, termination: RunnerTermination, contentHash: String,
  seconds: Double, maxOutput: Int = LessonRunOptions.defaultMaxOutput,
  answers: [Int: SnippetSource] = [:]
) -> LessonRun {
  func read(_ name: String) -> (bytes: [UInt8], isTruncated: Bool)? {
    readFilePrefix(atPath: directory.appending(path: name).path, limit: maxOutput)
  }
  func text(_ name: String) -> String {
    read(name).map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
  }
  var running: Int?
  var finished = false
  var thrown: String?
  var signal: (number: Int32, stackOverflow: Bool)?
  var overflow: OverflowFile?
  var didNotFail = false
  var figureCounts: [Int: Int] = [:]
  var durations: [Int: Double] = [:]
  var ended: [Int] = []
  for record in ProgressRecord.records(in: text(ResultsFolder.progressFileName)) {
    switch record {
    case .begin(let snippet): running = snippet
    case .end(let snippet, let figuresShown, let nanoseconds):
      figureCounts[snippet] = figuresShown
      durations[snippet] = nanoseconds.map { Double($0) / 1e9 }
      ended.append(snippet)
      running = nil
    case .threw(let snippet, let description):
      running = snippet
      thrown = description
    case .signal(let snippet, let number, let stackOverflow):
      running = snippet ?? running
      signal = (number, stackOverflow)
    case .overflow(let snippet, let file):
      running = snippet ?? running
      overflow = file
    case .backtrace: break
    case .didNotFail(let snippet):
      running = snippet
      didNotFail = true
    case .finished: finished = true
    }
  }
  let figures = readFigures(
    in: directory.appending(path: ResultsFolder.figuresFolderName), maxSize: maxOutput)
  var snippets: [SnippetRun] = []
  var shownBefore = 0
  for index in ended {
    let printed = read(ResultsFolder.snippetOutputFileName(snippetIndex: index))
    if let printed, printed.isTruncated {
      // The runner bounds every file it writes; a larger one (a runner built without the
      // bound) is refused here as well, and the lesson stops at this snippet.
      running = index
      overflow = .output
      break
    }
    let shown = figureCounts[index] ?? shownBefore
    let mine = figures.filter { $0.number > shownBefore && $0.number <= shown }.map(\.figure)
    if mine.contains(where: { $0 == nil }) {
      running = index
      overflow = .file
      break
    }
    snippets.append(
      SnippetRun(
        index: index, output: decodedOutput(printed?.bytes ?? []), figures: mine.compactMap { $0 },
        seconds: durations[index]))
    shownBefore = shown
  }
  let standardError = text(ResultsFolder.standardErrorFileName)
  var failure: LessonFailure?
  if termination != .exited(0) || !finished || overflow != nil {
    let snippet = running.flatMap { index in lesson.snippets.first { $0.index == index } }
    let fallbackLine = snippet?.code.firstContentLine ?? 1
    var line =
      snippetFailureLine(in: standardError, path: lesson.path, snippet: snippet) ?? fallbackLine
    let inSnippet = snippet.map { " in snippet \($0.index + 1)" } ?? ""
    var message: String
    if let thrown, termination == .exited(1) {
      message = "threw" + inSnippet + ": " + thrown
    } else if didNotFail {
      message =
        "stopped" + inSnippet + ": the snippet is marked 'fails' but ran to its end without "
        + "trapping or throwing; make it fail, or drop 'fails'"
      line = fallbackLine
    } else if let overflow {
      message = "stopped: " + overflowDescription(overflow, snippet: snippet, limit: maxOutput)
      line = fallbackLine
    } else {
      switch termination {
      case .timedOut(let limit):
        message = "timed out after \(formatSeconds(limit)) s" + inSnippet
      case .signaled(let number):
        let killed = number == SIGKILL || number == SIGTERM
        message =
          (killed ? "was killed" : "crashed") + " (signal \(number): \(signalName(number)))"
          + inSnippet
        if signal?.stackOverflow == true {
          message +=
            ": stack overflow: the snippet used up the stack, most likely by a recursion too"
            + " deep (or a value too large for the stack)"
        }
      case .exited(let status):
        message =
          (status == 0 ? "stopped before its end" : "exited with status \(status)") + inSnippet
      }
      let reason = crashReason(in: standardError)
      if !reason.isEmpty, !isTimeout(termination), signal?.stackOverflow != true {
        message += ": " + reason
      }
    }
    failure = LessonFailure(snippetIndex: running, line: line, message: message)
  }
  return LessonRun(
    path: lesson.path, contentHash: contentHash, snippets: snippets, failure: failure,
    seconds: seconds, exercises: readExerciseRuns(of: lesson, in: directory, answers: answers))
}

/// What reached the size limit, as the failure says it: `snippet 2 printed more than 1 MiB
/// (--max-output); …`.
private func overflowDescription(_ file: OverflowFile, snippet: Snippet?, limit: Int) -> String {
  let who = snippet.map { "snippet \($0.index + 1)" } ?? "the lesson"
  let size = formatByteCount(limit)
  switch file {
  case .output:
    return "\(who) printed more than \(size), the limit of one snippet's output (--max-output); "
      + "print less: a summary, or every 100th line"
  case .error:
    return "\(who) wrote more than \(size) to standard error, the limit (--max-output)"
  case .file:
    return "\(who) wrote a file (a figure) of more than \(size), the limit (--max-output)"
  }
}

/// The longest prefix of a results file read, so that a run that floods a file cannot exhaust
/// the memory of the tool reading it: 1 MiB.
let resultsFileReadLimit = 1 << 20

/// Reads at most ``resultsFileReadLimit`` bytes of a results file as UTF-8 (invalid bytes
/// replaced); empty when it cannot be read.
func readResultsFile(_ url: URL) -> String {
  guard let prefix = readFilePrefix(atPath: url.path, limit: resultsFileReadLimit) else {
    return ""
  }
  return String(decoding: prefix.bytes, as: UTF8.self)
}

/// What `exercises.tsv` and the exercise processes' standard error say about each variant of
/// each checked exercise of `lesson` that ran, in the order they ran.
///
/// A check with no `check` record did not run (the answer returned or stopped first); a
/// variant whose process ended normally but never wrote `done` stopped early (its code called
/// `exit`). The last record of each kind wins, and records of unknown exercises or checks are
/// ignored, so a damaged file never makes up results.
func readExerciseRuns(of lesson: Lesson, in directory: URL, answers: [Int: SnippetSource])
  -> [ExerciseRun]
{
  guard !lesson.exercises.isEmpty else { return [] }
  let text = readResultsFile(directory.appending(path: ExerciseFiles.recordsFileName))
  var ends: [String: (ExerciseProcessEnd, String)] = [:]
  var checkEnds: [String: (ExerciseProcessEnd, String)] = [:]
  var failures: [String: [CheckFailure]] = [:]
  var done: Set<String> = []
  var order: [String] = []
  func key(_ exercise: Int, _ variant: ExerciseVariant) -> String { "\(exercise)/\(variant)" }
  for record in ExerciseRecord.records(in: text) {
    switch record {
    case .failure(let exercise, let variant, let check, let line, let message):
      let checkKey = key(exercise, variant) + "/\(check)"
      if failures[checkKey, default: []].count < 20 {
        failures[checkKey, default: []].append(CheckFailure(line: line, message: message))
      }
    case .check(let exercise, let variant, let check, let end, let detail):
      checkEnds[key(exercise, variant) + "/\(check)"] = (end, detail)
    case .done(let exercise, let variant):
      done.insert(key(exercise, variant))
    case .answer(let exercise, let variant, let end, let detail):
      let variantKey = key(exercise, variant)
      if ends[variantKey] == nil { order.append(variantKey) }
      ends[variantKey] = (end, detail)
    }
  }
  var runs: [ExerciseRun] = []
  for exercise in lesson.exercises {
    for variant in ExerciseVariant.allCases {
      let variantKey = key(exercise.index, variant)
      guard let (end, detail) = ends[variantKey] else { continue }
      let reachedEnd = done.contains(variantKey)
      var checks: [CheckRun] = []
      for index in exercise.checks {
        let checkKey = variantKey + "/\(index)"
        let checkEnd = checkEnds[checkKey]
        var run = CheckRun(
          snippetIndex: index, end: checkEnd?.0, detail: checkEnd?.1 ?? "",
          failures: failures[checkKey] ?? [])
        if let checkEnd, checkEnd.0 == .crashed || checkEnd.0 == .timedOut {
          let standardError = readResultsFile(
            directory.appending(
              path: ExerciseFiles.standardErrorFileName(
                exercise: exercise.index, variant: variant, check: index)))
          let code = lesson.snippets[index].code
          run.crashLine = failureLine(
            in: standardError, path: lesson.path,
            lines: code.firstContentLine...max(code.firstContentLine, code.lastContentLine))
          let reason = crashReason(in: standardError)
          if !reason.isEmpty { run.detail += (run.detail.isEmpty ? "" : ": ") + reason }
        }
        checks.append(run)
      }
      var run = ExerciseRun(
        exerciseIndex: exercise.index, variant: variant,
        end: end == .completed && !reachedEnd ? .stopped : end,
        detail: end == .completed && !reachedEnd
          ? "the answer ended the process before its checks ran" : detail,
        reachedEnd: reachedEnd, checks: checks)
      if end == .crashed || end == .timedOut {
        let standardError = readResultsFile(
          directory.appending(
            path: ExerciseFiles.standardErrorFileName(exercise: exercise.index, variant: variant)))
        let source: SnippetSource
        if variant == .answer, let answer = answers[exercise.index] {
          source = answer
        } else {
          let snippet = lesson.snippets[
            variant == .solution ? exercise.solution : exercise.placeholder]
          source = SnippetSource(
            path: lesson.path, firstLine: snippet.code.firstContentLine,
            code: snippet.code.content)
        }
        let lineCount = max(
          1, source.code.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
        run.crashLine = failureLine(
          in: standardError, path: source.path,
          lines: source.firstLine...(source.firstLine + lineCount - 1))
        let reason = crashReason(in: standardError)
        if !reason.isEmpty { run.detail += (run.detail.isEmpty ? "" : ": ") + reason }
      }
      if variant == .answer {
        run.output = firstLines(
          readResultsFile(
            directory.appending(
              path: ExerciseFiles.answerOutputFileName(exercise: exercise.index))), count: 20)
      }
      runs.append(run)
    }
  }
  let position = Dictionary(
    order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  return runs.sorted {
    (position[key($0.exerciseIndex, $0.variant)] ?? 0)
      < (position[key($1.exerciseIndex, $1.variant)] ?? 0)
  }
}

/// The first `count` lines of `text`, each cut to 200 characters.
func firstLines(_ text: String, count: Int) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).prefix(count).map {
    $0.count > 200 ? $0.prefix(199) + "…" : $0
  }.joined(separator: "\n")
}

/// The first `PATH:LINE` named in standard error (a backtrace frame names the path, a
/// `fatalError` message `Module/FILE`) whose line lies in `lines`.
func failureLine(in standardError: String, path: String, lines: ClosedRange<Int>) -> Int? {
  let fileName = path.split(separator: "/").last.map(String.init) ?? path
  for needle in [path + ":", "/" + fileName + ":"] {
    var rest = Substring(standardError)
    while let range = rest.range(of: needle) {
      let digits = rest[range.upperBound...].prefix(while: \.isNumber)
      if let line = Int(digits), lines.contains(line) { return line }
      rest = rest[range.upperBound...]
    }
  }
  return nil
}

/// The first `PATH:LINE` of this lesson named in standard error (a backtrace frame names the
/// path; a `fatalError` message names `Module/FILE`), when it lies inside the running snippet.
func snippetFailureLine(in standardError: String, path: String, snippet: Snippet?) -> Int? {
  guard let snippet, snippet.code.firstContentLine <= snippet.code.lastContentLine else {
    return nil
  }
  return failureLine(
    in: standardError, path: path,
    lines: snippet.code.firstContentLine...snippet.code.lastContentLine)
}

private func isTimeout(_ termination: RunnerTermination) -> Bool {
  if case .timedOut = termination { return true }
  return false
}

/// The lines of standard error that say why a process stopped (`Fatal error: …`,
/// `lesson-runner: …`), joined; empty when there are none.
///
/// Without such lines, the runtime's summary of the crash (`*** Program crashed: Bad pointer
/// dereference at 0x0 ***` → `Program crashed: Bad pointer dereference at 0x0`).
func crashReason(in standardError: String) -> String {
  let allLines = standardError.split(separator: "\n")
  let lines = allLines.filter {
    $0.contains("Fatal error") || $0.contains("Precondition failed")
      || $0.contains("Assertion failed") || $0.hasPrefix("lesson-runner:")
  }
  if lines.isEmpty, let summary = allLines.first(where: { $0.hasPrefix("*** Program crashed:") }) {
    return String(summary.dropFirst(4).prefix { $0 != "*" }).trimmingCharacters(in: .whitespaces)
  }
  return lines.prefix(3).joined(separator: "; ")
}

/// The signal's name and what usually sends it.
private func signalName(_ signal: Int32) -> String {
  switch signal {
  case SIGILL: return "SIGILL, a Swift runtime trap"
  case SIGTRAP: return "SIGTRAP, a Swift runtime trap"
  case SIGABRT: return "SIGABRT, abort() was called"
  case SIGBUS: return "SIGBUS, a bad memory access"
  case SIGFPE: return "SIGFPE, an arithmetic fault such as an integer division by zero in C code"
  case SIGKILL:
    return "SIGKILL, sent from outside the lesson: `kill -9`, or the out-of-memory killer"
  case SIGSEGV: return "SIGSEGV, a bad memory access"
  case SIGTERM: return "SIGTERM, sent from outside the lesson"
  default: return "signal \(signal)"
  }
}

/// Seconds written with up to three decimals (`1.5`, `60`, `0.012`).
func formatSeconds(_ seconds: Double) -> String {
  let rounded = (seconds * 1000).rounded() / 1000
  if rounded == rounded.rounded() { return String(Int(rounded)) }
  return String(rounded)
}

/// The figures of a results folder, by number; `nil` for a figure larger than `maxSize`.
private func readFigures(in directory: URL, maxSize: Int) -> [(
  number: Int, figure: FigureOutput?
)] {
  guard
    let index = readFilePrefix(
      atPath: directory.appending(path: FiguresFolder.indexFileName).path, limit: maxSize)
  else { return [] }
  let entries = FigureIndexEntry.entries(in: String(decoding: index.bytes, as: UTF8.self))
  return entries.map { entry in
    let file = directory.appending(path: FiguresFolder.figureFileName(number: entry.number))
    let svg = readFilePrefix(atPath: file.path, limit: maxSize) ?? ([], false)
    if svg.isTruncated { return (entry.number, nil) }
    // An interactive figure's frames, bounded like every other file of the folder; a file that
    // does not read as a record leaves the figure static (its default frame), which is all a
    // stale or broken writer can cause.
    let framesFile = directory.appending(
      path: FiguresFolder.framesFileName(number: entry.number))
    let framesText = readFilePrefix(atPath: framesFile.path, limit: maxSize)
    if framesText?.isTruncated == true { return (entry.number, nil) }
    let frames = framesText.flatMap {
      InteractiveFigureRecord(text: String(decoding: $0.bytes, as: UTF8.self))
    }
    return (
      entry.number,
      FigureOutput(
        svg: String(decoding: svg.bytes, as: UTF8.self), caption: entry.caption,
        interactive: frames)
    )
  }
}
