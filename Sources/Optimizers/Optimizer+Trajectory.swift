import TensorCore

extension Optimizer {
  /// The points θ⁰, θ¹, …, θⁿ visited by `steps` steps from `start` on a gradient field —
  /// the trajectory a lesson draws on a contour plot.
  ///
  ///     // f(x, y) = 0.1x² + 2y², 20 steps from (−5, −2)
  ///     var optimizer = try Lecture.Adagrad<Double>(learningRate: 0.4)
  ///     let path = optimizer.trajectory(from: [-5, -2], steps: 20) { p in
  ///       [0.2 * p[0], 4 * p[1]]
  ///     }
  ///     path.count   // 21: the start and one point per step
  ///
  /// The optimizer's state advances with the steps, so it can be printed afterwards. If a
  /// step produces a NaN or an infinity the trajectory ends before that point (so it can
  /// always be plotted); `path.count < steps + 1` then tells that the run diverged, and
  /// ``checkedStep(_:gradient:learningRate:)`` says where.
  ///
  /// - Parameters:
  ///   - start: θ⁰.
  ///   - steps: The number of steps n ≥ 0.
  ///   - schedule: The learning rate η(t) of step t = 0, 1, …; `nil` keeps the optimizer's
  ///     own ``learningRate``.
  ///   - gradient: ∇f(θ).
  /// - Returns: Up to `steps + 1` points, starting with `start`.
  public mutating func trajectory(
    from start: [Scalar], steps: Int, schedule: ((Int) -> Scalar)? = nil,
    gradient: ([Scalar]) -> [Scalar]
  ) -> [[Scalar]] {
    precondition(steps >= 0, "trajectory: steps must be in [0, ∞), got \(steps)")
    var theta = start
    var path = [start]
    path.reserveCapacity(steps + 1)
    for t in 0..<steps {
      let rate = schedule?(t) ?? self.learningRate
      step(&theta, gradient: gradient(theta), learningRate: rate)
      guard firstNonFiniteIndex(theta) == nil else { break }
      path.append(theta)
    }
    return path
  }
}
