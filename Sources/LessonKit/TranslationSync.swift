// `lessons sync-translations`: copying the English lesson's snippets and outputs into its
// translations, so that nothing the two share is maintained twice by hand. Only the code
// blocks and output blocks change; the translation's prose, and every other byte, stay.

/// Why a translation could not be synchronised with its lesson.
public struct TranslationSyncError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The problems that stop it (the structure check's), each at its line.
  public var problems: [LessonError]

  /// The problems, one a line.
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// The text of a translation with its English lesson's snippets and outputs copied in.
///
/// When the translation's snippets are its lesson's, in the same order, except for some whose
/// code or attributes changed (none missing, extra or moved: the n-th is the n-th), each
/// snippet whose info string or code differs gets the English one, and each
/// output block the English lesson's (a block is added after a snippet whose English one
/// records output, as `lessons update` adds one). A snippet inside a list item or block quote
/// keeps its container's markers; the fence is lengthened when the code needs it. Nothing else
/// changes: prose, headings, other blocks, line endings.
///
/// ```swift
/// let synced = try syncedTranslation(translation, with: english)
/// try writeAtomically(synced, toFile: translation.path, expected: translation.source)
/// ```
///
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson and source.
/// - Returns: The new text of the translation (its `source` when it was in step already).
/// - Throws: ``TranslationSyncError`` when a snippet is missing, extra or out of order (a
///   snippet added, removed or moved needs a translator: the problems say where), or when the copied text
///   does not read back as a translation in step (a bug; nothing is written).
/// - Complexity: O(*n*) in the size of the two files, plus the structure check.
public func syncedTranslation(_ translation: LessonTranslation, with english: LoadedLesson)
  throws(TranslationSyncError) -> String
{
  let mine = translation.lesson.snippets
  let theirs = english.lesson.snippets
  let problems = classifiedSnippetProblems(translation, of: english.lesson)
  guard mine.count == theirs.count, problems.allSatisfy({ $0.kind == .changed }) else {
    throw TranslationSyncError(problems: problems.filter { $0.kind != .changed }.map(\.error))
  }
  var lines = SourceLines(translation.source)
  // From the end backwards, so that the lines of the blocks still to change stay put.
  for (snippet, source) in zip(mine, theirs).reversed()
  where snippet.code.content != source.code.content || snippet.code.info != source.code.info {
    replaceCode(of: snippet.code, with: source.code, in: &lines)
  }
  var text = lines.text
  let reread: Lesson
  do {
    reread = try Lesson(parsing: text, path: translation.path)
  } catch {
    throw TranslationSyncError(problems: [error])
  }
  var synced = translation
  synced.lesson = reread
  synced.source = text
  text = translationWithOutputs(of: synced, from: english.lesson)
  do {
    synced.lesson = try Lesson(parsing: text, path: translation.path)
  } catch {
    throw TranslationSyncError(problems: [error])
  }
  synced.source = text
  let left = translationSnippetProblems(synced, of: english.lesson)
  guard left.isEmpty else { throw TranslationSyncError(problems: left) }
  return text
}

/// Replaces the info string and body of the code block `block` with `source`'s, keeping the
/// block's container markers and lengthening its fence when the new body needs it.
private func replaceCode(
  of block: FencedBlock, with source: FencedBlock, in lines: inout SourceLines
) {
  let prefix = containerPrefix(ofLine: block.openingLine, in: lines)
  let fence = safeFence(block.fence, for: source.content)
  let ending = lines[block.openingLine].ending
  // The opening line: what stands before the fence (a list marker too), the fence, the info.
  let opening = lines.text(ofLine: block.openingLine)
  let fenceStart = opening.firstIndex(where: MarkdownByte.isFence) ?? opening.startIndex
  let lead = Array(lines[block.openingLine].content[..<fenceStart])
  lines[block.openingLine].content = lead + Array((fence + source.info).utf8)
  if fence != block.fence {
    var closing = lines[block.closingLine].content
    if let start = closing.firstIndex(where: MarkdownByte.isFence) {
      var end = start
      while end < closing.count, MarkdownByte.isFence(closing[end]) { end += 1 }
      closing.replaceSubrange(start..<end, with: Array(fence.utf8))
      lines[block.closingLine].content = closing
    }
  }
  lines.lines.replaceSubrange(
    (block.firstContentLine - 1)..<block.lastContentLine,
    with: prefixedLines(source.content, prefix: prefix, ending: ending))
}

/// The text of a translation whose output blocks are made its English lesson's, byte for byte
/// (a block added where the English snippet has one and the translation's has none); every
/// other byte unchanged. What `lessons update` writes into a lesson's translations once it has
/// written the lesson, so that the two record the same outputs.
///
/// - Precondition: The translation has as many snippets as `english`.
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson, as it now reads.
/// - Returns: The new text (the translation's `source` when its outputs are the English ones).
public func translationWithOutputs(of translation: LessonTranslation, from english: Lesson)
  -> String
{
  precondition(
    translation.lesson.snippets.count == english.snippets.count,
    "\(translation.path) has \(translation.lesson.snippets.count) snippets, \(english.path) "
      + "\(english.snippets.count): check its structure first")
  var outputs: [Int: String] = [:]
  for (snippet, source) in zip(translation.lesson.snippets, english.snippets)
  where (snippet.output?.content ?? "") != (source.output?.content ?? "") {
    outputs[snippet.index] = source.output?.content ?? ""
  }
  return splicingOutputs(outputs, into: translation.source, lesson: translation.lesson)
}
