// Tests of iso-lines by marching squares (MarchingSquares.swift) on functions whose level
// sets are known in closed form.

import Testing

@testable import Figures

@Suite struct MarchingSquaresTests {
  /// The doc example of `isolines(at:)`: x² + y² = r² is a circle of radius r.
  @Test(arguments: [1.0, 2.0])
  func bowlIsolineIsACircle(level: Double) throws {
    let bowl = SurfaceGrid(x: -2...2, y: -2...2, resolution: 81) { x, y in x * x + y * y }
    let lines = bowl.isolines(at: level)
    #expect(lines.count == 1)
    let loop = try #require(lines.first)
    #expect(loop.first == loop.last, "a closed curve repeats its first point")
    // Grid spacing h = 4/80 = 0.05. Linear interpolation of the quadratic along an edge puts
    // the crossing at most h²/8 · f''/|f'| = h²/(8x) off in x; radially that is at most
    // about h²/(8r) ≈ 3e-4 for r ≥ 1. Tolerance 1e-3 leaves room.
    let radius = level.squareRoot()
    for point in loop {
      let r = (point.x * point.x + point.y * point.y).squareRoot()
      #expect(abs(r - radius) < 1e-3)
    }
    // The loop goes all the way round: it has points in all four quadrants.
    #expect(loop.contains { $0.x > 0.5 * radius } && loop.contains { $0.x < -0.5 * radius })
    #expect(loop.contains { $0.y > 0.5 * radius } && loop.contains { $0.y < -0.5 * radius })
  }

  @Test func planeGivesAnExactStraightOpenLine() throws {
    // f = x on [0, 1]² with 11 × 5 samples; level 0.5 crosses every row once, exactly at
    // x = 0.5 (linear interpolation of a linear function is exact up to rounding).
    let plane = SurfaceGrid(x: 0...1, y: 0...1, columns: 11, rows: 5) { x, _ in x }
    let lines = plane.isolines(at: 0.5)
    #expect(lines.count == 1)
    let line = try #require(lines.first)
    #expect(line.count == 5)
    for point in line { #expect(abs(point.x - 0.5) < 1e-12) }
    let ys = line.map(\.y).sorted()
    #expect(abs(ys.first! - 0) < 1e-12 && abs(ys.last! - 1) < 1e-12)
  }

  @Test func nanSampleSplitsTheLine() {
    // f = x sampled at x = 0, 0.1, …, 1 and y = 0, 0.25, …, 1, with the sample at
    // (x = 0.5, y = 0.5) missing. Level 0.45 runs through the cells of column 4 in all four
    // cell rows; the two of them that touch the missing sample are skipped, leaving a lower
    // and an upper piece.
    var values: [Double] = []
    for _ in 0..<5 { for i in 0..<11 { values.append(Double(i) / 10) } }
    values[2 * 11 + 5] = .nan
    let grid = SurfaceGrid(
      xs: (0..<11).map { Double($0) / 10 }, ys: (0..<5).map { Double($0) / 4 }, values: values)
    let lines = grid.isolines(at: 0.45)
    #expect(lines.count == 2)
  }

  @Test func saddleIsResolvedWithTheCellMean() {
    // f = x·y on [−1, 1]² with 3 × 3 samples; level 0.1. Each quadrant cell has one corner
    // at ±1 and three at 0; only the corners (−1, −1) and (1, 1) are above, so two cells each
    // cut off one corner: two lines.
    let grid = SurfaceGrid(x: -1...1, y: -1...1, resolution: 3) { x, y in x * y }
    #expect(grid.isolines(at: 0.1).count == 2)
    // A single saddle cell: corners 1, 0, 1, 0 around the cell (mean 0.5).
    let saddle = SurfaceGrid(xs: [0, 1], ys: [0, 1], values: [1, 0, 0, 1])
    let above = saddle.isolines(at: 0.4)  // mean 0.5 ≥ 0.4: the high corners connect
    let below = saddle.isolines(at: 0.6)  // mean 0.5 < 0.6: the high corners are cut off
    #expect(above.count == 2 && below.count == 2)
    // Above: the segments cut off the low corners (1, 0) and (0, 1).
    let cutCorners = above.map { line in
      Point(x: (line[0].x + line[1].x) / 2, y: (line[0].y + line[1].y) / 2)
    }
    #expect(cutCorners.allSatisfy { ($0.x > 0.5) != ($0.y > 0.5) })
    let cutBelow = below.map { line in
      Point(x: (line[0].x + line[1].x) / 2, y: (line[0].y + line[1].y) / 2)
    }
    #expect(cutBelow.allSatisfy { ($0.x > 0.5) == ($0.y > 0.5) })
  }

  @Test func joinSegmentsChainsOpenAndClosedPaths() {
    // Segments 1–2, 3–2, 3–4 form one open chain 1…4 (in either direction); 5–6, 6–7, 7–5
    // form a closed loop that repeats its first id.
    let chains = joinSegments([(1, 2), (5, 6), (3, 2), (6, 7), (3, 4), (7, 5)])
    #expect(chains.count == 2)
    #expect(chains[0] == [1, 2, 3, 4] || chains[0] == [4, 3, 2, 1])
    #expect(chains[1].count == 4 && chains[1].first == chains[1].last)
    #expect(Set(chains[1]) == [5, 6, 7])
  }
}
