import Testing

@testable import LessonKit

// Every expected diff below is what GNU diffutils 3.8 prints for the same two files with
// `diff -U<context> --label recorded --label actual old new` (run by hand on this machine;
// the texts were written with printf, so the newline at the end is exactly as here).

/// `unifiedDiff` with the labels the expectations use.
private func diff(_ old: String, _ new: String, context: Int = 3) -> String {
  unifiedDiff(
    expected: old, actual: new, expectedLabel: "recorded", actualLabel: "actual",
    context: context)
}

/// The lines `1\n` … `20\n`, with the lines named in `replacements` replaced.
private func numbered(_ replacements: [Int: String] = [:]) -> String {
  (1...20).map { (replacements[$0] ?? "\($0)") + "\n" }.joined()
}

@Test("the doc example: one changed line between two kept ones")
func docExampleDiff() {
  #expect(
    diff("a\nb\nc\n", "a\nB\nc\n")
      == "--- recorded\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
}

@Test("equal texts have an empty diff")
func equalTexts() {
  #expect(diff("", "") == "")
  #expect(diff("a\nb\n", "a\nb\n") == "")
}

@Test("from and to an empty text")
func emptySides() {
  #expect(diff("", "a\nb\n") == "--- recorded\n+++ actual\n@@ -0,0 +1,2 @@\n+a\n+b\n")
  #expect(diff("a\n", "") == "--- recorded\n+++ actual\n@@ -1 +0,0 @@\n-a\n")
}

@Test("a missing newline at the end is a difference, marked as GNU diff marks it")
func missingNewline() {
  #expect(
    diff("a\nb", "a\nb\n")
      == "--- recorded\n+++ actual\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
  #expect(
    diff("x\ny", "x\nz")
      == "--- recorded\n+++ actual\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n"
      + "+z\n\\ No newline at end of file\n")
}

@Test("distant changes get their own hunks")
func twoHunks() {
  #expect(
    diff(numbered(), numbered([2: "two", 15: "fifteen"]))
      == "--- recorded\n+++ actual\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
      + "@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n")
}

@Test("changes 2 × context lines apart share a hunk; one more line apart, they do not")
func hunkMerging() {
  #expect(
    diff(numbered(), numbered([2: "two", 9: "nine"]))
      == "--- recorded\n+++ actual\n@@ -1,12 +1,12 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n 8\n"
      + "-9\n+nine\n 10\n 11\n 12\n")
  #expect(
    diff(numbered(), numbered([2: "two", 10: "ten"]))
      == "--- recorded\n+++ actual\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
      + "@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n")
}

@Test("no context: ranges of length 0 are numbered by the line before them")
func zeroContext() {
  #expect(
    diff("a\nb\nc\nd\n", "a\nc\nX\nd\n", context: 0)
      == "--- recorded\n+++ actual\n@@ -2 +1,0 @@\n-b\n@@ -3,0 +3 @@\n+X\n")
}

@Test("an added line in the middle")
func insertedLine() {
  #expect(
    diff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nnew\ne\nf\ng\nh\n")
      == "--- recorded\n+++ actual\n@@ -2,6 +2,7 @@\n b\n c\n d\n+new\n e\n f\n g\n")
}

@Test("changed lines: all removals of a change come before its additions")
func removalsBeforeAdditions() {
  #expect(
    diff(
      "epoch 1 loss 0.9\nepoch 2 loss 0.5\nepoch 3 loss 0.3\n",
      "epoch 1 loss 0.9\nepoch 2 loss 0.4\nepoch 3 loss 0.2\nepoch 4 loss 0.1\n")
      == "--- recorded\n+++ actual\n@@ -1,3 +1,4 @@\n epoch 1 loss 0.9\n-epoch 2 loss 0.5\n"
      + "-epoch 3 loss 0.3\n+epoch 2 loss 0.4\n+epoch 3 loss 0.2\n+epoch 4 loss 0.1\n")
}

@Test("Chinese text")
func chineseDiff() {
  #expect(
    diff("损失 0.5\n步长 1\n", "损失 0.25\n步长 1\n")
      == "--- recorded\n+++ actual\n@@ -1,2 +1,2 @@\n-损失 0.5\n+损失 0.25\n 步长 1\n")
}

@Test("a large text with scattered changes: the diff is minimal and applies back")
func largeText() {
  // 2000 lines; every 97th line changed and every 131st removed. Applying the hunks to the
  // old text must give the new one, and the number of -/+ lines must be the minimum, which
  // here is the number of changed lines (removed + replaced) on each side.
  let old = (0..<2000).map { "line \($0)\n" }
  var new: [String] = []
  var removedCount = 0
  var changedCount = 0
  for (index, line) in old.enumerated() {
    if index % 131 == 0 {
      removedCount += 1
    } else if index % 97 == 0 {
      changedCount += 1
      new.append("changed \(index)\n")
    } else {
      new.append(line)
    }
  }
  let text = diff(old.joined(), new.joined())
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let minus = lines.count { $0.hasPrefix("-") && !$0.hasPrefix("---") }
  let plus = lines.count { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
  #expect(minus == removedCount + changedCount)
  #expect(plus == changedCount)
  #expect(apply(text, to: old) == new)
}

@Test("past the difference limit the middle is all removed and added, and still applies")
func differenceLimit() {
  let old = (0..<50).map { "old \($0)\n" }
  let new = ["same start\n"] + (0..<40).map { "new \($0)\n" }
  let oldText = "same start\n" + old.joined()
  let text = unifiedDiff(
    expected: oldText, actual: new.joined(), expectedLabel: "recorded", actualLabel: "actual",
    context: 3, differenceLimit: 10)
  // One common line, then 50 removed and 40 added: the hunk starts at the common line.
  #expect(text.hasPrefix("--- recorded\n+++ actual\n@@ -1,51 +1,41 @@\n same start\n-old 0\n"))
  #expect(apply(text, to: ["same start\n"] + old) == new)
  // Within the limit the same texts give the same diff (nothing in common to keep).
  #expect(text == diff(oldText, new.joined()))

  // Two changes (4 edits) with a limit of 1: lines 5 to 15 are replaced as a whole, with 3
  // lines of context on either side: 3 + 11 + 3 = 17 lines on each side, from line 2.
  let changed = numbered([5: "five", 15: "fifteen"])
  let limited = unifiedDiff(
    expected: numbered(), actual: changed, expectedLabel: "recorded", actualLabel: "actual",
    context: 3, differenceLimit: 1)
  #expect(limited.hasPrefix("--- recorded\n+++ actual\n@@ -2,17 +2,17 @@\n 2\n 3\n 4\n-5\n-6\n"))
  #expect(limited.split(separator: "\n").count { $0.hasPrefix("-") } == 1 + 11)
  let oldLines = (1...20).map { "\($0)\n" }
  #expect(apply(limited, to: oldLines).joined() == changed)
}

/// Applies a unified diff made by `unifiedDiff` (full lines, all ending with `\n`) to `old`.
private func apply(_ diff: String, to old: [String]) -> [String] {
  var result: [String] = []
  var next = 0
  for line in diff.split(separator: "\n").dropFirst(2) {
    if line.hasPrefix("@@") {
      // "@@ -start,count +..." — copy the old lines before the hunk.
      let oldRange = line.split(separator: " ")[1].dropFirst().split(separator: ",")
      let start = Int(oldRange[0])!
      let count = oldRange.count > 1 ? Int(oldRange[1])! : 1
      let firstOld = count == 0 ? start : start - 1
      result += old[next..<firstOld]
      next = firstOld
    } else if line.hasPrefix("-") {
      next += 1
    } else if line.hasPrefix("+") {
      result.append(line.dropFirst() + "\n")
    } else {
      result.append(old[next])
      next += 1
    }
  }
  return result + old[next...]
}

@Test("truncatedDiff: the doc example; a short diff is kept whole")
func truncatedDiffs() {
  let diff = "--- a\n+++ b\n@@ -1 +1,3 @@\n x\n+y\n+z\n"
  #expect(
    truncatedDiff(diff, maxLines: 4)
      == "--- a\n+++ b\n@@ -1 +1,3 @@\n x\n… 2 more lines of this diff not shown (0 removed, 2 added)\n"
  )
  #expect(truncatedDiff(diff, maxLines: 6) == diff)
  #expect(truncatedDiff("", maxLines: 0) == "")
  // One line left out, a removed one; the header lines are not counted as changes.
  #expect(
    truncatedDiff("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n", maxLines: 3)
      == "--- a\n+++ b\n@@ -1 +0,0 @@\n… 1 more line of this diff not shown (1 removed, 0 added)\n")
}
