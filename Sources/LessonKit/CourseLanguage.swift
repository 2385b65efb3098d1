// The languages of the course: English, the language its lessons are written and compiled in,
// and the languages it is translated into (a translation of `Lessons/NAME.md` is
// `Lessons/CODE/NAME.md`, see Translation.swift), with the words each one's site is written in.

import Foundation

/// A language of the course: English (the lessons' own) or a translation's.
///
///     CourseLanguage.chinese.code          // "zh": Lessons/zh/, DESCENT_LESSON_LANGUAGE=zh
///     CourseLanguage.chinese.htmlLanguage  // "zh-Hans"
///     CourseLanguage.translations          // [.chinese]
public struct CourseLanguage: Sendable, Hashable, CustomStringConvertible {
  /// The short code: the folder of the translations under `Lessons/` (`zh`), the name of the
  /// site's folder for the language (`site/zh/`), and the value of `DESCENT_LESSON_LANGUAGE`
  /// in the run that draws the translation's figures (LessonSupport's `lessonLanguage`).
  public var code: String
  /// The BCP 47 tag of the `lang` and `hreflang` attributes (`en`, `zh-Hans`).
  public var htmlLanguage: String
  /// The language's name in itself, the text of the language switch (`English`, `中文`).
  public var name: String
  /// The words of the site's pages in this language.
  var strings: SiteStrings

  /// English: the lessons of `Lessons/` themselves.
  public static let english = CourseLanguage(
    code: "en", htmlLanguage: "en", name: "English", strings: .english)

  /// Simplified Chinese: the translations in `Lessons/zh/`.
  public static let chinese = CourseLanguage(
    code: "zh", htmlLanguage: "zh-Hans", name: "中文", strings: .chinese)

  /// The languages a lesson can be translated into, in the order `lessons` reports them.
  public static let translations: [CourseLanguage] = [.chinese]

  /// The translation language whose code is `code`, or `nil`.
  ///
  /// - Parameter code: A folder name under `Lessons/` (`zh`).
  public static func translation(code: String) -> CourseLanguage? {
    translations.first { $0.code == code }
  }

  /// The language a student's copy of a lesson is in, as its folder says: a file in a
  /// translation's folder (`my-work/zh/03-batch-and-momentum.md`) is in that translation's
  /// language; `nil` for any other file, whose language the caller decides.
  ///
  /// `lessons check` and `lessons grade` run such a copy in its language, so that checks
  /// written with `localized(en:zh:)` speak it.
  ///
  /// - Parameter file: The copy.
  public static func ofCopy(at file: URL) -> CourseLanguage? {
    translation(code: file.deletingLastPathComponent().lastPathComponent)
  }

  /// The code (`zh`).
  public var description: String { code }

  /// Two languages are the same when their codes are.
  public static func == (left: CourseLanguage, right: CourseLanguage) -> Bool {
    left.code == right.code
  }

  /// Hashes the code.
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// The words a page of the site is written in, besides the lessons' own text.
struct SiteStrings: Sendable {
  /// The course title `lessons render` puts on every page unless given one.
  var defaultCourseTitle: String
  /// Added to the course title in the instructor edition (` (instructor edition)`).
  var instructorEditionSuffix: String
  /// The heading of a page's table of contents.
  var contents: String
  /// The table of contents' accessible name.
  var contentsLabel: String
  /// The accessible name of the links between lessons.
  var lessonsLabel: String
  /// The pager's link to the index.
  var allLessons: String
  /// The index's first sentence, around the first lesson's link.
  var startBefore: String
  /// The index's first sentence, after the first lesson's link.
  var startAfter: String
  /// The accessible name of a heading's `#` link.
  var linkToSection: String
  /// The label of a solution's box.
  var solution: String
  /// The label of a placeholder's box in the student edition.
  var yourAnswer: String
  /// The label of a placeholder's box in the instructor edition.
  var placeholderForInstructors: String
  /// The label of a check's box.
  var check: String
  /// The label of a hidden check's box (instructor edition).
  var hiddenCheck: String
  /// Under a `norun` snippet.
  var compiledNotRun: String
  /// Under a snippet the failed lesson never reached.
  var notRun: String
  /// The heading of a mismatch note.
  var outputDiffers: String
  /// The failure box of a lesson that did not compile.
  var didNotCompile: String
  /// The failure box under the snippet that holds a lesson's first compile error.
  var doesNotCompile: String
  /// The failure box of a lesson that stopped.
  var stoppedHere: String
  /// The index's note on a lesson that failed, before its line number.
  var didNotRunToEnd: @Sendable (Int) -> String
  /// The index's note on a lesson shown in English because it has no translation yet.
  var notTranslated: String
  /// The accessible name of the language switch.
  var languageLabel: String
  /// The note at the top of a translated page whose translation is out of step with its lesson.
  var outOfSync: String

  static let english = SiteStrings(
    defaultCourseTitle: "Descent: how neural networks are trained",
    instructorEditionSuffix: " (instructor edition)", contents: "Contents",
    contentsLabel: "Contents of this lesson", lessonsLabel: "Lessons", allLessons: "All lessons",
    startBefore: "Start with ", startAfter: "; each lesson builds on the ones before it.",
    linkToSection: "Link to this section", solution: "Solution", yourAnswer: "Your answer",
    placeholderForInstructors: "Placeholder (what students start from)", check: "Check",
    hiddenCheck: "Hidden check",
    compiledNotRun: "Compiled, not run.",
    notRun: "Not run: the lesson stopped before this snippet.",
    outputDiffers: "This output differs from the output recorded in the lesson",
    didNotCompile: "This lesson did not compile.",
    doesNotCompile: "This lesson does not compile.", stoppedHere: "This lesson stopped here.",
    didNotRunToEnd: { "Did not run to its end (line \($0))." },
    notTranslated: "(not translated yet: the English lesson)", languageLabel: "Language",
    outOfSync:
      "This translation is out of step with its English lesson; the outputs shown are those "
      + "the translation records.")

  static let chinese = SiteStrings(
    defaultCourseTitle: "Descent：神经网络是怎样训练的",
    instructorEditionSuffix: "（教师版）", contents: "目录", contentsLabel: "本课目录",
    lessonsLabel: "课程", allLessons: "全部课程", startBefore: "从",
    startAfter: "开始；每一课都建立在前面几课的基础上。", linkToSection: "链接到本节",
    solution: "参考答案", yourAnswer: "你的答案", placeholderForInstructors: "占位代码（学生的起点）",
    check: "检查", hiddenCheck: "隐藏的检查", compiledNotRun: "只编译，不运行。",
    notRun: "未运行：本课在这段代码之前就停止了。", outputDiffers: "这段输出与课文记录的输出不同",
    didNotCompile: "本课没有通过编译。",
    doesNotCompile: "本课无法编译。", stoppedHere: "本课在这里停止。",
    didNotRunToEnd: { "没有运行到结尾（第 \($0) 行）。" }, notTranslated: "（尚未翻译：英文原文）",
    languageLabel: "语言", outOfSync: "这篇译文与英文原文不同步；下面显示的是译文自己记录的输出。")
}
