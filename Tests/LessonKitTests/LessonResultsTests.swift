import Foundation
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
}
