import Testing

@testable import LessonKit

/// The position of `needle` in `html`, or `nil`.
private func offset(of needle: String, in html: String) -> Int? {
  html.firstRange(of: needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
}

@Suite struct SitePageTests {
  // Every expectation below is read off the fixture Markdown by hand.

  static let lesson = """
    # Title

    Intro with $x_1$.

    ```swift hide
    let secret = 41
    ```

    ```output
    hidden output
    ```

    ## First

    ```swift
    print("one")
    ```

    ```output
    recorded one
    ```

    ## First

    ```swift
    print(2)
    ```

    ```output
    recorded two
    ```

    ### Deeper

    End.
    """

  @Test func withoutARunTheRecordedOutputsAreShown() {
    let html = renderLesson(fixturePage(Self.lesson)).html
    #expect(html.contains("<div class=\"output\"><pre><samp>recorded one\n</samp></pre></div>"))
    #expect(html.contains("<samp>recorded two\n</samp>"))
    // The recorded output blocks themselves are gone from the prose.
    #expect(!html.contains("language-output"))
  }

  @Test func hiddenSnippetsAndTheirOutputsAreLeftOut() {
    let html = renderLesson(fixturePage(Self.lesson)).html
    #expect(!html.contains("secret"))
    #expect(!html.contains("hidden output"))
    #expect(html.contains("id=\"snippet-2\""))
    #expect(!html.contains("id=\"snippet-1\""))
  }

  @Test func snippetsAreHighlighted() {
    let html = renderLesson(fixturePage(Self.lesson)).html
    #expect(
      html.contains(
        "<pre class=\"code\"><code class=\"language-swift\">print(<span class=\"str\">"
          + "&quot;one&quot;</span>)\n</code></pre>"))
  }

  @Test func theRunsOutputsReplaceTheRecordedOnes() {
    let run = fixtureRun(outputs: [(0, "secret run\n", []), (1, "run one\n", []), (2, "2\n", [])])
    let html = renderLesson(fixturePage(Self.lesson, run: run)).html
    #expect(html.contains("<samp>run one\n</samp>"))
    #expect(html.contains("<samp>2\n</samp>"))
    #expect(!html.contains("recorded"))
    #expect(!html.contains("secret run"))
    // Output comes right after its snippet's code.
    let code = offset(of: "print(<span class=\"num\">2</span>)", in: html)
    let output = offset(of: "<samp>2\n</samp>", in: html)
    #expect(code != nil && output != nil && code! < output!)
  }

  @Test func outputsAndCaptionsAreEscaped() {
    let figure = FigureOutput(svg: fixtureSVG(label: "f"), caption: "<img src=x onerror=alert(1)>")
    let run = fixtureRun(outputs: [
      (0, "", []), (1, "<script>alert(1)</script>\n", [figure]), (2, "a & b\n", []),
    ])
    let html = renderLesson(fixturePage(Self.lesson, run: run)).html
    #expect(html.contains("<samp>&lt;script&gt;alert(1)&lt;/script&gt;\n</samp>"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("<figcaption>&lt;img src=x onerror=alert(1)&gt;</figcaption>"))
    #expect(!html.contains("<img"))
    #expect(html.contains("<samp>a &amp; b\n</samp>"))
  }

  @Test func figuresFollowTheirSnippet() {
    let figure = FigureOutput(svg: fixtureSVG(label: "curve"), caption: "The curve")
    let run = fixtureRun(outputs: [(0, "", []), (1, "one\n", [figure]), (2, "2\n", [])])
    let html = renderLesson(fixturePage(Self.lesson, run: run)).html
    let first = offset(of: "<samp>one\n</samp>", in: html)!
    let svg = offset(of: "<figure class=\"figure\"><div class=\"figure-svg\"><svg ", in: html)
    let second = offset(of: "id=\"snippet-3\"", in: html)!
    #expect(svg != nil && first < svg! && svg! < second)
    #expect(html.contains("<text x=\"20\" y=\"40\">curve</text></svg></div>"))
    #expect(html.contains("<figcaption>The curve</figcaption></figure>"))
    // The XML declaration of the SVG document is not put inside the page.
    #expect(!html.contains("<?xml"))
  }

  @Test func figuresOfHiddenSnippetsAreLeftOut() {
    let figure = FigureOutput(svg: fixtureSVG(label: "setup"), caption: "setup")
    let run = fixtureRun(outputs: [(0, "", [figure]), (1, "one\n", []), (2, "2\n", [])])
    #expect(!renderLesson(fixturePage(Self.lesson, run: run)).html.contains("<figure"))
  }

  @Test func aFigureThatIsNotSVGIsShownAsTextWithAWarning() {
    let figure = FigureOutput(svg: "<script>x</script>", caption: "")
    let run = fixtureRun(outputs: [(0, "", []), (1, "", [figure]), (2, "", [])])
    let rendered = renderLesson(fixturePage(Self.lesson, run: run))
    #expect(rendered.html.contains("<pre>&lt;script&gt;x&lt;/script&gt;</pre>"))
    #expect(rendered.warnings.count == 1)
  }

  @Test func aFailedSnippetShowsTheFailureInPlaceOfItsOutput() {
    let failure = LessonFailure(
      snippetIndex: 1, line: 16, message: "Fatal error: Index out of range <here>")
    let run = fixtureRun(outputs: [(0, "", [])], failure: failure)
    let html = renderLesson(fixturePage(Self.lesson, run: run)).html
    let code = offset(of: "&quot;one&quot;", in: html)!
    let box = offset(of: "<div class=\"failure\" role=\"alert\">", in: html)
    #expect(box != nil && code < box!)
    #expect(html.contains("<code>Lessons/01-test.md:16</code>"))
    #expect(html.contains("<pre>Fatal error: Index out of range &lt;here&gt;</pre>"))
    #expect(!html.contains("recorded one"))
    // The snippet after the failure did not run, and says so.
    #expect(html.contains("Not run: the lesson stopped before this snippet."))
    #expect(html.components(separatedBy: "class=\"failure\"").count == 2)
  }

  @Test func whatAFailedSnippetPrintedComesBeforeTheFailure() {
    let failure = LessonFailure(snippetIndex: 2, line: 26, message: "Fatal error: NaN")
    let run = fixtureRun(
      outputs: [(0, "", []), (1, "one\n", []), (2, "partial\n", [])], failure: failure)
    let html = renderLesson(fixturePage(Self.lesson, run: run)).html
    let partial = offset(of: "<samp>partial\n</samp>", in: html)
    let box = offset(of: "<pre>Fatal error: NaN</pre>", in: html)
    #expect(partial != nil && box != nil && partial! < box!)
  }

  @Test func aFailureInAHiddenSnippetIsStillShown() {
    let failure = LessonFailure(snippetIndex: 0, line: 6, message: "boom")
    let html = renderLesson(
      fixturePage(Self.lesson, run: fixtureRun(outputs: [], failure: failure))
    )
    .html
    #expect(html.contains("<pre>boom</pre>"))
    #expect(!html.contains("secret"))
  }

  @Test func aCompileErrorIsShownAtTheTop() {
    let failure = LessonFailure(snippetIndex: nil, line: 16, message: "error: cannot find 'x'")
    let html = renderLesson(
      fixturePage(Self.lesson, run: fixtureRun(outputs: [], failure: failure))
    )
    .html
    #expect(
      html.hasPrefix(
        "<div class=\"failure\" role=\"alert\"><p><strong>This lesson did not compile."))
    #expect(html.contains("cannot find &#39;x&#39;"))
  }

  @Test func mismatchNotesAreShownEscaped() {
    let page = fixturePage(Self.lesson, mismatches: [2: "- recorded two\n+ <2>"])
    let html = renderLesson(page).html
    #expect(html.contains("<pre>- recorded two\n+ &lt;2&gt;</pre></div>"))
    // It names the line of the recorded output block (line 29 of the fixture).
    #expect(html.contains("(Lessons/01-test.md:29)"))
  }

  @Test func headingsGetUniqueIDs() {
    let rendered = renderLesson(fixturePage(Self.lesson))
    #expect(
      rendered.headings.map(\.id) == ["title", "first", "first-2", "deeper"])
    #expect(rendered.headings.map(\.level) == [1, 2, 2, 3])
    // The title has no link to itself; the table of contents gets the text without the link.
    #expect(rendered.html.contains("<h1 id=\"title\" data-sourcepos=\"1:1-1:7\">Title</h1>"))
    #expect(rendered.headings.map(\.html) == ["Title", "First", "First", "Deeper"])
    #expect(
      rendered.html.contains(
        "<h2 id=\"first-2\" data-sourcepos=\"23:1-23:8\">First <a class=\"anchor\" "
          + "href=\"#first-2\" aria-label=\"Link to this section\">#</a></h2>"))
  }

  @Test func tableOfContentsNestsLevelThreeUnderLevelTwo() {
    let headings = [
      SiteHeading(level: 2, id: "a", html: "A"), SiteHeading(level: 3, id: "b", html: "B"),
      SiteHeading(level: 3, id: "c", html: "C"), SiteHeading(level: 2, id: "d", html: "$d$"),
    ]
    #expect(
      tableOfContents(headings)
        == "<ol>\n<li><a href=\"#a\">A</a><ol>\n<li><a href=\"#b\">B</a></li>\n"
        + "<li><a href=\"#c\">C</a></li>\n</ol></li>\n<li><a href=\"#d\">$d$</a></li>\n</ol>\n")
  }

  @Test func slugs() {
    #expect(slug("Why $x_1$?") == "why-x-1")
    #expect(slug("Adam & AMSGrad") == "adam-amsgrad")
    #expect(slug("!!!") == "section")
  }

  @Test func mathInTheProseSurvivesForKaTeX() {
    let html = renderLesson(fixturePage(Self.lesson)).html
    #expect(html.contains("Intro with $x_1$.</p>"))
  }

  @Test func linksToLessonFilesPointAtTheirPages() {
    let source = """
      # Links

      See [momentum](02-momentum.md#update), [again](../Lessons/02-momentum.md),
      [the web](https://example.org/a.md), [notes](notes.md) and [top](#links).
      """
    let rendered = renderLesson(
      fixturePage(source), lessonPages: ["02-momentum.md": "02-momentum.html"])
    #expect(rendered.html.contains("<a href=\"02-momentum.html#update\">momentum</a>"))
    #expect(rendered.html.contains("<a href=\"02-momentum.html\">again</a>"))
    #expect(rendered.html.contains("<a href=\"https://example.org/a.md\">the web</a>"))
    #expect(rendered.html.contains("<a href=\"notes.md\">notes</a>"))
    #expect(rendered.html.contains("<a href=\"#links\">top</a>"))
    #expect(
      rendered.warnings == [
        "Lessons/01-test.md: links to notes.md, which is not a lesson of the course"
      ])
  }

  @Test func fileNames() {
    #expect(fixturePage("", path: "Lessons/01-diagnosis.md").fileName == "01-diagnosis.html")
    #expect(fixturePage("", path: "intro.markdown").fileName == "intro.html")
    #expect(fixturePage("", path: "a/b/notes").fileName == "notes.html")
  }
}

@Suite struct SitePageNestingTests {
  @Test func snippetsInListsAndQuotesAreReplacedToo() {
    // Lines (by hand): the list item's snippet opens on line 3 and its output on line 7; the
    // quoted snippet opens on line 11, its output on line 15.
    let source = """
      # Nested

      1. First step:
         ```swift
         print("in a list")
         ```
         ```output
         in a list
         ```

      > ```swift
      > print("in a quote")
      > ```
      >
      > ```output
      > in a quote
      > ```
      """
    let page = fixturePage(source)
    #expect(page.lesson.snippets.count == 2)
    let html = renderLesson(page).html
    #expect(!html.contains("language-output"))
    #expect(!html.contains("<pre data-sourcepos"))
    #expect(html.contains("<samp>in a list\n</samp>"))
    #expect(html.contains("<samp>in a quote\n</samp>"))
    #expect(html.contains("<li data-sourcepos=\"3:1-"))
    #expect(html.contains("<blockquote data-sourcepos=\"11:1-17:5\">"))
  }
}
