// The drift check of a translation: its snippets are its English lesson's, verbatim and in the
// same order; its headings are as many, of the same levels, with the snippets in the same
// sections; its output blocks are what the English lesson's run printed; and the run that draws
// its figures (the English lesson run again in the translation's language) prints exactly what
// the English run printed.

import LessonResultsFormat

/// A heading of a lesson file, for the correspondence of sections between a lesson and its
/// translation.
struct LessonHeading: Sendable, Equatable {
  /// 1 to 6.
  var level: Int
  /// The line it starts on.
  var line: Int
  /// Its plain text.
  var text: String
}

/// The headings of a Markdown document, in order, in any container.
///
/// - Parameter source: The Markdown text.
func lessonHeadings(in source: String) -> [LessonHeading] {
  markdownBlocks(in: source).compactMap { block in
    guard case .heading(let level) = block.kind else { return nil }
    return LessonHeading(level: level, line: block.startLine, text: block.text)
  }
}

/// What identifies a snippet across a lesson and its translation: its info string's words and
/// its code, byte for byte.
private func snippetKey(_ snippet: Snippet) -> String {
  snippetInfo(snippet) + "\u{0}" + snippet.code.content
}

/// The snippet's info string with its words separated by single spaces (`swift hide`).
private func snippetInfo(_ snippet: Snippet) -> String {
  snippet.code.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
}

/// The fenced text of a snippet, for diffs: its info line, then its code.
private func snippetText(_ snippet: Snippet) -> String {
  "```" + snippetInfo(snippet) + "\n" + snippet.code.content
}

/// Checks that a translation has its English lesson's snippets and sections.
///
/// - **Snippets**: the translation's snippets are the English lesson's, each with the same info
///   string (attributes) and the same code byte for byte, in the same order. The two lists are
///   aligned (longest common subsequence); what is left over is reported at the translation's
///   line: a snippet the English lesson has in another place (*out of order*), a snippet whose
///   code or attributes differ from the English one in its place (*changed*, with a diff,
///   `-` English, `+` translation), a snippet of the English lesson with none in its place
///   (*missing*), and a snippet the English lesson does not have (*extra*).
/// - **Sections**: as many headings, of the same levels in the same order (the site's language
///   switch lands on the n-th heading of the other page), and, when the snippets and headings
///   agree, each snippet under the same heading as in the English lesson.
///
/// Output blocks are not compared here: see ``checkTranslation(_:of:englishRun:translatedRun:)``.
///
/// ```swift
/// let problems = checkTranslationStructure(translation, of: english)
/// for problem in problems { print(problem) }
/// // Lessons/zh/01-diagnosis.md:48: error: snippet 3 differs from snippet 3 of Lessons/01-…
/// ```
///
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson, with its source.
/// - Returns: The problems, in the translation's line order; empty when the structure agrees.
/// - Complexity: O(*n* · *m*) for *n* and *m* snippets, plus parsing both files' headings.
public func checkTranslationStructure(
  _ translation: LessonTranslation, of english: LoadedLesson
) -> [LessonError] {
  var problems = translationSnippetProblems(translation, of: english.lesson)
  let headingProblems = headingStructureProblems(
    translation, englishHeadings: lessonHeadings(in: english.source),
    translatedHeadings: lessonHeadings(in: translation.source), english: english.lesson,
    snippetsAgree: problems.isEmpty)
  problems += headingProblems
  return problems.enumerated().sorted {
    ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
  }
  .map(\.element)
}

/// An edit of the alignment of two snippet lists.
private enum SnippetEdit {
  /// English snippet `english` is translation snippet `translated`.
  case same(english: Int, translated: Int)
  /// English snippet `english` has no counterpart here.
  case englishOnly(Int)
  /// Translation snippet `translated` has no counterpart here.
  case translatedOnly(Int)
}

/// The longest common subsequence of the two key lists, as edits in order.
private func alignSnippets(_ english: [String], _ translated: [String]) -> [SnippetEdit] {
  let n = english.count
  let m = translated.count
  // lengths[i][j]: the LCS length of english[i...] and translated[j...].
  var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
  for i in stride(from: n - 1, through: 0, by: -1) {
    for j in stride(from: m - 1, through: 0, by: -1) {
      lengths[i][j] =
        english[i] == translated[j]
        ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
    }
  }
  var edits: [SnippetEdit] = []
  var i = 0
  var j = 0
  while i < n || j < m {
    if i < n, j < m, english[i] == translated[j] {
      edits.append(.same(english: i, translated: j))
      i += 1
      j += 1
    } else if j < m, i == n || lengths[i][j + 1] >= lengths[i + 1][j] {
      edits.append(.translatedOnly(j))
      j += 1
    } else {
      edits.append(.englishOnly(i))
      i += 1
    }
  }
  return edits
}

/// The snippet problems of ``checkTranslationStructure(_:of:)`` (out of order, changed, missing,
/// extra), without those of its headings: what stops `lessons update` from writing outputs into
/// a translation by position.
///
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson.
/// - Returns: The problems, in the translation's snippet order.
public func translationSnippetProblems(_ translation: LessonTranslation, of english: Lesson)
  -> [LessonError]
{
  classifiedSnippetProblems(translation, of: english).map(\.error)
}

/// What is wrong with a snippet of a translation.
enum SnippetProblemKind: Sendable, Equatable {
  /// Its code or attributes differ from the English snippet in its place.
  case changed
  /// The English lesson has it in another place.
  case outOfOrder
  /// The English lesson has a snippet that has none in its place.
  case missing
  /// The English lesson does not have it.
  case extra
}

/// ``translationSnippetProblems(_:of:)`` with the kind of each problem.
func classifiedSnippetProblems(_ translation: LessonTranslation, of english: Lesson)
  -> [(kind: SnippetProblemKind, error: LessonError)]
{
  let path = translation.path
  let englishSnippets = english.snippets
  let translatedSnippets = translation.lesson.snippets
  let englishKeys = englishSnippets.map(snippetKey)
  let translatedKeys = translatedSnippets.map(snippetKey)
  let edits = alignSnippets(englishKeys, translatedKeys)

  // Gaps: the unmatched snippets between two matched ones, with the matched neighbours.
  struct Gap {
    var englishOnly: [Int] = []
    var translatedOnly: [Int] = []
    var translatedBefore: Int?
    var translatedAfter: Int?
    var englishBefore: Int?
  }
  var gaps: [Gap] = [Gap()]
  for edit in edits {
    switch edit {
    case .same(let e, let t):
      gaps[gaps.count - 1].translatedAfter = t
      gaps.append(Gap(translatedBefore: t, englishBefore: e))
    case .englishOnly(let e): gaps[gaps.count - 1].englishOnly.append(e)
    case .translatedOnly(let t): gaps[gaps.count - 1].translatedOnly.append(t)
    }
  }

  // A snippet the English lesson has in another gap is out of order.
  var unmatchedEnglish: [String: [Int]] = [:]
  for gap in gaps {
    for e in gap.englishOnly { unmatchedEnglish[englishKeys[e], default: []].append(e) }
  }
  var moved: [Int: Int] = [:]  // translation snippet → the English snippet it is
  var movedEnglish: Set<Int> = []
  for gap in gaps {
    for t in gap.translatedOnly {
      if var candidates = unmatchedEnglish[translatedKeys[t]], !candidates.isEmpty {
        let e = candidates.removeFirst()
        unmatchedEnglish[translatedKeys[t]] = candidates
        moved[t] = e
        movedEnglish.insert(e)
      }
    }
  }

  func englishPlace(_ e: Int) -> String {
    "\(english.path):\(englishSnippets[e].code.openingLine)"
  }
  var problems: [(kind: SnippetProblemKind, error: LessonError)] = []
  for gap in gaps {
    let englishLeft = gap.englishOnly.filter { !movedEnglish.contains($0) }
    let translatedLeft = gap.translatedOnly.filter { moved[$0] == nil }
    for t in gap.translatedOnly {
      guard let e = moved[t] else { continue }
      let after =
        e == 0
        ? "at the start of its snippets" : "after its snippet \(e) (\(englishPlace(e - 1)))"
      problems.append(
        (
          .outOfOrder,
          LessonError(
            path: path, line: translatedSnippets[t].code.openingLine,
            message:
              "snippet \(t + 1) is snippet \(e + 1) of \(english.path) (line "
              + "\(englishSnippets[e].code.openingLine)), out of order: a translation has its "
              + "lesson's snippets in the same order; move it, with its output block, to where "
              + "the English lesson has it (\(after))")
        ))
    }
    let paired = min(englishLeft.count, translatedLeft.count)
    for k in 0..<paired {
      let e = englishLeft[k]
      let t = translatedLeft[k]
      let diff = unifiedDiff(
        expected: snippetText(englishSnippets[e]), actual: snippetText(translatedSnippets[t]),
        expectedLabel: "\(englishPlace(e)) (English)",
        actualLabel: "\(path):\(translatedSnippets[t].code.openingLine)", context: 3)
      problems.append(
        (
          .changed,
          LessonError(
            path: path, line: translatedSnippets[t].code.openingLine,
            message:
              "snippet \(t + 1) differs from snippet \(e + 1) of \(english.path) (line "
              + "\(englishSnippets[e].code.openingLine)): a translation repeats its lesson's "
              + "snippets byte for byte; `lessons sync-translations \(english.path)` copies the "
              + "English code (- English, + this file)\n" + withoutFinalNewline(truncatedDiff(diff))
          )
        ))
    }
    for e in englishLeft.dropFirst(paired) {
      let line: Int
      let place: String
      if let next = gap.translatedAfter {
        line = translatedSnippets[next].code.openingLine
        place = "before this snippet"
      } else if let previous = gap.translatedBefore {
        let snippet = translatedSnippets[previous]
        line = snippet.output?.closingLine ?? snippet.code.closingLine
        place = "after the snippet that ends here"
      } else {
        line = 1
        place = "in this file"
      }
      problems.append(
        (
          .missing,
          LessonError(
            path: path, line: line,
            message:
              "snippet \(e + 1) of \(english.path) (line "
              + "\(englishSnippets[e].code.openingLine)) is missing \(place): copy it, with its "
              + "output block, from the English lesson, and translate the prose around it")
        ))
    }
    for t in translatedLeft.dropFirst(paired) {
      problems.append(
        (
          .extra,
          LessonError(
            path: path, line: translatedSnippets[t].code.openingLine,
            message:
              "snippet \(t + 1) is not a snippet of \(english.path): a translation has only its "
              + "lesson's snippets (the code runs from the English file); remove it, or add it "
              + "to the English lesson first")
        ))
    }
  }
  return problems
}

/// The heading problems of `checkTranslationStructure`: the first place where the levels of
/// the headings differ, and, when they and the snippets agree, snippets in other sections.
private func headingStructureProblems(
  _ translation: LessonTranslation, englishHeadings: [LessonHeading],
  translatedHeadings: [LessonHeading], english: Lesson, snippetsAgree: Bool
) -> [LessonError] {
  let path = translation.path
  let why =
    "the n-th heading of a translation is the n-th of its lesson (the language switch lands "
    + "on it), so keep the same headings, of the same levels, in the same order"
  let common = min(englishHeadings.count, translatedHeadings.count)
  if let first = (0..<common).first(where: {
    englishHeadings[$0].level != translatedHeadings[$0].level
  }) {
    let mine = translatedHeadings[first]
    let theirs = englishHeadings[first]
    return [
      LessonError(
        path: path, line: mine.line,
        message:
          "heading \(first + 1) (\"\(mine.text)\") is of level \(mine.level), but heading "
          + "\(first + 1) of \(english.path) (line \(theirs.line), \"\(theirs.text)\") is of "
          + "level \(theirs.level): \(why)")
    ]
  }
  if translatedHeadings.count > englishHeadings.count {
    let extra = translatedHeadings[common]
    return [
      LessonError(
        path: path, line: extra.line,
        message:
          "heading \(common + 1) (\"\(extra.text)\") has no counterpart: \(english.path) has "
          + "\(englishHeadings.count) headings, this file \(translatedHeadings.count); \(why)")
    ]
  }
  if englishHeadings.count > translatedHeadings.count {
    let missing = englishHeadings[common]
    let line = translatedHeadings.last?.line ?? 1
    return [
      LessonError(
        path: path, line: line,
        message:
          "heading \(common + 1) of \(english.path) (line \(missing.line), \"\(missing.text)\") "
          + "has no counterpart: this file has \(translatedHeadings.count) headings, the "
          + "English lesson \(englishHeadings.count); \(why)")
    ]
  }
  guard snippetsAgree else { return [] }
  // The section of a snippet: how many headings come before it.
  func section(_ line: Int, _ headings: [LessonHeading]) -> Int {
    headings.count { $0.line < line }
  }
  var problems: [LessonError] = []
  for (englishSnippet, translatedSnippet) in zip(english.snippets, translation.lesson.snippets) {
    let mine = section(translatedSnippet.code.openingLine, translatedHeadings)
    let theirs = section(englishSnippet.code.openingLine, englishHeadings)
    guard mine != theirs else { continue }
    func describe(_ count: Int, _ headings: [LessonHeading]) -> String {
      count == 0
        ? "before the first heading" : "under heading \(count) (\"\(headings[count - 1].text)\")"
    }
    problems.append(
      LessonError(
        path: path, line: translatedSnippet.code.openingLine,
        message:
          "snippet \(translatedSnippet.index + 1) is \(describe(mine, translatedHeadings)) "
          + "here, but \(describe(theirs, englishHeadings)) in \(english.path) (line "
          + "\(englishSnippet.code.openingLine)); keep each snippet in the section that "
          + "translates its English one"))
  }
  return problems
}

/// Each snippet whose output block in the translation differs from its English lesson's
/// (by ``outputsMatch(recorded:actual:exact:)``; a missing block is an empty one), as a
/// mismatch whose `expected` is the translation's block and `actual` the English one. What
/// `lessons list` and `sync-translations` use: nothing runs.
///
/// - Precondition: The translation's snippets agree with the English ones
///   (``checkTranslationStructure(_:of:)`` found nothing).
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson.
/// - Returns: The mismatches, in snippet order.
public func recordedOutputMismatches(_ translation: Lesson, english: Lesson) -> [OutputMismatch] {
  precondition(
    translation.snippets.count == english.snippets.count,
    "\(translation.path) has \(translation.snippets.count) snippets, \(english.path) "
      + "\(english.snippets.count): check its structure first")
  var mismatches: [OutputMismatch] = []
  for (mine, theirs) in zip(translation.snippets, english.snippets) {
    let expected = mine.output?.content ?? ""
    let actual = theirs.output?.content ?? ""
    if !outputsMatch(recorded: expected, actual: actual, exact: theirs.attributes.contains(.exact))
    {
      mismatches.append(
        OutputMismatch(
          snippetIndex: mine.index, line: mine.output?.openingLine ?? mine.code.closingLine,
          expected: expected, actual: actual))
    }
  }
  return mismatches
}

/// What the run that draws a translation's figures (its English lesson run again with
/// `DESCENT_LESSON_LANGUAGE` set) did differently from the English run, as errors at the
/// English lesson's lines: a failure, a checked snippet that printed something else (compared
/// exactly: the same program on the same machine), or a snippet that showed another number of
/// figures. A lesson's language may change its figures' text, nothing else.
///
/// - Parameters:
///   - english: The English lesson.
///   - englishRun: Its run, which ran to its end.
///   - translatedRun: Its run in `language`.
///   - language: The translation's language.
/// - Returns: The differences, in snippet order.
public func translatedRunProblems(
  _ english: Lesson, englishRun: LessonRun, translatedRun: LessonRun, language: CourseLanguage
) -> [LessonError] {
  let setting = "\(LessonLanguageVariable.name)=\(language.code)"
  if let failure = translatedRun.failure {
    return [
      LessonError(
        path: english.path, line: failure.line,
        message:
          "with \(setting) (the run that draws the \(language.code) page's figures) the lesson "
          + "\(failure.message); it ran to its end in English, so something it does depends "
          + "on the language: only figure text may (localized(en:zh:))")
    ]
  }
  let englishSnippets = Dictionary(
    englishRun.snippets.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
  let translatedSnippets = Dictionary(
    translatedRun.snippets.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
  var problems: [LessonError] = []
  for snippet in english.snippets where !snippet.attributes.contains(.norun) {
    guard let mine = englishSnippets[snippet.index], let theirs = translatedSnippets[snippet.index]
    else { continue }
    let englishOutput = recordedOutput(mine.output)
    let translatedOutput = recordedOutput(theirs.output)
    if snippet.isChecked, englishOutput != translatedOutput {
      let diff = unifiedDiff(
        expected: englishOutput, actual: translatedOutput, expectedLabel: "English run",
        actualLabel: "\(language.code) run", context: 3)
      problems.append(
        LessonError(
          path: english.path, line: snippet.code.openingLine,
          message:
            "snippet \(snippet.index + 1) prints something else with \(setting): a lesson's "
            + "language may change its figures' text (lessonLanguage, localized(en:zh:)), never "
            + "what it prints, which its translation repeats (- English, + \(language.code))\n"
            + withoutFinalNewline(truncatedDiff(diff))))
    }
    if mine.figures.count != theirs.figures.count {
      problems.append(
        LessonError(
          path: english.path, line: snippet.code.openingLine,
          message:
            "snippet \(snippet.index + 1) shows \(mine.figures.count) figure(s) in English "
            + "and \(theirs.figures.count) with \(setting); a lesson's language may change "
            + "its figures' text, not which figures it shows"))
    }
  }
  return problems
}

/// What `lessons verify` concludes about one translation.
public struct TranslationVerdict: Sendable, Equatable {
  /// The translation's path (`Lessons/zh/00-getting-started.md`).
  public var path: String
  /// Its English lesson's path.
  public var sourcePath: String
  /// Its language.
  public var language: CourseLanguage
  /// Its number of snippets.
  public var snippetCount: Int
  /// Snippets and sections that differ from the English lesson's
  /// (``checkTranslationStructure(_:of:)``).
  public var structure: [LessonError]
  /// Output blocks that differ from what the English lesson printed (its run, or its recorded
  /// outputs when there is no run); not checked when ``structure`` has problems.
  public var outputs: [OutputMismatch]
  /// What the run in the translation's language did differently from the English run
  /// (``translatedRunProblems(_:englishRun:translatedRun:language:)``), or why it could not be
  /// compared.
  public var runProblems: [LessonError]
  /// The run in the translation's language, whose figures the translated page shows, or `nil`.
  public var run: LessonRun?

  /// Whether the translation agrees with its lesson in every way checked.
  public var passed: Bool { structure.isEmpty && outputs.isEmpty && runProblems.isEmpty }

  /// Creates a verdict.
  public init(
    path: String, sourcePath: String, language: CourseLanguage, snippetCount: Int,
    structure: [LessonError], outputs: [OutputMismatch], runProblems: [LessonError],
    run: LessonRun?
  ) {
    self.path = path
    self.sourcePath = sourcePath
    self.language = language
    self.snippetCount = snippetCount
    self.structure = structure
    self.outputs = outputs
    self.runProblems = runProblems
    self.run = run
  }
}

/// Checks a translation against its English lesson and what the lesson's runs printed.
///
/// - its structure (``checkTranslationStructure(_:of:)``);
/// - when that agrees, its output blocks against `englishRun`'s outputs, compared as `verify`
///   compares the English ones (or, without a run, against the English lesson's output blocks);
/// - `translatedRun` against `englishRun`
///   (``translatedRunProblems(_:englishRun:translatedRun:language:)``). Without a translated
///   run nothing is compared; an English run that did not run to its end is a problem, since
///   the translation cannot be checked in full.
///
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson and source.
///   - englishRun: The English lesson's run, or `nil` (nothing ran: `lessons list`).
///   - translatedRun: The lesson's run in the translation's language, or `nil`.
/// - Returns: The verdict.
public func checkTranslation(
  _ translation: LessonTranslation, of english: LoadedLesson, englishRun: LessonRun?,
  translatedRun: LessonRun?
) -> TranslationVerdict {
  let structure = checkTranslationStructure(translation, of: english)
  var outputs: [OutputMismatch] = []
  if structure.isEmpty {
    if let englishRun {
      outputs = checkLesson(translation.lesson, against: englishRun).mismatches
    } else {
      outputs = recordedOutputMismatches(translation.lesson, english: english.lesson)
    }
  }
  var runProblems: [LessonError] = []
  if let englishRun, let failure = englishRun.failure {
    runProblems.append(
      LessonError(
        path: english.lesson.path, line: failure.line,
        message:
          "the lesson did not run to its end, so its \(translation.language.code) translation "
          + "is not checked in full; fix the lesson first"))
  } else if let englishRun, let translatedRun {
    runProblems = translatedRunProblems(
      english.lesson, englishRun: englishRun, translatedRun: translatedRun,
      language: translation.language)
  }
  return TranslationVerdict(
    path: translation.path, sourcePath: translation.sourcePath, language: translation.language,
    snippetCount: translation.lesson.snippets.count, structure: structure, outputs: outputs,
    runProblems: runProblems, run: translatedRun)
}

/// The line `lessons verify` prints for a translation, e.g.
/// `Lessons/zh/00-getting-started.md: zh translation of Lessons/00-getting-started.md, 12
/// snippets, 0.61 s, ok`; `cached` replaces the time of a cached run, and a translation that
/// did not pass ends with its number of problems.
///
/// - Parameters:
///   - verdict: The translation's verdict.
///   - cached: Whether its run came from the cache.
public func translationProgressLine(for verdict: TranslationVerdict, cached: Bool) -> String {
  let count = verdict.snippetCount == 1 ? "1 snippet" : "\(verdict.snippetCount) snippets"
  var line = "\(verdict.path): \(verdict.language.code) translation of \(verdict.sourcePath), "
  line += count
  if let run = verdict.run { line += cached ? ", cached" : ", \(formatSeconds(run.seconds)) s" }
  if verdict.passed { return line + ", ok" }
  let problems = verdict.structure.count + verdict.outputs.count + verdict.runProblems.count
  return line + ", out of sync (\(problems == 1 ? "1 problem" : "\(problems) problems"))"
}

/// Every problem of a translation as `path:line: error: …` lines (diffs under them); empty
/// when it passed.
///
/// - Parameter verdict: The translation's verdict.
public func translationReport(for verdict: TranslationVerdict) -> String {
  var out = ""
  for problem in verdict.structure { out += "\(problem)\n" }
  for mismatch in verdict.outputs {
    let what =
      mismatch.expected.isEmpty
      ? "snippet \(mismatch.snippetIndex + 1) printed output but has no output block "
      : "output of snippet \(mismatch.snippetIndex + 1) differs from what \(verdict.sourcePath) "
        + "prints "
    out += "\(verdict.path):\(mismatch.line): error: \(what)(- this file, + English; "
    out +=
      "`lessons update \(verdict.sourcePath)` writes it into the lesson and its translations)\n"
    out += truncatedDiff(
      unifiedDiff(
        expected: mismatch.expected, actual: mismatch.actual,
        expectedLabel: "\(verdict.path):\(mismatch.line)", actualLabel: "English", context: 3))
  }
  for problem in verdict.runProblems { out += "\(problem)\n" }
  return out
}

/// The summary line of the translations: `translations: N passed, M failed`.
///
/// - Parameter verdicts: Every translation's verdict.
public func translationSummaryLine(for verdicts: [TranslationVerdict]) -> String {
  let passed = verdicts.filter(\.passed).count
  return "translations: \(passed) passed, \(verdicts.count - passed) failed"
}

/// `text` without its last `\n`, for a diff that ends an error message.
private func withoutFinalNewline(_ text: String) -> String {
  text.hasSuffix("\n") ? String(text.dropLast()) : text
}

/// The line `lessons list` prints under a lesson for its translation, e.g.
/// `  zh  Lessons/zh/00-getting-started.md  "入门"  in sync`, or `out of sync (2 problems)`.
/// Nothing runs: the translation is compared with the lesson's snippets, headings and
/// recorded outputs.
///
/// - Parameters:
///   - translation: The translation.
///   - english: Its English lesson and source.
/// - Returns: One line, without a newline.
public func translationListingLine(for translation: LessonTranslation, of english: LoadedLesson)
  -> String
{
  let verdict = checkTranslation(translation, of: english, englishRun: nil, translatedRun: nil)
  var line = "  \(translation.language.code)  \(translation.path)  "
  line += "\"\(translation.lesson.title ?? "(no title)")\"  "
  if verdict.passed { return line + "in sync" }
  let problems = verdict.structure.count + verdict.outputs.count
  return line + "out of sync (\(problems == 1 ? "1 problem" : "\(problems) problems"); "
    + "`lessons verify \(translation.path)` shows them)"
}
