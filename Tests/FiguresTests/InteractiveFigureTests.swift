// Tests of InteractiveFigure and FigureParameter: every frame drawn once, in frame order, the
// default frame, summaries, value labels and the programmer errors that stop the program.

import TestSupport
import Testing

@testable import Figures

@Suite struct InteractiveFigureTests {
  /// A one-line plot whose title names the values it was drawn for.
  private func plot(_ a: Double, _ b: Double? = nil) -> LinePlot {
    let title = b.map { "a=\(significant(a)) b=\(significant($0))" } ?? "a=\(significant(a))"
    return LinePlot(title: title, xRange: 0...1, yRange: 0...1).adding("", x: [0, 1], y: [0, a])
  }

  /// The SVG of `figure` as frames are drawn: with compact paths.
  private func compact(_ figure: some SVGFigure) -> String {
    DrawingOptions.$compactPaths.withValue(true) { figure.svg() }
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
    #expect(figure.frames == [compact(plot(0.25)), compact(plot(0.5)), compact(plot(0.75))])
    #expect(figure.defaultFrameIndex == 1)
    #expect(figure.svg() == compact(plot(0.5)))
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
    #expect(figure.frames[3] == compact(plot(2, 20)))
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

  @Test func compactPathDataDocExample() {
    let line = [Point(x: 10, y: 20.04), Point(x: 10.5, y: 19), Point(x: 11.55, y: 19)]
    #expect(compactPathData([line]) == "M10 20l.5-1 1.1 0")
    // Two pieces; a minus sign needs no separator, nor ".5" after a number with a point.
    let second = [Point(x: 0, y: 0), Point(x: 0.5, y: 0.55), Point(x: 1, y: 0.5)]
    #expect(compactPathData([line, second]) == "M10 20l.5-1 1.1 0M0 0l.5.6.5-.1")
    #expect(compactPathData([]).isEmpty)
  }

  /// Compact paths move from the previous rounded point, so the error never adds up: every
  /// point of a long random walk ends within 0.05 px (half a tenth) of where it should.
  @Test func compactPathsStayWithinATwentiethOfAPixel() throws {
    var generator = SplitMix(seed: 7)
    var points = [Point(x: 300, y: 200)]
    for _ in 0..<500 {
      let last = points[points.count - 1]
      points.append(
        Point(x: last.x + generator.unit() * 3 - 1.5, y: last.y + generator.unit() * 3 - 1.5))
    }
    let data = compactPathData([points])
    let drawn = try absolutePoints(ofPathData: data)
    #expect(drawn.count == points.count)
    for (point, exact) in zip(drawn, points) {
      #expect(abs(point.x - exact.x) <= 0.05 + 1e-9 && abs(point.y - exact.y) <= 0.05 + 1e-9)
    }
  }

  @Test func compactFramesAreWellFormedAndKeepTheirGroups() throws {
    var plot = LinePlot(xRange: 0...10, yRange: 0...10)
    plot.add("a", y: [1, 20, 3, 4, 30, 5])  // leaves the frame twice: three pieces
    let svg = compact(plot)
    let root = try parseSVG(svg)
    #expect(root.all("polyline").count == 1)  // only the legend sample
    let data = root.all("path").compactMap { $0.attributes["d"] }.filter { $0.contains("l") }
    #expect(data.count == 1)
    #expect(data[0].filter { $0 == "M" }.count == 3)
    // The line's attributes are on a group of their own.
    #expect(svg.contains("<g fill=\"none\" stroke=\"#3d85c6\" stroke-width=\"2\""))
    // Outside interactive frames nothing changes: three polylines and the legend's.
    #expect(try parseSVG(plot.svg()).all("polyline").count == 4)
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
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FigureParameter("eta", values: [0.1, 0.2], default: 0.15)
    }
    expectStandardError(
      result, contains: "FigureParameter eta: the default 0.15 is not one of the values 0.1, 0.2")
  }

  @Test func valuesShownAlikeStop() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FigureParameter("eta", values: [0.10001, 0.10002], default: 0.10001)
    }
    expectStandardError(
      result,
      contains: "FigureParameter eta: two values are shown as \"0.1\"; "
        + "pass valueLabels that tell them apart")
  }

  @Test func tooManyFramesStop() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let a = FigureParameter("a", values: (0..<20).map(Double.init), default: 0)
      let b = FigureParameter("b", values: (0..<13).map(Double.init), default: 0)
      _ = InteractiveFigure(a, b) { _, _ in InteractiveFrame(LinePlot()) }
    }
    expectStandardError(
      result, contains: "InteractiveFigure: 20 × 13 frames; at most 256 (use fewer values)")
  }

  @Test func framesWithDifferentSummaryNamesStop() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let a = FigureParameter("a", values: [1, 2], default: 1)
      _ = InteractiveFigure(a) { x in
        InteractiveFrame(LinePlot(), summary: x == 1 ? ["loss": x] : ["rate": x])
      }
    }
    expectStandardError(
      result,
      contains: "InteractiveFigure: frame 1 summarizes [\"rate\"], frame 0 [\"loss\"]; "
        + "every frame must give the same summary names in the same order")
  }
}

/// A small deterministic generator for test data (SplitMix64).
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func unit() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
  }
}

/// The points a path of `M` and `l` commands visits (the syntax `compactPathData` writes).
private func absolutePoints(ofPathData data: String) throws -> [Point] {
  struct BadPath: Error {}
  var numbers: [Double] = []
  var commands: [(Character, Int)] = []  // command and the count of numbers before it
  var current = ""
  func flush() throws {
    guard !current.isEmpty else { return }
    guard let value = Double(current) else { throw BadPath() }
    numbers.append(value)
    current = ""
  }
  for character in data {
    if character == "M" || character == "l" {
      try flush()
      commands.append((character, numbers.count))
    } else if character == " " {
      try flush()
    } else if character == "-" {
      try flush()
      current = "-"
    } else if character == "." && current.contains(".") {
      try flush()
      current = "."
    } else {
      current.append(character)
    }
  }
  try flush()
  var points: [Point] = []
  for (index, (command, start)) in commands.enumerated() {
    let end = index + 1 < commands.count ? commands[index + 1].1 : numbers.count
    var k = start
    while k + 1 < end {
      if command == "M" {
        points.append(Point(x: numbers[k], y: numbers[k + 1]))
      } else {
        let last = points[points.count - 1]
        points.append(Point(x: last.x + numbers[k], y: last.y + numbers[k + 1]))
      }
      k += 2
    }
  }
  return points
}
