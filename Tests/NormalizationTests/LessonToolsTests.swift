import Foundation
import TensorCore
import TestSupport
import Testing

@testable import Normalization

/// The library functions Lesson 6 calls: `LinearLeastSquares`, `percentiles`,
/// `RunningStatistics`, the batch-norm statistics of a `Sequential` and `activationSignals`.
/// Reference values are worked by hand in the comments.
@Suite struct LinearLeastSquaresTests {
  /// y = 2x + 1 on x = 0, 1, 2: the exact fit has zero loss.
  let line = LinearLeastSquares(inputs: Matrix<Double>([[0], [1], [2]]), targets: [1, 3, 5])

  @Test func lossGradientAndHessianByHand() {
    // Loss at the exact fit is 0; at p = 0 the residuals are −1, −3, −5: (1 + 9 + 25)/3.
    #expect(isClose(line.loss([2, 1]), 0, absoluteTolerance: 1e-15))
    #expect(isClose(line.loss([0, 0]), 35.0 / 3, tolerance: 1e-14))
    // ∇L(0) = (2/3)·[Σ rₙxₙ, Σ rₙ] = (2/3)·[−13, −9].
    #expect(isClose(line.gradient([0, 0]), [-26.0 / 3, -6], tolerance: 1e-14))
    #expect(isClose(line.gradient([2, 1]), [0.0, 0], absoluteTolerance: 1e-14))
    // H = (2/3)·[[Σx², Σx], [Σx, N]] = (2/3)·[[5, 3], [3, 3]].
    let h = line.hessian
    #expect(isClose(h.storage, [10.0 / 3, 2, 2, 2], tolerance: 1e-14))
    #expect(isClose(line.curvatures, [10.0 / 3, 2], tolerance: 1e-14))
    #expect(line.parameterCount == 2)
  }

  /// On two features, the gradient against central differences of the loss, and the Hessian
  /// against differences of the gradient (exact for a quadratic: ∇L(p) − ∇L(0) = H·p).
  @Test func gradientAndHessianAgreeWithTheLoss() {
    let problem = LinearLeastSquares(
      inputs: Matrix<Double>([[0.5, 120], [0.1, 180], [0.9, 150], [0.3, 110]]),
      targets: [1, -2, 0.5, 3])
    let p = [0.7, -0.01, 0.4]
    let gradient = problem.gradient(p)
    for i in 0..<3 {
      // The loss is quadratic, so the central difference is exact up to rounding:
      // ε·L/h ≈ 1e-16·10/1e-4 = 1e-11 of a gradient of order 1e2.
      let h = 1e-4
      var up = p
      var down = p
      up[i] += h
      down[i] -= h
      let difference = (problem.loss(up) - problem.loss(down)) / (2 * h)
      #expect(isClose(gradient[i], difference, tolerance: 1e-7), "parameter \(i)")
    }
    let g0 = problem.gradient([0, 0, 0])
    let h = problem.hessian
    for i in 0..<3 {
      let hp = (0..<3).reduce(0.0) { $0 + h[i, $1] * p[$1] }
      #expect(isClose(gradient[i] - g0[i], hp, tolerance: 1e-10), "row \(i)")
      // The diagonal is the curvature along each parameter, 2 for the bias.
      #expect(isClose(problem.curvatures[i], h[i, i], tolerance: 1e-14))
    }
    #expect(isClose(problem.curvatures[2], 2, tolerance: 1e-15))
  }

  /// min_b L(w, b) is the variance of yₙ − w·xₙ.
  @Test func lossWithBestBias() {
    // w = 0: the variance of 1, 3, 5 is (4 + 0 + 4)/3.
    #expect(isClose(line.lossWithBestBias(weights: [0]), 8.0 / 3, tolerance: 1e-14))
    // w = 2: residuals all −1, variance 0 (b = 1 absorbs them).
    #expect(isClose(line.lossWithBestBias(weights: [2]), 0, absoluteTolerance: 1e-14))
    // w = 1: residuals yₙ − xₙ = 1, 2, 3, variance 2/3; and it is the loss at b = mean = 2.
    #expect(isClose(line.lossWithBestBias(weights: [1]), 2.0 / 3, tolerance: 1e-14))
    #expect(isClose(line.loss([1, 2]), 2.0 / 3, tolerance: 1e-14))
  }
}

@Suite struct PercentilesTests {
  @Test func nearestRankWithoutInterpolation() {
    // Sorted 1…5; indices 0.15·4 = 0.6 → 1, 0.5·4 = 2, 0.85·4 = 3.4 → 3.
    #expect(percentiles([5.0, 1, 4, 2, 3], at: [0.15, 0.5, 0.85]) == [2, 3, 4])
    #expect(percentiles([5.0, 1, 4, 2, 3], at: [0, 1]) == [1, 5])
    // Even count: 0.5·3 = 1.5 rounds away from zero to index 2, the upper middle value
    // (numpy's "nearest" would round to even, index 2 as well here; at 0.5·(n−1) = 2.5 it
    // differs: ours 3, numpy 2).
    #expect(percentiles([4.0, 1, 3, 2], at: [0.5]) == [3])
    #expect(percentiles([6.0, 1, 5, 2, 4, 3], at: [0.5]) == [4])
    // One value: every fraction gives it.
    #expect(percentiles([7.0], at: [0, 0.3, 1]) == [7, 7, 7])
  }
}

@Suite struct RunningStatisticsTests {
  /// The doc comment's example, worked by hand.
  @Test func oneUpdateByHand() {
    var pytorch = RunningStatistics<Double>(
      featureCount: 1, convention: .pytorch(momentum: 0.5))
    pytorch.update(with: MeanAndVariance(mean: [4], variance: [2]), batchSize: 2)
    // mean 0.5·0 + 0.5·4; variance 0.5·1 + 0.5·(2·2/1) with the unbiased correction 2/1.
    #expect(isClose(pytorch.statistics.mean, [2.0], tolerance: 1e-15))
    #expect(isClose(pytorch.statistics.variance, [2.5], tolerance: 1e-15))
    #expect(pytorch.batchCount == 1)
    // Keras with momentum 0.5 gives the new batch 1 − 0.5 and averages the biased variance:
    // 0.5·1 + 0.5·2.
    var keras = RunningStatistics<Double>(featureCount: 1, convention: .keras(momentum: 0.5))
    keras.update(with: MeanAndVariance(mean: [4], variance: [2]), batchSize: 2)
    #expect(isClose(keras.statistics.mean, [2.0], tolerance: 1e-15))
    #expect(isClose(keras.statistics.variance, [1.5], tolerance: 1e-15))
  }

  /// After k batches of mean μ from a start of 0 the running mean is μ·(1 − (1 − w)^k).
  @Test func forgetsItsStartGeometrically() {
    var running = RunningStatistics<Double>(featureCount: 2, convention: .pytorchDefault)
    for _ in 0..<44 {
      running.update(with: MeanAndVariance(mean: [5, -1], variance: [4, 4]), batchSize: 8)
    }
    let remaining = 1 - pow(0.9, 44.0)
    // 44 multiply-adds round at most ~44 ulps.
    #expect(isClose(running.statistics.mean, [5 * remaining, -remaining], tolerance: 1e-13))
    // Variance: from 1 towards the unbiased 4·8/7, by the same factor.
    let target = 4.0 * 8 / 7
    #expect(
      isClose(
        running.statistics.variance[0], target + (1 - target) * pow(0.9, 44.0), tolerance: 1e-13))
    #expect(running.batchCount == 44)
  }

  /// The same update as the layer's own running averages, to the last bit (one shared
  /// formula), for either convention.
  @Test func matchesTheLayer() {
    for convention in [RunningStatisticsConvention.pytorch(momentum: 0.3), .keras(momentum: 0.8)] {
      var layer = BatchNormalization<Double>(featureCount: 2, convention: convention)
      var running = RunningStatistics<Double>(featureCount: 2, convention: convention)
      var generator = SeededGenerator(seed: 5)
      for _ in 0..<10 {
        let batch = Matrix<Double>.normal(rows: 6, columns: 2, using: &generator)
        _ = layer.forward(batch, mode: .training)
        running.update(
          with: MeanAndVariance(mean: layer.batchMean!, variance: layer.batchVariance!),
          batchSize: 6)
      }
      // Same operations in the same order: a tolerance of zero ulps, stated as 0.
      #expect(isClose(running.statistics.mean, layer.runningMean, absoluteTolerance: 0))
      #expect(isClose(running.statistics.variance, layer.runningVariance, absoluteTolerance: 0))
    }
  }
}

@Suite struct SequentialBatchNormalizationTests {
  /// Dense(identity) → BN → sigmoid → Dense(identity) → BN: the first BN sees the batch itself.
  func network() -> Sequential<Double> {
    let identity = Matrix<Double>([[1, 0], [0, 1]])
    return Sequential([
      Dense(weights: identity), BatchNormalization(featureCount: 2), Activation(.sigmoid),
      Dense(weights: identity), BatchNormalization(featureCount: 2),
    ])
  }
  /// Means 3 and 140; variances (4 + 1 + 0 + 9)/4 = 3.5 and (1600 + 100 + 400 + 2500)/4 = 1150.
  let batch = Matrix<Double>([[1, 100], [2, 150], [3, 120], [6, 190]])

  @Test func statisticsOfTheLayers() {
    var network = network()
    #expect(network.batchNormalizationIndices == [1, 4])
    let population = network.populationStatistics(of: batch)
    #expect(isClose(population[0].mean, [3.0, 140], tolerance: 1e-14))
    #expect(isClose(population[0].variance, [3.5, 1150], tolerance: 1e-14))
    // The second layer sees sigmoid of a normalized input with γ = 1, β = 0: its mean over
    // the batch is the mean of σ(ẑ). Check one column by hand from the first layer's ẑ.
    let zHat = [1.0, 2, 3, 6].map { ($0 - 3) / (3.5 + 1e-5).squareRoot() }
    let sigmoids = zHat.map { (z: Double) -> Double in 1 / (1 + exp(-z)) }
    let sigmoidMean = sigmoids.reduce(0, +) / 4
    #expect(isClose(population[1].mean[0], sigmoidMean, tolerance: 1e-14))
    // populationStatistics ran on a copy: the running statistics are still the start.
    #expect(isClose(network.runningStatistics[0].mean, [0.0, 0], absoluteTolerance: 0))
    #expect(isClose(network.runningStatistics[0].variance, [1.0, 1], absoluteTolerance: 0))
    // A training pass records the same batch statistics.
    _ = network.forward(batch, mode: .training)
    #expect(isClose(network.lastBatchStatistics[0].variance, [3.5, 1150], tolerance: 1e-14))
    #expect(isClose(network.lastBatchStatistics[1].mean, population[1].mean, tolerance: 1e-14))
  }

  /// Setting the running statistics to the batch's own makes inference equal training on it.
  @Test func settingRunningStatistics() {
    var network = network()
    let population = network.populationStatistics(of: batch)
    network.runningStatistics = population
    #expect(
      isClose(network.runningStatistics[1].variance, population[1].variance, absoluteTolerance: 0))
    var copy = network
    let inference = network.forward(batch, mode: .inference)
    let training = copy.forward(batch, mode: .training)
    // Same formula (x − μ)/√(σ² + ε) with the same μ and σ²: equal to rounding.
    #expect(isClose(inference.storage, training.storage, absoluteTolerance: 1e-12))
  }
}

@Suite struct ActivationSignalsTests {
  /// x → Dense(identity) → sigmoid → Dense(w) with the mean squared error: the sigmoid's input
  /// is x itself, so ∂L/∂z is the gradient of the loss with respect to the inputs.
  func network() -> Sequential<Double> {
    Sequential(
      [
        Dense(weights: Matrix<Double>([[1, 0], [0, 1]])), Activation(.sigmoid),
        Dense(weights: Matrix<Double>([[0.5], [-2]]), bias: [0.1]),
      ], loss: .meanSquaredError)
  }

  @Test func forwardSignalAndMeanSlope() {
    // σ′(0) = 1/4 and σ′(ln 3) = σ(1 − σ) = (3/4)(1/4) = 3/16: mean (1/4 + 3/16)/2 = 7/32.
    let inputs = Matrix<Double>([[0, log(3)]])
    let signals = network().activationSignals(inputs: inputs)
    #expect(signals.count == 1)
    #expect(signals[0].layerIndex == 1)
    #expect(signals[0].function == ActivationFunction.sigmoid)
    #expect(isClose(signals[0].input.storage, inputs.storage, tolerance: 1e-15))
    #expect(isClose(signals[0].meanSlope, 7.0 / 32, tolerance: 1e-15))
    #expect(signals[0].inputGradient == nil)
  }

  @Test func gradientAgreesWithFiniteDifferences() {
    let inputs = Matrix<Double>([[0.3, -1.2], [2, 0.5], [-0.7, 0.1]])
    let targets = Targets<Double>.values(Matrix([[1], [0], [-1]]))
    let net = network()
    let gradient = net.activationSignals(inputs: inputs, targets: targets)[0].inputGradient!
    // Central differences, h = 1e-5: truncation ~h² ≈ 1e-10, rounding ~1e-16/1e-5 ≈ 1e-11.
    for index in inputs.storage.indices {
      let h = 1e-5
      var up = inputs
      var down = inputs
      up.storage[index] += h
      down.storage[index] -= h
      let difference =
        (net.loss(inputs: up, targets: targets) - net.loss(inputs: down, targets: targets))
        / (2 * h)
      #expect(
        isClose(gradient.storage[index], difference, absoluteTolerance: 1e-8), "entry \(index)")
    }
  }
}
