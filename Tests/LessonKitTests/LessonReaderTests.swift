import Testing

@testable import LessonKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Every expected line number, fence and body below was read off the fixture by hand
// (lines counted from 1).

/// Parses `source` as the lesson `Lessons/x.md`.
private func lesson(_ source: String) throws -> Lesson {
  try Lesson(parsing: source, path: "Lessons/x.md")
}

/// The error parsing `source` throws, or `nil`.
private func parseError(_ source: String) -> LessonError? {
  do {
    _ = try Lesson(parsing: source, path: "Lessons/x.md")
    return nil
  } catch {
    return error
  }
}

@Test("the doc example: title, summary, snippet and its output")
func docExample() throws {
  let lesson = try Lesson(
    parsing: "# Sums\n\nAdding.\n\n```swift\nprint(1 + 1)\n```\n\n```output\n2\n```\n",
    path: "Lessons/sums.md")
  #expect(lesson.path == "Lessons/sums.md")
  #expect(lesson.title == "Sums")
  #expect(lesson.summary == "Adding.")
  #expect(lesson.snippets.count == 1)
  #expect(lesson.snippets[0].code.openingLine == 5)
  #expect(lesson.snippets[0].output?.content == "2\n")
}

@Test("blocks, snippets, attributes and outputs with their lines")
func commonLesson() throws {
  let source = """
    Intro before the title.

    # Gradient *descent*

    A first `step`,
    on two lines.

    ```swift hide
    let x = 1
    ```

    ```output
    1
    ```

    ```python
    print(2)
    ```

    ```swift norun nocheck
    print(x)
    ```
    """
  let lesson = try lesson(source)
  #expect(lesson.title == "Gradient descent")
  #expect(lesson.summary == "A first step, on two lines.")
  #expect(
    lesson.blocks == [
      FencedBlock(
        info: "swift hide", fence: "```", openingLine: 8, closingLine: 10,
        firstContentLine: 9, lastContentLine: 9, content: "let x = 1\n"),
      FencedBlock(
        info: "output", fence: "```", openingLine: 12, closingLine: 14,
        firstContentLine: 13, lastContentLine: 13, content: "1\n"),
      FencedBlock(
        info: "python", fence: "```", openingLine: 16, closingLine: 18,
        firstContentLine: 17, lastContentLine: 17, content: "print(2)\n"),
      FencedBlock(
        info: "swift norun nocheck", fence: "```", openingLine: 20, closingLine: 22,
        firstContentLine: 21, lastContentLine: 21, content: "print(x)\n"),
    ])
  #expect(lesson.snippets.count == 2)
  #expect(lesson.snippets[0].index == 0)
  #expect(lesson.snippets[0].attributes == [.hide])
  #expect(lesson.snippets[0].output == lesson.blocks[1])
  #expect(lesson.snippets[0].isChecked)
  #expect(lesson.snippets[1].index == 1)
  #expect(lesson.snippets[1].code == lesson.blocks[3])
  #expect(lesson.snippets[1].attributes == [.norun, .nocheck])
  #expect(lesson.snippets[1].output == nil)
  #expect(!lesson.snippets[1].isChecked)
}

@Test("no heading: no title, and the summary is the first paragraph")
func noTitle() throws {
  let lesson = try lesson("Just text.\n\nMore.\n")
  #expect(lesson.title == nil)
  #expect(lesson.summary == "Just text.")
  #expect(lesson.blocks.isEmpty)
}

@Test("tilde fences, and a longer fence whose body holds a shorter one")
func tildeAndLongerFences() throws {
  let source = """
    ~~~swift
    print("~~")
    ~~~

    ````swift
    let s = \"\"\"
    ```
    \"\"\"
    ````

    ~~~~ output
    ```
    ~~~
    ~~~~~
    """
  let lesson = try lesson(source)
  #expect(lesson.blocks.map(\.fence) == ["~~~", "````", "~~~~"])
  #expect(lesson.blocks.map(\.openingLine) == [1, 5, 11])
  #expect(lesson.blocks.map(\.closingLine) == [3, 9, 14])
  #expect(lesson.blocks[1].content == "let s = \"\"\"\n```\n\"\"\"\n")
  #expect(lesson.snippets.count == 2)
  #expect(lesson.snippets[1].output?.content == "```\n~~~\n")
  #expect(lesson.blocks[2].info == "output")
}

@Test("indented code blocks are never blocks nor snippets, even when they start with ```")
func indentedCode() throws {
  let source = """
    Text.

        ```swift
        print(1)
        ```

    ```swift
    print(2)
    ```
    """
  let lesson = try lesson(source)
  #expect(lesson.blocks.count == 1)
  #expect(lesson.snippets.count == 1)
  #expect(lesson.snippets[0].code.openingLine == 7)
  #expect(lesson.snippets[0].code.content == "print(2)\n")
}

@Test("fenced blocks in list items and block quotes: de-indented bodies, right lines")
func nestedBlocks() throws {
  let source = """
    1. Step one:

       ```swift
       if true {
         print("a")
       }
       ```

       ```output
       a
       ```

    > ```swift
    > print("q")
    > ```
    >
    > ```output
    > q
    > ```

    - a
      - b

        ```swift
        print(1)
        ```
    """
  let lesson = try lesson(source)
  #expect(lesson.snippets.count == 3)
  #expect(lesson.snippets[0].code.openingLine == 3)
  #expect(lesson.snippets[0].code.closingLine == 7)
  #expect(lesson.snippets[0].code.content == "if true {\n  print(\"a\")\n}\n")
  #expect(lesson.snippets[0].output?.openingLine == 9)
  #expect(lesson.snippets[0].output?.content == "a\n")
  #expect(lesson.snippets[1].code.openingLine == 13)
  #expect(lesson.snippets[1].code.closingLine == 15)
  #expect(lesson.snippets[1].code.content == "print(\"q\")\n")
  #expect(lesson.snippets[1].output?.openingLine == 17)
  #expect(lesson.snippets[1].output?.content == "q\n")
  #expect(lesson.snippets[2].code.openingLine == 24)
  #expect(lesson.snippets[2].code.closingLine == 26)
  #expect(lesson.snippets[2].code.content == "print(1)\n")
}

@Test("CRLF line endings: the same lines, bodies with \\n")
func crlfLineEndings() throws {
  let source =
    "# T\r\n\r\nIntro.\r\n\r\n```swift\r\nprint(1)\r\nprint(2)\r\n```\r\n\r\n"
    + "```output\r\n1\r\n2\r\n```\r\n"
  let lesson = try lesson(source)
  #expect(lesson.title == "T")
  #expect(lesson.summary == "Intro.")
  #expect(lesson.snippets[0].code.openingLine == 5)
  #expect(lesson.snippets[0].code.closingLine == 8)
  #expect(lesson.snippets[0].code.content == "print(1)\nprint(2)\n")
  #expect(lesson.snippets[0].output?.openingLine == 10)
  #expect(lesson.snippets[0].output?.closingLine == 13)
  #expect(lesson.snippets[0].output?.content == "1\n2\n")
}

@Test("UTF-8 with Chinese text and a leading byte-order mark")
func chineseTextAndBOM() throws {
  let source =
    "\u{FEFF}# 梯度下降\n\n学习率很重要。\n\n```swift\nprint(\"你好\")\n```\n\n"
    + "```output\n你好\n```\n"
  let lesson = try lesson(source)
  #expect(lesson.title == "梯度下降")
  #expect(lesson.summary == "学习率很重要。")
  #expect(lesson.snippets[0].code.openingLine == 5)
  #expect(lesson.snippets[0].code.content == "print(\"你好\")\n")
  #expect(lesson.snippets[0].output?.openingLine == 9)
  #expect(lesson.snippets[0].output?.content == "你好\n")
}

@Test("a byte-order mark right before a fence on line 1")
func bomBeforeFence() throws {
  let lesson = try lesson("\u{FEFF}```swift\nprint(1)\n```\n")
  #expect(lesson.blocks.count == 1)
  #expect(lesson.blocks[0].fence == "```")
  #expect(lesson.blocks[0].openingLine == 1)
  #expect(lesson.blocks[0].closingLine == 3)
}

@Test("an empty snippet is valid and has an empty body")
func emptySnippet() throws {
  let lesson = try lesson("```swift\n```\n\n```output\n```\n")
  #expect(
    lesson.snippets[0].code
      == FencedBlock(
        info: "swift", fence: "```", openingLine: 1, closingLine: 2,
        firstContentLine: 2, lastContentLine: 1, content: ""))
  #expect(lesson.snippets[0].output?.content == "")
}

@Test("an unclosed fence is an error at the line where it opens")
func unclosedFences() {
  // At the end of the document.
  let atEnd = parseError("# T\n\n```swift\nprint(1)\n\n")
  #expect(atEnd?.line == 3)
  #expect(atEnd?.message.contains("never closed") == true)
  #expect(atEnd?.description.hasPrefix("Lessons/x.md:3: error: ") == true)
  // Opened on the last line.
  #expect(parseError("text\n\n```swift")?.line == 3)
  // A shorter fence does not close a longer one.
  #expect(parseError("````swift\nx\n```\n")?.line == 1)
  // A tilde fence is not closed by backticks.
  #expect(parseError("~~~swift\nx\n```\n")?.line == 1)
  // In a block quote that ends before the fence is closed.
  #expect(parseError("> ```swift\n> q\n\nafter\n")?.line == 1)
  // A fence in a block quote, "closed" by a line outside the quote, which opens a new block.
  #expect(parseError("> ```swift\n> q\n```\n")?.line == 1)
  // In a list item that ends before the fence is closed.
  #expect(parseError("- ```swift\n  q\n- x\n")?.line == 1)
  #expect(parseError("- ```swift\n  q\n```\n")?.line == 1)
  // A fence-like last line indented too far to close the fence (4 spaces, or 4 more than
  // the list item's content).
  #expect(parseError("```swift\nx\n    ```\n")?.line == 1)
  #expect(parseError("- ```swift\n  x\n      ```")?.line == 1)
  // An unclosed fence without info string is an error too.
  #expect(parseError("a\n\n```\nx\n")?.line == 3)
}

@Test("an unknown attribute is an error naming it and the allowed ones")
func unknownAttribute() {
  let error = parseError("text\n\n```swift hide noprint\nx\n```\n")
  #expect(error?.line == 3)
  #expect(error?.message.contains("'noprint'") == true)
  #expect(error?.message.contains("hide, norun, nocheck, solution, exact") == true)
}

@Test("exact is an attribute of checked snippets; with nocheck or norun it is an error")
func exactAttribute() throws {
  let lesson = try lesson("```swift exact\nprint(0.5)\n```\n\n```output\n0.5\n```\n")
  #expect(lesson.snippets.map(\.attributes) == [[.exact]])
  #expect(lesson.snippets[0].isChecked)
  for other in ["nocheck", "norun"] {
    let error = parseError("text\n\n```swift exact \(other)\nx\n```\n")
    #expect(error?.line == 3)
    #expect(
      error?.message
        == "'exact' makes the output compared character for character, but a '\(other)' "
        + "snippet's output is never compared; drop one of them")
  }
}

@Test("fails is an attribute of snippets that run; with norun it is an error")
func failsAttribute() throws {
  let lesson = try lesson(
    "```swift fails\nprecondition(false)\n```\n\n```output\nPrecondition failed\n```\n\n"
      + "```swift fails hide exact\nx\n```\n")
  #expect(lesson.snippets.map(\.attributes) == [[.fails], [.fails, .hide, .exact]])
  #expect(lesson.snippets.map(\.isChecked) == [true, true])
  let error = parseError("text\n\n```swift norun fails\nx\n```\n")
  #expect(error?.line == 3)
  #expect(
    error?.message
      == "a snippet cannot be both 'fails' and 'norun': 'fails' runs it and checks that it "
      + "fails, 'norun' never runs it; drop one of them")
}

@Test("solution combines with nocheck and norun, not with hide")
func solutionAttribute() throws {
  let lesson = try lesson(
    "```swift solution\nprint(1)\n```\n\n```output\n1\n```\n\n"
      + "```swift solution nocheck\nx\n```\n\n```swift norun solution\ny\n```\n")
  #expect(
    lesson.snippets.map(\.attributes) == [
      [.solution], [.solution, .nocheck], [.norun, .solution],
    ])
  // A solution's output is compared like any other snippet's.
  #expect(lesson.snippets.map(\.isChecked) == [true, false, false])
  #expect(lesson.snippets[0].output?.content == "1\n")

  for info in ["swift solution hide", "swift hide solution"] {
    let error = parseError("text\n\n```\(info)\nx\n```\n")
    #expect(error?.line == 3, "\(info)")
    #expect(error?.message.contains("'solution' and 'hide'") == true, "\(info)")
  }
}

@Test("an output block must come right after a snippet")
func orphanOutputs() {
  // First block of the lesson.
  #expect(parseError("```output\n1\n```\n")?.line == 1)
  // After a paragraph that follows the snippet.
  #expect(parseError("```swift\nx\n```\n\ntext\n\n```output\n1\n```\n")?.line == 7)
  // After another language.
  #expect(parseError("```python\nx\n```\n\n```output\n1\n```\n")?.line == 5)
  // A second output block after the first.
  #expect(parseError("```swift\nx\n```\n```output\n1\n```\n```output\n2\n```\n")?.line == 7)
  // After a link reference definition, which cmark keeps no node for.
  #expect(
    parseError("```swift\nx\n```\n[a]: https://example.com\n\n```output\n1\n```\n")?.line == 6)
  // In the next list item: not the same parent.
  #expect(parseError("- ```swift\n  x\n  ```\n- ```output\n  1\n  ```\n")?.line == 4)
}

@Test("an output block takes no attributes")
func outputAttributes() {
  let error = parseError("```swift\nx\n```\n\n```output hide\n1\n```\n")
  #expect(error?.line == 5)
  #expect(error?.message.contains("'hide'") == true)
}

@Test("an output block right after the closing fence, without a blank line, is paired")
func outputWithoutBlankLine() throws {
  let lesson = try lesson("```swift\nx\n```\n```output\n1\n```\n")
  #expect(lesson.snippets[0].output?.openingLine == 4)
}

@Test("reading a lesson file, and a missing file")
func readingFiles() throws {
  let path = "/tmp/descent-lesson-reader-\(getpid()).md"
  let text = "# File\n\n```swift\nprint(1)\n```\n"
  #expect(throws: Never.self) { try writeTestFile(text, to: path) }
  defer { unlink(path) }
  let lesson = try Lesson(contentsOfFile: path)
  #expect(lesson.path == path)
  #expect(lesson.title == "File")
  #expect(lesson.snippets.count == 1)
  #expect(throws: FileError.self) { try Lesson(contentsOfFile: path + ".missing") }
}

@Test(
  "random lessons: the reader finds the snippets as they were written",
  arguments: 0..<300 as Range<UInt64>)
func randomLessons(seed: UInt64) throws {
  var random = SplitMix64(state: seed)
  let written = RandomLesson(&random, allOutputs: false)
  let lesson = try lesson(written.text)
  #expect(lesson.title == written.title)
  let read = lesson.snippets.map { snippet in
    RandomLesson.WrittenSnippet(
      openingLine: snippet.code.openingLine, closingLine: snippet.code.closingLine,
      content: snippet.code.content, attributes: snippet.attributes,
      output: snippet.output?.content)
  }
  #expect(read == written.snippets)
}

@Test(
  "random lessons with an unclosed fence at the end: an error at its line",
  arguments: 0..<100 as Range<UInt64>)
func randomUnclosed(seed: UInt64) {
  var random = SplitMix64(state: seed)
  let written = RandomLesson(&random, allOutputs: false)
  let fence = ["```", "~~~~", "> ```", "- ~~~"].randomElement(using: &random)!
  let body = ["", "x\n", "```x\n", "  ``\n\n"].randomElement(using: &random)!
  let error = parseError(written.text + fence + "swift\n" + body)
  #expect(error?.line == written.lineCount + 1)
}
