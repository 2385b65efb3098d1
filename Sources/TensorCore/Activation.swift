/// A layer that applies an ``ActivationFunction`` to every element.
/// It has no parameters.
///
///     var relu = Activation<Double>(.relu)
///     relu.forward(Matrix([[-1, 2]]), mode: .training).storage  // [0, 2]
///     relu.backward(Matrix([[5, 5]])).storage                   // [0, 5]
public struct Activation<Scalar: TensorScalar>: Layer {
  /// The function applied element-wise.
  public let function: ActivationFunction
  /// The input of the last forward pass (the pre-activation), kept for ``backward(_:)``.
  public private(set) var lastInput: Matrix<Scalar>?
  /// The output of the last forward pass.
  public private(set) var lastOutput: Matrix<Scalar>?

  /// Creates an activation layer.
  ///
  /// - Parameter function: The function applied element-wise.
  public init(_ function: ActivationFunction) {
    self.function = function
  }

  /// Always 0.
  public var parameterCount: Int { 0 }

  /// Always empty; setting requires an empty array.
  public var parameters: [Scalar] {
    get { [] }
    set {
      precondition(
        newValue.isEmpty, "Activation \(function) has no parameters, got \(newValue.count)")
    }
  }

  /// Always empty.
  public var parameterGradients: [Scalar] { [] }

  /// Applies the function element-wise and keeps input and output for ``backward(_:)``.
  ///
  /// - Parameters:
  ///   - input: Any matrix.
  ///   - mode: Ignored.
  /// - Complexity: O(elements).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func forward(_ input: Matrix<Scalar>, mode: ForwardMode) -> Matrix<Scalar> {
    var output = input
    output.storage.withUnsafeMutableBufferPointer { function.apply(to: $0) }
    lastInput = input
    lastOutput = output
    return output
  }

  /// Returns `outputGradient ⊙ σ′(input)`.
  ///
  /// - Parameter outputGradient: ∂L/∂output, the shape of the last input.
  /// - Complexity: O(elements).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backward(_ outputGradient: Matrix<Scalar>) -> Matrix<Scalar> {
    guard let input = lastInput, let output = lastOutput else {
      preconditionFailure("Activation.backward called before forward")
    }
    input.checkSameShape(as: outputGradient, operation: "Activation.backward (input vs gradient)")
    var result = outputGradient
    result.storage.withUnsafeMutableBufferPointer { gradient in
      input.storage.withUnsafeBufferPointer { x in
        output.storage.withUnsafeBufferPointer { y in
          function.multiplyByDerivative(gradient, input: x, output: y)
        }
      }
    }
    return result
  }
}
