// The one-line summary `lessons list` prints for a lesson.

/// A lesson's path, title and snippet counts, for example
/// `Lessons/00-getting-started.md  "Getting started"  6 snippets (1 hide, 1 norun, 1 nocheck)`.
///
/// - Parameter lesson: The lesson.
/// - Returns: One line, without a newline.
public func listingLine(for lesson: Lesson) -> String {
  let count = lesson.snippets.count
  var line = "\(lesson.path)  \"\(lesson.title ?? "(no title)")\"  "
  line += count == 1 ? "1 snippet" : "\(count) snippets"
  let parts = SnippetAttribute.allCases.compactMap { attribute -> String? in
    let number = lesson.snippets.filter { $0.attributes.contains(attribute) }.count
    return number == 0 ? nil : "\(number) \(attribute.rawValue)"
  }
  if !parts.isEmpty { line += " (" + parts.joined(separator: ", ") + ")" }
  return line
}
