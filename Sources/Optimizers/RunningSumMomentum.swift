import TensorCore

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
///     var optimizer = try RunningSumMomentum<Double>(learningRate: 0.1)
///     var theta: [Double] = [0]
///     optimizer.step(&theta, gradient: [1])   // m = [1], theta = [-0.1]
///     optimizer.step(&theta, gradient: [1])   // m = [2], theta = [-0.3]
public struct RunningSumMomentum<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η.
  public var learningRate: Scalar
  /// The running sum mᵗ of all gradients so far (empty before the first step).
  public internal(set) var momentum: [Scalar] = []
  /// The number of steps taken.
  public internal(set) var stepCount = 0

  /// Creates the running-sum momentum rule.
  ///
  /// - Parameter learningRate: The step size η ≥ 0 (default 0.01).
  /// - Throws: ``HyperparameterError`` if η is negative or not finite.
  public init(learningRate: Scalar = 0.01) throws {
    try validate(learningRate, "learningRate", in: .nonNegative, owner: "RunningSumMomentum")
    self.learningRate = learningRate
  }

  /// Takes one step: m ← m + g, θ ← θ − η·m.
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
      "RunningSumMomentum", parameters: parameters.count, gradient: gradient.count,
      stateCount: momentum.count, learningRate: learningRate)
    allocateIfEmpty(&momentum, count: parameters.count)
    for i in parameters.indices {
      momentum[i] += gradient[i]
      parameters[i] -= learningRate * momentum[i]
    }
    stepCount += 1
  }

  /// Clears the running sum and the step count.
  public mutating func reset() {
    momentum = []
    stepCount = 0
  }
}
