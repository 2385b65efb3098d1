// The interactive-figure part of the render benchmark: a momentum playground of 12 step sizes
// × 8 momenta (96 frames: the trajectory on the quadratic, the loss of each eigencomponent and
// the rate over the (η, β) plane with the convergence region), its frames' weight stored whole
// and stored once per distinct piece, and the bytes it adds to a rendered page against the
// budget (LessonKit's `interactiveFigureBudget`, 300 KiB).

import Figures
import Foundation
import LessonKit
import LessonResultsFormat
import Optimizers

/// The playground: heavy-ball momentum on L = ½(θ₁² + 100θ₂²) from (1, 1), `steps` steps, for
/// every (η, β) of the grid; each frame a row of three panels with fixed axes (so that frames
/// share them): the trajectory over the contours, the loss per eigencomponent (log scale), and
/// the predicted rate over the (η, β) plane with the pair shown marked.
func momentumPlayground(etas: [Double], betas: [Double], steps: Int) throws -> InteractiveFigure {
  let bowl = try HeavyBallQuadratic(curvatures: [1, 100], start: [1, 1])
  let eta = FigureParameter(
    "eta", label: "step size η", values: etas, default: etas[etas.count / 2])
  let beta = FigureParameter(
    "beta", label: "momentum β", values: betas, default: betas[betas.count - 2])
  let rates = SurfaceGrid(x: etas.first!...etas.last!, y: 0...0.99, resolution: 41) {
    bowl.predictedRate(learningRate: $0, momentum: $1)
  }
  return try InteractiveFigure(
    eta, beta, caption: "Heavy-ball momentum on a quadratic with condition number 100."
  ) { eta, beta in
    let run = try bowl.run(learningRate: eta, momentum: beta, steps: steps)
    var path = ContourPlot(
      title: "trajectory", xLabel: "θ₁", yLabel: "θ₂", x: -1.2...1.2, y: -1.2...1.2,
      resolution: 41, levels: .log10(count: 8), width: 330, height: 300
    ) { x, y in bowl.loss([x, y]) }
    path.add("", points: run.trajectory)
    var losses = LinePlot(
      title: "loss per direction", xLabel: "step", yLabel: "loss", yScale: .log10,
      xRange: 0...Double(steps), yRange: 1e-8...1e2, width: 330, height: 300)
    losses.add("λ = 1", y: run.componentLosses[0])
    losses.add("λ = 100", y: run.componentLosses[1])
    var region = ContourPlot(
      title: "rate", xLabel: "η", yLabel: "β", grid: rates, levels: .values([0.5, 0.8, 0.9, 1]),
      width: 330, height: 300)
    region.addMarker("", x: eta, y: beta)
    return InteractiveFrame(
      FigureRow(path, losses, region),
      summary: ["rate": run.predictedRate, "measured": run.measuredRate])
  }
}

/// Measures the playground and prints its weight; returns it as a figure of a run, for the
/// course render benchmark.
func benchInteractiveFigure() throws -> FigureOutput {
  let etas = (1...12).map { Double($0) * 0.0035 }  // 0.0035 … 0.042
  let betas = [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
  var figure: InteractiveFigure?
  let drawing = try seconds {
    figure = try momentumPlayground(etas: etas, betas: betas, steps: 100)
  }
  let playground = figure!
  let record = InteractiveFigureRecord(
    parameters: playground.parameters.map {
      .init(
        name: $0.name, label: $0.label, valueLabels: $0.valueLabels, defaultIndex: $0.defaultIndex)
    }, frames: playground.frames)
  var record2: InteractiveFigureRecord?
  let splitting = seconds {
    record2 = InteractiveFigureRecord(parameters: record.parameters, frames: playground.frames)
  }
  precondition(record2 == record)
  print("momentum playground: 12 η × 8 β = \(record.frames.count) frames of 3 panels")
  print(
    String(
      format: "  computed and drawn in %.3f s; cut into pieces in %.3f s", drawing, splitting))
  print(
    "  frames stored whole: \(record.wholeFrameBytes / 1024) KiB; stored once per distinct "
      + "piece: \(record.pieces.count) pieces, \(record.storedPieceBytes / 1024) KiB "
      + String(
        format: "(%.1f×smaller)", Double(record.wholeFrameBytes) / Double(record.storedPieceBytes)
      ))
  print(
    "  one frame: \(playground.frames[0].utf8.count / 1024) KiB; the pieces all frames share: "
      + "\(sharedBytes(record) / 1024) KiB")

  // The bytes the figure adds to a page: the page with it minus the page with its default
  // frame as a static figure.
  let interactive = FigureOutput(
    svg: playground.svg(), caption: playground.caption, interactive: record)
  let still = FigureOutput(svg: playground.svg(), caption: playground.caption)
  let added = try pageBytes(interactive) - pageBytes(still)
  print(
    "  added to its page: \(added / 1024) KiB (frame data and sliders); budget "
      + "\(interactiveFigureBudget / 1024) KiB per interactive figure of 96 frames: "
      + (added <= interactiveFigureBudget ? "within" : "OVER"))
  return interactive
}

/// The bytes of the pieces every frame uses.
private func sharedBytes(_ record: InteractiveFigureRecord) -> Int {
  var shared = Set(record.frames[0])
  for frame in record.frames.dropFirst() { shared.formIntersection(frame) }
  return shared.reduce(0) { $0 + record.pieces[$1].utf8.count }
}

/// The size of the page of a one-snippet lesson that shows `figure`.
private func pageBytes(_ figure: FigureOutput) throws -> Int {
  let source = "# Playground\n\n```swift\nshow(figure)\n```\n"
  let lesson = try Lesson(parsing: source, path: "Lessons/03-playground.md")
  let run = LessonRun(
    path: lesson.path, contentHash: "bench",
    snippets: [SnippetRun(index: 0, output: "", figures: [figure])], failure: nil, seconds: 0)
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "descent-bench-page-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  _ = try renderSite(
    [SitePage(lesson: lesson, source: source, run: run)], courseTitle: "Descent", to: folder.path)
  let page = folder.appendingPathComponent("03-playground.html").path
  return (try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int) ?? 0
}
