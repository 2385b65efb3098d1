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
