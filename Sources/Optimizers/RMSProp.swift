import TensorCore

/// RMSProp in PyTorch's form (`torch.optim.RMSprop`), with its `centered`, `momentum` and
/// `weight_decay` options:
///
///     g ← g + λθ                              (if λ ≠ 0)
///     v ← α·v + (1 − α)·g²                    (v starts at 0)
///     ḡ ← α·ḡ + (1 − α)·g,  ṽ ← v − ḡ²       (centered)   or   ṽ ← v
///     b ← μ·b + g / (√ṽ + ε),  θ ← θ − η·b    (μ > 0)
///     θ ← θ − η·g / (√ṽ + ε)                  (μ = 0)
///
/// Source: Hinton, Srivastava and Swersky, *Neural Networks for Machine Learning*,
/// lecture 6e (2012); the centered variant is from Graves, "Generating sequences with
/// recurrent neural networks" (2013).
///
/// Differences: the lecture (``Lecture/RMSProp``) starts at σ⁰ = |g⁰| and has no ε. Optax's
/// `optax.rmsprop` puts ε *inside* the root, g/√(ṽ + ε) (``epsilonPlacement``), and starts
/// v at `initial_scale` (``initialSquareAverage``); PyTorch's default α is 0.99, Optax's
/// `decay` 0.9. Optax's rmsprop is therefore
/// `RMSProp(alpha: 0.9, epsilonPlacement: .insideRoot)`, with its `momentum` the same buffer.
///
///     var optimizer = try RMSProp<Double>(learningRate: 0.01)
///     var theta: [Double] = [0]
///     optimizer.step(&theta, gradient: [1])   // v = [0.01], theta ≈ [-0.1]
public struct RMSProp<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η (PyTorch `lr`).
  public var learningRate: Scalar
  /// The smoothing constant α ∈ [0, 1) (PyTorch `alpha`).
  public let alpha: Scalar
  /// ε, added to √ṽ (PyTorch `eps`).
  public let epsilon: Scalar
  /// The L2 weight decay λ (PyTorch `weight_decay`).
  public let weightDecay: Scalar
  /// The momentum coefficient μ ∈ [0, 1) applied to the scaled step (PyTorch `momentum`);
  /// the momentum itself is ``momentumBuffer``.
  public let momentum: Scalar
  /// Whether to divide by the estimated variance v − ḡ² instead of v (PyTorch `centered`).
  public let centered: Bool
  /// `.outsideRoot`: g/(√ṽ + ε) as PyTorch; `.insideRoot`: g/√(ṽ + ε) as Optax
  /// (`eps_in_sqrt`).
  public let epsilonPlacement: EpsilonPlacement
  /// The starting value of v (0 in PyTorch; Optax's `initial_scale`).
  public let initialSquareAverage: Scalar
  /// v, ḡ, b and the step count.
  public var memory = OptimizerMemory<State>()

  /// RMSProp's state: the averages and the momentum buffer.
  public struct State: Sendable {
    /// The average of squared gradients v (PyTorch's `square_avg`).
    public internal(set) var squareAverage: [Scalar]
    /// The average gradient ḡ (PyTorch's `grad_avg`); empty unless centered.
    public internal(set) var gradientAverage: [Scalar]
    /// The momentum buffer b; empty unless μ > 0.
    public internal(set) var momentumBuffer: [Scalar]
  }

  /// The average of squared gradients v (PyTorch's `square_avg`); empty before step 1.
  public var squareAverage: [Scalar] { memory.state?.squareAverage ?? [] }
  /// The average gradient ḡ (PyTorch's `grad_avg`); used only when centered.
  public var gradientAverage: [Scalar] { memory.state?.gradientAverage ?? [] }
  /// The momentum buffer b; used only when μ > 0.
  public var momentumBuffer: [Scalar] { memory.state?.momentumBuffer ?? [] }

  /// Creates RMSProp with PyTorch's defaults.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.01).
  ///   - alpha: α ∈ [0, 1) (default 0.99).
  ///   - epsilon: ε ≥ 0 (default 1e-8).
  ///   - weightDecay: λ ≥ 0 (default 0).
  ///   - momentum: μ ∈ [0, 1) (default 0).
  ///   - centered: Divide by the variance estimate (default false).
  ///   - epsilonPlacement: Where ε goes (default `.outsideRoot`, as PyTorch).
  ///   - initialSquareAverage: v's starting value ≥ 0 (default 0).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(
    learningRate: Scalar = 0.01, alpha: Scalar = 0.99, epsilon: Scalar = 1e-8,
    weightDecay: Scalar = 0, momentum: Scalar = 0, centered: Bool = false,
    epsilonPlacement: EpsilonPlacement = .outsideRoot, initialSquareAverage: Scalar = 0
  ) throws {
    let check = HyperparameterCheck(owner: "RMSProp")
    try check.learningRate(learningRate)
    try check(alpha, "alpha", in: .unitIntervalExcludingOne)
    try check(epsilon, "epsilon", in: .nonNegative)
    try check(weightDecay, "weightDecay", in: .nonNegative)
    try check(momentum, "momentum", in: .unitIntervalExcludingOne)
    try check(initialSquareAverage, "initialSquareAverage", in: .nonNegative)
    self.learningRate = learningRate
    self.alpha = alpha
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.momentum = momentum
    self.centered = centered
    self.epsilonPlacement = epsilonPlacement
    self.initialSquareAverage = initialSquareAverage
  }

  /// `"RMSProp"`.
  public var name: String { "RMSProp" }

  /// v = ``initialSquareAverage``, ḡ = 0 when centered, b = 0 when μ > 0.
  ///
  /// - Parameter parameterCount: The length of θ.
  /// - Returns: The initial state.
  public func makeState(parameterCount: Int) -> State {
    let zeros = [Scalar](repeating: 0, count: parameterCount)
    return State(
      squareAverage: [Scalar](repeating: initialSquareAverage, count: parameterCount),
      gradientAverage: centered ? zeros : [], momentumBuffer: momentum > 0 ? zeros : [])
  }

  /// One step of PyTorch's RMSProp (see the type's formula).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - state: v, ḡ and b, updated in place.
  ///   - learningRate: η for this step.
  ///   - step: t (unused).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func update(
    _ parameters: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
    step: Int
  ) {
    for i in parameters.indices {
      let g = gradient[i] + weightDecay * parameters[i]
      state.squareAverage[i] = alpha * state.squareAverage[i] + (1 - alpha) * g * g
      var variance = state.squareAverage[i]
      if centered {
        state.gradientAverage[i] = alpha * state.gradientAverage[i] + (1 - alpha) * g
        variance -= state.gradientAverage[i] * state.gradientAverage[i]
      }
      let scaled: Scalar
      switch epsilonPlacement {
      case .insideRoot: scaled = g / (variance + epsilon).squareRoot()
      case .outsideRoot: scaled = g / (variance.squareRoot() + epsilon)
      }
      if momentum > 0 {
        state.momentumBuffer[i] = momentum * state.momentumBuffer[i] + scaled
        parameters[i] -= learningRate * state.momentumBuffer[i]
      } else {
        parameters[i] -= learningRate * scaled
      }
    }
  }
}
