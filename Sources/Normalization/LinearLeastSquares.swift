import TensorCore

/// The mean squared error of a linear model `ŷ = w·x + b`, the lecture's example of an
/// error surface that feature normalization makes round.
///
/// With N samples xₙ (rows of ``inputs``) and targets yₙ, parameters `p = [w₁, …, w_d, b]`:
///
///     L(p)  = (1/N) Σₙ (w·xₙ + b − yₙ)²
///     ∇L(p) = (2/N) Σₙ (w·xₙ + b − yₙ) · [xₙ, 1]
///     H     = (2/N) Σₙ [xₙ, 1]ᵀ[xₙ, 1]          (constant: L is quadratic)
///
/// The Hessian's diagonal entry for wⱼ is the curvature along wⱼ, `(2/N) Σₙ xₙⱼ²`: a feature
/// with values near 150 makes it ~10⁴ times larger than a feature in [0, 1]. Gradient
/// descent on a quadratic converges from every start only when η < 2/λ_max, with λ_max the
/// largest eigenvalue of H (Hessian's `SymmetricEigendecomposition` computes them), and its
/// error then shrinks at best by `(κ − 1)/(κ + 1)` per step, κ = λ_max/λ_min.
///
///     let problem = LinearLeastSquares(
///       inputs: Matrix<Double>([[0], [1], [2]]), targets: [1, 3, 5])   // y = 2x + 1
///     problem.loss([2, 1])          // 0
///     problem.gradient([0, 0])      // [-26/3, -6]: (2/3)·(−(0·1 + 1·3 + 2·5)), (2/3)·(−9)
///     problem.hessian               // [[10/3, 2], [2, 2]]
///     problem.curvatures            // [10/3, 2]
public struct LinearLeastSquares<Scalar: TensorScalar>: Sendable {
  /// The samples, `N × d`.
  public let inputs: Matrix<Scalar>
  /// The N targets.
  public let targets: [Scalar]

  /// A least-squares problem on samples and their targets.
  ///
  /// - Parameters:
  ///   - inputs: The samples as rows, at least one.
  ///   - targets: One target per row.
  public init(inputs: Matrix<Scalar>, targets: [Scalar]) {
    precondition(inputs.rows > 0, "LinearLeastSquares: no samples")
    precondition(
      targets.count == inputs.rows,
      "LinearLeastSquares: \(targets.count) targets for \(inputs.rows) samples")
    self.inputs = inputs
    self.targets = targets
  }

  /// The number of parameters, d + 1 (the weights, then the bias).
  public var parameterCount: Int { inputs.columns + 1 }

  /// The residuals `w·xₙ + b − yₙ`.
  private func residuals(_ parameters: [Scalar]) -> [Scalar] {
    precondition(
      parameters.count == parameterCount,
      "LinearLeastSquares: \(parameters.count) parameters; needs \(parameterCount) (weights, then bias)"
    )
    let bias = parameters[inputs.columns]
    return (0..<inputs.rows).map { row in
      var prediction = bias
      for column in 0..<inputs.columns { prediction += parameters[column] * inputs[row, column] }
      return prediction - targets[row]
    }
  }

  /// The mean squared error L(p).
  ///
  /// - Parameter parameters: `[w₁, …, w_d, b]`.
  /// - Returns: `(1/N) Σₙ (w·xₙ + b − yₙ)²`.
  /// - Complexity: O(N·d).
  public func loss(_ parameters: [Scalar]) -> Scalar {
    residuals(parameters).reduce(0) { $0 + $1 * $1 } / Scalar(inputs.rows)
  }

  /// The gradient ∇L(p).
  ///
  /// - Parameter parameters: `[w₁, …, w_d, b]`.
  /// - Returns: `(2/N) Σₙ rₙ·[xₙ, 1]` with the residuals rₙ, in the order of the parameters.
  /// - Complexity: O(N·d).
  public func gradient(_ parameters: [Scalar]) -> [Scalar] {
    let residuals = residuals(parameters)
    let factor = 2 / Scalar(inputs.rows)
    var gradient = [Scalar](repeating: 0, count: parameterCount)
    for row in 0..<inputs.rows {
      for column in 0..<inputs.columns {
        gradient[column] += factor * residuals[row] * inputs[row, column]
      }
      gradient[inputs.columns] += factor * residuals[row]
    }
    return gradient
  }

  /// The constant Hessian `(2/N) Σₙ [xₙ, 1]ᵀ[xₙ, 1]`, `(d + 1) × (d + 1)`, bias last.
  ///
  /// - Complexity: O(N·d²).
  public var hessian: Matrix<Scalar> {
    let count = parameterCount
    let factor = 2 / Scalar(inputs.rows)
    var result = Matrix<Scalar>(rows: count, columns: count)
    for row in 0..<inputs.rows {
      let extended = inputs.row(row) + [1]
      for i in 0..<count {
        for j in 0..<count { result[i, j] += factor * extended[i] * extended[j] }
      }
    }
    return result
  }

  /// The curvature along each weight and the bias: the Hessian's diagonal,
  /// `(2/N) Σₙ xₙⱼ²` for wⱼ and 2 for b.
  ///
  /// - Complexity: O(N·d).
  public var curvatures: [Scalar] {
    let factor = 2 / Scalar(inputs.rows)
    return (0..<inputs.columns).map { column in
      factor * inputs.column(column).reduce(0) { $0 + $1 * $1 }
    } + [2]
  }

  /// The loss over the weights alone, with the bias at its best value for them,
  /// `b = mean(yₙ − w·xₙ)`: the surface a contour plot over the weights shows.
  ///
  /// - Parameter weights: `[w₁, …, w_d]`.
  /// - Returns: `min_b L([weights, b])`, the variance of the residuals `yₙ − w·xₙ`.
  /// - Complexity: O(N·d).
  public func lossWithBestBias(weights: [Scalar]) -> Scalar {
    precondition(
      weights.count == inputs.columns,
      "LinearLeastSquares: \(weights.count) weights for \(inputs.columns) features")
    let residuals = residuals(weights + [0])
    let mean = residuals.reduce(0, +) / Scalar(inputs.rows)
    return residuals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Scalar(inputs.rows)
  }
}
