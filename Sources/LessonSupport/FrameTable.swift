// A printable table of an interactive figure's frame summaries: what a snippet prints so that
// `lessons verify` checks the frames it shows.

import Figures

/// The summary number `name` of every frame of `figure`, as a table to print.
///
/// With one parameter, one row per value; with two, a grid: one row per value of the first
/// parameter, one column per value of the second. The frames are then checked by `lessons
/// verify` through this output: a frame computed differently prints a different number. Print
/// a few digits (what the lesson is about, not noise): the same on every machine.
///
/// ```swift
/// let eta = FigureParameter("eta", values: [0.1, 0.4], default: 0.1)
/// let beta = FigureParameter("beta", values: [0, 0.5, 0.9], default: 0.9)
/// let figure = InteractiveFigure(eta, beta) { eta, beta in
///   // heavy-ball momentum's rate along a direction of curvature 1
///   let rate = HeavyBallQuadratic.rate(curvature: 1, learningRate: eta, momentum: beta)
///   return InteractiveFrame(plot(eta, beta), summary: ["rate": rate])
/// }
/// print(frameTable(figure, "rate"))
/// //   eta \ beta           0         0.5         0.9
/// //          0.1       0.900       0.707       0.949
/// //          0.4       0.600       0.707       0.949
/// ```
///
/// - Parameters:
///   - figure: An interactive figure whose frames give the summary `name`.
///   - name: One of `figure.summaryNames`.
///   - format: Writes one number (default: `fixed(x, 3)`; use `scientific(x, 2)` for numbers
///     that span decades).
/// - Returns: The table, lines separated by `\n`, without a final line break; every column
///   right-aligned at the width of its widest cell plus two spaces.
public func frameTable(
  _ figure: InteractiveFigure, _ name: String, format: (Double) -> String = { fixed($0, 3) }
) -> String {
  let values = figure.summary(name).map(format)
  var lines: [[String]]
  let first = figure.parameters[0]
  if figure.parameters.count == 1 {
    lines = [[first.name, name]]
    for (label, value) in zip(first.valueLabels, values) { lines.append([label, value]) }
  } else {
    let second = figure.parameters[1]
    lines = [["\(first.name) \\ \(second.name)"] + second.valueLabels]
    for (row, label) in first.valueLabels.enumerated() {
      let start = row * second.values.count
      lines.append([label] + values[start..<start + second.values.count])
    }
  }
  let width = lines.joined().map(\.count).max()! + 2
  return lines.map { row($0, width: width) }.joined(separator: "\n")
}
