import Optimizers
import TensorCore
import TestSupport
import Testing

@testable import Training

@Suite("Training for a number of updates, with the loss against updates, samples and time")
struct TrainForUpdatesTests {
  /// Ten samples of y = 2x + 1 and a one-weight linear model.
  func problem() -> (Sequential<Double>, Dataset<Double>) {
    var generator = SeededGenerator(seed: 3)
    let data = Dataset<Double>.linearRegression(
      count: 10, slope: 2, intercept: 1, noise: 0, generator: &generator)
    let network = Sequential<Double>(
      [Dense(inputCount: 1, outputCount: 1, generator: &generator)], loss: .meanSquaredError)
    return (network, data)
  }

  @Test("Points at 0, every 3 updates and the last; samples count the short last batch")
  func pointsAndSamples() throws {
    let (start, data) = problem()
    var network = start
    var descent = try Lecture.GradientDescent<Double>(learningRate: 0.05)
    var generator = SeededGenerator(seed: 1)
    let curve = train(
      &network, on: data, batchSize: 4, updates: 7, measureEvery: 3, optimizer: &descent,
      generator: &generator)
    #expect(curve.map(\.updates) == [0, 3, 6, 7])
    // By hand: an epoch of 10 samples in batches of 4 is 4 + 4 + 2; update 7 is the first
    // batch of the third epoch.
    #expect(curve.map(\.samples) == [0, 10, 20, 24])
    #expect(descent.stepCount == 7)
    #expect(curve.first!.seconds == 0)
    #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })
  }

  @Test("The losses are those of the same loop written out, with the same shuffles")
  func sameAsHandWrittenLoop() throws {
    let (start, data) = problem()
    var network = start
    var reference = start
    var descent = try Lecture.GradientDescent<Double>(learningRate: 0.05)
    var generator = SeededGenerator(seed: 1)
    let curve = train(
      &network, on: data, batchSize: 4, updates: 5, measureEvery: 1, optimizer: &descent,
      generator: &generator)
    var referenceDescent = try Lecture.GradientDescent<Double>(learningRate: 0.05)
    var referenceGenerator = SeededGenerator(seed: 1)
    var losses = [reference.loss(on: data)]
    outer: while true {
      for indices in data.batchIndices(size: 4, generator: &referenceGenerator) {
        let (_, gradient) = reference.lossAndGradient(on: data.samples(at: indices))
        referenceDescent.step(&reference, gradient: gradient)
        losses.append(reference.loss(on: data))
        if losses.count == 6 { break outer }
      }
    }
    // The same operations in the same order: equal to the last bit (tolerance 0).
    #expect(isClose(curve.map(\.loss), losses, tolerance: 0))
    #expect(isClose(network.parameters, reference.parameters, tolerance: 0))
    // And the loss falls (η = 0.05 is stable for this problem).
    #expect(curve.last!.loss < curve.first!.loss)
  }

  @Test("Without measureEvery: only the start and the end")
  func startAndEnd() throws {
    let (start, data) = problem()
    var network = start
    var descent = try StochasticGradientDescent<Double>(learningRate: 0.05, momentum: 0.5)
    var generator = SeededGenerator(seed: 2)
    let curve = train(
      &network, on: data, batchSize: 10, updates: 4, optimizer: &descent,
      generator: &generator)
    #expect(curve.map(\.updates) == [0, 4])
    #expect(curve.map(\.samples) == [0, 40])
  }
}
