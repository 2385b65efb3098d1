// The language of a lesson run's figure text (Language.swift). Reading the variable in a lesson
// process is tested end to end (TranslationEndToEndTests: the Chinese run draws the fixture's
// figure with Chinese text); here, the choice and the default.

import Foundation
import LessonResultsFormat
import Testing

@testable import LessonSupport

@Suite struct LanguageTests {
  @Test func localizedChoosesTheTextOfTheLanguage() {
    #expect(localized(en: "loss", zh: "损失", in: .english) == "loss")
    #expect(localized(en: "loss", zh: "损失", in: .chinese) == "损失")
  }

  @Test func theLanguagesAreTheFoldersOfTheTranslations() {
    #expect(LessonLanguage(rawValue: "zh") == .chinese)
    #expect(LessonLanguage(rawValue: "en") == .english)
    #expect(LessonLanguage(rawValue: "fr") == nil)
    #expect(LessonLanguageVariable.name == "DESCENT_LESSON_LANGUAGE")
  }

  @Test func withoutTheVariableTheLanguageIsEnglish() throws {
    // `swift test` does not set it (a lesson process does, for its second run).
    try #require(getenv(LessonLanguageVariable.name) == nil)
    #expect(lessonLanguage == .english)
    #expect(localized(en: "loss", zh: "损失") == "loss")
  }
}
