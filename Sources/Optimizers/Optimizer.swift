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
/// per step, which is how an optimizer plugs into TensorCore's training loop and its
/// schedule:
///
///     var optimizer = try Adam<Double>()
///     train(&network, on: data, epochs: 5, batchSize: 32, generator: &generator) {
///       optimizer.step(&$0, gradient: $1, learningRate: $2)
///     }
public protocol Optimizer<Scalar> {
  /// The floating-point type of parameters, gradients and state (`Float` or `Double`).
  associatedtype Scalar: TensorScalar

  /// The learning rate η used by ``step(_:gradient:)``.
  var learningRate: Scalar { get set }

  /// The number of steps taken since creation or the last ``reset()``.
  var stepCount: Int { get }

  /// Takes one step with the learning rate `learningRate` (η), which overrides the stored
  /// ``learningRate`` for this step only.
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ, updated in place.
  ///   - gradient: The gradient g at θ, with `parameters.count` entries.
  ///   - learningRate: The step size η for this step (a schedule's value), at least 0.
  mutating func step(_ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar)

  /// Forgets all state (momentum, accumulators, step count); hyperparameters stay.
  mutating func reset()
}

extension Optimizer {
  /// Takes one step with the stored ``learningRate``.
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ, updated in place.
  ///   - gradient: The gradient g at θ, with `parameters.count` entries.
  @inlinable
  public mutating func step(_ parameters: inout [Scalar], gradient: [Scalar]) {
    step(&parameters, gradient: gradient, learningRate: learningRate)
  }

  /// The parameters one step would produce, leaving this optimizer unchanged (the step is
  /// taken by a copy, whose state is then discarded).
  ///
  ///     let optimizer = try GradientDescent<Double>(learningRate: 0.1)
  ///     optimizer.stepped([1, 2], gradient: [10, -10])   // [0.0, 3.0]
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ.
  ///   - gradient: The gradient g at θ.
  ///   - learningRate: The step size η; `nil` uses the stored ``learningRate``.
  /// - Returns: θ after one step.
  @inlinable
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
  ///     let (loss, gradient) = network.lossAndGradient(inputs: x, targets: targets)
  ///     optimizer.step(&network, gradient: gradient)
  ///
  /// - Parameters:
  ///   - network: The network whose ``Sequential/parameters`` are updated.
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

/// Checks the lengths and the learning rate of one step (programmer errors stop with a
/// message that names the optimizer and both lengths).
@inlinable
func checkStepArguments<Scalar: TensorScalar>(
  _ name: String, parameters: Int, gradient: Int, stateCount: Int, learningRate: Scalar
) {
  precondition(
    parameters == gradient,
    "\(name).step: \(parameters) parameters but \(gradient) gradient values; "
      + "pass a gradient with one entry per parameter")
  precondition(
    stateCount == 0 || stateCount == parameters,
    "\(name).step: the optimizer's state holds \(stateCount) values but \(parameters) "
      + "parameters were passed; call reset() before using it on other parameters")
  precondition(
    learningRate >= 0 && learningRate.isFinite,
    "\(name).step: learningRate must be finite and in [0, ∞), got \(learningRate)")
}

/// Allocates `state` as zeros of length `count` if it is empty.
@inlinable
func allocateIfEmpty<Scalar: TensorScalar>(_ state: inout [Scalar], count: Int) {
  if state.isEmpty && count > 0 { state = [Scalar](repeating: 0, count: count) }
}
