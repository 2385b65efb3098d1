// Which edition of the course a site is: the student's, or the instructor's with the
// solutions to the exercises.

/// The edition of the course a rendered site is.
///
/// Snippets marked `solution` run and are checked in both; only the instructor edition shows
/// them, and hidden checks. The student edition of the Markdown itself is
/// ``studentEdition(of:source:)``.
///
///     try renderSite(pages, courseTitle: "Descent", to: "site")  // the student edition
///     try renderSite(pages, courseTitle: "Descent", to: "site-instructor", edition: .instructor)
public enum SiteEdition: String, Sendable, Hashable, CaseIterable {
  /// The course as students read it: `solution` snippets, their outputs and figures are left
  /// out of the pages.
  case student
  /// The course with every `solution` snippet shown, with its output and figures, in a box
  /// marked "Solution"; every page's header and window title say "instructor edition".
  case instructor

  /// Whether pages of this edition show `snippet`'s code, output and figures: `hide`
  /// snippets in neither edition, `solution` snippets and hidden checks (`check hidden`) in
  /// the instructor edition only, placeholders and other checks in both.
  func shows(_ snippet: Snippet) -> Bool {
    if snippet.attributes.contains(.hide) { return false }
    if snippet.attributes.contains(.solution) || snippet.attributes.contains(.hidden) {
      return self == .instructor
    }
    return true
  }

  /// The label of the box a shown exercise snippet stands in (`Solution`, `Your answer`,
  /// `Check`…, in the words of `strings`), or `nil` for a snippet that is not part of an
  /// exercise.
  func boxLabel(for snippet: Snippet, strings: SiteStrings = .english) -> String? {
    let attributes = snippet.attributes
    if attributes.contains(.solution) { return strings.solution }
    if attributes.contains(.placeholder) {
      return self == .instructor ? strings.placeholderForInstructors : strings.yourAnswer
    }
    if attributes.contains(.check) {
      return attributes.contains(.hidden) ? strings.hiddenCheck : strings.check
    }
    return nil
  }
}
