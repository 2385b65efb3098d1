/// The loss a ``Sequential`` network is trained on; attached when the network
/// is created (`Sequential(layers, loss: .softmaxCrossEntropy)`).
///
/// Both losses are means over the batch, matching PyTorch's default reduction.
///
///     let loss = Loss.meanSquaredError
///     let (value, gradient) = loss.valueAndGradient(
///       output: Matrix<Double>([[3]]), targets: .values(Matrix([[1]])))
///     // value 4, gradient [[4]]
public enum Loss: Sendable, Equatable, CaseIterable {
  /// Softmax cross-entropy on logits with integer class labels
  /// (``softmaxCrossEntropy(logits:labels:)``); targets must be `.classes`.
  case softmaxCrossEntropy
  /// Mean squared error over all output elements
  /// (``meanSquaredError(predictions:targets:)``); targets must be `.values`.
  case meanSquaredError

  /// The loss value and its gradient with respect to `output`.
  ///
  /// - Parameters:
  ///   - output: The network's output for a batch (logits for cross-entropy).
  ///   - targets: The batch's targets, of the kind this loss needs.
  /// - Complexity: O(elements of `output`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func valueAndGradient<Scalar: TensorScalar>(
    output: Matrix<Scalar>, targets: Targets<Scalar>
  ) -> (value: Scalar, gradient: Matrix<Scalar>) {
    switch (self, targets) {
    case (.softmaxCrossEntropy, .classes(let labels)):
      return TensorCore.softmaxCrossEntropy(logits: output, labels: labels)
    case (.meanSquaredError, .values(let matrix)):
      return TensorCore.meanSquaredError(predictions: output, targets: matrix)
    default:
      preconditionFailure(
        "Loss \(self) cannot use \(targets.labels == nil ? "value" : "class-label") targets")
    }
  }

  /// The loss value only.
  ///
  /// - Parameters:
  ///   - output: The network's output for a batch.
  ///   - targets: The batch's targets.
  /// - Complexity: O(elements of `output`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func value<Scalar: TensorScalar>(
    output: Matrix<Scalar>, targets: Targets<Scalar>
  ) -> Scalar {
    valueAndGradient(output: output, targets: targets).value
  }

  /// The product of the loss's Hessian with respect to the output and a
  /// direction `V` of the output's shape: `Σₖₗ ∂²L/∂zᵢⱼ∂zₖₗ · Vₖₗ`.
  ///
  /// For cross-entropy, row by row with p = softmax(z): `(p ⊙ v − p (pᵀv)) / n`.
  /// For mean squared error: `2V / (n·k)`. Used for exact Hessian-vector products.
  ///
  /// - Parameters:
  ///   - output: The network's output z for a batch.
  ///   - targets: The batch's targets (the Hessian does not depend on them, but
  ///     their kind is checked).
  ///   - direction: V, the shape of `output`.
  /// - Complexity: O(elements of `output`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func hessianVectorProduct<Scalar: TensorScalar>(
    output: Matrix<Scalar>, targets: Targets<Scalar>, direction: Matrix<Scalar>
  ) -> Matrix<Scalar> {
    output.checkSameShape(
      as: direction, operation: "Loss.hessianVectorProduct (output vs direction)")
    switch (self, targets) {
    case (.softmaxCrossEntropy, .classes):
      let probabilities = softmax(output)
      var result = probabilities * direction
      let count = Scalar(output.rows)
      for row in 0..<output.rows {
        let start = row * output.columns
        var projection: Scalar = 0
        for column in 0..<output.columns { projection += result.storage[start + column] }
        for column in 0..<output.columns {
          result.storage[start + column] -= probabilities.storage[start + column] * projection
        }
      }
      return result / count
    case (.meanSquaredError, .values):
      return direction * (2 / Scalar(output.storage.count))
    default:
      preconditionFailure(
        "Loss \(self) cannot use \(targets.labels == nil ? "value" : "class-label") targets")
    }
  }
}
