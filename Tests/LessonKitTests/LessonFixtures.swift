// Lessons built by hand for the runner's tests (no reader involved), with the line numbers a
// Markdown file laid out as described would have.

@testable import LessonKit

/// A fenced block at `line` (its opening fence) whose body is `content`.
func fencedBlock(_ info: String, _ content: String, at line: Int) -> FencedBlock {
  let bodyLines =
    content.isEmpty ? 0 : content.split(separator: "\n", omittingEmptySubsequences: false).count - 1
  return FencedBlock(
    info: info, fence: "```", openingLine: line, closingLine: line + bodyLines + 1,
    firstContentLine: line + 1, lastContentLine: line + bodyLines, content: content)
}

/// A snippet whose code block opens at `line`, with an optional output block after it.
func snippet(
  _ index: Int, _ code: String, at line: Int, _ attributes: Set<SnippetAttribute> = [],
  output: String? = nil, outputAt outputLine: Int? = nil
) -> Snippet {
  let codeBlock = fencedBlock(
    (["swift"] + attributes.map(\.rawValue).sorted()).joined(separator: " "), code, at: line)
  let outputBlock = output.map {
    fencedBlock("output", $0, at: outputLine ?? codeBlock.closingLine + 2)
  }
  return Snippet(index: index, code: codeBlock, attributes: attributes, output: outputBlock)
}

/// A lesson at `path` made of `snippets`.
func lesson(_ path: String, _ snippets: [Snippet]) -> Lesson {
  let blocks = snippets.flatMap { [$0.code] + ($0.output.map { [$0] } ?? []) }
  return Lesson(path: path, title: "Fixture", summary: nil, blocks: blocks, snippets: snippets)
}
