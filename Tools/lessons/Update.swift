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
        are written as \\xHH. Review the change with `git diff`. \
        The lesson's translations (Lessons/zh/NAME.md) then get its output blocks, byte for \
        byte, when their snippets are its own (nothing else of them changes); naming a \
        translation updates its lesson and all of its translations.

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
      // Each translation of a lesson now written takes its output blocks, byte for byte.
      let written = zip(lessons, runs).filter { $0.1.failure == nil }.map(\.0)
      let read = selection.readTranslations(of: written)
      failed += read.problems
      for translation in read.translations {
        let counts = updateTranslation(translation)
        updated += counts.updated
        unchanged += counts.unchanged
        failed += counts.failed
      }
      print("\(updated) updated, \(unchanged) unchanged, \(failed) failed")
      if failed > 0 { throw ExitCode(1) }
    }

    /// Writes the output blocks of `translation`'s lesson, as the lesson now reads, into it.
    private func updateTranslation(_ translation: LessonTranslation) -> (
      updated: Int, unchanged: Int, failed: Int
    ) {
      let root = selection.packageDirectory
      let english: LoadedLesson
      do {
        let source = try String(
          contentsOf: root.appending(path: translation.sourcePath), encoding: .utf8)
        english = LoadedLesson(
          lesson: try Lesson(parsing: source, path: translation.sourcePath), source: source)
      } catch {
        print("\(translation.path): error: not updated: \(error)")
        return (0, 0, 1)
      }
      let problems = translationSnippetProblems(translation, of: english.lesson)
      guard problems.isEmpty else {
        for problem in problems { print(problem) }
        print(
          "\(translation.path): error: not updated: its snippets are not those of "
            + "\(translation.sourcePath); `lessons sync-translations \(translation.sourcePath)` "
            + "copies changed snippets, a snippet added, removed or moved needs a translator")
        return (0, 0, 1)
      }
      let new = translationWithOutputs(of: translation, from: english.lesson)
      if new == translation.source {
        print("\(translation.path): unchanged")
        return (0, 1, 0)
      }
      do {
        try writeAtomically(
          new, toFile: root.appending(path: translation.path).path, expected: translation.source)
      } catch let error as FileError {
        print("\(translation.path): error: not updated: \(error.message)")
        return (0, 0, 1)
      } catch {
        print("\(translation.path): error: not updated: \(error)")
        return (0, 0, 1)
      }
      print("\(translation.path): updated")
      return (1, 0, 0)
    }
  }
}
