// The unified diff `lessons verify` prints for a snippet whose output differs from the
// recorded one: the same format as `diff -u`, so it reads like every other diff.

/// A unified diff of two texts, line by line, in the format of `diff -u`.
///
/// Lines are compared whole; a last line without a final newline differs from the same line
/// with one and is marked `\ No newline at end of file`, as GNU diff does. Changes closer
/// than `2 × context` unchanged lines share a hunk.
///
/// ```swift
/// unifiedDiff(
///   expected: "a\nb\nc\n", actual: "a\nB\nc\n",
///   expectedLabel: "recorded", actualLabel: "actual")
/// // --- recorded
/// // +++ actual
/// // @@ -1,3 +1,3 @@
/// //  a
/// // -b
/// // +B
/// //  c
/// ```
///
/// - Parameters:
///   - expected: The old text (the recorded output).
///   - actual: The new text (what the snippet printed).
///   - expectedLabel: The name on the `---` line.
///   - actualLabel: The name on the `+++` line.
///   - context: How many unchanged lines to show around each change.
/// - Returns: The diff, each line ending with `\n`; the empty string when the texts are equal.
/// - Complexity: O((*n* + *m*) · *d*) time and O(*d*²) memory for texts of *n* and *m* lines
///   that differ in *d* lines (Myers' algorithm, after the common start and end are removed).
public func unifiedDiff(
  expected: String, actual: String, expectedLabel: String, actualLabel: String,
  context: Int = 3
) -> String {
  unifiedDiff(
    expected: expected, actual: actual, expectedLabel: expectedLabel, actualLabel: actualLabel,
    context: context, differenceLimit: 2000)
}

/// `unifiedDiff(expected:actual:expectedLabel:actualLabel:context:)`, searching for a
/// shortest edit script only up to `differenceLimit` removed and added lines.
///
/// Beyond the limit (texts that have little in common), the lines between the common start
/// and end are shown as all removed and all added: still a correct diff, not a shortest
/// one, and it keeps time and memory bounded (O(*limit*²) memory).
func unifiedDiff(
  expected: String, actual: String, expectedLabel: String, actualLabel: String,
  context: Int, differenceLimit: Int
) -> String {
  precondition(context >= 0, "context must not be negative")
  guard expected != actual else { return "" }
  let old = diffLines(expected)
  let new = diffLines(actual)
  let edits = editScript(old, new, differenceLimit: differenceLimit)

  var diff = "--- \(expectedLabel)\n+++ \(actualLabel)\n"
  for hunk in hunks(of: edits, context: context) {
    let before = edits[..<hunk.lowerBound]
    diff += hunkText(
      edits[hunk], old: old, new: new,
      oldBefore: before.count { if case .add = $0 { false } else { true } },
      newBefore: before.count { if case .remove = $0 { false } else { true } })
  }
  return diff
}

/// The number of diff lines `lessons` prints for one output at most: 200.
public let shownDiffLineLimit = 200

/// `diff` cut to its first `maxLines` lines, with a last line that says how many were left
/// out and how many of those remove or add lines, so a snippet that prints a million lines
/// does not flood the terminal.
///
/// ```swift
/// truncatedDiff("--- a\n+++ b\n@@ -1 +1,3 @@\n x\n+y\n+z\n", maxLines: 4)
/// // "--- a\n+++ b\n@@ -1 +1,3 @@\n x\n… 2 more lines of this diff not shown (0 removed, 2 added)\n"
/// ```
///
/// - Parameters:
///   - diff: A unified diff, each line ending with `\n`.
///   - maxLines: The most lines to keep (default ``shownDiffLineLimit``).
/// - Returns: `diff` itself when it has at most `maxLines` lines.
/// - Complexity: O(*n*) in the length of `diff`.
public func truncatedDiff(_ diff: String, maxLines: Int = shownDiffLineLimit) -> String {
  precondition(maxLines >= 0, "maxLines must not be negative")
  let lines = diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  guard lines.count > maxLines else { return diff }
  let hidden = lines.dropFirst(maxLines)
  let removed = hidden.count { $0.hasPrefix("-") && !$0.hasPrefix("--- ") }
  let added = hidden.count { $0.hasPrefix("+") && !$0.hasPrefix("+++ ") }
  let kept = lines.prefix(maxLines).map { $0 + "\n" }.joined()
  let count = hidden.count == 1 ? "1 more line" : "\(hidden.count) more lines"
  return kept + "… \(count) of this diff not shown (\(removed) removed, \(added) added)\n"
}

/// A line of a text being diffed.
private struct DiffLine: Equatable {
  /// The line without its `\n`.
  var text: Substring
  /// Whether the line ends with `\n` (only a text's last line may not).
  var hasNewline: Bool
}

/// The lines of `text`, cut at `\n`.
private func diffLines(_ text: String) -> [DiffLine] {
  guard !text.isEmpty else { return [] }
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
    DiffLine(text: $0, hasNewline: true)
  }
  if text.hasSuffix("\n") {
    lines.removeLast()
  } else {
    lines[lines.count - 1].hasNewline = false
  }
  return lines
}

/// One step of an edit script: a line kept, removed from the old text or added from the new.
private enum Edit: Equatable {
  /// Old line `old` equals new line `new` (0-based).
  case keep(old: Int, new: Int)
  /// Old line `old` is removed.
  case remove(old: Int)
  /// New line `new` is added.
  case add(new: Int)

  /// Whether the step changes something.
  var isChange: Bool {
    if case .keep = self { return false }
    return true
  }
}

/// A shortest edit script from `old` to `new` (Myers 1986, "An O(ND) Difference Algorithm
/// and Its Variations"), after removing the lines the texts start and end with in common;
/// when that needs more than `differenceLimit` edits, all the lines in between are removed
/// and added.
private func editScript(_ old: [DiffLine], _ new: [DiffLine], differenceLimit: Int) -> [Edit] {
  var prefix = 0
  while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
  var suffix = 0
  while suffix < old.count - prefix, suffix < new.count - prefix,
    old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
  {
    suffix += 1
  }
  let a = old[prefix..<(old.count - suffix)]
  let b = new[prefix..<(new.count - suffix)]
  let n = a.count
  let m = b.count

  // furthest[k + offset] is the furthest x reached on diagonal k = x - y; trace[d] keeps the
  // diagonals -d...d as they were before round d, to walk the path back.
  let offset = n + m + 1
  var furthest = [Int](repeating: 0, count: 2 * offset + 1)
  var trace: [[Int]] = []
  var middle = (0..<n).map { Edit.remove(old: $0) } + (0..<m).map { Edit.add(new: $0) }
  search: for d in 0...min(n + m, differenceLimit) {
    trace.append(Array(furthest[(offset - d)...(offset + d)]))
    for k in stride(from: -d, through: d, by: 2) {
      var x: Int
      if k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1]) {
        x = furthest[offset + k + 1]
      } else {
        x = furthest[offset + k - 1] + 1
      }
      var y = x - k
      while x < n, y < m, a[a.startIndex + x] == b[b.startIndex + y] {
        x += 1
        y += 1
      }
      furthest[offset + k] = x
      if x >= n, y >= m {
        middle = backtrack(trace: trace, n: n, m: m)
        break search
      }
    }
  }

  var edits = (0..<prefix).map { Edit.keep(old: $0, new: $0) }
  for edit in middle {
    switch edit {
    case .keep(let i, let j): edits.append(.keep(old: prefix + i, new: prefix + j))
    case .remove(let i): edits.append(.remove(old: prefix + i))
    case .add(let j): edits.append(.add(new: prefix + j))
    }
  }
  let oldEnd = old.count - suffix
  let newEnd = new.count - suffix
  edits += (0..<suffix).map { Edit.keep(old: oldEnd + $0, new: newEnd + $0) }
  return edits
}

/// Walks Myers' trace back from (n, m) to (0, 0) and returns the edits in order.
private func backtrack(trace: [[Int]], n: Int, m: Int) -> [Edit] {
  var edits: [Edit] = []
  var x = n
  var y = m
  for d in stride(from: trace.count - 1, through: 0, by: -1) {
    let saved = trace[d]
    let at = { (k: Int) in saved[k + d] }
    let k = x - y
    let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
    let previousX = d == 0 ? 0 : at(previousK)
    let previousY = d == 0 ? 0 : previousX - previousK
    while x > previousX, y > previousY {
      x -= 1
      y -= 1
      edits.append(.keep(old: x, new: y))
    }
    if d > 0 {
      if x == previousX {
        edits.append(.add(new: y - 1))
      } else {
        edits.append(.remove(old: x - 1))
      }
      x = previousX
      y = previousY
    }
  }
  return edits.reversed()
}

/// The ranges of `edits` that make hunks: each change with up to `context` kept lines on
/// either side, changes at most `2 × context` kept lines apart sharing one hunk.
private func hunks(of edits: [Edit], context: Int) -> [ClosedRange<Int>] {
  var ranges: [ClosedRange<Int>] = []
  var first: Int?
  var last = 0
  for (index, edit) in edits.enumerated() where edit.isChange {
    if let start = first, index - last - 1 > 2 * context {
      ranges.append(start...last)
      first = index
    } else if first == nil {
      first = index
    }
    last = index
  }
  if let start = first { ranges.append(start...last) }
  return ranges.map {
    max(0, $0.lowerBound - context)...min(edits.count - 1, $0.upperBound + context)
  }
}

/// One hunk: its `@@` header and lines, removals before additions within each change.
///
/// - Parameters:
///   - oldBefore: The number of old lines before the hunk.
///   - newBefore: The number of new lines before the hunk.
private func hunkText(
  _ edits: ArraySlice<Edit>, old: [DiffLine], new: [DiffLine], oldBefore: Int, newBefore: Int
) -> String {
  let oldCount = edits.count { if case .add = $0 { false } else { true } }
  let newCount = edits.count { if case .remove = $0 { false } else { true } }
  // A side with no lines in the hunk is numbered by the line it follows, as `diff -u` does.
  var text =
    "@@ -\(range(start: oldCount == 0 ? oldBefore : oldBefore + 1, count: oldCount)) "
    + "+\(range(start: newCount == 0 ? newBefore : newBefore + 1, count: newCount)) @@\n"

  var removed: [DiffLine] = []
  var added: [DiffLine] = []
  func flush() {
    for line in removed { text += diffLine("-", line) }
    for line in added { text += diffLine("+", line) }
    removed = []
    added = []
  }
  for edit in edits {
    switch edit {
    case .keep(let i, _):
      flush()
      text += diffLine(" ", old[i])
    case .remove(let i): removed.append(old[i])
    case .add(let j): added.append(new[j])
    }
  }
  flush()
  return text
}

/// `start,count`, or just `start` when `count` is 1, as `diff -u` writes ranges.
private func range(start: Int, count: Int) -> String {
  count == 1 ? "\(start)" : "\(start),\(count)"
}

/// One line of a hunk, with the newline marker when the line has no `\n`.
private func diffLine(_ mark: Character, _ line: DiffLine) -> String {
  "\(mark)\(line.text)\n" + (line.hasNewline ? "" : "\\ No newline at end of file\n")
}
