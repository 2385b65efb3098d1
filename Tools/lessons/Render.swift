// `lessons render`: the course as static HTML, from the cached runs (running what is stale).

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Renders the lessons to a static HTML site.
  struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render the lessons as a static HTML course that works opened from disk.",
      discussion: """
        Writes index.html, one page per lesson and the assets (stylesheet, KaTeX from \
        Debian's libjs-katex) into the output folder. Each shown snippet is followed by the \
        output and figures of its last run: runs cached by `lessons verify` are used as they \
        are, and only lessons whose cache is stale are run. A lesson that fails still renders, \
        with the failure shown in place of its output, and the command then exits 1. \
        Snippets marked `solution` are left out unless --instructor is given. \
        Translations (Lessons/zh/NAME.md) go into the site's zh/ folder, with their own \
        index and a language switch on every page; their figures come from a run of the \
        lesson with DESCENT_LESSON_LANGUAGE=zh (cached like the others). Both editions exist \
        in every language: site/zh/ and site-instructor/zh/.

        Examples:
          lessons render
          lessons render Lessons/04-adaptive-learning-rates.md --output /tmp/course
          lessons render --instructor        the instructor edition, in site-instructor/
          lessons render --api-reference     with the API reference (DocC), in site/api/
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions
    @OptionGroup var site: SiteOptions

    func run() async throws {
      let lessons = try selection.readLessonsWithSources()
      let byPath = Dictionary(
        lessons.map { ($0.lesson.path, $0.lesson) }, uniquingKeysWith: { first, _ in first })
      let runs: [LessonRun]
      let translations: CheckedTranslations
      do {
        // The same progress line as `verify`, for the lessons that had to run.
        let options = running.runOptions(packageDirectory: selection.packageDirectory) {
          run, cached in
          guard !cached, let lesson = byPath[run.path] else { return }
          print(progressLine(for: checkLesson(lesson, against: run), cached: false))
        }
        runs = try await LessonRunner.run(lessons: lessons.map(\.lesson), options: options)
        translations = try await CheckedTranslations.check(
          lessons, runs: runs, selection: selection, options: options, printing: false)
      } catch {
        printError("\(error)")
        throw ExitCode(2)
      }
      let verdicts = zip(lessons, runs).map { checkLesson($0.lesson, against: $1) }
      let report = try site.render(
        lessons: lessons, verdicts: verdicts, translations: translations,
        packageDirectory: selection.packageDirectory)
      if !verdicts.allSatisfy(\.passed) || !report.failedLessons.isEmpty || !translations.passed {
        for verdict in verdicts where !verdict.passed {
          printError("\(verdict.path): rendered with its failure shown (see `lessons verify`)")
        }
        for item in translations.items where !item.verdict.passed {
          printError(
            "\(item.verdict.path): out of step with \(item.verdict.sourcePath), rendered with "
              + "its problems shown (see `lessons verify`)")
        }
        throw ExitCode(1)
      }
    }
  }
}

/// Where and how to write the site.
struct SiteOptions: ParsableArguments {
  @Option(
    name: .customLong("output"),
    help: ArgumentHelp(
      "The folder to write the site into (replaced only if an earlier render wrote it); "
        + "default: site, or site-instructor with --instructor.",
      valueName: "dir"))
  var output: String?

  @Flag(
    help: ArgumentHelp(
      "Write the instructor edition: the exercises' solutions (`swift solution` snippets) "
        + "shown in boxes marked Solution. Without it, solutions are left out."))
  var instructor = false

  @Option(help: ArgumentHelp("The course title on every page.", valueName: "title"))
  var courseTitle: String = "Descent: how neural networks are trained"

  @Option(
    help: ArgumentHelp("Where KaTeX is installed (Debian's libjs-katex).", valueName: "dir"))
  var katex: String = "/usr/share/javascript/katex"

  @Flag(
    help: ArgumentHelp(
      "Include the library's API reference (api/) and link each lesson's first mention of a "
        + "documented type to it. Built with DocC when the toolchain has docc (kept in "
        + ".build/lessons/api and rebuilt when the modules change); without docc, the one "
        + "built last is used, or none."))
  var apiReference = false

  /// Renders pages for `lessons` with their verdicts, and their translations, and prints
  /// where the site is.
  func render(
    lessons: [(lesson: Lesson, source: String)], verdicts: [LessonVerdict],
    translations: CheckedTranslations = CheckedTranslations(), packageDirectory: URL
  ) throws -> SiteReport {
    let pages = zip(lessons, verdicts).map {
      SitePage(lesson: $0.lesson, source: $0.source, verdict: $1)
    }
    let reference = apiReference ? loadAPIReference(packageDirectory: packageDirectory) : nil
    let output = self.output ?? (instructor ? "site-instructor" : "site")
    let folder =
      output.hasPrefix("/") ? output : packageDirectory.appending(path: output).path
    var report: SiteReport?
    let elapsed = try ContinuousClock().measure {
      report = try renderSite(
        pages, courseTitle: courseTitle, to: folder, katexDirectory: katex,
        edition: instructor ? .instructor : .student,
        translations: translations.siteTranslations, apiReference: reference)
    }
    guard let report else { throw ExitCode(2) }
    for warning in report.warnings { printError("warning: \(warning)") }
    let seconds = elapsed / .seconds(1)
    let translated = translations.items.count
    let languages = Set(translations.items.map(\.translation.language.code)).sorted()
    let alsoTranslated =
      translated == 0
      ? "" : " and \(translated) translated page(s) (\(languages.joined(separator: ", ")))"
    print(
      "rendered \(pages.count) lesson page(s)\(alsoTranslated)\(instructor ? " (instructor edition)" : "") to \(folder)/index.html "
        + "(\(report.files.count) files, \(String(format: "%.2f", seconds)) s)")
    if let reference {
      print("API reference: \(folder)/api/index.html (\(reference.pageCount) pages)")
    }
    return report
  }

  /// The API reference: built (or found up to date) when the toolchain has docc, else the one
  /// built last; `nil`, after saying why, when there is none or it cannot be read. Built once
  /// per command: `lessons preview` keeps it while it re-renders.
  func loadAPIReference(packageDirectory: URL) -> APIReference? {
    let report: APIReferenceBuildReport
    if APIReferenceBuild.doccExecutable() != nil {
      do {
        report = try APIReferenceBuild.build(packageDirectory: packageDirectory)
      } catch {
        printError("warning: \(error); rendering without the API reference")
        return nil
      }
      for warning in report.warnings { printError(warning) }
      let modules = APIReferenceBuild.documentedModules.count
      let warnings = "\(report.warnings.count) DocC warning(s)"
      print(
        report.upToDate
          ? "API reference: up to date (\(modules) modules, \(warnings))"
          : "API reference: built with DocC in \(String(format: "%.1f", report.seconds)) s "
            + "(\(modules) modules, \(warnings))")
    } else if let last = APIReferenceBuild.lastBuild(packageDirectory: packageDirectory) {
      report = last
      print(
        "API reference: this toolchain has no docc; using the one built before"
          + (last.upToDate ? "" : " (older than the sources)"))
    } else {
      print(
        "API reference: this toolchain has no docc and none was built before; the site has no "
          + "API reference and the lessons no links to it")
      return nil
    }
    do {
      return try APIReference(archive: report.archive)
    } catch {
      printError("warning: \(error); rendering without the API reference")
      return nil
    }
  }
}
