// The drift check of a translation (TranslationCheck.swift) on small lessons written here: each
// kind of drift is made by hand from a translation in step, and the test checks the kind, the
// translation's line it is reported at and what the message says.

import Testing

@testable import LessonKit

/// An English lesson of three snippets in two sections, and its translation in step.
enum TranslationFixture {
  static let englishPath = "Lessons/05-x.md"
  static let translationPath = "Lessons/zh/05-x.md"

  static let english = """
    # Title

    Intro.

    ## First

    ```swift
    let a = 1
    print(a)
    ```

    ```output
    1
    ```

    ```swift hide
    let b = 2
    ```

    ## Second

    ```swift
    print(a + b)
    ```

    ```output
    3
    ```
    """

  /// Line numbers: 7 snippet 1, 12 its output, 16 snippet 2, 22 snippet 3, 26 its output.
  static let chinese = """
    # 标题

    引言。

    ## 第一节

    ```swift
    let a = 1
    print(a)
    ```

    ```output
    1
    ```

    ```swift hide
    let b = 2
    ```

    ## 第二节

    ```swift
    print(a + b)
    ```

    ```output
    3
    ```
    """

  static var loadedEnglish: LoadedLesson {
    LoadedLesson(lesson: fixtureLesson(english, path: englishPath), source: english)
  }

  static func translation(_ source: String) -> LessonTranslation {
    LessonTranslation(
      language: .chinese, sourcePath: englishPath,
      lesson: fixtureLesson(source, path: translationPath), source: source)
  }

  static func problems(_ source: String) -> [LessonError] {
    checkTranslationStructure(translation(source), of: loadedEnglish)
  }
}

@Suite struct TranslationCheckTests {
  typealias Fixture = TranslationFixture

  @Test func pathsOfTranslations() {
    #expect(
      LessonCatalog.translationPath(of: "Lessons/01-diagnosis.md", language: .chinese)
        == "Lessons/zh/01-diagnosis.md")
    #expect(LessonCatalog.translationPath(of: "a.md", language: .chinese) == "zh/a.md")
    let source = LessonCatalog.translationSource(of: "Lessons/zh/01-diagnosis.md")
    #expect(source?.sourcePath == "Lessons/01-diagnosis.md" && source?.language == .chinese)
    #expect(LessonCatalog.translationSource(of: "Tests/L/zh/x.md")?.sourcePath == "Tests/L/x.md")
    // Not a translation: an English lesson, an unknown language folder, not Markdown.
    #expect(LessonCatalog.translationSource(of: "Lessons/01-diagnosis.md") == nil)
    #expect(LessonCatalog.translationSource(of: "Lessons/fr/01-diagnosis.md") == nil)
    #expect(LessonCatalog.translationSource(of: "Lessons/zh/notes.txt") == nil)
  }

  @Test func aTranslationInStepHasNoProblems() {
    #expect(Fixture.problems(Fixture.chinese).isEmpty)
    let verdict = checkTranslation(
      Fixture.translation(Fixture.chinese), of: Fixture.loadedEnglish, englishRun: nil,
      translatedRun: nil)
    #expect(verdict.passed)
    #expect(translationReport(for: verdict).isEmpty)
  }

  @Test func aChangedSnippetIsReportedWithADiff() {
    let changed = Fixture.chinese.replacingOccurrences(of: "print(a + b)", with: "print(a * b)")
    let problems = Fixture.problems(changed)
    #expect(problems.count == 1)
    #expect(problems.first?.path == Fixture.translationPath)
    #expect(problems.first?.line == 22)
    let message = problems.first?.message ?? ""
    #expect(message.hasPrefix("snippet 3 differs from snippet 3 of Lessons/05-x.md (line 22)"))
    #expect(message.contains("lessons sync-translations Lessons/05-x.md"))
    #expect(message.contains("--- Lessons/05-x.md:22 (English)\n+++ Lessons/zh/05-x.md:22\n"))
    #expect(message.contains("\n-print(a + b)\n+print(a * b)"))
  }

  @Test func changedAttributesAreAChange() {
    let changed = Fixture.chinese.replacingOccurrences(of: "```swift hide", with: "```swift")
    let problems = Fixture.problems(changed)
    #expect(problems.map(\.line) == [16])
    #expect(problems.first?.message.contains("\n-```swift hide\n+```swift\n") == true)
  }

  @Test func aMissingSnippetIsReportedWhereItBelongs() {
    let missing = Fixture.chinese.replacingOccurrences(
      of: "```swift hide\nlet b = 2\n```\n\n", with: "")
    let problems = Fixture.problems(missing)
    #expect(problems.count == 1)
    // Before the next snippet in step (snippet 3, now on line 18).
    #expect(problems.first?.line == 18)
    #expect(
      problems.first?.message.hasPrefix(
        "snippet 2 of Lessons/05-x.md (line 16) is missing before this snippet") == true)
  }

  @Test func aMissingLastSnippetIsReportedAfterThePreviousOne() {
    let missing = Fixture.chinese.replacingOccurrences(
      of: "```swift\nprint(a + b)\n```\n\n```output\n3\n```", with: "")
    let problems = Fixture.problems(missing)
    #expect(problems.count == 1)
    // After snippet 2, whose block closes on line 18.
    #expect(problems.first?.line == 18)
    #expect(problems.first?.message.contains("is missing after the snippet that ends here") == true)
  }

  @Test func anExtraSnippetIsReported() {
    let extra = Fixture.chinese + "\n\n```swift\nprint(\"extra\")\n```\n"
    let problems = Fixture.problems(extra)
    #expect(problems.count == 1)
    #expect(problems.first?.line == 30)
    #expect(
      problems.first?.message.hasPrefix("snippet 4 is not a snippet of Lessons/05-x.md") == true)
  }

  @Test func aSnippetOutOfOrderIsReportedAsSuch() {
    // Snippet 3 moved before snippet 2, with its output block; the prose stays.
    let moved = Fixture.chinese
      .replacingOccurrences(of: "```swift\nprint(a + b)\n```\n\n```output\n3\n```", with: "")
      .replacingOccurrences(
        of: "```swift hide",
        with: "```swift\nprint(a + b)\n```\n\n```output\n3\n```\n\n```swift hide")
    let problems = Fixture.problems(moved)
    #expect(problems.count == 1, "\(problems)")
    #expect(problems.first?.line == 16)
    #expect(
      problems.first?.message.hasPrefix(
        "snippet 2 is snippet 3 of Lessons/05-x.md (line 22), out of order") == true)
    #expect(problems.first?.message.contains("after its snippet 2 (Lessons/05-x.md:16)") == true)
  }

  @Test func headingsMustHaveTheSameLevelsInTheSameOrder() {
    let level = Fixture.chinese.replacingOccurrences(of: "## 第二节", with: "### 第二节")
    let levelProblems = Fixture.problems(level)
    #expect(levelProblems.map(\.line) == [20])
    #expect(
      levelProblems.first?.message.hasPrefix(
        "heading 3 (\"第二节\") is of level 3, but heading 3 of Lessons/05-x.md (line 20, "
          + "\"Second\") is of level 2") == true)

    let extra = Fixture.chinese + "\n\n## 补充\n"
    #expect(
      Fixture.problems(extra).first?.message.hasPrefix(
        "heading 4 (\"补充\") has no counterpart: Lessons/05-x.md has 3 headings, this file 4")
        == true)

    let missing = Fixture.chinese.replacingOccurrences(of: "## 第二节\n\n", with: "")
    let missingProblems = Fixture.problems(missing)
    #expect(missingProblems.count == 1)
    #expect(
      missingProblems.first?.message.hasPrefix(
        "heading 3 of Lessons/05-x.md (line 20, \"Second\") has no counterpart") == true)
  }

  @Test func aSnippetInAnotherSectionIsReported() {
    // The same headings and snippets, but the heading of the second section moved above
    // snippet 2, which now sits in the second section instead of the first.
    let moved = Fixture.chinese
      .replacingOccurrences(of: "## 第二节\n\n", with: "")
      .replacingOccurrences(of: "```swift hide", with: "## 第二节\n\n```swift hide")
    let problems = Fixture.problems(moved)
    #expect(problems.map(\.line) == [18])
    #expect(
      problems.first?.message.hasPrefix(
        "snippet 2 is under heading 3 (\"第二节\") here, but under heading 2 (\"First\") in "
          + "Lessons/05-x.md (line 16)") == true)
  }

  @Test func recordedOutputsAreComparedWithoutARun() {
    let stale = Fixture.chinese.replacingOccurrences(of: "```output\n3\n", with: "```output\n4\n")
    let verdict = checkTranslation(
      Fixture.translation(stale), of: Fixture.loadedEnglish, englishRun: nil, translatedRun: nil)
    #expect(verdict.structure.isEmpty)
    #expect(verdict.outputs.map(\.line) == [26])
    #expect(verdict.outputs.first?.expected == "4\n" && verdict.outputs.first?.actual == "3\n")
    let report = translationReport(for: verdict)
    #expect(
      report.hasPrefix(
        "Lessons/zh/05-x.md:26: error: output of snippet 3 differs from what Lessons/05-x.md "
          + "prints"))
    #expect(report.contains("-4\n+3\n"))
  }

  @Test func outputsAreComparedWithTheEnglishRun() {
    let run = fixtureRun(
      path: Fixture.englishPath, outputs: [(0, "1\n", []), (1, "", []), (2, "5\n", [])])
    let verdict = checkTranslation(
      Fixture.translation(Fixture.chinese), of: Fixture.loadedEnglish, englishRun: run,
      translatedRun: run)
    #expect(verdict.outputs.map(\.snippetIndex) == [2])
    #expect(verdict.outputs.first?.actual == "5\n")
    #expect(!verdict.passed)
  }

  @Test func theTranslatedRunMustPrintWhatTheEnglishRunPrints() {
    let english = Fixture.loadedEnglish.lesson
    let figure = FigureOutput(svg: fixtureSVG(label: "loss"), caption: "Loss")
    let run = fixtureRun(
      path: Fixture.englishPath, outputs: [(0, "1\n", [figure]), (1, "", []), (2, "3\n", [])])
    #expect(
      translatedRunProblems(english, englishRun: run, translatedRun: run, language: .chinese)
        .isEmpty)
    // Another caption is fine: figure text may be translated.
    let translatedFigure = FigureOutput(svg: fixtureSVG(label: "损失"), caption: "损失")
    let same = fixtureRun(
      path: Fixture.englishPath,
      outputs: [(0, "1\n", [translatedFigure]), (1, "", []), (2, "3\n", [])])
    #expect(
      translatedRunProblems(english, englishRun: run, translatedRun: same, language: .chinese)
        .isEmpty)
    // Something else printed, or a figure fewer: reported at the English snippet's line.
    let drifted = fixtureRun(
      path: Fixture.englishPath, outputs: [(0, "一\n", []), (1, "", []), (2, "3\n", [])])
    let problems = translatedRunProblems(
      english, englishRun: run, translatedRun: drifted, language: .chinese)
    #expect(problems.map(\.line) == [7, 7])
    #expect(problems.allSatisfy { $0.path == Fixture.englishPath })
    #expect(
      problems[0].message.hasPrefix(
        "snippet 1 prints something else with DESCENT_LESSON_LANGUAGE=zh"))
    #expect(problems[0].message.contains("--- English run\n+++ zh run\n@@ -1 +1 @@\n-1\n+一"))
    #expect(
      problems[1].message.hasPrefix(
        "snippet 1 shows 1 figure(s) in English and 0 with DESCENT_LESSON_LANGUAGE=zh"))
    // A failure of the translated run.
    let failed = fixtureRun(
      path: Fixture.englishPath, outputs: [(0, "1\n", [figure])],
      failure: LessonFailure(snippetIndex: 1, line: 17, message: "crashed"))
    let failure = translatedRunProblems(
      english, englishRun: run, translatedRun: failed, language: .chinese)
    #expect(failure.map(\.line) == [17])
    #expect(
      failure.first?.message.contains("the lesson crashed; it ran to its end in English") == true)
  }

  @Test func nocheckOutputsMayDifferBetweenTheRuns() {
    let source = "# T\n\n```swift nocheck\nprint(Date())\n```\n"
    let english = fixtureLesson(source, path: "Lessons/t.md")
    let first = fixtureRun(path: "Lessons/t.md", outputs: [(0, "12:00\n", [])])
    let second = fixtureRun(path: "Lessons/t.md", outputs: [(0, "12:01\n", [])])
    #expect(
      translatedRunProblems(english, englishRun: first, translatedRun: second, language: .chinese)
        .isEmpty)
  }

  @Test func aFailedEnglishRunFailsTheTranslation() {
    let run = fixtureRun(
      path: Fixture.englishPath, outputs: [(0, "1\n", [])],
      failure: LessonFailure(snippetIndex: 1, line: 17, message: "crashed"))
    let verdict = checkTranslation(
      Fixture.translation(Fixture.chinese), of: Fixture.loadedEnglish, englishRun: run,
      translatedRun: nil)
    #expect(!verdict.passed)
    #expect(verdict.outputs.isEmpty)
    #expect(verdict.runProblems.first?.message.contains("is not checked in full") == true)
  }

  @Test func progressAndSummaryLines() {
    let good = checkTranslation(
      Fixture.translation(Fixture.chinese), of: Fixture.loadedEnglish, englishRun: nil,
      translatedRun: nil)
    #expect(
      translationProgressLine(for: good, cached: false)
        == "Lessons/zh/05-x.md: zh translation of Lessons/05-x.md, 3 snippets, ok")
    let bad = checkTranslation(
      Fixture.translation(Fixture.chinese + "\n\n```swift\nprint(1)\n```\n\n## X\n"),
      of: Fixture.loadedEnglish, englishRun: nil, translatedRun: nil)
    #expect(
      translationProgressLine(for: bad, cached: true)
        == "Lessons/zh/05-x.md: zh translation of Lessons/05-x.md, 4 snippets, "
        + "out of sync (2 problems)")
    #expect(translationSummaryLine(for: [good, bad]) == "translations: 1 passed, 1 failed")
  }
}
