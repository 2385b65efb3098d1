import TensorCore

/// Adagrad in PyTorch's form (`torch.optim.Adagrad`): ε outside the root, an initial value
/// of the accumulator, learning-rate decay and L2 weight decay.
///
///     g ← g + λθ                              (if λ ≠ 0)
///     η̃ ← η / (1 + (t − 1)·decay)             (t = 1, 2, …)
///     s ← s + g²                              (s starts at initialAccumulatorValue)
///     θ ← θ − η̃·g / (√s + ε)
///
/// Paper: Duchi, Hazan and Singer, "Adaptive subgradient methods for online learning and
/// stochastic optimization" (JMLR 2011).
///
/// Differences from the lecture (``Lecture/Adagrad``): ε = 10⁻¹⁰ keeps the first step from
/// dividing by |g⁰| exactly, so the first move is η·|g|/(|g| + ε) — a hair under η.
/// Optax's `optax.adagrad` differs again: ε = 10⁻⁷ *inside* the root, g/√(s + ε), and an
/// initial accumulator of 0.1 — `Adagrad(initialAccumulatorValue: 0.1, epsilon: 1e-7,
/// epsilonPlacement: .insideRoot)`.
///
///     var optimizer = try Adagrad<Double>(learningRate: 1)
///     var theta: [Double] = [0]
///     optimizer.step(&theta, gradient: [2])   // s = [4], theta ≈ [-1 + 5e-11]
public struct Adagrad<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η (PyTorch `lr`).
  public var learningRate: Scalar
  /// The learning-rate decay (PyTorch `lr_decay`): step t uses η/(1 + (t − 1)·decay).
  public let learningRateDecay: Scalar
  /// The L2 weight decay λ (PyTorch `weight_decay`).
  public let weightDecay: Scalar
  /// The accumulator's starting value (PyTorch `initial_accumulator_value`).
  public let initialAccumulatorValue: Scalar
  /// ε, added to √s (PyTorch `eps`) or to s (Optax), as ``epsilonPlacement`` says.
  public let epsilon: Scalar
  /// `.outsideRoot`: g/(√s + ε) as PyTorch; `.insideRoot`: g/√(s + ε) as Optax (0 where
  /// s = 0).
  public let epsilonPlacement: EpsilonPlacement
  /// The accumulator s and the step count.
  public var memory = OptimizerMemory<[Scalar]>()

  /// The accumulator s = initial value + Σg² (PyTorch's `sum`); empty before the first step.
  public var sumOfSquares: [Scalar] { memory.state ?? [] }

  /// Creates Adagrad with PyTorch's defaults.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.01).
  ///   - learningRateDecay: ≥ 0 (default 0).
  ///   - weightDecay: λ ≥ 0 (default 0).
  ///   - initialAccumulatorValue: ≥ 0 (default 0).
  ///   - epsilon: ε ≥ 0 (default 1e-10).
  ///   - epsilonPlacement: Where ε goes (default `.outsideRoot`, as PyTorch).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(
    learningRate: Scalar = 0.01, learningRateDecay: Scalar = 0, weightDecay: Scalar = 0,
    initialAccumulatorValue: Scalar = 0, epsilon: Scalar = 1e-10,
    epsilonPlacement: EpsilonPlacement = .outsideRoot
  ) throws {
    let check = HyperparameterCheck(owner: "Adagrad")
    try check.learningRate(learningRate)
    try check(learningRateDecay, "learningRateDecay", in: .nonNegative)
    try check(weightDecay, "weightDecay", in: .nonNegative)
    try check(initialAccumulatorValue, "initialAccumulatorValue", in: .nonNegative)
    try check(epsilon, "epsilon", in: .nonNegative)
    self.learningRate = learningRate
    self.learningRateDecay = learningRateDecay
    self.weightDecay = weightDecay
    self.initialAccumulatorValue = initialAccumulatorValue
    self.epsilon = epsilon
    self.epsilonPlacement = epsilonPlacement
  }

  /// `"Adagrad"`.
  public var name: String { "Adagrad" }

  /// s = ``initialAccumulatorValue``.
  ///
  /// - Parameter parameterCount: The length of θ.
  /// - Returns: The initial accumulator.
  public func makeState(parameterCount: Int) -> [Scalar] {
    [Scalar](repeating: initialAccumulatorValue, count: parameterCount)
  }

  /// One step of PyTorch's Adagrad (see the type's formula).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - sumOfSquares: The accumulator s (the `state` argument), updated in place.
  ///   - learningRate: η for this step (before the learning-rate decay).
  ///   - step: t, which sets the decayed rate η/(1 + (t − 1)·decay).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func update(
    _ parameters: inout [Scalar], gradient: [Scalar], state sumOfSquares: inout [Scalar],
    learningRate: Scalar, step: Int
  ) {
    let decayedRate = learningRate / (1 + Scalar(step - 1) * learningRateDecay)
    for i in parameters.indices {
      let g = gradient[i] + weightDecay * parameters[i]
      sumOfSquares[i] += g * g
      let sum = sumOfSquares[i]
      switch epsilonPlacement {
      case .insideRoot:
        if sum > 0 { parameters[i] -= decayedRate * g / (sum + epsilon).squareRoot() }
      case .outsideRoot:
        parameters[i] -= decayedRate * g / (sum.squareRoot() + epsilon)
      }
    }
  }
}
