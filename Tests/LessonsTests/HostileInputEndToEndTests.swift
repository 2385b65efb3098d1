// End-to-end tests of `lessons` on lessons that misbehave (issue 17): bytes that are not UTF-8,
// a byte-order mark and CRLF line endings, a snippet that prints without end, a stack
// overflow, signals, two updates of one lesson at once; and what already worked and must stay
// so. The fixtures are in Tests/LessonFixtures/Lessons (see EndToEndTests.swift).

import Foundation
import Testing

@Suite("lessons under hostile input, end to end")
struct HostileInputEndToEndTests {
  @Test("update keeps BOM, CRLF, tabs byte for byte; non-UTF-8 bytes kept as \\xHH")
  func bytesSurviveUpdate() throws {
    let package = try FixturePackage()
    let before = try package.bytes("bytes")
    // What the test is about: the fixture starts with a BOM and has CRLF endings, a tab and
    // trailing blanks, and no line ending at its end.
    #expect(before.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(String(decoding: before, as: UTF8.self).contains("\t\r\n"))
    let first = try package.lessons(["verify"], lessons: ["bytes"])
    #expect(first.status == 1)
    // The snippet wrote f, 0xFF, 0xFE and a line feed: shown, not lost.
    #expect(first.output.contains("-stale\n+f\\xFF\\xFE\n"), "\(first.output)")

    let update = try package.lessons(["update"], lessons: ["bytes"])
    #expect(update.status == 0, "\(update.output)")
    #expect(update.output.contains(package.path("bytes") + ": updated"))
    // Written by hand from the fixture: the stale block gets the escaped bytes; the second
    // snippet (it printed "one\r\ntwo\rthree", a NUL and "four") gets a new block after a blank
    // line; the snippet's CR and CRLF become line breaks, and every new line ends with the
    // file's CRLF. Nothing else changes.
    let expected = String(decoding: before, as: UTF8.self)
      .replacingOccurrences(
        of: "```output\r\nstale\r\n```", with: "```output\r\nf\\xFF\\xFE\r\n```"
      )
      .replacingOccurrences(
        of: "\\u{0}four\")\r\n```\r\n",
        with: "\\u{0}four\")\r\n```\r\n\r\n```output\r\none\r\ntwo\r\nthree\\x00four\r\n```\r\n")
    #expect(try package.bytes("bytes") == Array(expected.utf8))

    let verify = try package.lessons(["verify"], lessons: ["bytes"])
    #expect(verify.status == 0, "\(verify.output)")
    let again = try package.lessons(["update"], lessons: ["bytes"])
    #expect(again.output.contains(package.path("bytes") + ": unchanged"))
    #expect(try package.bytes("bytes") == Array(expected.utf8))
  }

  @Test("a snippet printing more than 1 MiB stops at its line; update does not write it")
  func outputLimit() throws {
    let package = try FixturePackage()
    let before = try package.bytes("flood")
    // 100 000 lines of "flood line N" (at least 1.6 MB): past the default 1 MiB.
    let verify = try package.lessons(["verify"], lessons: ["flood"])
    #expect(verify.status == 1)
    #expect(
      verify.output.contains(
        package.path("flood")
          + ":8: error: lesson stopped: snippet 1 printed more than 1 MiB, the limit of one "
          + "snippet's output (--max-output)"), "\(verify.output.prefix(2000))")
    // No diff of the partial output: the whole report is a few lines.
    #expect(verify.output.split(separator: "\n").count < 6)
    let update = try package.lessons(["update"], lessons: ["flood"])
    #expect(update.status == 1)
    #expect(
      update.output.contains("printed more than 1 MiB") && update.output.contains("not updated"))
    #expect(try package.bytes("flood") == before)

    // --max-output sets the limit: ten lines of at least 13 bytes are more than 100 bytes.
    let small = try package.lessons(
      ["verify", "--max-output", "100"], lessons: ["flood"],
      environment: ["DESCENT_FIXTURE_LINES": "10"])
    #expect(small.status == 1)
    #expect(
      small.output.contains(":8: error: lesson stopped: snippet 1 printed more than 100 bytes"))
    let bad = try package.lessons(["verify", "--max-output", "lots"], lessons: ["flood"])
    #expect(bad.status != 0)
    #expect(bad.error.contains("--max-output must be a positive size"))
  }

  @Test("a long diff is cut to 200 lines with a count of what was left out")
  func longDiffIsCut() throws {
    let package = try FixturePackage()
    // Under a 2 MiB limit the 100 000 lines are kept and differ from the one recorded line.
    let result = try package.lessons(["verify", "--max-output", "2MiB"], lessons: ["flood"])
    #expect(result.status == 1)
    // The diff by hand: ---, +++, @@, " flood line 0", then 99 999 added lines: 100 003 lines,
    // of which 200 are shown and the other 99 803 (all added) counted.
    #expect(
      result.output.contains(
        "\n… 99803 more lines of this diff not shown (0 removed, 99803 added)\n"),
      "\(result.output.suffix(500))")
    #expect(result.output.contains("+flood line 196\n"))
    #expect(!result.output.contains("+flood line 197\n"))
    #expect(result.output.split(separator: "\n").count < 210)
  }

  @Test("a stack overflow is reported as one, at the line of the call, in the right snippet")
  func stackOverflow() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify"], lessons: ["recursion"])
    #expect(result.status == 1)
    // depth(100_000_000) is called on line 19; the function is declared in snippet 2.
    #expect(
      result.output.contains(
        package.path("recursion")
          + ":19: error: lesson crashed (signal 11: SIGSEGV, a bad memory access) in snippet 3: "
          + "stack overflow"), "\(result.output)")
    #expect(result.output.contains("(the 2 snippets before it printed their recorded output)"))
  }

  @Test("SIGSEGV, SIGFPE, SIGABRT, SIGBUS fail the lesson at its line; SIGKILL is a kill")
  func signals() throws {
    let package = try FixturePackage()
    let path = package.path("signal")
    func verify(_ signal: String) throws -> String {
      let result = try package.lessons(
        ["verify", "--no-cache"], lessons: ["signal"],
        environment: ["DESCENT_FIXTURE_SIGNAL": signal])
      #expect(result.status == 1, "\(signal): \(result.output)")
      return result.output
    }
    // Without a signal the lesson passes (raise is not reached).
    #expect(try package.lessons(["verify"], lessons: ["signal"]).status == 0)
    // A bad pointer: the backtrace names the line of the write (18); not a stack overflow.
    let segv = try verify("SIGSEGV")
    #expect(
      segv.contains(
        path + ":18: error: lesson crashed (signal 11: SIGSEGV, a bad memory access) in snippet 2"),
      "\(segv)")
    #expect(!segv.contains("stack overflow"))
    // raise(): the line is the snippet's (16) or the raise's (20), whichever the backtrace
    // gives; before the runner's handler ended the process, SIGABRT and SIGBUS were
    // swallowed and the lesson passed.
    for (signal, name) in [
      ("SIGFPE", "signal 8: SIGFPE"), ("SIGABRT", "signal 6: SIGABRT"),
      ("SIGBUS", "signal 7: SIGBUS"),
    ] {
      let output = try verify(signal)
      let reported = [16, 20].contains {
        output.contains(path + ":\($0): error: lesson crashed (\(name)")
      }
      #expect(reported, "\(output)")
      #expect(output.contains(") in snippet 2"))
    }
    let kill = try verify("SIGKILL")
    #expect(
      kill.contains(
        path + ":16: error: lesson was killed (signal 9: SIGKILL, sent from outside the lesson"),
      "\(kill)")
  }

  @Test("two updates of one lesson at once: one writes, the other refuses and keeps that edit")
  func concurrentUpdates() throws {
    let package = try FixturePackage()
    let barrier = package.root.appending(path: "barrier")
    try FileManager.default.createDirectory(at: barrier, withIntermediateDirectories: true)
    let results = ResultBox()
    // Both read the lesson, then their lesson processes wait for each other in the snippet,
    // so neither writes before both have read it.
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      let word = ["alpha", "beta"][index]
      let result = try? package.lessons(
        ["update", "--no-cache", "--timeout", "120"], lessons: ["concurrent"],
        environment: ["DESCENT_FIXTURE_BARRIER": barrier.path, "DESCENT_FIXTURE_WORD": word])
      results.set(index, result)
    }
    let both = results.values
    #expect(both.count == 2)
    let winners = both.filter { $0.status == 0 }
    let losers = both.filter { $0.status != 0 }
    #expect(winners.count == 1 && losers.count == 1, "\(both)")
    guard let winner = winners.first, let loser = losers.first else { return }
    #expect(winner.output.contains(package.path("concurrent") + ": updated"))
    #expect(
      loser.output.contains(
        package.path("concurrent")
          + ": error: not updated: the file changed since it was read (another `lessons "
          + "update` or an editor wrote it meanwhile); it was not overwritten"), "\(loser)")
    #expect(loser.output.hasSuffix("0 updated, 0 unchanged, 1 failed\n"))
    // The file holds the winner's output, whole.
    let text = try package.text("concurrent")
    let word = winner.word
    #expect(text.contains("```output\n\(word)\n```\n"))
    #expect(!text.contains("```output\nalone\n```"))
  }

  @Test("still so: a bad lesson file is reported at its lines before anything runs")
  func badFilesReportedAtTheirLines() throws {
    let package = try FixturePackage()
    let files = [
      "unclosed": "# U\n\n```swift\nprint(1)\n",
      "unknown": "# A\n\n```swift hiden\nprint(1)\n```\n",
      "orphan": "# O\n\nText.\n\n```output\n1\n```\n",
    ]
    for (name, text) in files {
      try text.write(
        to: package.root.appending(path: package.path(name)), atomically: true, encoding: .utf8)
    }
    let result = try package.lessons(["verify"], lessons: ["unclosed", "unknown", "orphan"])
    #expect(result.status != 0)
    #expect(result.output.isEmpty)
    #expect(
      result.error.contains(
        package.path("unclosed") + ":3: error: the code fence ``` opened here is never closed"))
    #expect(
      result.error.contains(
        package.path("unknown") + ":3: error: unknown snippet attribute 'hiden'"))
    #expect(result.error.contains(package.path("orphan") + ":5: error:"))
  }

  @Test("still so: exit(0) in a snippet is reported as a lesson stopped before its end")
  func exitInSnippet() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify"], lessons: ["exits", "pass"])
    #expect(result.status == 1)
    #expect(result.output.hasSuffix("1 passed, 1 failed\n"))
    #expect(
      result.output.contains(
        package.path("exits") + ":12: error: lesson stopped before its end in snippet 2"),
      "\(result.output)")
  }

  @Test("still so: a ``` line lengthens the fence; <script> is escaped on the page")
  func markupInOutputs() throws {
    let package = try FixturePackage()
    let update = try package.lessons(["update"], lessons: ["markup"])
    #expect(update.status == 0, "\(update.output)")
    #expect(
      try package.text("markup").hasSuffix(
        "\n````output\n<script>alert(1)</script>\n```\na & b\n````\n"))
    #expect(try package.lessons(["verify"], lessons: ["markup"]).status == 0)
    let site = package.root.appending(path: "site")
    let render = try package.lessons(["render", "--output", site.path], lessons: ["markup"])
    #expect(render.status == 0, "\(render.output)\(render.error)")
    let page = try String(contentsOf: site.appending(path: "markup.html"), encoding: .utf8)
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;\n```\na &amp; b\n"))
    #expect(!page.contains("<script>alert"))
  }

  @Test("fails: a trap or a throw is recorded as its normalized error; the lesson goes on")
  func expectedFailures() throws {
    let package = try FixturePackage()
    let original = try package.text("fails")
    let verify = try package.lessons(["verify"], lessons: ["fails"])
    #expect(verify.status == 0, "\(verify.output)")
    // update writes the same lines into stale blocks (the expected lines are the fixture's,
    // written by hand: the address and the absolute path normalized, the error on a line of
    // its own after output without a line feed).
    let bodies = [
      "inside 3\nPrecondition failed: step 3 at 0x… in x.swift:12\n",
      "no line feed before the error\nthrew: a negative step: -1.0\n",
      "Fatal error: Index out of range\n",
    ]
    var stale = original
    for body in bodies {
      #expect(stale.contains("```output\n" + body + "```"))
      stale = stale.replacingOccurrences(of: "```output\n" + body, with: "```output\nstale\n")
    }
    try stale.write(
      to: package.root.appending(path: package.path("fails")), atomically: true, encoding: .utf8)
    let update = try package.lessons(["update"], lessons: ["fails"])
    #expect(update.status == 0, "\(update.output)")
    #expect(try package.text("fails") == original)

    // A fails snippet that hangs: the time limit stops it like any other, at its first line
    // (the lesson process waits for the fork, so its backtraces name no lesson line).
    let hanging = try package.lessons(["verify", "--timeout", "3"], lessons: ["fails-hang"])
    #expect(hanging.status == 1)
    #expect(
      hanging.output.contains(
        package.path("fails-hang") + ":4: error: lesson timed out after 3 s in snippet 1"),
      "\(hanging.output)")

    let notFailing = try package.lessons(["verify"], lessons: ["fails-not"])
    #expect(notFailing.status == 1)
    #expect(
      notFailing.output.contains(
        package.path("fails-not")
          + ":4: error: lesson stopped in snippet 1: the snippet is marked 'fails' but ran to "
          + "its end without trapping or throwing; make it fail, or drop 'fails'"),
      "\(notFailing.output)")
  }
}

/// The results of concurrent runs, by index (written from several threads).
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Int: (status: Int32, output: String, error: String)] = [:]

  func set(_ index: Int, _ result: (status: Int32, output: String, error: String)?) {
    lock.withLock { results[index] = result }
  }

  /// The results in index order, each with the word its run printed.
  var values: [(status: Int32, output: String, error: String, word: String)] {
    lock.withLock {
      results.keys.sorted().compactMap { index in
        results[index].map { ($0.status, $0.output, $0.error, ["alpha", "beta"][index]) }
      }
    }
  }
}
