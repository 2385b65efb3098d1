import Testing

@testable import LessonKit

/// Markdown → protected Markdown → cmark's tree → math resolved → HTML, as a lesson page does
/// it.
private func renderedWithMath(_ markdown: String) -> String {
  markdownHTML(markdown)
}

@Suite struct SiteMathTests {
  // Expected HTML is written by hand: cmark's paragraph markup around the math as written.

  /// Found by the fuzzer (Tools/fuzz/regressions/math-crlf-blank-line): the scanner ended lines
  /// only at `\n`, so a line holding only `\r` was not blank to it and lone-CR files had one
  /// line for cmark's many. A backtick run then paired with one two lines down, across the
  /// blank line, the `$$` inside the real code span became math, and the page lost a snippet.
  @Test func linesEndAsInCommonMark() {
    // Line 1's ``` is not closed before the blank line; line 3's code span holds `$$`.
    let text = "a ```b\r\n\r\n```c $$```\r\nd$$\r\n"
    #expect(protectMath(in: text).spans == [])
    #expect(protectMath(in: text).markdown == text)
    // Lone CRs: lines 1-3 are a code block (left alone), line 4 holds math.
    #expect(protectMath(in: "```\r$a$\r```\r$b$").markdown == "```\r$a$\r```\rDSCNTMATH0X")
    // A display span over a lone-CR line break keeps it, so cmark sees the same lines.
    #expect(protectMath(in: "$$a\rb$$").markdown == "DSCNTMATH0X\rDSCNTMATHCX")
    #expect(protectMath(in: "$$a\r\rb$$").spans == [])
  }

  /// Found by the fuzzer (Tools/fuzz/regressions/math-placeholder-opens-fence): the backticks
  /// inside `$$```…$$` kept "````s $$```" from opening a fence; with the span replaced, the
  /// line opened one that swallowed the snippet below. Such a line is now left as it is.
  @Test func placeholdersNeverOpenACodeBlock() {
    let text = "````s $$```\n\\sum$$ text\n\n```swift\nprint(1)\n```\n"
    let protected = protectMath(in: text)
    #expect(protected.markdown == text)
    #expect(protected.spans == [])
    // The snippet is still the only code block, at lines 4 to 6.
    let blocks = parseMarkdown(protected.markdown).children.filter {
      if case .codeBlock = $0.kind { true } else { false }
    }
    #expect(blocks.map(\.start.line) == [4])
    // Math elsewhere on the page is still protected.
    #expect(protectMath(in: text + "\n$a_1$\n").spans == ["$a_1$"])
  }

  @Test func inlineMathKeepsUnderscoresAndAsterisks() {
    let protected = protectMath(in: "Let $a_1 * b_2$ be.")
    #expect(protected.spans == ["$a_1 * b_2$"])
    #expect(!protected.markdown.contains("$"))
    #expect(renderedWithMath("Let $a_1 * b_2$ be.") == "<p>Let $a_1 * b_2$ be.</p>\n")
  }

  @Test func displayMathKeepsBackslashesAndSubscripts() {
    #expect(renderedWithMath("$$\\sum_i x_i^2$$") == "<p>$$\\sum_i x_i^2$$</p>\n")
  }

  @Test func mathThatCmarkAloneWouldMangle() {
    // Without protection cmark reads `*b*` as emphasis and `\{`, `\\` as escapes; this shows
    // the protection is what keeps them.
    let markdown = "See $a*b*c$ and $\\{x\\} \\\\ y$."
    #expect(cmarkHTML(markdown).contains("<em>b</em>"))
    #expect(!cmarkHTML(markdown).contains("\\{"))
    #expect(renderedWithMath(markdown) == "<p>See $a*b*c$ and $\\{x\\} \\\\ y$.</p>\n")
  }

  @Test func htmlInsideMathIsEscaped() {
    #expect(renderedWithMath("If $a<b$ & $c>d$") == "<p>If $a&lt;b$ &amp; $c&gt;d$</p>\n")
  }

  @Test func multiLineDisplayMathKeepsTheLines() {
    let markdown = "Text\n\n$$\n\\frac{a}{b}\n  + c_1\n$$\n\n```swift\nlet x = 1\n```\n"
    let protected = protectMath(in: markdown)
    #expect(protected.spans == ["$$\n\\frac{a}{b}\n  + c_1\n$$"])
    // Same number of lines, so cmark's source positions still point at the lesson's lines.
    #expect(
      protected.markdown.split(separator: "\n", omittingEmptySubsequences: false).count
        == markdown.split(separator: "\n", omittingEmptySubsequences: false).count)
    let html = markdownHTML(markdown, sourcePositions: true)
    #expect(html.contains(">$$\n\\frac{a}{b}\n  + c_1\n$$</p>"))
    #expect(html.contains("<pre data-sourcepos=\"8:1-10:3\"><code class=\"language-swift\">"))
  }

  @Test func codeIsLeftAlone() {
    let markdown = """
      Inline `let price = "$x$"` and ``a $b` $c``.

      ```swift
      let s = "$a_1$ and $$b$$"
      ```

      ~~~
      $y$
      ~~~
      """
    let protected = protectMath(in: markdown)
    #expect(protected.spans.isEmpty)
    #expect(protected.markdown == markdown)
  }

  @Test func codeLinesFromTheLessonAreLeftAlone() {
    // Line 2 is said to be code (as the reader would report an indented fence).
    let protected = protectMath(in: "$a$\n$b$\n$c$", codeLines: [2])
    #expect(protected.spans == ["$a$", "$c$"])
  }

  @Test func dollarsThatAreNotMath() {
    // Pandoc's rule: no space inside the delimiters, no digit right after the closing one.
    for text in ["costs $5 and $6", "a $ b $ c", "from $ 3 to 4$", "$x$2"] {
      #expect(protectMath(in: text).spans.isEmpty, "\(text)")
    }
    // Math does not cross a blank line.
    #expect(protectMath(in: "$a\n\nb$").spans.isEmpty)
    #expect(protectMath(in: "$$a\n\nb$$").spans.isEmpty)
    // A single line break inside a paragraph is fine.
    #expect(protectMath(in: "$a +\nb$").spans == ["$a +\nb$"])
  }

  @Test func escapedDollarCannotPairWithAnother() {
    #expect(
      renderedWithMath("Pay \\$2 or \\$3.")
        == "<p>Pay <span class=\"dollar\">$</span>2 or <span class=\"dollar\">$</span>3.</p>\n")
    // An escaped backslash before a dollar does not escape the dollar.
    #expect(protectMath(in: "\\\\$x$").spans == ["$x$"])
  }

  @Test func mathInEmphasisListsAndHeadings() {
    #expect(renderedWithMath("*about $x_i$*") == "<p><em>about $x_i$</em></p>\n")
    #expect(renderedWithMath("## Why $\\eta_t$?") == "<h2>Why $\\eta_t$?</h2>\n")
    #expect(
      renderedWithMath("- $a_1$\n- $$b_2$$")
        == "<ul>\n<li>$a_1$</li>\n<li>$$b_2$$</li>\n</ul>\n")
  }

  @Test func placeholderWordsInTheTextSurvive() {
    // Text that merely looks like a placeholder prefix is copied as it is.
    #expect(renderedWithMath("DSCNTMATH and DSCNTMATH99X") == "<p>DSCNTMATH and DSCNTMATH99X</p>\n")
  }
}
