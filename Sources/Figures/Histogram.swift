// Histograms: counts of values in bins, for one or more data sets on shared bins.

/// How a histogram divides its range into bins.
public enum HistogramBins: Sendable, Hashable {
  /// This many equal-width bins from the smallest to the largest finite value of all data.
  case count(Int)
  /// These bin edges (increasing, at least two): bin k is `edges[k] ..< edges[k + 1]`, the
  /// last bin also includes its right edge.
  case edges([Double])
}

/// A histogram of one or more data sets drawn on shared bins (overlapping, semi-transparent).
///
/// ```swift
/// var histogram = Histogram(
///   title: "Hessian eigenvalues", xLabel: "eigenvalue", bins: .count(30))
/// histogram.add("at initialization", values: eigenvaluesBefore)
/// histogram.add("after training", values: eigenvaluesAfter)
/// show(histogram)
/// ```
///
/// Bin k counts values v with `edges[k] <= v < edges[k + 1]`; the last bin also counts
/// `v == edges.last`. NaN and ±∞ are never counted, nor are values outside explicit edges.
/// With `density: true` bar heights are count / (total × bin width), so the bars' area is 1.
public struct Histogram: SVGFigure, Chart, Sendable {
  /// One data set.
  public struct DataSet: Sendable, Hashable {
    /// The legend entry (an empty name is left out of the legend).
    public var name: String
    /// The values to count.
    public var values: [Double]
    /// A CSS colour, or `nil` for the palette.
    public var color: String?

    /// A data set.
    ///
    /// - Parameters:
    ///   - name: The legend entry.
    ///   - values: The values to count.
    ///   - color: A CSS colour, or `nil` for the palette.
    public init(_ name: String, values: [Double], color: String? = nil) {
      self.name = name
      self.values = values
      self.color = color
    }
  }

  /// How the bins are chosen.
  public var bins: HistogramBins
  /// Whether bars show densities (area 1) instead of counts.
  public var density: Bool
  /// The title drawn above the plot (empty for none).
  public var title: String
  /// The label under the horizontal axis.
  public var xLabel: String
  /// The label beside the vertical axis.
  public var yLabel: String
  /// The caption shown under the figure on the page.
  public var caption: String
  /// The vertical scale (`.log10` shows bins with a count of at least 1).
  public var yScale: AxisScale
  /// Width of the figure in pixels.
  public var width: Double
  /// Height of the figure in pixels.
  public var height: Double
  /// The data sets, drawn in order.
  public var dataSets: [DataSet]

  /// An empty histogram; add data with `add` or `adding`.
  ///
  /// - Parameters:
  ///   - title: The title above the plot.
  ///   - xLabel: The horizontal axis label.
  ///   - yLabel: The vertical axis label (defaults to "count" or "density").
  ///   - bins: Bin count or explicit edges.
  ///   - density: Whether bars show densities instead of counts.
  ///   - yScale: `.linear` or `.log10`.
  ///   - caption: Text under the figure on the page (empty for none; the title is drawn
  ///     inside the figure already).
  ///   - width: Width in pixels.
  ///   - height: Height in pixels.
  public init(
    title: String = "", xLabel: String = "", yLabel: String? = nil,
    bins: HistogramBins = .count(20), density: Bool = false, yScale: AxisScale = .linear,
    caption: String = "", width: Double = 640, height: Double = 400
  ) {
    if case .count(let n) = bins { precondition(n >= 1, "Histogram needs at least one bin") }
    if case .edges(let edges) = bins {
      precondition(
        edges.count >= 2 && edges.allSatisfy(\.isFinite)
          && zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 },
        "Histogram edges must be finite, strictly increasing and at least two")
    }
    self.bins = bins
    self.density = density
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel ?? (density ? "density" : "count")
    self.caption = caption
    self.yScale = yScale
    self.width = width
    self.height = height
    self.dataSets = []
  }

  /// A histogram of one unnamed data set.
  ///
  /// - Parameters:
  ///   - title: The title above the plot.
  ///   - xLabel: The horizontal axis label.
  ///   - values: The values to count.
  ///   - bins: Bin count or explicit edges.
  ///   - density: Whether bars show densities instead of counts.
  public init(
    title: String = "", xLabel: String = "", values: [Double], bins: HistogramBins = .count(20),
    density: Bool = false
  ) {
    self.init(title: title, xLabel: xLabel, bins: bins, density: density)
    add("", values: values)
  }

  /// Adds a data set counted on the shared bins.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - values: The values to count.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public mutating func add(_ name: String, values: [Double], color: String? = nil) {
    dataSets.append(DataSet(name, values: values, color: color))
  }

  /// Adds a data set of `Float` values.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - values: The values to count.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  @_disfavoredOverload
  public mutating func add(_ name: String, values: [Float], color: String? = nil) {
    add(name, values: values.map(Double.init), color: color)
  }

  /// A copy with one more data set.
  ///
  /// - Parameters:
  ///   - name: The legend entry (empty for none).
  ///   - values: The values to count.
  ///   - color: A CSS colour, or `nil` for the next palette colour.
  public func adding(_ name: String, values: [Double], color: String? = nil) -> Histogram {
    modified { $0.add(name, values: values, color: color) }
  }

  /// The bin edges: explicit ones, or `count + 1` evenly spaced edges over the finite values
  /// of all data sets (a single distinct value v gets the range v − 0.5 … v + 0.5; no data
  /// gives 0 … 1).
  ///
  /// `Histogram(values: [0, 1, 1.5, 4], bins: .count(4)).edges()` is `[0, 1, 2, 3, 4]`.
  public func edges() -> [Double] {
    switch bins {
    case .edges(let edges): return edges
    case .count(let n):
      let finite = dataSets.flatMap(\.values).filter(\.isFinite)
      var low = finite.min() ?? 0
      var high = finite.max() ?? 1
      if low == high {
        low -= 0.5
        high += 0.5
      }
      // Weighted means rather than low + k·(high − low)/n, which overflows for ±1e308.
      return (0...n).map { k in
        let f = Double(k) / Double(n)
        return k == n ? high : low * (1 - f) + high * f
      }
    }
  }

  /// How many of `values` fall in each bin of `edges` (see the type's documentation for the
  /// rule at the edges).
  ///
  /// `Histogram.counts(of: [0, 0.5, 1, 2, 2, 9, .nan], edges: [0, 1, 2])` is `[2, 3]`:
  /// 0 and 0.5 in the first bin; 1, 2 and 2 in the last (which includes its right edge);
  /// 9 and NaN are outside.
  ///
  /// - Parameters:
  ///   - values: The values to count.
  ///   - edges: Increasing bin edges, at least two.
  /// - Complexity: O(n log b) for n values and b bins.
  public static func counts(of values: [Double], edges: [Double]) -> [Int] {
    precondition(edges.count >= 2, "Histogram.counts needs at least two edges")
    var counts = [Int](repeating: 0, count: edges.count - 1)
    for value in values where value.isFinite {
      guard value >= edges[0], value <= edges[edges.count - 1] else { continue }
      // The number of edges ≤ value, minus one, is the bin; the last edge joins the last bin.
      var low = 0
      var high = edges.count
      while low < high {
        let middle = (low + high) / 2
        if edges[middle] <= value { low = middle + 1 } else { high = middle }
      }
      counts[min(low - 1, counts.count - 1)] += 1
    }
    return counts
  }

  /// The bar heights of data set `index`: counts, or densities.
  func heights(of index: Int, edges: [Double]) -> [Double] {
    let counts = Histogram.counts(of: dataSets[index].values, edges: edges)
    guard density else { return counts.map(Double.init) }
    let total = Double(counts.reduce(0, +))
    return counts.indices.map {
      total == 0 ? 0 : Double(counts[$0]) / (total * (edges[$0 + 1] - edges[$0]))
    }
  }

  /// The colour data set `index` is drawn in.
  func color(of index: Int) -> String {
    dataSets[index].color ?? Palette.color(index)
  }

  /// The layout: x spans the edges, y starts at 0.
  func frame(edges: [Double]) -> PlotFrame {
    let heights = dataSets.indices.flatMap { self.heights(of: $0, edges: edges) }
    let xAxis = Axis.make(scale: .linear, values: [], fixedRange: edges[0]...edges.last!)
    let yAxis = Axis.make(scale: yScale, values: heights, includeZero: true)
    let legend = LegendEntry.entries(names: dataSets.map(\.name), color: color(of:), symbol: .box)
    return plotFrame(xAxis: xAxis, yAxis: yAxis, legend: legend)
  }

  /// The histogram as a standalone SVG document.
  ///
  /// - Complexity: O(n log b) for n values and b bins.
  public func svg() -> String {
    let edges = edges()
    let frame = frame(edges: edges)
    var svg = beginSVG(frame)
    let area = frame.area
    let base = yScale == .log10 ? area.maxY : frame.pixelY(0) ?? area.maxY
    let opacity = dataSets.count > 1 ? "0.55" : "0.85"
    for index in dataSets.indices {
      svg.open(
        "g",
        [
          "fill": color(of: index), "fill-opacity": opacity, "stroke": color(of: index),
          "stroke-width": "0.5",
        ])
      for (bin, height) in heights(of: index, edges: edges).enumerated() where height > 0 {
        guard let top = frame.pixelY(height) else { continue }
        let clamped = max(area.minY, top)
        frame.drawBar(
          into: &svg, left: edges[bin], right: edges[bin + 1], top: clamped,
          height: base - clamped)
      }
      svg.close("g")
    }
    frame.finish(into: &svg)
    return svg.text
  }
}
