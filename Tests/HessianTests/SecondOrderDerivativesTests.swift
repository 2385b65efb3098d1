import TensorCore
import Testing

@testable import Hessian

/// The lecture's one-example network y = w₁·w₂·x with x = 1, ŷ = 1: L = (1 − w₁w₂)².
func oneNeuronLoss<T: DifferentiableScalar>(_ w: [T]) -> T { (1 - w[0] * w[1]).squared }

/// Rosenbrock's function (1 − x)² + 100(y − x²)².
func rosenbrock<T: DifferentiableScalar>(_ v: [T]) -> T {
  (1 - v[0]).squared + 100 * (v[1] - v[0].squared).squared
}

@Suite("Exact derivatives by hyper-dual numbers")
struct SecondOrderDerivativesTests {
  @Test("y = w₁w₂x: H at the origin is [[0, -2], [-2, 0]], gradient 0 (derived by hand)")
  func oneNeuronAtOrigin() {
    // By hand: ∂L/∂w₁ = −2w₂(1 − w₁w₂), ∂²L/∂w₁² = 2w₂², ∂²L/∂w₁∂w₂ = −2 + 4w₁w₂.
    let d = secondOrderDerivatives(of: oneNeuronLoss, at: [0.0, 0.0])
    #expect(d.value == 1)  // exact: no rounding in 1 − 0·0
    #expect(d.gradient.allSatisfy { abs($0) < 1e-15 })
    let expected: [Double] = [0, -2, -2, 0]
    #expect(zip(d.hessian.storage, expected).allSatisfy { abs($0 - $1) < 1e-15 })
  }

  @Test("y = w₁w₂x away from the origin: gradient and Hessian match the hand formulas")
  func oneNeuronElsewhere() {
    let (w1, w2) = (0.7, -1.3)
    let d = secondOrderDerivatives(of: oneNeuronLoss, at: [w1, w2])
    let r = 1 - w1 * w2
    let expectedGradient = [-2 * w2 * r, -2 * w1 * r]
    let expectedHessian = [2 * w2 * w2, -2 + 4 * w1 * w2, -2 + 4 * w1 * w2, 2 * w1 * w1]
    // Same arithmetic in a different order: agreement to a few ulps of O(1) values.
    #expect(zip(d.gradient, expectedGradient).allSatisfy { abs($0 - $1) < 1e-14 })
    #expect(zip(d.hessian.storage, expectedHessian).allSatisfy { abs($0 - $1) < 1e-14 })
    let forward = gradient(of: oneNeuronLoss, at: [w1, w2])
    #expect(zip(forward, expectedGradient).allSatisfy { abs($0 - $1) < 1e-14 })
    #expect(abs(value(of: oneNeuronLoss, at: [w1, w2]) - r * r) < 1e-15)
  }

  @Test(
    "Rosenbrock at (1, 1): H = [[802, -400], [-400, 200]] (by hand: 2 − 400y + 1200x², −400x, 200)")
  func rosenbrockHessian() {
    let h = hessian(of: rosenbrock, at: [1.0, 1.0])
    let expected: [Double] = [802, -400, -400, 200]
    // Integer-valued results of exact operations on small integers: tolerance 1e-12.
    #expect(zip(h.storage, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    let single = hessian(of: rosenbrock, at: [Float(1), 1])
    #expect(zip(single.storage, expected).allSatisfy { abs(Double($0) - $1) < 1e-3 })
  }

  @Test("elementary functions: derivatives against closed forms at x = 0.6")
  func elementaryFunctions() {
    let x = 0.6
    // (f, f′, f″) written from calculus tables.
    let cases: [(String, (HyperDual<Double>) -> HyperDual<Double>, Double, Double, Double)] = [
      ("exp", { .exp($0) }, .exp(x), .exp(x), .exp(x)),
      ("log", { .log($0) }, .log(x), 1 / x, -1 / (x * x)),
      ("sin", { .sin($0) }, .sin(x), .cos(x), -.sin(x)),
      ("cos", { .cos($0) }, .cos(x), -.sin(x), -.cos(x)),
      (
        "tanh", { .tanh($0) }, .tanh(x), 1 - .tanh(x) * .tanh(x),
        -2 * .tanh(x) * (1 - .tanh(x) * .tanh(x))
      ),
      ("sqrt", { .sqrt($0) }, x.squareRoot(), 0.5 / x.squareRoot(), -0.25 / (x * x.squareRoot())),
      ("pow 5", { .pow($0, 5) }, .pow(x, 5), 5 * .pow(x, 4), 20 * .pow(x, 3)),
      ("pow -2", { .pow($0, -2) }, 1 / (x * x), -2 / (x * x * x), 6 / (x * x * x * x)),
      ("reciprocal", { 1 / $0 }, 1 / x, -1 / (x * x), 2 / (x * x * x)),
      (
        "quotient", { ($0 * $0 + 1) / ($0 - 2) }, (x * x + 1) / (x - 2),
        (x * x - 4 * x - 1) / ((x - 2) * (x - 2)), 10 / ((x - 2) * (x - 2) * (x - 2))
      ),
    ]
    for (name, f, value, first, second) in cases {
      let d = secondOrderDerivatives(of: { f($0[0]) }, at: [x])
      // Closed forms and hyper-dual parts round differently: 1e-13 relative.
      #expect(abs(d.value - value) <= 1e-13 * max(1, abs(value)), "\(name) value")
      #expect(abs(d.gradient[0] - first) <= 1e-13 * max(1, abs(first)), "\(name) f′")
      #expect(abs(d.hessian[0, 0] - second) <= 1e-13 * max(1, abs(second)), "\(name) f″")
    }
  }

  @Test("mixed partials of sin(x·y)·exp(y): closed form")
  func mixedPartials() {
    let (x, y) = (0.4, -0.9)
    let d = secondOrderDerivatives(
      of: { v in HyperDual.sin(v[0] * v[1]) * HyperDual.exp(v[1]) }, at: [x, y])
    let (s, c, e) = (Double.sin(x * y), Double.cos(x * y), Double.exp(y))
    let fxx = -y * y * s * e
    let fxy = (c - x * y * s + y * c) * e
    let fyy = (-x * x * s + 2 * x * c + s) * e
    #expect(abs(d.hessian[0, 0] - fxx) < 1e-14)
    #expect(abs(d.hessian[0, 1] - fxy) < 1e-14)
    #expect(abs(d.hessian[1, 0] - fxy) < 1e-14)
    #expect(abs(d.hessian[1, 1] - fyy) < 1e-14)
  }
}
