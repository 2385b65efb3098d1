// What running a lesson produced: the contract between the runner (verify/update) and the site
// renderer. The runner stores one `LessonRun` per lesson in its cache; `lessons render` reads it.

import LessonResultsFormat

/// A figure a snippet showed through `show(_:)`.
public struct FigureOutput: Sendable, Equatable, Codable {
  /// The complete SVG document (an interactive figure's default frame).
  public var svg: String
  /// The caption given to `show`, as plain text.
  public var caption: String
  /// The frames of an interactive figure and its parameters, or `nil` for a static figure.
  /// They are part of the run, so they are cached and rendered with it: a page never shows
  /// frames from another run than the outputs it was checked with.
  public var interactive: InteractiveFigureRecord?

  /// Creates a figure output.
  ///
  /// - Parameters:
  ///   - svg: The SVG document (the default frame of an interactive figure).
  ///   - caption: The caption, plain text.
  ///   - interactive: The frames of an interactive figure, or `nil`.
  public init(svg: String, caption: String, interactive: InteractiveFigureRecord? = nil) {
    self.svg = svg
    self.caption = caption
    self.interactive = interactive
  }
}

/// What one snippet did when its lesson ran.
public struct SnippetRun: Sendable, Equatable, Codable {
  /// The snippet's index within its lesson (`Snippet.index`).
  public var index: Int
  /// Everything the snippet wrote to standard output.
  public var output: String
  /// The figures the snippet showed, in order.
  public var figures: [FigureOutput]
  /// The wall-clock seconds the snippet took, when measured (runs cached by older versions of
  /// `lessons` have none).
  public var seconds: Double?

  /// Creates a snippet run.
  ///
  /// - Parameters:
  ///   - index: The snippet's index within its lesson.
  ///   - output: What it printed.
  ///   - figures: The figures it showed.
  ///   - seconds: How long it took, when measured.
  public init(index: Int, output: String, figures: [FigureOutput], seconds: Double? = nil) {
    self.index = index
    self.output = output
    self.figures = figures
    self.seconds = seconds
  }
}

/// How a lesson failed as a whole, when it did not run to its end.
public struct LessonFailure: Sendable, Equatable, Codable {
  /// The index of the snippet that was running (crash, timeout) or that holds the compiler's
  /// first error, or `nil` (no snippet to blame).
  public var snippetIndex: Int?
  /// The 1-based Markdown line the failure points at.
  public var line: Int
  /// A readable explanation (the compiler's diagnostic, the signal, the time limit…).
  public var message: String

  /// Creates a lesson failure.
  public init(snippetIndex: Int?, line: Int, message: String) {
    self.snippetIndex = snippetIndex
    self.line = line
    self.message = message
  }

  /// What the message of a lesson that does not compile starts with: `does not compile: `,
  /// followed by the compiler's error lines about the lesson.
  public static let compileErrorPrefix = "does not compile: "

  /// Whether the lesson failed because it does not compile (it never ran).
  public var isCompileError: Bool { message.hasPrefix(Self.compileErrorPrefix) }
}

/// An assertion of a check that failed: where, and its message.
public struct CheckFailure: Sendable, Equatable, Codable {
  /// The Markdown line of the failed `check` call.
  public var line: Int
  /// The message, with the value found (and, for a check students can read, the one expected).
  public var message: String

  /// Creates a failure.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }
}

/// How one check of an exercise ran against one variant.
public struct CheckRun: Sendable, Equatable, Codable {
  /// The check's snippet index.
  public var snippetIndex: Int
  /// How its process ended, or `nil` when it did not run (the answer stopped first).
  public var end: ExerciseProcessEnd?
  /// What the process said about its end: the error thrown, the signal, the time limit.
  public var detail: String
  /// The failed assertions, in order.
  public var failures: [CheckFailure]
  /// The Markdown line a crash points at, when standard error named one inside the check.
  public var crashLine: Int?

  /// Creates a check run.
  public init(
    snippetIndex: Int, end: ExerciseProcessEnd?, detail: String, failures: [CheckFailure],
    crashLine: Int? = nil
  ) {
    self.snippetIndex = snippetIndex
    self.end = end
    self.detail = detail
    self.failures = failures
    self.crashLine = crashLine
  }

  /// Whether the check ran to its end and no assertion failed.
  public var passed: Bool { end == .completed && failures.isEmpty }
}

/// How one variant of a checked exercise ran: the solution, or the answer (the placeholder in
/// `lessons verify`, a student's code in `lessons check` and `lessons grade`).
public struct ExerciseRun: Sendable, Equatable, Codable {
  /// The exercise's index in its lesson (``Exercise/index``).
  public var exerciseIndex: Int
  /// Which variant ran.
  public var variant: ExerciseVariant
  /// How the variant's process ended, or `nil` when the lesson did not report it.
  public var end: ExerciseProcessEnd?
  /// What the process said about its end.
  public var detail: String
  /// Whether the process ran the answer and every check.
  public var reachedEnd: Bool
  /// The Markdown line a crash of the answer points at, when standard error named one.
  public var crashLine: Int?
  /// Each check, in the exercise's order.
  public var checks: [CheckRun]
  /// The first lines of what the answer printed (the solution's output is its snippet's).
  public var output: String

  /// Creates an exercise run.
  public init(
    exerciseIndex: Int, variant: ExerciseVariant, end: ExerciseProcessEnd?, detail: String,
    reachedEnd: Bool, crashLine: Int? = nil, checks: [CheckRun], output: String = ""
  ) {
    self.exerciseIndex = exerciseIndex
    self.variant = variant
    self.end = end
    self.detail = detail
    self.reachedEnd = reachedEnd
    self.crashLine = crashLine
    self.checks = checks
    self.output = output
  }

  /// Whether the answer ran to its end and passed every check.
  public var passed: Bool {
    end == .completed && reachedEnd && checks.allSatisfy(\.passed)
  }
}

/// The result of running one lesson.
public struct LessonRun: Sendable, Equatable, Codable {
  /// The lesson's path, as given.
  public var path: String
  /// A hash of the lesson's source (and of what it was built against), to tell a stale run.
  public var contentHash: String
  /// The snippets that ran, in order (a failed lesson holds those that finished).
  public var snippets: [SnippetRun]
  /// Why the lesson stopped early, or `nil` when every snippet ran.
  public var failure: LessonFailure?
  /// Wall-clock seconds the lesson took.
  public var seconds: Double
  /// How each variant of each checked exercise ran, in the order they ran.
  public var exercises: [ExerciseRun]

  /// Creates a lesson run.
  public init(
    path: String, contentHash: String, snippets: [SnippetRun], failure: LessonFailure?,
    seconds: Double, exercises: [ExerciseRun] = []
  ) {
    self.path = path
    self.contentHash = contentHash
    self.snippets = snippets
    self.failure = failure
    self.seconds = seconds
    self.exercises = exercises
  }

  /// The run of `variant` of exercise `exercise`, or `nil` when it did not run.
  ///
  /// - Parameters:
  ///   - exercise: The exercise's index.
  ///   - variant: The variant.
  public func exerciseRun(_ exercise: Int, _ variant: ExerciseVariant) -> ExerciseRun? {
    exercises.first { $0.exerciseIndex == exercise && $0.variant == variant }
  }
}
