// The seam between a lesson page and the API reference: which code spans of a lesson's prose
// link to a page of the reference. LessonPageRenderer asks at each code span it writes (not in
// headings, not inside a link); snippets are never linked.

/// The links from one lesson's prose to the API reference: the first mention of each
/// documented type or module, written as a code span (`` `Adam` ``, `` `Matrix<Double>` ``,
/// `` `Lecture.Adam` ``, `` `Optimizers` ``), links to its page; later mentions and unknown
/// names do not.
///
///     var links = APILinks(pages: ["Adam": "api/optimizers/adam.html"])
///     links.firstMention(of: "Adam<Double>")   // "api/optimizers/adam.html"
///     links.firstMention(of: "Adam")           // nil: linked once already
///     links.firstMention(of: "Double")         // nil: not documented
struct APILinks: Sendable {
  /// The page of each documented name, relative to the site's root
  /// (``APIReference/typeLinks``); empty when the site has no API reference.
  let pages: [String: String]
  /// The pages linked so far.
  private var linked: Set<String> = []

  /// Links nothing: a site without an API reference.
  static let none = APILinks(pages: [:])

  /// Creates the links of one lesson.
  ///
  /// - Parameter pages: The page of each documented name, relative to the site's root.
  init(pages: [String: String]) { self.pages = pages }

  /// The page a code span links to: the page of the type or module it names, if that page has
  /// not been linked from this lesson before; `nil` otherwise.
  ///
  /// - Parameter code: The code span's text. A name, dotted names (`Lecture.Adam`), each with
  ///   an optional generic argument clause (`Matrix<Double>`), and white space around them
  ///   are recognized, also when followed by a call's arguments (`Adam<Double>(learningRate:
  ///   0.01)` mentions `Adam`); a member of a documented type mentions the type
  ///   (`LearningRateSchedule.exponentialDecay` mentions `LearningRateSchedule`). Anything
  ///   else (an operator, an expression on a value such as `x.inputs`) is not a mention.
  /// - Returns: The page, relative to the site's root.
  mutating func firstMention(of code: String) -> String? {
    guard !pages.isEmpty, let page = page(mentionedBy: code), !linked.contains(page) else {
      return nil
    }
    linked.insert(page)
    return page
  }

  /// The page of the documented type or module `code` mentions, linked before or not.
  private func page(mentionedBy code: String) -> String? {
    var spelled = Substring(code)
    if Self.typeName(in: code) == nil, let call = code.firstIndex(of: "("), code.last == ")" {
      spelled = code[..<call]
    }
    guard let name = Self.typeName(in: String(spelled)) else { return nil }
    var components = name.split(separator: ".")
    while !components.isEmpty {
      if let page = pages[components.joined(separator: ".")] { return page }
      components.removeLast()
    }
    return nil
  }

  /// The type name a code span spells, without generic arguments (`Lecture.Adam<Double>` →
  /// `Lecture.Adam`), or `nil` when the span is not just a (possibly qualified) type name.
  static func typeName(in code: String) -> String? {
    var name = ""
    var depth = 0
    var closedGenerics = false  // right after `>`: only `.` may follow
    for character in code.trimmingWhitespace() {
      if closedGenerics, depth == 0, character != "." { return nil }
      switch character {
      case "<":
        guard depth > 0 || !name.isEmpty, name.last != "." else { return nil }
        depth += 1
      case ">":
        guard depth > 0 else { return nil }
        depth -= 1
        closedGenerics = depth == 0
      case _ where depth > 0:
        continue
      case ".":
        closedGenerics = false
        guard let last = name.last, last != "." else { return nil }
        name.append(character)
      case _ where character == "_" || (character.isASCII && character.isLetter):
        name.append(character)
      case _ where character.isASCII && character.isNumber:
        guard let last = name.last, last != "." else { return nil }
        name.append(character)
      default:
        return nil
      }
    }
    guard depth == 0, !name.isEmpty, name.last != "." else { return nil }
    return name
  }
}

extension String {
  /// The string without spaces, tabs and line breaks at either end.
  fileprivate func trimmingWhitespace() -> Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isBlank($0) }),
      let last = lastIndex(where: { !isBlank($0) })
    else { return "" }
    return self[first...last]
  }
}
