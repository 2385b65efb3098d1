// What the exit tests check after the child process stopped: that it stopped for the
// reason the test is about, by the message on its standard error, so an unrelated crash
// does not pass the test.

import Testing

/// Expects an exit test's child process to have written `message` to its standard error
/// (a `precondition` prints its message there before stopping the process). Run the exit
/// test with `observing: [\.standardErrorContent]`:
///
///     let result = await #expect(
///       processExitsWith: .failure, observing: [\.standardErrorContent]
///     ) { _ = a + b }
///     expectStandardError(result, contains: "2×3 and 3×2")
///
/// - Parameters:
///   - result: What `#expect(processExitsWith:observing:)` returned (`nil` when the process
///     did not exit as expected, which that expectation already reported).
///   - message: A part of the expected message.
///   - sourceLocation: Where a failure is reported.
public func expectStandardError(
  _ result: ExitTest.Result?, contains message: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let result else { return }
  let standardError = String(decoding: result.standardErrorContent, as: UTF8.self)
  #expect(
    standardError.contains(message),
    "standard error does not contain \"\(message)\":\n\(standardError)",
    sourceLocation: sourceLocation)
}
