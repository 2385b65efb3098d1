/// An element-wise activation function σ, with its first and second
/// derivatives (the second is used by the Hessian module).
///
///     ActivationFunction.relu.value(-2.0)             // 0
///     ActivationFunction.sigmoid.derivative(0.0)      // 0.25
///     ActivationFunction.tanh.secondDerivative(0.0)   // 0
public enum ActivationFunction: Sendable, Equatable, CaseIterable {
  /// σ(x) = x.
  case identity
  /// σ(x) = max(0, x). Its derivative at 0 is taken as 0 (as PyTorch does).
  case relu
  /// σ(x) = 1 / (1 + e⁻ˣ), the logistic function.
  case sigmoid
  /// σ(x) = tanh x.
  case tanh

  /// σ(x).
  ///
  /// - Parameter x: The pre-activation.
  /// - Complexity: O(1).
  @inlinable
  public func value<Scalar: TensorScalar>(_ x: Scalar) -> Scalar {
    switch self {
    case .identity: return x
    case .relu: return x > 0 ? x : 0
    case .sigmoid:
      // Two forms so that e^(−x) never overflows.
      if x >= 0 { return 1 / (1 + Scalar.exp(-x)) }
      let e = Scalar.exp(x)
      return e / (1 + e)
    case .tanh: return Scalar.tanh(x)
    }
  }

  /// σ′(x).
  ///
  /// - Parameter x: The pre-activation.
  /// - Complexity: O(1).
  @inlinable
  public func derivative<Scalar: TensorScalar>(_ x: Scalar) -> Scalar {
    switch self {
    case .identity: return 1
    case .relu: return x > 0 ? 1 : 0
    case .sigmoid:
      let s = value(x)
      return s * (1 - s)
    case .tanh:
      let t = Scalar.tanh(x)
      return 1 - t * t
    }
  }

  /// σ″(x): 0 for identity and ReLU (almost everywhere), s(1−s)(1−2s) for the
  /// sigmoid s, −2t(1−t²) for t = tanh x.
  ///
  /// - Parameter x: The pre-activation.
  /// - Complexity: O(1).
  @inlinable
  public func secondDerivative<Scalar: TensorScalar>(_ x: Scalar) -> Scalar {
    switch self {
    case .identity, .relu: return 0
    case .sigmoid:
      let s = value(x)
      return s * (1 - s) * (1 - 2 * s)
    case .tanh:
      let t = Scalar.tanh(x)
      return -2 * t * (1 - t * t)
    }
  }

  /// Applies σ to every element of `values` in place; the switch on the
  /// function is made once, outside the loop.
  @inlinable
  func apply<Scalar: TensorScalar>(to values: UnsafeMutableBufferPointer<Scalar>) {
    switch self {
    case .identity: break
    case .relu: for index in values.indices where values[index] < 0 { values[index] = 0 }
    case .sigmoid, .tanh: for index in values.indices { values[index] = value(values[index]) }
    }
  }

  /// Multiplies every element of `gradient` by σ′ at the corresponding input
  /// `x` (output `y`), in place; the switch is made once, outside the loop.
  @inlinable
  func multiplyByDerivative<Scalar: TensorScalar>(
    _ gradient: UnsafeMutableBufferPointer<Scalar>, input x: UnsafeBufferPointer<Scalar>,
    output y: UnsafeBufferPointer<Scalar>
  ) {
    switch self {
    case .identity: break
    case .relu: for index in gradient.indices where !(x[index] > 0) { gradient[index] = 0 }
    case .sigmoid: for index in gradient.indices { gradient[index] *= y[index] * (1 - y[index]) }
    case .tanh: for index in gradient.indices { gradient[index] *= 1 - y[index] * y[index] }
    }
  }
}
