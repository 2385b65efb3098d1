import Testing

@testable import LessonResultsFormat

/// The results folder's lines, written and read back; the expected lines are the format
/// described in ResultsFolder.swift, written out by hand.
@Suite("Results folder format")
struct ResultsFormatTests {
  @Test("File names: the doc-comment examples")
  func fileNames() {
    #expect(ResultsFolder.snippetOutputFileName(snippetIndex: 2) == "snippet-2.out")
    #expect(ResultsFolder.progressFileName == "progress.tsv")
    #expect(ResultsFolder.standardErrorFileName == "stderr.txt")
    #expect(FiguresFolder.figureFileName(number: 7) == "fig-0007.svg")
    #expect(FiguresFolder.figureFileName(number: 12345) == "fig-12345.svg")
    #expect(FiguresFolder.environmentVariable == "DESCENT_FIGURES_DIR")
  }

  @Test("Progress records as lines: the doc-comment examples")
  func progressLines() {
    #expect(ProgressRecord.begin(snippet: 0).line == "begin\t0\n")
    #expect(ProgressRecord.end(snippet: 1, figuresShown: 2).line == "end\t1\t2\n")
    #expect(
      ProgressRecord.end(snippet: 1, figuresShown: 2, nanoseconds: 1500).line
        == "end\t1\t2\t1500\n")
    #expect(ProgressRecord.finished.line == "finished\n")
    #expect(
      ProgressRecord.threw(snippet: 3, description: "bad\tshape\nrow 2 \\ col 1").line
        == "threw\t3\tbad\\tshape\\nrow 2 \\\\ col 1\n")
    #expect(ProgressRecord(line: "begin\t0") == .begin(snippet: 0))
  }

  @Test("Every record reads back as written, descriptions with any characters included")
  func progressRoundTrip() {
    let records: [ProgressRecord] = [
      .begin(snippet: 0), .end(snippet: 0, figuresShown: 0), .begin(snippet: 1),
      .threw(snippet: 1, description: "tab\there, newline\nthere, CR\r, backslash \\n, ünï"),
      .threw(snippet: 2, description: ""), .threw(snippet: 4, description: "ends with \\"),
      .end(snippet: 12, figuresShown: 345), .end(snippet: 13, figuresShown: 0, nanoseconds: 0),
      .end(snippet: 14, figuresShown: 2, nanoseconds: 9_876_543_210), .finished,
    ]
    let text = records.map(\.line).joined()
    #expect(text.split(separator: "\n").count == records.count)
    #expect(ProgressRecord.records(in: text) == records)
  }

  @Test("Lines that are not records are skipped (a partial last line, unknown words)")
  func progressSkipsNoise() {
    // Also: a duration that is not a count of nanoseconds, and a fifth field.
    let text =
      "begin\t0\nend\t0\nhello\nend\t0\t1\nbegin\tx\nfinished\textra\nend\t1\t0\t-5\n"
      + "end\t1\t0\t1.5\nend\t1\t0\t7\t8\nbeg"
    #expect(
      ProgressRecord.records(in: text) == [.begin(snippet: 0), .end(snippet: 0, figuresShown: 1)])
  }

  @Test("Figure index entries: tabs and line breaks in captions become spaces")
  func figureEntries() {
    #expect(FigureIndexEntry(number: 3, caption: "loss\tcurve").line == "0003\tloss curve\n")
    #expect(FigureIndexEntry(number: 1, caption: "a\r\nb\nc").caption == "a b c")
    let entries = [
      FigureIndexEntry(number: 1, caption: "first"), FigureIndexEntry(number: 2, caption: ""),
      FigureIndexEntry(number: 10_000, caption: "tab\tand\nline"),
    ]
    #expect(FigureIndexEntry.entries(in: entries.map(\.line).joined()) == entries)
    // A line without a tab is a figure without caption; a line without a number is skipped.
    #expect(
      FigureIndexEntry.entries(in: "0004\nxx\tcaption\n0005\ta\tb\n")
        == [FigureIndexEntry(number: 4, caption: ""), FigureIndexEntry(number: 5, caption: "a b")])
  }
}
