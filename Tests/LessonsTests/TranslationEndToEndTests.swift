// End-to-end tests of translations on the fixture pair Tests/LessonFixtures/Lessons/translated.md
// and zh/translated.md (see EndToEndTests.swift for how the fixtures are compiled and run): the
// drift check of `verify` on hand-made drifts of the Chinese file, the run in Chinese, `update`
// and `sync-translations` rewriting only what they own, `list`, `render` and `check-prose`.

import Foundation
import LessonKit
import Testing

/// The line (from 1) of the first line of `text` that contains `fragment`.
private func line(of fragment: String, in text: String) -> Int? {
  text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
    $0.contains(fragment)
  }.map { $0 + 1 }
}

extension FixturePackage {
  /// Replaces the text of `Tests/LessonFixtures/Lessons/NAME.md`.
  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: root.appending(path: path(name)))
  }
}

@Suite("translations end to end")
struct TranslationEndToEndTests {
  @Test("verify runs the lesson in Chinese too and checks its translation")
  func verifyChecksTheTranslation() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify"], lessons: ["translated"])
    #expect(result.status == 0, "\(result.output)\(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 5, "\(result.output)")
    #expect(lines[0].hasPrefix(package.path("translated") + ": 4 snippets, "))
    #expect(lines[1] == "  ran because: no cached run")
    #expect(lines[2] == "1 passed, 0 failed")
    #expect(
      lines[3].hasPrefix(
        package.path("zh/translated") + ": zh translation of " + package.path("translated")
          + ", 4 snippets, "))
    #expect(lines[3].hasSuffix(" s, ok"))
    #expect(lines[4] == "translations: 1 passed, 0 failed")
    // The run in Chinese is cached apart, under its language.
    let cache = package.root.appending(path: ".build/lessons/cache/env-language-zh")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: cache.path).contains {
        $0.hasSuffix("translated.md.json")
      })
    // Naming the translation selects its lesson; both runs are cached now.
    let again = try package.lessons(["verify"], lessons: ["zh/translated"])
    #expect(again.status == 0)
    #expect(again.output.contains(package.path("translated") + ": 4 snippets, cached, ok\n"))
    #expect(again.output.contains(", 4 snippets, cached, ok\ntranslations: 1 passed, 0 failed\n"))
  }

  @Test("verify fails at the translation's line for a changed, missing, extra or moved snippet")
  func driftOfSnippets() throws {
    let package = try FixturePackage()
    let original = try package.text("zh/translated")
    let zh = package.path("zh/translated")
    func verify(_ text: String) throws -> String {
      try package.write("zh/translated", text)
      let result = try package.lessons(["verify"], lessons: ["translated"])
      #expect(result.status == 1, "\(result.output)")
      #expect(result.output.hasSuffix("translations: 0 passed, 1 failed\n"))
      return result.output
    }
    // Changed: the first snippet prints more; the diff shows both lines.
    let changed = original.replacingOccurrences(
      of: "print(squares)\n", with: "print(squares, squares.count)\n")
    let changedOutput = try verify(changed)
    #expect(line(of: "print(squares, squares.count)", in: changed) == 9)
    #expect(
      changedOutput.contains(
        zh + ":7: error: snippet 1 differs from snippet 1 of " + package.path("translated")
          + " (line 8)"))
    #expect(changedOutput.contains("\n-print(squares)\n+print(squares, squares.count)\n"))
    #expect(changedOutput.contains(zh + ": zh translation of "))
    #expect(changedOutput.contains(", out of sync (1 problem)\n"))

    // Missing: the third snippet and its output block are gone.
    let third =
      "```swift\nprint(fixed(Double(squares.reduce(0, +)) / 4, 2))\n```\n\n```output\n7.50\n```\n"
    let missing = original.replacingOccurrences(of: third, with: "")
    let missingOutput = try verify(missing)
    let fourth = try #require(line(of: "let printsLanguage", in: missing)) - 1
    #expect(
      missingOutput.contains(
        zh + ":\(fourth): error: snippet 3 of " + package.path("translated")
          + " (line 37) is missing before this snippet"))

    // Extra: a snippet the lesson does not have.
    let extra = original + "\n```swift\nprint(\"extra\")\n```\n"
    let extraOutput = try verify(extra)
    let extraLine = try #require(line(of: "print(\"extra\")", in: extra)) - 1
    #expect(
      extraOutput.contains(
        zh + ":\(extraLine): error: snippet 5 is not a snippet of " + package.path("translated")))

    // Moved: the third snippet before the second.
    let second = try #require(original.range(of: "```swift\nvar plot"))
    var moved = original.replacingOccurrences(of: third, with: "")
    moved.insert(
      contentsOf: third + "\n",
      at: moved.index(
        moved.startIndex,
        offsetBy: original.distance(from: original.startIndex, to: second.lowerBound)))
    let movedOutput = try verify(moved)
    #expect(
      movedOutput.contains(
        zh + ":18: error: snippet 2 is snippet 3 of " + package.path("translated")
          + " (line 37), out of order"))

    // The translation in step again passes.
    try package.write("zh/translated", original)
    #expect(try package.lessons(["verify"], lessons: ["translated"]).status == 0)
  }

  @Test("verify fails when the headings of the translation are not the lesson's")
  func driftOfHeadings() throws {
    let package = try FixturePackage()
    let original = try package.text("zh/translated")
    try package.write(
      "zh/translated", original.replacingOccurrences(of: "### 平均值", with: "## 平均值"))
    let result = try package.lessons(["verify"], lessons: ["translated"])
    #expect(result.status == 1)
    #expect(
      result.output.contains(
        package.path("zh/translated") + ":32: error: heading 4 (\"平均值\") is of level 2, but "
          + "heading 4 of " + package.path("translated") + " (line 33, \"The mean\") is of level 3")
    )
  }

  @Test("verify fails when the run in Chinese prints something else than the English run")
  func driftOfTheChineseRun() throws {
    let package = try FixturePackage()
    let result = try package.lessons(
      ["verify"], lessons: ["translated"], environment: ["DESCENT_FIXTURE_PRINT_LANGUAGE": "1"])
    #expect(result.status == 1)
    // The English lesson passes; the difference is the language's, at the snippet's line.
    #expect(result.output.contains("1 passed, 0 failed\n"))
    #expect(
      result.output.contains(
        package.path("translated")
          + ":50: error: snippet 4 prints something else with DESCENT_LESSON_LANGUAGE=zh"))
    #expect(result.output.contains("--- English run\n+++ zh run\n@@ -1 +1 @@\n-en\n+中文\n"))
  }

  @Test("update writes the lesson's outputs into its translation and changes no other byte")
  func updateRefreshesTheTranslation() throws {
    let package = try FixturePackage()
    let english = try package.text("translated")
    let chinese = try package.text("zh/translated")
    // Stale outputs in both files; the translation with CRLF line endings and one block gone.
    let stale = { (text: String) in
      text.replacingOccurrences(of: "[1, 4, 9, 16]", with: "[0]")
        .replacingOccurrences(of: "sum 30", with: "sum 29")
        .replacingOccurrences(of: "\n```output\n7.50\n```\n", with: "")
    }
    let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
    try package.write("translated", stale(english))
    try package.write("zh/translated", crlf(stale(chinese)))
    let result = try package.lessons(["update"], lessons: ["zh/translated"])
    #expect(result.status == 0, "\(result.output)")
    #expect(
      result.output
        == package.path("translated") + ": updated\n" + package.path("zh/translated")
        + ": updated\n2 updated, 0 unchanged, 0 failed\n")
    #expect(try package.text("translated") == english)
    #expect(try package.text("zh/translated") == crlf(chinese))
    // Twice is once.
    let again = try package.lessons(["update"], lessons: ["translated"])
    #expect(again.output.hasSuffix("0 updated, 2 unchanged, 0 failed\n"))
  }

  @Test("update leaves a translation out of step alone and says why")
  func updateRefusesADriftedTranslation() throws {
    let package = try FixturePackage()
    let drifted = try package.text("zh/translated") + "\n```swift\nprint(\"extra\")\n```\n"
    try package.write("zh/translated", drifted)
    let result = try package.lessons(["update"], lessons: ["translated"])
    #expect(result.status == 1)
    #expect(result.output.contains("error: snippet 5 is not a snippet of"))
    #expect(
      result.output.contains(
        package.path("zh/translated") + ": error: not updated: its snippets are not those of "))
    #expect(try package.text("zh/translated") == drifted)
  }

  @Test("sync-translations copies changed snippets and outputs, and refuses a moved snippet")
  func syncTranslations() throws {
    let package = try FixturePackage()
    let original = try package.text("zh/translated")
    let stale =
      original
      .replacingOccurrences(of: "print(\"sum\", squares.reduce(0, +))", with: "print(\"total\")")
      .replacingOccurrences(of: "sum 30", with: "total")
    try package.write("zh/translated", stale)
    let result = try package.lessons(["sync-translations"], lessons: ["translated"])
    #expect(result.status == 0, "\(result.output)")
    #expect(
      result.output
        == package.path("zh/translated") + ": synced with " + package.path("translated")
        + "\n1 synced, 0 unchanged, 0 failed\n")
    #expect(try package.text("zh/translated") == original)
    #expect(try package.lessons(["verify"], lessons: ["translated"]).status == 0)

    // A snippet the lesson does not have needs a translator: nothing is written.
    let extra = original.replacingOccurrences(
      of: "## 平方\n", with: "## 平方\n\n```swift hide\nlet cubes = [1, 8]\n```\n")
    try package.write("zh/translated", extra)
    let refused = try package.lessons(["sync-translations"], lessons: ["translated"])
    #expect(refused.status == 1)
    #expect(refused.output.contains("error: snippet 1 is not a snippet of"))
    #expect(refused.output.contains("error: not synced: it does not have the snippets of"))
    #expect(try package.text("zh/translated") == extra)
  }

  @Test("list shows each lesson's translation and whether it is in sync")
  func listShowsTranslations() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["list"], lessons: ["translated", "pass"])
    #expect(result.status == 0)
    #expect(
      result.output
        == package.path("translated") + "  \"A translated lesson\"  4 snippets\n"
        + "  zh  " + package.path("zh/translated") + "  \"一篇翻译过的课\"  in sync\n"
        + package.path("pass") + "  \"Passes\"  2 snippets\n"
        + "translations: zh 1 of 2 lessons, 1 in sync\n")
    try package.write(
      "zh/translated",
      try package.text("zh/translated").replacingOccurrences(of: "sum 30", with: "sum 3"))
    let drifted = try package.lessons(["list"], lessons: ["translated"])
    #expect(
      drifted.output.contains(
        "\"一篇翻译过的课\"  out of sync (1 problem; `lessons verify " + package.path("zh/translated")
          + "` shows them)\n"))
    #expect(drifted.output.hasSuffix("translations: zh 1 of 1 lessons, 0 in sync\n"))
  }

  @Test("render writes the Chinese pages with the figures of the run in Chinese, in both editions")
  func renderBothLanguages() throws {
    let package = try FixturePackage()
    for edition in ["student", "instructor"] {
      let arguments = edition == "instructor" ? ["render", "--instructor"] : ["render"]
      let result = try package.lessons(arguments, lessons: ["translated"])
      #expect(result.status == 0, "\(result.output)\(result.error)")
      #expect(result.output.contains("rendered 1 lesson page(s) and 1 translated page(s) (zh)"))
      let site = package.root.appending(path: edition == "instructor" ? "site-instructor" : "site")
      let english = try String(contentsOf: site.appending(path: "translated.html"), encoding: .utf8)
      let chinese = try String(
        contentsOf: site.appending(path: "zh/translated.html"), encoding: .utf8)
      // The figure's text is the language's: axis label and caption.
      #expect(english.contains(">square</text>") && !english.contains(">平方数</text>"))
      #expect(chinese.contains(">平方数</text>") && !chinese.contains(">square</text>"))
      #expect(chinese.contains("<figcaption>1 到 4 的平方。</figcaption>"))
      #expect(chinese.contains("<samp>sum 30\n</samp>"))
      #expect(FileManager.default.fileExists(atPath: site.appending(path: "zh/index.html").path))
    }
  }

  @Test("check-prose checks the translation's numbers against the outputs it repeats")
  func proseOfTheTranslation() throws {
    let package = try FixturePackage()
    let passing = try package.lessons(["check-prose"], lessons: ["translated"])
    #expect(passing.status == 0, "\(passing.output)")
    #expect(passing.output.contains(package.path("zh/translated") + ": prose: 1 number checked"))
    let wrong = try package.text("zh/translated").replacingOccurrences(of: "是 7.50", with: "是 7.25")
    try package.write("zh/translated", wrong)
    let failing = try package.lessons(["check-prose"], lessons: ["translated"])
    #expect(failing.status == 1)
    #expect(
      failing.output.contains(
        package.path("zh/translated") + ":34: error: prose number 7.25 is not printed"))
  }

  @Test("preview renders the translation and renders it again when the Chinese file is edited")
  func previewRendersTheTranslation() async throws {
    let package = try FixturePackage()
    let preview = try startPreview(package, lessons: ["translated"])
    defer { _ = preview.interrupt() }
    #expect(
      try await preview.wait { $0.contains("(rendering 1)") }, "output:\n\(preview.output)")
    let server = DevTools(port: try #require(previewPort(preview.output)))
    let first = try #require(server.httpRequest("GET", "/zh/translated.html"))
    #expect(first.contains("<html lang=\"zh-Hans\">"))
    #expect(first.contains(">平方数</text>"), "the figure of the run in Chinese")

    // A heading of the Chinese file edited: the preview sees the file, checks and renders it.
    let edited = try package.text("zh/translated").replacingOccurrences(
      of: "## 平方\n", with: "## 平方数\n")
    try package.write("zh/translated", edited)
    #expect(
      try await preview.wait { $0.contains("(rendering 2)") }, "output:\n\(preview.output)")
    let second = try #require(server.httpRequest("GET", "/zh/translated.html"))
    #expect(second.contains("<h2 id=\"squares\""))
    #expect(second.contains(">平方数 <a class=\"anchor\""))

    // A snippet changed in the translation only: reported in the log, shown on the page.
    let drifted = edited.replacingOccurrences(of: "print(squares)\n", with: "print(squares, 0)\n")
    try package.write("zh/translated", drifted)
    #expect(
      try await preview.wait { $0.contains("(rendering 3)") }, "output:\n\(preview.output)")
    #expect(
      preview.output.contains(
        package.path("zh/translated") + ":7: error: snippet 1 differs from snippet 1 of "))
    let third = try #require(server.httpRequest("GET", "/zh/translated.html"))
    #expect(third.contains("class=\"failure out-of-sync\""))
  }

  @Test("student-edition cuts the Chinese translation as the English lesson; check reads its copy")
  func studentEditionInChinese() throws {
    let package = try FixturePackage()
    // A translation of the exercises fixture, written here: its text translated, its code the
    // lesson's.
    let translatedLines = [
      ("# Checked exercises\n", "# 受检查的练习\n"), ("## Exercises\n", "## 练习\n"),
      ("1. Store the sum of the entries of `a` in `total`.", "1. 把 `a` 的各元素之和存进 `total`。"),
    ]
    func translated(_ text: String) -> String {
      translatedLines.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
    let english = try package.text("exercises")
    try package.write("zh/exercises", translated(english))
    let output = package.root.appending(path: "student")
    let result = try package.lessons(
      ["student-edition", "--output", output.path], lessons: ["exercises"])
    #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    #expect(result.output.contains("wrote the student edition of 1 lesson(s) and 1 translation(s)"))

    // The same blocks cut (solutions, their outputs, hidden checks): the Chinese edition is the
    // English edition with the same lines translated.
    let englishEdition = try String(
      contentsOf: output.appending(path: "Lessons/exercises.md"), encoding: .utf8)
    let chineseEdition = try String(
      contentsOf: output.appending(path: "Lessons/zh/exercises.md"), encoding: .utf8)
    #expect(englishEdition != english)
    #expect(chineseEdition == translated(englishEdition))
    #expect(chineseEdition.contains("## 练习\n"))

    // Its page: in Chinese, the placeholder in a box labelled in Chinese, no solution.
    let page = try String(
      contentsOf: output.appending(path: "site/zh/exercises.html"), encoding: .utf8)
    #expect(page.contains("<html lang=\"zh-Hans\">"))
    let text = page.replacing(/<[^>]*>/, with: "")
    #expect(text.contains("你的答案") && !text.contains("参考答案"))
    for secret in ["values.max()", "a.map { $0 * $0 }", "[1, 4, 9, 16]"] {
      #expect(!text.contains(secret), "\(secret)")
    }

    // A student's copy of the Chinese edition, exercise 1 answered wrongly, is checked against
    // the lesson of its file name.
    let copy = package.root.appending(path: "work/zh/exercises.md")
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(
      chineseEdition.replacingOccurrences(
        of: "let total = 0.0\n", with: "let total = a.reduce(0, +) - 1\n"
      ).utf8
    ).write(to: copy)
    let checked = try package.lessons(
      [
        "check", copy.path, "--course-folder", FixturePackage.folder, "--exercise-timeout", "2",
      ], lessons: [])
    #expect(checked.status == 1, "stdout:\n\(checked.output)\nstderr:\n\(checked.error)")
    // The check's assertion: line 35 of the lesson, 25 once solution 1 (lines 24–33, and the
    // blank line after it) is cut; the answer has as many lines as the placeholder. The copy is
    // under zh/, so it runs in Chinese: the check's `localized(en:zh:)` message is the zh one.
    #expect(
      checked.output.contains(
        "exercise 1: FAILED: \(copy.path):25: check failed: a 的和: got 9.0, expected 10.0"))
    #expect(checked.output.hasSuffix("0 passed, 1 failed, 2 not attempted\n"))

    // `grade` runs a copy in the language of its folder too: Mei's copy of the Chinese edition
    // (under zh/) fails in Chinese, Ned's of the English edition, the same answer, in English.
    let submissions = package.root.appending(path: "class")
    for (student, edition) in [("mei/zh", chineseEdition), ("ned", englishEdition)] {
      let file = submissions.appending(path: "\(student)/exercises.md")
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(
        edition.replacingOccurrences(
          of: "let total = 0.0\n", with: "let total = a.reduce(0, +) - 1\n"
        ).utf8
      ).write(to: file)
    }
    let report = package.root.appending(path: "grades")
    let graded = try package.lessons(
      [
        "grade", submissions.path, "--lesson", "exercises.md", "--output", report.path,
        "--course-folder", FixturePackage.folder, "--exercise-timeout", "2",
      ], lessons: [])
    #expect(graded.status == 0, "stdout:\n\(graded.output)\nstderr:\n\(graded.error)")
    let rows = try GradeReport(readingFrom: report).rows.filter { $0.exercise == "1" }
    #expect(rows.map(\.student) == ["mei", "ned"])
    #expect(rows.map(\.result) == [.failed, .failed])
    #expect(rows.first?.message.contains("check failed: a 的和: got 9.0, expected 10.0") == true)
    #expect(
      rows.last?.message.contains("check failed: the sum of a: got 9.0, expected 10.0") == true)
  }
}
