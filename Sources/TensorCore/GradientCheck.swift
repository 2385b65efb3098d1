/// The central-difference estimate of the gradient of `function` at `point`:
/// component `i` is `(f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h`, whose error is O(h²)
/// plus rounding of order ε·|f|/h.
///
///     centralDifferenceGradient(of: { $0[0] * $0[0] }, at: [3.0], step: 1e-5)  // ≈ [6]
///
/// - Parameters:
///   - function: The scalar function of a flat vector.
///   - point: Where to estimate the gradient.
///   - step: The half-width h of each difference (1e-5 suits `Double`; 1e-2 to
///     1e-3 suits `Float`).
/// - Complexity: 2 · `point.count` evaluations of `function`.
public func centralDifferenceGradient<Scalar: TensorScalar>(
  of function: ([Scalar]) -> Scalar, at point: [Scalar], step: Scalar
) -> [Scalar] {
  precondition(step > 0, "centralDifferenceGradient: step \(step) must be positive")
  var shifted = point
  return point.indices.map { index in
    shifted[index] = point[index] + step
    let above = function(shifted)
    shifted[index] = point[index] - step
    let below = function(shifted)
    shifted[index] = point[index]
    return (above - below) / (2 * step)
  }
}

/// How far an analytic gradient is from its central-difference estimate.
public struct GradientCheckResult<Scalar: TensorScalar>: Sendable {
  /// The gradient from backpropagation.
  public var analytic: [Scalar]
  /// The central-difference estimate.
  public var numerical: [Scalar]

  /// Creates a result from the two gradients.
  ///
  /// - Parameters:
  ///   - analytic: The gradient from backpropagation.
  ///   - numerical: The central-difference estimate, same length.
  public init(analytic: [Scalar], numerical: [Scalar]) {
    precondition(
      analytic.count == numerical.count,
      "GradientCheckResult: \(analytic.count) analytic and \(numerical.count) numerical components")
    self.analytic = analytic
    self.numerical = numerical
  }

  /// The largest |analytic − numerical| over all components.
  public var maximumAbsoluteError: Scalar {
    zip(analytic, numerical).reduce(0) { max($0, abs($1.0 - $1.1)) }
  }

  /// ‖analytic − numerical‖ / max(‖analytic‖ + ‖numerical‖, tiny): a scale-free
  /// error, about 1e-8 or less for a correct `Double` backward pass.
  public var relativeError: Scalar {
    let difference = norm(zip(analytic, numerical).map { $0 - $1 })
    return difference / max(norm(analytic) + norm(numerical), .leastNormalMagnitude)
  }
}

extension Sequential {
  /// Compares the backpropagated gradient of the loss on a batch with its
  /// central-difference estimate (both in training mode), leaving the network
  /// unchanged.
  ///
  ///     let result = network.checkGradient(inputs: x, targets: .classes(y), step: 1e-5)
  ///     result.relativeError  // ≈ 1e-10 for Double
  ///
  /// - Parameters:
  ///   - inputs: A batch of inputs.
  ///   - targets: The batch's targets.
  ///   - step: The half-width h of each difference.
  /// - Complexity: 2 · ``parameterCount`` + 1 forward passes.
  public func checkGradient(
    inputs: Matrix<Scalar>, targets: Targets<Scalar>, step: Scalar
  ) -> GradientCheckResult<Scalar> {
    var copy = self
    let analytic = copy.lossAndGradient(inputs: inputs, targets: targets).gradient
    let numerical = centralDifferenceGradient(
      of: { parameters in
        var probe = self
        probe.parameters = parameters
        return probe.loss(inputs: inputs, targets: targets, mode: .training)
      }, at: parameters, step: step)
    return GradientCheckResult(analytic: analytic, numerical: numerical)
  }
}
