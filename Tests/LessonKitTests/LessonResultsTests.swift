import Foundation
import LessonResultsFormat
import Testing

@testable import LessonKit

@Suite("Reading a runner's results folder")
struct LessonResultsTests {
  // Snippet 0 opens at line 1 (body 2), snippet 1 at line 6 (body 7–9).
  let fixture = lesson(
    "Lessons/r.md",
    [
      snippet(0, "print(1)\n", at: 1, output: "1\n"),
      snippet(1, "show(a)\nlet z = [1][3]\nshow(b)\n", at: 6),
    ])

  /// A fresh folder with the given files (name → contents).
  func folder(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appending(
      path: "lesson-results-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appending(path: "figures"), withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(to: directory.appending(path: name), atomically: true, encoding: .utf8)
    }
    return directory
  }

  @Test("A finished run gives every snippet its output and the figures it showed")
  func finished() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\t250000000\nbegin\t1\nend\t1\t2\nfinished\n",
      "snippet-0.out": "1\n",
      "snippet-1.out": "",
      "figures/index.tsv": "0001\tfirst\n0002\tsecond one\n",
      "figures/fig-0001.svg": "<svg>1</svg>",
      "figures/fig-0002.svg": "<svg>2</svg>",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 0.5)
    #expect(run.failure == nil)
    #expect(run.snippets.map(\.index) == [0, 1])
    #expect(run.snippets[0].output == "1\n" && run.snippets[0].figures.isEmpty)
    #expect(
      run.snippets[1].figures == [
        FigureOutput(svg: "<svg>1</svg>", caption: "first"),
        FigureOutput(svg: "<svg>2</svg>", caption: "second one"),
      ])
    #expect(run.path == "Lessons/r.md" && run.contentHash == "h")
    // 250 000 000 ns is 0.25 s; snippet 1's record has no duration.
    #expect(run.snippets[0].seconds.map { abs($0 - 0.25) < 1e-12 } == true)
    #expect(run.snippets[1].seconds == nil)
  }

  @Test("A crash names the running snippet and the line the fatal error points at")
  func crash() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\n",
      "snippet-0.out": "1\n",
      "snippet-1.out": "partial\n",
      "stderr.txt": "Lessons/r.md:8: Fatal error: Index out of range\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .signaled(4), contentHash: "h", seconds: 0.5)
    let failure = try #require(run.failure)
    #expect(failure.snippetIndex == 1)
    #expect(failure.line == 8)
    #expect(failure.message.contains("crashed (signal 4"))
    #expect(failure.message.contains("in snippet 2"))
    #expect(failure.message.contains("Fatal error: Index out of range"))
    #expect(run.snippets.map(\.index) == [0])
  }

  @Test("A fatalError message names the file as Module/FILE; its line is used")
  func fatalErrorFileID() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\n",
      "stderr.txt": "lesson_runner/r.md:9: Fatal error: too large\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .signaled(4), contentHash: "h", seconds: 1)
    #expect(run.failure?.line == 9)
    #expect(run.failure?.message.hasSuffix("Fatal error: too large") == true)
  }

  @Test("A timeout names the running snippet at its first line")
  func timeout() throws {
    let directory = try folder(["progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\n"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .timedOut(2), contentHash: "h", seconds: 2)
    let failure = try #require(run.failure)
    #expect(failure.snippetIndex == 1 && failure.line == 7)
    #expect(failure.message.hasPrefix("timed out after 2 s in snippet 2"))
  }

  @Test("A stack frame in another snippet's lines does not move the failure line")
  func lineOutsideSnippet() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\n",
      "stderr.txt": "at Lessons/r.md:2:1\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .signaled(4), contentHash: "h", seconds: 1)
    #expect(run.failure?.line == 7)
  }

  @Test("A thrown error names the snippet, points at its first line and keeps the description")
  func thrown() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\nthrew\t1\tshape 2\\t3\\nrow 2\n",
      "snippet-0.out": "1\n",
      "snippet-1.out": "partial\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .exited(1), contentHash: "h", seconds: 1)
    let failure = try #require(run.failure)
    #expect(failure.snippetIndex == 1 && failure.line == 7)
    #expect(failure.message == "threw in snippet 2: shape 2\t3\nrow 2")
    #expect(run.snippets.map(\.index) == [0])
  }

  @Test("Bytes that are not UTF-8 in an output are kept as \\xHH; standard error is read too")
  func bytesKept() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\nend\t1\t0\nfinished\n"
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data([0x66, 0xFF, 0xFE, 0x0A]).write(to: directory.appending(path: "snippet-0.out"))
    let run = readLessonResults(
      of: fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 0.1)
    #expect(run.failure == nil)
    #expect(run.snippets.map(\.output) == ["f\\xFF\\xFE\n", ""])
  }

  @Test("An overflow record stops the lesson at the snippet's first line, with the limit")
  func overflowRecord() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\noverflow\t1\toutput\n",
      "snippet-0.out": "1\n",
      "stderr.txt": "Lessons/r.md:8: noise that must not move the line\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .exited(3), contentHash: "h", seconds: 1,
      maxOutput: 1 << 20)
    let failure = try #require(run.failure)
    #expect(failure.snippetIndex == 1 && failure.line == 7)
    #expect(
      failure.message.hasPrefix(
        "stopped: snippet 2 printed more than 1 MiB, the limit of one snippet's output"))
    #expect(run.snippets.map(\.index) == [0])
    for (file, words) in [
      ("error", "wrote more than 2 KiB to standard error"),
      ("file", "wrote a file (a figure) of more than 2 KiB"),
    ] {
      try "begin\t0\noverflow\t0\t\(file)\n".write(
        to: directory.appending(path: "progress.tsv"), atomically: true, encoding: .utf8)
      let other = readLessonResults(
        of: fixture, in: directory, termination: .exited(3), contentHash: "h", seconds: 1,
        maxOutput: 2048)
      #expect(other.failure?.message.contains("snippet 1 \(words)") == true, "\(file)")
      #expect(other.failure?.line == 2)
    }
  }

  @Test("An output file larger than the limit is refused when read, even without a record")
  func overflowWhenRead() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\nend\t1\t0\nfinished\n",
      "snippet-0.out": "1\n",
      "snippet-1.out": String(repeating: "x", count: 101),
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 1,
      maxOutput: 100)
    let failure = try #require(run.failure)
    #expect(failure.snippetIndex == 1 && failure.line == 7)
    #expect(failure.message.hasPrefix("stopped: snippet 2 printed more than 100 bytes"))
    #expect(run.snippets.map(\.output) == ["1\n"])
    // At the limit exactly, it is kept.
    let atLimit = readLessonResults(
      of: fixture, in: directory, termination: .exited(0), contentHash: "h", seconds: 1,
      maxOutput: 101)
    #expect(atLimit.failure == nil)
  }

  @Test("A stack overflow record names it; a kill from outside says so; the line stays")
  func signalRecords() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\nsignal\t1\t11\tstack-overflow\n",
      "stderr.txt": "*** Program crashed: Bad pointer dereference at 0x00007ffe ***\n"
        + "at Lessons/r.md:8:3\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .signaled(11), contentHash: "h", seconds: 1)
    let failure = try #require(run.failure)
    #expect(failure.line == 8)
    #expect(
      failure.message
        == "crashed (signal 11: SIGSEGV, a bad memory access) in snippet 2: stack overflow: "
        + "the snippet used up the stack, most likely by a recursion too deep (or a value too "
        + "large for the stack)")
    // Without the record it is an ordinary bad access, with the runtime's summary.
    try "begin\t0\nend\t0\t0\nbegin\t1\nsignal\t1\t11\n".write(
      to: directory.appending(path: "progress.tsv"), atomically: true, encoding: .utf8)
    let plain = readLessonResults(
      of: fixture, in: directory, termination: .signaled(11), contentHash: "h", seconds: 1)
    #expect(
      plain.failure?.message
        == "crashed (signal 11: SIGSEGV, a bad memory access) in snippet 2: Program crashed: "
        + "Bad pointer dereference at 0x00007ffe")
    let killed = readLessonResults(
      of: fixture, in: directory, termination: .signaled(9), contentHash: "h", seconds: 1)
    #expect(
      killed.failure?.message.hasPrefix("was killed (signal 9: SIGKILL, sent from outside") == true)
  }

  @Test("A timed-out run with several backtraces takes the first line inside the snippet")
  func timeoutBacktraces() throws {
    // Two backtraces: the first stopped on an instruction without a line (the file is named
    // with no number), the second names line 8.
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\nbacktrace\t1\nbacktrace\t1\n",
      "stderr.txt": "0 lesson0(_:) + 275 in lesson-runner at Lessons/r.md\n"
        + "0 lesson0(_:) + 301 in lesson-runner at Lessons/r.md:8:46\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .timedOut(3), contentHash: "h", seconds: 4)
    #expect(run.failure?.line == 8)
    #expect(run.failure?.message == "timed out after 3 s in snippet 2")
    #expect(runningSnippet(in: ProgressRecord.records(in: "begin\t0\nend\t0\t0\nbegin\t1\n")) == 1)
    #expect(runningSnippet(in: ProgressRecord.records(in: "begin\t0\nend\t0\t0\n")) == nil)
  }

  @Test("A fails snippet that ran to its end stops the lesson at its first line")
  func didNotFail() throws {
    let directory = try folder([
      "progress.tsv": "begin\t0\nend\t0\t0\nbegin\t1\nnofailure\t1\n",
      "snippet-0.out": "1\n",
      "snippet-1.out": "ran\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = readLessonResults(
      of: fixture, in: directory, termination: .exited(1), contentHash: "h", seconds: 1)
    let failure = try #require(run.failure)
    #expect(failure.snippetIndex == 1 && failure.line == 7)
    #expect(
      failure.message
        == "stopped in snippet 2: the snippet is marked 'fails' but ran to its end without "
        + "trapping or throwing; make it fail, or drop 'fails'")
    #expect(run.snippets.map(\.index) == [0])
  }
}
