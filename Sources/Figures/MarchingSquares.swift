// Iso-lines of a sampled surface by marching squares, joined into polylines.

extension SurfaceGrid {
  /// The curves where the sampled function equals `level`, found by marching squares.
  ///
  /// Each grid cell whose corners lie on both sides of the level contributes a segment between
  /// the points where the level crosses the cell's edges (by linear interpolation along the
  /// edge). Segments that share an edge crossing are joined into polylines; a closed curve
  /// ends with its first point repeated. A cell with the level crossing all four edges (a
  /// saddle) is resolved with the mean of its corners. Cells with a NaN corner are skipped,
  /// which may open a curve there.
  ///
  /// ```swift
  /// let bowl = SurfaceGrid(x: -2...2, y: -2...2, resolution: 81) { x, y in x * x + y * y }
  /// let circle = bowl.isolines(at: 1)
  /// // One closed polyline of points at distance ≈ 1 from the origin.
  /// ```
  ///
  /// - Parameter level: The function value to trace.
  /// - Returns: Polylines in data coordinates.
  /// - Complexity: O(columns × rows).
  public func isolines(at level: Double) -> [[Point]] {
    let columns = xs.count
    let rows = ys.count
    // Edge ids: horizontal edge from (i, j) to (i+1, j) is 2(j·columns + i); vertical edge
    // from (i, j) to (i, j+1) is 2(j·columns + i) + 1.
    func horizontal(_ i: Int, _ j: Int) -> Int { 2 * (j * columns + i) }
    func vertical(_ i: Int, _ j: Int) -> Int { 2 * (j * columns + i) + 1 }
    var crossings: [Int: Point] = [:]
    func crossing(_ edge: Int) -> Point {
      if let point = crossings[edge] { return point }
      let node = edge / 2
      let i = node % columns
      let j = node / columns
      let (i2, j2) = edge % 2 == 0 ? (i + 1, j) : (i, j + 1)
      let a = value(column: i, row: j)
      let b = value(column: i2, row: j2)
      let t = min(1, max(0, (level - a) / (b - a)))
      let point = Point(
        x: xs[i] + t * (xs[i2] - xs[i]), y: ys[j] + t * (ys[j2] - ys[j]))
      crossings[edge] = point
      return point
    }

    var segments: [(Int, Int)] = []
    for j in 0..<(rows - 1) {
      for i in 0..<(columns - 1) {
        let v00 = value(column: i, row: j)
        let v10 = value(column: i + 1, row: j)
        let v11 = value(column: i + 1, row: j + 1)
        let v01 = value(column: i, row: j + 1)
        guard v00.isFinite, v10.isFinite, v11.isFinite, v01.isFinite else { continue }
        let above = [v00 >= level, v10 >= level, v11 >= level, v01 >= level]
        // Edges in order around the cell: bottom, right, top, left.
        let edges = [horizontal(i, j), vertical(i + 1, j), horizontal(i, j + 1), vertical(i, j)]
        var crossed: [Int] = []
        for k in 0..<4 where above[k] != above[(k + 1) % 4] { crossed.append(edges[k]) }
        if crossed.count == 2 {
          segments.append((crossed[0], crossed[1]))
        } else if crossed.count == 4 {
          let centreAbove = (v00 + v10 + v11 + v01) / 4 >= level
          if centreAbove == above[0] {
            // Corner 00 joins 11 through the centre: cut off corners 10 and 01.
            segments.append((edges[0], edges[1]))
            segments.append((edges[2], edges[3]))
          } else {
            // Cut off corners 00 and 11.
            segments.append((edges[3], edges[0]))
            segments.append((edges[1], edges[2]))
          }
        }
      }
    }
    return joinSegments(segments).map { $0.map(crossing) }
  }
}

/// Joins segments given by their end ids into chains of ids; each id is shared by at most two
/// segments. A closed chain repeats its first id at the end.
///
/// - Complexity: O(n) for n segments (expected, with hashing).
func joinSegments(_ segments: [(Int, Int)]) -> [[Int]] {
  var touching: [Int: [Int]] = [:]
  for (index, segment) in segments.enumerated() {
    touching[segment.0, default: []].append(index)
    touching[segment.1, default: []].append(index)
  }
  var used = [Bool](repeating: false, count: segments.count)
  /// Walks from `end` along unused segments, returning the ids reached (not `end` itself).
  func walk(from end: Int) -> [Int] {
    var chain: [Int] = []
    var current = end
    while let next = touching[current]?.first(where: { !used[$0] }) {
      used[next] = true
      let (a, b) = segments[next]
      current = a == current ? b : a
      chain.append(current)
    }
    return chain
  }
  var chains: [[Int]] = []
  for index in segments.indices where !used[index] {
    used[index] = true
    let (a, b) = segments[index]
    let forward = walk(from: b)
    var chain = [a, b] + forward
    if chain.last != a {
      let backward = walk(from: a)
      chain = backward.reversed() + chain
    }
    chains.append(chain)
  }
  return chains
}
