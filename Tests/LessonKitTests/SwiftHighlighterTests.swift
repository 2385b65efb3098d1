import Testing

@testable import LessonKit

@Suite struct SwiftHighlighterTests {
  // Expected token lists below are written by hand from the source text.

  @Test func docExample() {
    #expect(
      SwiftHighlighter.tokens(in: "let x = 1 // one") == [
        SwiftToken(.keyword, "let"), SwiftToken(.plain, " x = "), SwiftToken(.number, "1"),
        SwiftToken(.plain, " "), SwiftToken(.comment, "// one"),
      ])
    #expect(
      SwiftHighlighter.html(for: "let x = 1 // one")
        == "<span class=\"kw\">let</span> x = <span class=\"num\">1</span> "
        + "<span class=\"com\">// one</span>")
  }

  @Test func interpolationIsHighlightedAsCode() {
    #expect(
      SwiftHighlighter.tokens(in: #"print("a \(b + 1) c")"#) == [
        SwiftToken(.plain, "print("), SwiftToken(.string, "\"a "),
        SwiftToken(.interpolation, "\\("), SwiftToken(.plain, "b + "), SwiftToken(.number, "1"),
        SwiftToken(.interpolation, ")"), SwiftToken(.string, " c\""), SwiftToken(.plain, ")"),
      ])
  }

  @Test func nestedParenthesesInsideInterpolation() {
    #expect(
      SwiftHighlighter.tokens(in: #""\(f(x))!""#) == [
        SwiftToken(.string, "\""), SwiftToken(.interpolation, "\\("),
        SwiftToken(.plain, "f(x)"), SwiftToken(.interpolation, ")"), SwiftToken(.string, "!\""),
      ])
  }

  @Test func escapedQuoteDoesNotEndTheString() {
    #expect(
      SwiftHighlighter.tokens(in: #"let s = "a\"b" + t"#) == [
        SwiftToken(.keyword, "let"), SwiftToken(.plain, " s = "),
        SwiftToken(.string, #""a\"b""#), SwiftToken(.plain, " + t"),
      ])
  }

  @Test func rawAndMultilineStrings() {
    // In a raw string `\(` is text; only `\#(` interpolates.
    #expect(
      SwiftHighlighter.tokens(in: ##"#"a \(b) "q""# x"##) == [
        SwiftToken(.string, ##"#"a \(b) "q""#"##), SwiftToken(.plain, " x"),
      ])
    #expect(
      SwiftHighlighter.tokens(in: ##"#"v=\#(v)"#"##) == [
        SwiftToken(.string, ##"#"v="##), SwiftToken(.interpolation, ##"\#("##),
        SwiftToken(.plain, "v"), SwiftToken(.interpolation, ")"), SwiftToken(.string, ##""#"##),
      ])
    let multiline = "let t = \"\"\"\n  one \"quoted\"\n  \"\"\"\nlet"
    #expect(
      SwiftHighlighter.tokens(in: multiline) == [
        SwiftToken(.keyword, "let"), SwiftToken(.plain, " t = "),
        SwiftToken(.string, "\"\"\"\n  one \"quoted\"\n  \"\"\""), SwiftToken(.plain, "\n"),
        SwiftToken(.keyword, "let"),
      ])
  }

  @Test func numbers() {
    for literal in ["42", "1_000", "2.5e-3", "0x1F", "0b1010", "0o17", "6.02E+23", "0x1.8p3"] {
      #expect(SwiftHighlighter.tokens(in: literal) == [SwiftToken(.number, literal)])
    }
    // A name with digits is not a number; a range's dots are not a fraction.
    #expect(SwiftHighlighter.tokens(in: "x1") == [SwiftToken(.plain, "x1")])
    #expect(
      SwiftHighlighter.tokens(in: "0..<3") == [
        SwiftToken(.number, "0"), SwiftToken(.plain, "..<"), SwiftToken(.number, "3"),
      ])
  }

  @Test func typesAttributesAndDirectives() {
    #expect(
      SwiftHighlighter.tokens(in: "@Test func f(m: Matrix<Double>) -> Self {}") == [
        SwiftToken(.attribute, "@Test"), SwiftToken(.plain, " "), SwiftToken(.keyword, "func"),
        SwiftToken(.plain, " f(m: "), SwiftToken(.type, "Matrix"), SwiftToken(.plain, "<"),
        SwiftToken(.type, "Double"), SwiftToken(.plain, ">) -> "), SwiftToken(.keyword, "Self"),
        SwiftToken(.plain, " {}"),
      ])
    #expect(
      SwiftHighlighter.tokens(in: "#if os(Linux)") == [
        SwiftToken(.keyword, "#if"), SwiftToken(.plain, " os("), SwiftToken(.type, "Linux"),
        SwiftToken(.plain, ")"),
      ])
    // A keyword in backquotes is a plain name.
    #expect(SwiftHighlighter.tokens(in: "`class`") == [SwiftToken(.plain, "`class`")])
  }

  @Test func nestedBlockComment() {
    #expect(
      SwiftHighlighter.tokens(in: "/* a /* b */ c */ d") == [
        SwiftToken(.comment, "/* a /* b */ c */"), SwiftToken(.plain, " d"),
      ])
  }

  @Test func htmlIsEscapedInsideSpans() {
    #expect(
      SwiftHighlighter.html(for: #"print("<b>&")"#)
        == "print(<span class=\"str\">&quot;&lt;b&gt;&amp;&quot;</span>)")
  }

  @Test(arguments: [
    "let s = \"unterminated\nlet t = 1",
    "/* never closed",
    "\"\\(open",
    "let 🙂 = \"é\" + #\"x\"## // ü",
    "x.0 + y.1e",
    "\"a\\",
    "#\"\"\"\nraw \\#(v) \"\"\"#",
  ])
  func tokensJoinToTheSource(source: String) {
    let tokens = SwiftHighlighter.tokens(in: source)
    #expect(tokens.map(\.text).joined() == source)
    // Adjacent runs of one kind are merged.
    #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.kind != $1.kind })
  }
}
