// `show` of an interactive figure writes its default frame, its frames and its index line into
// the figures folder; `frameTable` prints the frames' summaries.

import Figures
import Foundation
import LessonResultsFormat
import Testing

@_spi(LessonRunner) @testable import LessonSupport

/// The rate of heavy-ball momentum along a direction of curvature 1, from the closed form of
/// Optimizers' HeavyBallQuadratic (the larger root modulus of z² − (1 + β − η)z + β); worked
/// out by hand for the values below: η = 0.1, β = 0 → 0.9; β = 0.5 or 0.9 → √β (complex
/// roots); η = 0.4, β = 0 → 0.6.
private func rate(eta: Double, beta: Double) -> Double {
  let trace = 1 + beta - eta
  let discriminant = trace * trace - 4 * beta
  return discriminant < 0 ? beta.squareRoot() : (abs(trace) + discriminant.squareRoot()) / 2
}

/// A line plot with fixed axes whose one line ends at (1, y): frames differ only in that line.
private func plot(_ y: Double) -> LinePlot {
  LinePlot(title: "t", xLabel: "x", yLabel: "y", xRange: 0...1, yRange: 0...1)
    .adding("line", x: [0, 0.5, 1], y: [0, y / 2, y])
}

@Suite(.serialized) struct InteractiveShowTests {
  @Test("frameTable: the doc-comment example, a grid for two parameters")
  func tableOfTwoParameters() {
    let eta = FigureParameter("eta", values: [0.1, 0.4], default: 0.1)
    let beta = FigureParameter("beta", values: [0, 0.5, 0.9], default: 0.9)
    let figure = InteractiveFigure(eta, beta) { eta, beta in
      InteractiveFrame(plot(eta), summary: ["rate": rate(eta: eta, beta: beta)])
    }
    #expect(
      frameTable(figure, "rate") == """
          eta \\ beta           0         0.5         0.9
                 0.1       0.900       0.707       0.949
                 0.4       0.600       0.707       0.949
        """)
  }

  @Test("frameTable: one row per value for one parameter, with the format given")
  func tableOfOneParameter() {
    let eta = FigureParameter("eta", label: "step", values: [0.001, 0.01, 0.1], default: 0.01)
    let figure = InteractiveFigure(eta) { eta in
      InteractiveFrame(plot(eta), summary: ["loss": eta * eta, "eta": eta])
    }
    #expect(
      frameTable(figure, "loss", format: { scientific($0, 1) }) == """
             eta    loss
           0.001  1.0e-6
            0.01  1.0e-4
             0.1  1.0e-2
        """)
  }

  @Test("show writes the default frame, the frames (shared parts once) and the index line")
  func showWritesFrames() throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "interactive-show-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    setenv(figuresDirectoryVariable, folder.path, 1)
    defer { unsetenv(figuresDirectoryVariable) }

    let a = FigureParameter("a", label: "end <height>", values: [0.2, 0.4, 0.6, 0.8], default: 0.6)
    let figure = InteractiveFigure(a, caption: "four\tframes") { InteractiveFrame(plot($0)) }
    let before = figuresShownCount
    show(figure)
    let number = before + 1
    #expect(figuresShownCount == number)

    func read(_ name: String) throws -> String {
      try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    }
    #expect(try read(FiguresFolder.figureFileName(number: number)) == figure.frames[2])
    #expect(figure.frames[2].contains("<title>t</title>"))
    #expect(
      try read(FiguresFolder.indexFileName)
        == FigureIndexEntry(number: number, caption: "four frames").line)
    let text = try read(FiguresFolder.framesFileName(number: number))
    let record = try #require(InteractiveFigureRecord(text: text))
    let expected = InteractiveFigureRecord.Parameter(
      name: "a", label: "end <height>", valueLabels: ["0.2", "0.4", "0.6", "0.8"],
      defaultIndex: 2)
    #expect(record.parameters == [expected])
    for frame in 0..<4 { #expect(record.frameSVG(frame) == figure.frames[frame]) }
    #expect(record.defaultFrameIndex == 2)
    // The four frames share everything but their data line (a compact path in the series'
    // group): the first frame's pieces, plus one path for each other frame.
    let first = Set(record.frames[0])
    #expect(record.pieces.count == first.count + 3)
    for frame in record.frames.dropFirst() {
      #expect(Set(frame).subtracting(first).count == 1)
      let own = record.pieces[Set(frame).subtracting(first).first!]
      #expect(own.hasPrefix("<path d=\"M56.8 352l"), "\(own)")
    }
    #expect(record.storedPieceBytes < record.wholeFrameBytes / 3)
  }
}
