// PROVISIONAL: a whole-text diff used by `lessons verify` until the reader's `unifiedDiff`
// (branch issue-2-reader) is merged; then this file is deleted and its caller switches.

/// Expected and actual text, every line marked (provisional, see the file comment).
public func provisionalDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  return "--- expected\n+++ actual\n" + old.map { "-\($0)\n" }.joined()
    + new.map { "+\($0)\n" }.joined()
}
