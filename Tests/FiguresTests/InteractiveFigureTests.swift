// Tests of InteractiveFigure and FigureParameter: every frame drawn once, in frame order, the
// default frame, summaries, value labels and the programmer errors that stop the program.

import Testing

@testable import Figures

@Suite struct InteractiveFigureTests {
  /// A one-line plot whose title names the values it was drawn for.
  private func plot(_ a: Double, _ b: Double? = nil) -> LinePlot {
    let title = b.map { "a=\(significant(a)) b=\(significant($0))" } ?? "a=\(significant(a))"
    return LinePlot(title: title, xRange: 0...1, yRange: 0...1).adding("", x: [0, 1], y: [0, a])
  }

  @Test func parameterDocExample() {
    let eta = FigureParameter(
      "eta", label: "learning rate η", values: [0.01, 0.02, 0.05, 0.1], default: 0.05)
    #expect(eta.defaultIndex == 2)
    #expect(eta.defaultValue == 0.05)
    #expect(eta.valueLabels == ["0.01", "0.02", "0.05", "0.1"])
    #expect(eta.label == "learning rate η" && eta.name == "eta")
    // Three significant digits by default; the label defaults to the name.
    let beta = FigureParameter("beta", values: [0.00316, 1e-5, 0.9, 12345], default: 0.9)
    #expect(beta.valueLabels == ["0.00316", "1e-5", "0.9", "12300"])
    #expect(beta.label == "beta")
    // A default computed like the values matches within a relative 1e-9 (0.1 + 0.2 is
    // 0.30000000000000004, one ulp above 0.3).
    let computed = FigureParameter("x", values: [0.1, 0.3], default: 0.1 + 0.2)
    #expect(computed.defaultIndex == 1)
    let labelled = FigureParameter(
      "opt", values: [0, 1], default: 1, valueLabels: ["SGD", "Adam"])
    #expect(labelled.valueLabels == ["SGD", "Adam"] && labelled.defaultIndex == 1)
  }

  @Test func oneParameterDrawsEachValueOnceInOrder() {
    let p = FigureParameter("a", values: [0.25, 0.5, 0.75], default: 0.5)
    var calls: [Double] = []
    let figure = InteractiveFigure(p, caption: "three frames") { a in
      calls.append(a)
      return InteractiveFrame(plot(a), summary: ["twice": 2 * a, "half": a / 2])
    }
    #expect(calls == [0.25, 0.5, 0.75])
    #expect(figure.frames.count == 3)
    #expect(figure.frames == [plot(0.25).svg(), plot(0.5).svg(), plot(0.75).svg()])
    #expect(figure.defaultFrameIndex == 1)
    #expect(figure.svg() == plot(0.5).svg())
    #expect(figure.caption == "three frames")
    #expect(figure.summaryNames == ["twice", "half"])
    #expect(figure.summary("twice") == [0.5, 1, 1.5])  // exact: doubling is exact
    #expect(figure.summary("half") == [0.125, 0.25, 0.375])
  }

  @Test func twoParametersVaryTheFirstSlowest() {
    let a = FigureParameter("a", values: [1, 2, 3], default: 3)
    let b = FigureParameter("b", values: [10, 20], default: 10)
    var calls: [[Double]] = []
    let figure = InteractiveFigure(a, b) { x, y in
      calls.append([x, y])
      return InteractiveFrame(plot(x, y))
    }
    #expect(calls == [[1, 10], [1, 20], [2, 10], [2, 20], [3, 10], [3, 20]])
    #expect(figure.frames.count == 6)
    #expect(figure.frames[3] == plot(2, 20).svg())
    #expect(figure.frameIndex([2, 1]) == 5)
    #expect(figure.valueIndices(ofFrame: 3) == [1, 1])
    for frame in 0..<6 { #expect(figure.frameIndex(figure.valueIndices(ofFrame: frame)) == frame) }
    #expect(figure.defaultFrameIndex == 4)
    #expect(figure.svg().contains("a=3 b=10"))
    #expect(figure.summaryNames.isEmpty)
  }

  @Test func captionDefaultsToTheDefaultFramesCaption() {
    let p = FigureParameter("a", values: [1, 2], default: 2)
    let figure = InteractiveFigure(p) { a in
      InteractiveFrame(LinePlot(caption: "frame \(Int(a))").adding("", y: [0, a]))
    }
    #expect(figure.caption == "frame 2")
  }

  @Test func everyFrameIsWellFormedSVG() throws {
    let p = FigureParameter("a", values: [0.1, 0.9], default: 0.1)
    let figure = InteractiveFigure(p, FigureParameter("b", values: [1, 2], default: 2)) { a, b in
      InteractiveFrame(FigureRow(plot(a), plot(b / 2)))
    }
    for frame in figure.frames { _ = try parseSVG(frame) }
  }

  @Test func errorsAreThrownThrough() {
    struct Stop: Error {}
    let p = FigureParameter("a", values: [1, 2, 3], default: 1)
    var calls = 0
    #expect(throws: Stop.self) {
      _ = try InteractiveFigure(p) { a in
        calls += 1
        if a == 2 { throw Stop() }
        return InteractiveFrame(plot(a))
      }
    }
    #expect(calls == 2)
  }

  @Test func aDefaultThatIsNotAValueStops() async {
    await #expect(processExitsWith: .failure) {
      _ = FigureParameter("eta", values: [0.1, 0.2], default: 0.15)
    }
  }

  @Test func valuesShownAlikeStop() async {
    await #expect(processExitsWith: .failure) {
      _ = FigureParameter("eta", values: [0.10001, 0.10002], default: 0.10001)
    }
  }

  @Test func tooManyFramesStop() async {
    await #expect(processExitsWith: .failure) {
      let a = FigureParameter("a", values: (0..<20).map(Double.init), default: 0)
      let b = FigureParameter("b", values: (0..<13).map(Double.init), default: 0)
      _ = InteractiveFigure(a, b) { _, _ in InteractiveFrame(LinePlot()) }
    }
  }

  @Test func framesWithDifferentSummaryNamesStop() async {
    await #expect(processExitsWith: .failure) {
      let a = FigureParameter("a", values: [1, 2], default: 1)
      _ = InteractiveFigure(a) { x in
        InteractiveFrame(LinePlot(), summary: x == 1 ? ["loss": x] : ["rate": x])
      }
    }
  }
}
