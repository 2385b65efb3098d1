// The HTML that stands in a lesson page where a snippet's code block was: the highlighted code
// (unless hidden), the output and figures of its run, the failure and mismatch notes; and the
// failure box of a lesson that did not run to its end.

/// The HTML of one snippet: its highlighted code (unless hidden), then its output, figures,
/// failure and mismatch note; a shown solution is all of that inside a "Solution" box, a
/// placeholder or a check inside a box with its label (``SiteEdition/boxLabel(for:strings:)``).
func snippetHTML(
  _ snippet: Snippet, page: SitePage, run: SnippetRun?, edition: SiteEdition,
  warnings: inout [String]
) -> String {
  let hidden = !edition.shows(snippet)
  let path = page.lesson.path
  let strings = page.language.strings
  var html = ""
  let label = hidden ? nil : edition.boxLabel(for: snippet, strings: strings)
  let boxed = label != nil
  if let label {
    let solution = snippet.attributes.contains(.solution)
    html +=
      solution
      ? "<aside class=\"solution-box\" aria-label=\"\(label.htmlEscaped)\">"
      : "<aside class=\"exercise-box\" aria-label=\"\(label.htmlEscaped)\">"
    html += "<p class=\"\(solution ? "solution-label" : "exercise-label")\">"
    html += label.htmlEscaped + "</p>\n"
  }
  // Placeholders and checks do not run with the lesson: they have no output to show.
  let runsApart =
    snippet.attributes.contains(.placeholder) || snippet.attributes.contains(.check)
  if !hidden {
    let classes = (["snippet"] + snippet.attributes.map(\.rawValue).sorted()).joined(separator: " ")
    html += "<div class=\"\(classes)\" id=\"snippet-\(snippet.index + 1)\">"
    html += "<pre class=\"code\"><code class=\"language-swift\">"
    html += SwiftHighlighter.html(for: snippet.code.content)
    html += "</code></pre></div>\n"
  }
  if let lessonRun = page.run {
    let failedHere = lessonRun.failure.map { $0.snippetIndex == snippet.index } ?? false
    if let run {
      // A snippet that failed may still have printed something first.
      if !hidden {
        html += outputHTML(run.output)
        for (number, figure) in run.figures.enumerated() {
          html += figureHTML(
            figure, id: "figure-\(snippet.index + 1)-\(number + 1)",
            place: "\(path):\(snippet.code.openingLine)", warnings: &warnings)
        }
      }
      if failedHere, let failure = lessonRun.failure {
        html += failureBox(failure, path: path, strings: strings)
      }
    } else if failedHere, let failure = lessonRun.failure {
      html += failureBox(failure, path: path, strings: strings)
    } else if runsApart {
      // Nothing to show under a placeholder or a check.
    } else if snippet.attributes.contains(.norun) {
      if !hidden { html += "<p class=\"note\">\(strings.compiledNotRun)</p>\n" }
    } else if lessonRun.failure != nil {
      if !hidden {
        html += "<p class=\"note\">\(strings.notRun)</p>\n"
      }
    } else {
      warnings.append(
        "\(path):\(snippet.code.openingLine): the run has no result for this snippet; "
          + "showing the recorded output")
      if !hidden { html += outputHTML(snippet.output?.content ?? "") }
    }
  } else if !hidden && !runsApart {
    html += outputHTML(snippet.output?.content ?? "")
  }
  // A solution's mismatch would show its output in the student edition.
  let editionHides = hidden && !snippet.attributes.contains(.hide)
  if !editionHides, let note = page.mismatches[snippet.index] {
    html += "<div class=\"mismatch\" role=\"note\"><p><strong>\(strings.outputDiffers)"
    html += "</strong> (\(path.htmlEscaped):"
    html += "\(snippet.output?.openingLine ?? snippet.code.closingLine)):</p>"
    html += "<pre>\(note.htmlEscaped)</pre></div>\n"
  }
  if boxed { html += "</aside>\n" }
  return html
}

/// A snippet's printed output, escaped, or nothing when it printed nothing.
private func outputHTML(_ output: String) -> String {
  guard !output.isEmpty else { return "" }
  return "<div class=\"output\"><pre><samp>\(output.htmlEscaped)</samp></pre></div>\n"
}

/// A figure: the SVG inline (without an XML declaration or doctype), its caption escaped; an
/// interactive figure with its sliders and frames (``interactiveFigureMarkup(_:caption:id:)``).
///
/// The SVG comes from the `Figures` module, which escapes all text it draws, and is inlined as
/// it is; anything that is not an `<svg>` element is shown as escaped text instead, with a
/// warning. An interactive figure whose frames are inconsistent is shown static, and one that
/// adds more than ``interactiveFigureBudget`` bytes to the page gets a warning.
///
/// - Parameters:
///   - figure: The figure.
///   - id: Its id, unique in the page (`figure-SNIPPET-N`).
///   - place: `path:line` of the snippet, for warnings.
///   - warnings: Where warnings go.
private func figureHTML(
  _ figure: FigureOutput, id: String, place: String, warnings: inout [String]
) -> String {
  if let record = figure.interactive {
    if let problem = record.problem {
      warnings.append(
        "\(place): an interactive figure's frames are unusable (\(problem)); "
          + "shown as its default frame only")
    } else if svgStart(record.frameSVG(record.defaultFrameIndex)) != nil {
      let markup = interactiveFigureMarkup(record, caption: figure.caption, id: id)
      if markup.addedBytes > interactiveFigureBudget {
        warnings.append(
          "\(place): an interactive figure adds \(markup.addedBytes / 1024) KiB to the page, "
            + "above the budget of \(interactiveFigureBudget / 1024) KiB; use fewer values, fix "
            + "the axes' ranges so that frames share them, or draw fewer points")
      }
      return markup.html
    }
  }
  var html = "<figure class=\"figure\"><div class=\"figure-svg\">"
  if let svg = svgStart(figure.svg) {
    html += svg
  } else {
    warnings.append("\(place): a figure is not an SVG document; shown as text")
    html += "<pre>\(figure.svg.htmlEscaped)</pre>"
  }
  html += "</div>"
  if !figure.caption.isEmpty {
    html += "<figcaption>\(figure.caption.htmlEscaped)</figcaption>"
  }
  return html + "</figure>\n"
}

/// The document from its `<svg` on, after any XML declaration, doctype and whitespace; `nil`
/// when it does not start with an `<svg` element.
private func svgStart(_ document: String) -> Substring? {
  var svg = document[...]
  while true {
    svg = svg.drop(while: \.isWhitespace)
    if svg.hasPrefix("<?") || svg.hasPrefix("<!") {
      guard let end = svg.firstIndex(of: ">") else { break }
      svg = svg[svg.index(after: end)...]
    } else {
      break
    }
  }
  return svg.hasPrefix("<svg") ? svg : nil
}

/// The warning box of a lesson that did not run to its end, in the words of `strings`: under the
/// snippet that stopped it or holds its first compile error, else at the top of the page.
func failureBox(_ failure: LessonFailure, path: String, strings: SiteStrings = .english) -> String {
  let what =
    failure.isCompileError
    ? strings.doesNotCompile
    : failure.snippetIndex == nil ? strings.didNotCompile : strings.stoppedHere
  var html = "<div class=\"failure\" role=\"alert\"><p><strong>\(what)</strong> "
  html += "<code>\(path.htmlEscaped):\(failure.line)</code></p>"
  html += "<pre>\(failure.message.htmlEscaped)</pre></div>\n"
  return html
}
