import TensorCore

extension Lecture {
  /// RMSProp as the lecture writes it: recent gradients weigh more than old ones,
  ///
  ///     σᵢ⁰ = √((gᵢ⁰)²) = |gᵢ⁰|
  ///     σᵢᵗ = √( α(σᵢᵗ⁻¹)² + (1 − α)(gᵢᵗ)² )        0 < α < 1
  ///     θᵢᵗ⁺¹ ← θᵢᵗ − (η / σᵢᵗ)·gᵢᵗ
  ///
  /// Source: Hinton, Srivastava and Swersky, *Neural Networks for Machine Learning*,
  /// lecture 6e (Coursera, 2012) — RMSProp was never published as a paper.
  ///
  /// Differences from the framework form (``Optimizers/RMSProp``, PyTorch
  /// `torch.optim.RMSprop`): the lecture starts the average at σ⁰ = |g⁰| and has no ε;
  /// PyTorch starts v at 0, so its first denominator is √(1 − α)·|g⁰| + ε (with α = 0.99 the
  /// first step is ten times the lecture's), and puts ε outside the root. A coordinate with
  /// σᵢ = 0 (all gradients zero so far) does not move.
  ///
  ///     var optimizer = try Lecture.RMSProp<Double>(learningRate: 1, alpha: 0.9)
  ///     var theta: [Double] = [0]
  ///     optimizer.step(&theta, gradient: [-0.1])   // sigma = [0.1], theta = [1]
  ///     optimizer.step(&theta, gradient: [0.1])    // sigma = [0.1], theta = [0]
  public struct RMSProp<Scalar: TensorScalar>: Optimizer, Sendable {
    /// The learning rate η.
    public var learningRate: Scalar
    /// The weight α of the previous σ², in [0, 1).
    public let alpha: Scalar
    /// σ and the step count.
    public var memory = OptimizerMemory<[Scalar]>()

    /// σᵢᵗ per parameter (empty before the first step).
    public var sigma: [Scalar] { memory.state ?? [] }

    /// Creates the lecture's RMSProp.
    ///
    /// - Parameters:
    ///   - learningRate: η ≥ 0 (default 0.01).
    ///   - alpha: α ∈ [0, 1) (default 0.9).
    /// - Throws: ``HyperparameterError`` if a value is outside its range.
    public init(learningRate: Scalar = 0.01, alpha: Scalar = 0.9) throws {
      let check = HyperparameterCheck(owner: "Lecture.RMSProp")
      try check.learningRate(learningRate)
      try check(alpha, "alpha", in: .unitIntervalExcludingOne)
      self.learningRate = learningRate
      self.alpha = alpha
    }

    /// `"Lecture.RMSProp"`.
    public var name: String { "Lecture.RMSProp" }

    /// Empty: the first step sets σ = |g|.
    ///
    /// - Parameter parameterCount: The length of θ (unused).
    /// - Returns: `[]`.
    public func makeState(parameterCount: Int) -> [Scalar] { [] }

    /// σ ← |g| on the first step, σ ← √(ασ² + (1 − α)g²) afterwards; θ ← θ − (η/σ)·g.
    ///
    /// - Parameters:
    ///   - parameters: θ, updated in place.
    ///   - gradient: g, same length.
    ///   - sigma: σ (the `state` argument), updated in place.
    ///   - learningRate: η for this step.
    ///   - step: t (unused: the first step is the one that finds σ empty).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(
      _ parameters: inout [Scalar], gradient: [Scalar], state sigma: inout [Scalar],
      learningRate: Scalar, step: Int
    ) {
      if sigma.isEmpty {
        sigma = gradient.map { $0.magnitude }
      } else {
        for i in sigma.indices {
          let g = gradient[i]
          sigma[i] = (alpha * sigma[i] * sigma[i] + (1 - alpha) * g * g).squareRoot()
        }
      }
      for i in parameters.indices where sigma[i] > 0 {
        parameters[i] -= learningRate / sigma[i] * gradient[i]
      }
    }
  }
}
