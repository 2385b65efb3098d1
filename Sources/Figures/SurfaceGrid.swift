// A function of two variables sampled on a rectangular grid: the input of contour plots.

/// Values of a function f(x, y) sampled on a rectangular grid of points.
///
/// ```swift
/// // The error surface of L(w₁, w₂) = (1 − w₁w₂)² on [−2, 2]², 81 × 81 samples.
/// let grid = SurfaceGrid(x: -2...2, y: -2...2, resolution: 81) { w1, w2 in
///   (1 - w1 * w2) * (1 - w1 * w2)
/// }
/// grid.value(column: 40, row: 40)  // 1.0, the value at (0, 0)
/// ```
public struct SurfaceGrid: Sendable, Hashable {
  /// The x coordinates of the columns, increasing.
  public let xs: [Double]
  /// The y coordinates of the rows, increasing.
  public let ys: [Double]
  /// The samples, row by row: `values[row * xs.count + column]` is f(`xs[column]`, `ys[row]`).
  public let values: [Double]

  /// A grid from explicit coordinates and samples.
  ///
  /// - Parameters:
  ///   - xs: Column coordinates, strictly increasing, at least two.
  ///   - ys: Row coordinates, strictly increasing, at least two.
  ///   - values: `xs.count × ys.count` samples, row by row (NaN marks a missing sample).
  public init(xs: [Double], ys: [Double], values: [Double]) {
    precondition(xs.count >= 2 && ys.count >= 2, "SurfaceGrid needs at least 2×2 samples")
    precondition(
      zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 }
        && zip(ys, ys.dropFirst()).allSatisfy { $0 < $1 },
      "SurfaceGrid coordinates must be finite and strictly increasing")
    precondition(
      values.count == xs.count * ys.count,
      "SurfaceGrid: \(values.count) values for \(xs.count) × \(ys.count) points")
    self.xs = xs
    self.ys = ys
    self.values = values
  }

  /// Samples `function` at `columns × rows` evenly spaced points covering both ranges
  /// (ends included).
  ///
  /// - Parameters:
  ///   - x: The horizontal range.
  ///   - y: The vertical range.
  ///   - columns: Samples along x (at least 2).
  ///   - rows: Samples along y (at least 2).
  ///   - function: f(x, y); may return NaN where it is undefined.
  /// - Complexity: `columns × rows` calls of `function`.
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, rows: Int,
    function: (Double, Double) -> Double
  ) {
    precondition(columns >= 2 && rows >= 2, "SurfaceGrid needs at least 2×2 samples")
    let xs = (0..<columns).map {
      x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(columns - 1)
    }
    let ys = (0..<rows).map {
      y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(rows - 1)
    }
    var values: [Double] = []
    values.reserveCapacity(columns * rows)
    for yValue in ys {
      for xValue in xs { values.append(function(xValue, yValue)) }
    }
    self.init(xs: xs, ys: ys, values: values)
  }

  /// Samples `function` on a square `resolution × resolution` grid over both ranges.
  ///
  /// - Parameters:
  ///   - x: The horizontal range.
  ///   - y: The vertical range.
  ///   - resolution: Samples along each axis (at least 2).
  ///   - function: f(x, y).
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 81,
    function: (Double, Double) -> Double
  ) {
    self.init(x: x, y: y, columns: resolution, rows: resolution, function: function)
  }

  /// The sample at `column`, `row`.
  ///
  /// - Parameters:
  ///   - column: Index into `xs`.
  ///   - row: Index into `ys`.
  public func value(column: Int, row: Int) -> Double {
    values[row * xs.count + column]
  }

  /// The smallest and largest finite samples, or `nil` if there are none.
  var finiteRange: (min: Double, max: Double)? {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return nil }
    return (low, high)
  }
}
