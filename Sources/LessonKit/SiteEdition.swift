// Which edition of the course a site is: the student's, or the instructor's with the
// solutions to the exercises.

/// The edition of the course a rendered site is.
///
/// Snippets marked `solution` run and are checked in both; only the instructor edition shows
/// them.
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

  /// Whether pages of this edition show `snippet`'s code, output and figures (`hide`
  /// snippets are shown in neither edition).
  func shows(_ snippet: Snippet) -> Bool {
    if snippet.attributes.contains(.hide) { return false }
    return self == .instructor || !snippet.attributes.contains(.solution)
  }
}
