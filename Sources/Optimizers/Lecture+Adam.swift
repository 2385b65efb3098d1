import TensorCore

extension Lecture {
  /// Adam as the lecture's slide writes it, "RMSProp + Momentum", without bias correction
  /// and without ε:
  ///
  ///     mᵢ⁰ = gᵢ⁰,    mᵢᵗ = β·mᵢᵗ⁻¹ + (1 − β)·gᵢᵗ              (the lecture's momentum)
  ///     σᵢ⁰ = |gᵢ⁰|,  σᵢᵗ = √( α(σᵢᵗ⁻¹)² + (1 − α)(gᵢᵗ)² )      (the lecture's RMSProp)
  ///     θᵢᵗ⁺¹ ← θᵢᵗ − (η / σᵢᵗ)·mᵢᵗ
  ///
  /// β plays the role of Adam's β₁ and α of β₂. Starting both averages at the first
  /// gradient instead of at 0 makes bias correction unnecessary: the first step is exactly
  /// η·sign(g⁰). The framework form is ``Optimizers/Adam`` (Kingma and Ba 2015), whose m
  /// and v start at 0 and are bias-corrected, with ε outside the root. A coordinate with
  /// σᵢ = 0 does not move.
  ///
  ///     var optimizer = try Lecture.Adam<Double>(learningRate: 1, beta: 0.9, alpha: 0.99)
  ///     var theta: [Double] = [0, 0]
  ///     optimizer.step(&theta, gradient: [500, 0.4])   // theta = [-1, -1]
  public struct Adam<Scalar: TensorScalar>: Optimizer, Sendable {
    /// The learning rate η.
    public var learningRate: Scalar
    /// β ∈ [0, 1), the momentum's weight of the previous average (Adam's β₁).
    public let beta: Scalar
    /// α ∈ [0, 1), RMSProp's weight of the previous σ² (Adam's β₂).
    public let alpha: Scalar
    /// m, σ and the step count.
    public var memory = OptimizerMemory<State>()

    /// The lecture Adam's state: its momentum and its σ.
    public struct State: Sendable {
      /// The momentum mᵗ (the moving average of the gradients).
      public internal(set) var momentumBuffer: [Scalar]
      /// σᵗ (the root of the moving average of the squared gradients).
      public internal(set) var sigma: [Scalar]
    }

    /// The momentum mᵗ (empty before the first step).
    public var momentumBuffer: [Scalar] { memory.state?.momentumBuffer ?? [] }
    /// σᵗ (empty before the first step).
    public var sigma: [Scalar] { memory.state?.sigma ?? [] }

    /// Creates the lecture's Adam.
    ///
    /// - Parameters:
    ///   - learningRate: η ≥ 0 (default 0.001).
    ///   - beta: β ∈ [0, 1) (default 0.9).
    ///   - alpha: α ∈ [0, 1) (default 0.999).
    /// - Throws: ``HyperparameterError`` if a value is outside its range.
    public init(learningRate: Scalar = 0.001, beta: Scalar = 0.9, alpha: Scalar = 0.999) throws {
      let check = HyperparameterCheck(owner: "Lecture.Adam")
      try check.learningRate(learningRate)
      try check(beta, "beta", in: .unitIntervalExcludingOne)
      try check(alpha, "alpha", in: .unitIntervalExcludingOne)
      self.learningRate = learningRate
      self.beta = beta
      self.alpha = alpha
    }

    /// `"Lecture.Adam"`.
    public var name: String { "Lecture.Adam" }

    /// Empty: the first step sets m = g and σ = |g|.
    ///
    /// - Parameter parameterCount: The length of θ (unused).
    /// - Returns: An empty state.
    public func makeState(parameterCount: Int) -> State {
      State(momentumBuffer: [], sigma: [])
    }

    /// Updates m and σ as in the lecture, then θ ← θ − (η/σ)·m.
    ///
    /// - Parameters:
    ///   - parameters: θ, updated in place.
    ///   - gradient: g, same length.
    ///   - state: m and σ, updated in place.
    ///   - learningRate: η for this step.
    ///   - step: t (unused: the first step is the one that finds m empty).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(
      _ parameters: inout [Scalar], gradient: [Scalar], state: inout State,
      learningRate: Scalar, step: Int
    ) {
      if state.momentumBuffer.isEmpty {
        state.momentumBuffer = gradient
        state.sigma = gradient.map { $0.magnitude }
      } else {
        for i in gradient.indices {
          let g = gradient[i]
          state.momentumBuffer[i] = beta * state.momentumBuffer[i] + (1 - beta) * g
          state.sigma[i] = (alpha * state.sigma[i] * state.sigma[i] + (1 - alpha) * g * g)
            .squareRoot()
        }
      }
      for i in parameters.indices where state.sigma[i] > 0 {
        parameters[i] -= learningRate / state.sigma[i] * state.momentumBuffer[i]
      }
    }
  }
}
