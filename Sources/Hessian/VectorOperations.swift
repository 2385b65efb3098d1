import TensorCore

/// The in-place update the iterative eigenvalue methods share (their dot products and
/// norms are TensorCore's ``dot(_:_:)`` and ``norm(_:)``).
extension Array where Element: TensorScalar {
  /// `self ← self + scale · other`.
  mutating func add(_ other: [Element], scaledBy scale: Element) {
    precondition(count == other.count, "add: \(count) and \(other.count) entries")
    for index in indices { self[index] += scale * other[index] }
  }
}

extension SeededGenerator {
  /// A random unit vector, uniformly distributed on the sphere: independent standard-normal
  /// components, divided by their length (the start vector of Lanczos and power iteration).
  ///
  ///     var generator = SeededGenerator(seed: 1)
  ///     let direction: [Double] = generator.unitVector(dimension: 3)  // length 1
  ///
  /// - Parameter dimension: The number of components, at least 1.
  /// - Returns: The vector.
  public mutating func unitVector<Scalar: TensorScalar>(dimension: Int) -> [Scalar] {
    while true {
      let vector: [Scalar] = (0..<dimension).map { _ in normal() }
      let length = norm(vector)
      if length > 0 { return vector.map { $0 / length } }
    }
  }

  /// A Rademacher vector: independent ±1 entries with probability ½ each (the lowest bit of
  /// each draw), as Hutchinson's trace estimate uses.
  ///
  /// - Parameter dimension: The number of entries.
  /// - Returns: The vector.
  public mutating func rademacherVector<Scalar: TensorScalar>(dimension: Int) -> [Scalar] {
    (0..<dimension).map { _ in next() & 1 == 0 ? 1 : -1 }
  }
}
