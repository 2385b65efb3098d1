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

/// Softmax cross-entropy with integer class labels, averaged over the batch:
/// `L = −(1/n) Σᵢ log softmax(zᵢ)[yᵢ]`, and its gradient with respect to the
/// logits, `∂L/∂z = (softmax(z) − onehot(y)) / n`.
///
/// Same value as PyTorch's `nn.CrossEntropyLoss()` with its default mean reduction.
///
///     let (value, gradient) = softmaxCrossEntropy(
///       logits: Matrix<Double>([[0, 0]]), labels: [1])
///     // value = log 2 ≈ 0.693, gradient = [[0.5, −0.5]]
///
/// - Parameters:
///   - logits: `batch × classes` unnormalized scores z.
///   - labels: `batch` class indices y in `0..<classes`.
/// - Complexity: O(`batch` · `classes`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func softmaxCrossEntropy<Scalar: TensorScalar>(
  logits: Matrix<Scalar>, labels: [Int]
) -> (value: Scalar, gradient: Matrix<Scalar>) {
  precondition(
    labels.count == logits.rows,
    "softmaxCrossEntropy: \(labels.count) labels for \(logits.rows)×\(logits.columns) logits")
  precondition(logits.rows > 0, "softmaxCrossEntropy: empty batch")
  var probabilities = softmax(logits)
  let count = Scalar(logits.rows)
  var total: Scalar = 0
  for (row, label) in labels.enumerated() {
    precondition(
      label >= 0 && label < logits.columns,
      "softmaxCrossEntropy: label \(label) of sample \(row) is outside 0..<\(logits.columns)")
    // log softmax computed from the logits directly, so a probability that
    // underflows to 0 still gives a finite loss.
    let start = row * logits.columns
    var largest = -Scalar.infinity
    for column in 0..<logits.columns { largest = max(largest, logits.storage[start + column]) }
    var sum: Scalar = 0
    for column in 0..<logits.columns { sum += Scalar.exp(logits.storage[start + column] - largest) }
    total += largest + Scalar.log(sum) - logits.storage[start + label]
    probabilities.storage[start + label] -= 1
  }
  return (total / count, probabilities / count)
}

/// Mean squared error over all elements: `L = (1/(n·k)) Σᵢⱼ (pᵢⱼ − tᵢⱼ)²` for
/// `n × k` predictions, and its gradient `∂L/∂p = 2(p − t) / (n·k)`.
///
/// Same as PyTorch's `nn.MSELoss()` (mean reduction); there is no factor ½.
/// With one output and one sample it is the seed's `L = (ŷ − y)²`.
///
///     meanSquaredError(predictions: Matrix<Double>([[3]]), targets: Matrix([[1]]))
///     // value 4, gradient [[4]]
///
/// - Parameters:
///   - predictions: The network outputs p.
///   - targets: The target values t, same shape.
/// - Complexity: O(`n` · `k`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func meanSquaredError<Scalar: TensorScalar>(
  predictions: Matrix<Scalar>, targets: Matrix<Scalar>
) -> (value: Scalar, gradient: Matrix<Scalar>) {
  predictions.checkSameShape(as: targets, operation: "meanSquaredError (predictions vs targets)")
  precondition(!predictions.storage.isEmpty, "meanSquaredError: empty predictions")
  let difference = predictions - targets
  let count = Scalar(difference.storage.count)
  let value = difference.storage.reduce(0) { $0 + $1 * $1 } / count
  return (value, difference * (2 / count))
}
