// The only file that talks to the C library cmark. No C pointer leaves it; everything cmark
// allocates is freed before a function returns.

import CCmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders CommonMark to HTML with cmark's own renderer. The site does not use it (it renders
/// the Swift tree, HTMLRenderer.swift); it is the reference the tests hold that renderer to.
///
/// - Parameters:
///   - markdown: The Markdown source (UTF-8; a leading BOM is allowed).
///   - sourcePositions: When `true`, block elements carry `data-sourcepos="L:C-L:C"` attributes
///     (1-based lines of `markdown`).
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

/// Parses Markdown with cmark and copies the whole tree into Swift values; everything cmark
/// allocated is freed before this function returns.
///
/// Debian 12's cmark (0.30.2) has no `cmark_node_get_fencing`, so whether a code block is
/// fenced, and its fence, are read from the source at the block's start (LessonReader.swift).
///
/// - Parameter markdown: The Markdown source (UTF-8; a leading BOM is allowed).
/// - Returns: The document node.
/// - Complexity: O(*n*) in the length of `markdown`.
func parseMarkdown(_ markdown: String) -> MarkdownNode {
  var source = markdown
  let empty = MarkdownNode(
    kind: .document, start: SourcePosition(line: 1, column: 1),
    end: SourcePosition(line: 0, column: 0))
  return source.withUTF8 { bytes -> MarkdownNode in
    let parsed = bytes.withMemoryRebound(to: CChar.self) { chars in
      cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
    }
    guard let document = parsed else { return empty }
    defer { cmark_node_free(document) }
    guard let iterator = cmark_iter_new(document) else { return empty }
    defer { cmark_iter_free(iterator) }

    // Nodes whose children are still being read; the last one is the current parent.
    var open: [MarkdownNode] = []
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let pointer = cmark_iter_get_node(iterator) else { continue }
      if event == CMARK_EVENT_EXIT {
        let finished = open.removeLast()
        if open.isEmpty { return finished }
        open[open.count - 1].children.append(finished)
        continue
      }
      let node = markdownNode(copying: pointer)
      if isContainer(cmark_node_get_type(pointer)) {
        open.append(node)
      } else {
        // A leaf gets an enter event only.
        open[open.count - 1].children.append(node)
      }
    }
    return open.first ?? empty
  }
}

/// Whether cmark reports an exit event for nodes of `type` (it does for every node that may
/// have children, even when it has none).
private func isContainer(_ type: cmark_node_type) -> Bool {
  switch type {
  case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
    CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CUSTOM_INLINE,
    CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
    return true
  default:
    return false
  }
}

/// One cmark node as a Swift value, without its children.
private func markdownNode(copying node: OpaquePointer) -> MarkdownNode {
  func string(_ text: UnsafePointer<CChar>?) -> String { text.map { String(cString: $0) } ?? "" }
  let literal = string(cmark_node_get_literal(node))
  let kind: MarkdownNode.Kind
  switch cmark_node_get_type(node) {
  case CMARK_NODE_DOCUMENT: kind = .document
  case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
  case CMARK_NODE_LIST:
    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
    kind = .list(
      start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
      tight: cmark_node_get_list_tight(node) != 0)
  case CMARK_NODE_ITEM: kind = .item
  case CMARK_NODE_CODE_BLOCK:
    kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal)
  case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(literal)
  case CMARK_NODE_PARAGRAPH: kind = .paragraph
  case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
  case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
  case CMARK_NODE_TEXT: kind = .text(literal)
  case CMARK_NODE_SOFTBREAK: kind = .softBreak
  case CMARK_NODE_LINEBREAK: kind = .lineBreak
  case CMARK_NODE_CODE: kind = .code(literal)
  case CMARK_NODE_HTML_INLINE: kind = .inlineHTML(literal)
  case CMARK_NODE_EMPH: kind = .emphasis
  case CMARK_NODE_STRONG: kind = .strong
  case CMARK_NODE_LINK:
    kind = .link(
      destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
  case CMARK_NODE_IMAGE:
    kind = .image(
      source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
  default:
    // Custom nodes: cmark's parser never makes them.
    kind = .text(literal)
  }
  return MarkdownNode(
    kind: kind,
    start: SourcePosition(
      line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
    end: SourcePosition(
      line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))))
}
