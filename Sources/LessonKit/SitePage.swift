// One lesson page of the rendered site: the lesson, its source and its run, and what rendering
// it gives (LessonPageRenderer.swift writes the article).

/// A lesson to render, with what its last run produced.
///
///     let page = SitePage(lesson: lesson, source: markdown, run: cachedRun)
///     try renderSite([page], courseTitle: "Descent", to: "site")
public struct SitePage: Sendable, Equatable {
  /// The lesson, as the reader parsed it from ``source``.
  public var lesson: Lesson
  /// The lesson's Markdown, exactly as read; its line numbers are those of ``lesson``.
  public var source: String
  /// What the lesson's last run produced, or `nil` to show the outputs recorded in the Markdown.
  public var run: LessonRun?
  /// Notes on snippets whose output differs from the recorded output, by snippet index (for
  /// example an expected-versus-actual diff); each is shown, escaped, in a box under its
  /// snippet.
  public var mismatches: [Int: String]
  /// The language the lesson is written in: English, or a translation's (then the page goes
  /// into the language's folder of the site and is written with its words).
  public var language: CourseLanguage = .english
  /// Problems of a translation that is out of step with its English lesson, shown in a box at
  /// the top of its page (empty for a lesson, or a translation in step).
  public var translationProblems: [String] = []

  /// Creates a page.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - source: Its Markdown source.
  ///   - run: Its last run, or `nil` to show the recorded outputs.
  ///   - mismatches: Output differences to show, by snippet index.
  ///   - language: The language the lesson is written in (default English).
  public init(
    lesson: Lesson, source: String, run: LessonRun? = nil, mismatches: [Int: String] = [:],
    language: CourseLanguage = .english
  ) {
    self.lesson = lesson
    self.source = source
    self.run = run
    self.mismatches = mismatches
    self.language = language
  }

  /// Reads and parses the lesson in the file at `path`, for rendering with `run`.
  ///
  ///     let page = try SitePage(contentsOfFile: "Lessons/01-diagnosis.md", run: cachedRun)
  ///
  /// - Parameters:
  ///   - path: The lesson file; also the lesson's `path`, used in messages.
  ///   - run: Its last run, or `nil` to show the recorded outputs.
  ///   - mismatches: Output differences to show, by snippet index.
  /// - Throws: `FileError` when the file cannot be read or is not UTF-8, `LessonError` when
  ///   it is not a valid lesson (see `Lesson(parsing:path:)`).
  public init(
    contentsOfFile path: String, run: LessonRun? = nil, mismatches: [Int: String] = [:]
  ) throws {
    let source = try readTextFile(atPath: path)
    self.init(
      lesson: try Lesson(parsing: source, path: path), source: source, run: run,
      mismatches: mismatches)
  }

  /// The page's file name in the site: the lesson file's name with `.html` for `.md`
  /// (`Lessons/01-diagnosis.md` → `01-diagnosis.html`).
  public var fileName: String {
    var name =
      lesson.path.split(separator: "/", omittingEmptySubsequences: false).last.map(
        String.init) ?? lesson.path
    for suffix in [".markdown", ".md"] where name.hasSuffix(suffix) {
      name.removeLast(suffix.count)
      break
    }
    return name + ".html"
  }

  /// The page title: the lesson's title, or its file name without extension.
  var title: String {
    if let title = lesson.title, !title.isEmpty { return title }
    return String(fileName.dropLast(".html".count))
  }
}

/// A heading of a rendered lesson, for the table of contents.
struct SiteHeading: Sendable, Equatable {
  /// 1 to 6.
  var level: Int
  /// The `id` given to the heading element.
  var id: String
  /// The heading's content, as HTML.
  var html: String
}

/// The rendered article of one lesson.
struct RenderedLesson: Sendable, Equatable {
  /// The `<article>` content.
  var html: String
  /// The headings, in order, with their ids.
  var headings: [SiteHeading]
  /// Problems worth telling the author (the page is still complete).
  var warnings: [String]
  /// Whether the article shows an interactive figure (the page then loads
  /// `assets/interactive.js`).
  var hasInteractiveFigures = false
}
