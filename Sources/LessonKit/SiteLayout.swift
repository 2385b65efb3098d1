// The frame around every page of the site: head (stylesheets, KaTeX), header, table of
// contents, previous/next links; and the index page.

/// The `<head>` and opening of `<body>` shared by all pages; `interactive` adds the script of
/// interactive figures.
private func pageStart(title: String, courseTitle: String, interactive: Bool = false) -> String {
  let interactiveScript =
    interactive ? "<script defer src=\"assets/interactive.js\"></script>\n" : ""
  return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>\(title.htmlEscaped)</title>
    <link rel="stylesheet" href="assets/katex/katex.min.css">
    <link rel="stylesheet" href="assets/site.css">
    <script defer src="assets/katex/katex.min.js"></script>
    <script defer src="assets/katex/contrib/auto-render.js"></script>
    <script defer src="assets/math.js"></script>
    \(interactiveScript)</head>
    <body>
    <header class="site-header"><a href="index.html">\(courseTitle.htmlEscaped)</a></header>

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
func lessonPageHTML(
  _ lesson: RenderedLesson, page: SitePage, previous: SitePage?, next: SitePage?,
  courseTitle: String
) -> String {
  var html = pageStart(
    title: "\(page.title) · \(courseTitle)", courseTitle: courseTitle,
    interactive: lesson.hasInteractiveFigures)
  html += "<div class=\"layout\">\n"
  let entries = lesson.headings.filter { $0.level == 2 || $0.level == 3 }
  if !entries.isEmpty {
    html += "<nav class=\"toc\" aria-label=\"Contents of this lesson\">\n<h2>Contents</h2>\n"
    html += tableOfContents(entries)
    html += "</nav>\n"
  }
  html += "<main>\n<article class=\"lesson\">\n"
  html += lesson.html
  html += "</article>\n"
  html += pager(previous: previous, next: next)
  html += "</main>\n</div>\n"
  return html + pageEnd
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
private func pager(previous: SitePage?, next: SitePage?) -> String {
  var html = "<nav class=\"pager\" aria-label=\"Lessons\">\n"
  if let previous {
    html += "<a class=\"previous\" rel=\"prev\" href=\"\(previous.fileName.htmlEscaped)\">"
    html += "← \(previous.title.htmlEscaped)</a>\n"
  }
  html += "<a class=\"contents\" href=\"index.html\">All lessons</a>\n"
  if let next {
    html += "<a class=\"next\" rel=\"next\" href=\"\(next.fileName.htmlEscaped)\">"
    html += "\(next.title.htmlEscaped) →</a>\n"
  }
  return html + "</nav>\n"
}

/// The index page: the lessons in order, each with its title and summary, and where to start;
/// with `hasAPIReference`, a link to the API reference (`api/index.html`) after them.
func indexPageHTML(_ pages: [SitePage], courseTitle: String, hasAPIReference: Bool = false)
  -> String
{
  var html = pageStart(title: courseTitle, courseTitle: courseTitle)
  html += "<main class=\"index\">\n<h1>\(courseTitle.htmlEscaped)</h1>\n"
  if let first = pages.first {
    html += "<p class=\"start\">Start with <a href=\"\(first.fileName.htmlEscaped)\">"
    html += "\(first.title.htmlEscaped)</a>; each lesson builds on the ones before it.</p>\n"
  }
  html += "<ol class=\"lessons\">\n"
  for page in pages {
    html += "<li><a href=\"\(page.fileName.htmlEscaped)\">\(page.title.htmlEscaped)</a>"
    if let summary = page.lesson.summary, !summary.isEmpty {
      html += "<p>\(summary.htmlEscaped)</p>"
    }
    if let failure = page.run?.failure {
      html += "<p class=\"failed\">Did not run to its end (line \(failure.line)).</p>"
    }
    html += "</li>\n"
  }
  html += "</ol>\n"
  if hasAPIReference {
    html += "<p class=\"api-reference\"><a href=\"api/index.html\">API reference</a>: every "
    html += "type and function of the library the lessons use, from its doc comments.</p>\n"
  }
  html += "</main>\n"
  return html + pageEnd
}
