/// The dot product `Σ aᵢ·bᵢ` of two flat vectors, summed from the first entry to the last.
///
///     dot([1.0, 2, 3], [4.0, 5, 6])   // 32.0
///
/// - Parameters:
///   - a: A vector.
///   - b: A vector with as many entries as `a`.
/// - Returns: Σ aᵢ·bᵢ (0 for empty vectors).
/// - Complexity: O(`a.count`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func dot<Scalar: TensorScalar>(_ a: [Scalar], _ b: [Scalar]) -> Scalar {
  precondition(
    a.count == b.count,
    "dot: vectors of \(a.count) and \(b.count) entries; pass two vectors of the same length")
  var sum: Scalar = 0
  for index in a.indices { sum += a[index] * b[index] }
  return sum
}

/// The Euclidean norm ‖v‖₂ = √(Σvᵢ²) of a flat vector — for a network's flat gradient, the
/// "global" norm over all layers at once, which gradient clipping bounds.
///
///     norm([3.0, 4.0])   // 5.0
///
/// The squares are summed in order without rescaling, like numpy's `linalg.norm` on
/// moderate values; a vector whose squares overflow has norm `inf`.
///
/// - Parameter vector: The vector v.
/// - Returns: ‖v‖₂ (0 for an empty vector).
/// - Complexity: O(`vector.count`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func norm<Scalar: TensorScalar>(_ vector: [Scalar]) -> Scalar {
  dot(vector, vector).squareRoot()
}
