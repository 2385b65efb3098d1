// `lessons list`: each lesson with its title and snippet counts, and its translations.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Lists lessons with their titles and snippet counts.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List lessons with their title and snippet counts, and their translations.",
      discussion: """
        One line per lesson: path, title, number of snippets, and how many are hide, norun \
        and nocheck. Under it, a line per translation (Lessons/zh/NAME.md): its language, \
        path, title, and whether it is in sync with the lesson (the same snippets in the same \
        order, the same heading levels, the same recorded outputs). When the course has \
        translations, a last line counts them per language. Nothing is built or run.

        Example:
          lessons list
        """)

    @OptionGroup var selection: LessonSelection

    func run() throws {
      let lessons = try selection.readLessonsWithSources()
      let read = selection.readTranslations(of: lessons)
      for (lesson, source) in lessons {
        print(listingLine(for: lesson))
        for translation in read.translations where translation.sourcePath == lesson.path {
          print(
            translationListingLine(
              for: translation, of: LoadedLesson(lesson: lesson, source: source)))
        }
      }
      guard !read.translations.isEmpty else { return }
      for language in CourseLanguage.translations {
        let mine = read.translations.filter { $0.language == language }
        guard !mine.isEmpty else { continue }
        let english = Dictionary(
          lessons.map { ($0.lesson.path, LoadedLesson(lesson: $0.lesson, source: $0.source)) },
          uniquingKeysWith: { a, _ in a })
        let inSync = mine.filter { translation in
          english[translation.sourcePath].map {
            checkTranslation(translation, of: $0, englishRun: nil, translatedRun: nil).passed
          } ?? false
        }.count
        print(
          "translations: \(language.code) \(mine.count) of \(lessons.count) lessons, "
            + "\(inSync) in sync")
      }
    }
  }
}
