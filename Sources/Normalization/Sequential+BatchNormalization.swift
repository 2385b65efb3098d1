import TensorCore

/// The statistics of a network's batch-normalization layers: what the last training batch
/// gave, what the whole data set would give, and the running averages inference uses.
///
/// Layers are listed in network order (the first ``BatchNormalization`` first); nested
/// `Sequential` layers are not searched.
///
///     var network = Sequential<Double>([
///       Dense(inputCount: 2, outputCount: 3, generator: &generator),
///       BatchNormalization(featureCount: 3), Activation(.sigmoid),
///       Dense(inputCount: 3, outputCount: 2, generator: &generator),
///     ])
///     _ = network.lossAndGradient(inputs: batch, targets: .classes(labels))
///     network.lastBatchStatistics         // [μ_B and σ²_B of the batch, 3 features]
///     network.populationStatistics(of: x)  // [μ and σ² over all rows of x]
///     network.runningStatistics            // [the layer's running mean and variance]
extension Sequential {
  /// The indices in ``/TensorCore/Sequential/layers`` of the batch-normalization layers (of this
  /// network's scalar type), in order.
  public var batchNormalizationIndices: [Int] {
    layers.indices.filter { layers[$0] is BatchNormalization<Scalar> }
  }

  /// Each batch-normalization layer's mean and *biased* variance of its last training
  /// batch (``BatchNormalization/batchMean``, ``BatchNormalization/batchVariance``).
  ///
  /// Read it right after a training step to record what the running averages were fed.
  /// Stops with a precondition when a layer has not seen a training batch yet.
  public var lastBatchStatistics: [MeanAndVariance<Scalar>] {
    batchNormalizationIndices.map { index in
      let layer = layers[index] as! BatchNormalization<Scalar>
      guard let mean = layer.batchMean, let variance = layer.batchVariance else {
        preconditionFailure(
          "lastBatchStatistics: the batch normalization at layer \(index) has not seen a training batch; train a step first"
        )
      }
      return MeanAndVariance(mean: mean, variance: variance)
    }
  }

  /// Each batch-normalization layer's running mean and running variance (what inference
  /// mode normalizes with); setting it replaces them, one entry per layer in order.
  public var runningStatistics: [MeanAndVariance<Scalar>] {
    get {
      batchNormalizationIndices.map { index in
        let layer = layers[index] as! BatchNormalization<Scalar>
        return MeanAndVariance(mean: layer.runningMean, variance: layer.runningVariance)
      }
    }
    set {
      let indices = batchNormalizationIndices
      precondition(
        newValue.count == indices.count,
        "runningStatistics: \(newValue.count) entries for \(indices.count) batch-normalization layers"
      )
      for (index, statistics) in zip(indices, newValue) {
        var layer = layers[index] as! BatchNormalization<Scalar>
        precondition(
          statistics.featureCount == layer.featureCount,
          "runningStatistics: \(statistics.featureCount) features for the layer at \(index), which has \(layer.featureCount)"
        )
        layer.runningMean = statistics.mean
        layer.runningVariance = statistics.variance
        layers[index] = layer
      }
    }
  }

  /// The statistics each batch-normalization layer would compute if all of `inputs` were
  /// one training batch: the population mean and *biased* variance of its input over the
  /// data set, with every earlier layer also normalizing by its population statistics —
  /// feature normalization over the whole set, which batch statistics and running averages
  /// both estimate.
  ///
  /// The network is not changed (the pass runs on a copy).
  ///
  /// - Parameter inputs: The data set, `samples × features`, at least 2 rows.
  /// - Returns: One entry per batch-normalization layer, in order.
  /// - Complexity: One forward pass over `inputs`.
  public func populationStatistics(of inputs: Matrix<Scalar>) -> [MeanAndVariance<Scalar>] {
    var copy = self
    _ = copy.forward(inputs, mode: .training)
    return copy.lastBatchStatistics
  }
}
