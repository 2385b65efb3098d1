import TensorCore

/// Adam as the lecture's slide writes it, "RMSProp + Momentum", without bias correction
/// and without ε:
///
///     mᵢ⁰ = gᵢ⁰,    mᵢᵗ = β·mᵢᵗ⁻¹ + (1 − β)·gᵢᵗ              (the lecture's momentum)
///     σᵢ⁰ = |gᵢ⁰|,  σᵢᵗ = √( α(σᵢᵗ⁻¹)² + (1 − α)(gᵢᵗ)² )      (the lecture's RMSProp)
///     θᵢᵗ⁺¹ ← θᵢᵗ − (η / σᵢᵗ)·mᵢᵗ
///
/// β plays the role of Adam's β₁ and α of β₂. Starting both averages at the first gradient
/// instead of at 0 makes bias correction unnecessary: the first step is exactly η·sign(g⁰).
/// The framework form is ``Adam`` (Kingma and Ba 2015), whose m and v start at 0 and are
/// bias-corrected, with ε outside the root. A coordinate with σᵢ = 0 does not move.
///
///     var optimizer = try LectureAdam<Double>(learningRate: 1, beta: 0.9, alpha: 0.99)
///     var theta: [Double] = [0, 0]
///     optimizer.step(&theta, gradient: [500, 0.4])   // theta = [-1, -1]
public struct LectureAdam<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η.
  public var learningRate: Scalar
  /// β ∈ [0, 1), the momentum's weight of the previous average (Adam's β₁).
  public let beta: Scalar
  /// α ∈ [0, 1), RMSProp's weight of the previous σ² (Adam's β₂).
  public let alpha: Scalar
  /// The momentum mᵗ (empty before the first step).
  public internal(set) var momentum: [Scalar] = []
  /// σᵗ (empty before the first step).
  public internal(set) var sigma: [Scalar] = []
  /// The number of steps taken.
  public internal(set) var stepCount = 0

  /// Creates the lecture's Adam.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.001).
  ///   - beta: β ∈ [0, 1) (default 0.9).
  ///   - alpha: α ∈ [0, 1) (default 0.999).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(learningRate: Scalar = 0.001, beta: Scalar = 0.9, alpha: Scalar = 0.999) throws {
    let owner = "LectureAdam"
    try validate(learningRate, "learningRate", in: .nonNegative, owner: owner)
    try validate(beta, "beta", in: .unitIntervalExcludingOne, owner: owner)
    try validate(alpha, "alpha", in: .unitIntervalExcludingOne, owner: owner)
    self.learningRate = learningRate
    self.beta = beta
    self.alpha = alpha
  }

  /// Takes one step: update m and σ as in the lecture, then θ ← θ − (η/σ)·m.
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
      "LectureAdam", parameters: parameters.count, gradient: gradient.count,
      stateCount: momentum.count, learningRate: learningRate)
    if momentum.isEmpty {
      momentum = gradient
      sigma = gradient.map { $0.magnitude }
    } else {
      for i in momentum.indices {
        let g = gradient[i]
        momentum[i] = beta * momentum[i] + (1 - beta) * g
        sigma[i] = (alpha * sigma[i] * sigma[i] + (1 - alpha) * g * g).squareRoot()
      }
    }
    for i in parameters.indices where sigma[i] > 0 {
      parameters[i] -= learningRate / sigma[i] * momentum[i]
    }
    stepCount += 1
  }

  /// Clears m, σ and the step count.
  public mutating func reset() {
    momentum = []
    sigma = []
    stepCount = 0
  }
}
