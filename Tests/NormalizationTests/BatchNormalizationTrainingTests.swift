import TensorCore
import Testing
import Training

@testable import Normalization

/// The lesson's claim, measured: on TensorCore's badly scaled regression set
/// (x₁ ∈ [0, 1), x₂ ∈ [100, 200)), the same network with batch normalization
/// reaches a lower training loss than without it. To be fair to the plain
/// network, which diverges at learning rates the normalized one handles, each
/// network gets its best final loss over the same grid of learning rates.
/// Fixed seeds; the same initial Dense weights in both networks.
/// Measured (Double, 20 epochs): plain best 0.0551 at η = 1e-6 (1e-5: 0.089,
/// 1e-7: 0.27, η ≥ 1e-3 diverges or dies at 0.165), with batch norm best 0.0041
/// at η = 0.1; the grid brackets both optima.
@Suite struct BatchNormalizationTrainingTests {
  static let learningRates: [Double] = [0.3, 0.1, 0.03, 0.01, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7]

  func bestLoss(withBatchNormalization: Bool, data: Dataset<Double>) -> Double {
    var best = Double.infinity
    for learningRate in Self.learningRates {
      var generator = SeededGenerator(seed: 17)
      let first = Dense<Double>(inputCount: 2, outputCount: 16, generator: &generator)
      let last = Dense<Double>(inputCount: 16, outputCount: 1, generator: &generator)
      let layers: [any Layer<Double>] =
        withBatchNormalization
        ? [
          BatchNormalization(featureCount: 2), first, BatchNormalization(featureCount: 16),
          Activation(.relu), last,
        ]
        : [first, Activation(.relu), last]
      var network = Sequential(layers, loss: .meanSquaredError)
      // 256 samples in batches of 32: no batch of one in training mode.
      let history = train(
        &network, on: data, epochs: 20, batchSize: 32, learningRate: { _ in learningRate },
        generator: &generator)
      let loss = history.last.trainingLoss
      if loss.isFinite { best = min(best, loss) }
    }
    return best
  }

  @Test func batchNormalizationTrainsToALowerLoss() {
    var generator = SeededGenerator(seed: 3)
    let data = Dataset<Double>.differentlyScaledFeatures(
      count: 256, noise: 0.05, generator: &generator)
    let plain = bestLoss(withBatchNormalization: false, data: data)
    let normalized = bestLoss(withBatchNormalization: true, data: data)
    print("best training loss: plain \(plain), with batch normalization \(normalized)")
    // The noise alone gives a loss of about 0.05² = 0.0025; require a clear win.
    #expect(normalized < plain / 2, "plain \(plain), with batch normalization \(normalized)")
  }
}
