import Dispatch
import TensorCore

/// Adam, RMSProp + momentum with bias correction, in the form of PyTorch's
/// `torch.optim.Adam`/`AdamW` and Optax's `optax.adam`/`adamw`, with every option that
/// separates them:
///
///     g ← g + λθ                                     (L2 weight decay, PyTorch Adam)
///     m ← β₁·m + (1 − β₁)·g                          (first moment, m⁰ = 0)
///     v ← β₂·v + (1 − β₂)·g²                         (second moment, v⁰ = 0)
///     m̂ ← m / (1 − β₁ᵗ),  v̂ ← v / (1 − β₂ᵗ)         (bias correction, t = 1, 2, …)
///     θ ← θ − η·m̂ / (√(v̂ + ε_root) + ε)
///     θ ← θ − η·λ·θ                                  (decoupled weight decay, AdamW)
///
/// Paper: Kingma and Ba, "Adam: a method for stochastic optimization" (ICLR 2015);
/// decoupled weight decay: Loshchilov and Hutter, "Decoupled weight decay regularization"
/// (ICLR 2019); AMSGrad: Reddi, Kale and Kumar, "On the convergence of Adam and beyond"
/// (ICLR 2018).
///
/// Conventions and where they differ:
/// - ε = 10⁻⁸ sits *outside* the root in PyTorch and Optax (`eps`); Optax's `eps_root`
///   (default 0, ``epsilonInsideRoot`` here) goes *inside*; the paper writes ε outside,
///   applied to v̂.
/// - `biasCorrection: false` drops the division by 1 − βᵗ (the lecture's slide omits it
///   "for simplicity"); the first steps are then about (1 − β₁)/√(1 − β₂) ≈ 3 times the
///   corrected ones with the defaults.
/// - L2 decay (PyTorch `Adam(weight_decay=λ)`) adds λθ to g before the moments, so it is
///   rescaled by √v̂; decoupled decay (PyTorch `AdamW`, Optax `adamw`) shrinks θ by η·λ
///   outside the adaptive step. PyTorch's AdamW default λ is 0.01, Optax's 10⁻⁴.
/// - AMSGrad (``AMSGradVariant``): PyTorch keeps vₘₐₓ = max(vₘₐₓ, v) of the *raw* v and
///   divides by √(vₘₐₓ / (1 − β₂ᵗ)) + ε; Optax's `amsgrad` keeps the maximum of the
///   bias-corrected v̂ and divides by √(v̂ₘₐₓ + ε_root) + ε. They differ in the first steps,
///   while 1 − β₂ᵗ still grows.
/// - The lecture's own form is ``Lecture/Adam`` (σ⁰ = |g⁰|, m⁰ = g⁰, no ε).
///
/// A first step:
///
///     var optimizer = try Adam<Double>(learningRate: 0.1)
///     var theta: [Double] = [1, -2]
///     optimizer.step(&theta, gradient: [0.5, -0.25])   // theta ≈ [0.9, -1.9]
///     print(optimizer.firstMoment)                      // ≈ [0.05, -0.025]
///
/// - Complexity: one pass over the parameters per step, about 7 memory accesses per
///   parameter (read θ, g, m, v; write θ, m, v), 16 parameters at a time in SIMD lanes and
///   over several cores from 2¹⁸ parameters on.
public struct Adam<Scalar: TensorScalar>: Optimizer, Sendable {
  /// The learning rate η (PyTorch `lr`, Optax `learning_rate`).
  public var learningRate: Scalar
  /// The decay β₁ ∈ [0, 1) of the first-moment estimate m.
  public let beta1: Scalar
  /// The decay β₂ ∈ [0, 1) of the second-moment estimate v.
  public let beta2: Scalar
  /// ε, added outside the root (PyTorch/Optax `eps`).
  public let epsilon: Scalar
  /// ε_root, added inside the root (Optax `eps_root`; PyTorch has none).
  public let epsilonInsideRoot: Scalar
  /// The weight decay λ; see ``decoupledWeightDecay`` for how it is applied.
  public let weightDecay: Scalar
  /// `true`: AdamW's decoupled decay θ ← θ − ηλθ; `false`: L2 decay g ← g + λθ.
  public let decoupledWeightDecay: Bool
  /// Whether m and v are divided by 1 − βᵗ.
  public let biasCorrection: Bool
  /// Whether to use the AMSGrad maximum of the second moments.
  public let amsgrad: Bool
  /// Which second moment AMSGrad takes the maximum of (PyTorch's or Optax's choice).
  public let amsgradVariant: AMSGradVariant
  /// The moments and the step count t.
  public var memory = OptimizerMemory<State>()

  /// Adam's state: the moment estimates and AMSGrad's maximum.
  public struct State: Sendable {
    /// m (PyTorch's `exp_avg`, Optax's `mu`).
    public internal(set) var firstMoment: [Scalar]
    /// v (PyTorch's `exp_avg_sq`, Optax's `nu`).
    public internal(set) var secondMoment: [Scalar]
    /// AMSGrad's running maximum of v or v̂; empty without AMSGrad.
    public internal(set) var maximumSecondMoment: [Scalar]
  }

  /// The first-moment estimate m (PyTorch's `exp_avg`, Optax's `mu`); empty before step 1.
  public var firstMoment: [Scalar] { memory.state?.firstMoment ?? [] }
  /// The second-moment estimate v (PyTorch's `exp_avg_sq`, Optax's `nu`).
  public var secondMoment: [Scalar] { memory.state?.secondMoment ?? [] }
  /// AMSGrad's running maximum: of v (PyTorch's `max_exp_avg_sq`) or of v̂ (Optax's
  /// `nu_max`), per ``amsgradVariant``; used only with amsgrad.
  public var maximumSecondMoment: [Scalar] { memory.state?.maximumSecondMoment ?? [] }

  /// Creates Adam with PyTorch's and Optax's defaults.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.001).
  ///   - beta1: β₁ ∈ [0, 1) (default 0.9).
  ///   - beta2: β₂ ∈ [0, 1) (default 0.999).
  ///   - epsilon: ε ≥ 0 outside the root (default 1e-8).
  ///   - epsilonInsideRoot: ε_root ≥ 0 inside the root (default 0).
  ///   - weightDecay: λ ≥ 0 (default 0).
  ///   - decoupledWeightDecay: AdamW's decoupled decay (default false: L2, as PyTorch Adam).
  ///   - biasCorrection: Divide by 1 − βᵗ (default true).
  ///   - amsgrad: Use AMSGrad (default false).
  ///   - amsgradVariant: PyTorch's or Optax's AMSGrad maximum (default `.pytorch`).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(
    learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
    epsilon: Scalar = 1e-8, epsilonInsideRoot: Scalar = 0, weightDecay: Scalar = 0,
    decoupledWeightDecay: Bool = false, biasCorrection: Bool = true, amsgrad: Bool = false,
    amsgradVariant: AMSGradVariant = .pytorch
  ) throws {
    let check = HyperparameterCheck(owner: decoupledWeightDecay ? "AdamW" : "Adam")
    try check.learningRate(learningRate)
    try check(beta1, "beta1", in: .unitIntervalExcludingOne)
    try check(beta2, "beta2", in: .unitIntervalExcludingOne)
    try check(epsilon, "epsilon", in: .nonNegative)
    try check(epsilonInsideRoot, "epsilonInsideRoot", in: .nonNegative)
    try check(weightDecay, "weightDecay", in: .nonNegative)
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.epsilonInsideRoot = epsilonInsideRoot
    self.weightDecay = weightDecay
    self.decoupledWeightDecay = decoupledWeightDecay
    self.biasCorrection = biasCorrection
    self.amsgrad = amsgrad
    self.amsgradVariant = amsgradVariant
  }

  /// `"AdamW"` with decoupled weight decay, else `"Adam"`.
  public var name: String { decoupledWeightDecay ? "AdamW" : "Adam" }

  /// m = v = 0 (and AMSGrad's maximum = 0).
  ///
  /// - Parameter parameterCount: The length of θ.
  /// - Returns: Zero moments.
  public func makeState(parameterCount: Int) -> State {
    let zeros = [Scalar](repeating: 0, count: parameterCount)
    return State(firstMoment: zeros, secondMoment: zeros, maximumSecondMoment: amsgrad ? zeros : [])
  }

  /// One Adam step (see the type's formula).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - state: m, v (and AMSGrad's maximum), updated in place.
  ///   - learningRate: η for this step.
  ///   - step: t, the exponent of the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ.
  /// - Complexity: O(`parameters.count`), one pass without allocations after the first step.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func update(
    _ parameters: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
    step: Int
  ) {
    let t = Scalar(step)
    let correction1 = biasCorrection ? 1 - Scalar.pow(beta1, t) : 1
    let correction2 = biasCorrection ? 1 - Scalar.pow(beta2, t) : 1
    let coefficients = AdamStepCoefficients(
      stepSize: learningRate / correction1, inverseCorrection2: 1 / correction2,
      beta1: beta1, beta2: beta2, epsilon: epsilon, epsilonInsideRoot: epsilonInsideRoot,
      l2: decoupledWeightDecay ? 0 : weightDecay,
      shrink: decoupledWeightDecay ? 1 - learningRate * weightDecay : 1,
      amsgrad: amsgrad ? amsgradVariant : nil)
    adamKernel(&parameters, gradient, &state, coefficients)
  }
}

/// Which second moment AMSGrad keeps the running maximum of (Reddi, Kale and Kumar 2018).
public enum AMSGradVariant: Sendable, Equatable {
  /// PyTorch: vₘₐₓ = max(vₘₐₓ, v) of the raw v, then divided by 1 − β₂ᵗ.
  case pytorch
  /// Optax: v̂ₘₐₓ = max(v̂ₘₐₓ, v̂) of the bias-corrected v̂.
  case optax
}

extension Adam {
  /// Creates AdamW: Adam with decoupled weight decay and PyTorch's `AdamW` defaults
  /// (λ = 0.01; Optax's `adamw` uses 10⁻⁴).
  ///
  ///     θ ← θ − η·λ·θ − η·m̂ / (√v̂ + ε)
  ///
  /// Loshchilov and Hutter, "Decoupled weight decay regularization" (ICLR 2019).
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.001).
  ///   - beta1: β₁ ∈ [0, 1) (default 0.9).
  ///   - beta2: β₂ ∈ [0, 1) (default 0.999).
  ///   - epsilon: ε ≥ 0 (default 1e-8).
  ///   - weightDecay: λ ≥ 0 (default 0.01).
  ///   - amsgrad: Use AMSGrad (default false).
  /// - Returns: An ``Adam`` with `decoupledWeightDecay == true`.
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public static func adamW(
    learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
    epsilon: Scalar = 1e-8, weightDecay: Scalar = 0.01, amsgrad: Bool = false
  ) throws -> Adam {
    try Adam(
      learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
      weightDecay: weightDecay, decoupledWeightDecay: true, amsgrad: amsgrad)
  }
}
