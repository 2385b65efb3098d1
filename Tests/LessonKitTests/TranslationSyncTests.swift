// Copying a lesson's snippets and outputs into its translation (TranslationSync.swift): the
// expected texts are written out by hand, so every byte that must not change is checked.

import Testing

@testable import LessonKit

@Suite struct TranslationSyncTests {
  typealias Fixture = TranslationFixture

  private func english(_ source: String) -> LoadedLesson {
    LoadedLesson(lesson: fixtureLesson(source, path: Fixture.englishPath), source: source)
  }

  @Test func changedCodeAndOutputsAreCopiedAndNothingElse() throws {
    let newEnglish = Fixture.english
      .replacingOccurrences(of: "print(a + b)", with: "print(a + b, a - b)")
      .replacingOccurrences(of: "```output\n3\n", with: "```output\n3 -1\n")
      .replacingOccurrences(of: "let b = 2", with: "let b = 2 // two")
    let synced = try syncedTranslation(
      Fixture.translation(Fixture.chinese), with: english(newEnglish))
    let expected = Fixture.chinese
      .replacingOccurrences(of: "print(a + b)", with: "print(a + b, a - b)")
      .replacingOccurrences(of: "```output\n3\n", with: "```output\n3 -1\n")
      .replacingOccurrences(of: "let b = 2", with: "let b = 2 // two")
    #expect(synced == expected)
    // Synced twice is synced once.
    #expect(try syncedTranslation(Fixture.translation(synced), with: english(newEnglish)) == synced)
  }

  @Test func aSnippetInAListItemKeepsItsIndentationAndTheFileItsLineEndings() throws {
    let englishSource = """
      # T

      1. Exercise.

         ```swift solution
         print(1 + 1)
         ```

         ```output
         2
         ```

      """
    let newEnglish = englishSource.replacingOccurrences(
      of: "print(1 + 1)", with: "let x = 2\n   print(x)")
    let chinese = """
      # 标题\r
      \r
      1. 练习。\r
      \r
         ```swift solution\r
         print(1 + 1)\r
         ```\r
      \r
         ```output\r
         2\r
         ```\r
      \r
      结尾。\r

      """
    let translation = LessonTranslation(
      language: .chinese, sourcePath: Fixture.englishPath,
      lesson: fixtureLesson(chinese, path: Fixture.translationPath), source: chinese)
    let synced = try syncedTranslation(translation, with: english(newEnglish))
    #expect(
      synced
        == chinese.replacingOccurrences(
          of: "   print(1 + 1)\r\n", with: "   let x = 2\r\n   print(x)\r\n"))
  }

  @Test func attributesAndALongerFenceAreCopied() throws {
    let newEnglish = Fixture.english.replacingOccurrences(
      of: "```swift hide\nlet b = 2\n```",
      with: "````swift hide\nlet b = 2\nlet fence = \"\"\"\n```\n\"\"\"\n````")
    let synced = try syncedTranslation(
      Fixture.translation(Fixture.chinese), with: english(newEnglish))
    #expect(
      synced
        == Fixture.chinese.replacingOccurrences(
          of: "```swift hide\nlet b = 2\n```",
          with: "````swift hide\nlet b = 2\nlet fence = \"\"\"\n```\n\"\"\"\n````"))
    let attribute = Fixture.english.replacingOccurrences(of: "```swift hide", with: "```swift")
    #expect(
      try syncedTranslation(Fixture.translation(Fixture.chinese), with: english(attribute))
        == Fixture.chinese.replacingOccurrences(of: "```swift hide", with: "```swift"))
  }

  @Test func aMissingOrMovedSnippetIsNotSynced() {
    let missing = Fixture.chinese.replacingOccurrences(
      of: "```swift hide\nlet b = 2\n```\n\n", with: "")
    #expect {
      try syncedTranslation(Fixture.translation(missing), with: Fixture.loadedEnglish)
    } throws: { error in
      let problems = (error as? TranslationSyncError)?.problems ?? []
      return problems.count == 1 && problems[0].message.contains("is missing before this snippet")
    }
    // Moved: as many snippets, but copying by position would put code under the wrong prose.
    let moved = Fixture.chinese
      .replacingOccurrences(of: "```swift\nprint(a + b)\n```\n\n```output\n3\n```", with: "")
      .replacingOccurrences(
        of: "```swift hide",
        with: "```swift\nprint(a + b)\n```\n\n```output\n3\n```\n\n```swift hide")
    #expect {
      try syncedTranslation(Fixture.translation(moved), with: Fixture.loadedEnglish)
    } throws: { error in
      let problems = (error as? TranslationSyncError)?.problems ?? []
      return problems.count == 1 && problems[0].message.contains("out of order")
    }
  }

  @Test func outputsAreMadeTheEnglishOnesByteForByte() {
    // The translation lacks snippet 1's output block and records a stale one for snippet 3.
    let chinese = Fixture.chinese
      .replacingOccurrences(of: "```\n\n```output\n1\n```\n", with: "```\n")
      .replacingOccurrences(of: "```output\n3\n", with: "```output\n3.0001\n")
    let translation = Fixture.translation(chinese)
    let updated = translationWithOutputs(of: translation, from: Fixture.loadedEnglish.lesson)
    #expect(updated == Fixture.chinese)
    #expect(
      translationWithOutputs(
        of: Fixture.translation(Fixture.chinese), from: Fixture.loadedEnglish.lesson)
        == Fixture.chinese)
  }
}
