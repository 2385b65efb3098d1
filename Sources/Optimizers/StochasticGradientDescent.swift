import TensorCore

/// Gradient descent with classic (heavy-ball) momentum, in the form and with the options of
/// PyTorch's `torch.optim.SGD`: `momentum` μ, `dampening` τ, `nesterov`, `weightDecay` λ.
///
///     g ← g + λθ                                   (L2 weight decay, if λ ≠ 0)
///     b ← g                       on the first step
///     b ← μ·b + (1 − τ)·g         afterwards       (if μ ≠ 0)
///     g ← g + μ·b  (nesterov)   or   g ← b
///     θ ← θ − η·g
///
/// Heavy ball: Polyak, "Some methods of speeding up the convergence of iteration methods"
/// (1964); Nesterov's variant as rewritten by Sutskever, Martens, Dahl and Hinton, "On the
/// importance of initialization and momentum in deep learning" (ICML 2013).
///
/// How the forms relate:
/// - The papers write a velocity, v ← μv − ηg, θ ← θ + v. With a constant η this is the
///   same sequence of θ (v = −η·b); when η changes, PyTorch's buffer b does not carry the
///   old η while the velocity does.
/// - PyTorch's first step puts the *raw* gradient in the buffer (no dampening). With
///   τ = μ = β this is the lecture's moving average m⁰ = g⁰, mᵗ = βmᵗ⁻¹ + (1 − β)gᵗ
///   (``Lecture/MovingAverageMomentum``); with μ = 1, τ = 0 it is the lecture's running sum
///   (``Lecture/RunningSumMomentum``).
/// - Optax's `optax.sgd(learning_rate, momentum, nesterov)` uses `trace`, b ← g + μb from
///   b = 0, which equals PyTorch with τ = 0; Optax has no dampening and applies weight decay
///   through a separate `add_decayed_weights` transform.
///
/// Two steps with momentum:
///
///     var optimizer = try StochasticGradientDescent<Double>(learningRate: 0.1, momentum: 0.9)
///     var theta: [Double] = [0]
///     optimizer.step(&theta, gradient: [1])   // b = [1],   theta = [-0.1]
///     optimizer.step(&theta, gradient: [1])   // b = [1.9], theta = [-0.29]
public struct StochasticGradientDescent<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η (PyTorch `lr`).
  public var learningRate: Scalar
  /// The momentum coefficient μ ∈ [0, 1] (0: no momentum, plain gradient descent); the
  /// momentum itself is ``momentumBuffer``.
  public let momentum: Scalar
  /// The dampening τ ∈ [0, 1]: the new gradient enters the buffer with weight 1 − τ.
  public let dampening: Scalar
  /// Whether to use Nesterov momentum, g ← g + μ·b (needs μ > 0 and τ = 0).
  public let nesterov: Bool
  /// The L2 weight decay λ ≥ 0 added to the gradient as λθ.
  public let weightDecay: Scalar
  /// The momentum buffer b and the step count.
  public var memory = OptimizerMemory<[Scalar]>()

  /// The momentum buffer b (PyTorch's `momentum_buffer`); empty before the first step and
  /// while μ = 0.
  public var momentumBuffer: [Scalar] { memory.state ?? [] }

  /// Creates SGD with PyTorch's options and defaults (all zero / false).
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.01; PyTorch's default is 0.001 since 2.2).
  ///   - momentum: μ ∈ [0, 1] (default 0).
  ///   - dampening: τ ∈ [0, 1] (default 0).
  ///   - nesterov: Nesterov momentum (default false); requires μ > 0 and τ = 0.
  ///   - weightDecay: λ ≥ 0 (default 0).
  /// - Throws: ``HyperparameterError`` if a value is outside its range, or if `nesterov`
  ///   is set with μ = 0 or τ ≠ 0 (as PyTorch rejects it).
  public init(
    learningRate: Scalar = 0.01, momentum: Scalar = 0, dampening: Scalar = 0,
    nesterov: Bool = false, weightDecay: Scalar = 0
  ) throws {
    let check = HyperparameterCheck(owner: "StochasticGradientDescent")
    try check.learningRate(learningRate)
    try check(momentum, "momentum", in: .unitInterval)
    try check(dampening, "dampening", in: .unitInterval)
    try check(weightDecay, "weightDecay", in: .nonNegative)
    if nesterov && momentum == 0 {
      throw HyperparameterError(
        owner: check.owner, name: "momentum", value: "\(momentum)",
        allowedRange: "(0, 1] when nesterov is true")
    }
    if nesterov && dampening != 0 {
      throw HyperparameterError(
        owner: check.owner, name: "dampening", value: "\(dampening)",
        allowedRange: "{0} when nesterov is true")
    }
    self.learningRate = learningRate
    self.momentum = momentum
    self.dampening = dampening
    self.nesterov = nesterov
    self.weightDecay = weightDecay
  }

  /// `"StochasticGradientDescent"`.
  public var name: String { "StochasticGradientDescent" }

  /// Empty: the first step puts the raw gradient in the buffer (when μ ≠ 0).
  ///
  /// - Parameter parameterCount: The length of θ (unused).
  /// - Returns: `[]`.
  public func makeState(parameterCount: Int) -> [Scalar] { [] }

  /// One step of PyTorch's SGD (see the type's formula).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - buffer: The momentum buffer b (the `state` argument), updated in place (empty while
  ///     μ = 0).
  ///   - learningRate: η for this step.
  ///   - step: t (unused: the first step is the one that finds b empty).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func update(
    _ parameters: inout [Scalar], gradient: [Scalar], state buffer: inout [Scalar],
    learningRate: Scalar, step: Int
  ) {
    let firstStep = buffer.isEmpty
    if momentum != 0 && firstStep { buffer = [Scalar](repeating: 0, count: parameters.count) }
    for i in parameters.indices {
      var g = gradient[i]
      if weightDecay != 0 { g += weightDecay * parameters[i] }
      if momentum != 0 {
        if firstStep {
          buffer[i] = g
        } else {
          buffer[i] = momentum * buffer[i] + (1 - dampening) * g
        }
        g = nesterov ? g + momentum * buffer[i] : buffer[i]
      }
      parameters[i] -= learningRate * g
    }
  }
}
