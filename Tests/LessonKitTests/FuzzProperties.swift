// The properties the LessonKit fuzzer checks on every input, shared by the libFuzzer target
// (Tools/fuzz, which compiles this file into the LessonKit module with -D FUZZING) and by the
// tests that replay the fuzzer's corpus and every input it found a problem with
// (FuzzCorpusTests.swift). Each property returns what went wrong instead of failing, so the
// fuzzer can trap on it and a test can record it.

#if !FUZZING
  @testable import LessonKit
#endif

/// An input of the fuzzer, cut into a lesson and the outputs its snippets print.
///
/// The bytes up to the first NUL are the lesson's Markdown; the bytes after it, cut at every
/// further NUL, are the outputs of snippets 0, 1, … (decoded as the tool decodes what a snippet
/// prints, `decodedOutput`). Without a NUL, snippet `i` prints line `i` of the Markdown and
/// the line after it, so that a seed lesson alone already exercises the splicer.
struct FuzzInput {
  /// The lesson's Markdown, when its bytes are UTF-8 (the tool refuses other files).
  var markdown: String?
  /// What each snippet printed, by index (as many as given).
  var outputs: [String]
  /// The raw bytes, for the decoder's properties.
  var bytes: [UInt8]

  /// Cuts `bytes` as described above.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    let parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
    markdown = String(validating: parts[0], as: UTF8.self)
    if parts.count > 1 {
      outputs = parts.dropFirst().map { decodedOutput(Array($0)) }
    } else {
      let lines = (markdown ?? "").split(separator: "\n", omittingEmptySubsequences: false)
      outputs = lines.indices.map { index in
        lines[index..<min(index + 2, lines.count)].map { $0 + "\n" }.joined()
      }
    }
  }
}

/// Checks every property on one input; returns the properties that do not hold (empty when
/// all do).
///
/// 1. `decodedOutput` gives UTF-8 without NUL, and decoding its result changes nothing.
/// 2. The reader either reads the lesson or throws a `LessonError` at a line of the file.
/// 3. Splicing the outputs the lesson already records changes no byte.
/// 4. Splicing new outputs, then reading the result, gives the same snippets with those
///    outputs (as `recordedOutput` gives them); splicing them again changes nothing.
/// 5. The rendered page shows each shown snippet's output escaped: no `<`, `>` or bare `&`
///    inside an output, and the output's text comes back from it; the page holds no
///    `<script`, `<iframe` or `javascript:` link.
///
/// - Parameter bytes: The fuzzer's input.
/// - Returns: One sentence per property that failed.
func fuzzPropertyFailures(_ bytes: [UInt8]) -> [String] {
  var failures: [String] = []
  let input = FuzzInput(bytes)

  let decoded = decodedOutput(bytes)
  if decoded.utf8.contains(0) { failures.append("decodedOutput kept a NUL byte") }
  if decodedOutput(Array(decoded.utf8)) != decoded {
    failures.append("decodedOutput of its own result changed it")
  }

  guard let source = input.markdown else { return failures }
  let path = "Lessons/fuzz.md"
  let lesson: Lesson
  do {
    lesson = try Lesson(parsing: source, path: path)
  } catch {
    // The reader throws only `LessonError`s (typed throws); the line must be in the file.
    let lineCount = max(1, SourceLines(source).count + 1)
    if error.path != path || error.line < 1 || error.line > lineCount {
      failures.append("reader error at line \(error.line) of \(lineCount): \(error)")
    }
    return failures
  }

  var recorded: [Int: String] = [:]
  for snippet in lesson.snippets { recorded[snippet.index] = snippet.output?.content ?? "" }
  if splicingOutputs(recorded, into: source, lesson: lesson) != source {
    failures.append("splicing the recorded outputs changed the lesson")
  }

  var outputs: [Int: String] = [:]
  for snippet in lesson.snippets where snippet.index < input.outputs.count {
    outputs[snippet.index] = input.outputs[snippet.index]
  }
  let spliced = splicingOutputs(outputs, into: source, lesson: lesson)
  do {
    let reread = try Lesson(parsing: spliced, path: path)
    if reread.snippets.map(\.code.content) != lesson.snippets.map(\.code.content)
      || reread.snippets.map(\.attributes) != lesson.snippets.map(\.attributes)
    {
      failures.append("splicing changed the snippets")
    } else {
      for snippet in reread.snippets {
        guard let output = outputs[snippet.index] else { continue }
        let body = recordedOutput(output)
        let hadBlock = lesson.snippets[snippet.index].output != nil
        let expected = hadBlock || !body.isEmpty ? body : nil
        if snippet.output?.content != expected {
          failures.append(
            "snippet \(snippet.index): spliced \(String(reflecting: expected)), read back "
              + String(reflecting: snippet.output?.content))
        }
      }
      if splicingOutputs(outputs, into: spliced, lesson: reread) != spliced {
        failures.append("splicing the same outputs twice changed the lesson")
      }
    }
  } catch {
    failures.append("the spliced lesson no longer reads: \(error)")
  }

  failures += renderedOutputFailures(lesson: lesson, source: source, outputs: outputs)
  return failures
}

/// Property 5: the page of `lesson` with a run in which each snippet printed `outputs`.
private func renderedOutputFailures(lesson: Lesson, source: String, outputs: [Int: String])
  -> [String]
{
  let run = LessonRun(
    path: lesson.path, contentHash: "fuzz",
    snippets: lesson.snippets.filter { !$0.attributes.contains(.norun) }.map {
      SnippetRun(index: $0.index, output: outputs[$0.index] ?? "", figures: [])
    }, failure: nil, seconds: 0)
  let html = renderLesson(SitePage(lesson: lesson, source: source, run: run)).html
  var failures: [String] = []
  let lowered = html.lowercased()
  for needle in ["<script", "<iframe", "href=\"javascript:"] where lowered.contains(needle) {
    failures.append("the page holds \(needle)")
  }
  let open = "<div class=\"output\"><pre><samp>"
  let close = "</samp></pre></div>"
  var shown: [String] = []
  var rest = html[...]
  while let start = rest.range(of: open) {
    guard let end = rest[start.upperBound...].range(of: close) else {
      failures.append("an output element is not closed")
      break
    }
    let inner = rest[start.upperBound..<end.lowerBound]
    if inner.contains("<") || inner.contains(">") {
      failures.append("an output holds markup: \(String(reflecting: String(inner.prefix(80))))")
    }
    var entities = inner[...]
    while let ampersand = entities.firstIndex(of: "&") {
      let after = entities[ampersand...]
      if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(where: { after.hasPrefix($0) }) {
        failures.append("an output holds a bare &")
        break
      }
      entities = entities[entities.index(after: ampersand)...]
    }
    shown.append(String(inner).htmlTextContent)
    rest = rest[end.upperBound...]
  }
  let expected = lesson.snippets.compactMap { snippet -> String? in
    guard SiteEdition.student.shows(snippet), !snippet.attributes.contains(.norun) else {
      return nil
    }
    let output = outputs[snippet.index] ?? ""
    return output.isEmpty ? nil : output
  }
  if shown != expected {
    failures.append(
      "the page shows outputs \(shown.count) \(shown.prefix(3)), not \(expected.count)")
  }
  return failures
}
