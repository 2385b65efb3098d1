import Testing

@testable import LessonKit

/// `html` without its `data-sourcepos` attributes. Where math stands on a line, cmark counts
/// the columns of the placeholder that stood for it (SiteMath.swift), so the tests of math
/// compare the markup without positions (HTMLRendererTests checks positions against cmark).
private func withoutSourcePositions(_ html: String) -> String {
  html.replacing(#/ data-sourcepos="[0-9:-]*"/#, with: "")
}

/// A lesson's article, rendered from the tree, on tricky Markdown. Every expected fragment is
/// written by hand from the fixture: cmark's markup (source positions as `L:C-L:C` of the
/// fixture's lines and byte columns), the math as written, the snippet markup of SnippetHTML.
@Suite("Lesson pages rendered from the tree")
struct LessonPageRendererTests {
  @Test("Math keeps _, * and \\ in paragraphs, emphasis, links, list items and headings")
  func mathEverywhere() {
    let source = """
      # Why $x_1$?

      Let $a_1 * b_2$ and *around $c_i$* and [see $d_j$](https://example.com).

      - item $e_1 * f_2$
      - $$\\sum_i g_i$$

      Pay \\$5 for $h_{t+1}$.
      """
    let rendered = renderLesson(fixturePage(source))
    #expect(
      withoutSourcePositions(rendered.html) == """
        <h1 id="why-x-1">Why $x_1$?</h1>
        <p>Let $a_1 * b_2$ and <em>around $c_i$</em> and \
        <a href="https://example.com">see $d_j$</a>.</p>
        <ul>
        <li>item $e_1 * f_2$</li>
        <li>$$\\sum_i g_i$$</li>
        </ul>
        <p>Pay <span class="dollar">$</span>5 for $h_{t+1}$.</p>

        """)
    #expect(rendered.headings == [SiteHeading(level: 1, id: "why-x-1", html: "Why $x_1$?")])
  }

  @Test("A display span over several lines, in a list item, keeps its lines and its item")
  func multiLineMathInAList() {
    let source = "- first\n- $$\n  a_1 +\n  b_2\n  $$ after\n"
    let html = withoutSourcePositions(renderLesson(fixturePage(source)).html)
    #expect(html == "<ul>\n<li>first</li>\n<li>$$\n  a_1 +\n  b_2\n  $$ after</li>\n</ul>\n")
  }

  @Test("Snippets in nested lists replace their code blocks; outputs and hidden ones vanish")
  func nestedListsWithCode() {
    let source = """
      - outer

        1. inner with a snippet:

           ```swift
           print("hi")
           ```

           ```output
           hi
           ```
        2. inner with a hidden one:
           ```swift hide
           let x = 1
           ```
        3. and plain code:
           ```text
           a < b
           ```
      """
    let html = renderLesson(fixturePage(source)).html
    #expect(
      html == """
        <ul data-sourcepos="1:1-19:8">
        <li data-sourcepos="1:1-19:8">
        <p data-sourcepos="1:3-1:7">outer</p>
        <ol data-sourcepos="3:3-19:8">
        <li data-sourcepos="3:3-11:8">
        <p data-sourcepos="3:6-3:26">inner with a snippet:</p>
        <div class="snippet" id="snippet-1"><pre class="code"><code class="language-swift">\
        print(<span class="str">&quot;hi&quot;</span>)
        </code></pre></div>
        <div class="output"><pre><samp>hi
        </samp></pre></div>
        </li>
        <li data-sourcepos="12:3-15:8">
        <p data-sourcepos="12:6-12:29">inner with a hidden one:</p>
        </li>
        <li data-sourcepos="16:3-19:8">
        <p data-sourcepos="16:6-16:20">and plain code:</p>
        <pre data-sourcepos="17:6-19:8"><code class="language-text">a &lt; b
        </code></pre>
        </li>
        </ol>
        </li>
        </ul>

        """)
  }

  @Test("HTML blocks and inline HTML are omitted, as cmark's safe mode does")
  func htmlBlocks() {
    let source = "<div class=\"x\">\n$m_1$ <b>bold</b>\n</div>\n\nText <span>in</span> $n_2$.\n"
    let html = withoutSourcePositions(renderLesson(fixturePage(source)).html)
    #expect(
      html == """
        <!-- raw HTML omitted -->
        <p>Text <!-- raw HTML omitted -->in<!-- raw HTML omitted --> \
        $n_2$.</p>

        """)
  }

  @Test("Headings get ids from their text, unique on the page, and an anchor below the title")
  func headingIDs() {
    let source = """
      # Title

      ## Adam & `AMSGrad`

      ## Adam & `AMSGrad`

      ### Why $\\beta_2$? ![icon](i.png)

      Setext *two*
      ------------
      """
    let rendered = renderLesson(fixturePage(source))
    let html = withoutSourcePositions(rendered.html)
    let anchor = { (id: String) in
      " <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>"
    }
    // The title's line has no math: its position is cmark's, read off the fixture.
    #expect(rendered.html.contains("<h1 id=\"title\" data-sourcepos=\"1:1-1:7\">Title</h1>\n"))
    #expect(
      html.contains(
        "<h2 id=\"adam-amsgrad\">Adam &amp; <code>AMSGrad</code>" + anchor("adam-amsgrad")
          + "</h2>\n<h2 id=\"adam-amsgrad-2\">"))
    #expect(
      html.contains(
        "<h3 id=\"why-beta-2\">Why $\\beta_2$? "
          + "<img src=\"i.png\" alt=\"icon\" />" + anchor("why-beta-2") + "</h3>\n"))
    #expect(
      rendered.headings.map(\.id) == [
        "title", "adam-amsgrad", "adam-amsgrad-2", "why-beta-2", "setext-two",
      ])
    #expect(rendered.headings.map(\.level) == [1, 2, 2, 3, 2])
    #expect(rendered.headings[4].html == "Setext <em>two</em>")
  }

  @Test("Links to lessons point at their pages; other .md links warn; URLs stay as they are")
  func linksBetweenLessons() {
    let source = """
      # Links

      [next](02-momentum.md#update), [up](../Lessons/02-momentum.md), [ref][r],
      [missing](notes.md), [web](https://example.com/x.md), <https://example.com/y.md>,
      [image link ![x](02-momentum.md)](02-momentum.md "Momentum").

      ## See [momentum](02-momentum.md)

      [r]: ./02-momentum.md
      """
    let rendered = renderLesson(
      fixturePage(source, path: "Lessons/01-links.md"),
      lessonPages: ["02-momentum.md": "02-momentum.html"])
    #expect(
      rendered.html.contains(
        """
        <a href="02-momentum.html#update">next</a>, <a href="02-momentum.html">up</a>, \
        <a href="02-momentum.html">ref</a>,
        <a href="notes.md">missing</a>, <a href="https://example.com/x.md">web</a>, \
        <a href="https://example.com/y.md">https://example.com/y.md</a>,
        <a href="02-momentum.html" title="Momentum">image link \
        <img src="02-momentum.md" alt="x" /></a>.</p>
        """))
    #expect(rendered.headings.last?.html == "See <a href=\"02-momentum.html\">momentum</a>")
    #expect(
      rendered.warnings == [
        "Lessons/01-links.md: links to notes.md, which is not a lesson of the course"
      ])
  }
}
