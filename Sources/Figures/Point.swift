// A point in the plane: iso-line vertices in data coordinates, drawing positions in pixels.

/// A point in data or pixel coordinates.
public struct Point: Sendable, Hashable {
  /// Horizontal coordinate.
  public var x: Double
  /// Vertical coordinate.
  public var y: Double

  /// A point at (`x`, `y`).
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
