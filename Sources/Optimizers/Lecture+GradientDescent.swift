import TensorCore

extension Lecture {
  /// Vanilla gradient descent, the lecture's first rule (梯度下降):
  ///
  ///     θᵗ⁺¹ ← θᵗ − η·gᵗ
  ///
  /// Each step uses only the current gradient gᵗ; it has no state besides the step count.
  /// PyTorch's `torch.optim.SGD` with its defaults and Optax's `optax.sgd` are this rule
  /// (see ``StochasticGradientDescent`` for their momentum and weight-decay options).
  ///
  ///     var optimizer = try Lecture.GradientDescent<Double>(learningRate: 0.1)
  ///     var theta: [Double] = [1, 2]
  ///     optimizer.step(&theta, gradient: [10, -10])   // theta == [0.0, 3.0]
  public struct GradientDescent<Scalar: TensorScalar>: Optimizer, Sendable {
    /// The learning rate η.
    public var learningRate: Scalar
    /// The step count (there is no other state).
    public var memory = OptimizerMemory<Void>()

    /// Creates vanilla gradient descent with learning rate η.
    ///
    /// - Parameter learningRate: The step size η ≥ 0 (default 0.01).
    /// - Throws: ``HyperparameterError`` if η is negative or not finite.
    public init(learningRate: Scalar = 0.01) throws {
      try HyperparameterCheck(owner: "Lecture.GradientDescent").learningRate(learningRate)
      self.learningRate = learningRate
    }

    /// `"Lecture.GradientDescent"`.
    public var name: String { "Lecture.GradientDescent" }

    /// No state.
    ///
    /// - Parameter parameterCount: The length of θ (unused).
    public func makeState(parameterCount: Int) {}

    /// θ ← θ − η·g.
    ///
    /// - Parameters:
    ///   - parameters: θ, updated in place.
    ///   - gradient: g, same length.
    ///   - state: No state.
    ///   - learningRate: η for this step.
    ///   - step: t (unused).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(
      _ parameters: inout [Scalar], gradient: [Scalar], state: inout Void, learningRate: Scalar,
      step: Int
    ) {
      for i in parameters.indices { parameters[i] -= learningRate * gradient[i] }
    }
  }
}
