import Testing

@testable import LessonKit

@Suite struct HTMLEscapingTests {
  @Test func escapesTheFiveSpecialCharacters() {
    // Expected text written by hand from the HTML character references.
    #expect(
      "a < b && c > \"d\" 'e'".htmlEscaped
        == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;")
  }

  @Test func docExample() {
    #expect("a < b && c".htmlEscaped == "a &lt; b &amp;&amp; c")
  }

  @Test func leavesOtherTextAlone() {
    #expect("η = 0.1, ∑ xᵢ² — fine".htmlEscaped == "η = 0.1, ∑ xᵢ² — fine")
    #expect("".htmlEscaped == "")
  }

  @Test func escapedTextIsEscapedAgain() {
    // Escaping is not idempotent on purpose: "&amp;" as text must show as "&amp;".
    #expect("&amp;".htmlEscaped == "&amp;amp;")
  }

  @Test func textContentRemovesTagsAndDecodes() {
    #expect("<em>a</em> &amp; &lt;b&gt;".htmlTextContent == "a & <b>")
    // Text content undoes escaping.
    #expect("x < 1 & y > \"z\" 'w'".htmlEscaped.htmlTextContent == "x < 1 & y > \"z\" 'w'")
  }
}
