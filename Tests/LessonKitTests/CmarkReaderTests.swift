import Testing

@testable import LessonKit

// Expected positions are read off the fixtures by hand: lines and byte columns from 1.

@Test("cmark blocks come in document order with their lines, columns and nesting")
func blocksInDocumentOrder() {
  let markdown = """
    # Title *here*

    Some `code` and
    a break.

    - item

      ```swift
      x
      ```

    > quoted
    """
  let blocks = markdownBlocks(in: markdown)
  #expect(
    blocks.map(\.kind) == [
      .heading(level: 1), .paragraph, .other, .listItem(number: nil), .paragraph, .codeBlock,
      .other, .paragraph,
    ])
  #expect(blocks.map(\.depth) == [1, 1, 1, 2, 3, 3, 1, 2])
  // The list holds the item, which holds the paragraph and the code block.
  #expect(blocks.map(\.parent) == [nil, nil, nil, 2, 3, 3, nil, 6])
  #expect(blocks[0].text == "Title here")
  #expect(blocks[1].text == "Some code and a break.")
  #expect(blocks[5].startLine == 8)
  #expect(blocks[5].startColumn == 3)
  #expect(blocks[5].endLine == 10)
  #expect(blocks[5].info == "swift")
  #expect(blocks[5].text == "x\n")
}

@Test("items of an ordered list are numbered from its start")
func orderedItems() {
  let blocks = markdownBlocks(in: "3. three\n4. four\n\n- bullet\n")
  #expect(
    blocks.map(\.kind) == [
      .other, .listItem(number: 3), .paragraph, .listItem(number: 4), .paragraph, .other,
      .listItem(number: nil), .paragraph,
    ])
}

@Test("next siblings link blocks with the same parent only")
func nextSiblings() {
  let markdown = "# A\n\n- one\n- two\n\ntext\n"
  let blocks = markdownBlocks(in: markdown)
  // heading, list, item, paragraph, item, paragraph, paragraph
  #expect(blocks.count == 7)
  #expect(blocks[0].nextSibling == 1)
  #expect(blocks[1].nextSibling == 6)
  #expect(blocks[2].nextSibling == 4)
  #expect(blocks[3].nextSibling == nil)
  #expect(blocks[6].nextSibling == nil)
}

@Test("an indented code block is a code block without info")
func indentedCodeBlock() {
  let blocks = markdownBlocks(in: "text\n\n    let x = 1\n")
  #expect(blocks.count == 2)
  #expect(blocks[1].kind == .codeBlock)
  #expect(blocks[1].info == "")
  #expect(blocks[1].text == "let x = 1\n")
  #expect(blocks[1].startColumn == 5)
}

@Test("HTML rendering escapes raw HTML by default and can carry source positions")
func htmlRendering() {
  #expect(cmarkHTML("# Hi\n") == "<h1>Hi</h1>\n")
  #expect(cmarkHTML("<div>x</div>\n") == "<!-- raw HTML omitted -->\n")
  #expect(cmarkHTML("<div>x</div>\n", allowRawHTML: true) == "<div>x</div>\n")
  #expect(cmarkHTML("a\n", sourcePositions: true) == "<p data-sourcepos=\"1:1-1:1\">a</p>\n")
}
