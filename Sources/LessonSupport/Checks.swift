// What the `check` snippets of an exercise call to test a student's answer.
//
// A failed check does not stop anything: it is reported and the check goes on, so one snippet
// can test several things and report each. When the lessons program runs a check it installs a
// reporter (`@_spi(LessonRunner)`), which records each failure with its Markdown line for
// `lessons verify`, `lessons check` and `lessons grade`; anywhere else (a snippet pasted into a
// REPL or a test) a failure is written to standard error.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the failures of the running check go: the file and line of the failed call and the
/// message to show.
///
/// For the lessons program only (`@_spi(LessonRunner) import LessonSupport`).
@_spi(LessonRunner) public typealias CheckReporter = (
  _ file: String, _ line: Int, _ message: String
) -> Void

nonisolated(unsafe) private var reporter: CheckReporter?
nonisolated(unsafe) private var reportsHidden = false
nonisolated(unsafe) private var failures = 0

/// Installs the reporter the failures of the checks that follow go to, and whether those
/// checks are hidden from students (a hidden check's failure message leaves out the expected
/// value); `nil` writes failures to standard error.
///
/// - Parameters:
///   - newReporter: Receives each failure.
///   - hidden: Whether the check is a `check hidden` snippet.
@_spi(LessonRunner) public func installCheckReporter(_ newReporter: CheckReporter?, hidden: Bool) {
  reporter = newReporter
  reportsHidden = hidden
  failures = 0
}

/// How many checks failed since the reporter was installed.
@_spi(LessonRunner) public var checkFailureCount: Int { failures }

/// Checks that `condition` holds; when it does not, reports `message` and goes on.
///
/// ```swift
/// check(rowSums.count == 2, "one sum per row of a")
/// ```
///
/// - Parameters:
///   - condition: What the answer must satisfy.
///   - message: What is wrong when it does not, in the lesson's language; shown to students
///     (for a hidden check too).
///   - file: The file of the call (a lesson's Markdown file, through `#sourceLocation`).
///   - line: The line of the call.
/// - Returns: `condition`, so that a check can skip what would crash (`if check(…) { … }`).
@discardableResult
public func check(
  _ condition: Bool, _ message: @autoclosure () -> String, file: String = #filePath,
  line: Int = #line
) -> Bool {
  if !condition { reportFailure(message(), file: file, line: line) }
  return condition
}

/// Checks that `actual` equals `expected`; when it does not, reports `message` with the value
/// found (and, in a check students can read, the value expected) and goes on.
///
/// ```swift
/// checkEqual(rowSums.count, 2, "one sum per row of a")
/// // fails with: one sum per row of a: got 0, expected 2
/// ```
///
/// - Parameters:
///   - actual: The answer's value.
///   - expected: The value it must have.
///   - message: What is checked, in the lesson's language.
///   - file: The file of the call.
///   - line: The line of the call.
/// - Returns: Whether the values are equal.
@discardableResult
public func checkEqual<Value: Equatable>(
  _ actual: Value, _ expected: Value, _ message: @autoclosure () -> String,
  file: String = #filePath, line: Int = #line
) -> Bool {
  guard actual != expected else { return true }
  reportFailure(
    message() + ": got " + shortDescription(actual)
      + (reportsHidden ? "" : ", expected " + shortDescription(expected)), file: file, line: line)
  return false
}

/// Checks that `actual` is within `tolerance` of `expected` (`|actual − expected| ≤
/// tolerance`; NaN never is); when it is not, reports `message` with the value found (and, in
/// a check students can read, the value expected) and goes on.
///
/// ```swift
/// checkClose(loss, 0.2504, tolerance: 1e-4, "the training loss after 500 steps")
/// // fails with: the training loss after 500 steps: got 0.31, expected 0.2504 ± 0.0001
/// ```
///
/// - Parameters:
///   - actual: The answer's value.
///   - expected: The value it must be close to.
///   - tolerance: The largest difference allowed (not negative); state in the check why it is
///     that large.
///   - message: What is checked, in the lesson's language.
///   - file: The file of the call.
///   - line: The line of the call.
/// - Returns: Whether the value is close enough.
@discardableResult
public func checkClose<Value: BinaryFloatingPoint>(
  _ actual: Value, _ expected: Value, tolerance: Value, _ message: @autoclosure () -> String,
  file: String = #filePath, line: Int = #line
) -> Bool {
  precondition(tolerance >= 0, "checkClose: the tolerance must not be negative")
  guard !((actual - expected).magnitude <= tolerance) else { return true }
  reportFailure(
    message() + ": got " + shortDescription(actual)
      + (reportsHidden
        ? "" : ", expected " + shortDescription(expected) + " ± " + shortDescription(tolerance)),
    file: file, line: line)
  return false
}

/// Checks that `actual` has as many entries as `expected`, each within `tolerance` of the one
/// at the same place; reports the first that is not (or the count) with `message` and goes on.
///
/// ```swift
/// checkClose(rowSums, [3, 7], tolerance: 1e-12, "the row sums of a")
/// // fails with: the row sums of a: got 0 values, expected 2
/// ```
///
/// - Parameters:
///   - actual: The answer's values.
///   - expected: The values they must be close to.
///   - tolerance: The largest difference allowed for each entry (not negative).
///   - message: What is checked, in the lesson's language.
///   - file: The file of the call.
///   - line: The line of the call.
/// - Returns: Whether every entry is close enough.
/// - Complexity: O(*n*) in the number of entries.
@discardableResult
public func checkClose<Value: BinaryFloatingPoint>(
  _ actual: [Value], _ expected: [Value], tolerance: Value,
  _ message: @autoclosure () -> String, file: String = #filePath, line: Int = #line
) -> Bool {
  precondition(tolerance >= 0, "checkClose: the tolerance must not be negative")
  guard actual.count == expected.count else {
    reportFailure(
      message() + ": got \(actual.count) values"
        + (reportsHidden ? "" : ", expected \(expected.count)"), file: file, line: line)
    return false
  }
  for (position, (value, target)) in zip(actual, expected).enumerated()
  where !((value - target).magnitude <= tolerance) {
    reportFailure(
      message() + ": entry \(position) is " + shortDescription(value)
        + (reportsHidden
          ? "" : ", expected " + shortDescription(target) + " ± " + shortDescription(tolerance)),
      file: file, line: line)
    return false
  }
  return true
}

/// Sends a failure to the reporter, or to standard error when there is none.
private func reportFailure(_ message: String, file: String, line: Int) {
  failures += 1
  if let reporter {
    reporter(file, line, message)
  } else {
    let text = "check failed: \(file):\(line): \(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
  }
}

/// `value` as `String(describing:)` writes it (an optional as its value, or `nil`), cut to
/// 120 characters (`…` after the cut), so a huge answer cannot flood a report.
private func shortDescription(_ value: some Any) -> String {
  let text = (value as? any OptionalDescribing)?.wrappedDescription ?? String(describing: value)
  guard text.count > 120 else { return text }
  return String(text.prefix(119)) + "…"
}

/// An optional, described by what it wraps: `4.0` rather than `Optional(4.0)`.
private protocol OptionalDescribing {
  var wrappedDescription: String { get }
}

extension Optional: OptionalDescribing {
  fileprivate var wrappedDescription: String {
    switch self {
    case .some(let wrapped): shortDescription(wrapped)
    case .none: "nil"
    }
  }
}
