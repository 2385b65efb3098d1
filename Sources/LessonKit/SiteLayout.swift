// The frame around every page of the site: head (stylesheets, KaTeX), header, table of
// contents, previous/next links; and the index page.

/// Where a page stands in the site and what it links to besides its content: its language, the
/// way back to the site's root (`""`, or `"../"` from a language's folder), and the same page in
/// the other languages, for the language switch.
struct PageFrame: Sendable {
  /// The page's language.
  var language: CourseLanguage = .english
  /// The path from the page's folder to the site's root (`""` or `"../"`).
  var root = ""
  /// The same page in each other language of the site, as a link relative to the page's
  /// folder, or that language's index when the lesson has no translation (`sameContent`
  /// false: no `rel="alternate"`, no section kept).
  var alternates: [(language: CourseLanguage, href: String, sameContent: Bool)] = []

  /// The words of the page.
  var strings: SiteStrings { language.strings }
}

/// The `<head>` and opening of `<body>` shared by all pages; `interactive` adds the script of
/// interactive figures. `href` is the page's own file name, for its `hreflang` link.
private func pageStart(
  title: String, courseTitle: String, interactive: Bool = false, frame: PageFrame = PageFrame(),
  href: String = ""
) -> String {
  let root = frame.root
  let interactiveScript =
    interactive ? "<script defer src=\"\(root)assets/interactive.js\"></script>\n" : ""
  var alternateLinks = ""
  var languageSwitch = ""
  if !frame.alternates.isEmpty {
    alternateLinks += "<link rel=\"alternate\" hreflang=\"\(frame.language.htmlLanguage)\" "
    alternateLinks += "href=\"\(href.htmlEscaped)\">\n"
    languageSwitch +=
      "<nav class=\"language-switch\" aria-label=\"\(frame.strings.languageLabel)\">"
    for (language, link, sameContent) in frame.alternates {
      let tag = language.htmlLanguage
      if sameContent {
        alternateLinks += "<link rel=\"alternate\" hreflang=\"\(tag)\" "
        alternateLinks += "href=\"\(link.htmlEscaped)\">\n"
      }
      languageSwitch += "<a href=\"\(link.htmlEscaped)\" hreflang=\"\(tag)\" lang=\"\(tag)\""
      languageSwitch += sameContent ? " rel=\"alternate\" data-keep-section>" : ">"
      languageSwitch += "\(language.name.htmlEscaped)</a>"
    }
    languageSwitch += "</nav>"
  }
  if !frame.alternates.contains(where: \.sameContent) { alternateLinks = "" }
  let switchScript =
    frame.alternates.isEmpty ? "" : "<script defer src=\"\(root)assets/language.js\"></script>\n"
  return """
    <!DOCTYPE html>
    <html lang="\(frame.language.htmlLanguage)">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>\(title.htmlEscaped)</title>
    <link rel="stylesheet" href="\(root)assets/katex/katex.min.css">
    <link rel="stylesheet" href="\(root)assets/site.css">
    \(alternateLinks)<script defer src="\(root)assets/katex/katex.min.js"></script>
    <script defer src="\(root)assets/katex/contrib/auto-render.js"></script>
    <script defer src="\(root)assets/math.js"></script>
    \(interactiveScript)\(switchScript)</head>
    <body>
    <header class="site-header"><a href="index.html">\(courseTitle.htmlEscaped)</a>\(languageSwitch)</header>

    """
}

private let pageEnd = "</body>\n</html>\n"

/// A lesson page: table of contents, the article, previous/next links.
///
/// - Parameters:
///   - lesson: The rendered article.
///   - page: The lesson.
///   - previous: The page before, if any.
///   - next: The page after, if any.
///   - courseTitle: The course's title, in the header and the window title.
///   - frame: The page's language, root and the same page in other languages.
func lessonPageHTML(
  _ lesson: RenderedLesson, page: SitePage, previous: PagerLink?, next: PagerLink?,
  courseTitle: String, frame: PageFrame = PageFrame()
) -> String {
  let strings = frame.strings
  var html = pageStart(
    title: "\(page.title) · \(courseTitle)", courseTitle: courseTitle,
    interactive: lesson.hasInteractiveFigures, frame: frame, href: page.fileName)
  html += "<div class=\"layout\">\n"
  let entries = lesson.headings.filter { $0.level == 2 || $0.level == 3 }
  if !entries.isEmpty {
    html += "<nav class=\"toc\" aria-label=\"\(strings.contentsLabel)\">\n"
    html += "<h2>\(strings.contents)</h2>\n"
    html += tableOfContents(entries)
    html += "</nav>\n"
  }
  html += "<main>\n<article class=\"lesson\">\n"
  html += lesson.html
  html += "</article>\n"
  html += pager(previous: previous, next: next, strings: strings)
  html += "</main>\n</div>\n"
  return html + pageEnd
}

/// A link of the pager (or the index) to a lesson page: its title and where it is from the
/// linking page's folder.
struct PagerLink: Sendable, Equatable {
  /// The lesson's title.
  var title: String
  /// The link (`01-x.html`, or `../01-x.html` to an English page from a language's folder).
  var href: String
}

/// Nested lists of links to the headings (level 3 under level 2).
func tableOfContents(_ headings: [SiteHeading]) -> String {
  guard let top = headings.map(\.level).min() else { return "" }
  var html = "<ol>\n"
  var openSublist = false
  var openItem = false
  for heading in headings {
    let link = "<a href=\"#\(heading.id)\">\(heading.html)</a>"
    if heading.level > top {
      if !openSublist {
        if !openItem { html += "<li>" }
        html += "<ol>\n"
        openSublist = true
        openItem = true
      }
      html += "<li>\(link)</li>\n"
    } else {
      if openSublist { html += "</ol>" }
      if openItem { html += "</li>\n" }
      openSublist = false
      html += "<li>\(link)"
      openItem = true
    }
  }
  if openSublist { html += "</ol>" }
  if openItem { html += "</li>\n" }
  return html + "</ol>\n"
}

/// Links to the previous lesson, the index and the next lesson.
private func pager(previous: PagerLink?, next: PagerLink?, strings: SiteStrings) -> String {
  var html = "<nav class=\"pager\" aria-label=\"\(strings.lessonsLabel)\">\n"
  if let previous {
    html += "<a class=\"previous\" rel=\"prev\" href=\"\(previous.href.htmlEscaped)\">"
    html += "← \(previous.title.htmlEscaped)</a>\n"
  }
  html += "<a class=\"contents\" href=\"index.html\">\(strings.allLessons)</a>\n"
  if let next {
    html += "<a class=\"next\" rel=\"next\" href=\"\(next.href.htmlEscaped)\">"
    html += "\(next.title.htmlEscaped) →</a>\n"
  }
  return html + "</nav>\n"
}

/// An entry of the index: a lesson page in the index's language, or, for a lesson not
/// translated yet, its English page.
struct IndexEntry: Sendable, Equatable {
  /// The page (its lesson, title, summary and run).
  var page: SitePage
  /// The link from the index's folder.
  var href: String
  /// Whether the page is the English lesson standing in for a missing translation.
  var untranslated = false
}

/// The index page: the lessons in order, each with its title and summary, and where to start;
/// with `hasAPIReference`, a link to the API reference (`api/index.html`) after them.
func indexPageHTML(_ pages: [SitePage], courseTitle: String, hasAPIReference: Bool = false)
  -> String
{
  indexPageHTML(
    pages.map { IndexEntry(page: $0, href: $0.fileName) }, courseTitle: courseTitle,
    frame: PageFrame(), hasAPIReference: hasAPIReference)
}

/// The index page of one language of the site.
///
/// - Parameters:
///   - entries: The lessons, in course order.
///   - courseTitle: The course's title in the index's language.
///   - frame: The index's language, root and the other languages' indexes.
///   - hasAPIReference: Whether the site has the API reference (`api/index.html` at its root,
///     in English), which the index then links after the lessons.
func indexPageHTML(
  _ entries: [IndexEntry], courseTitle: String, frame: PageFrame, hasAPIReference: Bool = false
) -> String {
  let strings = frame.strings
  var html = pageStart(
    title: courseTitle, courseTitle: courseTitle, frame: frame, href: "index.html")
  html += "<main class=\"index\">\n<h1>\(courseTitle.htmlEscaped)</h1>\n"
  if let first = entries.first {
    html += "<p class=\"start\">\(strings.startBefore)<a href=\"\(first.href.htmlEscaped)\">"
    html += "\(first.page.title.htmlEscaped)</a>\(strings.startAfter)</p>\n"
  }
  html += "<ol class=\"lessons\">\n"
  for entry in entries {
    let page = entry.page
    let language =
      entry.untranslated
      ? " lang=\"\(page.language.htmlLanguage)\" hreflang=\"\(page.language.htmlLanguage)\"" : ""
    html += "<li><a href=\"\(entry.href.htmlEscaped)\"\(language)>\(page.title.htmlEscaped)</a>"
    if entry.untranslated {
      html += " <span class=\"untranslated\">\(strings.notTranslated)</span>"
    }
    if let summary = page.lesson.summary, !summary.isEmpty {
      html += entry.untranslated ? "<p lang=\"\(page.language.htmlLanguage)\">" : "<p>"
      html += "\(summary.htmlEscaped)</p>"
    }
    if let failure = page.run?.failure {
      html += "<p class=\"failed\">\(strings.didNotRunToEnd(failure.line))</p>"
    }
    html += "</li>\n"
  }
  html += "</ol>\n"
  if hasAPIReference {
    let language = frame.language == .english ? "" : " lang=\"en\""
    html += "<p class=\"api-reference\"\(language)><a href=\"\(frame.root)api/index.html\">"
    html += "API reference</a>: every type and function of the library the lessons use, from "
    html += "its doc comments.</p>\n"
  }
  html += "</main>\n"
  return html + pageEnd
}
