// The runs that draw a translation's figures: the English lesson's compiled function run again
// in its own process with DESCENT_LESSON_LANGUAGE set, through the ordinary runner and cache
// (nothing is compiled twice), then compared with the English run.

import Foundation
import LessonResultsFormat

extension LessonRunOptions {
  /// These options for the runs in `language`: `DESCENT_LESSON_LANGUAGE` (LessonSupport's
  /// `lessonLanguage`) set to the language's code on top of the environment, and runs cached
  /// apart (`.build/lessons/cache/env-language-zh`, keyed by the variable too), so that a run in
  /// one language never stands in for a run in another.
  ///
  /// - Parameter language: A translation language.
  /// - Returns: The options.
  public func translated(into language: CourseLanguage) -> LessonRunOptions {
    var options = self
    options.environment[LessonLanguageVariable.name] = language.code
    options.environmentName =
      (environmentName.map { $0 + "-" } ?? "") + "language-" + language.code
    return options
  }
}

/// Checking translations: running their lessons in their languages, and the verdicts.
public enum TranslationRunner {
  /// Runs the English lesson of each translation in the translation's language (or takes its
  /// fresh cached run) and checks the translation
  /// (``checkTranslation(_:of:englishRun:translatedRun:)``). A lesson whose English run did not
  /// run to its end is not run again, and a lesson with several translations in one language
  /// runs once.
  ///
  /// ```swift
  /// let results = try await TranslationRunner.check(
  ///   translations, lessons: loaded, englishRuns: runs, options: options)
  /// for result in results {
  ///   print(translationProgressLine(for: result.verdict, cached: result.cached))
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - translations: The translations.
  ///   - lessons: The English lessons with their sources; each translation's must be there.
  ///   - englishRuns: The English lessons' runs, by path.
  ///   - options: The options the English lessons ran with.
  /// - Returns: A verdict per translation, in order, and whether its run came from the cache.
  /// - Throws: `LessonRunnerError` as `LessonRunner.run(lessons:options:)` does.
  public static func check(
    _ translations: [LessonTranslation], lessons: [LoadedLesson],
    englishRuns: [String: LessonRun], options: LessonRunOptions
  ) async throws -> [(verdict: TranslationVerdict, cached: Bool)] {
    let english = Dictionary(
      lessons.map { ($0.lesson.path, $0) }, uniquingKeysWith: { first, _ in first })
    var translatedRuns: [CourseLanguage: [String: LessonRun]] = [:]
    let cachedPaths = LockedPaths()
    for language in CourseLanguage.translations {
      var seen: Set<String> = []
      let toRun = translations.filter { $0.language == language }.compactMap {
        translation -> Lesson? in
        guard let lesson = english[translation.sourcePath]?.lesson,
          englishRuns[lesson.path]?.failure == nil, seen.insert(lesson.path).inserted
        else { return nil }
        return lesson
      }
      guard !toRun.isEmpty else { continue }
      var languageOptions = options.translated(into: language)
      languageOptions.onFinish = { run, cached in
        if cached { cachedPaths.insert(language.code + "\u{0}" + run.path) }
      }
      let runs = try await LessonRunner.run(lessons: toRun, options: languageOptions)
      translatedRuns[language] = Dictionary(
        runs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
    return translations.compactMap { translation in
      guard let lesson = english[translation.sourcePath] else { return nil }
      let run = translatedRuns[translation.language]?[translation.sourcePath]
      let verdict = checkTranslation(
        translation, of: lesson, englishRun: englishRuns[translation.sourcePath],
        translatedRun: run)
      return (
        verdict,
        cachedPaths.contains(translation.language.code + "\u{0}" + translation.sourcePath)
      )
    }
  }
}

/// A set of strings shared with the runner's callbacks, which come from any thread.
private final class LockedPaths: @unchecked Sendable {
  private let lock = NSLock()
  private var paths: Set<String> = []
  func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
  func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}
