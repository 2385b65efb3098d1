// Interactive figures: a figure drawn for every value of one or two parameters. The lesson's run
// computes every frame; the page only chooses which one to show, with a slider per parameter.

/// A parameter of an ``InteractiveFigure``: a name, the label of its slider, and the finite list
/// of values the slider steps through.
///
/// ```swift
/// let eta = FigureParameter(
///   "eta", label: "learning rate η", values: [0.01, 0.02, 0.05, 0.1], default: 0.05)
/// eta.defaultIndex   // 2
/// eta.valueLabels    // ["0.01", "0.02", "0.05", "0.1"]
/// ```
public struct FigureParameter: Sendable, Hashable {
  /// A short identifier: the column header of summary tables (`eta`).
  public var name: String
  /// The label beside the slider, plain text (`learning rate η`).
  public var label: String
  /// The values, in slider order.
  public var values: [Double]
  /// How each value is shown beside the slider and read out by screen readers.
  public var valueLabels: [String]
  /// The index in ``values`` of the value shown first, in print and without JavaScript.
  public var defaultIndex: Int

  /// The value shown first.
  public var defaultValue: Double { values[defaultIndex] }

  /// A parameter with a list of values.
  ///
  /// - Parameters:
  ///   - name: A short identifier, not empty (column headers of summary tables).
  ///   - label: The slider's label; `nil` uses `name`.
  ///   - values: The values in slider order: finite, at least 1 and at most
  ///     ``InteractiveFigure/maximumFrameCount``.
  ///   - defaultValue: The value shown first; must be one of `values` (within a relative
  ///     10⁻⁹, so a value computed the same way as the list matches).
  ///   - valueLabels: How each value is shown; `nil` writes each with three significant digits
  ///     (`0.00316`, `0.9`, `1e-5`). Labels must differ from one another.
  public init(
    _ name: String, label: String? = nil, values: [Double], default defaultValue: Double,
    valueLabels: [String]? = nil
  ) {
    precondition(!name.isEmpty, "FigureParameter: the name must not be empty")
    precondition(
      (1...InteractiveFigure.maximumFrameCount).contains(values.count),
      "FigureParameter \(name): \(values.count) values; give 1 to "
        + "\(InteractiveFigure.maximumFrameCount)")
    precondition(
      values.allSatisfy(\.isFinite), "FigureParameter \(name): every value must be finite")
    let labels = valueLabels ?? values.map { significant($0, digits: 3) }
    precondition(
      labels.count == values.count,
      "FigureParameter \(name): \(labels.count) value labels for \(values.count) values")
    if let duplicate = labels.enumerated().first(where: {
      labels[..<$0.offset].contains($0.element)
    }) {
      preconditionFailure(
        "FigureParameter \(name): two values are shown as \"\(duplicate.element)\"; "
          + "pass valueLabels that tell them apart")
    }
    let nearest = values.indices.min {
      abs(values[$0] - defaultValue) < abs(values[$1] - defaultValue)
    }!
    precondition(
      abs(values[nearest] - defaultValue) <= 1e-9 * max(1, abs(defaultValue)),
      "FigureParameter \(name): the default \(defaultValue) is not one of the values "
        + "\(labels.joined(separator: ", "))")
    self.name = name
    self.label = label ?? name
    self.values = values
    self.valueLabels = labels
    self.defaultIndex = nearest
  }
}

/// One frame of an ``InteractiveFigure``: the figure drawn for one combination of values, and
/// the numbers it was drawn from that the snippet may print (so that `lessons verify` fails when
/// the frames change).
///
/// ```swift
/// InteractiveFrame(plot, summary: ["rate": run.measuredRate, "loss": run.losses.last!])
/// ```
public struct InteractiveFrame {
  /// The figure of this frame.
  public var figure: any SVGFigure
  /// Named numbers of this frame, in order; every frame of a figure has the same names.
  public var summary: KeyValuePairs<String, Double>

  /// A frame.
  ///
  /// - Parameters:
  ///   - figure: Any figure of this module (`LinePlot`, `ContourPlot`, `FigureRow`…).
  ///   - summary: Named numbers of the frame, in order (empty for none).
  public init(_ figure: some SVGFigure, summary: KeyValuePairs<String, Double> = [:]) {
    self.figure = figure
    self.summary = summary
  }
}

/// A figure drawn for every value of one or two parameters; on the lesson page a slider per
/// parameter chooses the frame shown.
///
/// Every frame is computed when the figure is created, that is when the lesson runs: what the
/// page shows is what the run computed, and the page only chooses among the frames. A snippet
/// shows it with `show(_:)` like any figure, and prints a summary of the frames (see
/// ``summary(_:)``) so that `lessons verify` fails when they change:
///
/// ```swift
/// let eta = FigureParameter("eta", label: "learning rate η",
///   values: [0.005, 0.01, 0.015, 0.02, 0.025], default: 0.015)
/// let figure = InteractiveFigure(eta, caption: "Gradient descent on f(x) = 50x².") { eta in
///   var x = [1.0]
///   var path = [1.0]
///   for _ in 0..<30 { x[0] -= eta * 100 * x[0]; path.append(x[0]) }
///   let plot = LinePlot(xLabel: "step", yLabel: "x", yRange: -2...2).adding("x", y: path)
///   return InteractiveFrame(plot, summary: ["|x| after 30": abs(path.last!)])
/// }
/// print(frameTable(figure, "|x| after 30"))   // LessonSupport: one row per η
/// show(figure)
/// ```
///
/// Frames are ordered with the first parameter varying slowest (``frameIndex(_:)``), and
/// `draw` is called in that order. Frames whose axes, grid and background are the same (fix
/// `xRange` and `yRange`, so that the axes do not follow the data) share them: the page stores
/// each distinct element once. The frames' lines are drawn as compact paths (coordinates
/// rounded to a tenth of a pixel, relative moves, one `<path>` per series), about half the
/// bytes of a static figure's. Outside a lesson page (``svg()``, a `FigureRow`) the figure is
/// its default frame.
public struct InteractiveFigure: SVGFigure, Sendable {
  /// The most frames a figure may have (the product of its parameters' value counts): 256,
  /// which keeps a page within its weight budget for frames of ordinary size.
  public static let maximumFrameCount = 256

  /// The parameters, one slider each (one or two).
  public let parameters: [FigureParameter]
  /// The caption shown under the figure on the page.
  public var caption: String
  /// Every frame's SVG document, first parameter varying slowest.
  public let frames: [String]
  /// The names of the frames' summary numbers, in order.
  public let summaryNames: [String]
  /// Each frame's summary numbers, in the order of ``summaryNames``.
  public let summaries: [[Double]]

  /// A figure drawn for every value of one parameter.
  ///
  /// - Parameters:
  ///   - parameter: The parameter.
  ///   - caption: Text under the figure on the page; `nil` takes the default frame's caption.
  ///   - draw: Draws the frame of a value; called once per value, in order.
  /// - Throws: What `draw` throws.
  /// - Complexity: One call of `draw` per value.
  public init(
    _ parameter: FigureParameter, caption: String? = nil,
    draw: (Double) throws -> InteractiveFrame
  ) rethrows {
    let drawn = try parameter.values.map(draw)
    self.init(parameters: [parameter], caption: caption, drawn: drawn)
  }

  /// A figure drawn for every combination of the values of two parameters.
  ///
  /// - Parameters:
  ///   - first: The first parameter (it varies slowest in frame order).
  ///   - second: The second parameter.
  ///   - caption: Text under the figure on the page; `nil` takes the default frame's caption.
  ///   - draw: Draws the frame of a value of `first` and a value of `second`; called once per
  ///     combination, `first` varying slowest.
  /// - Throws: What `draw` throws.
  /// - Complexity: One call of `draw` per combination of values.
  public init(
    _ first: FigureParameter, _ second: FigureParameter, caption: String? = nil,
    draw: (Double, Double) throws -> InteractiveFrame
  ) rethrows {
    precondition(
      first.name != second.name,
      "InteractiveFigure: both parameters are named \(first.name); give them different names")
    precondition(
      first.values.count * second.values.count <= Self.maximumFrameCount,
      "InteractiveFigure: \(first.values.count) × \(second.values.count) frames; at most "
        + "\(Self.maximumFrameCount) (use fewer values)")
    var drawn: [InteractiveFrame] = []
    drawn.reserveCapacity(first.values.count * second.values.count)
    for a in first.values {
      for b in second.values { drawn.append(try draw(a, b)) }
    }
    self.init(parameters: [first, second], caption: caption, drawn: drawn)
  }

  private init(parameters: [FigureParameter], caption: String?, drawn: [InteractiveFrame]) {
    self.parameters = parameters
    let names = drawn.first.map { $0.summary.map(\.key) } ?? []
    for (index, frame) in drawn.enumerated() {
      let frameNames = frame.summary.map(\.key)
      precondition(
        frameNames == names,
        "InteractiveFigure: frame \(index) summarizes \(frameNames), frame 0 \(names); "
          + "every frame must give the same summary names in the same order")
    }
    summaryNames = names
    summaries = drawn.map { $0.summary.map(\.value) }
    // Compact paths: a page holds every frame, so their lines are written in half the bytes.
    frames = drawn.map { frame in
      DrawingOptions.$compactPaths.withValue(true) { frame.figure.svg() }
    }
    let defaultIndex = Self.frameIndex(parameters.map(\.defaultIndex), parameters: parameters)
    self.caption = caption ?? drawn[defaultIndex].figure.caption
  }

  /// The number of the frame of the value indices `indices` (one per parameter): the first
  /// parameter varies slowest.
  ///
  ///     // parameters with 12 and 8 values
  ///     figure.frameIndex([0, 0])   // 0
  ///     figure.frameIndex([1, 0])   // 8
  ///     figure.frameIndex([2, 5])   // 21
  ///
  /// - Parameter indices: One index into each parameter's values.
  /// - Returns: An index into ``frames``.
  public func frameIndex(_ indices: [Int]) -> Int {
    Self.frameIndex(indices, parameters: parameters)
  }

  private static func frameIndex(_ indices: [Int], parameters: [FigureParameter]) -> Int {
    precondition(
      indices.count == parameters.count,
      "InteractiveFigure: \(indices.count) indices for \(parameters.count) parameters")
    var index = 0
    for (parameter, value) in zip(parameters, indices) {
      precondition(
        parameter.values.indices.contains(value),
        "InteractiveFigure: \(value) is not an index of \(parameter.name)'s values")
      index = index * parameter.values.count + value
    }
    return index
  }

  /// The value indices of frame `index` (the inverse of ``frameIndex(_:)``).
  ///
  /// - Parameter index: An index into ``frames``.
  /// - Returns: One index into each parameter's values.
  public func valueIndices(ofFrame index: Int) -> [Int] {
    precondition(frames.indices.contains(index), "InteractiveFigure: no frame \(index)")
    var rest = index
    var indices: [Int] = []
    for parameter in parameters.reversed() {
      indices.insert(rest % parameter.values.count, at: 0)
      rest /= parameter.values.count
    }
    return indices
  }

  /// The frame shown first: every parameter at its default value.
  public var defaultFrameIndex: Int { frameIndex(parameters.map(\.defaultIndex)) }

  /// The summary number `name` of every frame, in frame order.
  ///
  /// - Parameter name: One of ``summaryNames``.
  /// - Returns: One number per frame.
  public func summary(_ name: String) -> [Double] {
    guard let column = summaryNames.firstIndex(of: name) else {
      preconditionFailure(
        "InteractiveFigure: no summary named \"\(name)\"; the frames summarize "
          + summaryNames.map { "\"\($0)\"" }.joined(separator: ", "))
    }
    return summaries.map { $0[column] }
  }

  /// The default frame, as a standalone SVG document.
  public func svg() -> String { frames[defaultFrameIndex] }
}
