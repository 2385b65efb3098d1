extension Sequential {
  /// A multi-layer perceptron: dense layers of the given sizes with the same
  /// activation between them and none after the last (its outputs are logits
  /// for cross-entropy, or predictions for mean squared error).
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     let network = Sequential<Double>.multilayerPerceptron(
  ///       layerSizes: [64, 32, 10], activation: .relu, generator: &generator)
  ///     network.layers.count     // 3: Dense 64→32, ReLU, Dense 32→10
  ///     network.parameterCount   // 64·32 + 32 + 32·10 + 10 = 2410
  ///
  /// - Parameters:
  ///   - layerSizes: The input size, the hidden sizes, and the output size (at least two values).
  ///   - activation: The activation after every dense layer but the last.
  ///   - initialization: How each dense layer's weights are drawn (biases start at zero).
  ///   - loss: The loss attached to the network.
  ///   - generator: The seeded generator the weights are drawn from, first layer first.
  /// - Complexity: O(number of parameters).
  public static func multilayerPerceptron(
    layerSizes: [Int], activation: ActivationFunction = .relu,
    initialization: WeightInitialization = .heNormal, loss: Loss = .softmaxCrossEntropy,
    generator: inout SeededGenerator
  ) -> Sequential {
    precondition(
      layerSizes.count >= 2,
      "multilayerPerceptron: layerSizes \(layerSizes) needs an input and an output size")
    var layers: [any Layer<Scalar>] = []
    for index in 0..<(layerSizes.count - 1) {
      if index > 0 { layers.append(Activation<Scalar>(activation)) }
      layers.append(
        Dense<Scalar>(
          inputCount: layerSizes[index], outputCount: layerSizes[index + 1],
          initialization: initialization, generator: &generator))
    }
    return Sequential(layers, loss: loss)
  }
}
