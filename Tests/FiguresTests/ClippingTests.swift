// Tests of segment and polyline clipping (Clipping.swift); expected points worked out by hand
// from the line equations.

import Testing

@testable import Figures

@Suite struct ClippingTests {
  let box = Rect(minX: 0, minY: 0, maxX: 10, maxY: 10)

  @Test func segmentCrossingTheBoxIsCutAtBothSides() throws {
    // From (−5, 5) to (15, 5): enters at x = 0, leaves at x = 10.
    let (a, b) = try #require(clipSegment(Point(x: -5, y: 5), Point(x: 15, y: 5), to: box))
    #expect(a == Point(x: 0, y: 5) && b == Point(x: 10, y: 5))
  }

  @Test func diagonalSegmentIsCutOnTheLine() throws {
    // From (5, 5) to (15, 10): y = 5 + (x − 5)/2 reaches x = 10 at y = 7.5.
    let (a, b) = try #require(clipSegment(Point(x: 5, y: 5), Point(x: 15, y: 10), to: box))
    #expect(a == Point(x: 5, y: 5))
    #expect(abs(b.x - 10) < 1e-12 && abs(b.y - 7.5) < 1e-12)
  }

  @Test func segmentOutsideIsDropped() {
    #expect(clipSegment(Point(x: -5, y: -1), Point(x: 20, y: -1), to: box) == nil)
    #expect(clipSegment(Point(x: 11, y: 0), Point(x: 20, y: 20), to: box) == nil)
  }

  @Test func polylineLeavingAndReturningBecomesTwoPieces() {
    // In, out above the box, back in: two pieces, each cut at y = 10.
    let points: [Point?] = [
      Point(x: 1, y: 5), Point(x: 3, y: 15), Point(x: 5, y: 15), Point(x: 7, y: 5),
    ]
    let lines = clippedPolylines(points, to: box)
    #expect(lines.count == 2)
    // (1, 5) → (3, 15): y = 10 at x = 2. (5, 15) → (7, 5): y = 10 at x = 6.
    #expect(abs(lines[0][1].x - 2) < 1e-12 && abs(lines[0][1].y - 10) < 1e-12)
    #expect(abs(lines[1][0].x - 6) < 1e-12 && abs(lines[1][0].y - 10) < 1e-12)
  }

  @Test func nilPointBreaksTheLine() {
    let points: [Point?] = [Point(x: 1, y: 1), Point(x: 2, y: 2), nil, Point(x: 3, y: 3)]
    #expect(clippedPolylines(points, to: box).map(\.count) == [2])
  }
}
