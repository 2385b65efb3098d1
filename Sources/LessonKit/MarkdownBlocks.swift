// The blocks of a Markdown document in document order, flattened from the tree for the lesson
// reader (LessonReader.swift), which looks at blocks and their siblings, not at inline markup.

/// A block of a Markdown document as cmark parsed it.
///
/// Lines and columns are cmark's: 1-based, columns counted in bytes of the line (a leading BOM
/// is not counted).
struct MarkdownBlock: Sendable, Equatable {
  /// The kinds of block the lesson reader tells apart.
  enum Kind: Sendable, Equatable {
    /// A heading (`#` or underlined) of the given level.
    case heading(level: Int)
    /// A paragraph.
    case paragraph
    /// A fenced or indented code block (cmark does not say which).
    case codeBlock
    /// An item of a list: its number when the list is ordered (the list's start plus the
    /// item's position), else `nil`.
    case listItem(number: Int?)
    /// Any other block (lists, block quotes, HTML, thematic breaks).
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
  /// Plain text for headings and paragraphs (``MarkdownNode/plainText``), the literal body for
  /// code blocks, else empty.
  var text: String
  /// The info string of a code block, else empty.
  var info: String
  /// The index (in the array `markdownBlocks(in:)` returns) of the next block with the same
  /// parent, or `nil` when this block is its parent's last child.
  var nextSibling: Int?
  /// The index of the block that contains this one, or `nil` for a child of the document.
  var parent: Int? = nil
}

/// Parses Markdown with cmark and returns its blocks in document order (pre-order). The
/// document node itself is left out.
///
/// - Parameter markdown: The Markdown source (UTF-8; a leading BOM is allowed).
/// - Complexity: O(*n*) in the length of `markdown`.
func markdownBlocks(in markdown: String) -> [MarkdownBlock] {
  var blocks: [MarkdownBlock] = []
  func append(_ node: MarkdownNode, depth: Int, parent: Int?) {
    var previous: Int?
    var itemNumber: Int?
    if case .list(let start?, _) = node.kind { itemNumber = start }
    for child in node.children where child.isBlock {
      let index = blocks.count
      if let previous { blocks[previous].nextSibling = index }
      previous = index
      var block = MarkdownBlock(
        kind: .other, depth: depth, startLine: child.start.line,
        startColumn: child.start.column, endLine: child.end.line, text: "", info: "",
        nextSibling: nil, parent: parent)
      switch child.kind {
      case .heading(let level):
        block.kind = .heading(level: level)
        block.text = child.plainText
      case .paragraph:
        block.kind = .paragraph
        block.text = child.plainText
      case .codeBlock(let info, let code):
        block.kind = .codeBlock
        block.text = code
        block.info = info
      case .item:
        block.kind = .listItem(number: itemNumber)
        itemNumber = itemNumber.map { $0 + 1 }
      default:
        break
      }
      blocks.append(block)
      append(child, depth: depth + 1, parent: index)
    }
  }
  append(parseMarkdown(markdown), depth: 1, parent: nil)
  return blocks
}
