// `lessons update`: run, then write actual outputs into the lessons.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Runs lessons and records their actual outputs in their `output` blocks.
  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run lessons and write each checked snippet's actual output into the file.",
      discussion: """
        Builds and runs the selected lessons like `verify`, then writes what every checked \
        snippet printed into its ```output block, adding one after a snippet that printed \
        something and has none. Only output blocks change; every other byte (line endings, \
        a byte-order mark, tabs, trailing spaces) stays as it was, and the file is replaced \
        atomically. A lesson that fails to compile, crashes or times out is not touched, nor \
        is a file that changed since it was read (another `lessons update`, an editor): \
        that is reported and the command exits 1. Bytes a snippet printed that are not UTF-8 \
        are written as \\xHH. Review the change with `git diff`.

        Examples:
          lessons update Lessons/00-getting-started.md
          lessons update Lessons/02-critical-points.md --include-nocheck   (timings too)
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions
    @Flag(help: "Also write the outputs of nocheck snippets (timings), which are never compared.")
    var includeNocheck = false

    func run() async throws {
      let lessons = try selection.readLessonsWithSources()
      let runs: [LessonRun]
      do {
        runs = try await LessonRunner.run(
          lessons: lessons.map(\.lesson),
          options: running.runOptions(packageDirectory: selection.packageDirectory))
      } catch {
        printError("\(error)")
        throw ExitCode(2)
      }
      var updated = 0
      var unchanged = 0
      var failed = 0
      for ((lesson, source), run) in zip(lessons, runs) {
        guard
          let new = updatedSource(
            of: lesson, source: source, run: run, includingNocheck: includeNocheck)
        else {
          let failure = run.failure!
          print("\(lesson.path):\(failure.line): error: lesson \(failure.message); not updated")
          failed += 1
          continue
        }
        if new == source {
          print("\(lesson.path): unchanged")
          unchanged += 1
          continue
        }
        let file = selection.packageDirectory.appending(path: lesson.path)
        do {
          try writeAtomically(new, toFile: file.path, expected: source)
        } catch let error as FileError {
          print("\(lesson.path): error: not updated: \(error.message)")
          failed += 1
          continue
        } catch {
          print("\(lesson.path): error: not updated: \(error)")
          failed += 1
          continue
        }
        print("\(lesson.path): updated")
        updated += 1
      }
      print("\(updated) updated, \(unchanged) unchanged, \(failed) failed")
      if failed > 0 { throw ExitCode(1) }
    }
  }
}
