// `lessons check-prose`: the numbers of the lessons' text against their outputs, without
// running anything.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Checks that every number in the lessons' prose is backed by an output or a snippet, or
  /// marked cited.
  struct CheckProse: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check-prose",
      abstract: "Check the numbers of the lessons' text against their outputs and snippets.",
      discussion: """
        Every number written in a lesson's prose (paragraphs, headings, lists, inline and \
        display math; not code spans, code blocks or link destinations) that has a fractional \
        part or an exponent, or is an integer of three or more digits, must be printed by a \
        checked output of the lesson, written in one of its snippets (comments aside), or \
        listed in a `cited` comment. A printed number backs the prose at the prose's written \
        precision: rounded there, it is the prose number, where a printed decimal may be off by \
        one unit in its own last digit as outputs are compared. 0.4056 backs 0.41 and 0.4, \
        not 0.40; 0.4150 backs 0.41 (0.4149 is within one unit), 0.4250 does not; 0.5 does \
        not back 0.50; integers are exact (1258 does not back 1257); a literal in a snippet \
        backs the same value written at most as precisely (1e-3 backs 0.001 and 10⁻³; 1 \
        does not back 1.0000). The outputs of nocheck snippets back nothing.

        Mark a number that is not computed (a year, a paper's figure, a constant of the \
        lecture) with a comment in or right after its paragraph: \
        <!-- cited: 2017 (Goyal et al.), 0.9 (the lecture) -->. Numbers in parentheses are \
        the source's, not cited. Every cited number must occur in the prose the comment \
        covers.

        Translations (Lessons/zh/NAME.md) are checked too, against the outputs they repeat \
        and their lesson's run. Nothing is built or run: the recorded outputs are used, and the actual outputs of a \
        lesson's cached run when it is fresh (--no-cache: recorded outputs only). Prints \
        `Lessons/x.md:LINE: error:` with the nearest numbers the lesson prints, a line per \
        lesson, and `prose: N passed, M failed`; exits 1 when a lesson fails. `lessons verify \
        --prose` runs the same check after running the lessons.

        Examples:
          lessons check-prose
          lessons check-prose Lessons/00-getting-started.md
          lessons check-prose --explain Lessons/03-batch-and-momentum.md   what backs each number
        """)

    @OptionGroup var selection: LessonSelection
    @Flag(help: "Use the recorded outputs only, not the actual outputs of cached runs.")
    var noCache = false
    @Flag(help: "Print every checked number with what backs it, instead of checking.")
    var explain = false

    func run() throws {
      let sources = try selection.readLessonsWithSources()
      let options = LessonRunOptions(packageDirectory: selection.packageDirectory)
      let cached =
        noCache
        ? Array(repeating: nil, count: sources.count)
        : LessonRunner.cachedRuns(for: sources.map(\.lesson), options: options)
      var checked = zip(sources, cached).map { pair, run in
        (lesson: pair.lesson, source: pair.source, run: run)
      }
      // A translation's numbers are backed by its lesson's outputs, which it repeats.
      let read = selection.readTranslations(of: sources)
      let runs = Dictionary(
        checked.map { ($0.lesson.path, $0.run) }, uniquingKeysWith: { a, _ in a })
      checked += read.translations.map { translation in
        (
          lesson: translation.lesson, source: translation.source,
          run: runs[translation.sourcePath] ?? nil
        )
      }
      if explain {
        for item in checked {
          for line in proseExplanation(item.lesson, source: item.source, run: item.run) {
            print(line)
          }
        }
        return
      }
      if !printProseCheck(checked) || read.problems > 0 { throw ExitCode(1) }
    }
  }
}

/// Runs the prose check on each lesson and prints its heading, a line per lesson, the
/// findings and the summary line.
///
/// - Parameter lessons: Each lesson with its source and, when there is one, a run.
/// - Returns: Whether every lesson passed.
func printProseCheck(_ lessons: [(lesson: Lesson, source: String, run: LessonRun?)]) -> Bool {
  print(proseCheckHeading)
  let verdicts = lessons.map { checkProse($0.lesson, source: $0.source, run: $0.run) }
  for verdict in verdicts {
    print(proseProgressLine(for: verdict))
    print(proseReport(for: verdict), terminator: "")
  }
  print(proseSummaryLine(for: verdicts))
  fflush(nil)
  return verdicts.allSatisfy(\.passed)
}
