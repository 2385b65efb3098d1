import TensorCore

extension Lecture {
  /// Momentum as the lecture's exponential moving average — "not the classic momentum"
  /// (这不是经典的 Momentum):
  ///
  ///     m⁰ = g⁰
  ///     mᵗ = β·mᵗ⁻¹ + (1 − β)·gᵗ        0 < β < 1
  ///     θᵗ⁺¹ ← θᵗ − η·mᵗ
  ///
  /// Step by step this equals PyTorch's `SGD(lr: η, momentum: β, dampening: β)`: PyTorch's
  /// first step stores the raw gradient in its buffer (no dampening), which is the lecture's
  /// m⁰ = g⁰. Compared with classic heavy-ball momentum (``StochasticGradientDescent`` with
  /// dampening 0, v ← βv + g), the average is (1 − β) times smaller in the steady state, so
  /// the same movement needs a learning rate η/(1 − β).
  ///
  ///     var optimizer = try Lecture.MovingAverageMomentum<Double>(learningRate: 0.1, beta: 0.9)
  ///     var theta: [Double] = [0]
  ///     optimizer.step(&theta, gradient: [1])   // m = [1],   theta = [-0.1]
  ///     optimizer.step(&theta, gradient: [2])   // m = [1.1], theta = [-0.21]
  public struct MovingAverageMomentum<Scalar: TensorScalar>: Optimizer, Sendable {
    /// The learning rate η.
    public var learningRate: Scalar
    /// The weight β of the previous average, in [0, 1).
    public let beta: Scalar
    /// The moving average m and the step count.
    public var memory = OptimizerMemory<[Scalar]>()

    /// The moving average mᵗ (empty before the first step).
    public var momentumBuffer: [Scalar] { memory.state ?? [] }

    /// Creates the lecture's moving-average momentum.
    ///
    /// - Parameters:
    ///   - learningRate: The step size η ≥ 0 (default 0.01).
    ///   - beta: The decay β ∈ [0, 1) of the average (default 0.9).
    /// - Throws: ``HyperparameterError`` if a value is outside its range.
    public init(learningRate: Scalar = 0.01, beta: Scalar = 0.9) throws {
      let check = HyperparameterCheck(owner: "Lecture.MovingAverageMomentum")
      try check.learningRate(learningRate)
      try check(beta, "beta", in: .unitIntervalExcludingOne)
      self.learningRate = learningRate
      self.beta = beta
    }

    /// `"Lecture.MovingAverageMomentum"`.
    public var name: String { "Lecture.MovingAverageMomentum" }

    /// Empty: the first step sets m = g.
    ///
    /// - Parameter parameterCount: The length of θ (unused).
    /// - Returns: `[]`.
    public func makeState(parameterCount: Int) -> [Scalar] { [] }

    /// m ← g on the first step, m ← βm + (1 − β)g afterwards; θ ← θ − η·m.
    ///
    /// - Parameters:
    ///   - parameters: θ, updated in place.
    ///   - gradient: g, same length.
    ///   - momentum: m (the `state` argument), updated in place.
    ///   - learningRate: η for this step.
    ///   - step: t (unused: the first step is the one that finds m empty).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(
      _ parameters: inout [Scalar], gradient: [Scalar], state momentum: inout [Scalar],
      learningRate: Scalar, step: Int
    ) {
      if momentum.isEmpty {
        momentum = gradient
      } else {
        for i in momentum.indices { momentum[i] = beta * momentum[i] + (1 - beta) * gradient[i] }
      }
      for i in parameters.indices { parameters[i] -= learningRate * momentum[i] }
    }
  }
}
