import TensorCore

/// Heavy-ball momentum on a diagonal quadratic — the momentum playground's computation: the
/// trajectory, the loss of each eigencomponent, and the convergence rate predicted and
/// measured, for any step size η and momentum β.
///
/// The quadratic is L(θ) = ½ Σᵢ λᵢ θᵢ², whose curvatures λᵢ are the eigenvalues of its
/// Hessian (condition number κ = λ_max/λ_min). The method is PyTorch's heavy ball
/// (``StochasticGradientDescent`` with momentum β and no dampening):
///
///     bᵗ = β·bᵗ⁻¹ + ∇L(θᵗ)     (b⁻¹ = 0)
///     θᵗ⁺¹ = θᵗ − η·bᵗ
///
/// Along component i the pair (bᵗ⁻¹, θᵢᵗ) is multiplied each step by
/// `[[β, λᵢ], [−ηβ, 1 − ηλᵢ]]`, whose eigenvalues solve z² − (1 + β − ηλᵢ)z + β = 0. The
/// larger modulus is the component's rate: √β when the roots are complex (the component
/// oscillates), (|1 + β − ηλᵢ| + √((1 + β − ηλᵢ)² − 4β))/2 otherwise. The run converges when
/// every rate is below 1, that is 0 < ηλᵢ < 2(1 + β) for 0 ≤ β < 1 (Polyak 1964; Goh, "Why
/// Momentum Really Works", Distill 2017).
///
///     let bowl = try HeavyBallQuadratic(curvatures: [1, 100], start: [1, 1])
///     bowl.predictedRate(learningRate: 0.0198, momentum: 0)   // 0.9802: GD's (κ−1)/(κ+1)
///     let run = try bowl.run(learningRate: 0.0331, momentum: 0.669, steps: 200)
///     run.predictedRate   // ≈ 0.818, (√κ − 1)/(√κ + 1)
///     run.measuredRate    // a little higher: the double root makes the error ~ t·0.818ᵗ
public struct HeavyBallQuadratic: Sendable, Hashable {
  /// The curvatures λᵢ > 0 (the Hessian's eigenvalues).
  public let curvatures: [Double]
  /// The starting point θ⁰, one coordinate per curvature.
  public let start: [Double]

  /// A diagonal quadratic and a starting point.
  ///
  /// - Parameters:
  ///   - curvatures: λᵢ, each positive and finite; at least one.
  ///   - start: θ⁰, as many coordinates as curvatures (a programmer error otherwise), each
  ///     finite.
  /// - Throws: ``HyperparameterError`` when a curvature is not positive or a coordinate is not
  ///   finite.
  public init(curvatures: [Double], start: [Double]) throws {
    let owner = "HeavyBallQuadratic"
    precondition(
      !curvatures.isEmpty && start.count == curvatures.count,
      "HeavyBallQuadratic: \(curvatures.count) curvatures and \(start.count) start coordinates; "
        + "give one coordinate per curvature, at least one")
    let check = HyperparameterCheck(owner: owner)
    for curvature in curvatures { try check(curvature, "curvature", in: .positive) }
    for coordinate in start where !coordinate.isFinite {
      throw HyperparameterError(
        owner: owner, name: "start", value: "\(coordinate)", allowedRange: "(−∞, ∞)")
    }
    self.curvatures = curvatures
    self.start = start
  }

  /// L(θ) = ½ Σᵢ λᵢ θᵢ².
  ///
  /// - Parameter theta: A point, one coordinate per curvature.
  /// - Returns: The loss.
  public func loss(_ theta: [Double]) -> Double {
    zip(curvatures, theta).reduce(0) { $0 + 0.5 * $1.0 * $1.1 * $1.1 }
  }

  /// ∇L(θ) = (λᵢ θᵢ).
  ///
  /// - Parameter theta: A point, one coordinate per curvature.
  /// - Returns: The gradient.
  public func gradient(_ theta: [Double]) -> [Double] {
    zip(curvatures, theta).map { $0 * $1 }
  }

  /// The rate of one component: the largest modulus of the eigenvalues of
  /// `[[β, λ], [−ηβ, 1 − ηλ]]` (see the type's discussion).
  ///
  ///     HeavyBallQuadratic.rate(curvature: 1, learningRate: 0.04, momentum: 0.64)  // 0.8
  ///
  /// - Parameters:
  ///   - curvature: λ.
  ///   - learningRate: η.
  ///   - momentum: β.
  /// - Returns: The factor by which the component's error shrinks per step in the long run
  ///   (above 1: it grows).
  public static func rate(curvature: Double, learningRate: Double, momentum: Double) -> Double {
    let trace = 1 + momentum - learningRate * curvature
    let discriminant = trace * trace - 4 * momentum
    if discriminant < 0 { return momentum.squareRoot() }
    return (abs(trace) + discriminant.squareRoot()) / 2
  }

  /// The rate of the slowest component: the run converges when it is below 1.
  ///
  /// - Parameters:
  ///   - learningRate: η.
  ///   - momentum: β.
  /// - Returns: The largest ``rate(curvature:learningRate:momentum:)`` over the curvatures.
  public func predictedRate(learningRate: Double, momentum: Double) -> Double {
    curvatures.map {
      Self.rate(curvature: $0, learningRate: learningRate, momentum: momentum)
    }.max()!
  }

  /// Runs heavy-ball momentum from ``start``.
  ///
  /// - Parameters:
  ///   - learningRate: η ≥ 0.
  ///   - momentum: β ∈ [0, 1].
  ///   - steps: The number of steps, at least 2.
  /// - Returns: The trajectory, the losses and the rates.
  /// - Throws: ``HyperparameterError`` for η or β out of range.
  /// - Complexity: O(steps × curvatures).
  public func run(learningRate: Double, momentum: Double, steps: Int) throws -> HeavyBallRun {
    precondition(steps >= 2, "HeavyBallQuadratic.run: steps must be at least 2, got \(steps)")
    var optimizer = try StochasticGradientDescent<Double>(
      learningRate: learningRate, momentum: momentum)
    let path = optimizer.trajectory(from: start, steps: steps, gradient: gradient)
    return HeavyBallRun(
      learningRate: learningRate, momentum: momentum, steps: steps, trajectory: path,
      losses: path.map(loss),
      componentLosses: curvatures.indices.map { i in
        path.map { 0.5 * curvatures[i] * $0[i] * $0[i] }
      },
      predictedRate: predictedRate(learningRate: learningRate, momentum: momentum),
      measuredRate: Self.measuredRate(path, steps: steps))
  }

  /// The average factor per step by which the distance ‖θ‖ to the minimum shrank over the
  /// second half of the run, (‖θⁿ‖ / ‖θ^⌊n/2⌋‖)^(1/(n − ⌊n/2⌋)); `infinity` when the run
  /// diverged (left the finite numbers) and 0 when it reached the minimum exactly.
  static func measuredRate(_ path: [[Double]], steps: Int) -> Double {
    guard path.count == steps + 1 else { return .infinity }
    func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    let middle = steps / 2
    let from = norm(path[middle])
    let to = norm(path[steps])
    guard from > 0, to > 0 else { return 0 }
    guard to.isFinite else { return .infinity }
    // r^k = to/from, solved by bisection with products only (the same bits on every machine).
    let ratio = to / from
    let k = steps - middle
    func power(_ r: Double) -> Double {
      var result = 1.0
      for _ in 0..<k { result *= r }
      return result
    }
    var low = 0.0
    var high = 1.0
    while power(high) < ratio { high *= 2 }
    for _ in 0..<80 {
      let mid = (low + high) / 2
      if power(mid) < ratio { low = mid } else { high = mid }
    }
    return (low + high) / 2
  }
}

/// One run of heavy-ball momentum on a ``HeavyBallQuadratic``.
public struct HeavyBallRun: Sendable, Hashable {
  /// The step size η.
  public let learningRate: Double
  /// The momentum β.
  public let momentum: Double
  /// The number of steps asked for.
  public let steps: Int
  /// θ⁰, θ¹, …: `steps + 1` points, fewer when the run diverged (it stops before the first
  /// point that is not finite).
  public let trajectory: [[Double]]
  /// L(θᵗ) for each point of the trajectory.
  public let losses: [Double]
  /// `componentLosses[i][t]` = ½ λᵢ (θᵢᵗ)²: the loss along eigendirection i at step t.
  public let componentLosses: [[Double]]
  /// The rate of the slowest component, from the eigenvalues (see ``HeavyBallQuadratic``).
  public let predictedRate: Double
  /// The average factor per step by which the distance ‖θ‖ to the minimum shrank over the
  /// second half of the run; `infinity` when it diverged, 0 when it reached the minimum.
  public let measuredRate: Double

  /// Whether the run left the finite numbers before its last step.
  public var diverged: Bool { trajectory.count < steps + 1 }
}
