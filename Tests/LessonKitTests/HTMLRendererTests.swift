import Foundation
import Testing

@testable import LessonKit

/// The Swift tree rendered by `HTMLRenderer` against cmark's own HTML renderer (`cmarkHTML`,
/// an independent implementation in C): for plain CommonMark they must agree byte for byte,
/// with and without source positions.
@Suite("HTML from the Markdown tree")
struct HTMLRendererTests {
  /// Documents that exercise every kind of node and the places cmark's output is subtle.
  static let documents: [String] = [
    "# Title *with* `code`\n\nSetext\n======\n\nSub\n---\n",
    "A paragraph with *emphasis*, __strong__, ***both***, `a``b`, ``a ` b`` and a\\*star.\n",
    "Entities &amp; &copy; &#x41; &#65; &bogus; and < > \" ' quotes.\n",
    "Hard break  \nand backslash\\\nand soft\nbreak.\n",
    "1. one\n2. two\n\n3) three\n",
    "3. starts at three\n4. four\n",
    "- tight\n- list\n\n* loose\n\n* list\n",
    "- item with code\n  ```swift norun\n  let x = 1\n  ```\n  - nested\n    ~~~text\n    deep\n    ~~~\n",
    "- a\n\n  second paragraph\n- b\n  > quoted\n  > more\n",
    "-\n  code after an empty first line\n-   \n- c\n",
    "> quote with *emphasis*\n>\n> > nested\n>\n> ```\n> code in quote\n> ```\n",
    "<div class=\"x\">\n<p>raw</p>\n</div>\n\n<!-- comment -->\n\nInline <span>html</span> and <br>.\n",
    "<details>\n<summary>More</summary>\n\nInside *details*.\n\n</details>\n",
    "[link](a.md \"Title & 'quote'\") [empty]() [ref][r] <https://example.com/a b>\n\n[r]: /u?x=1&y=2 'T'\n",
    "[js](javascript:alert(1)) [JS](JaVaScRiPt:x) [vb](vbscript:x) [file](file:///etc)\n",
    "![png](data:image/png;base64,AAA) ![svg](data:image/svg+xml;base64,AAA) [data](data:text/html,x)\n",
    "[unicode](üñí/çødé.md) [space](<a b.md>) [quote](it's.md) [percent](a%20b.md#frag)\n",
    "![alt *emph* `code` <b>html</b>\nline](pic.png \"pic title\") ![](empty.png)\n",
    "Autolinks <http://a.b/c?d=e&f=g> <mailto:x@y.z> <x@y.z>.\n",
    "```\nno info\n```\n\n~~~~python extra words\ntilde ``` inside\n~~~~\n\n    indented\n      more\n",
    "```a&b<c\"d\nescaped info\n```\n\n```\n<script>alert(1)</script>\n```\n",
    "---\n***\n___\n\n- - -\n",
    "Tabs\tin\ttext and\n\tindented code with tab\n",
    "",
    "Just text without a final newline",
    "Ünïcödé — 中文 — emoji 😀 *强调*\n",
    "Line with trailing spaces   \n\n\n\nafter blank lines\n",
    "1. a\n\n   ```\n   code\n   ```\n2. b\n\n   para\n",
    "* [link in list](x.md)\n* **strong** item\n\n# Heading after list\n",
  ]

  @Test("Every document: the tree's HTML equals cmark's, with and without source positions")
  func matchesCmark() {
    for document in Self.documents {
      for positions in [false, true] {
        var renderer = HTMLRenderer(sourcePositions: positions)
        renderer.visit(parseMarkdown(document))
        #expect(
          renderer.html == cmarkHTML(document, sourcePositions: positions),
          "\(document.debugDescription) with source positions: \(positions)")
      }
    }
  }

  @Test("The course's lessons and the fixtures: the tree's HTML equals cmark's")
  func lessonsMatchCmark() throws {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let paths =
      try LessonCatalog.lessonPaths(packageDirectory: root)
      + LessonCatalog.lessonPaths(inFolder: "Tests/LessonFixtures/Lessons", packageDirectory: root)
      + ["README.md"]
    #expect(paths.count > 10)
    for path in paths {
      let text = try String(contentsOf: root.appending(path: path), encoding: .utf8)
      var renderer = HTMLRenderer(sourcePositions: true)
      renderer.visit(parseMarkdown(text))
      #expect(renderer.html == cmarkHTML(text, sourcePositions: true), "\(path)")
    }
  }

  @Test("Escaping: the doc-comment examples")
  func escaping() {
    #expect("it's <b>".cmarkEscaped == "it's &lt;b&gt;")
    #expect("a \"b\" & c".cmarkEscaped == "a &quot;b&quot; &amp; c")
    #expect("a b/ü?x=1&y='2'".hrefEscaped == "a%20b/%C3%BC?x=1&amp;y=&#x27;2&#x27;")
    #expect(safeHref("JavaScript:alert(1)") == "")
    #expect(safeHref("data:image/webp;base64,AA") == "data:image/webp;base64,AA")
    #expect(safeHref("https://example.com/a b") == "https://example.com/a%20b")
  }
}
