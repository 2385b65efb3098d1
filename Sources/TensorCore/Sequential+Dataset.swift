// The network's measurements on a whole data set: what a lesson writes most often, without
// spelling out `inputs: data.inputs, targets: data.targets` or unwrapping `data.labels!`.

extension Sequential {
  /// The mean loss on a whole data set and its gradient with respect to ``parameters``
  /// (one training-mode batch of every sample): ``lossAndGradient(inputs:targets:)`` on
  /// `data.inputs` and `data.targets`.
  ///
  ///     let (loss, gradient) = network.lossAndGradient(on: training)
  ///     optimizer.step(&network, gradient: gradient)
  ///
  /// - Parameter data: The samples; their targets must suit ``lossFunction``.
  /// - Returns: The mean loss and the flat gradient.
  /// - Complexity: About three times a forward pass over `data`.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func lossAndGradient(on data: Dataset<Scalar>) -> (
    loss: Scalar, gradient: [Scalar]
  ) {
    lossAndGradient(inputs: data.inputs, targets: data.targets)
  }

  /// The mean loss on a whole data set, without changing the network:
  /// ``loss(inputs:targets:mode:)`` on `data.inputs` and `data.targets`.
  ///
  ///     print(fixed(network.loss(on: validation), 4))
  ///
  /// - Parameters:
  ///   - data: The samples; their targets must suit ``lossFunction``.
  ///   - mode: The forward mode (default inference).
  /// - Returns: The mean loss.
  /// - Complexity: One forward pass over `data`.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func loss(on data: Dataset<Scalar>, mode: ForwardMode = .inference) -> Scalar {
    loss(inputs: data.inputs, targets: data.targets, mode: mode)
  }

  /// The fraction of a classification data set's samples whose largest output is at their
  /// label (inference mode): ``accuracy(inputs:labels:)`` on `data.inputs` and `data.labels`.
  ///
  ///     print(fixed(network.accuracy(on: validation), 3))   // e.g. 0.950
  ///
  /// - Parameter data: Samples with class-label targets (not regression values).
  /// - Returns: The accuracy in [0, 1].
  /// - Complexity: One forward pass over `data`.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func accuracy(on data: Dataset<Scalar>) -> Scalar {
    guard let labels = data.labels else {
      preconditionFailure(
        "Sequential.accuracy(on:): the data set has regression targets, not class labels; "
          + "measure it with loss(on:) instead")
    }
    return accuracy(inputs: data.inputs, labels: labels)
  }
}
