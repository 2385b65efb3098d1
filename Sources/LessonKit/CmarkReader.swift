// The only file that talks to the C library cmark. No C pointer leaves it; everything cmark
// allocates is freed before a function returns.

import CCmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders CommonMark to HTML with cmark.
///
/// - Parameters:
///   - markdown: The Markdown source (UTF-8; a leading BOM is allowed).
///   - sourcePositions: When `true`, block elements carry `data-sourcepos="L:C-L:C"` attributes
///     (1-based lines of `markdown`), which the site renderer uses to place outputs and figures.
///   - allowRawHTML: When `false` (the default), raw HTML in the Markdown is replaced by a comment,
///     as cmark does in its safe mode.
/// - Returns: The HTML fragment for the document body.
public func cmarkHTML(
  _ markdown: String, sourcePositions: Bool = false, allowRawHTML: Bool = false
) -> String {
  var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
  if sourcePositions { options |= CMARK_OPT_SOURCEPOS }
  if allowRawHTML { options |= CMARK_OPT_UNSAFE }
  var source = markdown
  return source.withUTF8 { bytes -> String in
    let raw = bytes.withMemoryRebound(to: CChar.self) { chars in
      cmark_markdown_to_html(chars.baseAddress, chars.count, options)
    }
    guard let raw else { return "" }
    defer { free(raw) }
    return String(cString: raw)
  }
}

/// A block of a Markdown document as cmark parsed it, copied into Swift values.
///
/// Lines and columns are cmark's: 1-based, columns counted in bytes of the line (a leading BOM
/// is not counted). Debian 12's cmark (0.30.2) has no `cmark_node_get_fencing`, so whether a
/// code block is fenced, and its fence, are read from the source at the block's start
/// (LessonReader.swift).
struct MarkdownBlock: Sendable, Equatable {
  /// The kinds of block the lesson reader tells apart.
  enum Kind: Sendable, Equatable {
    /// A heading (`#` or underlined) of the given level.
    case heading(level: Int)
    /// A paragraph.
    case paragraph
    /// A fenced or indented code block (cmark does not say which).
    case codeBlock
    /// Any other block (lists, items, block quotes, HTML, thematic breaks).
    case other
  }

  /// What the block is.
  var kind: Kind
  /// How deep the block is nested: 1 for a child of the document.
  var depth: Int
  /// The line the block starts on.
  var startLine: Int
  /// The byte column the block starts at (for a fenced code block, its fence's first character).
  var startColumn: Int
  /// The line the block ends on (for a fenced code block, its closing fence when it has one).
  var endLine: Int
  /// Plain text for headings and paragraphs, the literal body for code blocks, else empty.
  var text: String
  /// The info string of a code block, else empty.
  var info: String
  /// The index (in the array `markdownBlocks(in:)` returns) of the next block with the same
  /// parent, or `nil` when this block is its parent's last child.
  var nextSibling: Int?
}

/// Parses Markdown with cmark and returns its blocks in document order (pre-order), as Swift
/// values. The document node itself is left out.
///
/// - Parameter markdown: The Markdown source (UTF-8; a leading BOM is allowed).
/// - Complexity: O(*n*) in the length of `markdown`.
func markdownBlocks(in markdown: String) -> [MarkdownBlock] {
  var source = markdown
  return source.withUTF8 { bytes -> [MarkdownBlock] in
    let parsed = bytes.withMemoryRebound(to: CChar.self) { chars in
      cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
    }
    guard let document = parsed else { return [] }
    defer { cmark_node_free(document) }
    guard let iterator = cmark_iter_new(document) else { return [] }
    defer { cmark_iter_free(iterator) }

    var blocks: [MarkdownBlock] = []
    var indexOfNode: [OpaquePointer: Int] = [:]
    var nodes: [OpaquePointer] = []
    var depth = 0
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      guard type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue, type != CMARK_NODE_DOCUMENT else {
        continue
      }
      // Leaf blocks (code, HTML, thematic break) get an enter event only.
      let isLeaf =
        type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK
        || type == CMARK_NODE_THEMATIC_BREAK
      if event == CMARK_EVENT_EXIT {
        depth -= 1
        continue
      }
      depth += 1
      let kind: MarkdownBlock.Kind
      var text = ""
      var info = ""
      switch type {
      case CMARK_NODE_HEADING:
        kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        text = plainText(of: node)
      case CMARK_NODE_PARAGRAPH:
        kind = .paragraph
        text = plainText(of: node)
      case CMARK_NODE_CODE_BLOCK:
        kind = .codeBlock
        text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
      default:
        kind = .other
      }
      indexOfNode[node] = blocks.count
      nodes.append(node)
      blocks.append(
        MarkdownBlock(
          kind: kind, depth: depth,
          startLine: Int(cmark_node_get_start_line(node)),
          startColumn: Int(cmark_node_get_start_column(node)),
          endLine: Int(cmark_node_get_end_line(node)),
          text: text, info: info, nextSibling: nil))
      if isLeaf { depth -= 1 }
    }
    for (index, node) in nodes.enumerated() {
      if let next = cmark_node_next(node) {
        blocks[index].nextSibling = indexOfNode[next]
      }
    }
    return blocks
  }
}

/// The text of a heading or paragraph without markup: text and code spans as written, line
/// breaks as single spaces, raw HTML left out.
private func plainText(of block: OpaquePointer) -> String {
  guard let iterator = cmark_iter_new(block) else { return "" }
  defer { cmark_iter_free(iterator) }
  var text = ""
  while true {
    let event = cmark_iter_next(iterator)
    if event == CMARK_EVENT_DONE { break }
    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
    switch cmark_node_get_type(node) {
    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
      if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
      text += " "
    default:
      break
    }
  }
  return text
}
