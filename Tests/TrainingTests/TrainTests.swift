import TensorCore
import Testing

@testable import Training

@Suite struct TrainTests {
  /// The acceptance test: the digits MLP 64-32-10 reaches at least 90 %
  /// validation accuracy with a fixed seed (plain SGD, η = 0.1, batch 32).
  /// A broken backward pass stays near chance (10 %), so 90 % is a real bar.
  @Test func digitsMultilayerPerceptronReachesNinetyPercent() throws {
    var generator = SeededGenerator(seed: 2026)
    let digits = try Dataset<Float>.digits()
    let (training, validation) = digits.split(validationFraction: 0.2, generator: &generator)
    var network = Sequential<Float>(
      [
        Dense(inputCount: 64, outputCount: 32, generator: &generator),
        Activation(.relu),
        Dense(inputCount: 32, outputCount: 10, generator: &generator),
      ], loss: .softmaxCrossEntropy)
    let history = train(
      &network, on: training, validation: validation, epochs: 15, batchSize: 32,
      learningRate: { _ in 0.1 }, generator: &generator)
    let accuracy = try #require(history.last.validationAccuracy)
    #expect(accuracy >= 0.9, "validation accuracy \(accuracy)")
    #expect(history.records.count == 16)
    #expect(history.last.steps == 15 * ((training.count + 31) / 32))
    // Training makes progress: the loss falls from about ln 10 ≈ 2.3.
    #expect(history.trainingLosses.first! > 1.5)
    #expect(history.trainingLosses.last! < 0.3)
  }

  @Test func scheduleAndUpdateRuleAreCalledPerStep() {
    var generator = SeededGenerator(seed: 3)
    let data = Dataset<Double>.linearRegression(
      count: 10, slope: 2, intercept: 1, noise: 0, generator: &generator)
    var network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    var scheduledSteps: [Int] = []
    var seenEpochs: [Int] = []
    var seenParameters: [[Double]] = []
    var receivedRates: [Double] = []
    let history = train(
      &network, on: data, epochs: 2, batchSize: 4,
      learningRate: { step in
        scheduledSteps.append(step)
        return 0.1 / Double(step + 1)
      },
      generator: &generator,
      update: { parameters, gradient, rate in
        receivedRates.append(rate)
        gradientDescentUpdate(&parameters, gradient, rate)
      },
      onEpoch: { record, network in
        seenEpochs.append(record.epoch)
        seenParameters.append(network.parameters)
      })
    // 10 samples in batches of 4: 3 steps per epoch (4, 4, 2).
    #expect(scheduledSteps == [0, 1, 2, 3, 4, 5])
    // The rates are passed through unchanged, so == compares identical values.
    #expect(receivedRates == (0..<6).map { 0.1 / Double($0 + 1) })
    #expect(history.records.map(\.epoch) == [0, 1, 2])
    #expect(history.records.map(\.steps) == [0, 3, 6])
    #expect(history.last.trainingAccuracy == nil)  // regression: no accuracy
    #expect(seenEpochs == [0, 1, 2])
    #expect(seenParameters.last == network.parameters)  // the same stored values
    #expect(seenParameters.first != seenParameters.last)
  }

  @Test func gradientDescentFitsALine() {
    // y = 1 + 2x without noise: the MSE minimum is w = 2, b = 1 exactly. Full-batch
    // gradient descent with η = 0.5 on x ∈ [−1, 1) contracts the error geometrically
    // (Hessian eigenvalues between about 0.5 and 2.2 here, so the rate is at most
    // max|1 − η·λ| ≈ 0.75 per step); after 200 steps it is far below 1e-6.
    var generator = SeededGenerator(seed: 5)
    let data = Dataset<Double>.linearRegression(
      count: 16, slope: 2, intercept: 1, noise: 0, generator: &generator)
    var network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    train(
      &network, on: data, epochs: 200, batchSize: 16, learningRate: { _ in 0.5 },
      generator: &generator)
    let dense = network.layers[0] as! Dense<Double>
    #expect(abs(dense.weights[0, 0] - 2) < 1e-6)
    #expect(abs(dense.bias[0] - 1) < 1e-6)
  }

  @Test func sameSeedSameHistory() {
    func run() -> [Double] {
      var generator = SeededGenerator(seed: 9)
      let data = Dataset<Double>.twoMoons(countPerClass: 30, noise: 0.1, generator: &generator)
      var network = Sequential<Double>(
        [
          Dense(inputCount: 2, outputCount: 8, generator: &generator), Activation(.tanh),
          Dense(inputCount: 8, outputCount: 2, generator: &generator),
        ])
      return train(&network, on: data, epochs: 3, batchSize: 8, generator: &generator)
        .trainingLosses
    }
    // Same seed, same machine: bit-identical by construction.
    #expect(run() == run())
  }
}

@Suite struct TrainDropLastTests {
  /// 10 samples in batches of 4 give batches of 4, 4 and 2; with `dropLast` the batch of 2
  /// is skipped, so each epoch takes 2 steps instead of 3 (counted by hand).
  @Test func dropLastSkipsTheShortBatch() {
    var generator = SeededGenerator(seed: 5)
    let data = Dataset<Double>.linearRegression(
      count: 10, slope: 2, intercept: 1, noise: 0, generator: &generator)
    var network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    var updateCount = 0
    let history = train(
      &network, on: data, epochs: 3, batchSize: 4, dropLast: true, generator: &generator,
      update: { parameters, gradient, rate in
        updateCount += 1
        gradientDescentUpdate(&parameters, gradient, rate)
      })
    #expect(updateCount == 6)
    #expect(history.last.steps == 6)
  }
}
