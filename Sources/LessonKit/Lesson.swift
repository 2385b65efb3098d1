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
  /// The start of a checked exercise's answer: what the student edition shows in place of the
  /// exercise's `solution`, a stub that compiles and declares what the checks read (for
  /// example `let rowSums: [Double] = []`). It does not run with the lesson: `lessons verify`
  /// runs it in place of the solution, in a process of its own, and proves that at least one
  /// check fails with it. Alone or with an `exercise=NAME` label; it takes no `output` block.
  case placeholder
  /// A check of an exercise's answer: code that calls `check`, `checkEqual` or `checkClose`
  /// (LessonSupport) on what the answer declares. It runs after the answer, in a process of
  /// its own, so that a failing or crashing check does not stop the others. Shown in both
  /// editions unless `hidden`; it takes no `output` block.
  case check
  /// With `check`: a check the student edition leaves out (its code is never shown to
  /// students; its failure messages are).
  case hidden
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
  /// The exercise this snippet belongs to when its info string names one (`exercise=NAME`),
  /// else `nil` (a snippet of an exercise then belongs to the exercise of its list item).
  public var exerciseLabel: String?

  /// Creates a snippet.
  public init(
    index: Int, code: FencedBlock, attributes: Set<SnippetAttribute>, output: FencedBlock?,
    exerciseLabel: String? = nil
  ) {
    self.index = index
    self.code = code
    self.attributes = attributes
    self.output = output
    self.exerciseLabel = exerciseLabel
  }

  /// Whether the snippet's output is compared with its `output` block (placeholders and
  /// checks print nothing that is compared).
  public var isChecked: Bool {
    !attributes.contains(.norun) && !attributes.contains(.nocheck)
      && !attributes.contains(.placeholder) && !attributes.contains(.check)
  }
}

/// A checked exercise of a lesson: its solution, the placeholder the student edition shows
/// instead, and the checks both are run against.
///
/// The snippets of an exercise are the `solution`, `placeholder` and `check` snippets of one
/// list item (the innermost item that holds them), or those that name the same
/// `exercise=NAME`. They run together, where the first of them stands, in a scope and a
/// process of their own: what the answer declares is visible to its checks only, and what it
/// changes is not seen by later snippets.
public struct Exercise: Sendable, Equatable {
  /// The exercise's position among the lesson's checked exercises, from 0.
  public var index: Int
  /// How messages name it: the `exercise=NAME` label, else the number of its list item in an
  /// ordered list, else its position from 1.
  public var name: String
  /// The index of its `solution` snippet.
  public var solution: Int
  /// The index of its `placeholder` snippet.
  public var placeholder: Int
  /// The indices of its `check` snippets, in source order.
  public var checks: [Int]

  /// Creates an exercise.
  public init(index: Int, name: String, solution: Int, placeholder: Int, checks: [Int]) {
    self.index = index
    self.name = name
    self.solution = solution
    self.placeholder = placeholder
    self.checks = checks
  }

  /// Every snippet of the exercise, in source order (snippet indices follow the source).
  public var snippets: [Int] { ([solution, placeholder] + checks).sorted() }
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
  /// The checked exercises, in source order.
  public var exercises: [Exercise]

  /// Creates a lesson from its parts.
  public init(
    path: String, title: String?, summary: String?, blocks: [FencedBlock], snippets: [Snippet],
    exercises: [Exercise] = []
  ) {
    self.path = path
    self.title = title
    self.summary = summary
    self.blocks = blocks
    self.snippets = snippets
    self.exercises = exercises
  }

  /// The checked exercise `snippet` belongs to, or `nil`.
  ///
  /// - Parameter snippet: A snippet index of this lesson.
  public func exercise(containing snippet: Int) -> Exercise? {
    exercises.first { $0.snippets.contains(snippet) }
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
