// The channel from a lesson snippet to its rendered page.
//
// A snippet calls `show(figure)`. When the `lessons` tool runs a lesson it sets the environment
// variable `DESCENT_FIGURES_DIR` to a folder; each figure is written there as `fig-NNNN.svg`
// (NNNN counts from 0001 within the process) and a line `NNNN<TAB>caption` is appended to
// `index.tsv` in the same folder (the format is defined once, in LessonResultsFormat). An
// interactive figure also writes its frames, each distinct piece once, to `fig-NNNN.frames`.
// Nothing is printed to standard output, so figures never disturb a snippet's checked output.
// Without the variable (a snippet pasted into a REPL or a test), figures are counted and
// otherwise ignored.

import Figures
import LessonResultsFormat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The name of the environment variable that tells `show(_:)` where to write figures
/// (`DESCENT_FIGURES_DIR`).
public let figuresDirectoryVariable = FiguresFolder.environmentVariable

nonisolated(unsafe) private var shownCount = 0

/// How many figures this process has shown so far (the number of the last figure written).
/// The lessons program sets it after an exercise's solution, which runs in a child process,
/// to the figures that process wrote.
///
/// For the lessons program's snippet boundaries only (`@_spi(LessonRunner) import
/// LessonSupport`), so it is not one more name in every snippet's scope.
@_spi(LessonRunner) public var figuresShownCount: Int {
  get { shownCount }
  set { shownCount = newValue }
}

/// Shows a figure under the snippet that calls this function on the rendered lesson page.
///
/// - Parameter figure: Any figure of the `Figures` module.
public func show(_ figure: some SVGFigure) {
  show(svg: figure.svg(), caption: figure.caption)
}

/// Shows an interactive figure under the snippet that calls this function: the page shows its
/// default frame with a slider per parameter that switches among the frames the run computed.
///
/// The frames go to the page through the same channel as other figures (the default frame as
/// the figure, all frames beside it, with the parts they share stored once), so the page shows
/// exactly what this run computed. Print a summary of the frames (``frameTable(_:_:format:)``)
/// so that `lessons verify` fails when they change.
///
/// - Parameter figure: The figure, its frames already computed.
public func show(_ figure: InteractiveFigure) {
  let record = InteractiveFigureRecord(
    parameters: figure.parameters.map {
      InteractiveFigureRecord.Parameter(
        name: $0.name, label: $0.label, valueLabels: $0.valueLabels, defaultIndex: $0.defaultIndex)
    }, frames: figure.frames)
  show(svg: figure.svg(), caption: figure.caption, frames: record.text)
}

/// Shows an already drawn SVG document under the current snippet on the rendered lesson page.
///
/// - Parameters:
///   - svg: A complete `<svg …>…</svg>` document.
///   - caption: Plain text shown under the figure (tabs and newlines become spaces).
public func show(svg: String, caption: String = "") {
  show(svg: svg, caption: caption, frames: nil)
}

/// Writes figure number `shownCount + 1`: its SVG, its frames when it is interactive, its line
/// of the index (last, so that the reader never sees an entry whose files are missing).
private func show(svg: String, caption: String, frames: String?) {
  shownCount += 1
  guard let directory = getenv(figuresDirectoryVariable).map({ String(cString: $0) }),
    !directory.isEmpty
  else { return }
  let entry = FigureIndexEntry(number: shownCount, caption: caption)
  writeWhole(
    svg, to: directory + "/" + FiguresFolder.figureFileName(number: entry.number), append: false)
  if let frames {
    writeWhole(
      frames, to: directory + "/" + FiguresFolder.framesFileName(number: entry.number),
      append: false)
  }
  writeWhole(entry.line, to: directory + "/" + FiguresFolder.indexFileName, append: true)
}

private func writeWhole(_ text: String, to path: String, append: Bool) {
  guard let file = fopen(path, append ? "ab" : "wb") else {
    let message = "show: cannot write \(path)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    return
  }
  var bytes = Array(text.utf8)
  _ = bytes.withUnsafeMutableBytes { fwrite($0.baseAddress, 1, $0.count, file) }
  fclose(file)
}
