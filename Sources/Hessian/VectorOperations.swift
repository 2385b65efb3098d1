import TensorCore

/// Small dense-vector helpers shared by the iterative eigenvalue methods.
extension Array where Element: TensorScalar {
  /// The dot product `Σ selfᵢ · otherᵢ`.
  func dot(_ other: [Element]) -> Element {
    precondition(count == other.count, "dot: \(count) and \(other.count) entries")
    var sum: Element = 0
    for index in indices { sum += self[index] * other[index] }
    return sum
  }

  /// The Euclidean norm ‖self‖₂.
  var norm: Element { dot(self).squareRoot() }

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
      let length = vector.norm
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
