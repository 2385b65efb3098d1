import TensorCore
import Testing

@testable import Hessian

/// Himmelblau's function (x² + y − 11)² + (x + y² − 7)².
func himmelblau<T: DifferentiableScalar>(_ v: [T]) -> T {
  (v[0].squared + v[1] - 11).squared + (v[0] + v[1].squared - 7).squared
}

/// Newton's method on the exact gradient and Hessian of a function of two variables,
/// with the 2×2 inverse written out (independent of the library's search).
func newton2x2(
  of function: ([HyperDual<Double>]) -> HyperDual<Double>, from start: [Double]
) -> [Double] {
  var point = start
  for _ in 0..<20 {
    let d = secondOrderDerivatives(of: function, at: point)
    let (a, b, c) = (d.hessian[0, 0], d.hessian[0, 1], d.hessian[1, 1])
    let determinant = a * c - b * b
    point[0] -= (c * d.gradient[0] - b * d.gradient[1]) / determinant
    point[1] -= (a * d.gradient[1] - b * d.gradient[0]) / determinant
  }
  return point
}

@Suite("Critical-point classification")
struct CriticalPointAnalysisTests {
  @Test(
    "y = w₁w₂x at the origin: a saddle, eigenvalues ±2, escape along ±(1, 1)/√2, the loss falls")
  func oneNeuronSaddle() throws {
    let analysis = try analyzeCriticalPoint(of: oneNeuronLoss, at: [0.0, 0.0])
    #expect(analysis.kind == .saddlePoint)
    #expect(analysis.gradientNorm < 1e-15)
    // By hand: eigenvalues of [[0, −2], [−2, 0]] are ±2 (LAPACK: a few ulps).
    #expect(abs(analysis.eigenvalues[0] + 2) < 1e-14)
    #expect(abs(analysis.eigenvalues[1] - 2) < 1e-14)
    #expect(abs(analysis.minimumRatio - 0.5) < 1e-15)
    let loss: ([Double]) -> Double = oneNeuronLoss
    let escape = try #require(analysis.escape(from: [0, 0], stepLength: 0.1, loss: loss))
    let r = 0.5.squareRoot()
    // The direction is (1, 1)/√2 up to sign (the sign rule makes it +).
    #expect(abs(abs(escape.direction[0]) - r) < 1e-14)
    #expect(abs(escape.direction[0] - escape.direction[1]) < 1e-14)
    // Predicted ½λ‖u‖² = ½·(−2)·0.01 = −0.01; actual: (1 − 0.005)² − 1 = −0.009975 by hand.
    #expect(abs(escape.predictedLossChange + 0.01) < 1e-15)
    #expect(abs(escape.actualLossChange + 0.009975) < 1e-14)
    #expect(loss(escape.destination) < loss([0, 0]))
    // The opposite direction is just as good (L depends on w₁w₂ only).
    let opposite = escape.step.map { -$0 }
    #expect(abs(loss(opposite) - loss(escape.destination)) < 1e-15)
  }

  @Test("Rosenbrock at (1, 1) is a local minimum; no escape step exists")
  func rosenbrockMinimum() throws {
    let analysis = try analyzeCriticalPoint(of: rosenbrock, at: [1.0, 1.0])
    #expect(analysis.kind == .localMinimum)
    // Eigenvalues of [[802, −400], [−400, 200]]: 501 ± √(301² + 400²) = 501 ± √250601.
    let root = 250_601.0.squareRoot()
    #expect(abs(analysis.eigenvalues[0] - (501 - root)) < 1e-11)
    #expect(abs(analysis.eigenvalues[1] - (501 + root)) < 1e-11)
    #expect(analysis.minimumRatio == 1)  // a count ratio 2/2: exact
    #expect(analysis.escape(from: [1, 1], stepLength: 0.1, loss: rosenbrock) == nil)
  }

  @Test("Himmelblau's nine critical points: four minima, one maximum, four saddles")
  func himmelblauPoints() throws {
    // Approximate locations (6 decimals) from the literature (e.g. Wikipedia,
    // "Himmelblau's function"); Newton's method refines them, and the refined
    // point must stay within 1e-5 of the listed one.
    let points: [([Double], CriticalPointKind)] = [
      ([3, 2], .localMinimum),
      ([-2.805118, 3.131312], .localMinimum),
      ([-3.779310, -3.283186], .localMinimum),
      ([3.584428, -1.848126], .localMinimum),
      ([-0.270845, -0.923039], .localMaximum),
      ([0.086677, 2.884254], .saddlePoint),
      ([-3.073026, -0.081353], .saddlePoint),
      ([3.385154, 0.073852], .saddlePoint),
      ([-0.127961, -1.953715], .saddlePoint),
    ]
    var counts: [CriticalPointKind: Int] = [:]
    for (listed, kind) in points {
      let refined = newton2x2(of: himmelblau, from: listed)
      #expect(abs(refined[0] - listed[0]) < 1e-5 && abs(refined[1] - listed[1]) < 1e-5)
      let analysis = try analyzeCriticalPoint(of: himmelblau, at: refined)
      #expect(analysis.kind == kind, "\(listed): \(analysis)")
      counts[analysis.kind, default: 0] += 1
    }
    #expect(counts == [.localMinimum: 4, .localMaximum: 1, .saddlePoint: 4])
    // The maximum's value is 181.617 (literature, 3 decimals).
    let maximum = newton2x2(of: himmelblau, from: [-0.270845, -0.923039])
    #expect(abs(value(of: himmelblau, at: maximum) - 181.617) < 1e-3)
  }

  @Test("newtonCriticalPoint finds each Himmelblau point from a nearby start, saddles included")
  func newtonSearch() throws {
    // Starts rounded to one decimal from the literature values; the found point must
    // match the 6-decimal literature value to 1e-6 and have a tiny gradient.
    let cases: [(start: [Double], listed: [Double])] = [
      ([0.1, 2.9], [0.086677, 2.884254]),
      ([-3.1, -0.1], [-3.073026, -0.081353]),
      ([-0.3, -0.9], [-0.270845, -0.923039]),
      ([3.6, -1.8], [3.584428, -1.848126]),
    ]
    for (start, listed) in cases {
      let result = try newtonCriticalPoint(of: himmelblau, from: start)
      #expect(result.converged)
      #expect(result.gradientNorm <= 1e-12)
      #expect(abs(result.point[0] - listed[0]) < 1e-6 && abs(result.point[1] - listed[1]) < 1e-6)
    }
    // The doc example.
    let saddle = try newtonCriticalPoint(of: himmelblau, from: [0.0, 3.0])
    #expect(abs(saddle.point[0] - 0.086677) < 1e-6 && abs(saddle.point[1] - 2.884254) < 1e-6)
  }

  @Test("the monkey saddle x³ − 3xy² at the origin: H = 0, inconclusive")
  func monkeySaddle() throws {
    let analysis = try analyzeCriticalPoint(
      of: { v in v[0] * v[0] * v[0] - 3 * v[0] * v[1] * v[1] }, at: [0.0, 0.0])
    #expect(analysis.kind == .inconclusive)
    #expect(analysis.inertia == (0, 0, 2))
    // x⁴ + y² at 0: one positive eigenvalue and one zero: still inconclusive.
    let flat = try analyzeCriticalPoint(
      of: { v in HyperDual.pow(v[0], 4) + v[1] * v[1] }, at: [0.0, 0.0])
    #expect(flat.kind == .inconclusive)
    #expect(flat.inertia == (1, 0, 1))
  }

  @Test("a point with a non-zero gradient is not critical, and says its gradient norm")
  func notCritical() throws {
    // Gradient of L = (1 − w₁w₂)² at (1, 2) is (4, 2) by hand: norm √20.
    let analysis = try analyzeCriticalPoint(of: oneNeuronLoss, at: [1.0, 2.0])
    #expect(analysis.kind == .notCritical)
    #expect(abs(analysis.gradientNorm - 20.0.squareRoot()) < 1e-14)
    #expect(analysis.description.hasPrefix("not a critical point (‖∇L‖ = 4.47"))
    // A tolerance looser than the gradient makes it count as critical.
    let loose = try analyzeCriticalPoint(of: oneNeuronLoss, at: [1.0, 2.0], gradientTolerance: 5)
    #expect(loose.kind != .notCritical)
  }

  @Test("a local maximum: −(x² + 2y²) at the origin")
  func maximum() throws {
    let analysis = try CriticalPointAnalysis(
      gradient: [0.0, 0], hessian: Matrix([[-2, 0], [0, -4]]))
    #expect(analysis.kind == .localMaximum)
    #expect(analysis.minimumRatio == 0)  // 0 of 2 positive: exact
  }

  @Test("minimum ratio counts positive eigenvalues; zeros (within tolerance) do not count")
  func minimumRatio() throws {
    // Eigenvalues 3, 1, −1, 0 and 1e-12 (zero relative to max(1, 3) within √ε): 2 of 5 positive.
    let hessian = Matrix<Double>([
      [3, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, -1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 1e-12],
    ])
    let analysis = try CriticalPointAnalysis(gradient: [0, 0, 0, 0, 0], hessian: hessian)
    #expect(abs(analysis.minimumRatio - 0.4) < 1e-15)
    #expect(analysis.inertia == (2, 1, 2))
    #expect(analysis.kind == .saddlePoint)
  }

  @Test("a trained network's analysis: gradient norm from TensorCore, ratio from the dense Hessian")
  func networkAnalysis() throws {
    var (network, inputs, targets) = smallProblem(
      sizes: [2, 3, 1], activation: .tanh, loss: .meanSquaredError, samples: 8)
    for _ in 0..<200 {
      let gradient = network.lossAndGradient(inputs: inputs, targets: targets).gradient
      network.parameters = zip(network.parameters, gradient).map { $0 - 0.1 * $1 }
    }
    let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    let analysis = try curvature.analyzeCriticalPoint(gradientTolerance: 1e-12)
    let gradient = network.lossAndGradient(inputs: inputs, targets: targets).gradient
    let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
    // Same gradient, same order of operations: agreement to rounding.
    #expect(abs(analysis.gradientNorm - norm) < 1e-14)
    #expect(analysis.kind == .notCritical)  // 200 steps do not reach ‖g‖ ≤ 1e-12
    let dense = try SymmetricEigendecomposition(curvature.hessian())
    let threshold = analysis.zeroThreshold
    let positive = dense.eigenvalues.count { $0 > threshold }
    #expect(abs(analysis.minimumRatio - Double(positive) / 13) < 1e-15)
  }

  @Test("bad input: gradient and Hessian sizes differ; non-finite Hessian")
  func badInput() {
    #expect(throws: HessianError.sizeMismatch(gradientCount: 3, hessianSize: 2)) {
      try CriticalPointAnalysis(gradient: [0.0, 0, 0], hessian: Matrix([[1, 0], [0, 1]]))
    }
    #expect(throws: HessianError.nonFinite(row: 0, column: 0)) {
      try analyzeCriticalPoint(of: { v in HyperDual.sqrt(v[0]) }, at: [0.0])
    }
  }
}
