import TensorCore

/// A per-feature mean and (biased or unbiased, as the producer says) variance: the
/// statistics a batch-normalization layer computes on a batch, keeps as running averages,
/// or would compute on a whole data set.
public struct MeanAndVariance<Scalar: TensorScalar>: Sendable, Equatable {
  /// The per-feature mean μ.
  public var mean: [Scalar]
  /// The per-feature variance σ².
  public var variance: [Scalar]

  /// Statistics from their two vectors.
  ///
  /// - Parameters:
  ///   - mean: The per-feature mean.
  ///   - variance: The per-feature variance, as many values as `mean`.
  public init(mean: [Scalar], variance: [Scalar]) {
    precondition(
      mean.count == variance.count,
      "MeanAndVariance: \(mean.count) means and \(variance.count) variances; give one of each per feature"
    )
    self.mean = mean
    self.variance = variance
  }

  /// The number of features.
  public var featureCount: Int { mean.count }
}

/// The running (moving) mean and variance of batch normalization, kept apart from a layer:
/// replay the batch statistics a layer saw in training under another convention or
/// momentum, and see what its inference mode would have used.
///
/// Each ``update(with:batchSize:)`` folds one batch's statistics in exactly as
/// ``BatchNormalization`` does in training mode (same formula, same order of operations, so
/// the same bits):
///
///     running mean     ← (1 − w)·running mean + w·μ_B
///     running variance ← (1 − w)·running variance + w·c·σ²_B
///
/// with `w` the convention's ``RunningStatisticsConvention/newBatchWeight`` and `c = N/(N − 1)`
/// when it averages the unbiased variance (PyTorch), else 1 (Keras); μ_B and σ²_B are the
/// batch's mean and *biased* variance, as ``BatchNormalization/batchMean`` and
/// ``BatchNormalization/batchVariance`` hold them. Starting from mean 0 and variance 1, after
/// `k` batches of a stationary input the running mean's expectation is `(1 − (1 − w)^k)·μ`:
/// it forgets its start like `(1 − w)^k` and averages roughly the last `1/w` batches.
///
///     var running = RunningStatistics<Double>(featureCount: 1, convention: .pytorch(momentum: 0.5))
///     running.update(with: MeanAndVariance(mean: [4], variance: [2]), batchSize: 2)
///     running.statistics.mean      // [2]    0.5·0 + 0.5·4
///     running.statistics.variance  // [2.5]  0.5·1 + 0.5·(2·2/1)
public struct RunningStatistics<Scalar: TensorScalar>: Sendable, Equatable {
  /// How the averages are kept (which weight the new batch gets, which variance is averaged).
  public let convention: RunningStatisticsConvention
  /// The running mean and running variance (start: 0 and 1, as in the frameworks).
  public private(set) var statistics: MeanAndVariance<Scalar>
  /// How many batches were folded in.
  public private(set) var batchCount = 0

  /// Running statistics at their starting values: mean 0, variance 1 for every feature.
  ///
  /// - Parameters:
  ///   - featureCount: The number of features, positive.
  ///   - convention: How the averages are kept; its momentum must lie in [0, 1].
  public init(featureCount: Int, convention: RunningStatisticsConvention = .pytorchDefault) {
    precondition(
      featureCount > 0, "RunningStatistics(featureCount: \(featureCount)) needs a positive count")
    precondition(
      (0...1).contains(convention.momentum),
      "RunningStatistics: momentum \(convention.momentum) must lie in [0, 1] (\(convention))")
    self.convention = convention
    self.statistics = MeanAndVariance(
      mean: [Scalar](repeating: 0, count: featureCount),
      variance: [Scalar](repeating: 1, count: featureCount))
  }

  /// Folds one batch's statistics into the running averages.
  ///
  /// - Parameters:
  ///   - batch: The batch's mean and *biased* variance (what ``BatchNormalization`` computes
  ///     in training mode), one value per feature.
  ///   - batchSize: The number of samples N in the batch, at least 2 (the unbiased
  ///     correction divides by N − 1).
  /// - Complexity: O(featureCount).
  public mutating func update(with batch: MeanAndVariance<Scalar>, batchSize: Int) {
    precondition(
      batch.featureCount == statistics.featureCount,
      "RunningStatistics: a batch of \(batch.featureCount) features for \(statistics.featureCount)"
    )
    precondition(
      batchSize >= 2, "RunningStatistics: a batch of \(batchSize) samples; need 2 or more")
    convention.fold(
      batchMean: batch.mean, batchVariance: batch.variance, batchSize: batchSize,
      intoMean: &statistics.mean, variance: &statistics.variance)
    batchCount += 1
  }
}

extension RunningStatisticsConvention {
  /// `running ← (1 − w)·running + w·batch` for the mean, and for the variance with the
  /// unbiased correction `N/(N − 1)` when the convention asks for it: the one place both
  /// ``BatchNormalization`` and ``RunningStatistics`` update their averages.
  func fold<Scalar: TensorScalar>(
    batchMean: [Scalar], batchVariance: [Scalar], batchSize: Int,
    intoMean runningMean: inout [Scalar], variance runningVariance: inout [Scalar]
  ) {
    let weight = Scalar(newBatchWeight)
    let correction = usesUnbiasedVariance ? Scalar(batchSize) / Scalar(batchSize - 1) : 1
    for column in runningMean.indices {
      runningMean[column] = (1 - weight) * runningMean[column] + weight * batchMean[column]
      runningVariance[column] =
        (1 - weight) * runningVariance[column] + weight * batchVariance[column] * correction
    }
  }
}
