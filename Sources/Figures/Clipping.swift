// Clipping lines to the plotting area, so that data outside a fixed axis range is cut at the
// frame instead of drawn over the labels. Done on coordinates, so no clip-path ids are needed
// (ids would collide when several figures are inlined in one page).

/// An axis-aligned rectangle in pixels.
struct Rect: Equatable {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  var width: Double { maxX - minX }
  var height: Double { maxY - minY }

  /// Whether `point` lies inside or on the border (with a small tolerance for rounding).
  func contains(_ point: Point) -> Bool {
    let e = 1e-9
    return point.x >= minX - e && point.x <= maxX + e && point.y >= minY - e
      && point.y <= maxY + e
  }
}

/// The part of the segment from `p` to `q` inside `rect` (Liang–Barsky), or `nil` if none.
///
/// - Complexity: O(1).
func clipSegment(_ p: Point, _ q: Point, to rect: Rect) -> (Point, Point)? {
  let dx = q.x - p.x
  let dy = q.y - p.y
  var t0 = 0.0
  var t1 = 1.0
  let checks: [(Double, Double)] = [
    (-dx, p.x - rect.minX), (dx, rect.maxX - p.x), (-dy, p.y - rect.minY), (dy, rect.maxY - p.y),
  ]
  for (direction, distance) in checks {
    if direction == 0 {
      if distance < 0 { return nil }
      continue
    }
    let t = distance / direction
    if direction < 0 {
      if t > t1 { return nil }
      t0 = max(t0, t)
    } else {
      if t < t0 { return nil }
      t1 = min(t1, t)
    }
  }
  // Inside the rectangle by construction; clamped because with far-away ends (a diverging
  // run at 1e200) rounding can put the computed points anywhere.
  func clamped(_ x: Double, _ y: Double) -> Point {
    Point(x: min(max(x, rect.minX), rect.maxX), y: min(max(y, rect.minY), rect.maxY))
  }
  return (clamped(p.x + t0 * dx, p.y + t0 * dy), clamped(p.x + t1 * dx, p.y + t1 * dy))
}

/// Splits a sequence of pixel points into the polylines to draw: a `nil` point (an undrawable
/// value such as NaN) breaks the line, and each segment is clipped to `rect`, so a line that
/// leaves the frame stops at its border and resumes where it comes back.
///
/// - Complexity: O(n) for n points.
func clippedPolylines(_ points: [Point?], to rect: Rect) -> [[Point]] {
  var lines: [[Point]] = []
  var current: [Point] = []
  func flush() {
    if current.count >= 2 { lines.append(current) }
    current = []
  }
  var previous: Point? = nil
  for point in points {
    guard let point else {
      flush()
      previous = nil
      continue
    }
    defer { previous = point }
    guard let start = previous else { continue }
    guard let (a, b) = clipSegment(start, point, to: rect) else {
      flush()
      continue
    }
    if let last = current.last, last == a {
      current.append(b)
    } else {
      flush()
      current = [a, b]
    }
  }
  flush()
  return lines
}
