import TensorCore

/// Gradient clipping, applied to the gradient before an optimizer step: by global norm
/// (rescale g so that ‖g‖ ≤ c, keeping its direction) or by value (clamp every gᵢ to
/// [−c, c], which can change the direction).
///
///     let clipping = try GradientClipping.globalNorm(maximum: 1)
///     var gradient: [Double] = [3, 4]
///     clipping.clip(&gradient)          // gradient == [0.6, 0.8], returns 5 (the old norm)
///
/// Plugged into the training loop, between the gradient and the optimizer:
///
///     train(&network, on: data, epochs: 5, batchSize: 32, generator: &generator) {
///       parameters, gradient, _ in
///       optimizer.step(&parameters, gradient: clipping.clipped(gradient))
///     }
///
/// The global norm is TensorCore's ``/TensorCore/norm(_:)`` of the flat gradient, over all
/// layers at once. Global norm follows Optax's `clip_by_global_norm`: g ← g·c/‖g‖ when
/// ‖g‖ > c, unchanged otherwise. PyTorch's `clip_grad_norm_` multiplies by
/// min(1, c/(‖g‖ + 10⁻⁶)); pass `epsilon: 1e-6` to get it. By value matches Optax's `clip` and
/// PyTorch's `clip_grad_value_`. Paper: Pascanu, Mikolov and Bengio, "On the difficulty of training
/// recurrent neural networks" (ICML 2013).
public struct GradientClipping: Sendable, Equatable, CustomStringConvertible {
  /// What is bounded.
  public enum Kind: Sendable, Equatable {
    /// Rescale the whole gradient to norm at most `maximum`; `epsilon` is added to the norm
    /// in the factor (0 for Optax, 10⁻⁶ for PyTorch).
    case globalNorm(maximum: Double, epsilon: Double)
    /// Clamp each component to [−limit, limit].
    case value(limit: Double)
  }

  /// What is bounded, and the bound.
  public let kind: Kind

  /// Clipping by global norm.
  ///
  /// - Parameters:
  ///   - maximum: The largest allowed norm c > 0.
  ///   - epsilon: ≥ 0, added to the norm in the scale factor (PyTorch uses 1e-6; default 0).
  /// - Throws: ``HyperparameterError`` if `maximum` ≤ 0 or `epsilon` < 0.
  public static func globalNorm(maximum: Double, epsilon: Double = 0) throws -> GradientClipping {
    let check = HyperparameterCheck(owner: "GradientClipping.globalNorm")
    try check(maximum, "maximum", in: .positive)
    try check(epsilon, "epsilon", in: .nonNegative)
    return GradientClipping(kind: .globalNorm(maximum: maximum, epsilon: epsilon))
  }

  /// Clipping by value.
  ///
  /// - Parameter limit: The bound c > 0; each gᵢ is clamped to [−c, c].
  /// - Throws: ``HyperparameterError`` if `limit` ≤ 0.
  public static func value(limit: Double) throws -> GradientClipping {
    try HyperparameterCheck(owner: "GradientClipping.value")(limit, "limit", in: .positive)
    return GradientClipping(kind: .value(limit: limit))
  }

  /// Clips `gradient` in place.
  ///
  /// - Parameter gradient: The flat gradient.
  /// - Returns: The norm ‖g‖ before clipping (for global-norm clipping; by value, too), so
  ///   a lesson can log how often clipping acted.
  @discardableResult
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func clip<Scalar: TensorScalar>(_ gradient: inout [Scalar]) -> Scalar {
    let norm = TensorCore.norm(gradient)
    switch kind {
    case .globalNorm(let maximum, let epsilon):
      let bound = Scalar(maximum)
      let factor = bound / (norm + Scalar(epsilon))
      if factor < 1 {
        for i in gradient.indices { gradient[i] *= factor }
      }
    case .value(let limit):
      let bound = Scalar(limit)
      for i in gradient.indices { gradient[i] = Swift.min(Swift.max(gradient[i], -bound), bound) }
    }
    return norm
  }

  /// The clipped copy of `gradient`.
  ///
  /// - Parameter gradient: The flat gradient.
  /// - Returns: The gradient after clipping.
  public func clipped<Scalar: TensorScalar>(_ gradient: [Scalar]) -> [Scalar] {
    var result = gradient
    clip(&result)
    return result
  }

  /// E.g. "clip by global norm 1" or "clip by value 0.5".
  public var description: String {
    switch kind {
    case .globalNorm(let maximum, let epsilon):
      epsilon == 0
        ? "clip by global norm \(formatted(maximum))"
        : "clip by global norm \(formatted(maximum)) (ε = \(formatted(epsilon)))"
    case .value(let limit): "clip by value \(formatted(limit))"
    }
  }
}

/// A number as a lesson would write it: integers without ".0", others in Swift's shortest form.
func formatted(_ value: Double) -> String {
  if value == value.rounded() && value.magnitude < 1e15 { return String(Int(value)) }
  return "\(value)"
}
