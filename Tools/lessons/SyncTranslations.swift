// `lessons sync-translations`: the lessons' snippets and outputs copied into their
// translations, so that a translator never retypes code.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Copies changed snippets and outputs of lessons into their translations.
  struct SyncTranslations: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sync-translations",
      abstract: "Copy the lessons' changed snippets and outputs into their translations.",
      discussion: """
        For each selected lesson and each of its translations (Lessons/zh/NAME.md) that has \
        as many snippets as the lesson: every snippet whose code or attributes differ from \
        the lesson's n-th snippet gets the lesson's, and every output block the lesson's, \
        byte for byte. The translation's prose, headings and every other byte stay; the file \
        is replaced atomically, and not at all when it changed since it was read. A \
        translation with more or fewer snippets than its lesson is not touched: the errors \
        say which snippet is missing, extra or out of order and where, and a translator adds \
        or removes it with the prose around it. Nothing is built or run. Review the change \
        with `git diff`, then `lessons verify`.

        Examples:
          lessons sync-translations
          lessons sync-translations Lessons/03-batch-and-momentum.md
        """)

    @OptionGroup var selection: LessonSelection

    func run() throws {
      let lessons = try selection.readLessonsWithSources()
      let read = selection.readTranslations(of: lessons)
      let english = Dictionary(
        lessons.map { ($0.lesson.path, LoadedLesson(lesson: $0.lesson, source: $0.source)) },
        uniquingKeysWith: { a, _ in a })
      var synced = 0
      var unchanged = 0
      var failed = read.problems
      for translation in read.translations {
        guard let lesson = english[translation.sourcePath] else { continue }
        let new: String
        do {
          new = try syncedTranslation(translation, with: lesson)
        } catch {
          print(error.description)
          print(
            "\(translation.path): error: not synced: it does not have the snippets of "
              + "\(translation.sourcePath) in the same order; fix the places above by hand")
          failed += 1
          continue
        }
        if new == translation.source {
          print("\(translation.path): unchanged")
          unchanged += 1
          continue
        }
        do {
          try writeAtomically(
            new, toFile: selection.packageDirectory.appending(path: translation.path).path,
            expected: translation.source)
        } catch let error as FileError {
          print("\(translation.path): error: not synced: \(error.message)")
          failed += 1
          continue
        } catch {
          print("\(translation.path): error: not synced: \(error)")
          failed += 1
          continue
        }
        print("\(translation.path): synced with \(translation.sourcePath)")
        synced += 1
      }
      print("\(synced) synced, \(unchanged) unchanged, \(failed) failed")
      if failed > 0 { throw ExitCode(1) }
    }
  }
}
