// The lecture's forms on the lecture's gradient sequence (seed 004), against values written
// out by hand from the slides' formulas — independent of the implementation's loops.

import Optimizers
import TensorCore
import TestSupport
import Testing

/// The gradient sequence in precision `Scalar`.
func lectureSequence<Scalar: TensorScalar>(_: Scalar.Type) -> [[Scalar]] {
  lectureGradients.map { $0.map { Scalar($0) } }
}

@Suite("Lecture forms on g⁰ = (500, 0.4), g¹ = (432, −0.3), g² = (−211, 0.2), g³ = (139, 0.1)")
struct LectureFormTests {
  /// σᵢᵗ = √(Σ(gᵢ)²): by hand, σ¹ = (√(500² + 432²), √(0.4² + 0.3²)) = (660.775…, 0.5), …
  /// and the effective step η/σ. Tolerance: 1e-12 relative in Double (a sum of ≤ 4 squares
  /// and one root), 1e-6 in Float.
  @Test("Adagrad's σ and effective learning rate per dimension")
  func adagradSigma() throws {
    try checkAdagrad(Double.self, tolerance: 1e-12)
    try checkAdagrad(Float.self, tolerance: 1e-6)
  }

  func checkAdagrad<Scalar: TensorScalar>(_: Scalar.Type, tolerance: Double) throws {
    // Sums of squares by hand: 500² = 250000, 432² = 186624, 211² = 44521, 139² = 19321.
    let sums: [[Double]] = [
      [250_000, 0.16], [436_624, 0.25], [481_145, 0.29], [500_466, 0.30],
    ]
    let expectedSigma = sums.map { $0.map { $0.squareRoot() } }
    var optimizer = try Lecture.Adagrad<Scalar>(learningRate: 1)
    var theta: [Scalar] = [0, 0]
    var expectedTheta: [Double] = [0, 0]
    for (t, g) in lectureSequence(Scalar.self).enumerated() {
      optimizer.step(&theta, gradient: g)
      #expect(isClose(optimizer.sigma, expectedSigma[t], tolerance: tolerance))
      for i in 0..<2 { expectedTheta[i] -= 1 / expectedSigma[t][i] * lectureGradients[t][i] }
      #expect(isClose(theta, expectedTheta, tolerance: tolerance))
    }
    // The lesson's point: dimension 1 gets an effective rate η/σ about 1,300 times larger.
    let ratio = Double(optimizer.sigma[0] / optimizer.sigma[1])
    #expect(isClose(ratio, 707.436 / 0.5477, tolerance: 1e-3))
  }

  /// σ⁰ = |g⁰|, σᵗ = √(α(σᵗ⁻¹)² + (1 − α)(gᵗ)²) with α = 0.9, by hand:
  /// σ¹₀ = √(0.9·500² + 0.1·432²) = √243662.4, σ¹₁ = √(0.9·0.16 + 0.1·0.09) = √0.153, …
  @Test("RMSProp's σ follows the lecture's recursion from σ⁰ = |g⁰|")
  func rmspropSigma() throws {
    let alpha = 0.9
    var sigmaSquared: [Double] = [500 * 500, 0.16]
    var expected: [[Double]] = [[500, 0.4]]
    for g in lectureGradients.dropFirst() {
      sigmaSquared = zip(sigmaSquared, g).map { alpha * $0 + (1 - alpha) * $1 * $1 }
      expected.append(sigmaSquared.map { $0.squareRoot() })
    }
    let byHand: [Double] = [(243_662.4).squareRoot(), (0.153).squareRoot()]
    #expect(isClose(expected[1], byHand, tolerance: 1e-12))
    var optimizer = try Lecture.RMSProp<Double>(learningRate: 1, alpha: 0.9)
    var theta: [Double] = [0, 0]
    for (t, g) in lectureGradients.enumerated() {
      optimizer.step(&theta, gradient: g)
      #expect(isClose(optimizer.sigma, expected[t], tolerance: 1e-12))
    }
  }

  /// The seed's second sequence, g^(t−1) = (−0.1, 229) then gᵗ = (0.1, 100): RMSProp reacts
  /// to the recent large gradient in dimension 1, with α = 0.9 by hand
  /// σ = (√(0.9·0.01 + 0.1·0.01), √(0.9·229² + 0.1·100²)) = (0.1, √48196.9).
  @Test("RMSProp on the seed's changing gradients")
  func rmspropChangingGradient() throws {
    var optimizer = try Lecture.RMSProp<Double>(learningRate: 1, alpha: 0.9)
    var theta: [Double] = [0, 0]
    optimizer.step(&theta, gradient: [-0.1, 229])
    optimizer.step(&theta, gradient: [0.1, 100])
    let byHand: [Double] = [0.1, (48_196.9).squareRoot()]
    #expect(isClose(optimizer.sigma, byHand, tolerance: 1e-12))
  }

  /// Running sum, by hand: m = (500, 0.4), (932, 0.1), (721, 0.3), (860, 0.4).
  /// EMA with β = 0.9: m⁰ = (500, 0.4), m¹ = 0.9m⁰ + 0.1g¹ = (493.2, 0.33),
  /// m² = (422.78, 0.317), m³ = (394.402, 0.2953). Tolerance 1e-12 (a few products).
  @Test("Both lecture momenta on the lecture sequence")
  func momentumForms() throws {
    var sum = try Lecture.RunningSumMomentum<Double>(learningRate: 0.01)
    var average = try Lecture.MovingAverageMomentum<Double>(learningRate: 0.01, beta: 0.9)
    var thetaSum: [Double] = [0, 0]
    var thetaAverage: [Double] = [0, 0]
    let sums: [[Double]] = [[500, 0.4], [932, 0.1], [721, 0.3], [860, 0.4]]
    let averages: [[Double]] = [[500, 0.4], [493.2, 0.33], [422.78, 0.317], [394.402, 0.2953]]
    for (t, g) in lectureGradients.enumerated() {
      sum.step(&thetaSum, gradient: g)
      average.step(&thetaAverage, gradient: g)
      #expect(isClose(sum.momentumBuffer, sums[t], tolerance: 1e-12))
      #expect(isClose(average.momentumBuffer, averages[t], tolerance: 1e-12))
    }
    // θ = −η·Σ of the momenta.
    let expectedSum: [Double] = [-30.13, -0.012]
    let expectedAverage: [Double] = [-18.10382, -0.013423]
    #expect(isClose(thetaSum, expectedSum, tolerance: 1e-12))
    #expect(isClose(thetaAverage, expectedAverage, tolerance: 1e-12))
  }

  /// Lecture Adam's first step is exactly η·sign(g⁰) (m⁰ = g⁰, σ⁰ = |g⁰|); PyTorch's Adam's
  /// first step is η·g/(|g| + ε), a hair shorter (ε = 1e-8: 0.4/(0.4 + 1e-8) = 1 − 2.5e-8).
  @Test("First steps of lecture Adam and framework Adam")
  func adamFirstStep() throws {
    var lecture = try Lecture.Adam<Double>(learningRate: 0.1, beta: 0.9, alpha: 0.99)
    var framework = try Adam<Double>(learningRate: 0.1)
    var a: [Double] = [0, 0]
    var b: [Double] = [0, 0]
    lecture.step(&a, gradient: lectureGradients[0])
    framework.step(&b, gradient: lectureGradients[0])
    #expect(isClose(a, [-0.1, -0.1], tolerance: 1e-15))
    let expectedB: [Double] = [-0.1 * 500 / (500 + 1e-8), -0.1 * 0.4 / (0.4 + 1e-8)]
    #expect(isClose(b, expectedB, tolerance: 1e-15))
    #expect((a[1] - b[1]).magnitude > 1e-9)  // the ε is visible: 2.5e-9
    // Without bias correction the first step is (1 − β₁)/√(1 − β₂) = 0.1/√0.001 ≈ 3.16 η.
    var uncorrected = try Adam<Double>(learningRate: 0.1, epsilon: 0, biasCorrection: false)
    var c: [Double] = [0, 0]
    uncorrected.step(&c, gradient: lectureGradients[0])
    let firstStep: Double = -0.1 * 0.1 / (0.001).squareRoot()
    #expect(isClose(c, [firstStep, firstStep], tolerance: 1e-12))
  }

  /// A coordinate whose gradients are all zero has σ = 0; the lecture's 0/0 is defined as
  /// "no move" here, instead of NaN.
  @Test("Zero gradients leave a coordinate in place in the lecture forms")
  func zeroSigma() throws {
    var adagrad = try Lecture.Adagrad<Double>(learningRate: 1)
    var rmsprop = try Lecture.RMSProp<Double>(learningRate: 1)
    var adam = try Lecture.Adam<Double>(learningRate: 1)
    for var optimizer in [adagrad, rmsprop, adam] as [any Optimizer<Double>] {
      var theta: [Double] = [1, 2]
      optimizer.step(&theta, gradient: [0, 1])
      #expect(theta[0] == 1)  // exact: the coordinate is not touched
      #expect(isClose(theta[1], 1, tolerance: 1e-15))
    }
    adagrad.reset()
    rmsprop.reset()
    adam.reset()
  }
}
