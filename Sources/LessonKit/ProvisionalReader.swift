// PROVISIONAL: a minimal line-based reader and diff used by the runner until the cmark reader
// (branch issue-2-reader: `Lesson(parsing:path:)`, `unifiedDiff`) is merged; then this file is
// deleted and its callers switch to those. Fences must start a line (up to 3 spaces); no lists
// or block quotes; no unclosed-fence diagnostics beyond the basics.

/// Reads a lesson with a simple line scanner (provisional, see the file comment).
///
/// - Parameters:
///   - text: The Markdown source.
///   - path: The path used in messages.
public func provisionalParseLesson(_ text: String, path: String) throws -> Lesson {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
    $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
  }
  var blocks: [FencedBlock] = []
  var title: String?
  var index = 0
  while index < lines.count {
    let line = lines[index]
    let trimmed = line.drop(while: { $0 == " " })
    if title == nil, trimmed.hasPrefix("# ") { title = String(trimmed.dropFirst(2)) }
    let marker = trimmed.first
    if marker == "`" || marker == "~" {
      let fence = String(trimmed.prefix(while: { $0 == marker }))
      if fence.count >= 3 {
        let info = trimmed.dropFirst(fence.count).trimmingSpaces()
        var end = index + 1
        while end < lines.count {
          let candidate = lines[end].drop(while: { $0 == " " })
          if candidate.hasPrefix(fence), candidate.allSatisfy({ $0 == marker || $0 == " " }) {
            break
          }
          end += 1
        }
        if end == lines.count {
          throw LessonError(
            path: path, line: index + 1, message: "unclosed fence; add a closing \(fence)")
        }
        let body = lines[(index + 1)..<end]
        blocks.append(
          FencedBlock(
            info: info, fence: fence, openingLine: index + 1, closingLine: end + 1,
            firstContentLine: index + 2, lastContentLine: end,
            content: body.isEmpty ? "" : body.joined(separator: "\n") + "\n"))
        index = end + 1
        continue
      }
    }
    index += 1
  }
  var snippets: [Snippet] = []
  var blockIndex = 0
  while blockIndex < blocks.count {
    let block = blocks[blockIndex]
    let words = block.info.split(separator: " ")
    if words.first == "swift" {
      var attributes: Set<SnippetAttribute> = []
      for word in words.dropFirst() {
        guard let attribute = SnippetAttribute(rawValue: String(word)) else {
          throw LessonError(
            path: path, line: block.openingLine, message: "unknown attribute '\(word)'")
        }
        attributes.insert(attribute)
      }
      var output: FencedBlock?
      if blockIndex + 1 < blocks.count, blocks[blockIndex + 1].info == "output" {
        output = blocks[blockIndex + 1]
        blockIndex += 1
      }
      snippets.append(
        Snippet(index: snippets.count, code: block, attributes: attributes, output: output))
    } else if block.info == "output" {
      throw LessonError(
        path: path, line: block.openingLine, message: "output block with no snippet before it")
    }
    blockIndex += 1
  }
  return Lesson(path: path, title: title, summary: nil, blocks: blocks, snippets: snippets)
}

/// Expected and actual text, every line marked (provisional, see the file comment).
public func provisionalDiff(expected: String, actual: String) -> String {
  let old = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  let new = actual.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  return "--- expected\n+++ actual\n" + old.map { "-\($0)\n" }.joined()
    + new.map { "+\($0)\n" }.joined()
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
