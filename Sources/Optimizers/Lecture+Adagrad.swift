import TensorCore

extension Lecture {
  /// Adagrad as the lecture writes it ("Root Mean Square"): every parameter i gets its own
  /// learning rate η/σᵢ, with σᵢ the root of the *sum* of its squared gradients,
  ///
  ///     σᵢᵗ = √( (gᵢ⁰)² + (gᵢ¹)² + … + (gᵢᵗ)² )      (σᵢ⁰ = |gᵢ⁰|)
  ///     θᵢᵗ⁺¹ ← θᵢᵗ − (η / σᵢᵗ)·gᵢᵗ
  ///
  /// There is no ε. The slide asks "Average?": it sums, as Duchi, Hazan and Singer,
  /// "Adaptive subgradient methods for online learning and stochastic optimization" (JMLR
  /// 2011) do; an average would only rescale η by √(t + 1). A coordinate whose gradients
  /// have all been zero has σᵢ = 0 and the formula reads 0/0; such a coordinate does not
  /// move.
  ///
  /// Framework form: ``Optimizers/Adagrad`` (PyTorch: ε = 10⁻¹⁰ outside the root, an
  /// initial accumulator, learning-rate decay).
  ///
  ///     var optimizer = try Lecture.Adagrad<Double>(learningRate: 1)
  ///     var theta: [Double] = [0, 0]
  ///     optimizer.step(&theta, gradient: [500, 0.4])    // sigma = [500, 0.4], theta = [-1, -1]
  ///     optimizer.step(&theta, gradient: [432, -0.3])   // sigma = [660.8, 0.5]
  public struct Adagrad<Scalar: TensorScalar>: Optimizer, Sendable {
    /// The learning rate η.
    public var learningRate: Scalar
    /// The sum of squared gradients and the step count.
    public var memory = OptimizerMemory<[Scalar]>()

    /// The sum of squared gradients Σ(gᵢ)² per parameter (empty before the first step).
    public var sumOfSquares: [Scalar] { memory.state ?? [] }

    /// σᵢᵗ = √(Σ(gᵢ)²), the per-parameter denominator of the last step.
    public var sigma: [Scalar] { sumOfSquares.map { $0.squareRoot() } }

    /// Creates the lecture's Adagrad.
    ///
    /// - Parameter learningRate: η ≥ 0 (default 0.01).
    /// - Throws: ``HyperparameterError`` if η is negative or not finite.
    public init(learningRate: Scalar = 0.01) throws {
      try HyperparameterCheck(owner: "Lecture.Adagrad").learningRate(learningRate)
      self.learningRate = learningRate
    }

    /// `"Lecture.Adagrad"`.
    public var name: String { "Lecture.Adagrad" }

    /// Σ = 0.
    ///
    /// - Parameter parameterCount: The length of θ.
    /// - Returns: Zeros.
    public func makeState(parameterCount: Int) -> [Scalar] {
      [Scalar](repeating: 0, count: parameterCount)
    }

    /// Σ ← Σ + g², σ = √Σ, θ ← θ − (η/σ)·g.
    ///
    /// - Parameters:
    ///   - parameters: θ, updated in place.
    ///   - gradient: g, same length.
    ///   - sumOfSquares: Σ (the `state` argument), updated in place.
    ///   - learningRate: η for this step.
    ///   - step: t (unused).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func update(
      _ parameters: inout [Scalar], gradient: [Scalar], state sumOfSquares: inout [Scalar],
      learningRate: Scalar, step: Int
    ) {
      for i in parameters.indices {
        sumOfSquares[i] += gradient[i] * gradient[i]
        let sigma = sumOfSquares[i].squareRoot()
        if sigma > 0 { parameters[i] -= learningRate / sigma * gradient[i] }
      }
    }
  }
}
