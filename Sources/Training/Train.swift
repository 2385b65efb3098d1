import Optimizers
import TensorCore

/// Trains `network` with an optimizer on mini-batches, re-shuffled before every epoch, and
/// returns the per-epoch history — the few-line training loop of the lessons.
///
/// Each step takes the next mini-batch, computes the loss and the flat gradient
/// (``/TensorCore/Sequential/lossAndGradient(inputs:targets:)``) and lets `optimizer` take one
/// step.
/// The step uses the optimizer's own ``/Optimizers/Optimizer/learningRate`` unless a
/// `schedule` gives the rate of each step:
///
///     var generator = SeededGenerator(seed: 1)
///     var optimizer = try Adam<Double>()   // η = 0.001, Adam's default
///     let history = train(
///       &network, on: training, validation: validation, epochs: 20, batchSize: 32,
///       optimizer: &optimizer, generator: &generator)
///     print(history.last.validationAccuracy!)
///
///     var descent = try StochasticGradientDescent<Double>(learningRate: 0.1, momentum: 0.9)
///     let schedule = LearningRateSchedule.cosineDecay(initial: 0.1, final: 0, steps: 300)
///     train(&network, on: training, epochs: 10, batchSize: 32, optimizer: &descent,
///           schedule: schedule.rate(Double.self), generator: &generator)
///
/// The optimizer's state carries over from one call to the next (call its `reset()` to
/// start afresh), and can be read afterwards. For an update rule that is not an
/// ``/Optimizers/Optimizer``, use
/// ``train(_:on:validation:epochs:batchSize:dropLast:generator:onEpoch:update:)``.
///
/// - Parameters:
///   - network: The network to train, updated in place.
///   - training: The training set.
///   - validation: An optional validation set, evaluated after every epoch.
///   - epochs: The number of passes over the training set.
///   - batchSize: Samples per mini-batch (the last batch of an epoch may be smaller).
///   - dropLast: Whether to skip an epoch's last batch when it is smaller than `batchSize`
///     (batch normalization cannot train on a batch of one sample). Default `false`.
///   - optimizer: The update rule, stepped once per mini-batch; its state advances.
///   - schedule: The learning rate η of step `t` of this call (0-based, counted over all
///     epochs). `nil` (the default) keeps the optimizer's own learning rate.
///   - generator: The seeded generator that shuffles the batches.
///   - onStep: Called after every update with the number of updates so far in this call
///     (1, 2, …) and the network, e.g. to measure the loss within an epoch.
///   - onEpoch: Called with each record as it is made (epoch 0 included) and the network
///     at that point, e.g. to print progress or to measure the network between epochs.
/// - Returns: The history, `epochs + 1` records.
/// - Complexity: `epochs` · (training set size / `batchSize`) steps of about three forward
///   passes each, plus one evaluation pass per epoch over both sets.
@discardableResult
public func train<Scalar: TensorScalar>(
  _ network: inout Sequential<Scalar>,
  on training: Dataset<Scalar>,
  validation: Dataset<Scalar>? = nil,
  epochs: Int,
  batchSize: Int,
  dropLast: Bool = false,
  optimizer: inout some Optimizer<Scalar>,
  schedule: ((Int) -> Scalar)? = nil,
  generator: inout SeededGenerator,
  onStep: (Int, Sequential<Scalar>) -> Void = { _, _ in },
  onEpoch: (EpochRecord<Scalar>, Sequential<Scalar>) -> Void = { _, _ in }
) -> TrainingHistory<Scalar> {
  trainingLoop(
    &network, on: training, validation: validation, epochs: epochs, batchSize: batchSize,
    dropLast: dropLast, generator: &generator, onStep: onStep, onEpoch: onEpoch
  ) { parameters, gradient, step in
    let rate = schedule?(step) ?? optimizer.learningRate
    optimizer.step(&parameters, gradient: gradient, learningRate: rate)
    return rate
  }
}

/// Trains `network` on mini-batches with a hand-written update rule, re-shuffled before
/// every epoch, and returns the per-epoch history.
///
/// `update` receives the flat parameters, the gradient of the mini-batch and the step
/// number `t` (0-based over all epochs), and changes the parameters — a rule the lesson
/// writes out, or an optimizer step with something in between:
///
///     var velocity = [Double](repeating: 0, count: network.parameterCount)
///     train(&network, on: training, epochs: 5, batchSize: 16, generator: &generator) {
///       parameters, gradient, _ in
///       for i in parameters.indices {
///         velocity[i] = 0.9 * velocity[i] - 0.1 * gradient[i]
///         parameters[i] += velocity[i]
///       }
///     }
///
///     train(&network, on: training, epochs: 5, batchSize: 16, generator: &generator) {
///       parameters, gradient, _ in
///       optimizer.step(&parameters, gradient: clipping.clipped(gradient))
///     }
///
/// No learning rate is handed to `update`: the rule holds its own. The records'
/// ``EpochRecord/learningRate`` is `nil`.
///
/// - Parameters:
///   - network: The network to train, updated in place.
///   - training: The training set.
///   - validation: An optional validation set, evaluated after every epoch.
///   - epochs: The number of passes over the training set.
///   - batchSize: Samples per mini-batch (the last batch of an epoch may be smaller).
///   - dropLast: Whether to skip an epoch's last batch when it is smaller than `batchSize`.
///     Default `false`.
///   - generator: The seeded generator that shuffles the batches.
///   - onEpoch: Called with each record as it is made (epoch 0 included) and the network
///     at that point.
///   - update: The update rule `(parameters, gradient, t)`.
/// - Returns: The history, `epochs + 1` records.
/// - Complexity: As for the optimizer form.
@discardableResult
public func train<Scalar: TensorScalar>(
  _ network: inout Sequential<Scalar>,
  on training: Dataset<Scalar>,
  validation: Dataset<Scalar>? = nil,
  epochs: Int,
  batchSize: Int,
  dropLast: Bool = false,
  generator: inout SeededGenerator,
  onEpoch: (EpochRecord<Scalar>, Sequential<Scalar>) -> Void = { _, _ in },
  update: (_ parameters: inout [Scalar], _ gradient: [Scalar], _ step: Int) -> Void
) -> TrainingHistory<Scalar> {
  trainingLoop(
    &network, on: training, validation: validation, epochs: epochs, batchSize: batchSize,
    dropLast: dropLast, generator: &generator, onStep: { _, _ in }, onEpoch: onEpoch,
    update: { parameters, gradient, step in
      update(&parameters, gradient, step)
      return nil
    })
}

/// The loop both forms of `train` share: batches, gradients, evaluation and records.
/// `update` changes the parameters at step `t` and returns the learning rate it used, if
/// it knows one.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
private func trainingLoop<Scalar: TensorScalar>(
  _ network: inout Sequential<Scalar>, on training: Dataset<Scalar>,
  validation: Dataset<Scalar>?, epochs: Int, batchSize: Int, dropLast: Bool,
  generator: inout SeededGenerator, onStep: (Int, Sequential<Scalar>) -> Void,
  onEpoch: (EpochRecord<Scalar>, Sequential<Scalar>) -> Void,
  update: (inout [Scalar], [Scalar], Int) -> Scalar?
) -> TrainingHistory<Scalar> {
  precondition(epochs >= 0, "train: epochs \(epochs) must not be negative")
  precondition(batchSize > 0, "train: batchSize \(batchSize) must be positive")
  precondition(training.count > 0, "train: the training set is empty")
  precondition(
    !dropLast || batchSize <= training.count,
    "train: dropLast with batchSize \(batchSize) > \(training.count) samples leaves no batch")
  var history = TrainingHistory<Scalar>()
  var steps = 0
  let initial = evaluate(
    network, training: training, validation: validation, epoch: 0, steps: 0)
  history.records.append(initial)
  onEpoch(initial, network)
  let clock = ContinuousClock()
  for epoch in stride(from: 1, through: epochs, by: 1) {
    var batchLossTotal: Scalar = 0
    var lastRate: Scalar?
    let elapsed = clock.measure {
      for indices in training.batchIndices(
        size: batchSize, dropLast: dropLast, generator: &generator)
      {
        let (loss, gradient) = network.lossAndGradient(on: training.samples(at: indices))
        batchLossTotal += loss * Scalar(indices.count)
        var parameters = network.parameters
        lastRate = update(&parameters, gradient, steps)
        network.parameters = parameters
        steps += 1
        onStep(steps, network)
      }
    }
    var record = evaluate(
      network, training: training, validation: validation, epoch: epoch, steps: steps)
    record.meanBatchLoss = batchLossTotal / Scalar(training.count)
    record.learningRate = lastRate
    record.seconds = elapsed / .seconds(1)
    history.records.append(record)
    onEpoch(record, network)
  }
  return history
}

/// Measures the network on whole data sets in inference mode.
///
/// - Parameters:
///   - network: The network to measure (unchanged).
///   - training: The training set.
///   - validation: The validation set, if any.
///   - epoch: The epoch number to record.
///   - steps: The number of updates so far.
/// - Returns: A record with losses and, for class labels, accuracies.
/// - Complexity: One forward pass over each set.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func evaluate<Scalar: TensorScalar>(
  _ network: Sequential<Scalar>, training: Dataset<Scalar>, validation: Dataset<Scalar>?,
  epoch: Int, steps: Int
) -> EpochRecord<Scalar> {
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  func measure(_ data: Dataset<Scalar>) -> (loss: Scalar, accuracy: Scalar?) {
    let outputs = network.predict(data.inputs)
    let loss = network.lossFunction.value(output: outputs, targets: data.targets)
    return (loss, data.labels.map { accuracy(outputs: outputs, labels: $0) })
  }
  let trainingMeasures = measure(training)
  let validationMeasures = validation.map(measure)
  return EpochRecord(
    epoch: epoch, steps: steps, trainingLoss: trainingMeasures.loss,
    validationLoss: validationMeasures?.loss, trainingAccuracy: trainingMeasures.accuracy,
    validationAccuracy: validationMeasures?.accuracy ?? nil)
}
