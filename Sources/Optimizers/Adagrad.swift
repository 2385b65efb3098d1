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
/// Differences from the lecture (``LectureAdagrad``): ε = 10⁻¹⁰ keeps the first step from
/// dividing by |g⁰| exactly, so the first move is η·|g|/(|g| + ε) — a hair under η.
/// Optax's `optax.adagrad` differs again: ε = 10⁻⁷ *inside* the root, g/√(s + ε), and an
/// initial accumulator of 0.1 — `Adagrad(initialAccumulatorValue: 0.1, epsilon: 1e-7,
/// epsilonInsideRoot: true)`.
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
  /// ε, added to √s (PyTorch `eps`) or to s (Optax, ``epsilonInsideRoot``).
  public let epsilon: Scalar
  /// `false`: g/(√s + ε) as PyTorch; `true`: g/√(s + ε) as Optax (0 where s = 0).
  public let epsilonInsideRoot: Bool
  /// The accumulator s = initial value + Σg² (PyTorch's `sum`); empty before the first step.
  public internal(set) var sumOfSquares: [Scalar] = []
  /// The number of steps taken.
  public internal(set) var stepCount = 0

  /// Creates Adagrad with PyTorch's defaults.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.01).
  ///   - learningRateDecay: ≥ 0 (default 0).
  ///   - weightDecay: λ ≥ 0 (default 0).
  ///   - initialAccumulatorValue: ≥ 0 (default 0).
  ///   - epsilon: ε ≥ 0 (default 1e-10).
  ///   - epsilonInsideRoot: Put ε inside the root, as Optax (default false).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(
    learningRate: Scalar = 0.01, learningRateDecay: Scalar = 0, weightDecay: Scalar = 0,
    initialAccumulatorValue: Scalar = 0, epsilon: Scalar = 1e-10, epsilonInsideRoot: Bool = false
  ) throws {
    let owner = "Adagrad"
    try validate(learningRate, "learningRate", in: .nonNegative, owner: owner)
    try validate(learningRateDecay, "learningRateDecay", in: .nonNegative, owner: owner)
    try validate(weightDecay, "weightDecay", in: .nonNegative, owner: owner)
    try validate(
      initialAccumulatorValue, "initialAccumulatorValue", in: .nonNegative, owner: owner)
    try validate(epsilon, "epsilon", in: .nonNegative, owner: owner)
    self.learningRate = learningRate
    self.learningRateDecay = learningRateDecay
    self.weightDecay = weightDecay
    self.initialAccumulatorValue = initialAccumulatorValue
    self.epsilon = epsilon
    self.epsilonInsideRoot = epsilonInsideRoot
  }

  /// Takes one step of PyTorch's Adagrad (see the type's formula).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - learningRate: η for this step (before the learning-rate decay).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func step(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    checkStepArguments(
      "Adagrad", parameters: parameters.count, gradient: gradient.count,
      stateCount: sumOfSquares.count, learningRate: learningRate)
    if sumOfSquares.isEmpty {
      sumOfSquares = [Scalar](repeating: initialAccumulatorValue, count: parameters.count)
    }
    let decayedRate = learningRate / (1 + Scalar(stepCount) * learningRateDecay)
    for i in parameters.indices {
      let g = gradient[i] + weightDecay * parameters[i]
      sumOfSquares[i] += g * g
      let sum = sumOfSquares[i]
      if epsilonInsideRoot {
        if sum > 0 { parameters[i] -= decayedRate * g / (sum + epsilon).squareRoot() }
      } else {
        parameters[i] -= decayedRate * g / (sum.squareRoot() + epsilon)
      }
    }
    stepCount += 1
  }

  /// Clears the accumulator and the step count.
  public mutating func reset() {
    sumOfSquares = []
    stepCount = 0
  }
}
