import Optimizers
import TensorCore
import TestSupport
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
    var descent = try Lecture.GradientDescent<Float>(learningRate: 0.1)
    let history = train(
      &network, on: training, validation: validation, epochs: 15, batchSize: 32,
      optimizer: &descent, generator: &generator)
    let accuracy = try #require(history.last.validationAccuracy)
    #expect(accuracy >= 0.9, "validation accuracy \(accuracy)")
    #expect(history.records.count == 16)
    #expect(history.last.steps == 15 * ((training.count + 31) / 32))
    // Training makes progress: the loss falls from about ln 10 ≈ 2.3.
    #expect(history.trainingLosses.first! > 1.5)
    #expect(history.trainingLosses.last! < 0.3)
  }

  @Test func scheduleAndUpdateRuleAreCalledPerStep() throws {
    var generator = SeededGenerator(seed: 3)
    let data = Dataset<Double>.linearRegression(
      count: 10, slope: 2, intercept: 1, noise: 0, generator: &generator)
    var network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    var scheduledSteps: [Int] = []
    var seenEpochs: [Int] = []
    var seenParameters: [[Double]] = []
    let recorder = RateRecorder()
    var optimizer = RecordingDescent(learningRate: 1, recorder: recorder)
    let history = train(
      &network, on: data, epochs: 2, batchSize: 4, optimizer: &optimizer,
      schedule: { step in
        scheduledSteps.append(step)
        return 0.1 / Double(step + 1)
      },
      generator: &generator,
      onEpoch: { record, network in
        seenEpochs.append(record.epoch)
        seenParameters.append(network.parameters)
      })
    let receivedRates = recorder.rates
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

  @Test func gradientDescentFitsALine() throws {
    // y = 1 + 2x without noise: the MSE minimum is w = 2, b = 1 exactly. Full-batch
    // gradient descent with η = 0.5 on x ∈ [−1, 1) contracts the error geometrically
    // (Hessian eigenvalues between about 0.5 and 2.2 here, so the rate is at most
    // max|1 − η·λ| ≈ 0.75 per step); after 200 steps it is far below 1e-6.
    var generator = SeededGenerator(seed: 5)
    let data = Dataset<Double>.linearRegression(
      count: 16, slope: 2, intercept: 1, noise: 0, generator: &generator)
    var network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    var descent = try Lecture.GradientDescent<Double>(learningRate: 0.5)
    train(
      &network, on: data, epochs: 200, batchSize: 16, optimizer: &descent,
      generator: &generator)
    let dense = network.layers[0] as! Dense<Double>
    #expect(abs(dense.weights[0, 0] - 2) < 1e-6)
    #expect(abs(dense.bias[0] - 1) < 1e-6)
  }

  @Test func sameSeedSameHistory() throws {
    func run() throws -> [Double] {
      var generator = SeededGenerator(seed: 9)
      let data = Dataset<Double>.twoMoons(countPerClass: 30, noise: 0.1, generator: &generator)
      var network = Sequential<Double>(
        [
          Dense(inputCount: 2, outputCount: 8, generator: &generator), Activation(.tanh),
          Dense(inputCount: 8, outputCount: 2, generator: &generator),
        ])
      var descent = try Lecture.GradientDescent<Double>(learningRate: 0.1)
      return train(
        &network, on: data, epochs: 3, batchSize: 8, optimizer: &descent, generator: &generator
      ).trainingLosses
    }
    // Same seed, same machine: bit-identical by construction.
    #expect(try run() == run())
  }
}

@Suite struct TrainDropLastTests {
  /// 10 samples in batches of 4 give batches of 4, 4 and 2; with `dropLast` the batch of 2
  /// is skipped, so each epoch takes 2 steps instead of 3 (counted by hand).
  @Test func dropLastSkipsTheShortBatch() throws {
    var generator = SeededGenerator(seed: 5)
    let data = Dataset<Double>.linearRegression(
      count: 10, slope: 2, intercept: 1, noise: 0, generator: &generator)
    var network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    var updateCount = 0
    var descent = try Lecture.GradientDescent<Double>(learningRate: 0.1)
    let history = train(
      &network, on: data, epochs: 3, batchSize: 4, dropLast: true, generator: &generator,
      update: { parameters, gradient, _ in
        updateCount += 1
        descent.step(&parameters, gradient: gradient)
      })
    #expect(updateCount == 6)
    #expect(history.last.steps == 6)
  }
}

/// The learning rates a ``RecordingDescent`` was stepped with.
final class RateRecorder {
  var rates: [Double] = []
}

/// Plain gradient descent that records the learning rate of every step, to see what
/// `train` hands the optimizer.
struct RecordingDescent: Optimizer {
  var learningRate: Double
  let recorder: RateRecorder
  var memory = OptimizerMemory<Void>()
  var name: String { "RecordingDescent" }
  func makeState(parameterCount: Int) {}
  func update(
    _ parameters: inout [Double], gradient: [Double], state: inout Void, learningRate: Double,
    step: Int
  ) {
    recorder.rates.append(learningRate)
    for i in parameters.indices { parameters[i] -= learningRate * gradient[i] }
  }
}

@Suite struct TrainWithAnOptimizerTests {
  /// y = 2x + 1 at x = 1, 2, 3, 4, fitted by one Dense unit from w = b = 0 with MSE.
  static func lineNetwork() -> (Sequential<Double>, Dataset<Double>) {
    let network = Sequential<Double>(
      [Dense(weights: Matrix([[0]]), bias: [0])], loss: .meanSquaredError)
    let data = Dataset<Double>(
      inputs: Matrix([[1], [2], [3], [4]]), targets: .values(Matrix([[3], [5], [7], [9]])))
    return (network, data)
  }

  /// Without a schedule, `train` steps Adam with Adam's own η = 0.001 (the trap it replaces
  /// handed every update closure η = 0.1 instead). Three full-batch epochs are three Adam
  /// steps. Reference, computed with numpy (float64) from PyTorch's Adam formula: gradient
  /// (mean of 2(p − y)·x, mean of 2(p − y)) = (−35, −12) at w = b = 0; after 3 steps
  /// w = 0.0029999452459022447, b = 0.002999944099803953. (By hand: each of the first
  /// steps moves w and b by about η = 0.001, since Adam's step is ≈ η·sign(g) while the
  /// gradient barely changes; at η = 0.1 they would be near 0.3.) Tolerance 1e-12: the
  /// batch order is shuffled, so the gradient's sum may round differently from numpy's.
  @Test func adamUsesItsOwnLearningRateWithoutASchedule() throws {
    var (network, data) = Self.lineNetwork()
    var adam = try Adam<Double>()
    var generator = SeededGenerator(seed: 1)
    let history = train(
      &network, on: data, epochs: 3, batchSize: 4, optimizer: &adam, generator: &generator)
    #expect(adam.stepCount == 3)
    #expect(
      isClose(network.parameters, [0.0029999452459022447, 0.002999944099803953], tolerance: 1e-12)
    )
    // The rate the records report is the optimizer's own.
    #expect(history.last.learningRate == adam.learningRate)
  }

  /// A schedule replaces the optimizer's rate step by step: η(t) = 0 for every step leaves
  /// the parameters where they started, whatever Adam's own rate.
  @Test func aScheduleOverridesTheOptimizersRate() throws {
    var (network, data) = Self.lineNetwork()
    var adam = try Adam<Double>(learningRate: 0.5)
    var generator = SeededGenerator(seed: 1)
    let history = train(
      &network, on: data, epochs: 2, batchSize: 2, optimizer: &adam, schedule: { _ in 0 },
      generator: &generator)
    #expect(network.parameters == [0, 0])  // exact: every step is θ − 0·(…)
    #expect(adam.stepCount == 4)
    #expect(history.last.learningRate == 0)
  }

  /// `onStep` sees every update, numbered from 1, with the network after it.
  @Test func onStepSeesEveryUpdate() throws {
    var (network, data) = Self.lineNetwork()
    var descent = try Lecture.GradientDescent<Double>(learningRate: 0.01)
    var generator = SeededGenerator(seed: 1)
    var steps: [Int] = []
    var parameters: [[Double]] = []
    train(
      &network, on: data, epochs: 2, batchSize: 3, optimizer: &descent, generator: &generator,
      onStep: { step, current in
        steps.append(step)
        parameters.append(current.parameters)
      })
    #expect(steps == [1, 2, 3, 4])  // 4 samples in batches of 3: 2 updates per epoch
    #expect(parameters.last == network.parameters)
    #expect(Set(parameters.map { $0.description }).count == 4)  // each update moved θ
  }
}
