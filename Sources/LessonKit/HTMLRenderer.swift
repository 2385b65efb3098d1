// HTML from the Markdown tree. `CommonMarkHTMLRendering` writes every CommonMark node exactly
// as cmark 0.30's own HTML renderer does in its safe mode (raw HTML omitted, dangerous URLs
// dropped), so a page is the same whether cmark or this walk writes its prose; a renderer
// that conforms to it (the lesson page, LessonPageRenderer.swift) implements the `visitX`
// methods of the nodes it writes differently and keeps the others.

/// A visitor that writes a Markdown tree as HTML into ``html``, as cmark's HTML renderer
/// does. Conforming types get every `visitX` method; they implement the ones they change.
protocol CommonMarkHTMLRendering: MarkdownVisitor where Result == Void {
  /// The HTML written so far.
  var html: String { get set }
  /// Whether block elements carry `data-sourcepos="L:C-L:C"` attributes, as cmark's
  /// `CMARK_OPT_SOURCEPOS` gives them.
  var sourcePositions: Bool { get }
}

extension CommonMarkHTMLRendering {
  /// Starts a new line unless the HTML is empty or already ends one (cmark's `cr`).
  mutating func startLine() {
    if let last = html.utf8.last, last != UInt8(ascii: "\n") { html += "\n" }
  }

  /// ` data-sourcepos="L:C-L:C"` for `node`, or nothing without ``sourcePositions``.
  func sourcePositionAttribute(_ node: MarkdownNode) -> String {
    guard sourcePositions else { return "" }
    return
      " data-sourcepos=\"\(node.start.line):\(node.start.column)-\(node.end.line):\(node.end.column)\""
  }

  /// Visits every child of `node`.
  mutating func visitChildren(_ node: MarkdownNode) {
    for child in node.children { visit(child) }
  }

  mutating func defaultVisit(_ node: MarkdownNode) { visitChildren(node) }

  mutating func visitBlockQuote(_ blockQuote: MarkdownNode) {
    startLine()
    html += "<blockquote" + sourcePositionAttribute(blockQuote) + ">\n"
    visitChildren(blockQuote)
    startLine()
    html += "</blockquote>\n"
  }

  mutating func visitList(_ list: MarkdownNode, start: Int?, tight: Bool) {
    startLine()
    switch start {
    case nil: html += "<ul"
    case 1: html += "<ol"
    case let start?: html += "<ol start=\"\(start)\""
    }
    html += sourcePositionAttribute(list) + ">\n"
    for item in list.children {
      startLine()
      html += "<li" + sourcePositionAttribute(item) + ">"
      for child in item.children {
        // The paragraphs of a tight list's items are written without <p>.
        if tight, child.kind == .paragraph {
          visitChildren(child)
        } else {
          visit(child)
        }
      }
      html += "</li>\n"
    }
    html += start == nil ? "</ul>\n" : "</ol>\n"
  }

  mutating func visitCodeBlock(_ codeBlock: MarkdownNode, info: String, code: String) {
    writeCodeBlock(codeBlock, info: info, code: code)
  }

  /// Writes a code block as cmark does: `<pre><code class="language-WORD">`, WORD the first
  /// word of the info string, then the code escaped.
  mutating func writeCodeBlock(_ codeBlock: MarkdownNode, info: String, code: String) {
    startLine()
    html += "<pre" + sourcePositionAttribute(codeBlock)
    let language = info.utf8.prefix { !isCmarkSpace($0) }
    if language.isEmpty {
      html += "><code>"
    } else {
      html += "><code class=\"language-" + String(decoding: language, as: UTF8.self).cmarkEscaped
      html += "\">"
    }
    html += code.cmarkEscaped + "</code></pre>\n"
  }

  mutating func visitHTMLBlock(_ htmlBlock: MarkdownNode, html _: String) {
    startLine()
    html += "<!-- raw HTML omitted -->"
    startLine()
  }

  mutating func visitParagraph(_ paragraph: MarkdownNode) {
    startLine()
    html += "<p" + sourcePositionAttribute(paragraph) + ">"
    visitChildren(paragraph)
    html += "</p>\n"
  }

  mutating func visitHeading(_ heading: MarkdownNode, level: Int) {
    startLine()
    html += "<h\(level)" + sourcePositionAttribute(heading) + ">"
    visitChildren(heading)
    html += "</h\(level)>\n"
  }

  mutating func visitThematicBreak(_ thematicBreak: MarkdownNode) {
    startLine()
    html += "<hr" + sourcePositionAttribute(thematicBreak) + " />\n"
  }

  mutating func visitText(_ text: MarkdownNode, literal: String) { html += literal.cmarkEscaped }
  mutating func visitSoftBreak(_ softBreak: MarkdownNode) { html += "\n" }
  mutating func visitLineBreak(_ lineBreak: MarkdownNode) { html += "<br />\n" }

  mutating func visitInlineCode(_ inlineCode: MarkdownNode, code: String) {
    html += "<code>" + code.cmarkEscaped + "</code>"
  }

  mutating func visitInlineHTML(_ inlineHTML: MarkdownNode, html _: String) {
    html += "<!-- raw HTML omitted -->"
  }

  mutating func visitEmphasis(_ emphasis: MarkdownNode) {
    html += "<em>"
    visitChildren(emphasis)
    html += "</em>"
  }

  mutating func visitStrong(_ strong: MarkdownNode) {
    html += "<strong>"
    visitChildren(strong)
    html += "</strong>"
  }

  mutating func visitLink(_ link: MarkdownNode, destination: String, title: String) {
    writeLink(link, href: safeHref(destination), title: title)
  }

  /// Writes a link as cmark does, with `href` (already escaped) as its target.
  mutating func writeLink(_ link: MarkdownNode, href: String, title: String) {
    html += "<a href=\"" + href + "\""
    if !title.isEmpty { html += " title=\"" + title.cmarkEscaped + "\"" }
    html += ">"
    visitChildren(link)
    html += "</a>"
  }

  mutating func visitImage(_ image: MarkdownNode, source: String, title: String) {
    html += "<img src=\"" + safeHref(source) + "\" alt=\""
    appendAlternativeText(of: image)
    if !title.isEmpty { html += "\" title=\"" + title.cmarkEscaped }
    html += "\" />"
  }

  /// An image's alternative text: the text of its descendants, escaped, line breaks as spaces.
  private mutating func appendAlternativeText(of node: MarkdownNode) {
    for child in node.children {
      switch child.kind {
      case .text(let literal), .code(let literal), .inlineHTML(let literal):
        html += literal.cmarkEscaped
      case .math(let tex): html += tex.htmlEscaped
      case .literalDollar: html += "$"
      case .softBreak, .lineBreak: html += " "
      default: appendAlternativeText(of: child)
      }
    }
  }

  /// Math as written, delimiters included and HTML-escaped, for KaTeX's auto-render to find
  /// in the page.
  mutating func visitMath(_ math: MarkdownNode, tex: String) { html += tex.htmlEscaped }

  /// An escaped dollar, alone in an element that KaTeX's auto-render is told to skip, so it
  /// never pairs with another dollar.
  mutating func visitLiteralDollar(_ dollar: MarkdownNode) {
    html += "<span class=\"dollar\">$</span>"
  }
}

/// The plain CommonMark renderer: cmark's HTML, from the Swift tree.
///
///     var renderer = HTMLRenderer(sourcePositions: false)
///     renderer.visit(parseMarkdown("# Hi *there*\n"))
///     // renderer.html == "<h1>Hi <em>there</em></h1>\n"
struct HTMLRenderer: CommonMarkHTMLRendering {
  var html = ""
  var sourcePositions: Bool
}

/// A link or image destination as cmark writes it into `href` or `src`: empty when it is
/// dangerous (`javascript:`, `vbscript:`, `file:`, or `data:` other than PNG, GIF, JPEG or
/// WebP images; case-insensitive), otherwise URL-escaped (``String/hrefEscaped``).
func safeHref(_ destination: String) -> String {
  let lowercased = destination.lowercased()
  let safeImages = ["png", "gif", "jpeg", "webp"].map { "data:image/" + $0 }
  let isDangerous =
    ["javascript:", "vbscript:", "file:", "data:"].contains { lowercased.hasPrefix($0) }
    && !safeImages.contains { lowercased.hasPrefix($0) }
  return isDangerous ? "" : destination.hrefEscaped
}

/// cmark's `cmark_isspace`: space, tab, line feed, vertical tab, form feed, carriage return.
private func isCmarkSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || (0x09...0x0D).contains(byte)
}
