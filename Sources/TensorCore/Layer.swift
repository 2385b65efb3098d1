/// Whether a forward pass is part of training or of inference.
///
/// Layers such as batch normalization behave differently in the two modes;
/// switching is always explicit.
public enum ForwardMode: Sendable, Equatable {
  /// Training: batch statistics are used and running statistics are updated.
  case training
  /// Inference (evaluation): stored statistics are used; nothing is updated.
  case inference
}

/// One layer of a sequential network: a forward pass that remembers what its
/// backward pass needs, and a backward pass that returns the gradient with
/// respect to its input and stores the gradients of its parameters.
///
/// Parameters and their gradients are exposed as flat vectors so that the
/// optimizer and Hessian modules can work on any network. A layer outside
/// TensorCore (for example batch normalization) conforms to this protocol to
/// take part in a `Sequential` network.
public protocol Layer<Scalar>: Sendable {
  /// The scalar type of the layer.
  associatedtype Scalar: TensorScalar

  /// Number of trainable parameters.
  var parameterCount: Int { get }

  /// All trainable parameters, flattened in a fixed, documented order.
  /// Setting it requires exactly `parameterCount` values.
  var parameters: [Scalar] { get set }

  /// The gradients of the loss with respect to `parameters`, from the last
  /// backward pass, in the same order.
  var parameterGradients: [Scalar] { get }

  /// Computes the layer's output for a batch (rows are samples) and remembers
  /// what `backward` needs.
  mutating func forward(_ input: Matrix<Scalar>, mode: ForwardMode) -> Matrix<Scalar>

  /// Given the gradient of the loss with respect to the last output, stores the
  /// parameter gradients and returns the gradient with respect to the input.
  mutating func backward(_ outputGradient: Matrix<Scalar>) -> Matrix<Scalar>

  /// Like ``backward(_:)``, but for a caller that does not need the gradient
  /// with respect to the input (the first layer of a network): stores the
  /// parameter gradients only, which can save work (for ``Dense``, one matrix
  /// product).
  ///
  /// The default implementation calls ``backward(_:)`` and discards its result.
  mutating func backwardParameters(_ outputGradient: Matrix<Scalar>)
}

extension Layer {
  /// Calls ``backward(_:)`` and discards the input gradient.
  ///
  /// - Parameter outputGradient: ∂L/∂output for the last forward pass.
  public mutating func backwardParameters(_ outputGradient: Matrix<Scalar>) {
    _ = backward(outputGradient)
  }
}
