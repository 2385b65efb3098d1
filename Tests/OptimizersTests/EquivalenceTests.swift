// The equivalences the lessons rely on, checked step by step.

import Optimizers
import TensorCore
import TestSupport
import Testing

@Suite("Equivalences between lecture and framework forms")
struct EquivalenceTests {
  /// The lecture's EMA momentum (m⁰ = g⁰) equals PyTorch's SGD with momentum = dampening = β
  /// because PyTorch's first step stores the raw gradient. The two run the same arithmetic
  /// (β·m + (1 − β)·g, then θ − η·m), so they agree to the last bit; the tolerance 1e-15
  /// only avoids `==` on floats.
  @Test("EMA momentum == SGD(momentum: β, dampening: β)", arguments: [0.5, 0.9, 0.99])
  func movingAverageIsDampenedSGD(beta: Double) throws {
    for surface in Surface<Double>.all {
      let rate = 0.05 * surface.learningRateFactor
      var lecture = try Lecture.MovingAverageMomentum<Double>(learningRate: rate, beta: beta)
      var torch = try StochasticGradientDescent<Double>(
        learningRate: rate, momentum: beta, dampening: beta)
      var a = surface.start
      var b = surface.start
      for t in 0..<surface.steps {
        lecture.step(&a, gradient: surface.gradient(a, t))
        torch.step(&b, gradient: surface.gradient(b, t))
        #expect(isClose(a, b, tolerance: 1e-15), "\(surface.name) step \(t)")
        #expect(isClose(lecture.momentumBuffer, torch.momentumBuffer, tolerance: 1e-15))
      }
    }
  }

  /// With dampening 0 instead, PyTorch's buffer is not an average: its steady state for a
  /// constant gradient g is g/(1 − β), the lecture's is g. Measured on a constant gradient
  /// after 200 steps with β = 0.9: buffer ≈ 10 g, average = g.
  @Test("Classic heavy ball is 1/(1 − β) times the EMA for a constant gradient")
  func heavyBallScale() throws {
    var lecture = try Lecture.MovingAverageMomentum<Double>(learningRate: 0, beta: 0.9)
    var torch = try StochasticGradientDescent<Double>(learningRate: 0, momentum: 0.9)
    var a: [Double] = [0]
    var b: [Double] = [0]
    for _ in 0..<200 {
      lecture.step(&a, gradient: [1])
      torch.step(&b, gradient: [1])
    }
    #expect(isClose(lecture.momentumBuffer[0], 1, tolerance: 1e-12))
    #expect(isClose(torch.momentumBuffer[0], 10, tolerance: 1e-8))  // 10(1 − 0.9²⁰⁰)
  }

  /// The running sum mᵗ = g⁰ + … + gᵗ is heavy ball with β = 1 (PyTorch momentum 1,
  /// dampening 0): b ← 1·b + 1·g is the same addition. Tolerance 1e-15 as above.
  @Test("Running sum == SGD(momentum: 1, dampening: 0)")
  func runningSumIsHeavyBallWithOne() throws {
    for surface in Surface<Double>.all {
      let rate = 0.01 * surface.learningRateFactor
      var lecture = try Lecture.RunningSumMomentum<Double>(learningRate: rate)
      var torch = try StochasticGradientDescent<Double>(learningRate: rate, momentum: 1)
      var a = surface.start
      var b = surface.start
      for t in 0..<surface.steps {
        lecture.step(&a, gradient: surface.gradient(a, t))
        torch.step(&b, gradient: surface.gradient(b, t))
        #expect(isClose(a, b, tolerance: 1e-15), "\(surface.name) step \(t)")
      }
    }
  }

  /// Adam with β₁ = 0 and no bias correction has m = g and v ← β₂v + (1 − β₂)g² from v = 0;
  /// the lecture's RMSProp with α = β₂ has σ² ← ασ² + (1 − α)g² from σ² = (g⁰)². Unrolled,
  /// the only difference is the weight of (g⁰)²: αᵏ⁻¹ in σ² against (1 − α)αᵏ⁻¹ in v, so
  /// after k steps σ² − v = αᵏ·(g⁰)² exactly (derived by hand) — and ε.
  @Test("Adam(β₁ = 0, no bias correction) vs lecture RMSProp: σ² − v = αᵏ(g⁰)²")
  func adamWithoutMomentumIsAlmostRMSProp() throws {
    let alpha = 0.9
    var adam = try Adam<Double>(
      learningRate: 0.01, beta1: 0, beta2: alpha, epsilon: 0, biasCorrection: false)
    var lecture = try Lecture.RMSProp<Double>(learningRate: 0.01, alpha: alpha)
    var a: [Double] = [0, 0]
    var b: [Double] = [0, 0]
    for (t, g) in lectureGradients.enumerated() {
      adam.step(&a, gradient: g)
      lecture.step(&b, gradient: g)
      let k = Double(t + 1)
      for i in 0..<2 {
        let difference = lecture.sigma[i] * lecture.sigma[i] - adam.secondMoment[i]
        let predicted = Double.pow(alpha, k) * lectureGradients[0][i] * lectureGradients[0][i]
        // Relative 1e-9: the difference of two numbers ≈ 2.5e5 loses ≈ 6 digits of 16.
        #expect(isClose(difference, predicted, tolerance: 1e-9 * 2.5e5 / predicted.magnitude))
        #expect(isClose(adam.firstMoment[i], g[i], tolerance: 1e-15))  // m = g when β₁ = 0
      }
    }
    // The first step: Adam divides by √(1 − α)|g⁰| instead of |g⁰|, so it moves
    // 1/√(1 − α) = 3.162… times as far: 0.0316… instead of 0.01 in each coordinate.
    var adamFirst: [Double] = [0, 0]
    var lectureFirst: [Double] = [0, 0]
    adam.reset()
    lecture.reset()
    adam.step(&adamFirst, gradient: lectureGradients[0])
    lecture.step(&lectureFirst, gradient: lectureGradients[0])
    let ratio = adamFirst[0] / lectureFirst[0]
    #expect(isClose(ratio, 1 / (1 - alpha).squareRoot(), tolerance: 1e-12))
    // After four steps the two trajectories still differ by a measurable amount: the
    // lecture moved dimension 0 by −0.01·Σ gᵗ/σᵗ; recorded here as measured.
    #expect((a[0] - b[0]).magnitude > 0.01)
    // With PyTorch's ε = 1e-8 added, dimension 1 (|g| ≈ 0.1–0.4) changes by < 1e-9.
    var adamEpsilon = try Adam<Double>(
      learningRate: 0.01, beta1: 0, beta2: alpha, epsilon: 1e-8, biasCorrection: false)
    var c: [Double] = [0, 0]
    adam.reset()
    a = [0, 0]
    for g in lectureGradients {
      adam.step(&a, gradient: g)
      adamEpsilon.step(&c, gradient: g)
    }
    let epsilonEffect = (a[1] - c[1]).magnitude
    #expect(epsilonEffect > 1e-12 && epsilonEffect < 1e-8)
  }
}
