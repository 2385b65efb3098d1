import Testing

@testable import LessonKit

// Every expected text below was written by hand from the rule it checks; each spliced
// result is also read back with `Lesson(parsing:path:)` to check cmark sees the new output.

/// Splices `outputs` into `source` and returns the new text.
private func splice(_ outputs: [Int: String], _ source: String) throws -> String {
  let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
  return splicingOutputs(outputs, into: source, lesson: lesson)
}

/// The recorded outputs of `source`'s snippets, read back with cmark.
private func recorded(_ source: String) throws -> [String?] {
  try Lesson(parsing: source, path: "Lessons/x.md").snippets.map { $0.output?.content }
}

@Test("recordedOutput: \\n line endings and a final newline (the doc examples)")
func recordedOutputForm() {
  #expect(recordedOutput("a\r\nb") == "a\nb\n")
  #expect(recordedOutput("") == "")
  #expect(recordedOutput("a\rb\n") == "a\nb\n")
  // Found by the fuzzer (Tools/fuzz/regressions/cr-before-crlf): a lone CR right before a
  // CRLF is two line breaks, not one CRLF that survives into the output block.
  #expect(recordedOutput("a\r\r\nb") == "a\n\nb\n")
  #expect(recordedOutput("\r\r") == "\n\n")
  #expect(recordedOutput("a\r\n\r\n") == "a\n\n")
  #expect(recordedOutput("\n") == "\n")
}

@Test("the doc example: a new output block after a snippet that has none")
func insertsOutputBlock() throws {
  let source = "```swift\nprint(1)\n```\n"
  #expect(try splice([0: "1\n"], source) == "```swift\nprint(1)\n```\n\n```output\n1\n```\n")
}

@Test("an existing output block gets the new body; every other byte stays")
func replacesBody() throws {
  let source = """
    # T  \n\nText with trailing blanks.\t
    ```swift
    print(1, 2)
    ```  \n
    ```output
    old
    lines
    ```
    After.  \n
    """
  let expected = """
    # T  \n\nText with trailing blanks.\t
    ```swift
    print(1, 2)
    ```  \n
    ```output
    1 2
    ```
    After.  \n
    """
  #expect(try splice([0: "1 2\n"], source) == expected)
}

@Test("output without a final newline is recorded with one")
func addsFinalNewline() throws {
  let source = "```swift\nx\n```\n\n```output\nold\n```\n"
  #expect(try splice([0: "new"], source) == "```swift\nx\n```\n\n```output\nnew\n```\n")
}

@Test("empty output: no block is added, an existing block is emptied")
func emptyOutput() throws {
  #expect(try splice([0: ""], "```swift\nx\n```\n") == "```swift\nx\n```\n")
  #expect(
    try splice([0: ""], "```swift\nx\n```\n\n```output\n1\n```\n")
      == "```swift\nx\n```\n\n```output\n```\n")
}

@Test("several snippets at once, with and without output blocks")
func severalSnippets() throws {
  let source = """
    ```swift
    a
    ```

    ```output
    old a
    ```

    ```swift
    b
    ```

    ```swift
    c
    ```

    """
  let expected = """
    ```swift
    a
    ```

    ```output
    A
    A
    ```

    ```swift
    b
    ```

    ```output
    B
    ```

    ```swift
    c
    ```

    ```output
    C
    ```

    """
  #expect(try splice([0: "A\nA\n", 1: "B\n", 2: "C\n"], source) == expected)
  #expect(try recorded(expected) == ["A\nA\n", "B\n", "C\n"])
  // Outputs left out of the dictionary are not touched.
  #expect(try splice([1: "B\n"], source).contains("old a"))
}

@Test("CRLF files get CRLF in new and replaced lines")
func crlf() throws {
  let source =
    "# T\r\n\r\n```swift\r\nx\r\n```\r\n\r\n```swift\r\ny\r\n```\r\n\r\n```output\r\n1\r\n```\r\n"
  let expected =
    "# T\r\n\r\n```swift\r\nx\r\n```\r\n\r\n```output\r\nX\r\n```\r\n\r\n```swift\r\ny\r\n```\r\n"
    + "\r\n```output\r\nY1\r\nY2\r\n```\r\n"
  #expect(try splice([0: "X\n", 1: "Y1\nY2\n"], source) == expected)
}

@Test("a byte-order mark and a file without a final newline")
func bomAndMissingFinalNewline() throws {
  let source = "\u{FEFF}```swift\nx\n```"
  // The snippet's closing fence gets a newline; the new block ends without one, as the file did.
  #expect(try splice([0: "1\n"], source) == "\u{FEFF}```swift\nx\n```\n\n```output\n1\n```")
  let withOutput = "\u{FEFF}```swift\nx\n```\n```output\n1\n```"
  #expect(try splice([0: "2\n"], withOutput) == "\u{FEFF}```swift\nx\n```\n```output\n2\n```")
}

@Test("output holding a line that would close the fence gets a longer fence")
func longerFence() throws {
  let output = "```\n  ````  \n"
  #expect(
    try splice([0: output], "```swift\nx\n```\n")
      == "```swift\nx\n```\n\n`````output\n```\n  ````  \n`````\n")
  // An existing block: both fences grow, the info string stays.
  #expect(
    try splice([0: output], "```swift\nx\n```\n\n``` output\nold\n```\n")
      == "```swift\nx\n```\n\n````` output\nold\n`````\n".replacing("old", with: "```\n  ````  "))
  // Backticks do not close a tilde fence.
  #expect(
    try splice([0: output], "```swift\nx\n```\n\n~~~output\nold\n~~~\n")
      == "```swift\nx\n```\n\n~~~output\n```\n  ````  \n~~~\n")
  #expect(try recorded(try splice([0: output], "```swift\nx\n```\n")) == [output])
}

@Test("blocks in list items keep their indentation; blank lines get none")
func listItems() throws {
  let source = """
    1. Step:

       ```swift
       x
       ```
    2. Next:

       ```swift
       y
       ```

       ```output
       old
       ```
    """
  let expected = """
    1. Step:

       ```swift
       x
       ```

       ```output
       a

         b
       ```
    2. Next:

       ```swift
       y
       ```

       ```output
       c
       ```
    """
  let spliced = try splice([0: "a\n\n  b\n", 1: "c\n"], source)
  #expect(spliced == expected)
  #expect(try recorded(spliced) == ["a\n\n  b\n", "c\n"])
}

@Test("a fence on the list marker's line: the marker becomes spaces")
func fenceOnMarkerLine() throws {
  let source = "- ```swift\n  x\n  ```\n- next\n"
  let spliced = try splice([0: "1\n"], source)
  #expect(spliced == "- ```swift\n  x\n  ```\n\n  ```output\n  1\n  ```\n- next\n")
  #expect(try recorded(spliced) == ["1\n"])
}

@Test("blocks in block quotes keep the quote marker, also on blank lines")
func blockQuotes() throws {
  let source = "> ```swift\n> x\n> ```\n>\n> ```swift\n> y\n> ```\n> ```output\n> old\n> ```\n"
  let expected =
    "> ```swift\n> x\n> ```\n>\n> ```output\n> a\n>\n>  b\n> ```\n>\n> ```swift\n> y\n> ```\n"
    + "> ```output\n> c\n> ```\n"
  let spliced = try splice([0: "a\n\n b\n", 1: "c\n"], source)
  #expect(spliced == expected)
  #expect(try recorded(spliced) == ["a\n\n b\n", "c\n"])
}

@Test("an indented fence keeps its indentation")
func indentedFence() throws {
  let source = "  ```swift\n  x\n  ```\n"
  let spliced = try splice([0: "1\n"], source)
  #expect(spliced == "  ```swift\n  x\n  ```\n\n  ```output\n  1\n  ```\n")
  #expect(try recorded(spliced) == ["1\n"])
}

/// Lessons with snippets in every position the reader handles.
private let fixtures = [
  "# T\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n",
  "```swift\nx\n```\n```output\n\n  a  \n\n```",
  "# T\r\n\r\n```swift\r\nx\r\n```\r\n\r\n```output\r\n1\r\n2\r\n```\r\n",
  "\u{FEFF}# 梯度\n\n```swift hide\n你好\n```\n\n~~~~output\n你好\n```\n~~~~\n",
  "1. a\n\n   ```swift\n   x\n   ```\n\n   ```output\n   o\n\n   p\n   ```\n",
  "> ```swift\n> x\n> ```\n>\n> ```output\n> o\n>\n> p\n> ```\n",
  "```swift\n```\n\n```output\n```\n\n```swift nocheck\nx\n```\n",
  // Blank body lines with the list's indentation and a mixed line ending: splicing writes
  // such lines differently, so an unchanged output must leave the block alone.
  "- a\n\n  ```swift\n  x\n  ```\n  ```output\n  o\n  \n  p\r\n  ```\n",
]

@Test("splicing the outputs a lesson already records leaves it byte for byte", arguments: fixtures)
func unchangedOutputsKeepBytes(source: String) throws {
  let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
  var outputs: [Int: String] = [:]
  for snippet in lesson.snippets { outputs[snippet.index] = snippet.output?.content ?? "" }
  #expect(splicingOutputs(outputs, into: source, lesson: lesson) == source)
}

@Test("splicing new outputs twice gives the same text as once", arguments: fixtures)
func idempotent(source: String) throws {
  let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
  var outputs: [Int: String] = [:]
  for snippet in lesson.snippets { outputs[snippet.index] = "new \(snippet.index)\n```\n" }
  let once = splicingOutputs(outputs, into: source, lesson: lesson)
  let twice = splicingOutputs(
    outputs, into: once, lesson: try Lesson(parsing: once, path: "Lessons/x.md"))
  #expect(twice == once)
  #expect(try recorded(once) == lesson.snippets.map { "new \($0.index)\n```\n" })
}
