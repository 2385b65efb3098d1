import TensorCore

/// What reaches one activation layer of a network: its input z (the pre-activation) on the
/// way forward and, when a loss was given, the gradient ∂L/∂z on the way back — the two
/// signals whose scale normalization is meant to keep in range.
public struct ActivationSignal<Scalar: TensorScalar>: Sendable {
  /// The index of the activation layer in ``/TensorCore/Sequential/layers``.
  public let layerIndex: Int
  /// The activation function of that layer.
  public let function: ActivationFunction
  /// The layer's input z, `samples × units`.
  public let input: Matrix<Scalar>
  /// ∂L/∂z for the mean loss over the samples, the shape of ``input``; `nil` when no
  /// targets were given.
  public let inputGradient: Matrix<Scalar>?

  /// The mean of the activation's slope f′(z) over every entry of ``input`` (for a sigmoid
  /// at most 1/4, reached at z = 0): the average factor by which the layer scales a gradient
  /// passing back through it.
  public var meanSlope: Scalar {
    input.storage.reduce(0) { $0 + function.derivative($1) } / Scalar(input.storage.count)
  }
}

extension Sequential {
  /// The input of every ``/TensorCore/Activation`` layer for a batch, in layer order, and with
  /// `targets` also the gradient of the loss with respect to each of those inputs.
  ///
  /// Runs the network forward on a copy (so running statistics of batch normalization
  /// change only in the copy), and with targets backward from
  /// ``/TensorCore/Sequential/lossFunction``'s gradient: what
  /// ``/TensorCore/Sequential/lossAndGradient(inputs:targets:)`` computes, kept layer by
  /// layer. Going back through a dense layer multiplies the gradient by Wᵀ and through a
  /// sigmoid by σ′(z) entry by entry, so the ratio of successive gradient norms shows
  /// whether gradients shrink on their way back:
  ///
  ///     let signals = network.activationSignals(inputs: x, targets: .classes(labels))
  ///     signals.map { norm($0.inputGradient!.storage) }   // ‖∂L/∂z‖, first layer first
  ///     signals.map(\.meanSlope)                          // mean σ′(z) per layer
  ///
  /// - Parameters:
  ///   - inputs: A batch, `samples × features`.
  ///   - targets: The batch's targets, or `nil` for the forward signals only.
  ///   - mode: Training (batch normalization uses the batch's statistics) or inference.
  /// - Returns: One signal per activation layer, first layer first.
  /// - Complexity: One forward pass, and one backward pass with targets.
  public func activationSignals(
    inputs: Matrix<Scalar>, targets: Targets<Scalar>? = nil, mode: ForwardMode = .training
  ) -> [ActivationSignal<Scalar>] {
    var copy = self
    var activationInputs: [Int: Matrix<Scalar>] = [:]
    var signal = inputs
    for index in copy.layers.indices {
      if copy.layers[index] is Activation<Scalar> { activationInputs[index] = signal }
      signal = copy.layers[index].forward(signal, mode: mode)
    }
    var gradients: [Int: Matrix<Scalar>] = [:]
    if let targets {
      precondition(
        targets.count == inputs.rows,
        "activationSignals: \(targets.count) targets for \(inputs.rows) input rows")
      var gradient = copy.lossFunction.valueAndGradient(output: signal, targets: targets).gradient
      for index in copy.layers.indices.reversed() {
        gradient = copy.layers[index].backward(gradient)
        if activationInputs[index] != nil { gradients[index] = gradient }
      }
    }
    return activationInputs.keys.sorted().map { index in
      ActivationSignal(
        layerIndex: index, function: (copy.layers[index] as! Activation<Scalar>).function,
        input: activationInputs[index]!, inputGradient: gradients[index])
    }
  }
}
