// `lessons check`: a student checks their own copy of a lesson against the course's exercises.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Checks a student's copy of lessons: each checked exercise passed, failed or not attempted.
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check your answers to a lesson's exercises (your copy of the student edition).",
      discussion: """
        Takes your copy of a lesson (a file of the student edition, where you replaced each \
        ```swift placeholder block with your answer) and runs the lesson's checks on your \
        answers: the checks you can read, and hidden ones the course holds. Only your answers \
        are taken from your copy: the lesson with the same file name in the course \
        (--course-folder, default Lessons/) provides everything else, so editing the prose or a \
        check changes nothing (a changed check is reported, and the original runs).

        Prints one line per exercise: passed; failed, with the check's message and its line in \
        your copy (a hidden check's message, never its code); does not compile, crashed, threw, \
        timed out or wrote too much, with your line; or not attempted (the placeholder is still \
        there). Exits 1 when an exercise failed, 0 otherwise.

        A copy of a translation (Lessons/zh/NAME.md of the student edition) is checked the \
        same way, against the English lesson of its file name; checks whose messages are \
        written with `localized(en:zh:)` then speak its language. The language is the copy's \
        folder name when it is a translation's (zh/NAME.md), else --language.

        Each answer runs in a process of its own with a time limit (--exercise-timeout), in a \
        bubblewrap sandbox when bwrap is installed. Run it in the course's repository: the \
        lesson's program is built there first (minutes, once).

        Examples:
          lessons check my-work/03-batch-and-momentum.md
          lessons check my-work/*.md --exercise-timeout 30
          lessons check my-work/00-getting-started.md --language zh
        """)

    @Argument(
      help: ArgumentHelp("Your copies of lessons (.md files).", valueName: "copy"))
    var copies: [String]

    @Option(
      help: ArgumentHelp(
        "The language of your copies when their folder does not say it (en, zh).",
        valueName: "code"))
    var language: String = "en"

    @OptionGroup var course: CourseOptions
    @OptionGroup var program: StudentProgramOptions

    func validate() throws {
      guard !copies.isEmpty else { throw ValidationError("give your copy of a lesson to check") }
      guard language == "en" || CourseLanguage.translation(code: language) != nil else {
        throw ValidationError(
          "--language \(language): not a language of the course; use en or "
            + CourseLanguage.translations.map(\.code).joined(separator: ", "))
      }
    }

    /// The language of `copy`: its folder's when that is a translation's folder (`zh/`), else
    /// --language.
    func language(of copy: String) -> CourseLanguage {
      CourseLanguage.ofCopy(at: URL(fileURLWithPath: copy))
        ?? CourseLanguage.translation(code: language) ?? .english
    }

    func run() async throws {
      let lessons = try course.lessonsWithExercises()
      let byName = Dictionary(
        lessons.map { ($0.lesson.path.split(separator: "/").last.map(String.init) ?? "", $0) },
        uniquingKeysWith: { first, _ in first })
      var pairs: [(copy: String, source: String, lesson: LoadedLesson)] = []
      for copy in copies {
        let name = URL(fileURLWithPath: copy).lastPathComponent
        guard let lesson = byName[name] else {
          throw ValidationError(
            "\(copy): no lesson named \(name) with checked exercises in \(course.courseFolder); "
              + "keep the file name of the student edition")
        }
        let source: String
        do {
          source = try String(contentsOfFile: copy, encoding: .utf8)
        } catch {
          throw ValidationError("\(copy): cannot read it as UTF-8 text")
        }
        pairs.append((copy, source, lesson))
      }
      let runner = try await proveLessons(
        pairs.map(\.lesson), packageDirectory: course.packageDirectory, runner: program.runner)
      let grader = try makeGrader(
        runner: runner, packageDirectory: course.packageDirectory, options: program,
        requireSandbox: false)
      var failed = false
      for pair in pairs {
        let copy = readSubmission(
          source: pair.source, path: pair.copy, instructor: pair.lesson.lesson)
        let scratch = course.packageDirectory.appending(
          path: ".build/lessons/check/\(UUID().uuidString)")
        defer { if !program.keepWork { try? FileManager.default.removeItem(at: scratch) } }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outcomes = await grader.grade(
          pair.lesson.lesson, copy: copy, scratch: scratch, language: language(of: pair.copy))
        print(checkReport(copy: pair.copy, outcomes: outcomes))
        if program.keepWork { print("(scratch folder kept: \(scratch.path))") }
        failed = failed || outcomes.contains { !$0.result.isPass && $0.result != .notAttempted }
      }
      if failed { throw ExitCode(1) }
    }
  }
}

/// What `lessons check` prints for one copy: a line per exercise, its notes, and a count.
func checkReport(copy: String, outcomes: [ExerciseOutcome]) -> String {
  var out = "\(copy):\n"
  for outcome in outcomes {
    let text: String
    switch outcome.result {
    case .passed: text = "passed"
    case .notAttempted: text = "not attempted (the placeholder is unchanged)"
    default: text = outcome.result.rawValue.uppercased() + ": " + outcome.message
    }
    out += "  exercise \(outcome.exercise): \(text)\n"
    for note in outcome.notes { out += "    note: \(note)\n" }
  }
  let passed = outcomes.filter { $0.result == .passed }.count
  let open = outcomes.filter { $0.result == .notAttempted }.count
  out += "\(passed) passed, \(outcomes.count - passed - open) failed, \(open) not attempted"
  return out
}
