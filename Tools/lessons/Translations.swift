// What `verify`, `render` and `update` share about translations: reading them, running their
// lessons in their languages, and printing their verdicts.

import ArgumentParser
import Foundation
import LessonKit

/// The translations of some lessons, checked against the lessons' runs.
struct CheckedTranslations {
  /// Each translation with its verdict, in the order of the lessons.
  var items: [(translation: LessonTranslation, verdict: TranslationVerdict)] = []
  /// How many translation files did not read (their errors are printed).
  var unreadable = 0

  /// Whether every translation read and passed.
  var passed: Bool { unreadable == 0 && items.allSatisfy(\.verdict.passed) }

  /// The site's translated pages, by language.
  var siteTranslations: [SiteTranslation] {
    CourseLanguage.translations.map { language in
      SiteTranslation(
        language: language,
        pages: items.filter { $0.translation.language == language }.map {
          SitePage(translation: $0.translation, verdict: $0.verdict)
        })
    }
  }

  /// Reads the translations of `sources`, runs their lessons in their languages and checks
  /// them against `runs`, the English runs; with `printing`, prints a line per translation,
  /// its problems and the summary line (nothing when there are no translations).
  static func check(
    _ sources: [(lesson: Lesson, source: String)], runs: [LessonRun],
    selection: LessonSelection, options: LessonRunOptions, printing: Bool
  ) async throws -> CheckedTranslations {
    let read = selection.readTranslations(of: sources)
    var checked = CheckedTranslations(unreadable: read.problems)
    guard !read.translations.isEmpty || read.problems > 0 else { return checked }
    var options = options
    options.onFinish = nil
    let results = try await TranslationRunner.check(
      read.translations,
      lessons: sources.map { LoadedLesson(lesson: $0.lesson, source: $0.source) },
      englishRuns: Dictionary(runs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
      options: options)
    checked.items = zip(read.translations, results).map { ($0, $1.verdict) }
    if printing {
      for result in results {
        print(translationProgressLine(for: result.verdict, cached: result.cached))
        print(translationReport(for: result.verdict), terminator: "")
      }
      var line = translationSummaryLine(for: results.map(\.verdict))
      if read.problems > 0 {
        line += read.problems == 1 ? ", 1 unreadable" : ", \(read.problems) unreadable"
      }
      print(line)
      fflush(nil)
    }
    return checked
  }
}
