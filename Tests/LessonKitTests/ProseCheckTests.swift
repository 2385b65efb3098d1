// The prose check on lessons written here line by line (the line numbers in the comments are
// counted by hand): which text is prose, where each number is reported, what backs it, and
// what `cited` comments do. The rule for backing itself is tested in ProseNumbersTests.swift.

import Testing

@testable import LessonKit

/// A lesson from its lines (joined with `\n`, line 1 first).
private func lesson(_ lines: [String]) throws -> (Lesson, String) {
  let source = lines.joined(separator: "\n") + "\n"
  return (try Lesson(parsing: source, path: "Lessons/p.md"), source)
}

/// The prose check of a lesson given by its lines.
private func check(_ lines: [String], run: LessonRun? = nil) throws -> ProseVerdict {
  let (lesson, source) = try lesson(lines)
  return checkProse(lesson, source: source, run: run)
}

/// The findings, as `LINE number` for numbers nothing backs and `LINE cited number` for
/// unused citations.
private func findings(_ verdict: ProseVerdict) -> [String] {
  verdict.findings.map { finding in
    switch finding.kind {
    case .notBacked(let number, _, _): "\(finding.line) \(number)"
    case .unusedCitation(let number, _): "\(finding.line) cited \(number)"
    case .emptyCitation: "\(finding.line) empty citation"
    case .citationCoversNothing: "\(finding.line) citation covers nothing"
    }
  }
}

/// A snippet printing `output`, with its output block: seven lines, the output on the sixth.
private func printing(_ output: String) -> [String] {
  ["```swift", "print(\"\(output)\")", "```", "", "```output", output, "```"]
}

@Suite("The prose check")
struct ProseCheckTests {
  @Test("A number no output prints fails at its line, with the nearest printed numbers")
  func absentNumber() throws {
    let verdict = try check(
      [
        "# Title",  // 1
        "",  // 2
        "The loss is 0.37 after",  // 3
        "1258 steps.",  // 4
        "",  // 5
      ] + printing("loss 0.4056 steps 1257 rate 0.1000"))  // 6–12, output at 11
    #expect(findings(verdict) == ["3 0.37", "4 1258"])
    #expect(verdict.checkedCount == 2 && !verdict.passed)
    guard case .notBacked(_, let nearest, let unchecked) = verdict.findings[0].kind else {
      Issue.record("not a notBacked finding")
      return
    }
    // By |ln(q/0.37)|: 0.4056 (0.09), 0.1000 (1.31), then 1257 (8.1) from the output; the
    // snippet's own literals repeat the same texts and are left out.
    #expect(nearest.map(\.label) == ["0.4056 (line 11)", "0.1000 (line 11)", "1257 (line 11)"])
    #expect(unchecked == nil)
    #expect(
      verdict.findings[1].message
        == "prose number 1258 is not printed by a checked output nor written in a snippet of "
        + "this lesson (nearest: 1257 (line 11), 0.4056 (line 11), 0.1000 (line 11)); print it "
        + "from a snippet, correct it, or mark it cited: <!-- cited: 1258 (source) -->")
  }

  @Test("The same number printed more precisely passes")
  func higherPrecision() throws {
    let verdict = try check(
      ["The loss is 0.41 and the rate 10⁻³.", ""] + printing("0.4056 0.0010"))
    #expect(verdict.passed && verdict.checkedCount == 2)
    let wrong = try check(["The loss is 0.40.", ""] + printing("0.4056"))
    #expect(findings(wrong) == ["1 0.40"])
  }

  @Test("A literal of a snippet backs the prose; a comment of a snippet does not")
  func snippetCode() throws {
    let verdict = try check([
      "The rate 0.7 and 200 steps; 0.123 is only in a comment.",  // 1
      "",  // 2
      "```swift",  // 3
      "let rate = 0.7  // 0.123",  // 4
      "for _ in 0..<200 {}",  // 5
      "```",  // 6
    ])
    #expect(findings(verdict) == ["1 0.123"])
  }

  @Test("A marked number passes: an inline comment, or one on its own lines after the block")
  func citedNumbers() throws {
    let verdict = try check([
      "Goyal et al. (2017)<!-- cited: 2017 (Goyal et al.) --> scaled by 32.",  // 1
      "",  // 2
      "Their batch was 8192 and their rate",  // 3
      "0.1 per 256.",  // 4
      "<!-- cited: 8192, 0.1 (their table 1), 256 -->",  // 5
      "",  // 6
      "1. A list whose item cites 0.9",  // 7
      "   <!-- cited: 0.9 (the lecture) -->",  // 8
      "2. and a second item with 0.95.",  // 9
      "",  // 10
      "<!-- cited: 0.95 -->",  // 11
      "",  // 12
      "The same 0.95 here is not covered.",  // 13
    ])
    #expect(findings(verdict) == ["13 0.95"])
    #expect(verdict.citedCount == 6 && verdict.checkedCount == 7)
  }

  @Test("A cited number the prose does not write, an empty citation, one covering nothing")
  func citationProblems() throws {
    let verdict = try check([
      "<!-- cited: 0.5 -->",  // 1: nothing before it
      "",  // 2
      "The momentum is 0.9.",  // 3
      "",  // 4
      "<!-- cited: 0.8 (a typo) -->",  // 5
      "<!-- cited: (no number) -->",  // 6
      "",  // 7
      "```swift",  // 8
      "let x = 1",  // 9
      "```",  // 10
      "",  // 11
      "<!-- cited: 0.7 -->",  // 12: after a code block
      "<!-- an ordinary comment with 0.123 -->",  // 13
    ])
    #expect(
      findings(verdict) == [
        "1 citation covers nothing", "3 0.9", "5 cited 0.8", "6 empty citation",
        "12 citation covers nothing",
      ])
    #expect(
      verdict.findings[2].message
        == "cited 0.8 does not occur in the prose this comment covers (line 3); correct it or "
        + "remove it from the comment")
  }

  @Test("Code spans, code blocks, HTML, link destinations and autolinks are not prose")
  func notProse() throws {
    let verdict = try check([
      "A span `0.123`, a [link](https://example.com/0.777 \"title 0.888\"), an autolink",
      "<https://example.com/4242>, an image ![alt 0.999](img.png) and <span>0.555</span>.",
      "",
      "```text",
      "9.87654",
      "```",
      "",
      "```python",
      "print(0.55555)",
      "```",
      "",
      "    0.31415 in an indented block",
      "",
      "<div>",
      "0.4444 in an HTML block",
      "</div>",
    ])
    // Only the text between two inline tags is left: it shows on the page, so it is prose.
    #expect(findings(verdict) == ["2 0.555"])
    #expect(verdict.checkedCount == 1)
  }

  @Test("Math is checked like prose, inline and display, at the number's own line")
  func math() throws {
    let verdict = try check([
      "Inline $\\eta = 0.7$ and $2/\\lambda_{\\max} = 2.857$.",  // 1
      "",  // 2
      "$$",  // 3
      "\\eta_2 = 10^{-3},",  // 4
      "\\quad \\epsilon = 1{,}250",  // 5
      "$$",  // 6
      "",  // 7
      "```swift",  // 8
      "let rate = 0.7",  // 9
      "```",  // 10
    ])
    #expect(findings(verdict) == ["1 2.857", "4 10^{-3}", "5 1{,}250"])
  }

  @Test("Lines are the source's, even after code spans and links that span lines")
  func linesAfterMultilineInlines() throws {
    // cmark's own inline positions drift after a code span or link that spans lines.
    let verdict = try check([
      "Para one `code",  // 1
      "span` then 0.41,",  // 2
      "and [a link](https://example.com/",  // 3
      "\"title\") then 0.42",  // 4
      "and <!-- a",  // 5
      "comment --> then 0.43.",  // 6
      "",  // 7
      "> A quote with",  // 8
      "> 0.44 in it.",  // 9
      "",  // 10
      "- an item",  // 11
      "  with 0.45",  // 12
      "",  // 13
      "## Heading 0.46",  // 14
      "",  // 15
      "Heading two 0.47",  // 16
      "---------------",  // 17
      "",  // 18
      "The same 0.41 twice: 0.41.",  // 19
    ])
    #expect(
      findings(verdict) == [
        "2 0.41", "4 0.42", "6 0.43", "9 0.44", "12 0.45", "14 0.46", "16 0.47", "19 0.41",
        "19 0.41",
      ])
  }

  @Test("Chinese prose: the number is read with or without spaces around it")
  func chinese() throws {
    let verdict = try check(
      [
        "学习率为 0.001 时，训练在第1258步发散。",  // 1
        "",  // 2
      ] + printing("学习率 0.001"))
    #expect(findings(verdict) == ["1 1258"])
    let cited = try check([
      "学习率为0.001时。<!-- cited: 0.001 (讲义) -->"
    ])
    #expect(cited.passed && cited.citedCount == 1)
  }

  @Test("A nocheck snippet's output backs nothing, and the message says where it prints it")
  func nocheckOutput() throws {
    let verdict = try check([
      "An update takes 2.183 ms.",  // 1
      "",  // 2
      "```swift nocheck",  // 3
      "print(Date())",  // 4
      "```",  // 5
      "",  // 6
      "```output",  // 7
      "2.183",  // 8
      "```",  // 9
    ])
    #expect(findings(verdict) == ["1 2.183"])
    guard case .notBacked(_, _, let unchecked) = verdict.findings[0].kind else {
      Issue.record("not a notBacked finding")
      return
    }
    #expect(unchecked?.line == 8)
    #expect(
      verdict.findings[0].message.contains("line 8 prints it, but a nocheck snippet's output"))
  }

  @Test("The actual outputs of a run back the prose where they differ from the blocks")
  func actualOutputs() throws {
    let (fixture, source) = try lesson(["The loss is 0.38.", ""] + printing("0.4056"))
    let run = LessonRun(
      path: "Lessons/p.md", contentHash: "h",
      snippets: [SnippetRun(index: 0, output: "0.3811\n", figures: [])], failure: nil,
      seconds: 0)
    #expect(!checkProse(fixture, source: source).passed)
    #expect(checkProse(fixture, source: source, run: run).passed)
    // An actual output the comparison takes as the recorded one adds nothing (the snippet's
    // string literal and its output block are the two numbers).
    let same = LessonRun(
      path: "Lessons/p.md", contentHash: "h",
      snippets: [SnippetRun(index: 0, output: "0.4057\n", figures: [])], failure: nil,
      seconds: 0)
    #expect(backingNumbers(of: fixture, run: same).map(\.source) == [.code, .output])
  }

  @Test("The lines printed: per lesson, the report, the summary")
  func reportLines() throws {
    let failing = try check(["The loss is 0.37.", "", "Right: 0.4056.", ""] + printing("0.4056"))
    let passing = try check(["Nothing to check here."])
    #expect(
      proseProgressLine(for: failing)
        == "Lessons/p.md: prose: 2 numbers checked, 0 cited, 1 not backed")
    #expect(
      proseProgressLine(for: passing) == "Lessons/p.md: prose: 0 numbers checked, 0 cited, ok")
    #expect(proseReport(for: failing).hasPrefix("Lessons/p.md:1: error: prose number 0.37 "))
    #expect(proseReport(for: passing).isEmpty)
    #expect(
      proseSummaryLine(for: [failing, passing]) == "prose: 1 passed, 1 failed (1 number not backed)"
    )
    #expect(proseSummaryLine(for: [passing]) == "prose: 1 passed, 0 failed")
  }

  @Test("--explain names what backs each number")
  func explanation() throws {
    let (fixture, source) = try lesson(
      ["Loss 0.41, rate 0.7, year 2017<!-- cited: 2017 -->, and 0.37.", ""] + printing("0.4056")
        + ["", "```swift", "let rate = 0.7", "```"])
    #expect(
      proseExplanation(fixture, source: source) == [
        "Lessons/p.md:1: 0.41 ← 0.4056 (line 8)", "Lessons/p.md:1: 0.7 ← 0.7 (line 12, code)",
        "Lessons/p.md:1: 2017 ← cited (line 1)", "Lessons/p.md:1: 0.37 ← nothing",
      ])
  }

  @Test("A cited comment renders as nothing visible on the page")
  func citedCommentRendering() {
    #expect(
      markdownHTML("Goyal et al. (2017)<!-- cited: 2017 --> scaled.\n\n<!-- cited: 0.1 -->\n")
        == "<p>Goyal et al. (2017)<!-- raw HTML omitted --> scaled.</p>\n<!-- raw HTML omitted -->\n"
    )
  }
}

@Test("BackingIndex finds what a scan of every backing number finds, first in the lesson's order")
func backingIndexMatchesTheScan() throws {
  var random = SplitMix64(state: 2026)
  // Numbers as printed: a sign, 1 to 6 digits, up to 5 after the point, sometimes an exponent.
  func printed(_ random: inout SplitMix64) -> String {
    let digits = (0..<Int.random(in: 1...6, using: &random)).map { _ in
      String(Int.random(in: 0...9, using: &random))
    }.joined()
    let fraction = Int.random(in: 0...5, using: &random)
    var text = Bool.random(using: &random) ? "-" : ""
    text += fraction == 0 ? digits : "0." + digits
    if fraction > 0, digits.count > fraction {
      text =
        (text.hasPrefix("-") ? "-" : "") + digits.prefix(digits.count - fraction) + "."
        + digits.suffix(fraction)
    }
    if Int.random(in: 0..<4, using: &random) == 0 {
      text += "e" + String(Int.random(in: -12...12, using: &random))
    }
    return text
  }
  // Near misses and hits: a number with its last digit moved by -2…2, or digits dropped.
  func neighbour(of text: String, _ random: inout SplitMix64) -> String {
    var characters = Array(text)
    if let last = characters.lastIndex(where: \.isNumber), characters[last] != "0" {
      let digit = Int(String(characters[last]))! + Int.random(in: -1...1, using: &random)
      characters[last] = Character(String(max(0, min(9, digit))))
    }
    var result = String(characters)
    if !result.contains("e"), result.contains("."), Bool.random(using: &random) {
      result += String(Int.random(in: 0...99, using: &random))  // more precise
    }
    return result
  }
  var matched = 0
  for _ in 0..<400 {
    var texts = (0..<60).map { _ in printed(&random) }
    texts += texts.prefix(30).map { neighbour(of: $0, &random) }
    let sources: [ProseBacking.Source] = [
      .output, .code, .uncheckedOutput, .actualOutput(snippetIndex: 1),
    ]
    let backing = texts.enumerated().compactMap { position, text -> ProseBacking? in
      guard let value = PrintedNumber(text) else { return nil }
      return ProseBacking(
        text: text, value: value, source: sources[Int.random(in: 0..<4, using: &random)],
        line: position)
    }
    let index = BackingIndex(backing)
    for text in texts.shuffled(using: &random).prefix(20) + [printed(&random)] {
      // The prose writes it as printed, rounded to fewer digits, or as a percentage.
      var written = text
      if written.contains("."), !written.contains("e"), Bool.random(using: &random) {
        written.removeLast()
      }
      guard let value = PrintedNumber(written) else { continue }
      let isPercent = Int.random(in: 0..<5, using: &random) == 0
      let number = ProseNumber(
        text: written, value: value, isPercent: isPercent, role: .checked, offset: 0)
      let accepts: (ProseBacking) -> Bool = {
        $0.backs && number.isBacked(by: $0.value, otherIsExact: $0.source == .code)
      }
      let scanned = backing.first(where: accepts)
      #expect(index.first(near: number, where: accepts) == scanned, "\(written) in \(texts)")
      if scanned != nil { matched += 1 }
    }
  }
  // Not a vacuous comparison: most prose numbers are backed by something.
  #expect(matched > 4000)
}
