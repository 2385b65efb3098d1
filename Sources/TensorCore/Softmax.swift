/// The row-wise softmax: each row of `logits` becomes probabilities
/// `exp(zⱼ − max z) / Σₖ exp(zₖ − max z)` (shifting by the row maximum keeps
/// `exp` from overflowing and does not change the result).
///
///     softmax(Matrix<Double>([[0, 0]])).storage  // [0.5, 0.5]
///
/// - Parameter logits: A `batch × classes` matrix.
/// - Returns: A matrix of the same shape whose rows sum to 1.
/// - Complexity: O(`batch` · `classes`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func softmax<Scalar: TensorScalar>(_ logits: Matrix<Scalar>) -> Matrix<Scalar> {
  var result = logits
  let columns = logits.columns
  result.storage.withUnsafeMutableBufferPointer { values in
    for row in 0..<logits.rows {
      let start = row * columns
      var largest = -Scalar.infinity
      for column in 0..<columns { largest = max(largest, values[start + column]) }
      var total: Scalar = 0
      for column in 0..<columns {
        let e = Scalar.exp(values[start + column] - largest)
        values[start + column] = e
        total += e
      }
      for column in 0..<columns { values[start + column] /= total }
    }
  }
  return result
}
