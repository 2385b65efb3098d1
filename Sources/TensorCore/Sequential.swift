/// A network that applies its layers in order, with a loss attached:
/// the multi-layer perceptron of the lessons.
///
///     var generator = SeededGenerator(seed: 0)
///     var network = Sequential<Double>(
///       [
///         Dense(inputCount: 64, outputCount: 32, generator: &generator),
///         Activation(.relu),
///         Dense(inputCount: 32, outputCount: 10, generator: &generator),
///       ],
///       loss: .softmaxCrossEntropy)
///     let (loss, gradient) = network.lossAndGradient(inputs: x, targets: .classes(labels))
///     network.parameters = zip(network.parameters, gradient).map { $0 - 0.1 * $1 }
///
/// The flat ``parameters`` vector is the concatenation of each layer's
/// ``Layer/parameters`` in layer order (for ``Dense``: weights row-major, then
/// bias); ``parameterGradients`` and the gradient from ``lossAndGradient(inputs:targets:)``
/// use the same order. `Sequential` is itself a ``Layer``, so networks nest.
public struct Sequential<Scalar: TensorScalar>: Layer {
  /// The layers, applied first to last.
  public var layers: [any Layer<Scalar>]
  /// The loss function the network is trained on (``loss(on:mode:)`` is its value).
  public var lossFunction: Loss

  /// Creates a network.
  ///
  /// - Parameters:
  ///   - layers: The layers, applied first to last.
  ///   - loss: The loss function attached to the network, stored as ``lossFunction``
  ///     (default softmax cross-entropy).
  public init(_ layers: [any Layer<Scalar>], loss: Loss = .softmaxCrossEntropy) {
    self.layers = layers
    self.lossFunction = loss
  }

  /// The total number of trainable parameters.
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// All parameters as one flat vector: each layer's parameters in layer order.
  /// Setting it requires exactly ``parameterCount`` values.
  public var parameters: [Scalar] {
    get {
      var result: [Scalar] = []
      result.reserveCapacity(parameterCount)
      for layer in layers { result.append(contentsOf: layer.parameters) }
      return result
    }
    set {
      precondition(
        newValue.count == parameterCount,
        "Sequential: got \(newValue.count) parameters, the network has \(parameterCount)")
      var offset = 0
      for index in layers.indices {
        let count = layers[index].parameterCount
        if count > 0 {
          layers[index].parameters = Array(newValue[offset..<(offset + count)])
        }
        offset += count
      }
    }
  }

  /// The gradients from the last backward pass, in the order of ``parameters``.
  public var parameterGradients: [Scalar] {
    var result: [Scalar] = []
    result.reserveCapacity(parameterCount)
    for layer in layers { result.append(contentsOf: layer.parameterGradients) }
    return result
  }

  /// Runs every layer forward, each remembering what its backward pass needs.
  ///
  /// - Parameters:
  ///   - input: A `batch × features` matrix.
  ///   - mode: Training or inference (matters for layers such as batch normalization).
  /// - Complexity: The sum of the layers' forward costs.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func forward(_ input: Matrix<Scalar>, mode: ForwardMode) -> Matrix<Scalar> {
    var activations = input
    for index in layers.indices {
      activations = layers[index].forward(activations, mode: mode)
    }
    return activations
  }

  /// The network's output in inference mode, leaving the network unchanged.
  ///
  /// - Parameter input: A `batch × features` matrix.
  /// - Complexity: The sum of the layers' forward costs.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func predict(_ input: Matrix<Scalar>) -> Matrix<Scalar> {
    var copy = self
    return copy.forward(input, mode: .inference)
  }

  /// Runs every layer backward (last to first), storing their parameter gradients.
  ///
  /// - Parameter outputGradient: ∂L/∂output for the last forward pass.
  /// - Returns: ∂L/∂input.
  /// - Complexity: The sum of the layers' backward costs.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backward(_ outputGradient: Matrix<Scalar>) -> Matrix<Scalar> {
    var gradient = outputGradient
    for index in layers.indices.reversed() {
      gradient = layers[index].backward(gradient)
    }
    return gradient
  }

  /// Runs every layer backward, storing their parameter gradients, without
  /// computing the gradient with respect to the network's input.
  ///
  /// - Parameter outputGradient: ∂L/∂output for the last forward pass.
  /// - Complexity: The sum of the layers' backward costs, less the first layer's input gradient.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backwardParameters(_ outputGradient: Matrix<Scalar>) {
    guard let first = layers.indices.first else { return }
    var gradient = outputGradient
    for index in layers.indices.reversed() where index > first {
      gradient = layers[index].backward(gradient)
    }
    layers[first].backwardParameters(gradient)
  }

  /// The loss on a batch and its gradient with respect to ``parameters``:
  /// a training-mode forward pass, the loss, and a backward pass.
  ///
  /// - Parameters:
  ///   - inputs: A `batch × features` matrix.
  ///   - targets: The batch's targets (class labels or values, as ``lossFunction`` needs).
  /// - Returns: The mean loss over the batch and the flat gradient.
  /// - Complexity: About three times a forward pass.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func lossAndGradient(
    inputs: Matrix<Scalar>, targets: Targets<Scalar>
  ) -> (loss: Scalar, gradient: [Scalar]) {
    precondition(
      targets.count == inputs.rows,
      "Sequential.lossAndGradient: \(targets.count) targets for \(inputs.rows) input rows")
    let output = forward(inputs, mode: .training)
    let (value, outputGradient) = lossFunction.valueAndGradient(output: output, targets: targets)
    backwardParameters(outputGradient)
    return (value, parameterGradients)
  }

  /// The mean loss on a batch, without changing the network.
  ///
  /// - Parameters:
  ///   - inputs: A `batch × features` matrix.
  ///   - targets: The batch's targets.
  ///   - mode: The forward mode (default inference).
  /// - Returns: The mean of ``lossFunction`` over the batch.
  /// - Complexity: One forward pass.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func loss(
    inputs: Matrix<Scalar>, targets: Targets<Scalar>, mode: ForwardMode = .inference
  ) -> Scalar {
    var copy = self
    let output = copy.forward(inputs, mode: mode)
    return lossFunction.value(output: output, targets: targets)
  }

  /// The fraction of samples whose largest output is at their class label
  /// (inference mode).
  ///
  /// - Parameters:
  ///   - inputs: A `batch × features` matrix.
  ///   - labels: One class index per row.
  /// - Complexity: One forward pass.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func accuracy(inputs: Matrix<Scalar>, labels: [Int]) -> Scalar {
    TensorCore.accuracy(outputs: predict(inputs), labels: labels)
  }
}
