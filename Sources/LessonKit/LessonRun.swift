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

  /// Creates a lesson run.
  public init(
    path: String, contentHash: String, snippets: [SnippetRun], failure: LessonFailure?,
    seconds: Double
  ) {
    self.path = path
    self.contentHash = contentHash
    self.snippets = snippets
    self.failure = failure
    self.seconds = seconds
  }
}
