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
      .end(snippet: 12, figuresShown: 345), .signal(snippet: 5, signal: 7, stackOverflow: false),
      .signal(snippet: nil, signal: 11, stackOverflow: true), .overflow(snippet: 0, file: .output),
      .backtrace(snippet: 2), .backtrace(snippet: nil), .finished,
    ]
    let text = records.map(\.line).joined()
    #expect(text.split(separator: "\n").count == records.count)
    #expect(ProgressRecord.records(in: text) == records)
  }

  @Test("Signal and overflow records, as CLessonGuard's handlers write them")
  func signalRecords() {
    // The lines below are what the C handlers write (CLessonGuard.c, `record`), by hand.
    #expect(
      ProgressRecord(line: "signal\t2\t11\tstack-overflow")
        == .signal(snippet: 2, signal: 11, stackOverflow: true))
    #expect(
      ProgressRecord(line: "signal\t0\t4") == .signal(snippet: 0, signal: 4, stackOverflow: false))
    #expect(
      ProgressRecord(line: "signal\t\t6") == .signal(snippet: nil, signal: 6, stackOverflow: false))
    #expect(ProgressRecord(line: "overflow\t1\toutput") == .overflow(snippet: 1, file: .output))
    #expect(ProgressRecord(line: "overflow\t\tfile") == .overflow(snippet: nil, file: .file))
    #expect(
      ProgressRecord.signal(snippet: 2, signal: 11, stackOverflow: true).line
        == "signal\t2\t11\tstack-overflow\n")
    #expect(ProgressRecord.overflow(snippet: 3, file: .error).line == "overflow\t3\terror\n")
    #expect(ProgressRecord(line: "backtrace\t1") == .backtrace(snippet: 1))
    #expect(ProgressRecord(line: "backtrace\t") == .backtrace(snippet: nil))
    #expect(ProgressRecord.backtrace(snippet: 4).line == "backtrace\t4\n")
    // Not records: an unknown mark, a missing signal, an unknown file, a bad index.
    for line in [
      "signal\t1\t11\tother", "signal\t1", "overflow\t1\tdisk", "signal\tx\t4",
      "overflow\t-\toutput", "backtrace\t1\t2", "backtrace",
    ] {
      #expect(ProgressRecord(line: Substring(line)) == nil, "\(line)")
    }
  }

  @Test("Lines that are not records are skipped (a partial last line, unknown words)")
  func progressSkipsNoise() {
    let text = "begin\t0\nend\t0\nhello\nend\t0\t1\nbegin\tx\nfinished\textra\nbeg"
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
