// One lesson page of the rendered site: cmark's HTML of the prose with every shown snippet
// replaced by highlighted code, the snippet's output and figures (from its run), and the
// recorded output blocks taken out.

/// A lesson to render, with what its last run produced.
///
///     let page = SitePage(lesson: lesson, source: markdown, run: cachedRun)
///     try renderSite([page], courseTitle: "Descent", to: "site")
public struct SitePage: Sendable, Equatable {
  /// The lesson, as the reader parsed it from ``source``.
  public var lesson: Lesson
  /// The lesson's Markdown, exactly as read; its line numbers are those of ``lesson``.
  public var source: String
  /// What the lesson's last run produced, or `nil` to show the outputs recorded in the Markdown.
  public var run: LessonRun?
  /// Notes on snippets whose output differs from the recorded output, by snippet index (for
  /// example an expected-versus-actual diff); each is shown, escaped, in a box under its
  /// snippet.
  public var mismatches: [Int: String]

  /// Creates a page.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - source: Its Markdown source.
  ///   - run: Its last run, or `nil` to show the recorded outputs.
  ///   - mismatches: Output differences to show, by snippet index.
  public init(
    lesson: Lesson, source: String, run: LessonRun? = nil, mismatches: [Int: String] = [:]
  ) {
    self.lesson = lesson
    self.source = source
    self.run = run
    self.mismatches = mismatches
  }

  /// Reads and parses the lesson in the file at `path`, for rendering with `run`.
  ///
  ///     let page = try SitePage(contentsOfFile: "Lessons/01-diagnosis.md", run: cachedRun)
  ///
  /// - Parameters:
  ///   - path: The lesson file; also the lesson's `path`, used in messages.
  ///   - run: Its last run, or `nil` to show the recorded outputs.
  ///   - mismatches: Output differences to show, by snippet index.
  /// - Throws: `FileError` when the file cannot be read or is not UTF-8, `LessonError` when
  ///   it is not a valid lesson (see `Lesson(parsing:path:)`).
  public init(
    contentsOfFile path: String, run: LessonRun? = nil, mismatches: [Int: String] = [:]
  ) throws {
    let source = try readTextFile(atPath: path)
    self.init(
      lesson: try Lesson(parsing: source, path: path), source: source, run: run,
      mismatches: mismatches)
  }

  /// The page's file name in the site: the lesson file's name with `.html` for `.md`
  /// (`Lessons/01-diagnosis.md` → `01-diagnosis.html`).
  public var fileName: String {
    var name =
      lesson.path.split(separator: "/", omittingEmptySubsequences: false).last.map(
        String.init) ?? lesson.path
    for suffix in [".markdown", ".md"] where name.hasSuffix(suffix) {
      name.removeLast(suffix.count)
      break
    }
    return name + ".html"
  }

  /// The page title: the lesson's title, or its file name without extension.
  var title: String {
    if let title = lesson.title, !title.isEmpty { return title }
    return String(fileName.dropLast(".html".count))
  }
}

/// A heading of a rendered lesson, for the table of contents.
struct SiteHeading: Sendable, Equatable {
  /// 1 to 6.
  var level: Int
  /// The `id` given to the heading element.
  var id: String
  /// The heading's content, as HTML.
  var html: String
}

/// The rendered article of one lesson.
struct RenderedLesson: Sendable, Equatable {
  /// The `<article>` content.
  var html: String
  /// The headings, in order, with their ids.
  var headings: [SiteHeading]
  /// Problems worth telling the author (the page is still complete).
  var warnings: [String]
}

/// Renders a lesson's prose, snippets, outputs and figures as an HTML fragment.
///
/// - Parameters:
///   - page: The lesson, its source and its run.
///   - lessonPages: The page of every lesson of the course by the lesson's file name
///     (`"02-momentum.md": "02-momentum.html"`); links to those files are made links to the
///     pages.
///   - edition: The student edition leaves `solution` snippets out; the instructor edition
///     shows each in a box marked "Solution".
/// - Complexity: O(*n*) in the length of the source and of the run's outputs.
func renderLesson(
  _ page: SitePage, lessonPages: [String: String] = [:], edition: SiteEdition = .student
) -> RenderedLesson {
  var warnings: [String] = []
  let lesson = page.lesson
  if let run = page.run, run.path != lesson.path {
    warnings.append("\(lesson.path): the run given is of \(run.path); rendered it anyway")
  }

  var codeLines = Set<Int>()
  for block in lesson.blocks { codeLines.formUnion(block.openingLine...block.closingLine) }
  let protected = protectMath(in: page.source, codeLines: codeLines)
  let prose = restoreMath(
    in: cmarkHTML(protected.markdown, sourcePositions: true), spans: protected.spans)

  // What replaces each fenced block cmark wrote, by the line of its opening fence.
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

  var html = ""
  if let failure = page.run?.failure,
    failure.snippetIndex.map({ index in !lesson.snippets.contains { $0.index == index } }) ?? true
  {
    html += failureBox(failure, path: lesson.path)
  }
  html += replacingFencedBlocks(
    in: linkingLessons(in: prose, to: lessonPages, path: lesson.path, warnings: &warnings),
    with: replacements)
  let (withIDs, headings) = identifyingHeadings(in: html)
  return RenderedLesson(html: withIDs, headings: headings, warnings: warnings)
}

/// The HTML of one snippet: its highlighted code (unless hidden), then its output, figures,
/// failure and mismatch note; a shown solution is all of that inside a "Solution" box.
private func snippetHTML(
  _ snippet: Snippet, page: SitePage, run: SnippetRun?, edition: SiteEdition,
  warnings: inout [String]
) -> String {
  let hidden = !edition.shows(snippet)
  let path = page.lesson.path
  var html = ""
  let boxed = !hidden && snippet.attributes.contains(.solution)
  if boxed {
    html += "<aside class=\"solution-box\" aria-label=\"Solution\">"
    html += "<p class=\"solution-label\">Solution</p>\n"
  }
  if !hidden {
    let classes = (["snippet"] + snippet.attributes.map(\.rawValue).sorted()).joined(separator: " ")
    html += "<div class=\"\(classes)\" id=\"snippet-\(snippet.index + 1)\">"
    html += "<pre class=\"code\"><code class=\"language-swift\">"
    html += SwiftHighlighter.html(for: snippet.code.content)
    html += "</code></pre></div>\n"
  }
  if let lessonRun = page.run {
    let failedHere = lessonRun.failure.map { $0.snippetIndex == snippet.index } ?? false
    if let run {
      // A snippet that failed may still have printed something first.
      if !hidden {
        html += outputHTML(run.output)
        for figure in run.figures { html += figureHTML(figure, path: path, warnings: &warnings) }
      }
      if failedHere, let failure = lessonRun.failure { html += failureBox(failure, path: path) }
    } else if failedHere, let failure = lessonRun.failure {
      html += failureBox(failure, path: path)
    } else if snippet.attributes.contains(.norun) {
      if !hidden { html += "<p class=\"note\">Compiled, not run.</p>\n" }
    } else if lessonRun.failure != nil {
      if !hidden {
        html += "<p class=\"note\">Not run: the lesson stopped before this snippet.</p>\n"
      }
    } else {
      warnings.append(
        "\(path):\(snippet.code.openingLine): the run has no result for this snippet; "
          + "showing the recorded output")
      if !hidden { html += outputHTML(snippet.output?.content ?? "") }
    }
  } else if !hidden {
    html += outputHTML(snippet.output?.content ?? "")
  }
  if let note = page.mismatches[snippet.index] {
    html += "<div class=\"mismatch\" role=\"note\"><p><strong>This output differs from the "
    html += "output recorded in the lesson</strong> (\(path.htmlEscaped):"
    html += "\(snippet.output?.openingLine ?? snippet.code.closingLine)):</p>"
    html += "<pre>\(note.htmlEscaped)</pre></div>\n"
  }
  if boxed { html += "</aside>\n" }
  return html
}

/// A snippet's printed output, escaped, or nothing when it printed nothing.
private func outputHTML(_ output: String) -> String {
  guard !output.isEmpty else { return "" }
  return "<div class=\"output\"><pre><samp>\(output.htmlEscaped)</samp></pre></div>\n"
}

/// A figure: the SVG inline (without an XML declaration or doctype), its caption escaped.
///
/// The SVG comes from the `Figures` module, which escapes all text it draws, and is inlined as
/// it is; anything that is not an `<svg>` element is shown as escaped text instead, with a
/// warning.
private func figureHTML(_ figure: FigureOutput, path: String, warnings: inout [String]) -> String {
  var svg = figure.svg[...]
  while true {
    svg = svg.drop(while: \.isWhitespace)
    if svg.hasPrefix("<?") || svg.hasPrefix("<!") {
      guard let end = svg.firstIndex(of: ">") else { break }
      svg = svg[svg.index(after: end)...]
    } else {
      break
    }
  }
  var html = "<figure class=\"figure\"><div class=\"figure-svg\">"
  if svg.hasPrefix("<svg") {
    html += svg
  } else {
    warnings.append("\(path): a figure is not an SVG document; shown as text")
    html += "<pre>\(figure.svg.htmlEscaped)</pre>"
  }
  html += "</div>"
  if !figure.caption.isEmpty {
    html += "<figcaption>\(figure.caption.htmlEscaped)</figcaption>"
  }
  return html + "</figure>\n"
}

/// The warning box of a lesson that did not run to its end.
private func failureBox(_ failure: LessonFailure, path: String) -> String {
  let what = failure.snippetIndex == nil ? "did not compile" : "stopped here"
  var html = "<div class=\"failure\" role=\"alert\"><p><strong>This lesson \(what).</strong> "
  html += "<code>\(path.htmlEscaped):\(failure.line)</code></p>"
  html += "<pre>\(failure.message.htmlEscaped)</pre></div>\n"
  return html
}

/// Points links to lesson files (`href="02-momentum.md#update"`, in any folder) at their
/// pages (`href="02-momentum.html#update"`); a relative link to another `.md` file gets a
/// warning, as it will not work in the site.
func linkingLessons(
  in html: String, to lessonPages: [String: String], path: String, warnings: inout [String]
) -> String {
  let marker = "href=\""
  guard html.contains(".md") else { return html }
  var result = ""
  result.reserveCapacity(html.utf8.count)
  var rest = html[...]
  while let range = rest.firstRange(of: marker) {
    result += rest[..<range.upperBound]
    rest = rest[range.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { continue }
    let target = rest[..<end]
    let fragmentStart = target.firstIndex(of: "#") ?? target.endIndex
    let file = target[..<fragmentStart]
    let name = file.split(separator: "/").last.map(String.init) ?? ""
    if file.hasSuffix(".md"), !file.contains(":") {
      if let page = lessonPages[name] {
        result += page.htmlEscaped + target[fragmentStart...]
        rest = rest[end...]
        continue
      }
      warnings.append("\(path): links to \(file), which is not a lesson of the course")
    }
  }
  result += rest
  return result
}

/// Replaces the `<pre data-sourcepos="L:…">…</pre>` elements whose opening line `L` has an
/// entry in `replacements` by that entry (a trailing newline included).
func replacingFencedBlocks(in html: String, with replacements: [Int: String]) -> String {
  let marker = "<pre data-sourcepos=\""
  var result = ""
  result.reserveCapacity(html.utf8.count)
  var rest = html[...]
  while let range = rest.firstRange(of: marker) {
    result += rest[..<range.lowerBound]
    let digits = rest[range.upperBound...].prefix(while: \.isNumber)
    guard let line = Int(digits), let replacement = replacements[line],
      let close = rest[range.upperBound...].firstRange(of: "</pre>")
    else {
      result += rest[range]
      rest = rest[range.upperBound...]
      continue
    }
    result += replacement
    rest = rest[close.upperBound...]
    if rest.first == "\n" { rest = rest.dropFirst() }
  }
  result += rest
  return result
}

/// Gives every heading an `id` made from its text (unique within the page) and, below the
/// title, a `#` link to itself (shown on hover); lists the headings.
func identifyingHeadings(in html: String) -> (html: String, headings: [SiteHeading]) {
  var result = ""
  result.reserveCapacity(html.utf8.count + 256)
  var headings: [SiteHeading] = []
  var used: Set<String> = []
  var rest = html[...]
  while let range = rest.firstRange(of: "<h") {
    result += rest[..<range.lowerBound]
    let after = rest[range.upperBound...]
    guard let levelCharacter = after.first, let level = levelCharacter.wholeNumberValue,
      (1...6).contains(level),
      let next = after.dropFirst().first, next == " " || next == ">",
      let openEnd = after.firstIndex(of: ">"),
      let close = after[openEnd...].firstRange(of: "</h\(level)>")
    else {
      result += rest[range]
      rest = after
      continue
    }
    let inner = String(after[after.index(after: openEnd)..<close.lowerBound])
    let base = slug(inner.htmlTextContent)
    var id = base
    var number = 2
    while used.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    used.insert(id)
    headings.append(SiteHeading(level: level, id: id, html: inner))
    result += "<h\(level) id=\"\(id)\""
    result += after.dropFirst()[..<after.index(after: openEnd)]
    result += inner
    if level > 1 {
      result += " <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>"
    }
    result += "</h\(level)>"
    rest = after[close.upperBound...]
  }
  result += rest
  return (result, headings)
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
