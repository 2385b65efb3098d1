import TensorCore

/// Vanilla gradient descent, the lecture's first rule (梯度下降):
///
///     θᵗ⁺¹ ← θᵗ − η·gᵗ
///
/// Each step uses only the current gradient gᵗ; it has no state besides the step count.
/// PyTorch's `torch.optim.SGD` with its defaults and Optax's `optax.sgd` are this rule
/// (see ``StochasticGradientDescent`` for their momentum and weight-decay options).
///
///     var optimizer = try GradientDescent<Double>(learningRate: 0.1)
///     var theta: [Double] = [1, 2]
///     optimizer.step(&theta, gradient: [10, -10])   // theta == [0.0, 3.0]
public struct GradientDescent<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η.
  public var learningRate: Scalar
  /// The number of steps taken.
  public internal(set) var stepCount = 0

  /// Creates vanilla gradient descent with learning rate η.
  ///
  /// - Parameter learningRate: The step size η ≥ 0 (default 0.01).
  /// - Throws: ``HyperparameterError`` if η is negative or not finite.
  public init(learningRate: Scalar = 0.01) throws {
    try validate(learningRate, "learningRate", in: .nonNegative, owner: "GradientDescent")
    self.learningRate = learningRate
  }

  /// Takes one step θ ← θ − η·g.
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - learningRate: η for this step.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func step(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    checkStepArguments(
      "GradientDescent", parameters: parameters.count, gradient: gradient.count, stateCount: 0,
      learningRate: learningRate)
    for i in parameters.indices { parameters[i] -= learningRate * gradient[i] }
    stepCount += 1
  }

  /// Resets the step count (there is no other state).
  public mutating func reset() { stepCount = 0 }
}
