import TensorCore

extension Lecture {
  /// Momentum (动量) as the lecture first writes it: the movement is the running sum of all
  /// gradients so far,
  ///
  ///     mᵗ = g⁰ + g¹ + … + gᵗ        (m⁰ = g⁰)
  ///     θᵗ⁺¹ ← θᵗ − η·mᵗ
  ///
  /// This is the heavy-ball method (Polyak 1964) with β = 1 — nothing is forgotten — and
  /// equals PyTorch's `SGD(lr: η, momentum: 1, dampening: 0)` step by step (see
  /// ``StochasticGradientDescent``). With β = 1 the movement never decays, so on a bowl it
  /// oscillates forever; frameworks use β < 1.
  ///
  ///     var optimizer = try Lecture.RunningSumMomentum<Double>(learningRate: 0.1)
  ///     var theta: [Double] = [0]
  ///     optimizer.step(&theta, gradient: [1])   // m = [1], theta = [-0.1]
  ///     optimizer.step(&theta, gradient: [1])   // m = [2], theta = [-0.3]
  public struct RunningSumMomentum<Scalar: TensorScalar>: Optimizer, Sendable {
    /// The learning rate η.
    public var learningRate: Scalar
    /// The running sum m and the step count.
    public var memory = OptimizerMemory<[Scalar]>()

    /// The running sum mᵗ of all gradients so far (empty before the first step).
    public var momentumBuffer: [Scalar] { memory.state ?? [] }

    /// Creates the running-sum momentum rule.
    ///
    /// - Parameter learningRate: The step size η ≥ 0 (default 0.01).
    /// - Throws: ``HyperparameterError`` if η is negative or not finite.
    public init(learningRate: Scalar = 0.01) throws {
      try HyperparameterCheck(owner: "Lecture.RunningSumMomentum").learningRate(learningRate)
      self.learningRate = learningRate
    }

    /// `"Lecture.RunningSumMomentum"`.
    public var name: String { "Lecture.RunningSumMomentum" }

    /// m = 0.
    ///
    /// - Parameter parameterCount: The length of θ.
    /// - Returns: Zeros.
    public func makeState(parameterCount: Int) -> [Scalar] {
      [Scalar](repeating: 0, count: parameterCount)
    }

    /// m ← m + g, θ ← θ − η·m.
    ///
    /// - Parameters:
    ///   - parameters: θ, updated in place.
    ///   - gradient: g, same length.
    ///   - momentum: m (the `state` argument), updated in place.
    ///   - learningRate: η for this step.
    ///   - step: t (unused).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(
      _ parameters: inout [Scalar], gradient: [Scalar], state momentum: inout [Scalar],
      learningRate: Scalar, step: Int
    ) {
      for i in parameters.indices {
        momentum[i] += gradient[i]
        parameters[i] -= learningRate * momentum[i]
      }
    }
  }
}
