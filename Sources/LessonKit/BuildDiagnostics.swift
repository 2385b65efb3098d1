// A lessons program that does not build: which lessons the compiler complained about (every
// line of a generated lesson is under a `#sourceLocation` naming its Markdown file), and the
// failure each is reported with.

extension RunnerBuild {
  /// The compiler's error lines about the lesson at `path` (`PATH:LINE:COLUMN: error: …`), in
  /// the order printed, each once.
  static func compileErrors(in diagnostics: String, path: String) -> [Substring] {
    let prefix = path + ":"
    var seen: Set<Substring> = []
    return diagnostics.split(separator: "\n").filter {
      $0.hasPrefix(prefix) && $0.contains(": error:") && seen.insert($0).inserted
    }
  }

  /// The failure of a lesson the compiler reported errors in: at the first error's line,
  /// naming the snippet that holds it, with every error line about the lesson; `nil` when the
  /// compiler reported no error in this lesson.
  static func compileFailure(of lesson: Lesson, diagnostics: String) -> LessonFailure? {
    let errors = compileErrors(in: diagnostics, path: lesson.path)
    guard let first = errors.first,
      let line = Int(first.dropFirst(lesson.path.count + 1).prefix(while: \.isNumber))
    else { return nil }
    let snippet = lesson.snippets.first {
      $0.code.firstContentLine <= line && line <= $0.code.lastContentLine
    }
    return LessonFailure(
      snippetIndex: snippet?.index, line: line,
      message: LessonFailure.compileErrorPrefix + errors.joined(separator: "\n"))
  }

  /// The run of a lesson when the lessons program did not build: failed at the first error the
  /// compiler reported in this lesson, or "not run" when it reported none here.
  static func failureRun(of lesson: Lesson, diagnostics: String, hash: String)
    -> LessonRun
  {
    let failure =
      compileFailure(of: lesson, diagnostics: diagnostics)
      ?? LessonFailure(
        snippetIndex: nil, line: 1,
        message: "not run: the lessons program did not build (see the compiler's errors above)")
    return LessonRun(
      path: lesson.path, contentHash: hash, snippets: [], failure: failure, seconds: 0)
  }
}
