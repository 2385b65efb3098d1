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
