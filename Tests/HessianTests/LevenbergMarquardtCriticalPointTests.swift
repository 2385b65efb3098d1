import Foundation
import TensorCore
import TestSupport
import Testing

@testable import Hessian

/// f = 5x² − y² (Dauphin et al. 2014, fig. 2): g = (10x, −2y), H = diag(10, −2).
private func steepSaddleGradient<Scalar: TensorScalar>(_ p: [Scalar]) -> [Scalar] {
  [10 * p[0], -2 * p[1]]
}
private func steepSaddleHessian<Scalar: TensorScalar>(_ p: [Scalar]) -> Matrix<Scalar> {
  Matrix(rows: 2, columns: 2, storage: [10, 0, 0, -2])
}

@Suite("Levenberg–Marquardt on the gradient")
struct LevenbergMarquardtCriticalPointTests {
  @Test("The doc example: one step on 5x² − y² from (1, 1) with μ = 1")
  func oneStepByHand() throws {
    let search = try levenbergMarquardtCriticalPoint(
      from: [1.0, 1.0], maximumIterations: 1, initialDamping: 1,
      gradient: steepSaddleGradient, hessian: steepSaddleHessian)
    // By hand: d = (λ₁g₁/(λ₁² + μ), λ₂g₂/(λ₂² + μ)) = (10·10/101, (−2)(−2)/5).
    let expected = [1 - 100.0 / 101, 1 - 0.8]
    // A few roundings of numbers near 1: 1e-14 absolute.
    #expect(isClose(search.point, expected, absoluteTolerance: 1e-14))
    // ‖g‖ at the new point: ‖(10/101, −0.4)‖.
    #expect(isClose(search.gradientNorm, (100.0 / 10201 + 0.16).squareRoot(), tolerance: 1e-14))
    #expect(search.iterations == 1)
    #expect(search.acceptedSteps == 1)
    #expect(isClose(search.damping, 0.1, tolerance: 1e-15))
    #expect(!search.converged)
  }

  @Test("The same step in Float, within Float's rounding")
  func oneStepFloat() throws {
    let search = try levenbergMarquardtCriticalPoint(
      from: [Float(1), 1], maximumIterations: 1, initialDamping: 1,
      gradient: steepSaddleGradient, hessian: steepSaddleHessian)
    // Float ε ≈ 1.2e-7; a few roundings of numbers near 1: 1e-6.
    #expect(isClose(search.point, [1 - 100.0 / 101, 0.2], absoluteTolerance: 1e-6))
  }

  @Test(
    "Drawn to the saddle of 5x² − y²: every step accepted, each component of g shrinks by μ/(λ² + μ)"
  )
  func convergesToSaddle() throws {
    let first = try levenbergMarquardtCriticalPoint(
      from: [1.0, 0.5], maximumIterations: 1,
      gradient: steepSaddleGradient, hessian: steepSaddleHessian)
    // By hand: x₁ = x₀·μ/(100 + μ), y₁ = y₀·μ/(4 + μ) with μ = 10⁻³ (the default).
    #expect(isClose(first.point[0], 1e-3 / (100 + 1e-3), tolerance: 1e-12))
    #expect(isClose(first.point[1], 0.5 * 1e-3 / (4 + 1e-3), tolerance: 1e-12))
    let search = try levenbergMarquardtCriticalPoint(
      from: [1.0, 0.5], gradient: steepSaddleGradient, hessian: steepSaddleHessian)
    #expect(search.converged)
    #expect(search.gradientNorm < 1e-11)
    #expect(search.acceptedSteps == search.iterations)
    // ‖g‖ < 10⁻¹¹ with g = (10x, −2y) puts the point within 10⁻¹¹/2 of the saddle.
    let (x, y) = (search.point[0], search.point[1])
    #expect(abs(x) < 1e-12)
    #expect(abs(y) < 5e-12)
    // A saddle-point attractor: the search does not prefer minima (5x² − y² has none).
  }

  @Test("A step that raises ‖g‖ is refused and μ grows: arctan's gradient from x = 2")
  func refusedSteps() throws {
    // f with f′(x) = arctan x, f″(x) = 1/(1 + x²). From x = 2: g = arctan 2, H = 1/5.
    // μ = 10⁻³: d = gH/(H² + μ) = 5.40…, x = −3.40…, |arctan| = 1.28… > 1.107…: refused.
    // μ = 10⁻²: d = 4.43…, x = −2.43…, |arctan| = 1.18…: refused.
    // μ = 10⁻¹: d = 1.58…, x = 0.418…, |arctan| = 0.397…: taken, μ back to 10⁻².
    func arctanGradient(_ p: [Double]) -> [Double] { [atan(p[0])] }
    func arctanHessian(_ p: [Double]) -> Matrix<Double> {
      let curvature = 1 / (1 + p[0] * p[0])
      return Matrix(rows: 1, columns: 1, storage: [curvature])
    }
    let search = try levenbergMarquardtCriticalPoint(
      from: [2.0], maximumIterations: 3, gradient: arctanGradient, hessian: arctanHessian)
    let g = atan(2.0)
    #expect(search.iterations == 3)
    #expect(search.acceptedSteps == 1)
    #expect(isClose(search.point[0], 2 - g * 0.2 / (0.04 + 0.1), tolerance: 1e-14))
    #expect(isClose(search.damping, 0.01, tolerance: 1e-14))
    #expect(isClose(search.gradientNorm, abs(atan(2 - g * 0.2 / 0.14)), tolerance: 1e-14))
  }

  @Test("No iterations: the start, its gradient norm, not converged")
  func noIterations() throws {
    let search = try levenbergMarquardtCriticalPoint(
      from: [0.3, -0.4], maximumIterations: 0,
      gradient: steepSaddleGradient, hessian: steepSaddleHessian)
    #expect(search.point == [0.3, -0.4])  // untouched: exact
    #expect(isClose(search.gradientNorm, (9.0 + 0.64).squareRoot(), tolerance: 1e-15))
    #expect(search.iterations == 0)
    #expect(search.acceptedSteps == 0)
    #expect(!search.converged)
  }

  @Test("A linear network on three points on a line: the least-squares fit w = 2, b = 1")
  func linearNetworkFit() throws {
    // y = 2x + 1 exactly at x = 0, 1, 2: the loss mean((wx + b − y)²) is 0 at (2, 1) only.
    var network = Sequential<Double>(
      [Dense(weights: Matrix(rows: 1, columns: 1, storage: [-0.7]), bias: [0.4])],
      loss: .meanSquaredError)
    let inputs = Matrix<Double>(rows: 3, columns: 1, storage: [0, 1, 2])
    let targets = Targets<Double>.values(Matrix(rows: 3, columns: 1, storage: [1, 3, 5]))
    let search = try levenbergMarquardtCriticalPoint(
      of: &network, inputs: inputs, targets: targets)
    #expect(search.converged)
    #expect(network.parameters == search.point)  // set from the search: exact
    // ‖g‖ < 10⁻¹¹ and H = [[10/3, 2], [2, 2]] (smallest eigenvalue ≈ 0.59) put the
    // parameters within about 2·10⁻¹¹ of the fit.
    #expect(isClose(network.parameters, [2.0, 1.0], absoluteTolerance: 1e-10))
  }

  @Test("A tanh network: the reported ‖g‖ is the gradient norm at the network's new parameters")
  func tanhNetworkConsistency() throws {
    var generator = SeededGenerator(seed: 3)
    var network = Sequential<Double>.multilayerPerceptron(
      layerSizes: [1, 3, 1], activation: .tanh, loss: .meanSquaredError, generator: &generator)
    let xs: [Double] = [-1.5, -0.75, 0, 0.5, 1.25, 2]
    let inputs = Matrix(rows: xs.count, columns: 1, storage: xs)
    let targets = Targets<Double>.values(
      Matrix(rows: xs.count, columns: 1, storage: xs.map { sin(2 * $0) }))
    let before = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    let search = try levenbergMarquardtCriticalPoint(
      of: &network, inputs: inputs, targets: targets, maximumIterations: 60)
    let after = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    // The same computation of the same gradient: equal up to rounding.
    #expect(isClose(search.gradientNorm, norm(after.gradient), tolerance: 1e-12))
    #expect(search.gradientNorm < norm(before.gradient))
    #expect(search.acceptedSteps >= 1)
    #expect(search.acceptedSteps <= search.iterations)
  }
}
