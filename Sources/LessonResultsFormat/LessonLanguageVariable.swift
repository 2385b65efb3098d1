// The language a lesson process draws its figures in: set by LessonKit for the second run of a
// translated lesson, read by LessonSupport's `lessonLanguage`. Defined here, once, like the
// figures folder's variable, because both sides read it and neither imports the other.

/// The environment variable that names the language of a lesson run's figure text.
///
/// `lessons` runs a lesson that has a translation (`Lessons/zh/NAME.md`) a second time with
/// `DESCENT_LESSON_LANGUAGE=zh`; the translated page shows that run's figures. Unset, or any
/// value other than a language code LessonSupport knows, means English.
///
///     LessonLanguageVariable.name  // "DESCENT_LESSON_LANGUAGE"
public enum LessonLanguageVariable {
  /// `DESCENT_LESSON_LANGUAGE`.
  public static let name = "DESCENT_LESSON_LANGUAGE"
}
