// Clipping against Optax's clip_by_global_norm and clip (referenceClipping, from
// Tools/bench/reference/optimizers_reference.py) and PyTorch's clip_grad_norm_ by hand.

import Optimizers
import TensorCore
import TestSupport
import Testing

@Suite("Gradient clipping")
struct GradientClippingTests {
  /// g = (3, −4, 12) has norm 13 (by hand: 9 + 16 + 144 = 169). Tolerance 1e-15: one
  /// division and one product per component.
  @Test("By global norm and by value, as Optax")
  func optax() throws {
    let g: [Double] = [3, -4, 12]
    #expect(isClose(norm(g), 13, tolerance: 1e-15))
    let byNorm = try GradientClipping.globalNorm(maximum: 5)
    var clipped = g
    let normBefore = byNorm.clip(&clipped)
    #expect(isClose(normBefore, 13, tolerance: 1e-15))
    #expect(isClose(clipped, referenceClipping[0], tolerance: 1e-15))
    #expect(isClose(norm(clipped), 5, tolerance: 1e-15))
    let unchanged = try GradientClipping.globalNorm(maximum: 20).clipped(g)
    let byValue = try GradientClipping.value(limit: 3.5).clipped(g)
    #expect(isClose(unchanged, referenceClipping[1], tolerance: 0))
    #expect(isClose(byValue, referenceClipping[2], tolerance: 0))
    // Float too: 1e-6 relative.
    let floats: [Float] = [3, -4, 12]
    #expect(isClose(byNorm.clipped(floats), referenceClipping[0], tolerance: 1e-6))
  }

  /// PyTorch's clip_grad_norm_: factor 5/(13 + 1e-6) = 0.3846153550295881 (python3).
  @Test("PyTorch's ε in the factor")
  func pytorch() throws {
    let clipping = try GradientClipping.globalNorm(maximum: 5, epsilon: 1e-6)
    let clipped = clipping.clipped([3.0, -4, 12])
    let factor = 0.384_615_355_029_588_1
    let expected: [Double] = [3 * factor, -4 * factor, 12 * factor]
    #expect(isClose(clipped, expected, tolerance: 1e-15))
    #expect(clipping.description == "clip by global norm 5 (ε = 1e-06)")
  }

  @Test("Bad bounds are rejected with the range")
  func errors() {
    #expect(throws: HyperparameterError.self) { try GradientClipping.value(limit: 0) }
    do {
      _ = try GradientClipping.globalNorm(maximum: -1)
      Issue.record("expected an error")
    } catch {
      #expect("\(error)" == "GradientClipping.globalNorm: maximum must be in (0, ∞), got -1.0")
    }
  }
}
