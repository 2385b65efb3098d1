// Adam's vectorized loop (blocks of 16 lanes plus a zero-padded remainder) against the formula
// written out element by element here, on lengths that exercise both parts.

import Optimizers
import TensorCore
import TestSupport
import Testing

@Suite("Adam's SIMD loop")
struct AdamKernelTests {
  /// PyTorch's Adam/AdamW, one coordinate at a time, in Double, independent of the library.
  static func reference(
    count: Int, steps: Int, weightDecay: Double, decoupled: Bool
  ) -> [Double] {
    let (rate, beta1, beta2, epsilon) = (0.01, 0.9, 0.999, 1e-8)
    var theta = (0..<count).map { Double($0 % 5) - 2 }
    var m = [Double](repeating: 0, count: count)
    var v = m
    for t in 1...steps {
      let correction1 = 1 - Double.pow(beta1, Double(t))
      let correction2 = 1 - Double.pow(beta2, Double(t))
      for i in 0..<count {
        var g = Double(i % 7) / 7 - 0.4 + Double(t) * 0.01
        if decoupled { theta[i] *= 1 - rate * weightDecay } else { g += weightDecay * theta[i] }
        m[i] = beta1 * m[i] + (1 - beta1) * g
        v[i] = beta2 * v[i] + (1 - beta2) * g * g
        let mHat = m[i] / correction1
        let vHat = v[i] / correction2
        theta[i] -= rate * mHat / (vHat.squareRoot() + epsilon)
      }
    }
    return theta
  }

  func run<Scalar: TensorScalar>(
    _: Scalar.Type, count: Int, weightDecay: Scalar, decoupled: Bool
  ) throws -> [Scalar] {
    var optimizer = try Adam<Scalar>(
      learningRate: 0.01, weightDecay: weightDecay, decoupledWeightDecay: decoupled)
    var theta = (0..<count).map { Scalar($0 % 5) - 2 }
    for t in 1...3 {
      let gradient = (0..<count).map {
        Scalar(Double($0 % 7) / 7 - 0.4 + Double(t) * 0.01)
      }
      optimizer.step(&theta, gradient: gradient)
    }
    return theta
  }

  /// Lengths 1, 15, 16, 17, 37 and 100 cover remainder-only, one block, blocks + remainder;
  /// 300,017 (≥ 2¹⁸) takes the multi-threaded path with uneven slices.
  /// Double to 1e-12 (same operations, different grouping); Float to 1e-5 (the step is
  /// ±0.01·O(1) and Float rounds at 6e-8 relative; the hyperparameters round too).
  @Test(
    "Blocks and remainder match the element-by-element formula",
    arguments: [1, 15, 16, 17, 37, 100, 300_017])
  func lengths(count: Int) throws {
    // The threaded length runs one configuration only, to keep the debug-build test short.
    let configurations = count > 1000 ? [(0.1, true)] : [(0.0, false), (0.1, false), (0.1, true)]
    for (decay, decoupled) in configurations {
      let expected = Self.reference(
        count: count, steps: 3, weightDecay: decay, decoupled: decoupled)
      let double = try run(Double.self, count: count, weightDecay: decay, decoupled: decoupled)
      let float = try run(Float.self, count: count, weightDecay: Float(decay), decoupled: decoupled)
      #expect(isClose(double, expected, tolerance: 1e-12))
      #expect(isClose(float, expected, tolerance: 1e-5))
    }
  }

  /// AMSGrad, PyTorch's maximum of the raw v or Optax's of v̂ (β₁ = 0.5, β₂ = 0.9, η = 0.01),
  /// one coordinate at a time in Double, independent of the library. The gradients change
  /// sign with t so that v falls and the maximum matters.
  static func amsgradReference(count: Int, steps: Int, variant: AMSGradVariant) -> [Double] {
    let (rate, beta1, beta2, epsilon) = (0.01, 0.5, 0.9, 1e-8)
    var theta = (0..<count).map { Double($0 % 5) - 2 }
    var m = [Double](repeating: 0, count: count)
    var v = m
    var maximum = m
    for t in 1...steps {
      let correction1 = 1 - Double.pow(beta1, Double(t))
      let correction2 = 1 - Double.pow(beta2, Double(t))
      for i in 0..<count {
        let g = (Double(i % 7) / 7 - 0.4) * (t % 2 == 0 ? 0.1 : 1)
        m[i] = beta1 * m[i] + (1 - beta1) * g
        v[i] = beta2 * v[i] + (1 - beta2) * g * g
        let denominator: Double
        switch variant {
        case .pytorch:
          maximum[i] = max(maximum[i], v[i])
          denominator = (maximum[i] / correction2).squareRoot() + epsilon
        case .optax:
          maximum[i] = max(maximum[i], v[i] / correction2)
          denominator = maximum[i].squareRoot() + epsilon
        }
        theta[i] -= rate * (m[i] / correction1) / denominator
      }
    }
    return theta
  }

  /// Lengths 1, 15, 16, 17 and 37 cover the padded block alone, one full block, and full
  /// blocks with a padded rest, for both variants. Double to 1e-12 (the kernel multiplies by
  /// 1/(1 − β₂ᵗ) where the reference divides); Float to 1e-5 as above.
  @Test(
    "AMSGrad's blocks and remainder match the element-by-element formula",
    arguments: [1, 15, 16, 17, 37])
  func amsgradLengths(count: Int) throws {
    for variant in [AMSGradVariant.pytorch, .optax] {
      let expected = Self.amsgradReference(count: count, steps: 4, variant: variant)
      func run<Scalar: TensorScalar>(_: Scalar.Type) throws -> [Scalar] {
        var optimizer = try Adam<Scalar>(
          learningRate: 0.01, beta1: 0.5, beta2: 0.9, amsgrad: true, amsgradVariant: variant)
        var theta = (0..<count).map { Scalar($0 % 5) - 2 }
        for t in 1...4 {
          let gradient = (0..<count).map {
            Scalar((Double($0 % 7) / 7 - 0.4) * (t % 2 == 0 ? 0.1 : 1))
          }
          optimizer.step(&theta, gradient: gradient)
        }
        #expect(optimizer.maximumSecondMoment.count == count)
        return theta
      }
      #expect(isClose(try run(Double.self), expected, tolerance: 1e-12), "\(variant)")
      #expect(isClose(try run(Float.self), expected, tolerance: 1e-5), "\(variant)")
    }
  }
}
