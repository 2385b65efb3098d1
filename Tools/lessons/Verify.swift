// `lessons verify`: build, run and compare.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Builds the lessons program, runs each lesson and compares outputs.
  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build, run and check lessons against their recorded outputs.",
      discussion: """
        Builds every lesson into one program (compiler errors point at the lesson's line), \
        runs each selected lesson in its own process, and compares what every checked snippet \
        prints with its ```output block. Prints one line per lesson as it finishes, a unified \
        diff headed by Lessons/x.md:LINE for each difference, and finally `N passed, M failed`. \
        Exits 0 only when every lesson passes. Runs are cached under .build/lessons: a lesson \
        whose snippets and library are unchanged is not run again.

        Examples:
          lessons verify
          lessons verify Lessons/00-getting-started.md --timeout 10 --no-cache
          lessons verify --render            check, then write the HTML course to site/
          lessons verify --render --instructor   … the instructor edition, to site-instructor/
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions
    @Flag(help: "Also render the checked lessons as HTML in the same pass (see `lessons render`).")
    var render = false
    @OptionGroup var site: SiteOptions

    func run() async throws {
      let sources = try selection.readLessonsWithSources()
      let lessons = sources.map(\.lesson)
      let byPath = Dictionary(lessons.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
      let options = running.runOptions(packageDirectory: selection.packageDirectory) {
        run, cached in
        guard let lesson = byPath[run.path] else { return }
        let verdict = checkLesson(lesson, against: run)
        print(progressLine(for: verdict, cached: cached))
        print(failureReport(for: verdict), terminator: "")
        fflush(nil)
      }
      let runs: [LessonRun]
      do {
        runs = try await LessonRunner.run(lessons: lessons, options: options)
      } catch {
        printError("\(error)")
        throw ExitCode(2)
      }
      let verdicts = zip(lessons, runs).map { checkLesson($0, against: $1) }
      print(summaryLine(for: verdicts))
      if render {
        _ = try site.render(
          lessons: sources, verdicts: verdicts, packageDirectory: selection.packageDirectory)
      }
      if !verdicts.allSatisfy(\.passed) { throw ExitCode(1) }
    }
  }
}
