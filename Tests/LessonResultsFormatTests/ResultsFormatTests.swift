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
      .end(snippet: 14, figuresShown: 2, nanoseconds: 9_876_543_210),
      .signal(snippet: 5, signal: 7, stackOverflow: false),
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

  @Test("A fails snippet's error lines: the doc-comment examples")
  func expectedFailureExamples() {
    #expect(
      ExpectedFailure.thrownLine(description: "Adam: learningRate must be in (0, ∞), got -1.0")
        == "threw: Adam: learningRate must be in (0, ∞), got -1.0\n")
    #expect(
      ExpectedFailure.trapLine(
        standardError: "lesson_runner/04-x.md:12: Fatal error: NaN at step 3\n", signal: 4)
        == "Fatal error: NaN at step 3\n")
    #expect(
      ExpectedFailure.normalized("bad pointer 0x00007ffe12ab at /tmp/x/y.swift:3")
        == "bad pointer 0x… at y.swift:3")
    #expect(ExpectedFailure.exitLine(status: 3) == "exited with status 3\n")
    #expect(ResultsFolder.snippetErrorFileName(snippetIndex: 3) == "snippet-3.err")
  }

  @Test("Trap lines: the runtime's message from its first word; a crash without one")
  func trapLines() {
    // As the Swift runtime prints them (a standard-library trap, a precondition, a backtrace
    // after the message that must not be picked).
    let indexOutOfRange =
      "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\n"
      + "\n*** Signal 4: Backtracing from 0x55d63b53be97... done ***\n"
    #expect(
      ExpectedFailure.trapLine(standardError: indexOutOfRange, signal: 4)
        == "Fatal error: Index out of range\n")
    #expect(
      ExpectedFailure.trapLine(
        standardError: "x/a.md:3: Precondition failed: step < 3\n", signal: 4)
        == "Precondition failed: step < 3\n")
    #expect(ExpectedFailure.trapLine(standardError: "", signal: 11) == "crashed (signal 11)\n")
  }

  @Test("Normalization: addresses and absolute paths go, everything else stays")
  func normalization() {
    let cases: [(String, String)] = [
      ("at 0x7ffe5a3b9c10.", "at 0x…."),
      (
        "0x1F and 0xABCDE stay (fewer than six digits)",
        "0x1F and 0xABCDE stay (fewer than six digits)"
      ),
      ("(/home/a/Descent/Sources/B.swift:12)", "(B.swift:12)"),
      ("ratio 1/2 and a / b", "ratio 1/2 and a / b"),
      ("file=/etc/passwd, done", "file=passwd, done"),
      ("id0x12345678 is a word", "id0x12345678 is a word"),
      ("learningRate must be in (0, ∞), got -1.0", "learningRate must be in (0, ∞), got -1.0"),
    ]
    for (text, expected) in cases {
      #expect(ExpectedFailure.normalized(text) == expected, "\(text)")
    }
  }

  @Test("The nofailure record")
  func noFailureRecord() {
    #expect(ProgressRecord.didNotFail(snippet: 2).line == "nofailure\t2\n")
    #expect(ProgressRecord(line: "nofailure\t2") == .didNotFail(snippet: 2))
    #expect(ProgressRecord(line: "nofailure\t") == nil)
  }
}
