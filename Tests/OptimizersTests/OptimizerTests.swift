// The protocol's conveniences: stored vs per-step learning rate, stepped, reset, networks,
// and the one-line hook into Training's train(…, optimizer:, schedule:).

import Optimizers
import TensorCore
import TestSupport
import Testing
import Training

@Suite("Optimizer protocol")
struct OptimizerTests {
  /// By hand: Adam's first step moves each coordinate by η·g/(|g| + ε), and m = (1 − β₁)g.
  @Test("The doc example of Optimizer: Adam's first step")
  func docExample() throws {
    var optimizer = try Adam<Double>(learningRate: 0.1)
    var parameters: [Double] = [1, -2]
    optimizer.step(&parameters, gradient: [0.5, -0.25])
    let expected: [Double] = [1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 * 0.25 / (0.25 + 1e-8)]
    #expect(isClose(parameters, expected, tolerance: 1e-15))
    #expect(isClose(optimizer.firstMoment, [0.05, -0.025], tolerance: 1e-15))
  }

  @Test("A per-step learning rate overrides the stored one for that step only")
  func perStepRate() throws {
    var optimizer = try Lecture.GradientDescent<Double>(learningRate: 0.1)
    var theta: [Double] = [1]
    optimizer.step(&theta, gradient: [1], learningRate: 0.5)  // 0.5
    optimizer.step(&theta, gradient: [1])  // 0.4
    #expect(isClose(theta, [0.4], tolerance: 1e-15))
    #expect(optimizer.learningRate == 0.1)
  }

  @Test("stepped leaves the optimizer unchanged; reset clears state")
  func steppedAndReset() throws {
    var optimizer = try StochasticGradientDescent<Double>(learningRate: 0.1, momentum: 0.9)
    let next = optimizer.stepped([1, 2], gradient: [10, -10])
    #expect(isClose(next, [0, 3], tolerance: 1e-15))
    #expect(optimizer.stepCount == 0 && optimizer.momentumBuffer.isEmpty)
    var theta: [Double] = [1, 2]
    optimizer.step(&theta, gradient: [10, -10])
    #expect(optimizer.momentumBuffer.count == 2)
    optimizer.reset()
    #expect(optimizer.stepCount == 0 && optimizer.momentumBuffer.isEmpty)
    // After a reset the first step again stores the raw gradient.
    var other: [Double] = [1, 2]
    optimizer.step(&other, gradient: [10, -10])
    #expect(isClose(other, [0, 3], tolerance: 1e-15))
  }

  /// The network's flat parameters move exactly as the flat vector does.
  @Test("step(&network, gradient:) updates Sequential's flat parameters")
  func network() throws {
    let weights = Matrix<Double>([[0.5, -0.5], [0.25, 1]])
    var network = Sequential<Double>(
      [Dense(weights: weights, bias: [0.1, -0.1])], loss: .meanSquaredError)
    let inputs = Matrix<Double>([[1, 2], [-1, 0.5]])
    let targets = Targets<Double>.values(Matrix([[0, 1], [1, 0]]))
    let (_, gradient) = network.lossAndGradient(inputs: inputs, targets: targets)
    var optimizer = try Adam<Double>(learningRate: 0.01)
    let expected = optimizer.stepped(network.parameters, gradient: gradient)
    optimizer.step(&network, gradient: gradient)
    #expect(isClose(network.parameters, expected, tolerance: 0))
    #expect(optimizer.stepCount == 1)
  }

  /// The one-liner of the API summary: Adam and a schedule in Training's loop. The
  /// optimizer sees every step (stepCount = epochs × batches) and the loss falls on
  /// well-separated blobs.
  @Test("An optimizer and a schedule plug into train in one line each")
  func training() throws {
    var generator = SeededGenerator(seed: 7)
    let data = Dataset<Double>.gaussianBlobs(
      countPerClass: 32, centers: [[-2, 0], [2, 0]], standardDeviation: 0.5,
      generator: &generator)
    var network = Sequential<Double>.multilayerPerceptron(
      layerSizes: [2, 8, 2], activation: .tanh, generator: &generator)
    var optimizer = try Adam<Double>()
    let schedule = LearningRateSchedule.linearWarmup(from: 0, to: 0.05, steps: 8)
    let history = train(
      &network, on: data, epochs: 4, batchSize: 16, optimizer: &optimizer,
      schedule: schedule.rate(Double.self), generator: &generator)
    #expect(optimizer.stepCount == 4 * 4)
    #expect(history.last.trainingLoss < history.records[0].trainingLoss)
  }
}

@Suite("Trajectories for contour plots")
struct TrajectoryTests {
  /// Gradient descent on f = x² + y² with η = 0.25 halves θ each step (θ ← θ − 0.5θ), by
  /// hand: (−4, 2), (−2, 1), (−1, 0.5), (−0.5, 0.25). Exact in binary, tolerance 0.
  @Test("The start plus one point per step")
  func points() throws {
    var optimizer = try Lecture.GradientDescent<Double>(learningRate: 0.25)
    let path = optimizer.trajectory(from: [-4, 2], steps: 3) { p in [2 * p[0], 2 * p[1]] }
    #expect(path.count == 4)
    let expected: [[Double]] = [[-4, 2], [-2, 1], [-1, 0.5], [-0.5, 0.25]]
    for (point, reference) in zip(path, expected) {
      #expect(isClose(point, reference, tolerance: 0))
    }
    #expect(optimizer.stepCount == 3)
  }

  /// With a schedule η(t) = 0.25 for t = 0 and 0 afterwards, only the first step moves.
  @Test("A schedule drives the steps")
  func schedule() throws {
    var optimizer = try Lecture.GradientDescent<Double>(learningRate: 1)
    let path = optimizer.trajectory(
      from: [-4, 2], steps: 3, schedule: { $0 == 0 ? 0.25 : 0 },
      gradient: { p in [2 * p[0], 2 * p[1]] })
    #expect(isClose(path[3], [-2, 1], tolerance: 0))
  }

  /// x⁴ with η = 10 from 1 overflows at the sixth step (see BadInputTests): five finite
  /// steps are kept, so the path has 1 + 5 points.
  @Test("A diverging run ends before the first non-finite point")
  func divergence() throws {
    var optimizer = try Lecture.GradientDescent<Double>(learningRate: 10)
    let path = optimizer.trajectory(from: [1], steps: 50) { p in [4 * p[0] * p[0] * p[0]] }
    #expect(path.count == 6)
    #expect(path.allSatisfy { $0[0].isFinite })
  }

  @Test("Linear scaling rule: 0.1 × 8192/256 = 3.2")
  func linearScaling() {
    let rate = LearningRateSchedule.linearScalingRule(
      baseLearningRate: 0.1, batchSize: 8192, referenceBatchSize: 256)
    #expect(isClose(rate, 3.2, tolerance: 1e-15))
  }
}

@Suite("Descriptions")
struct DescriptionTests {
  @Test("Optimizers print their hyperparameters with the paper's symbols")
  func descriptions() throws {
    #expect("\(try Adam<Double>())" == "Adam(η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-08)")
    #expect(
      "\(try Adam<Float>.adamW())" == "AdamW(η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-08, λ = 0.01)")
    #expect(
      "\(try StochasticGradientDescent<Double>(learningRate: 0.1, momentum: 0.9, nesterov: true))"
        == "StochasticGradientDescent(η = 0.1, μ = 0.9, nesterov)")
    #expect("\(try Lecture.RMSProp<Double>())" == "Lecture.RMSProp(η = 0.01, α = 0.9)")
    #expect(
      "\(try Adagrad<Double>(initialAccumulatorValue: 0.1, epsilon: 1e-7, epsilonPlacement: .insideRoot))"
        == "Adagrad(η = 0.01, s⁰ = 0.1, ε (inside √) = 1e-07)")
  }
}
