// The Optimizers module: every update rule of the course in its lecture form and its
// framework (PyTorch/Optax) form, learning-rate schedules, and gradient clipping.
// It imports only TensorCore (see DESIGN.md).

import TensorCore

/// An update rule that moves a flat parameter vector θ using the gradient g and the
/// optimizer's own state (momentum, accumulated squares, moment estimates, …).
///
/// Every optimizer is a value type whose state is public and readable, so a lesson can
/// print σ or m after each step. The state is allocated on the first step, with the
/// length of the parameter vector; ``reset()`` clears it.
///
///     var optimizer = try Adam<Double>(learningRate: 0.1)
///     var parameters: [Double] = [1, -2]
///     optimizer.step(&parameters, gradient: [0.5, -0.25])
///     print(parameters)              // ≈ [0.9, -1.9]: the first step is ≈ ±η per coordinate
///     print(optimizer.firstMoment)   // ≈ [0.05, -0.025], m = (1 − β₁)·g
///
/// The learning rate η is held by the optimizer (``learningRate``) and can also be given
/// per step, which is how a schedule drives it. Training's `train` takes an optimizer and
/// an optional schedule; without one, the optimizer's own η stays in force:
///
///     var optimizer = try Adam<Double>()   // η = 0.001
///     train(&network, on: data, epochs: 5, batchSize: 32, optimizer: &optimizer,
///           generator: &generator)
///
/// ## Writing an optimizer
///
/// A conforming type holds its hyperparameters and says two things, in the spirit of
/// mlx-swift's split between an update rule and the state handling: which state it keeps
/// (``makeState(parameterCount:)``) and how one step changes the state and θ
/// (``update(_:gradient:state:learningRate:step:)``). Everything else is written once, in
/// this protocol's extension: ``step(_:gradient:learningRate:)-(_,_,Self.Scalar)`` checks the
/// arguments, allocates the state on the first step, counts steps and keeps the state in
/// ``memory``; ``reset()`` forgets it. A type without state uses `Void`.
public protocol Optimizer<Scalar> {
  /// The floating-point type of parameters, gradients and state (`Float` or `Double`).
  associatedtype Scalar: TensorScalar
  /// What the rule keeps between steps: `Void`, one vector, or a structure of vectors.
  associatedtype State: Sendable

  /// The optimizer's name in messages and descriptions, e.g. `"Adam"` or `"AdamW"`.
  var name: String { get }

  /// The learning rate η used by ``step(_:gradient:)``.
  var learningRate: Scalar { get set }

  /// The state and the step count, kept by
  /// ``step(_:gradient:learningRate:)-(_,_,Self.Scalar)``: `nil` state and 0 steps before the
  /// first step and after ``reset()``.
  var memory: OptimizerMemory<State> { get set }

  /// The state before the first step (zeros, or an initial value), for `parameterCount`
  /// parameters. A rule whose first step sets its state from the gradient (the lecture's
  /// m⁰ = g⁰) may return an empty state and fill it in ``update(_:gradient:state:learningRate:step:)``.
  ///
  /// - Parameter parameterCount: The length of θ.
  /// - Returns: The initial state.
  func makeState(parameterCount: Int) -> State

  /// One step of the rule: updates `state` and θ in place. The arguments have been checked
  /// (same lengths, η finite and ≥ 0).
  ///
  /// - Parameters:
  ///   - parameters: θ, updated in place.
  ///   - gradient: g, with `parameters.count` entries.
  ///   - state: The rule's state, updated in place.
  ///   - learningRate: η for this step.
  ///   - step: t, the number of this step: 1 for the first one after creation or ``reset()``.
  func update(
    _ parameters: inout [Scalar], gradient: [Scalar], state: inout State, learningRate: Scalar,
    step: Int)
}

/// What an optimizer remembers between steps: its rule's state and the number of steps
/// taken. Only ``Optimizer/step(_:gradient:learningRate:)-(_,_,Self.Scalar)`` and
/// ``Optimizer/reset()`` change it.
public struct OptimizerMemory<State: Sendable>: Sendable {
  /// The rule's state; `nil` before the first step.
  public internal(set) var state: State?
  /// The number of steps taken since creation or the last reset.
  public internal(set) var stepCount = 0
  /// The length of θ at the first step; later steps must pass the same length.
  public internal(set) var parameterCount: Int?

  /// An empty memory: no state, no steps.
  public init() {}
}

extension Optimizer {
  /// The number of steps taken since creation or the last ``reset()``.
  public var stepCount: Int { memory.stepCount }

  /// Takes one step with the learning rate `learningRate` (η), which overrides the stored
  /// ``learningRate`` for this step only.
  ///
  /// Checks the arguments (a wrong length or a negative η stops the program with a message
  /// naming the optimizer), allocates the state on the first step, applies the rule
  /// (``update(_:gradient:state:learningRate:step:)``) and counts the step.
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ, updated in place.
  ///   - gradient: The gradient g at θ, with `parameters.count` entries.
  ///   - learningRate: The step size η for this step (a schedule's value), at least 0.
  /// - Complexity: That of the rule, O(`parameters.count`) for every optimizer here.
  public mutating func step(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar
  ) {
    precondition(
      parameters.count == gradient.count,
      "\(name).step: \(parameters.count) parameters but \(gradient.count) gradient values; "
        + "pass a gradient with one entry per parameter")
    if let count = memory.parameterCount {
      precondition(
        count == parameters.count,
        "\(name).step: the optimizer's state holds \(count) values but \(parameters.count) "
          + "parameters were passed; call reset() before using it on other parameters")
    }
    precondition(
      learningRate >= 0 && learningRate.isFinite,
      "\(name).step: learningRate must be finite and in [0, ∞), got \(learningRate)")
    // Taken out of `memory` so that the state's arrays are uniquely referenced while the
    // rule writes them (no copy).
    var state = memory.state.take() ?? makeState(parameterCount: parameters.count)
    memory.stepCount += 1
    memory.parameterCount = parameters.count
    update(
      &parameters, gradient: gradient, state: &state, learningRate: learningRate,
      step: memory.stepCount)
    memory.state = state
  }

  /// Takes one step with the stored ``learningRate``.
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ, updated in place.
  ///   - gradient: The gradient g at θ, with `parameters.count` entries.
  public mutating func step(_ parameters: inout [Scalar], gradient: [Scalar]) {
    step(&parameters, gradient: gradient, learningRate: learningRate)
  }

  /// Forgets all state (momentum, accumulators, step count); hyperparameters stay.
  public mutating func reset() { memory = OptimizerMemory() }

  /// The parameters one step would produce, leaving this optimizer unchanged (the step is
  /// taken by a copy, whose state is then discarded).
  ///
  ///     let optimizer = try Lecture.GradientDescent<Double>(learningRate: 0.1)
  ///     optimizer.stepped([1, 2], gradient: [10, -10])   // [0.0, 3.0]
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ.
  ///   - gradient: The gradient g at θ.
  ///   - learningRate: The step size η; `nil` uses the stored ``learningRate``.
  /// - Returns: θ after one step.
  public func stepped(
    _ parameters: [Scalar], gradient: [Scalar], learningRate: Scalar? = nil
  ) -> [Scalar] {
    var copy = self
    var result = parameters
    copy.step(&result, gradient: gradient, learningRate: learningRate ?? self.learningRate)
    return result
  }

  /// Takes one step on the flat parameters of a TensorCore network.
  ///
  ///     let (loss, gradient) = network.lossAndGradient(on: batch)
  ///     optimizer.step(&network, gradient: gradient)
  ///
  /// - Parameters:
  ///   - network: The network whose ``/TensorCore/Sequential/parameters`` are updated.
  ///   - gradient: The flat gradient in the same order (from `lossAndGradient`).
  ///   - learningRate: The step size η; `nil` uses the stored ``learningRate``.
  public mutating func step(
    _ network: inout Sequential<Scalar>, gradient: [Scalar], learningRate: Scalar? = nil
  ) {
    var parameters = network.parameters
    step(&parameters, gradient: gradient, learningRate: learningRate ?? self.learningRate)
    network.parameters = parameters
  }
}
