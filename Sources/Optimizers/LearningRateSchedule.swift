import TensorCore

/// A learning-rate schedule η(t): a value that can be printed, sampled for a plot, composed,
/// and handed to the training loop. Steps t count from 0, like TensorCore's `train` and
/// Optax's step counter.
///
///     let schedule = LearningRateSchedule.warmup(
///       steps: 100, start: 0, then: .cosineDecay(initial: 0.1, final: 0.001, steps: 900))
///     schedule(50)          // 0.05: halfway up the warm-up
///     schedule.values(steps: 1000)   // 1000 values, ready to plot
///     print(schedule)
///     // linear warm-up from 0 over 100 steps, then cosine decay from 0.1 to 0.001 over 900 steps
///     train(&network, on: data, epochs: 5, batchSize: 32, optimizer: &optimizer,
///           schedule: schedule.rate(Double.self), generator: &generator)
///
/// The cases and their frameworks' names:
/// - ``constant(_:)``: η.
/// - ``stepDecay(initial:factor:stepSize:)``: η₀·γ^⌊t/s⌋ (PyTorch `StepLR`, Optax
///   `exponential_decay(staircase=True)`).
/// - ``exponentialDecay(initial:decayRate:transitionSteps:)``: η₀·r^(t/T) (Optax
///   `exponential_decay`; PyTorch `ExponentialLR` is T = 1).
/// - ``cosineDecay(initial:final:steps:)``: η_f + (η₀ − η_f)·½(1 + cos(π·t/T)) for t ≤ T,
///   then η_f (Optax `cosine_decay_schedule` with α = η_f/η₀; PyTorch `CosineAnnealingLR`
///   with η_min = η_f, which keeps following the cosine back up after T; this stays at η_f).
///   Loshchilov and Hutter, "SGDR: stochastic gradient descent with warm restarts" (2017).
/// - ``linear(from:to:steps:)``: a straight line, then constant (Optax `linear_schedule`).
/// - ``warmup(steps:start:then:)``: linear warm-up from `start` to the next schedule's first
///   value, then that schedule restarted at t = 0 (Optax `warmup_cosine_decay_schedule`
///   and `warmup_exponential_decay_schedule` are this with cosine/exponential decay; their
///   `decay_steps` counts the warm-up too). Goyal et al., "Accurate, large minibatch SGD"
///   (2017).
/// - ``sequence(_:steps:then:)``: one schedule for some steps, then another restarted at 0
///   (Optax `join_schedules`).
/// - ``noam(modelDimension:warmupSteps:scale:)``: the Transformer's
///   s·d^(−½)·min(n^(−½), n·w^(−3/2)) with n = t + 1 (Vaswani et al., "Attention is all you
///   need", 2017; the paper counts steps from 1).
public enum LearningRateSchedule: Sendable, Equatable, CustomStringConvertible {
  /// η(t) = η.
  case constant(Double)
  /// η(t) = η₀·γ^⌊t/s⌋: multiply by `factor` γ every `stepSize` s steps.
  case stepDecay(initial: Double, factor: Double, stepSize: Int)
  /// η(t) = η₀·r^(t/T): multiply by `decayRate` r every `transitionSteps` T, smoothly.
  case exponentialDecay(initial: Double, decayRate: Double, transitionSteps: Int)
  /// Half a cosine from `initial` (t = 0) to `final` (t = `steps`), then `final`.
  case cosineDecay(initial: Double, final: Double, steps: Int)
  /// A line from `from` (t = 0) to `to` (t = `steps`), then `to`.
  case linear(from: Double, to: Double, steps: Int)
  /// A line from `start` to `then(0)` over `steps` steps, then `then(t − steps)`.
  indirect case warmup(steps: Int, start: Double, then: LearningRateSchedule)
  /// The first schedule for t < `steps`, then the second at t − `steps`.
  indirect case sequence(LearningRateSchedule, steps: Int, then: LearningRateSchedule)
  /// The Transformer schedule scale·d^(−½)·min(n^(−½), n·w^(−3/2)), n = t + 1.
  case noam(modelDimension: Int, warmupSteps: Int, scale: Double)

  /// The learning rate at step `step` (0-based).
  ///
  /// - Parameter step: t ≥ 0.
  /// - Returns: η(t).
  public func value(at step: Int) -> Double {
    precondition(step >= 0, "LearningRateSchedule: step must be in [0, ∞), got \(step)")
    let t = Double(step)
    switch self {
    case .constant(let rate):
      return rate
    case .stepDecay(let initial, let factor, let stepSize):
      return initial * Double.pow(factor, Double(step / Swift.max(stepSize, 1)))
    case .exponentialDecay(let initial, let decayRate, let transitionSteps):
      return initial * Double.pow(decayRate, t / Double(Swift.max(transitionSteps, 1)))
    case .cosineDecay(let initial, let final, let steps):
      let progress = Swift.min(t, Double(steps)) / Double(Swift.max(steps, 1))
      return final + (initial - final) * 0.5 * (1 + Double.cos(Double.pi * progress))
    case .linear(let from, let to, let steps):
      let progress = Swift.min(t, Double(steps)) / Double(Swift.max(steps, 1))
      return from + (to - from) * progress
    case .warmup(let steps, let start, let then):
      guard step < steps else { return then.value(at: step - steps) }
      return start + (then.value(at: 0) - start) * t / Double(steps)
    case .sequence(let first, let steps, let then):
      return step < steps ? first.value(at: step) : then.value(at: step - steps)
    case .noam(let modelDimension, let warmupSteps, let scale):
      let n = t + 1
      let rising = n * Double.pow(Double(warmupSteps), -1.5)
      return scale * Double.pow(Double(modelDimension), -0.5)
        * Swift.min(Double.pow(n, -0.5), rising)
    }
  }

  /// The learning rate at step `step`: `schedule(t)` is `schedule.value(at: t)`.
  ///
  /// - Parameter step: t ≥ 0.
  /// - Returns: η(t).
  public func callAsFunction(_ step: Int) -> Double { value(at: step) }

  /// η(0), η(1), …, η(`steps` − 1), for plotting.
  ///
  /// - Parameter steps: How many values.
  /// - Returns: The first `steps` values.
  public func values(steps: Int) -> [Double] { (0..<Swift.max(steps, 0)).map(value(at:)) }

  /// The schedule as a closure in the precision of a network, ready for `train`'s
  /// `schedule:` argument and an optimizer's `trajectory(from:steps:schedule:gradient:)`.
  ///
  /// - Parameter type: `Float.self` or `Double.self`.
  /// - Returns: `{ t in Scalar(self(t)) }`.
  public func rate<Scalar: TensorScalar>(_ type: Scalar.Type) -> @Sendable (Int) -> Scalar {
    let schedule = self
    return { Scalar(schedule.value(at: $0)) }
  }

  /// A linear warm-up from `start` to a constant `peak` over `steps` steps.
  ///
  /// - Parameters:
  ///   - start: η(0).
  ///   - peak: η(t) for t ≥ `steps`.
  ///   - steps: The warm-up length.
  /// - Returns: `.warmup(steps: steps, start: start, then: .constant(peak))`.
  public static func linearWarmup(from start: Double, to peak: Double, steps: Int) -> Self {
    .warmup(steps: steps, start: start, then: .constant(peak))
  }

  /// Goyal et al.'s linear scaling rule ("Accurate, large minibatch SGD", 2017): when the
  /// batch is k times larger, multiply the learning rate by k — η = η_base·B/B_ref — and
  /// reach it with a linear warm-up.
  ///
  ///     LearningRateSchedule.linearScalingRule(
  ///       baseLearningRate: 0.1, batchSize: 8192, referenceBatchSize: 256)   // 3.2
  ///
  /// - Parameters:
  ///   - baseLearningRate: η_base, tuned at the reference batch size.
  ///   - batchSize: B.
  ///   - referenceBatchSize: B_ref (256 in the paper).
  /// - Returns: η_base·B/B_ref.
  public static func linearScalingRule(
    baseLearningRate: Double, batchSize: Int, referenceBatchSize: Int = 256
  ) -> Double {
    precondition(
      batchSize > 0 && referenceBatchSize > 0,
      "linearScalingRule: batch sizes must be positive, got \(batchSize) and \(referenceBatchSize)")
    return baseLearningRate * Double(batchSize) / Double(referenceBatchSize)
  }

  /// Checks every number of the schedule (rates ≥ 0, factors in (0, 1], lengths ≥ 1) and
  /// throws a ``HyperparameterError`` naming the first bad one — call it on schedules built
  /// from user input.
  ///
  /// - Throws: ``HyperparameterError``.
  public func validate() throws {
    let check = HyperparameterCheck(owner: "LearningRateSchedule")
    func rate(_ value: Double, _ name: String) throws { try check(value, name, in: .nonNegative) }
    func length(_ value: Int, _ name: String) throws { try check.positive(value, name) }
    func factor(_ value: Double, _ name: String) throws {
      try check(value, name, in: .positiveUpToOne)
    }
    switch self {
    case .constant(let value):
      try rate(value, "constant")
    case .stepDecay(let initial, let decayFactor, let stepSize):
      try rate(initial, "initial")
      try factor(decayFactor, "factor")
      try length(stepSize, "stepSize")
    case .exponentialDecay(let initial, let decayRate, let transitionSteps):
      try rate(initial, "initial")
      try factor(decayRate, "decayRate")
      try length(transitionSteps, "transitionSteps")
    case .cosineDecay(let initial, let final, let steps):
      try rate(initial, "initial")
      try rate(final, "final")
      try length(steps, "steps")
    case .linear(let from, let to, let steps):
      try rate(from, "from")
      try rate(to, "to")
      try length(steps, "steps")
    case .warmup(let steps, let start, let then):
      try length(steps, "steps")
      try rate(start, "start")
      try then.validate()
    case .sequence(let first, let steps, let then):
      try first.validate()
      try length(steps, "steps")
      try then.validate()
    case .noam(let modelDimension, let warmupSteps, let scale):
      try length(modelDimension, "modelDimension")
      try length(warmupSteps, "warmupSteps")
      try rate(scale, "scale")
    }
  }

  /// The schedule in words, e.g. "step decay 0.1 × 0.5^⌊t/10⌋".
  public var description: String {
    switch self {
    case .constant(let rate):
      return "constant \(formatted(rate))"
    case .stepDecay(let initial, let factor, let stepSize):
      return "step decay \(formatted(initial)) × \(formatted(factor))^⌊t/\(stepSize)⌋"
    case .exponentialDecay(let initial, let decayRate, let transitionSteps):
      return "exponential decay \(formatted(initial)) × "
        + "\(formatted(decayRate))^(t/\(transitionSteps))"
    case .cosineDecay(let initial, let final, let steps):
      return "cosine decay from \(formatted(initial)) to \(formatted(final)) over \(steps) steps"
    case .linear(let from, let to, let steps):
      return "linear from \(formatted(from)) to \(formatted(to)) over \(steps) steps"
    case .warmup(let steps, let start, let then):
      return "linear warm-up from \(formatted(start)) over \(steps) steps, then \(then)"
    case .sequence(let first, let steps, let then):
      return "\(first) for \(steps) steps, then \(then)"
    case .noam(let modelDimension, let warmupSteps, let scale):
      return "Noam \(formatted(scale)) × \(modelDimension)^(−½) × min(n^(−½), n × "
        + "\(warmupSteps)^(−3/2)), n = t + 1"
    }
  }
}
