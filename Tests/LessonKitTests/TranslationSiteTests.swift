// The site in two languages (Site.swift, SiteLayout.swift): the Chinese pages in zh/, the
// language switch on every page, heading ids shared by a page and its translation, the index
// in both languages, both editions.

import Foundation
import Testing

@testable import LessonKit

/// The Chinese translation of ``fixtureCourse()``'s first lesson (the second is not translated),
/// with its run in Chinese: the same outputs, the figure drawn with Chinese text.
func translatedFixturePage(outOfStep: Bool = false) -> SitePage {
  var source = """
    # 梯度下降

    我们沿梯度 $f'(x) = 2x$ 的反方向走，使 $f(x) = x^2$ 变小。下一课是[动量](02-momentum.md)。

    ## 一步

    更新是 $x_{t+1} = x_t - \\eta \\nabla f(x_t)$，$a_1 * b_2$ 用来检查：

    $$
    \\sum_i x_i^2 = \\|x\\|_2^2
    $$

    ```swift hide
    let secret = 41
    ```

    ```swift
    let x = 3.0 // start
    print("x = \\(x), cost: $5")
    ```

    ```output
    x = 3.0, cost: $5
    ```

    ### 一张图

    ```swift
    show(plot)
    ```

    代码 `let price = "$x$"` 保留它的美元符号。
    """
  if outOfStep { source = source.replacingOccurrences(of: "show(plot)", with: "show(plot2)") }
  let figure = FigureOutput(
    svg: fixtureSVG(label: "损失", width: 640, height: 400), caption: "每一步的损失")
  let lesson = fixtureLesson(source, path: "Lessons/zh/01-gradient-descent.md")
  var page = SitePage(
    lesson: lesson, source: source,
    run: outOfStep
      ? nil
      : fixtureRun(
        path: "Lessons/01-gradient-descent.md",
        outputs: [(0, "", []), (1, "x = 3.0, cost: $5\n", []), (2, "", [figure])]),
    language: .chinese)
  if outOfStep {
    page.translationProblems = ["Lessons/zh/01-gradient-descent.md:30: error: snippet 3 differs"]
  }
  return page
}

/// The fixture course with its Chinese translation, rendered into a new folder.
func renderedTranslatedCourse(
  _ name: String, edition: SiteEdition = .student, outOfStep: Bool = false
) throws -> (folder: URL, site: URL, report: SiteReport) {
  let folder = try temporaryFolder(name)
  let site = folder.appendingPathComponent("site")
  let report = try renderSite(
    fixtureCourse(), courseTitle: "Descent", to: site.path, edition: edition,
    translations: [
      SiteTranslation(language: .chinese, pages: [translatedFixturePage(outOfStep: outOfStep)])
    ])
  return (folder, site, report)
}

private func read(_ url: URL, _ name: String) throws -> String {
  try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
}

@Suite struct TranslationSiteTests {
  @Test func chinesePagesGoIntoTheirFolderWithTheirIndex() throws {
    let (folder, site, report) = try renderedTranslatedCourse("zh-files")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    #expect(
      Array(report.files.prefix(5)) == [
        "index.html", "01-gradient-descent.html", "02-momentum.html", "zh/index.html",
        "zh/01-gradient-descent.html",
      ])
    #expect(report.files.contains("assets/language.js"))
    let page = try read(site, "zh/01-gradient-descent.html")
    #expect(page.contains("<html lang=\"zh-Hans\">"))
    #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/site.css\">"))
    #expect(page.contains("<script defer src=\"../assets/katex/katex.min.js\"></script>"))
    #expect(page.contains("<title>梯度下降 · Descent：神经网络是怎样训练的</title>"))
    #expect(page.contains("<h2>目录</h2>"))
    // Math and outputs as in English; the figure of the Chinese run.
    #expect(page.contains("$$\n\\sum_i x_i^2 = \\|x\\|_2^2\n$$"))
    #expect(page.contains("<samp>x = 3.0, cost: $5\n</samp>"))
    #expect(page.contains("<text x=\"20\" y=\"40\">损失</text>"))
    #expect(page.contains("<figcaption>每一步的损失</figcaption>"))
    // A link to a lesson not translated yet goes to its English page.
    #expect(page.contains("<a href=\"../02-momentum.html\">动量</a>"))
  }

  @Test func headingsTakeTheIdsOfTheEnglishPage() throws {
    let (folder, site, _) = try renderedTranslatedCourse("zh-ids")
    defer { try? FileManager.default.removeItem(at: folder) }
    let english = try read(site, "01-gradient-descent.html")
    let chinese = try read(site, "zh/01-gradient-descent.html")
    func ids(_ html: String) -> [String] {
      html.matches(of: /<h[1-6] id="([^"]*)"/).map { String($0.1) }
    }
    #expect(ids(english) == ["gradient-descent", "one-step", "a-figure"])
    #expect(ids(chinese) == ids(english))
    #expect(chinese.contains("<a href=\"#one-step\">一步</a>"))
    #expect(chinese.contains("aria-label=\"链接到本节\""))
  }

  @Test func everyPageHasALanguageSwitch() throws {
    let (folder, site, _) = try renderedTranslatedCourse("zh-switch")
    defer { try? FileManager.default.removeItem(at: folder) }
    let english = try read(site, "01-gradient-descent.html")
    #expect(english.contains("<html lang=\"en\">"))
    #expect(
      english.contains(
        "<link rel=\"alternate\" hreflang=\"zh-Hans\" href=\"zh/01-gradient-descent.html\">"))
    #expect(
      english.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"01-gradient-descent.html\">")
    )
    #expect(
      english.contains(
        "<nav class=\"language-switch\" aria-label=\"Language\"><a href=\"zh/01-gradient-descent.html\" "
          + "hreflang=\"zh-Hans\" lang=\"zh-Hans\" rel=\"alternate\" data-keep-section>中文</a></nav>"
      ))
    #expect(english.contains("<script defer src=\"assets/language.js\"></script>"))
    let chinese = try read(site, "zh/01-gradient-descent.html")
    #expect(
      chinese.contains(
        "<a href=\"../01-gradient-descent.html\" hreflang=\"en\" lang=\"en\" rel=\"alternate\" "
          + "data-keep-section>English</a>"))
    // A lesson without a translation links to the Chinese index, which is not the same page.
    let untranslated = try read(site, "02-momentum.html")
    #expect(
      untranslated.contains(
        "<a href=\"zh/index.html\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>"))
    #expect(!untranslated.contains("rel=\"alternate\""))
    // The indexes link each other.
    #expect(try read(site, "index.html").contains("<a href=\"zh/index.html\" hreflang=\"zh-Hans\""))
    #expect(
      try read(site, "zh/index.html").contains("<a href=\"../index.html\" hreflang=\"en\""))
  }

  @Test func theChineseIndexListsTheWholeCourse() throws {
    let (folder, site, _) = try renderedTranslatedCourse("zh-index")
    defer { try? FileManager.default.removeItem(at: folder) }
    let index = try read(site, "zh/index.html")
    #expect(index.contains("<h1>Descent：神经网络是怎样训练的</h1>"))
    #expect(index.contains("从<a href=\"01-gradient-descent.html\">梯度下降</a>开始"))
    #expect(index.contains("<li><a href=\"01-gradient-descent.html\">梯度下降</a><p>我们沿梯度"))
    #expect(
      index.contains(
        "<li><a href=\"../02-momentum.html\" lang=\"en\" hreflang=\"en\">Momentum</a> "
          + "<span class=\"untranslated\">（尚未翻译：英文原文）</span><p lang=\"en\">Momentum keeps"))
    // The pager goes on to the English page of the next lesson.
    let page = try read(site, "zh/01-gradient-descent.html")
    #expect(page.contains("rel=\"next\" href=\"../02-momentum.html\">Momentum →</a>"))
    #expect(page.contains("<a class=\"contents\" href=\"index.html\">全部课程</a>"))
  }

  @Test func bothEditionsExistInBothLanguages() throws {
    let (folder, site, _) = try renderedTranslatedCourse("zh-instructor", edition: .instructor)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try read(site, "zh/index.html").contains("<h1>Descent：神经网络是怎样训练的（教师版）</h1>"))
    #expect(try read(site, "index.html").contains("<h1>Descent (instructor edition)</h1>"))
    // A solution's box in Chinese, shown in the instructor edition only.
    let english = "# A\n\n## B\n\n```swift solution\nprint(1)\n```\n\n```output\n1\n```\n"
    let chinese = "# 甲\n\n## 乙\n\n```swift solution\nprint(1)\n```\n\n```output\n1\n```\n"
    let englishPage = fixturePage(english, path: "Lessons/a.md")
    let chinesePage = SitePage(
      lesson: fixtureLesson(chinese, path: "Lessons/zh/a.md"), source: chinese,
      language: .chinese)
    for edition in SiteEdition.allCases {
      let out = folder.appendingPathComponent("solution-\(edition)")
      _ = try renderSite(
        [englishPage], courseTitle: "T", to: out.path, edition: edition,
        translations: [SiteTranslation(language: .chinese, pages: [chinesePage])])
      let page = try read(out, "zh/a.html")
      #expect(page.contains("<p class=\"solution-label\">参考答案</p>") == (edition == .instructor))
      #expect(page.contains("print") == (edition == .instructor))
    }
  }

  @Test func aCheckedExerciseIsLabelledInChineseInEachEdition() throws {
    let chinese = """
      # 甲

      ## 练习

      1. 把 1 存进 `x`。

         ```swift placeholder
         let x = 0
         ```

         ```swift solution
         let x = 1
         ```

         ```swift check
         checkEqual(x, 1, "x")
         ```

         ```swift check hidden
         check(x > 0, "x > 0")
         ```
      """
    let page = SitePage(
      lesson: fixtureLesson(chinese, path: "Lessons/zh/a.md"), source: chinese,
      language: .chinese)
    func labels(_ html: String) -> [String] {
      html.matches(of: /<p class="(?:exercise|solution)-label">([^<]*)<\/p>/).map {
        String($0.output.1)
      }
    }
    // The student edition: the placeholder as the student's answer and the shown check; the
    // instructor edition: every block, the placeholder said to be where students start.
    #expect(labels(renderLesson(page, edition: .student).html) == ["你的答案", "检查"])
    #expect(
      labels(renderLesson(page, edition: .instructor).html) == [
        "占位代码（学生的起点）", "参考答案", "检查", "隐藏的检查",
      ])
    // The English words stay on English pages.
    let english = SitePage(
      lesson: fixtureLesson(chinese, path: "Lessons/a.md"), source: chinese)
    #expect(labels(renderLesson(english, edition: .student).html) == ["Your answer", "Check"])
  }

  @Test func aTranslationOutOfStepShowsItsProblems() throws {
    let (folder, site, _) = try renderedTranslatedCourse("zh-drift", outOfStep: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try read(site, "zh/01-gradient-descent.html")
    #expect(page.contains("<div class=\"failure out-of-sync\" role=\"alert\">"))
    #expect(page.contains("这篇译文与英文原文不同步"))
    #expect(page.contains("snippet 3 differs"))
    // Without a run, the outputs it records.
    #expect(page.contains("<samp>x = 3.0, cost: $5\n</samp>"))
  }

  @Test func aTranslationOfNoLessonIsAnError() throws {
    let folder = try temporaryFolder("zh-orphan")
    defer { try? FileManager.default.removeItem(at: folder) }
    let orphan = SitePage(
      lesson: fixtureLesson("# 孤儿\n", path: "Lessons/zh/09-orphan.md"), source: "# 孤儿\n",
      language: .chinese)
    let error = #expect(throws: SiteError.self) {
      try renderSite(
        fixtureCourse(), courseTitle: "Descent", to: folder.path + "/out",
        translations: [SiteTranslation(language: .chinese, pages: [orphan])])
    }
    #expect(error?.message.contains("Lessons/zh/09-orphan.md: a translation of no lesson") == true)
  }

  @Test func aSiteWithoutTranslationsHasNoSwitch() throws {
    let folder = try temporaryFolder("zh-none")
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try renderSite(
      fixtureCourse(), courseTitle: "Descent", to: folder.path + "/out",
      translations: [SiteTranslation(language: .chinese, pages: [])])
    #expect(!report.files.contains { $0.hasPrefix("zh/") })
    let page = try read(folder, "out/01-gradient-descent.html")
    #expect(!page.contains("language-switch") && !page.contains("hreflang"))
    #expect(
      page.contains("<header class=\"site-header\"><a href=\"index.html\">Descent</a></header>"))
  }

  @Test func theStylesheetNamesCJKFontsForChinesePages() throws {
    let css = try siteAsset(named: "site.css")
    let stack =
      "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\",\n"
      + "    \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", sans-serif;"
    #expect(css.contains(":lang(zh) body, :lang(zh) h1,"))
    #expect(css.contains(stack))
    #expect(css.contains(":lang(zh) .output pre::before { content: \"输出\"; }"))
  }
}
