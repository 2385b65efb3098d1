// Translations of lessons: `Lessons/zh/NAME.md` translates `Lessons/NAME.md`. A translation is
// never compiled: its snippets and outputs repeat its English lesson's, verbatim and in the same
// order, which the drift check (TranslationCheck.swift) holds it to; its prose, headings and
// figure text are translated.

import Foundation

/// A translation of a lesson, read from its file.
///
///     let loaded = LessonCatalog.loadTranslations(of: ["Lessons/00-getting-started.md"],
///                                                 packageDirectory: root)
///     loaded.translations[0].lesson.path  // "Lessons/zh/00-getting-started.md"
///     loaded.translations[0].sourcePath   // "Lessons/00-getting-started.md"
public struct LessonTranslation: Sendable, Equatable {
  /// The language it is written in.
  public var language: CourseLanguage
  /// The path of the English lesson it translates (`Lessons/00-getting-started.md`).
  public var sourcePath: String
  /// The translation, read by the lesson reader like any lesson; its `path` is the
  /// translation's (`Lessons/zh/00-getting-started.md`).
  public var lesson: Lesson
  /// The translation file's text, exactly as read.
  public var source: String

  /// Creates a translation from its parts.
  ///
  /// - Parameters:
  ///   - language: Its language.
  ///   - sourcePath: The English lesson's path.
  ///   - lesson: The translation, read from `source`.
  ///   - source: The translation file's text.
  public init(language: CourseLanguage, sourcePath: String, lesson: Lesson, source: String) {
    self.language = language
    self.sourcePath = sourcePath
    self.lesson = lesson
    self.source = source
  }

  /// The translation's path.
  public var path: String { lesson.path }
}

extension LessonCatalog {
  /// The path of a lesson's translation into `language`: the lesson's folder, the language's
  /// code, the lesson's file name.
  ///
  ///     LessonCatalog.translationPath(of: "Lessons/01-diagnosis.md", language: .chinese)
  ///     // "Lessons/zh/01-diagnosis.md"
  ///
  /// - Parameters:
  ///   - lessonPath: An English lesson's path.
  ///   - language: A translation language.
  public static func translationPath(of lessonPath: String, language: CourseLanguage) -> String {
    guard let slash = lessonPath.lastIndex(of: "/") else {
      return language.code + "/" + lessonPath
    }
    return String(lessonPath[...slash]) + language.code + "/"
      + String(lessonPath[lessonPath.index(after: slash)...])
  }

  /// The English lesson and the language of a translation's path, or `nil` when `path` is not
  /// in a translation folder (`CODE/NAME.md` with a code of ``CourseLanguage/translations``).
  ///
  ///     LessonCatalog.translationSource(of: "Lessons/zh/01-diagnosis.md")
  ///     // ("Lessons/01-diagnosis.md", .chinese)
  ///
  /// - Parameter path: A lesson file's path.
  public static func translationSource(of path: String) -> (
    sourcePath: String, language: CourseLanguage
  )? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 2, isLessonFileName(path),
      let language = CourseLanguage.translation(code: String(parts[parts.count - 2]))
    else { return nil }
    let source = (parts.dropLast(2) + [parts[parts.count - 1]]).joined(separator: "/")
    return (source, language)
  }

  /// The translations of a folder's lessons that have no English lesson: `Lessons/zh/x.md`
  /// without `Lessons/x.md`. Each is an error at its first line (`lessons list` and `verify`
  /// report them), since nothing could run its snippets.
  ///
  /// - Parameters:
  ///   - folder: The course folder relative to `packageDirectory` (default `Lessons`).
  ///   - packageDirectory: The package root.
  /// - Returns: One error per orphaned translation, by language then name.
  public static func orphanedTranslations(
    inFolder folder: String = courseFolder, packageDirectory: URL
  ) -> [LessonError] {
    let manager = FileManager.default
    var errors: [LessonError] = []
    for language in CourseLanguage.translations {
      let directory = packageDirectory.appending(path: folder + "/" + language.code)
      let names = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter(isLessonFileName).sorted()
      for name in names
      where !manager.fileExists(atPath: packageDirectory.appending(path: folder + "/" + name).path)
      {
        errors.append(
          LessonError(
            path: folder + "/" + language.code + "/" + name, line: 1,
            message:
              "this translation has no English lesson: \(folder)/\(name) does not exist; a "
              + "translation repeats the snippets of the lesson with its file name, so rename "
              + "it after its lesson or remove it"))
      }
    }
    return errors
  }

  /// Reads the translations of `lessonPaths` that exist, in every language of
  /// ``CourseLanguage/translations``: each must be UTF-8 and a valid lesson file (the lesson
  /// reader's errors, at the translation's lines). Its snippets are not checked here: that is
  /// ``checkTranslationStructure(_:of:)``.
  ///
  /// - Parameters:
  ///   - lessonPaths: English lesson paths relative to `packageDirectory`.
  ///   - packageDirectory: The package root.
  /// - Returns: The translations that read, in the order of `lessonPaths` (then of languages),
  ///   and the problems of those that did not.
  public static func loadTranslations(of lessonPaths: [String], packageDirectory: URL) -> (
    translations: [LessonTranslation], problems: [LessonError]
  ) {
    var translations: [LessonTranslation] = []
    var problems: [LessonError] = []
    for sourcePath in lessonPaths {
      for language in CourseLanguage.translations {
        let path = translationPath(of: sourcePath, language: language)
        let file = path.hasPrefix("/") ? path : packageDirectory.appending(path: path).path
        guard FileManager.default.fileExists(atPath: file) else { continue }
        do {
          let source = try readTextFile(atPath: file)
          let lesson = try Lesson(parsing: source, path: path)
          translations.append(
            LessonTranslation(
              language: language, sourcePath: sourcePath, lesson: lesson, source: source))
        } catch let error as LessonError {
          problems.append(error)
        } catch let error as FileError {
          problems.append(LessonError(path: path, line: 1, message: error.message))
        } catch {
          problems.append(LessonError(path: path, line: 1, message: "\(error)"))
        }
      }
    }
    return (translations, problems)
  }
}
