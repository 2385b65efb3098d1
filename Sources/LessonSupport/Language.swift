// The language a lesson's figures are drawn in. A lesson is compiled once, from its English
// file; `lessons` runs it a second time for each translation with the language set, and the
// translated page shows that run's figures. Only figure text may depend on the language:
// `lessons verify` fails a translated lesson whose second run prints anything else than the
// first.

import LessonResultsFormat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A language a lesson can draw its figures in.
public enum LessonLanguage: String, Sendable, CaseIterable {
  /// English, the language lessons are written in (the default).
  case english = "en"
  /// Simplified Chinese, the language of `Lessons/zh/`.
  case chinese = "zh"
}

/// The language of this run's figure text: the value of `DESCENT_LESSON_LANGUAGE`
/// (`LessonLanguageVariable.name`), read once, or ``LessonLanguage/english`` when it is unset
/// or names no language of ``LessonLanguage``.
///
/// Use it (or ``localized(en:zh:)``) only for what a figure draws: titles, axis labels, legend
/// entries, captions, slider labels. Never print something that depends on it: the translated
/// lesson repeats the English outputs, and `lessons verify` compares the two runs.
public let lessonLanguage: LessonLanguage = {
  guard let value = getenv(LessonLanguageVariable.name) else { return .english }
  return LessonLanguage(rawValue: String(cString: value)) ?? .english
}()

/// The text for this run's language (``lessonLanguage``): `en` in English, `zh` in Chinese.
///
///     var plot = LinePlot(
///       title: localized(en: "Training loss", zh: "训练损失"),
///       xLabel: localized(en: "epoch", zh: "轮次（epoch）"), yLabel: "loss")
///
/// - Parameters:
///   - en: The English text.
///   - zh: The simplified Chinese text.
/// - Returns: One of them.
public func localized(en: String, zh: String) -> String {
  localized(en: en, zh: zh, in: lessonLanguage)
}

/// The text for `language`.
///
/// - Parameters:
///   - en: The English text.
///   - zh: The simplified Chinese text.
///   - language: The language to choose.
/// - Returns: `en` for English, `zh` for Chinese.
func localized(en: String, zh: String, in language: LessonLanguage) -> String {
  switch language {
  case .english: return en
  case .chinese: return zh
  }
}
