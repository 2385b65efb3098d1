// Heavy-ball momentum on a diagonal quadratic (the momentum playground's computation) against
// values computed independently with numpy 2.4: the rates as the largest |eigenvalue| of
// [[β, λ], [−ηβ, 1 − ηλ]] from numpy.linalg.eigvals, and the trajectory by the recurrence
// b ← βb + λθ, θ ← θ − ηb written out in numpy (script in the comments below).

import Optimizers
import TestSupport
import Testing

@Suite("Heavy ball on a diagonal quadratic")
struct HeavyBallQuadraticTests {
  /// The closed form and numpy's eigenvalues agree to a few ulps; 1e-12 leaves room for the
  /// square root of a discriminant near zero (at η = 0.04, β = 0.64 it is 0 up to rounding,
  /// and √(rounding error) is about 1e-8 — so that case gets 1e-7).
  @Test("Rates: the closed form against numpy.linalg.eigvals of the 2×2 iteration matrix")
  func ratesAgainstEigenvalues() {
    // (λ, η, β, max |eig|) from numpy.linalg.eigvals.
    let cases: [(Double, Double, Double, Double, Double)] = [
      (1, 0.04, 0.64, 0.8, 1e-7),  // critical damping: a double root
      (100, 0.0198, 0, 0.9800000000000002, 1e-12),
      (1, 0.0198, 0, 0.9802, 1e-12),
      (1, 0.1, 0.5, 0.7071067811865476, 1e-12),  // complex roots: √β
      (100, 0.03, 0.9, 0.948683298050514, 1e-12),
      (100, 0.05, 0.3, 3.6170597047072293, 1e-12),  // ηλ = 5 > 2(1 + β): diverges
      (2, 1.5, 0.2, 1.6810249675906654, 1e-12),
      (100, 0.025, 0, 1.5, 1e-12),  // plain GD beyond 2/λ
    ]
    for (curvature, eta, beta, expected, tolerance) in cases {
      let rate = HeavyBallQuadratic.rate(curvature: curvature, learningRate: eta, momentum: beta)
      #expect(abs(rate - expected) < tolerance, "λ \(curvature), η \(eta), β \(beta): \(rate)")
    }
  }

  @Test("The doc-comment example: GD's (κ−1)/(κ+1) and momentum's (√κ−1)/(√κ+1) for κ = 100")
  func docExample() throws {
    let bowl = try HeavyBallQuadratic(curvatures: [1, 100], start: [1, 1])
    // (κ − 1)/(κ + 1) at η = 2/(λmin + λmax) = 0.0198 is 99/101; at 0.0198 the flat direction
    // gives 1 − 0.0198 = 0.9802 and the steep one |1 − 1.98| = 0.98.
    #expect(abs(bowl.predictedRate(learningRate: 0.0198, momentum: 0) - 0.9802) < 1e-12)
    // The optimal pair (Polyak): η = (2/(√λmax + √λmin))² = (2/11)², β = (9/11)²; both
    // components then have the double root 9/11.
    let run = try bowl.run(
      learningRate: (2.0 / 11) * (2.0 / 11), momentum: (9.0 / 11) * (9.0 / 11), steps: 200)
    #expect(abs(run.predictedRate - 9.0 / 11) < 1e-7)
    #expect(run.measuredRate > 9.0 / 11 && run.measuredRate < 0.85)
    #expect(!run.diverged)
  }

  /// numpy: lam = [1, 100]; th = [1, 1]; b = 0; for t in range(200): g = lam*th;
  /// b = 0.9*b + g; th = th - 0.01*b. Relative tolerance 1e-12: 200 steps of the same
  /// operations in the same order; the values are the same bits but for the last few ulps of
  /// the components that shrank by 10⁵.
  @Test("The trajectory, losses and measured rate against the recurrence run in numpy")
  func trajectoryAgainstNumpy() throws {
    let bowl = try HeavyBallQuadratic(curvatures: [1, 100], start: [1, 1])
    let run = try bowl.run(learningRate: 0.01, momentum: 0.9, steps: 200)
    #expect(run.trajectory.count == 201 && !run.diverged)
    let expected: [Int: [Double]] = [
      1: [0.99, 0], 2: [0.9711, -0.9], 3: [0.944379, -0.81],
      10: [0.6210791124706018, 0.17531648099999997],
      200: [-4.30992908844363e-06, -1.7313461877514552e-05],
    ]
    for (step, point) in expected {
      for i in 0..<2 {
        #expect(
          abs(run.trajectory[step][i] - point[i]) <= 1e-12 * max(abs(point[i]), 1e-300)
            || abs(run.trajectory[step][i] - point[i]) < 1e-15,
          "step \(step), coordinate \(i): \(run.trajectory[step][i])")
      }
    }
    // Loss and the steep component's loss ½·100·θ₂², from the same numpy run.
    #expect(abs(run.losses[200] - 1.4997085853581193e-08) < 1e-12 * 1.5e-8)
    #expect(abs(run.componentLosses[1][3] - 32.80500000000001) < 1e-12)
    #expect(abs(run.componentLosses[0][0] - 0.5) < 1e-15)
    // (|θ²⁰⁰| / |θ¹⁰⁰|)^(1/100) from numpy; the bisection stops within 1e-15.
    #expect(abs(run.measuredRate - 0.9501718263699326) < 1e-12)
    // numpy's predicted rate for this pair: max over both components, 0.948683… = √0.9.
    #expect(abs(run.predictedRate - 0.948683298050514) < 1e-12)
  }

  @Test("A diverging run stops at the first non-finite point and measures an infinite rate")
  func divergingRun() throws {
    let bowl = try HeavyBallQuadratic(curvatures: [1, 100], start: [1, 1])
    // ηλ = 5 on the steep component: |θ₂| grows by ≈ 3.6 per step and overflows near step 550.
    let run = try bowl.run(learningRate: 0.05, momentum: 0.3, steps: 1000)
    #expect(run.diverged)
    #expect(run.trajectory.count < 1001)
    #expect(run.measuredRate == .infinity)
    #expect(run.predictedRate > 3.6 && run.predictedRate < 3.62)
    // Still finite and growing within a short run: the measured rate approaches 3.617.
    let short = try bowl.run(learningRate: 0.05, momentum: 0.3, steps: 100)
    #expect(!short.diverged)
    #expect(abs(short.measuredRate - 3.6170597047072293) < 1e-3)
  }

  @Test("A start with the wrong number of coordinates stops the program with both counts")
  func mismatchedStartStops() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = try? HeavyBallQuadratic(curvatures: [1, 2], start: [1])
    }
    expectStandardError(
      result,
      contains: "HeavyBallQuadratic: 2 curvatures and 1 start coordinates; "
        + "give one coordinate per curvature, at least one")
  }

  @Test("Bad input throws with the owner, the name and the allowed range")
  func badInput() {
    func message(_ body: () throws -> Any) -> String {
      do {
        _ = try body()
        return "no error"
      } catch { return "\(error)" }
    }
    #expect(
      message { try HeavyBallQuadratic(curvatures: [1, 0], start: [1, 1]) }
        == "HeavyBallQuadratic: curvature must be in (0, ∞), got 0.0")
    #expect(
      message { try HeavyBallQuadratic(curvatures: [1], start: [.nan]) }
        == "HeavyBallQuadratic: start must be in (−∞, ∞), got nan")
    #expect(
      message {
        try HeavyBallQuadratic(curvatures: [1], start: [1]).run(
          learningRate: 0.1, momentum: 1.5, steps: 10)
      } == "StochasticGradientDescent: momentum must be in [0, 1], got 1.5")
  }
}
