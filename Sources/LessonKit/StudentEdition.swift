// The student edition of a lesson's Markdown: the lesson as students get it, with every
// `solution` snippet (and its output block) and every hidden check left out, and every other
// byte as the instructor wrote it. Nothing here depends on the lesson's language.

/// A lesson's student edition: its Markdown, the lesson read from it, and which snippet of the
/// instructor's lesson each of its snippets is.
public struct StudentEditionLesson: Sendable, Equatable {
  /// The student edition's Markdown.
  public var source: String
  /// The lesson parsed from ``source`` (same path as the instructor's; as a student's copy,
  /// so without ``Lesson/exercises``).
  public var lesson: Lesson
  /// For each snippet of ``lesson``, in order, the index of the same snippet in the
  /// instructor's lesson.
  public var instructorSnippets: [Int]

  /// The instructor's run of the lesson made a run of this edition: only the snippets this
  /// edition keeps, with their indices in this edition (what a page of the student site shows).
  ///
  /// - Parameter run: The run of the instructor's lesson.
  /// - Returns: The same run, its snippets renumbered; exercise runs left out.
  public func run(from run: LessonRun) -> LessonRun {
    let position = Dictionary(
      instructorSnippets.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var mapped = run
    mapped.snippets = run.snippets.compactMap { snippet in
      guard let index = position[snippet.index] else { return nil }
      var copy = snippet
      copy.index = index
      return copy
    }
    mapped.exercises = []
    if var failure = mapped.failure {
      failure.snippetIndex = failure.snippetIndex.flatMap { position[$0] }
      mapped.failure = failure
    }
    return mapped
  }
}

/// The blocks the student edition leaves out of `lesson`: every `solution` snippet with its
/// `output` block, and every hidden check (`check hidden`).
///
/// - Parameter lesson: The instructor's lesson.
/// - Returns: The blocks, in source order.
public func blocksLeftOutOfStudentEdition(_ lesson: Lesson) -> [FencedBlock] {
  var blocks: [FencedBlock] = []
  for snippet in lesson.snippets {
    if snippet.attributes.contains(.solution) {
      blocks.append(snippet.code)
      if let output = snippet.output { blocks.append(output) }
    } else if snippet.attributes.contains(.hidden) {
      blocks.append(snippet.code)
    }
  }
  return blocks
}

/// The student edition of a lesson: its Markdown with every `solution` snippet, its `output`
/// block and every hidden check removed, each with the blank lines that follow it; every other
/// byte is the instructor's (placeholders, shown checks, prose, the other snippets and their
/// outputs, line endings).
///
/// ```swift
/// let edition = try studentEdition(of: lesson, source: source)
/// // edition.source has the placeholders where the solutions were, and no hidden check
/// ```
///
/// - Parameters:
///   - lesson: The instructor's lesson, parsed from exactly `source`.
///   - source: The lesson's Markdown.
/// - Returns: The student edition.
/// - Throws: `LessonError` when the student edition does not read back as a lesson with the
///   snippets it should keep (a lesson whose blocks the removal would merge; report it).
/// - Complexity: O(*n*) in the length of `source`.
public func studentEdition(of lesson: Lesson, source: String) throws(LessonError)
  -> StudentEditionLesson
{
  var lines = SourceLines(source)
  var removed = Set<Int>()
  for block in blocksLeftOutOfStudentEdition(lesson) {
    removed.formUnion(block.openingLine...block.closingLine)
    var next = block.closingLine + 1
    while next <= lines.count, !removed.contains(next),
      lines[next].content.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    {
      removed.insert(next)
      next += 1
    }
  }
  lines.lines = lines.lines.enumerated().filter { !removed.contains($0.offset + 1) }.map(\.element)
  let text = lines.text
  let kept = lesson.snippets.filter {
    !$0.attributes.contains(.solution) && !$0.attributes.contains(.hidden)
  }
  let edition = try Lesson(parsingStudentCopy: text, path: lesson.path)
  guard edition.snippets.count == kept.count,
    zip(edition.snippets, kept).allSatisfy({
      $0.code.content == $1.code.content && $0.attributes == $1.attributes
    })
  else {
    throw LessonError(
      path: lesson.path, line: 1,
      message: "the student edition of this lesson does not keep its snippets as they are "
        + "(removing the solutions merged blocks); separate each solution and hidden check from "
        + "the blocks around it with a blank line")
  }
  return StudentEditionLesson(source: text, lesson: edition, instructorSnippets: kept.map(\.index))
}
