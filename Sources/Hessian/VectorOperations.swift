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
  /// A unit vector with independent standard-normal components, normalized
  /// (uniformly distributed on the sphere).
  mutating func unitVector<Scalar: TensorScalar>(dimension: Int) -> [Scalar] {
    while true {
      let vector: [Scalar] = (0..<dimension).map { _ in normal() }
      let length = vector.norm
      if length > 0 { return vector.map { $0 / length } }
    }
  }

  /// A Rademacher vector: independent ±1 entries with probability ½ each
  /// (the lowest bit of each draw).
  mutating func rademacherVector<Scalar: TensorScalar>(dimension: Int) -> [Scalar] {
    (0..<dimension).map { _ in next() & 1 == 0 ? 1 : -1 }
  }
}
