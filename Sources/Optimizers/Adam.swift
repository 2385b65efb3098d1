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
///   (default 0) goes *inside*; the paper writes ε outside, applied to v̂.
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
/// - The lecture's own form is ``LectureAdam`` (σ⁰ = |g⁰|, m⁰ = g⁰, no ε).
///
///     var optimizer = try Adam<Double>(learningRate: 0.1)
///     var theta: [Double] = [1, -2]
///     optimizer.step(&theta, gradient: [0.5, -0.25])   // theta ≈ [0.9, -1.9]
///     print(optimizer.firstMoment)                      // ≈ [0.05, -0.025]
///
/// - Complexity: one pass over the parameters per step, about 7 memory accesses per
///   parameter (read θ, g, m, v; write θ, m, v).
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
  public let epsilonRoot: Scalar
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
  /// The first-moment estimate m (PyTorch's `exp_avg`, Optax's `mu`); empty before step 1.
  public internal(set) var firstMoment: [Scalar] = []
  /// The second-moment estimate v (PyTorch's `exp_avg_sq`, Optax's `nu`).
  public internal(set) var secondMoment: [Scalar] = []
  /// AMSGrad's running maximum: of v (PyTorch's `max_exp_avg_sq`) or of v̂ (Optax's
  /// `nu_max`), per ``amsgradVariant``; used only with amsgrad.
  public internal(set) var maximumSecondMoment: [Scalar] = []
  /// The number of steps taken, t.
  public internal(set) var stepCount = 0

  /// Creates Adam with PyTorch's and Optax's defaults.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0 (default 0.001).
  ///   - beta1: β₁ ∈ [0, 1) (default 0.9).
  ///   - beta2: β₂ ∈ [0, 1) (default 0.999).
  ///   - epsilon: ε ≥ 0 outside the root (default 1e-8).
  ///   - epsilonRoot: ε_root ≥ 0 inside the root (default 0).
  ///   - weightDecay: λ ≥ 0 (default 0).
  ///   - decoupledWeightDecay: AdamW's decoupled decay (default false: L2, as PyTorch Adam).
  ///   - biasCorrection: Divide by 1 − βᵗ (default true).
  ///   - amsgrad: Use AMSGrad (default false).
  ///   - amsgradVariant: PyTorch's or Optax's AMSGrad maximum (default `.pytorch`).
  /// - Throws: ``HyperparameterError`` if a value is outside its range.
  public init(
    learningRate: Scalar = 0.001, beta1: Scalar = 0.9, beta2: Scalar = 0.999,
    epsilon: Scalar = 1e-8, epsilonRoot: Scalar = 0, weightDecay: Scalar = 0,
    decoupledWeightDecay: Bool = false, biasCorrection: Bool = true, amsgrad: Bool = false,
    amsgradVariant: AMSGradVariant = .pytorch
  ) throws {
    let owner = decoupledWeightDecay ? "AdamW" : "Adam"
    try validate(learningRate, "learningRate", in: .nonNegative, owner: owner)
    try validate(beta1, "beta1", in: .unitIntervalExcludingOne, owner: owner)
    try validate(beta2, "beta2", in: .unitIntervalExcludingOne, owner: owner)
    try validate(epsilon, "epsilon", in: .nonNegative, owner: owner)
    try validate(epsilonRoot, "epsilonRoot", in: .nonNegative, owner: owner)
    try validate(weightDecay, "weightDecay", in: .nonNegative, owner: owner)
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.epsilonRoot = epsilonRoot
    self.weightDecay = weightDecay
    self.decoupledWeightDecay = decoupledWeightDecay
    self.biasCorrection = biasCorrection
    self.amsgrad = amsgrad
    self.amsgradVariant = amsgradVariant
  }

  /// Takes one Adam step (see the type's formula).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, same length.
  ///   - learningRate: η for this step.
  /// - Complexity: O(`parameters.count`), one pass without allocations after the first step.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func step(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    checkStepArguments(
      decoupledWeightDecay ? "AdamW" : "Adam", parameters: parameters.count,
      gradient: gradient.count, stateCount: firstMoment.count, learningRate: learningRate)
    let count = parameters.count
    allocateIfEmpty(&firstMoment, count: count)
    allocateIfEmpty(&secondMoment, count: count)
    if amsgrad { allocateIfEmpty(&maximumSecondMoment, count: count) }
    stepCount += 1
    let t = Scalar(stepCount)
    let correction1 = biasCorrection ? 1 - Scalar.pow(beta1, t) : 1
    let correction2 = biasCorrection ? 1 - Scalar.pow(beta2, t) : 1
    let coefficients = AdamStepCoefficients(
      stepSize: learningRate / correction1, inverseCorrection2: 1 / correction2,
      beta1: beta1, beta2: beta2, epsilon: epsilon, epsilonRoot: epsilonRoot,
      l2: decoupledWeightDecay ? 0 : weightDecay,
      shrink: decoupledWeightDecay ? 1 - learningRate * weightDecay : 1)
    if amsgrad {
      adamAMSGradKernel(
        &parameters, gradient, &firstMoment, &secondMoment, &maximumSecondMoment, coefficients,
        variant: amsgradVariant)
    } else {
      adamKernel(&parameters, gradient, &firstMoment, &secondMoment, coefficients)
    }
  }

  /// Clears the moments and the step count.
  public mutating func reset() {
    firstMoment = []
    secondMoment = []
    maximumSecondMoment = []
    stepCount = 0
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

/// The per-step constants of Adam's element loop.
struct AdamStepCoefficients<Scalar: TensorScalar>: Sendable {
  /// η / (1 − β₁ᵗ).
  var stepSize: Scalar
  /// 1 / (1 − β₂ᵗ).
  var inverseCorrection2: Scalar
  var beta1: Scalar
  var beta2: Scalar
  var epsilon: Scalar
  var epsilonRoot: Scalar
  /// λ for L2 decay, 0 for decoupled.
  var l2: Scalar
  /// 1 − ηλ for decoupled decay, 1 for L2.
  var shrink: Scalar
}

/// Adam's element loop over raw buffers: no bounds checks, no allocation. Float and Double
/// run explicit 16-lane SIMD code (a scalar `squareRoot()` keeps LLVM from vectorizing the
/// plain loop: it guards the libm call for negative input), other types a scalar loop.
func adamKernel<Scalar: TensorScalar>(
  _ parameters: inout [Scalar], _ gradient: [Scalar], _ firstMoment: inout [Scalar],
  _ secondMoment: inout [Scalar], _ c: AdamStepCoefficients<Scalar>
) {
  let count = parameters.count
  guard count > 0 else { return }
  parameters.withUnsafeMutableBufferPointer { theta in
    gradient.withUnsafeBufferPointer { g in
      firstMoment.withUnsafeMutableBufferPointer { m in
        secondMoment.withUnsafeMutableBufferPointer { v in
          let pointers = AdamPointers(
            theta: UnsafeMutableRawPointer(theta.baseAddress!),
            gradient: UnsafeRawPointer(g.baseAddress!),
            firstMoment: UnsafeMutableRawPointer(m.baseAddress!),
            secondMoment: UnsafeMutableRawPointer(v.baseAddress!), count: count,
            stride: MemoryLayout<Scalar>.stride)
          let chunks = parallelChunkCount(count)
          if chunks == 1 {
            adamLoop(pointers, c)
          } else {
            let chunkSize = (count + chunks - 1) / chunks
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
              let start = chunk * chunkSize
              adamLoop(pointers.slice(from: start, count: Swift.min(chunkSize, count - start)), c)
            }
          }
        }
      }
    }
  }
}

/// How many threads an element-wise step over `count` parameters uses: one below 2¹⁸
/// parameters (threads cost more than they save), else up to 16 slices of at least 2¹⁷
/// parameters, which Dispatch spreads over the cores. Each element is computed the same
/// way on any thread, so results do not depend on the split.
func parallelChunkCount(_ count: Int) -> Int {
  guard count >= 1 << 18 else { return 1 }
  return Swift.min(16, count >> 17)
}

/// The four state buffers of one Adam step, as raw memory bound to the scalar type.
/// `@unchecked Sendable`: the threads of one step touch disjoint slices.
struct AdamPointers: @unchecked Sendable {
  var theta: UnsafeMutableRawPointer
  var gradient: UnsafeRawPointer
  var firstMoment: UnsafeMutableRawPointer
  var secondMoment: UnsafeMutableRawPointer
  var count: Int
  var stride: Int

  /// The elements `start ..< start + count`.
  func slice(from start: Int, count: Int) -> AdamPointers {
    let offset = start * stride
    return AdamPointers(
      theta: theta + offset, gradient: gradient + offset, firstMoment: firstMoment + offset,
      secondMoment: secondMoment + offset, count: count, stride: stride)
  }
}

/// Adam over one slice: SIMD for Float and Double, scalar otherwise.
@inline(__always)
func adamLoop<Scalar: TensorScalar>(_ pointers: AdamPointers, _ c: AdamStepCoefficients<Scalar>) {
  if Scalar.self == Float.self {
    adamSIMDLoop(pointers, unsafeBitCast(c, to: AdamStepCoefficients<Float>.self))
  } else if Scalar.self == Double.self {
    adamSIMDLoop(pointers, unsafeBitCast(c, to: AdamStepCoefficients<Double>.self))
  } else {
    adamScalarLoop(pointers, from: 0, c)
  }
}

/// Adam on 16 lanes at a time, then the remainder one by one.
@inline(__always)
func adamSIMDLoop<Scalar: TensorScalar & SIMDScalar>(
  _ p: AdamPointers, _ c: AdamStepCoefficients<Scalar>
) {
  typealias Lanes = SIMD16<Scalar>
  let oneMinusBeta1 = 1 - c.beta1
  let oneMinusBeta2 = 1 - c.beta2
  let stride = MemoryLayout<Scalar>.stride
  var i = 0
  while i + Lanes.scalarCount <= p.count {
    let offset = i * stride
    let theta = p.theta.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
    let g = p.gradient.loadUnaligned(fromByteOffset: offset, as: Lanes.self) + c.l2 * theta
    let m =
      c.beta1 * p.firstMoment.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
      + oneMinusBeta1 * g
    let v =
      c.beta2 * p.secondMoment.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
      + oneMinusBeta2 * g * g
    p.firstMoment.storeBytes(of: m, toByteOffset: offset, as: Lanes.self)
    p.secondMoment.storeBytes(of: v, toByteOffset: offset, as: Lanes.self)
    let denominator = (v * c.inverseCorrection2 + c.epsilonRoot).squareRoot() + c.epsilon
    let updated = c.shrink * theta - c.stepSize * m / denominator
    p.theta.storeBytes(of: updated, toByteOffset: offset, as: Lanes.self)
    i += Lanes.scalarCount
  }
  adamScalarLoop(p, from: i, c)
}

/// Adam one element at a time, from index `start` to the end.
@inline(__always)
func adamScalarLoop<Scalar: TensorScalar>(
  _ p: AdamPointers, from start: Int, _ c: AdamStepCoefficients<Scalar>
) {
  let theta = p.theta.assumingMemoryBound(to: Scalar.self)
  let gradient = p.gradient.assumingMemoryBound(to: Scalar.self)
  let m = p.firstMoment.assumingMemoryBound(to: Scalar.self)
  let v = p.secondMoment.assumingMemoryBound(to: Scalar.self)
  for i in start..<p.count {
    let value = theta[i]
    let g = gradient[i] + c.l2 * value
    m[i] = c.beta1 * m[i] + (1 - c.beta1) * g
    v[i] = c.beta2 * v[i] + (1 - c.beta2) * g * g
    let denominator = (v[i] * c.inverseCorrection2 + c.epsilonRoot).squareRoot() + c.epsilon
    theta[i] = c.shrink * value - c.stepSize * m[i] / denominator
  }
}

/// Adam's element loop with the AMSGrad maximum of v (PyTorch) or of v̂ (Optax).
func adamAMSGradKernel<Scalar: TensorScalar>(
  _ parameters: inout [Scalar], _ gradient: [Scalar], _ firstMoment: inout [Scalar],
  _ secondMoment: inout [Scalar], _ maximum: inout [Scalar], _ c: AdamStepCoefficients<Scalar>,
  variant: AMSGradVariant
) {
  for i in parameters.indices {
    let p = parameters[i]
    let gi = gradient[i] + c.l2 * p
    firstMoment[i] = c.beta1 * firstMoment[i] + (1 - c.beta1) * gi
    secondMoment[i] = c.beta2 * secondMoment[i] + (1 - c.beta2) * gi * gi
    let denominator: Scalar
    switch variant {
    case .pytorch:
      maximum[i] = Swift.max(maximum[i], secondMoment[i])
      denominator = (maximum[i] * c.inverseCorrection2 + c.epsilonRoot).squareRoot() + c.epsilon
    case .optax:
      maximum[i] = Swift.max(maximum[i], secondMoment[i] * c.inverseCorrection2)
      denominator = (maximum[i] + c.epsilonRoot).squareRoot() + c.epsilon
    }
    parameters[i] = c.shrink * p - c.stepSize * firstMoment[i] / denominator
  }
}
