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
/// Differences: the lecture (``LectureRMSProp``) starts at σ⁰ = |g⁰| and has no ε. Optax's
/// `optax.rmsprop` puts ε *inside* the root, g/√(ṽ + ε) (``epsilonInsideRoot``), and starts
/// v at `initial_scale` (``initialSquareAverage``); PyTorch's default α is 0.99, Optax's
/// `decay` 0.9. Optax's rmsprop is therefore
/// `RMSProp(alpha: 0.9, epsilonInsideRoot: true)`, with its `momentum` the same buffer.
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
  /// The momentum μ ∈ [0, 1) applied to the scaled step (PyTorch `momentum`).
  public let momentum: Scalar
  /// Whether to divide by the estimated variance v − ḡ² instead of v (PyTorch `centered`).
  public let centered: Bool
  /// `false`: g/(√ṽ + ε) as PyTorch; `true`: g/√(ṽ + ε) as Optax (`eps_in_sqrt`).
  public let epsilonInsideRoot: Bool
  /// The starting value of v (0 in PyTorch; Optax's `initial_scale`).
  public let initialSquareAverage: Scalar
  /// The average of squared gradients v (PyTorch's `square_avg`); empty before step 1.
  public internal(set) var squareAverage: [Scalar] = []
  /// The average gradient ḡ (PyTorch's `grad_avg`); used only when centered.
  public internal(set) var gradientAverage: [Scalar] = []
  /// The momentum buffer b; used only when μ > 0.
  public internal(set) var momentumBuffer: [Scalar] = []
  /// The number of steps taken.
  public internal(set) var stepCount = 0

  /// Creates RMSProp with PyTorch's defaults.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.01).
  ///   - alpha: α ∈ [0, 1) (default 0.99).
  ///   - epsilon: ε ≥ 0 (default 1e-8).
  ///   - weightDecay: λ ≥ 0 (default 0).
  ///   - momentum: μ ∈ [0, 1) (default 0).
  ///   - centered: Divide by the variance estimate (default false).
  ///   - epsilonInsideRoot: Put ε inside the root, as Optax (default false).
  ///   - initialSquareAverage: v's starting value ≥ 0 (default 0).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(
    learningRate: Scalar = 0.01, alpha: Scalar = 0.99, epsilon: Scalar = 1e-8,
    weightDecay: Scalar = 0, momentum: Scalar = 0, centered: Bool = false,
    epsilonInsideRoot: Bool = false, initialSquareAverage: Scalar = 0
  ) throws {
    let owner = "RMSProp"
    try validate(learningRate, "learningRate", in: .nonNegative, owner: owner)
    try validate(alpha, "alpha", in: .unitIntervalExcludingOne, owner: owner)
    try validate(epsilon, "epsilon", in: .nonNegative, owner: owner)
    try validate(weightDecay, "weightDecay", in: .nonNegative, owner: owner)
    try validate(momentum, "momentum", in: .unitIntervalExcludingOne, owner: owner)
    try validate(initialSquareAverage, "initialSquareAverage", in: .nonNegative, owner: owner)
    self.learningRate = learningRate
    self.alpha = alpha
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.momentum = momentum
    self.centered = centered
    self.epsilonInsideRoot = epsilonInsideRoot
    self.initialSquareAverage = initialSquareAverage
  }

  /// Takes one step of PyTorch's RMSProp (see the type's formula).
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
      "RMSProp", parameters: parameters.count, gradient: gradient.count,
      stateCount: squareAverage.count, learningRate: learningRate)
    let count = parameters.count
    if squareAverage.isEmpty {
      squareAverage = [Scalar](repeating: initialSquareAverage, count: count)
    }
    if centered { allocateIfEmpty(&gradientAverage, count: count) }
    if momentum > 0 { allocateIfEmpty(&momentumBuffer, count: count) }
    for i in parameters.indices {
      let g = gradient[i] + weightDecay * parameters[i]
      squareAverage[i] = alpha * squareAverage[i] + (1 - alpha) * g * g
      var variance = squareAverage[i]
      if centered {
        gradientAverage[i] = alpha * gradientAverage[i] + (1 - alpha) * g
        variance -= gradientAverage[i] * gradientAverage[i]
      }
      let scaled =
        epsilonInsideRoot
        ? g / (variance + epsilon).squareRoot() : g / (variance.squareRoot() + epsilon)
      if momentum > 0 {
        momentumBuffer[i] = momentum * momentumBuffer[i] + scaled
        parameters[i] -= learningRate * momentumBuffer[i]
      } else {
        parameters[i] -= learningRate * scaled
      }
    }
    stepCount += 1
  }

  /// Clears the averages, the momentum buffer and the step count.
  public mutating func reset() {
    squareAverage = []
    gradientAverage = []
    momentumBuffer = []
    stepCount = 0
  }
}
