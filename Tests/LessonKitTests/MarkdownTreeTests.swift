import Testing

@testable import LessonKit

// Positions are read off the fixtures by hand: lines and byte columns from 1.

@Suite("cmark's tree as Swift values")
struct MarkdownTreeTests {
  @Test("Blocks and inlines with their kinds, children and block positions")
  func tree() {
    let document = parseMarkdown(
      "# A *b*\n\n- x\n- [y](z.md \"t\")\n\n```swift hide\nlet q = 1\n```\n")
    #expect(document.kind == .document)
    #expect(document.children.map(\.kind.name) == ["heading", "list", "codeBlock"])
    let heading = document.children[0]
    #expect(heading.kind == .heading(level: 1))
    #expect(heading.children.map(\.kind) == [.text("A "), .emphasis])
    #expect(heading.children[1].children.map(\.kind) == [.text("b")])
    let list = document.children[1]
    #expect(list.kind == .list(start: nil, tight: true))
    #expect(list.start == SourcePosition(line: 3, column: 1))
    // A list followed by a blank line ends at column 0 of that line, as cmark reports it.
    #expect(list.end == SourcePosition(line: 5, column: 0))
    let link = list.children[1].children[0].children[0]
    #expect(link.kind == .link(destination: "z.md", title: "t"))
    #expect(link.children.map(\.kind) == [.text("y")])
    let code = document.children[2]
    #expect(code.kind == .codeBlock(info: "swift hide", code: "let q = 1\n"))
    #expect(code.start == SourcePosition(line: 6, column: 1))
    #expect(code.end == SourcePosition(line: 8, column: 3))
  }

  @Test("Ordered lists keep their start; leaves have no children; empty containers stay")
  func listsAndLeaves() {
    let document = parseMarkdown("3. a\n4. b\n\n---\n\n[](x)\n")
    #expect(document.children[0].kind == .list(start: 3, tight: true))
    #expect(document.children[1].kind == .thematicBreak && document.children[1].children.isEmpty)
    let emptyLink = document.children[2].children[0]
    #expect(emptyLink.kind == .link(destination: "x", title: "") && emptyLink.children.isEmpty)
  }

  @Test("Plain text: text, code and math as written, breaks as spaces, raw HTML left out")
  func plainText() {
    let paragraph = parseMarkdown("Why *`x`*\nand <b>y</b>?\n").children[0]
    #expect(paragraph.plainText == "Why x and y?")
    let math = MarkdownNode(
      kind: .paragraph,
      children: [
        MarkdownNode(
          kind: .text("Why "), start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
        MarkdownNode(
          kind: .math("$x_1$"), start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
      ], start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
    #expect(math.plainText == "Why $x_1$")
  }

  @Test("A visitor sees every node through its visitX method (the doc example)")
  func visitor() {
    struct HeadingCounter: MarkdownVisitor {
      var count = 0
      var texts: [String] = []
      mutating func defaultVisit(_ node: MarkdownNode) {
        for child in node.children { visit(child) }
      }
      mutating func visitHeading(_ heading: MarkdownNode, level: Int) {
        count += 1
        defaultVisit(heading)
      }
      mutating func visitText(_ text: MarkdownNode, literal: String) { texts.append(literal) }
    }
    var counter = HeadingCounter()
    counter.visit(parseMarkdown("# One\n\ntext\n\n## Two\n\n> ### Three\n"))
    #expect(counter.count == 3)
    #expect(counter.texts == ["One", "text", "Two", "Three"])
  }
}

extension MarkdownNode.Kind {
  /// The case's name, for comparing kinds without their payloads.
  fileprivate var name: String {
    String(String(describing: self).prefix { $0.isLetter })
  }
}
