import Testing

@_spi(LessonRunner) @testable import LessonSupport

/// The check API: what each call reports, with which line, and what a hidden check leaves out.
/// Expected messages follow the doc comments of Checks.swift, written out by hand.
@Suite(.serialized) struct ChecksTests {
  /// Runs `body` with a reporter that collects failures; returns them.
  func failures(hidden: Bool = false, _ body: () -> Void) -> [(line: Int, message: String)] {
    nonisolated(unsafe) var collected: [(line: Int, message: String)] = []
    installCheckReporter({ _, line, message in collected.append((line, message)) }, hidden: hidden)
    body()
    installCheckReporter(nil, hidden: false)
    return collected
  }

  @Test func passingChecksReportNothing() {
    let reported = failures {
      #expect(check(true, "x"))
      #expect(checkEqual([1, 2], [1, 2], "list"))
      #expect(checkClose(0.1 + 0.2, 0.3, tolerance: 1e-12, "sum"))
      #expect(checkClose([1.0, 2.0], [1.0, 2.0 + 1e-13], tolerance: 1e-12, "entries"))
    }
    #expect(reported.isEmpty)
  }

  @Test func failuresCarryTheirLineAndGoOn() {
    var line = 0
    let reported = failures {
      line = #line + 1
      #expect(!check(false, "first"))
      #expect(!checkEqual(3, 4, "count"))
      #expect(!checkClose(0.5, 0.25, tolerance: 1e-6, "value"))
      #expect(!checkClose([1.0], [1.0, 2.0], tolerance: 0, "sizes"))
      #expect(!checkClose([1.0, 2.5], [1.0, 2.0], tolerance: 0.1, "entries"))
      #expect(!checkClose(Double.nan, 0, tolerance: 1, "nan"))
      #expect(!checkEqual(Optional(1.0), Optional(4.0), "optional"))
      #expect(!checkEqual(nil, Optional(4.0), "none"))
    }
    #expect(reported.map(\.line) == Array(line..<line + 8))
    #expect(
      reported.map(\.message) == [
        "first", "count: got 3, expected 4", "value: got 0.5, expected 0.25 ± 1e-06",
        "sizes: got 1 values, expected 2", "entries: entry 1 is 2.5, expected 2.0 ± 0.1",
        "nan: got nan, expected 0.0 ± 1.0", "optional: got 1.0, expected 4.0",
        "none: got nil, expected 4.0",
      ])
    #expect(checkFailureCount == 0)  // reset by installing a reporter again
  }

  @Test func hiddenChecksLeaveOutTheExpectedValue() {
    let reported = failures(hidden: true) {
      checkEqual(3, 4, "count")
      checkClose(0.5, 0.25, tolerance: 1e-6, "value")
      checkClose([1.0], [1.0, 2.0], tolerance: 0, "sizes")
    }
    #expect(reported.map(\.message) == ["count: got 3", "value: got 0.5", "sizes: got 1 values"])
  }

  @Test func longValuesAreCut() {
    let reported = failures { checkEqual(String(repeating: "a", count: 500), "b", "long") }
    let message = reported.first?.message ?? ""
    #expect(message.hasPrefix("long: got " + String(repeating: "a", count: 119) + "…, expected b"))
  }
}
