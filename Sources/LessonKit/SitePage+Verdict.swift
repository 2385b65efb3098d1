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

extension SitePage {
  /// The page of a translation that has been checked: the run in its language (its figures
  /// drawn with translated text, its outputs those of the English run), and a note under every
  /// snippet whose output block differs from what the lesson printed. A translation out of step
  /// with its lesson (its snippets or headings differ) shows the outputs it records, without a
  /// run (the runs' snippets would not be its own), and its problems in a box at the top.
  ///
  ///     let verdict = checkTranslation(translation, of: english, englishRun: run,
  ///                                    translatedRun: zhRun)
  ///     let page = SitePage(translation: translation, verdict: verdict)
  ///
  /// - Parameters:
  ///   - translation: The translation.
  ///   - verdict: What ``checkTranslation(_:of:englishRun:translatedRun:)`` concluded.
  public init(translation: LessonTranslation, verdict: TranslationVerdict) {
    var notes: [Int: String] = [:]
    for mismatch in verdict.outputs {
      notes[mismatch.snippetIndex] = truncatedDiff(
        unifiedDiff(
          expected: mismatch.expected, actual: mismatch.actual, expectedLabel: "recorded",
          actualLabel: "actual", context: 2))
    }
    let inStep = verdict.structure.isEmpty
    self.init(
      lesson: translation.lesson, source: translation.source, run: inStep ? verdict.run : nil,
      mismatches: notes, language: translation.language)
    translationProblems = verdict.structure.map(\.description)
  }
}
