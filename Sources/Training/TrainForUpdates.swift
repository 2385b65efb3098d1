import Optimizers
import TensorCore

/// One point of the loss curve that
/// ``train(_:on:batchSize:updates:measureEvery:optimizer:generator:)`` returns.
public struct LossCurvePoint<Scalar: TensorScalar>: Sendable, Equatable {
  /// The number of updates made so far.
  public var updates: Int
  /// The number of samples whose gradients were computed so far (a short last batch of an
  /// epoch counts its own size).
  public var samples: Int
  /// Wall-clock seconds spent on the updates so far: gradients and optimizer steps, not the
  /// loss measurements. Machine-dependent: never part of checked output.
  public var seconds: Double
  /// The loss on the whole training set after those updates (inference mode).
  public var loss: Scalar
}

/// Trains `network` for a number of *updates* (not epochs) on mini-batches, re-shuffled before
/// every epoch, and returns the training loss against updates, samples and wall-clock time.
///
/// This is the loop for comparisons at equal updates (a batch of 16 and the full batch, 200
/// updates each) and for the picture of *Dive into Deep Learning*'s minibatch section: the
/// training loss against the time spent, one curve per batch size. The clock runs only
/// while gradients are computed and steps are taken, so measuring the loss does not count.
///
///     var descent = try Lecture.GradientDescent<Double>(learningRate: 0.1)
///     let curve = train(
///       &network, on: training, batchSize: 16, updates: 200, measureEvery: 50,
///       optimizer: &descent, generator: &generator)
///     curve.map(\.updates)   // [0, 50, 100, 150, 200]
///     curve.last!.samples    // 3200
///
/// An epoch's batches come from `training.batchIndices(size:generator:)` (a last batch
/// smaller than `batchSize` included); the run stops after `updates` updates, in the middle
/// of an epoch if need be.
///
/// - Parameters:
///   - network: The network to train, updated in place.
///   - training: The training set.
///   - batchSize: Samples per mini-batch (the whole set when it is at least `training.count`).
///   - updates: The number of optimizer steps, at least 1.
///   - measureEvery: Measure the training loss after every this many updates (and always
///     before the first and after the last); `nil` (the default): only before and after.
///   - optimizer: The update rule, stepped once per mini-batch with its own learning rate.
///   - generator: The seeded generator that shuffles the batches.
/// - Returns: The points, in order: updates 0, `measureEvery`, 2·`measureEvery`, …, `updates`.
/// - Complexity: `updates` gradients on batches of `batchSize`, plus one forward pass over the
///   training set per point.
@discardableResult
public func train<Scalar: TensorScalar>(
  _ network: inout Sequential<Scalar>,
  on training: Dataset<Scalar>,
  batchSize: Int,
  updates: Int,
  measureEvery: Int? = nil,
  optimizer: inout some Optimizer<Scalar>,
  generator: inout SeededGenerator
) -> [LossCurvePoint<Scalar>] {
  precondition(batchSize > 0, "train: batchSize \(batchSize) must be positive")
  precondition(updates > 0, "train: updates \(updates) must be positive")
  precondition(training.count > 0, "train: the training set is empty")
  let every = measureEvery ?? updates
  precondition(every > 0, "train: measureEvery \(every) must be positive")
  let clock = ContinuousClock()
  var elapsed = Duration.zero
  var done = 0
  var samples = 0
  var points = [
    LossCurvePoint(updates: 0, samples: 0, seconds: 0, loss: network.loss(on: training))
  ]
  while done < updates {
    for indices in training.batchIndices(size: batchSize, generator: &generator) {
      let start = clock.now
      let (_, gradient) = network.lossAndGradient(on: training.samples(at: indices))
      optimizer.step(&network, gradient: gradient)
      elapsed += clock.now - start
      done += 1
      samples += indices.count
      if done % every == 0 || done == updates {
        points.append(
          LossCurvePoint(
            updates: done, samples: samples, seconds: elapsed / .seconds(1),
            loss: network.loss(on: training)))
      }
      if done == updates { break }
    }
  }
  return points
}
