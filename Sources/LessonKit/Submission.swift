// A student's copy of a lesson, read against the instructor's: only the answers are taken
// (the code of each `placeholder` block); prose and other snippets are ignored, and a shown
// check that was edited or removed is noted (the instructor's checks are the ones that run).

/// What a student's copy of a lesson holds for the lesson's checked exercises.
public struct SubmittedLesson: Sendable, Equatable {
  /// The copy's path, as given (messages name its lines).
  public var path: String
  /// The answers that differ from the placeholder, by ``Exercise/index``.
  public var answers: [Int: SnippetSource]
  /// The exercises whose placeholder the copy leaves as it was.
  public var notAttempted: Set<Int>
  /// Exercises that cannot be graded from this copy, with why (the copy does not read as a
  /// lesson, or its answer blocks cannot be matched to the exercises).
  public var invalid: [Int: String]
  /// Notes on the copy's checks (edited, removed, added), by ``Exercise/index``.
  public var notes: [Int: [String]]
  /// For each shown check of the instructor's lesson (by snippet index), the check snippet of
  /// the copy it matches, when there is one: where messages about it point.
  public var checkLines: [Int: FencedBlock]

  /// Creates a submitted lesson.
  public init(
    path: String, answers: [Int: SnippetSource] = [:], notAttempted: Set<Int> = [],
    invalid: [Int: String] = [:], notes: [Int: [String]] = [:],
    checkLines: [Int: FencedBlock] = [:]
  ) {
    self.path = path
    self.answers = answers
    self.notAttempted = notAttempted
    self.invalid = invalid
    self.notes = notes
    self.checkLines = checkLines
  }
}

/// Reads a student's copy of a lesson against the instructor's lesson.
///
/// The copy's `placeholder` blocks are its answers, matched to the exercises in order (the
/// student edition has one per checked exercise, in the exercises' order); one whose code is
/// the placeholder's (blanks at line ends and blank lines around it aside) is not attempted.
/// When the copy has another number of `placeholder` blocks, no answer can be matched and
/// every exercise is invalid. The copy's `check` blocks are compared with the lesson's shown
/// checks: one the copy changed, removed or added is noted on its exercise (the lesson's checks
/// run whatever the copy says). Prose, outputs and other snippets are not read.
///
/// ```swift
/// let submitted = readSubmission(
///   source: studentText, path: "alice/03-batch-and-momentum.md", instructor: lesson)
/// // submitted.answers[0]?.code is Alice's answer to the first checked exercise
/// ```
///
/// - Parameters:
///   - source: The copy's text.
///   - path: Its path, for messages.
///   - instructor: The instructor's lesson (with its ``Lesson/exercises``).
/// - Returns: What the copy holds.
/// - Complexity: O(*n*) in the length of the copy.
public func readSubmission(source: String, path: String, instructor: Lesson) -> SubmittedLesson {
  var submitted = SubmittedLesson(path: path)
  let exercises = instructor.exercises.sorted {
    instructor.snippets[$0.placeholder].code.openingLine
      < instructor.snippets[$1.placeholder].code.openingLine
  }
  let copy: Lesson
  do {
    copy = try Lesson(parsingStudentCopy: source, path: path)
  } catch {
    for exercise in exercises {
      submitted.invalid[exercise.index] =
        "your copy is not a valid lesson (\(error)); restore it from the student edition"
    }
    return submitted
  }
  let placeholders = copy.snippets.filter { $0.attributes.contains(.placeholder) }
  guard placeholders.count == exercises.count else {
    for exercise in exercises {
      submitted.invalid[exercise.index] =
        "your copy has \(placeholders.count) answer blocks (```swift placeholder) where the "
        + "lesson has \(exercises.count) exercises, so no answer can be matched to its "
        + "exercise; restore the missing block from the student edition"
    }
    return submitted
  }
  for (exercise, block) in zip(exercises, placeholders) {
    let original = instructor.snippets[exercise.placeholder].code.content
    if normalizedCode(block.code.content) == normalizedCode(original) {
      submitted.notAttempted.insert(exercise.index)
    } else {
      submitted.answers[exercise.index] = SnippetSource(
        path: path, firstLine: block.code.firstContentLine, code: block.code.content)
    }
  }
  noteCheckChanges(in: copy, against: instructor, into: &submitted)
  return submitted
}

/// Compares the copy's `check` blocks with the lesson's shown checks, in order, and notes every
/// difference on its exercise; fills ``SubmittedLesson/checkLines`` with the matched blocks.
private func noteCheckChanges(
  in copy: Lesson, against instructor: Lesson, into submitted: inout SubmittedLesson
) {
  let shown = instructor.snippets.filter {
    $0.attributes.contains(.check) && !$0.attributes.contains(.hidden)
  }
  let copied = copy.snippets.filter { $0.attributes.contains(.check) }
  func exerciseIndex(of check: Snippet) -> Int {
    instructor.exercise(containing: check.index)?.index ?? 0
  }
  if shown.count == copied.count {
    for (original, block) in zip(shown, copied) {
      submitted.checkLines[original.index] = block.code
      if normalizedCode(original.code.content) != normalizedCode(block.code.content)
        || block.attributes != original.attributes
      {
        submitted.notes[exerciseIndex(of: original), default: []].append(
          "the check at line \(block.code.openingLine) of your copy was changed; the lesson's "
            + "check was run instead")
      }
    }
    return
  }
  // Checks were removed or added: match by content, and note what has no match.
  var unmatched = copied
  for original in shown {
    if let position = unmatched.firstIndex(where: {
      normalizedCode($0.code.content) == normalizedCode(original.code.content)
    }) {
      submitted.checkLines[original.index] = unmatched[position].code
      unmatched.remove(at: position)
    } else {
      submitted.notes[exerciseIndex(of: original), default: []].append(
        "a check of this exercise was changed or removed in your copy; the lesson's check was "
          + "run instead")
    }
  }
  for block in unmatched {
    let owner =
      instructor.exercises.last { exercise in
        guard let placeholder = submitted.answers[exercise.index]?.firstLine else { return false }
        return placeholder < block.code.openingLine
      }?.index ?? instructor.exercises.first?.index ?? 0
    submitted.notes[owner, default: []].append(
      "your copy has a check the lesson does not have (line \(block.code.openingLine)); it was "
        + "not run")
  }
}

/// Code compared for "was it changed": blanks at line ends and blank lines at the start and
/// end ignored, line endings made `\n`.
func normalizedCode(_ code: String) -> String {
  let lines = code.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    .split(separator: "\n", omittingEmptySubsequences: false)
    .map { line in
      var end = line.endIndex
      while end > line.startIndex,
        line[line.index(before: end)] == " "
          || line[line.index(before: end)] == "\t"
      {
        end = line.index(before: end)
      }
      return String(line[..<end])
    }
  let first = lines.firstIndex { !$0.isEmpty } ?? lines.endIndex
  let last = lines.lastIndex { !$0.isEmpty } ?? first
  guard first < lines.endIndex else { return "" }
  return lines[first...last].joined(separator: "\n")
}
