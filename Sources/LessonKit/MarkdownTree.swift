// The Markdown tree the site is rendered from: cmark's parse (CmarkReader.swift), copied into
// Swift values at once, plus the math nodes the site adds (SiteMath.swift). Visitors walk it
// with one `visitX` method per kind of node, as swift-markdown's do.

/// A place in a Markdown source: a 1-based line and a 1-based byte column, as cmark counts
/// them (a leading byte-order mark is not counted).
struct SourcePosition: Sendable, Equatable {
  /// The line, from 1.
  var line: Int
  /// The byte column, from 1 (0 where cmark reports none, e.g. for most inline nodes).
  var column: Int
}

/// One node of a Markdown document: what it is, its children, and where it stands in the source.
///
/// Block nodes carry cmark's source positions (`data-sourcepos` in cmark's HTML); inline
/// nodes carry whatever cmark reports for them and are rendered without positions.
struct MarkdownNode: Sendable, Equatable {
  /// The kinds of node: CommonMark's (named as cmark names them), and ``Kind/math(_:)`` and
  /// ``Kind/literalDollar``, which cmark never produces and the site adds.
  enum Kind: Sendable, Equatable {
    /// The whole document.
    case document
    /// A block quote.
    case blockQuote
    /// A bullet list (`start == nil`) or an ordered one starting at `start`; `tight` when no
    /// blank line separates its items (their paragraphs are then rendered without `<p>`).
    case list(start: Int?, tight: Bool)
    /// A list item.
    case item
    /// A fenced or indented code block: its info string (empty for an indented block) and
    /// its literal body.
    case codeBlock(info: String, code: String)
    /// A block of raw HTML, as written.
    case htmlBlock(String)
    /// A paragraph.
    case paragraph
    /// A heading of level 1 to 6.
    case heading(level: Int)
    /// A thematic break (`---`).
    case thematicBreak
    /// Text, with entities and backslash escapes already resolved.
    case text(String)
    /// A line break inside a paragraph that is not a hard break.
    case softBreak
    /// A hard line break (two spaces or a backslash at the end of a line).
    case lineBreak
    /// A code span's literal text.
    case code(String)
    /// Raw inline HTML, as written.
    case inlineHTML(String)
    /// Emphasis (`*a*`).
    case emphasis
    /// Strong emphasis (`**a**`).
    case strong
    /// A link, with its destination and title (empty when there is none).
    case link(destination: String, title: String)
    /// An image; its children are the alternative text.
    case image(source: String, title: String)
    /// TeX math with its delimiters (`$x_1$`, `$$\sum_i x_i$$`), as written in the lesson.
    case math(String)
    /// A dollar written `\$`: text that must never pair with another dollar as math.
    case literalDollar
  }

  /// What the node is.
  var kind: Kind
  /// The node's children, in order.
  var children: [MarkdownNode] = []
  /// Where the node starts.
  var start: SourcePosition
  /// Where the node ends (its last byte).
  var end: SourcePosition

  /// Whether the node is a block (it may hold blocks or inline nodes, and stands on lines of
  /// its own).
  var isBlock: Bool {
    switch kind {
    case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
      .thematicBreak:
      return true
    default:
      return false
    }
  }

  /// The node's text without markup: text, code spans and math as written, line breaks as
  /// single spaces, raw HTML left out.
  ///
  ///     // `# Why *$x_1$*?` → "Why $x_1$?"
  var plainText: String {
    var text = ""
    appendPlainText(to: &text)
    return text
  }

  private func appendPlainText(to text: inout String) {
    switch kind {
    case .text(let literal), .code(let literal), .math(let literal): text += literal
    case .literalDollar: text += "$"
    case .softBreak, .lineBreak: text += " "
    default: for child in children { child.appendPlainText(to: &text) }
    }
  }
}

/// A walk over a ``MarkdownNode`` tree: ``visit(_:)`` calls the `visitX` method of the node's
/// kind, whose default calls ``defaultVisit(_:)``. A visitor implements the methods of the
/// kinds it treats specially and walks the children itself where it wants to.
///
///     struct HeadingCounter: MarkdownVisitor {
///       var count = 0
///       mutating func defaultVisit(_ node: MarkdownNode) { node.children.forEach { visit($0) } }
///       mutating func visitHeading(_ heading: MarkdownNode, level: Int) { count += 1 }
///     }
protocol MarkdownVisitor {
  /// What each visit returns.
  associatedtype Result

  /// What every `visitX` method does unless the visitor implements it.
  mutating func defaultVisit(_ node: MarkdownNode) -> Result

  /// Visits the document node.
  mutating func visitDocument(_ document: MarkdownNode) -> Result
  /// Visits a block quote.
  mutating func visitBlockQuote(_ blockQuote: MarkdownNode) -> Result
  /// Visits a list; `start` is `nil` for a bullet list.
  mutating func visitList(_ list: MarkdownNode, start: Int?, tight: Bool) -> Result
  /// Visits a list item.
  mutating func visitItem(_ item: MarkdownNode) -> Result
  /// Visits a fenced or indented code block.
  mutating func visitCodeBlock(_ codeBlock: MarkdownNode, info: String, code: String) -> Result
  /// Visits a block of raw HTML.
  mutating func visitHTMLBlock(_ htmlBlock: MarkdownNode, html: String) -> Result
  /// Visits a paragraph.
  mutating func visitParagraph(_ paragraph: MarkdownNode) -> Result
  /// Visits a heading.
  mutating func visitHeading(_ heading: MarkdownNode, level: Int) -> Result
  /// Visits a thematic break.
  mutating func visitThematicBreak(_ thematicBreak: MarkdownNode) -> Result
  /// Visits text.
  mutating func visitText(_ text: MarkdownNode, literal: String) -> Result
  /// Visits a soft line break.
  mutating func visitSoftBreak(_ softBreak: MarkdownNode) -> Result
  /// Visits a hard line break.
  mutating func visitLineBreak(_ lineBreak: MarkdownNode) -> Result
  /// Visits a code span.
  mutating func visitInlineCode(_ inlineCode: MarkdownNode, code: String) -> Result
  /// Visits raw inline HTML.
  mutating func visitInlineHTML(_ inlineHTML: MarkdownNode, html: String) -> Result
  /// Visits emphasis.
  mutating func visitEmphasis(_ emphasis: MarkdownNode) -> Result
  /// Visits strong emphasis.
  mutating func visitStrong(_ strong: MarkdownNode) -> Result
  /// Visits a link.
  mutating func visitLink(_ link: MarkdownNode, destination: String, title: String) -> Result
  /// Visits an image.
  mutating func visitImage(_ image: MarkdownNode, source: String, title: String) -> Result
  /// Visits math.
  mutating func visitMath(_ math: MarkdownNode, tex: String) -> Result
  /// Visits an escaped dollar.
  mutating func visitLiteralDollar(_ dollar: MarkdownNode) -> Result
}

extension MarkdownVisitor {
  /// Visits `node` with the `visitX` method of its kind.
  mutating func visit(_ node: MarkdownNode) -> Result {
    switch node.kind {
    case .document: return visitDocument(node)
    case .blockQuote: return visitBlockQuote(node)
    case .list(let start, let tight): return visitList(node, start: start, tight: tight)
    case .item: return visitItem(node)
    case .codeBlock(let info, let code): return visitCodeBlock(node, info: info, code: code)
    case .htmlBlock(let html): return visitHTMLBlock(node, html: html)
    case .paragraph: return visitParagraph(node)
    case .heading(let level): return visitHeading(node, level: level)
    case .thematicBreak: return visitThematicBreak(node)
    case .text(let literal): return visitText(node, literal: literal)
    case .softBreak: return visitSoftBreak(node)
    case .lineBreak: return visitLineBreak(node)
    case .code(let code): return visitInlineCode(node, code: code)
    case .inlineHTML(let html): return visitInlineHTML(node, html: html)
    case .emphasis: return visitEmphasis(node)
    case .strong: return visitStrong(node)
    case .link(let destination, let title):
      return visitLink(node, destination: destination, title: title)
    case .image(let source, let title): return visitImage(node, source: source, title: title)
    case .math(let tex): return visitMath(node, tex: tex)
    case .literalDollar: return visitLiteralDollar(node)
    }
  }

  mutating func visitDocument(_ document: MarkdownNode) -> Result { defaultVisit(document) }
  mutating func visitBlockQuote(_ blockQuote: MarkdownNode) -> Result { defaultVisit(blockQuote) }
  mutating func visitList(_ list: MarkdownNode, start: Int?, tight: Bool) -> Result {
    defaultVisit(list)
  }
  mutating func visitItem(_ item: MarkdownNode) -> Result { defaultVisit(item) }
  mutating func visitCodeBlock(_ codeBlock: MarkdownNode, info: String, code: String) -> Result {
    defaultVisit(codeBlock)
  }
  mutating func visitHTMLBlock(_ htmlBlock: MarkdownNode, html: String) -> Result {
    defaultVisit(htmlBlock)
  }
  mutating func visitParagraph(_ paragraph: MarkdownNode) -> Result { defaultVisit(paragraph) }
  mutating func visitHeading(_ heading: MarkdownNode, level: Int) -> Result {
    defaultVisit(heading)
  }
  mutating func visitThematicBreak(_ thematicBreak: MarkdownNode) -> Result {
    defaultVisit(thematicBreak)
  }
  mutating func visitText(_ text: MarkdownNode, literal: String) -> Result { defaultVisit(text) }
  mutating func visitSoftBreak(_ softBreak: MarkdownNode) -> Result { defaultVisit(softBreak) }
  mutating func visitLineBreak(_ lineBreak: MarkdownNode) -> Result { defaultVisit(lineBreak) }
  mutating func visitInlineCode(_ inlineCode: MarkdownNode, code: String) -> Result {
    defaultVisit(inlineCode)
  }
  mutating func visitInlineHTML(_ inlineHTML: MarkdownNode, html: String) -> Result {
    defaultVisit(inlineHTML)
  }
  mutating func visitEmphasis(_ emphasis: MarkdownNode) -> Result { defaultVisit(emphasis) }
  mutating func visitStrong(_ strong: MarkdownNode) -> Result { defaultVisit(strong) }
  mutating func visitLink(_ link: MarkdownNode, destination: String, title: String) -> Result {
    defaultVisit(link)
  }
  mutating func visitImage(_ image: MarkdownNode, source: String, title: String) -> Result {
    defaultVisit(image)
  }
  mutating func visitMath(_ math: MarkdownNode, tex: String) -> Result { defaultVisit(math) }
  mutating func visitLiteralDollar(_ dollar: MarkdownNode) -> Result { defaultVisit(dollar) }
}
