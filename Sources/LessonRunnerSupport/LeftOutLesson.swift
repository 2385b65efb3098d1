// A lesson left out of the lessons program (it does not compile, or lesson-codegen could not
// read it): the generated stand-in for its function calls this, so running it says why.

/// Stops the lessons program because the lesson at `path` is not compiled into it: writes
/// `lesson-runner: PATH is left out of this build: REASON` to standard error and exits with
/// status 70.
///
/// Only code generated for a left-out lesson calls it (`generateLeftOutLessonFile` of
/// LessonKit).
///
/// - Parameters:
///   - path: The lesson's path, e.g. `Lessons/03-momentum.md`.
///   - reason: Why it is left out, and how to see the problem.
public func leftOutLesson(_ path: String, reason: String) -> Never {
  exitLessonRunner("\(path) is left out of this build: \(reason)")
}
