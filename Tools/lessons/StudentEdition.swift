// `lessons student-edition`: the lessons as students get them, Markdown and HTML.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Writes the student edition: Markdown lessons without solutions or hidden checks, and
  /// their HTML.
  struct StudentEdition: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "student-edition",
      abstract: "Write the student edition: the lessons' Markdown and HTML without solutions.",
      discussion: """
        Writes OUTPUT/Lessons/NAME.md for each lesson: the lesson with every `swift solution` \
        snippet (and its output block) and every `swift check hidden` snippet removed, each \
        with the blank lines after it, and every other byte as written (placeholders, shown \
        checks, prose, other snippets and outputs). Then OUTPUT/site: those lessons as HTML, \
        with the outputs of the last run. Students answer in their copy of the Markdown and \
        check it with `lessons check`; `lessons grade` grades a class's copies.

        Translations (Lessons/zh/NAME.md) get the same: OUTPUT/Lessons/zh/NAME.md, cut the \
        same way, and OUTPUT/site/zh/, with the figures of the run in their language. A \
        student's copy of a translation is checked like the English one (`lessons check \
        my-work/NAME.md`: answers are matched by file name and position).

        The lessons must pass `lessons verify` first (every exercise's solution passes its \
        checks and its placeholder fails one); otherwise nothing is written and the command \
        exits 1; so must every translation of them. The instructor edition is `lessons \
        render --instructor` (site-instructor/ and site-instructor/zh/).

        Examples:
          lessons student-edition --output student
          lessons student-edition Lessons/03-batch-and-momentum.md --output /tmp/student
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions

    @Option(help: ArgumentHelp("The folder to write the edition into.", valueName: "dir"))
    var output: String = "student-edition"

    @Option(help: ArgumentHelp("The course title on every page.", valueName: "title"))
    var courseTitle: String = "Descent: how neural networks are trained"

    @Option(
      help: ArgumentHelp("Where KaTeX is installed (Debian's libjs-katex).", valueName: "dir"))
    var katex: String = "/usr/share/javascript/katex"

    func run() async throws {
      let sources = try selection.readLessonsWithSources()
      let runs: [LessonRun]
      let translations: CheckedTranslations
      do {
        let options = running.runOptions(packageDirectory: selection.packageDirectory)
        runs = try await LessonRunner.run(lessons: sources.map(\.lesson), options: options)
        translations = try await CheckedTranslations.check(
          sources, runs: runs, selection: selection, options: options, printing: false)
      } catch {
        printError("\(error)")
        throw ExitCode(2)
      }
      var failed = false
      for (lesson, run) in zip(sources, runs) {
        let verdict = checkLesson(lesson.lesson, against: run)
        if !verdict.passed {
          failed = true
          printError(failureReport(for: verdict).trimmingCharacters(in: .newlines))
        }
      }
      for item in translations.items where !item.verdict.passed {
        failed = true
        printError(translationReport(for: item.verdict).trimmingCharacters(in: .newlines))
      }
      if translations.unreadable > 0 { failed = true }
      if failed {
        printError(
          "lessons: error: the lessons above do not pass `lessons verify`; no student edition "
            + "was written")
        throw ExitCode(1)
      }
      let folder = URL(fileURLWithPath: output).standardizedFileURL
      let lessonsFolder = folder.appending(path: LessonCatalog.courseFolder)
      try FileManager.default.createDirectory(at: lessonsFolder, withIntermediateDirectories: true)
      var pages: [SitePage] = []
      for (lesson, run) in zip(sources, runs) {
        let edition: StudentEditionLesson
        do {
          edition = try studentEdition(of: lesson.lesson, source: lesson.source)
        } catch {
          printError("\(error)")
          throw ExitCode(1)
        }
        let name = lesson.lesson.path.split(separator: "/").last.map(String.init) ?? "lesson.md"
        try writeAtomically(edition.source, toFile: lessonsFolder.appending(path: name).path)
        pages.append(
          SitePage(lesson: edition.lesson, source: edition.source, run: edition.run(from: run)))
      }
      // Each translation cut the same way, with the run in its language.
      var translatedPages: [CourseLanguage: [SitePage]] = [:]
      for item in translations.items {
        let edition: StudentEditionLesson
        do {
          edition = try studentEdition(of: item.translation.lesson, source: item.translation.source)
        } catch {
          printError("\(error)")
          throw ExitCode(1)
        }
        let languageFolder = lessonsFolder.appending(path: item.translation.language.code)
        try FileManager.default.createDirectory(
          at: languageFolder, withIntermediateDirectories: true)
        let name = item.translation.path.split(separator: "/").last.map(String.init) ?? "lesson.md"
        try writeAtomically(edition.source, toFile: languageFolder.appending(path: name).path)
        translatedPages[item.translation.language, default: []].append(
          SitePage(
            lesson: edition.lesson, source: edition.source,
            run: item.verdict.run.map { edition.run(from: $0) },
            language: item.translation.language))
      }
      let site = folder.appending(path: "site")
      let report = try renderSite(
        pages, courseTitle: courseTitle, to: site.path, katexDirectory: katex, edition: .student,
        translations: CourseLanguage.translations.map {
          SiteTranslation(language: $0, pages: translatedPages[$0] ?? [])
        })
      for warning in report.warnings { printError("warning: \(warning)") }
      let translated = translatedPages.values.map(\.count).reduce(0, +)
      print(
        "wrote the student edition of \(pages.count) lesson(s)"
          + (translated > 0 ? " and \(translated) translation(s)" : "")
          + ": \(lessonsFolder.path)/, \(site.path)/index.html")
    }
  }
}
