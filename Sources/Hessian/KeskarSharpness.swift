import TensorCore

/// Keskar et al.'s ε-sharpness of a minimum: the largest relative loss increase
/// in a small box around it.
///
/// From "On Large-Batch Training for Deep Learning: Generalization Gap and Sharp
/// Minima" (Keskar, Mudigere, Nocedal, Smelyanskiy & Tang, ICLR 2017), Metric 2.1
/// with A = I (the full parameter space):
///
///     φ(θ, ε) = (max_{y ∈ C_ε} L(θ + y) − L(θ)) / (1 + L(θ)) · 100,
///     C_ε = { y : |yᵢ| ≤ ε(|θᵢ| + 1) for every i }
///
/// The paper solves the inner maximization approximately with a few iterations
/// of L-BFGS-B. Here it is approximated by projected sign-gradient ascent, the
/// steepest ascent for a box (an L∞ ball): from a random start inside the box,
/// each step moves every coordinate by a fraction of its box half-width rᵢ in the
/// direction of its partial derivative and clips back into the box,
///
///     yᵢ ← clip(yᵢ + α·rᵢ·sign(∂ᵢL(θ + y)), −rᵢ, rᵢ)
///
/// with α = 2 / steps early on (so the walk can cross the whole box) halved
/// whenever a step fails to raise the loss. The largest loss seen is reported,
/// so the result is a lower bound on the true maximum: more steps can only raise
/// it. Flat minima give a small value, sharp ones a large one.
public struct KeskarSharpness<Scalar: TensorScalar>: Sendable {
  /// The box size ε.
  public var epsilon: Scalar
  /// L(θ).
  public var baseLoss: Scalar
  /// The largest L(θ + y) found in the box.
  public var maximumLoss: Scalar
  /// The perturbation y that reached ``maximumLoss``.
  public var worstPerturbation: [Scalar]
  /// The number of gradient evaluations used.
  public var steps: Int

  /// `(maximumLoss − baseLoss) / (1 + baseLoss)`: the relative increase as a fraction.
  public var relativeIncrease: Scalar { (maximumLoss - baseLoss) / (1 + baseLoss) }
  /// φ(θ, ε) as the paper reports it: the relative increase in percent.
  public var percent: Scalar { 100 * relativeIncrease }
}

/// Keskar et al.'s ε-sharpness of a scalar function at `point` (see
/// ``KeskarSharpness`` for the definition and how the maximum is approximated).
///
///     // L(θ) = ½(100θ₁² + θ₂²) at 0: the box corner gives ½·ε²·101.
///     var generator = SeededGenerator(seed: 0)
///     let s = keskarSharpness(at: [0.0, 0.0], epsilon: 1e-2, generator: &generator) { t in
///       (0.5 * (100 * t[0] * t[0] + t[1] * t[1]), [100 * t[0], t[1]])
///     }
///     s.maximumLoss  // 0.00505
///
/// - Parameters:
///   - point: θ, usually a minimum found by training.
///   - epsilon: ε, the box size relative to |θᵢ| + 1 (the paper uses 10⁻³ and 5·10⁻⁴).
///   - steps: The number of ascent steps (gradient evaluations), default 20.
///   - generator: The seeded generator of the random start inside the box.
///   - lossAndGradient: θ ↦ (L(θ), ∇L(θ)).
/// - Complexity: `steps + 1` evaluations of `lossAndGradient`, O(steps · n) other work.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func keskarSharpness<Scalar: TensorScalar>(
  at point: [Scalar], epsilon: Scalar = Scalar(1e-3), steps: Int = 20,
  generator: inout SeededGenerator, lossAndGradient: ([Scalar]) -> (Scalar, [Scalar])
) -> KeskarSharpness<Scalar> {
  precondition(epsilon > 0, "keskarSharpness: epsilon \(epsilon) must be positive")
  precondition(steps > 0, "keskarSharpness: steps \(steps) must be positive")
  let radius = point.map { epsilon * (abs($0) + 1) }
  let baseLoss = lossAndGradient(point).0
  var offset = radius.map { r in r * generator.uniform(in: Scalar(-1)..<Scalar(1)) }
  var stepSize = 2 / Scalar(steps)
  var best = (loss: -Scalar.infinity, offset: offset)
  var previousLoss = -Scalar.infinity
  for _ in 0..<steps {
    let (loss, gradient) = lossAndGradient(zip(point, offset).map { $0 + $1 })
    if loss > best.loss { best = (loss, offset) }
    if loss <= previousLoss { stepSize /= 2 }
    previousLoss = loss
    for index in offset.indices where gradient[index] != 0 {
      let moved = offset[index] + stepSize * radius[index] * (gradient[index] > 0 ? 1 : -1)
      offset[index] = min(radius[index], max(-radius[index], moved))
    }
  }
  let finalLoss = lossAndGradient(zip(point, offset).map { $0 + $1 }).0
  if finalLoss > best.loss { best = (finalLoss, offset) }
  return KeskarSharpness(
    epsilon: epsilon, baseLoss: baseLoss, maximumLoss: max(best.loss, baseLoss),
    worstPerturbation: best.loss >= baseLoss ? best.offset : point.map { _ in 0 },
    steps: steps)
}

extension Sequential {
  /// Keskar et al.'s ε-sharpness of the network's loss on a batch at its current
  /// parameters (see ``KeskarSharpness``). The network is not changed.
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     let sharp = network.keskarSharpness(
  ///       inputs: x, targets: .classes(y), epsilon: 1e-3, generator: &generator)
  ///     sharp.percent
  ///
  /// - Parameters:
  ///   - inputs: The batch (the paper uses the training set).
  ///   - targets: The batch's targets.
  ///   - epsilon: ε, the box size relative to |θᵢ| + 1.
  ///   - steps: The number of ascent steps.
  ///   - generator: The seeded generator of the random start.
  /// - Complexity: `steps + 1` gradients on the batch.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func keskarSharpness(
    inputs: Matrix<Scalar>, targets: Targets<Scalar>, epsilon: Scalar = Scalar(1e-3),
    steps: Int = 20, generator: inout SeededGenerator
  ) -> KeskarSharpness<Scalar> {
    var probe = self
    return Hessian.keskarSharpness(
      at: parameters, epsilon: epsilon, steps: steps, generator: &generator
    ) { theta in
      probe.parameters = theta
      let result = probe.lossAndGradient(inputs: inputs, targets: targets)
      return (result.loss, result.gradient)
    }
  }
}

extension Sequential {
  /// Keskar et al.'s ε-sharpness of the network's mean loss on a whole data set (the paper
  /// measures it on the training set): ``keskarSharpness(inputs:targets:epsilon:steps:generator:)``
  /// on `data.inputs` and `data.targets`. The network is not changed.
  ///
  ///     var generator = SeededGenerator(seed: 5)
  ///     let sharpness = network.keskarSharpness(on: training, generator: &generator)
  ///     sharpness.percent   // φ(θ, 10⁻³) in percent
  ///
  /// - Parameters:
  ///   - data: The samples the loss averages over.
  ///   - epsilon: ε, the box size relative to |θᵢ| + 1 (default 10⁻³, as in the paper's
  ///     Table 3).
  ///   - steps: The number of ascent steps (default 20).
  ///   - generator: The seeded generator of the random start inside the box.
  /// - Returns: The sharpness with the loss at θ, the largest loss found and where.
  /// - Complexity: `steps + 1` gradients on `data`.
  public func keskarSharpness(
    on data: Dataset<Scalar>, epsilon: Scalar = Scalar(1e-3), steps: Int = 20,
    generator: inout SeededGenerator
  ) -> KeskarSharpness<Scalar> {
    keskarSharpness(
      inputs: data.inputs, targets: data.targets, epsilon: epsilon, steps: steps,
      generator: &generator)
  }
}

extension NetworkCurvature {
  /// The largest eigenvalue λ_max of the Hessian (the sharpness measure of most
  /// papers after Keskar et al.), by ``lanczos(dimension:iterations:generator:multiply:)``
  /// on Hessian-vector products.
  ///
  /// - Parameters:
  ///   - iterations: The number of Hessian-vector products (default 30).
  ///   - generator: The seeded generator of the Lanczos start vector.
  /// - Returns: The largest Ritz value (a lower bound on λ_max that is usually
  ///   accurate to several digits).
  /// - Throws: ``HessianError/nonFinite(row:column:)`` for non-finite products.
  /// - Complexity: `iterations` Hessian-vector products plus O(iterations² · n).
  public func largestEigenvalue(iterations: Int = 30, generator: inout SeededGenerator) throws
    -> Scalar
  {
    try lanczos(
      dimension: parameterCount, iterations: iterations, generator: &generator,
      multiply: hessianVectorProduct
    ).largest
  }
}
