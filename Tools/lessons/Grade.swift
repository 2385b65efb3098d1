// `lessons grade`: a class's copies of the lessons, each graded in a sandbox, into one report.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Grades a folder of students' submissions.
  struct Grade: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Grade a class: every student's copies of the lessons, each in a sandbox.",
      discussion: """
        SUBMISSIONS holds one folder per student (its name is the student's), with their copy \
        of a lesson, or of the whole lessons folder (files named as in the student edition, \
        up to four folders deep). Only the answers are taken from a copy (the code of its \
        ```swift placeholder blocks); the course's lessons (--course-folder) provide \
        everything else, and a check a copy changed or removed is reported in the notes (the \
        original runs). A copy in a translation's folder (zh/NAME.md, as the Chinese \
        student edition names it) runs in that language, so checks written with \
        `localized(en:zh:)` report in it. The lessons must pass `lessons verify` first.

        Each copy is compiled and run in a bubblewrap sandbox (no network, nothing writable \
        but its scratch folder, limits on time, memory and file size), --jobs at a time; a \
        copy that does not compile, crashes, loops, floods its output or tries to write \
        elsewhere gets a result and a message, and the others go on. Writes report.csv and \
        report.json (student, lesson, exercise, result, message, notes) and summary.txt into \
        --output, each replaced atomically, and prints the summary. Results: passed, failed, \
        not-attempted, compile-error, crashed, threw, timed-out, output-limit, invalid, error.

        --shard k/n grades the students whose name hashes to shard k of n (the same student \
        always lands in the same shard), so n CI jobs grade a large class in parallel; \
        `lessons grade --merge DIR… --output DIR` merges their reports.

        Examples:
          lessons grade submissions/ --output grades
          lessons grade submissions/ --shard 3/8 --output grades-3
          lessons grade --merge grades-1 grades-2 grades-3 --output grades
        """)

    @Argument(
      help: ArgumentHelp("The folder of the students' folders.", valueName: "submissions"))
    var submissions: String?

    @Option(
      help: ArgumentHelp(
        "Grade only these lessons (file names or paths); default: every lesson with checked "
          + "exercises.", valueName: "lesson"))
    var lesson: [String] = []

    @Option(help: ArgumentHelp("The report's folder.", valueName: "dir"))
    var output: String = "grade-report"

    @Option(help: ArgumentHelp("Grade shard k of n of the class.", valueName: "k/n"))
    var shard: String?

    @Option(
      parsing: .upToNextOption,
      help: ArgumentHelp(
        "Merge the reports in these folders (of the shards of one run) instead of grading.",
        valueName: "dir"))
    var merge: [String] = []

    @Option(help: ArgumentHelp("Copies graded at the same time.", valueName: "n"))
    var jobs: Int = LessonRunOptions.processorCount

    @OptionGroup var course: CourseOptions
    @OptionGroup var program: StudentProgramOptions

    func validate() throws {
      if merge.isEmpty {
        guard submissions != nil else {
          throw ValidationError("give the submissions folder (or --merge the shards' reports)")
        }
      } else if submissions != nil {
        throw ValidationError("--merge merges reports; give no submissions folder with it")
      }
      guard jobs > 0 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
      if let shard { _ = try parseShard(shard) }
    }

    func run() async throws {
      let outputFolder = URL(fileURLWithPath: output).standardizedFileURL
      if !merge.isEmpty {
        let reports = try merge.map {
          try GradeReport(readingFrom: URL(fileURLWithPath: $0).standardizedFileURL)
        }
        let merged = try GradeReport.merged(reports)
        try merged.write(to: outputFolder)
        print(merged.summary, terminator: "")
        print("merged \(reports.count) reports into \(outputFolder.path)")
        return
      }
      var lessons = try course.lessonsWithExercises()
      if !lesson.isEmpty {
        let wanted = Set(lesson.map { URL(fileURLWithPath: $0).lastPathComponent })
        lessons = lessons.filter {
          wanted.contains($0.lesson.path.split(separator: "/").last.map(String.init) ?? "")
        }
        guard lessons.count == wanted.count else {
          throw ValidationError(
            "--lesson names a lesson without checked exercises in \(course.courseFolder)")
        }
      }
      guard !lessons.isEmpty else {
        throw ValidationError("no lesson of \(course.courseFolder) has checked exercises")
      }
      let folder = URL(fileURLWithPath: submissions!).standardizedFileURL
      var students = try findSubmissions(
        in: folder,
        lessonNames: Set(
          lessons.map { $0.lesson.path.split(separator: "/").last.map(String.init) ?? "" }))
      var shardName: String?
      if let shard {
        let (index, count) = try parseShard(shard)
        students = LessonKit.shard(students, index: index, of: count)
        shardName = "\(index)/\(count)"
      }
      let runner = try await proveLessons(
        lessons, packageDirectory: course.packageDirectory, runner: program.runner)
      let grader = try makeGrader(
        runner: runner, packageDirectory: course.packageDirectory, options: program,
        requireSandbox: true)
      let work = course.packageDirectory.appending(
        path: ".build/lessons/grade/\(UUID().uuidString)")
      defer { if !program.keepWork { try? FileManager.default.removeItem(at: work) } }
      let start = Date()
      let report = await gradeClass(
        students, lessons: lessons, grader: grader, work: work, submissionsFolder: folder,
        jobs: jobs, shardName: shardName, keepWork: program.keepWork
      ) { student, rows in
        let passed = rows.filter { $0.result == .passed }.count
        print("\(student): \(passed) of \(rows.count) passed")
        fflush(nil)
      }
      do {
        try report.write(to: outputFolder)
      } catch {
        printError("\(error)")
        throw ExitCode(2)
      }
      print("")
      print(report.summary, terminator: "")
      print(
        "report: \(outputFolder.path)/report.csv, report.json, summary.txt "
          + "(\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
    }
  }
}

/// `k/n` as (k, n), with 1 ≤ k ≤ n.
func parseShard(_ text: String) throws -> (Int, Int) {
  let parts = text.split(separator: "/")
  guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
    (1...count).contains(index)
  else {
    throw ValidationError("--shard takes k/n with 1 ≤ k ≤ n (e.g. 2/8), got '\(text)'")
  }
  return (index, count)
}
