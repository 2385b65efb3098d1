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
        whose snippets, library and toolchain are unchanged is not run again; a lesson that \
        runs says why under its line (`ran because: snippet 3 (line 40) is changed`, \
        `the library changed`, `the Swift toolchain changed`, `no cached run`, `--no-cache`). \
        Snippets slower than --slow seconds (default 2) are listed before the summary. A \
        lesson that does not compile is reported at the compiler's error and left out of the \
        lessons program; the others still build, run and are checked.

        A lesson with a translation (Lessons/zh/NAME.md for Lessons/NAME.md) runs a second \
        time with DESCENT_LESSON_LANGUAGE=zh, which draws the translated page's figures; its \
        translation is then checked: its snippets are the lesson's, byte for byte and in the \
        same order (changed, missing, extra and out-of-order snippets are reported at the \
        translation's line, with a diff), its headings as many and of the same levels, its \
        output blocks what the lesson printed, and the second run prints exactly what the \
        first did. A line per translation follows the lessons' summary, then \
        `translations: N passed, M failed`.

        Numbers are compared at the precision they are printed: one with a point or an \
        exponent (0.1234, -1.5e-3) matches when it differs by at most one unit in its last \
        digit (0.1235 matches 0.1234; 0.1237 and 0.12 do not; -0.0000 matches 0.0000); an \
        integer (a count, a step) must be the same; text around numbers must be the same. \
        A number touching a letter, a digit, `_` or a `.`-joined digit (x2, v1.0.3, 0x1F) is \
        text. Mark a snippet `swift exact` to compare it character for character.

        --portability runs every selected lesson in a matrix of environments and reports, \
        with its Lessons/x.md:LINE, the environments that disagree and a diff, each checked \
        output that is not the same in all of them (compared as above), besides the ordinary \
        check against the recorded outputs. The matrix: the reference (what `lessons verify` \
        runs: this build, the kernel OpenBLAS picks, one BLAS thread); the release build (the \
        debug one with --release); each OPENBLAS_CORETYPE kernel of --kernels (default \
        Haswell, Sandybridge, Nehalem, Prescott) in release; and two BLAS threads in release. \
        A kernel this processor cannot run, an unknown name, or the reference's own kernel is \
        skipped with a note; --list-environments prints the matrix with the kernel the \
        lessons program reports in each (openblas_get_corename()). Runs are cached per \
        environment (.build/lessons/cache/env-NAME); --no-cache runs them all again. \
        --jobs lessons run at once, across environments. It builds the release lessons \
        program (about 3 minutes the first time).

        --prose also checks every number of the lessons' text against their outputs (the \
        recorded ones and what this run printed) and snippets, as `lessons check-prose` \
        does: under its own heading, a line per lesson, `Lessons/x.md:LINE: error:` for each \
        number nothing backs, and its own summary line, `prose: N passed, M failed`, after \
        the outputs' one; the command then exits 1 when either fails. It is off by default \
        until the course passes it (then --no-prose turns it off).

        Examples:
          lessons verify
          lessons verify Lessons/00-getting-started.md --timeout 10 --no-cache
          lessons verify --render            check, then write the HTML course to site/
          lessons verify --render --instructor   … the instructor edition, to site-instructor/
          lessons verify --portability       every lesson in every environment
          lessons verify --portability --kernels Sandybridge,Atom
          lessons verify --list-environments
          lessons verify --prose             outputs, then the numbers of the prose
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions
    @Flag(help: "Also render the checked lessons as HTML in the same pass (see `lessons render`).")
    var render = false
    @Option(
      help: ArgumentHelp(
        "List the snippets that took longer than this, slowest first, with their lines.",
        valueName: "seconds"))
    var slow: Double = 2
    @OptionGroup var site: SiteOptions
    @OptionGroup var portability: PortabilityOptions
    @Flag(
      inversion: .prefixedNo,
      help: """
        Also check that every number of the lessons' text is printed by a checked output, \
        written in a snippet, or marked cited (see `lessons check-prose`).
        """)
    var prose = Self.proseCheckByDefault

    /// Whether `verify` runs the prose check without `--prose`: off until the course passes
    /// it (issue 18); turning it on is this one line.
    static let proseCheckByDefault = false

    func validate() throws {
      guard slow >= 0 else { throw ValidationError("--slow must be 0 or more, got \(slow)") }
      if prose && (portability.portability || portability.listEnvironments) {
        throw ValidationError(
          "--prose does not combine with --portability or --list-environments; "
            + "run `lessons check-prose` on its own")
      }
    }

    func run() async throws {
      let sources = try selection.readLessonsWithSources()
      if portability.portability || portability.listEnvironments {
        try await runPortability(sources)
        return
      }
      let lessons = sources.map(\.lesson)
      let byPath = Dictionary(lessons.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
      var options = running.runOptions(packageDirectory: selection.packageDirectory)
      let reasons = Dictionary(
        zip(lessons.map(\.path), LessonRunner.rerunReasons(for: lessons, options: options)),
        uniquingKeysWith: { a, _ in a })
      options.onFinish = { run, cached in
        guard let lesson = byPath[run.path] else { return }
        let verdict = checkLesson(lesson, against: run)
        print(progressLine(for: verdict, cached: cached))
        if !cached, let why = reasons[run.path], !why.isEmpty {
          print("  ran because: " + why.map(\.description).joined(separator: "; "))
        }
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
      print(slowSnippetsReport(lessons: lessons, runs: runs, threshold: slow), terminator: "")
      print(summaryLine(for: verdicts))
      let translations: CheckedTranslations
      do {
        translations = try await CheckedTranslations.check(
          sources, runs: runs, selection: selection, options: options, printing: true)
      } catch {
        printError("\(error)")
        throw ExitCode(2)
      }
      var proseFailed = false
      if prose {
        let runsByPath = Dictionary(runs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        proseFailed = !printProseCheck(
          zip(sources, runs).map { (lesson: $0.lesson, source: $0.source, run: $1) }
            + translations.items.map {
              (
                lesson: $0.translation.lesson, source: $0.translation.source,
                run: runsByPath[$0.translation.sourcePath]
              )
            })
      }
      if render {
        _ = try site.render(
          lessons: sources, verdicts: verdicts, translations: translations,
          packageDirectory: selection.packageDirectory)
      }
      if !verdicts.allSatisfy(\.passed) || proseFailed || !translations.passed {
        throw ExitCode(1)
      }
    }
  }
}
