/// The fraction of rows of `outputs` whose largest entry is at the row's label
/// (ties go to the first largest entry).
///
///     accuracy(outputs: Matrix<Double>([[0.1, 0.9], [0.8, 0.2]]), labels: [1, 1])  // 0.5
///
/// - Parameters:
///   - outputs: `batch × classes` scores (logits or probabilities).
///   - labels: `batch` class indices.
/// - Complexity: O(`batch` · `classes`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func accuracy<Scalar: TensorScalar>(outputs: Matrix<Scalar>, labels: [Int]) -> Scalar {
  precondition(
    labels.count == outputs.rows,
    "accuracy: \(labels.count) labels for \(outputs.rows)×\(outputs.columns) outputs")
  precondition(outputs.rows > 0, "accuracy: empty batch")
  let predicted = outputs.rowArgmax()
  let correct = zip(predicted, labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
  return Scalar(correct) / Scalar(labels.count)
}

extension Matrix {
  /// The column index of the largest element of each row (the first one on ties):
  /// the predicted class of each sample.
  ///
  ///     Matrix<Double>([[1, 3, 2], [5, 0, 5]]).rowArgmax()  // [1, 0]
  ///
  /// - Complexity: O(`rows` · `columns`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func rowArgmax() -> [Int] {
    precondition(columns > 0, "rowArgmax of a matrix with no columns (\(rows)×\(columns))")
    return (0..<rows).map { row in
      let start = row * columns
      var best = 0
      for column in 1..<columns where storage[start + column] > storage[start + best] {
        best = column
      }
      return best
    }
  }
}
