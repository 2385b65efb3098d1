// A lesson's article: its Markdown tree (math protected, SiteMath.swift) walked into HTML, with
// the snippets and outputs in place of their code blocks (SnippetHTML.swift), ids on the
// headings, and links between lessons pointed at their pages.

/// Renders a lesson's prose, snippets, outputs and figures as an HTML fragment.
///
/// - Parameters:
///   - page: The lesson, its source and its run.
///   - lessonPages: The page of every lesson of the course by the lesson's file name
///     (`"02-momentum.md": "02-momentum.html"`); links to those files are made links to the
///     pages.
///   - edition: The student edition leaves `solution` snippets out; the instructor edition
///     shows each in a box marked "Solution".
///   - headingIDs: The ids to give the headings, by position (a translated page takes its
///     English page's, so that the language switch lands on the same section); `nil`, or past
///     its end, makes them from the heading's text.
///   - apiLinks: The pages of the API reference that the first mention of a documented type
///     in the prose links to (none by default).
/// - Complexity: O(*n*) in the length of the source and of the run's outputs.
func renderLesson(
  _ page: SitePage, lessonPages: [String: String] = [:], edition: SiteEdition = .student,
  headingIDs: [String]? = nil, apiLinks: APILinks = .none
) -> RenderedLesson {
  var warnings: [String] = []
  let lesson = page.lesson
  // A translation is shown with a run of its English lesson, whose path is the lesson's.
  if let run = page.run, run.path != lesson.path, page.language == .english {
    warnings.append("\(lesson.path): the run given is of \(run.path); rendered it anyway")
  }

  // What replaces each snippet's and output's code block, by the line of its opening fence.
  var replacements: [Int: String] = [:]
  let runs = Dictionary(
    (page.run?.snippets ?? []).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
  for snippet in lesson.snippets {
    if let output = snippet.output { replacements[output.openingLine] = "" }
    replacements[snippet.code.openingLine] = snippetHTML(
      snippet, page: page, run: runs[snippet.index], edition: edition, warnings: &warnings)
  }
  for index in runs.keys where !lesson.snippets.contains(where: { $0.index == index }) {
    warnings.append("\(lesson.path): the run has a result for snippet \(index), which is not there")
  }

  let protected = protectMath(in: page.source)
  var renderer = LessonPageRenderer(
    replacements: replacements, lessonPages: lessonPages, path: lesson.path, apiLinks: apiLinks)
  renderer.givenIDs = headingIDs ?? []
  renderer.linkLabel = page.language.strings.linkToSection
  renderer.visit(parseMarkdown(protected.markdown).resolvingMath(protected.spans))

  var html = ""
  if !page.translationProblems.isEmpty {
    html += "<div class=\"failure out-of-sync\" role=\"alert\"><p><strong>"
    html += page.language.strings.outOfSync.htmlEscaped + "</strong></p><pre>"
    html += page.translationProblems.joined(separator: "\n").htmlEscaped + "</pre></div>\n"
  }
  if let failure = page.run?.failure,
    failure.snippetIndex.map({ index in !lesson.snippets.contains { $0.index == index } }) ?? true
  {
    html += failureBox(failure, path: lesson.path, strings: page.language.strings)
  }
  html += renderer.html
  let interactive = lesson.snippets.contains { snippet in
    edition.shows(snippet)
      && (runs[snippet.index]?.figures.contains { $0.interactive != nil } ?? false)
  }
  return RenderedLesson(
    html: html, headings: renderer.headings, warnings: warnings + renderer.linkWarnings,
    hasInteractiveFigures: interactive)
}

/// The walk that writes a lesson's article: cmark's HTML with source positions, except that
///
/// - a code block with an entry in ``replacements`` (by the line it opens on) is replaced by it:
///   a snippet by its highlighted code, output and figures, its output block by nothing;
/// - every heading gets an `id` made from its text (``slug(_:)``, unique within the page) and,
///   below the title, a `#` link to itself; the headings are collected for the table of
///   contents;
/// - a link to a lesson file (`02-momentum.md#update`, in any folder) points at the lesson's
///   page (`02-momentum.html#update`); a relative link to another `.md` file gets a warning, as
///   it will not work in the site;
/// - the first code span naming a documented type (``APILinks``), outside headings and links,
///   links to its page of the API reference.
struct LessonPageRenderer: CommonMarkHTMLRendering {
  var html = ""
  let sourcePositions = true
  /// The HTML that replaces the code block opening on each line.
  let replacements: [Int: String]
  /// The page of every lesson of the course, by the lesson's file name.
  let lessonPages: [String: String]
  /// The lesson's path, for warnings.
  let path: String
  /// The headings written so far, with their ids.
  private(set) var headings: [SiteHeading] = []
  /// Links to `.md` files that are not lessons of the course.
  private(set) var linkWarnings: [String] = []
  /// The ids to give the headings, by position, before any made from their text.
  var givenIDs: [String] = []
  /// The accessible name of a heading's `#` link.
  var linkLabel = SiteStrings.english.linkToSection
  private var usedIDs: Set<String> = []
  /// The links to the API reference, and which of them this lesson has made.
  private var apiLinks: APILinks
  /// Whether the walk is inside a heading or a link, where code spans are never linked.
  private var inHeadingOrLink = false

  init(
    replacements: [Int: String], lessonPages: [String: String], path: String,
    apiLinks: APILinks = .none
  ) {
    self.replacements = replacements
    self.lessonPages = lessonPages
    self.path = path
    self.apiLinks = apiLinks
  }

  mutating func visitInlineCode(_ inlineCode: MarkdownNode, code: String) {
    if !inHeadingOrLink, let page = apiLinks.firstMention(of: code) {
      html += "<a class=\"api-link\" href=\"" + page.hrefEscaped + "\"><code>" + code.cmarkEscaped
      html += "</code></a>"
    } else {
      html += "<code>" + code.cmarkEscaped + "</code>"
    }
  }

  mutating func visitCodeBlock(_ codeBlock: MarkdownNode, info: String, code: String) {
    if let replacement = replacements[codeBlock.start.line] {
      startLine()
      html += replacement
    } else {
      writeCodeBlock(codeBlock, info: info, code: code)
    }
  }

  mutating func visitHeading(_ heading: MarkdownNode, level: Int) {
    startLine()
    let outer = html
    html = ""
    let wasInHeadingOrLink = inHeadingOrLink
    inHeadingOrLink = true
    visitChildren(heading)
    inHeadingOrLink = wasInHeadingOrLink
    let inner = html
    html = outer
    let given = headings.count < givenIDs.count ? givenIDs[headings.count] : nil
    let base = given ?? slug(slugText(of: heading))
    var id = base
    var number = 2
    while usedIDs.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    usedIDs.insert(id)
    headings.append(SiteHeading(level: level, id: id, html: inner))
    html += "<h\(level) id=\"\(id)\"" + sourcePositionAttribute(heading) + ">" + inner
    if level > 1 {
      html += " <a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(linkLabel.htmlEscaped)\">#</a>"
    }
    html += "</h\(level)>\n"
  }

  mutating func visitLink(_ link: MarkdownNode, destination: String, title: String) {
    let wasInHeadingOrLink = inHeadingOrLink
    inHeadingOrLink = true
    defer { inHeadingOrLink = wasInHeadingOrLink }
    let href = safeHref(destination)
    let fragmentStart = href.firstIndex(of: "#") ?? href.endIndex
    let file = href[..<fragmentStart]
    if file.hasSuffix(".md"), !file.contains(":") {
      let name = file.split(separator: "/").last.map(String.init) ?? ""
      if let page = lessonPages[name] {
        writeLink(link, href: page.htmlEscaped + href[fragmentStart...], title: title)
        return
      }
      linkWarnings.append("\(path): links to \(file), which is not a lesson of the course")
    }
    writeLink(link, href: href, title: title)
  }
}

/// The text a heading's id is made from: its text, code and math, without images.
private func slugText(of node: MarkdownNode) -> String {
  switch node.kind {
  case .text(let literal), .code(let literal), .math(let literal): return literal
  case .literalDollar: return "$"
  case .softBreak, .lineBreak: return " "
  case .image, .inlineHTML: return ""
  default: return node.children.map(slugText(of:)).joined()
  }
}

/// Lower-case letters and digits of the text joined by single dashes (`"Why $x_1$?"` →
/// `"why-x-1"`), or `"section"` when there are none.
func slug(_ text: String) -> String {
  var slug = ""
  var pendingDash = false
  for character in text.lowercased() {
    if character.isLetter || character.isNumber {
      if pendingDash && !slug.isEmpty { slug += "-" }
      pendingDash = false
      slug.append(character)
    } else {
      pendingDash = true
    }
  }
  return slug.isEmpty ? "section" : slug
}
