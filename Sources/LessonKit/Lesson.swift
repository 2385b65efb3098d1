// The lesson model: what a Markdown lesson holds once cmark has read it. Plain Swift values;
// no C pointer ever reaches this file (see CmarkReader.swift).

/// A fenced code block of a lesson, with where it sits in the Markdown source.
///
/// Lines are 1-based lines of the lesson file. For a block whose body is empty,
/// `firstContentLine == openingLine + 1` and `lastContentLine == openingLine`.
public struct FencedBlock: Sendable, Equatable {
  /// The whole info string after the fence, trimmed (e.g. `"swift hide"`, `"output"`).
  public var info: String
  /// The opening fence exactly as written (e.g. `` "```" `` or `"~~~~"`).
  public var fence: String
  /// The line of the opening fence.
  public var openingLine: Int
  /// The line of the closing fence.
  public var closingLine: Int
  /// The first line of the body.
  public var firstContentLine: Int
  /// The last line of the body.
  public var lastContentLine: Int
  /// The body, with `\n` line endings and a final `\n` when the body is not empty.
  public var content: String

  /// Creates a fenced block from its parts.
  public init(
    info: String, fence: String, openingLine: Int, closingLine: Int,
    firstContentLine: Int, lastContentLine: Int, content: String
  ) {
    self.info = info
    self.fence = fence
    self.openingLine = openingLine
    self.closingLine = closingLine
    self.firstContentLine = firstContentLine
    self.lastContentLine = lastContentLine
    self.content = content
  }
}

/// How a snippet is treated, from the words after `swift` in its info string.
public enum SnippetAttribute: String, Sendable, Hashable, CaseIterable, Codable {
  /// Runs, but is left out of the rendered page (set-up code).
  case hide
  /// Compiled, never run; it has no output.
  case norun
  /// Runs and its output is shown, but not compared (timings, machine-dependent values).
  case nocheck
  /// An exercise's solution: compiled, run and checked like any other snippet (so the
  /// solution is proven to work), but shown only in the instructor edition of the site, in a
  /// box marked "Solution"; the student edition leaves it, its output and its figures out.
  ///
  /// It combines with `nocheck` and `norun`; with `hide` it is an error, since a hidden
  /// solution would be shown in neither edition.
  case solution
  /// Checked character for character. Without it, numbers with a point or an exponent match
  /// when they differ by at most one unit in their last printed digit (`0.1235` matches a
  /// recorded `0.1234`), so that a value rounding the other way on another machine still
  /// verifies; see `outputsMatch(recorded:actual:exact:)`. With `nocheck` or `norun` it is an
  /// error, since those snippets are never compared.
  case exact
  /// Expected to fail: the snippet must trap (`fatalError`, `precondition`, an index out of
  /// range…) or throw, and its output block records what it printed followed by the error,
  /// the same on every machine: `threw: DESCRIPTION`, or the runtime's `Fatal error: MESSAGE`
  /// without file, line or addresses. It runs in a process of its own that has the lesson's
  /// state (a fork of the lesson's), so the lesson goes on after it; what it declares or
  /// changes is not seen by later snippets, and its figures are not kept. A `fails` snippet
  /// that runs to its end fails the lesson. With `norun` it is an error.
  case fails
}

/// A Swift snippet of a lesson, with the output block that records what it prints.
public struct Snippet: Sendable, Equatable {
  /// The position of the snippet within its lesson, from 0.
  public var index: Int
  /// The `swift` code block.
  public var code: FencedBlock
  /// The attributes of the snippet.
  public var attributes: Set<SnippetAttribute>
  /// The `output` block right after the snippet, when there is one.
  public var output: FencedBlock?

  /// Creates a snippet.
  public init(
    index: Int, code: FencedBlock, attributes: Set<SnippetAttribute>, output: FencedBlock?
  ) {
    self.index = index
    self.code = code
    self.attributes = attributes
    self.output = output
  }

  /// Whether the snippet's output is compared with its `output` block.
  public var isChecked: Bool { !attributes.contains(.norun) && !attributes.contains(.nocheck) }
}

/// A lesson: one Markdown file of `Lessons/`.
public struct Lesson: Sendable, Equatable {
  /// The path the lesson was read from, as given (e.g. `Lessons/01-diagnosis.md`); used in
  /// every message about the lesson.
  public var path: String
  /// The text of the first heading, or `nil` when the lesson has none.
  public var title: String?
  /// The first paragraph after the title as plain text, or `nil` (the index page's summary).
  public var summary: String?
  /// Every fenced code block of the lesson, in source order (snippets, outputs and others).
  public var blocks: [FencedBlock]
  /// The Swift snippets, in source order.
  public var snippets: [Snippet]

  /// Creates a lesson from its parts.
  public init(
    path: String, title: String?, summary: String?, blocks: [FencedBlock], snippets: [Snippet]
  ) {
    self.path = path
    self.title = title
    self.summary = summary
    self.blocks = blocks
    self.snippets = snippets
  }
}

/// A problem in a lesson file, reported as `path:line: error: message`.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The lesson's path, as given.
  public var path: String
  /// The 1-based line the problem is on.
  public var line: Int
  /// What is wrong and how to fix it.
  public var message: String

  /// Creates an error at a place in a lesson.
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `path:line: error: message`, the form compilers use, so editors can jump to it.
  public var description: String { "\(path):\(line): error: \(message)" }
}
