// A lessons program that does not build: each lesson the compiler complained about fails at
// the first error it reported there; the others are reported as not run.

extension RunnerBuild {
  /// The run of a lesson when the lessons program did not build: failed at the first error the
  /// compiler reported in this lesson, or "not run" when it reported none here.
  static func failureRun(of lesson: Lesson, diagnostics: String, hash: String)
    -> LessonRun
  {
    let prefix = lesson.path + ":"
    let mine = diagnostics.split(separator: "\n").filter {
      $0.hasPrefix(prefix) && $0.contains(": error:")
    }
    let failure: LessonFailure
    if let first = mine.first,
      let line = Int(first.dropFirst(prefix.count).prefix(while: \.isNumber))
    {
      let snippet = lesson.snippets.first {
        $0.code.firstContentLine <= line && line <= $0.code.lastContentLine
      }
      failure = LessonFailure(
        snippetIndex: snippet?.index, line: line,
        message: "does not compile: " + mine.joined(separator: "\n"))
    } else {
      failure = LessonFailure(
        snippetIndex: nil, line: 1,
        message: "not run: the lessons program did not build (see the compiler's errors above)")
    }
    return LessonRun(
      path: lesson.path, contentHash: hash, snippets: [], failure: failure, seconds: 0)
  }
}
