// The `main` of a lessons program (`lesson-runner`, and the test fixtures' runner): parse the
// command line, run one generated lesson into a results folder.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the lessons program's command line and exits.
///
///     lesson-runner LESSON --results DIR [--max-output BYTES]
///                                          run one lesson, writing its results into DIR;
///                                          each file it writes (a snippet's output, standard
///                                          error, a figure) may hold at most BYTES (default:
///                                          no limit)
///     lesson-runner --list                 print the lessons it holds, one path a line
///     lesson-runner --environment          print `key: value` lines about the numeric
///                                          environment (e.g. `blas-kernel: Haswell`)
///
/// A lesson is a throwing function: an error thrown out of a snippet stops the lesson, is
/// recorded with the snippet that was running (`SnippetBoundary.threw(_:)`), and the program
/// exits with status 1. A lesson that runs to its end exits with status 0.
///
/// - Parameters:
///   - arguments: The command-line arguments, without the program name.
///   - paths: Every lesson compiled in (`generatedLessonPaths()`).
///   - lesson: The generated lesson function for a path (`generatedLesson(atPath:)`).
///   - environment: What `--environment` prints: `key: value` lines; `lessons verify
///     --portability` reads `blas-kernel` to check that the BLAS kernel it asked for runs.
public func runLessonProgram(
  arguments: [String], paths: [String], lesson: (String) -> ((SnippetBoundary) throws -> Void)?,
  environment: () -> String = { "" }
) -> Never {
  if arguments == ["--list"] {
    for path in paths { print(path) }
    exit(0)
  }
  if arguments == ["--environment"] {
    print(environment(), terminator: "")
    exit(0)
  }
  let usage =
    "usage: lesson-runner LESSON --results DIR [--max-output BYTES] | lesson-runner --list"
    + " | lesson-runner --environment"
  guard arguments.count == 3 || arguments.count == 5, arguments[1] == "--results" else {
    exitLessonRunner(usage)
  }
  var maxOutput = 0
  if arguments.count == 5 {
    guard arguments[3] == "--max-output", let bytes = Int(arguments[4]), bytes > 0 else {
      exitLessonRunner(usage)
    }
    maxOutput = bytes
  }
  guard let body = lesson(arguments[0]) else {
    exitLessonRunner(
      "no lesson '\(arguments[0])' in this build; it holds: " + paths.joined(separator: ", "))
  }
  let boundary = SnippetBoundary(resultsDirectory: arguments[2], maxFileBytes: maxOutput)
  do {
    try body(boundary)
  } catch {
    boundary.threw(error)
    exit(1)
  }
  boundary.finish()
  exit(0)
}
