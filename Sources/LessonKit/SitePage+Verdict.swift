// From a verified lesson to the page that shows it: `lessons render` and `lessons verify
// --render` build their pages here, so both show the same thing.

extension SitePage {
  /// The page of a lesson that has been run and checked: the run's outputs and figures, and a
  /// note under every snippet whose output differs from the recorded one: a unified diff, `-`
  /// recorded, `+` actual, cut after ``shownDiffLineLimit`` lines.
  ///
  ///     let verdict = checkLesson(lesson, against: run)
  ///     let page = SitePage(lesson: lesson, source: source, verdict: verdict)
  ///
  /// - Parameters:
  ///   - lesson: The lesson, parsed from `source`.
  ///   - source: The lesson's Markdown.
  ///   - verdict: What ``checkLesson(_:against:)`` concluded about its run.
  public init(lesson: Lesson, source: String, verdict: LessonVerdict) {
    var notes: [Int: String] = [:]
    for mismatch in verdict.mismatches {
      notes[mismatch.snippetIndex] = truncatedDiff(
        unifiedDiff(
          expected: mismatch.expected, actual: mismatch.actual, expectedLabel: "recorded",
          actualLabel: "actual", context: 2))
    }
    self.init(lesson: lesson, source: source, run: verdict.run, mismatches: notes)
  }
}
