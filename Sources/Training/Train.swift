import TensorCore

/// Trains `network` with mini-batches, re-shuffled before every epoch, and
/// returns the per-epoch history — the few-line training loop of the lessons.
///
/// Each step takes the next mini-batch, computes the loss and the flat gradient
/// (``Sequential/lossAndGradient(inputs:targets:)``), asks the schedule for the
/// learning rate of this step, and calls `update` to change the flat parameter
/// vector. Without `update` the rule is plain gradient descent,
/// `θ ← θ − η·g`.
///
///     var generator = SeededGenerator(seed: 1)
///     let history = train(
///       &network, on: training, validation: validation,
///       epochs: 20, batchSize: 32, learningRate: { _ in 0.1 }, generator: &generator)
///     print(history.last.validationAccuracy!)
///
/// Any optimizer plugs in through `update`, which receives the parameters, the
/// gradient and the scheduled learning rate:
///
///     var momentum = [Double](repeating: 0, count: network.parameterCount)
///     train(&network, on: training, epochs: 5, batchSize: 16, generator: &generator) {
///       parameters, gradient, learningRate in
///       for i in parameters.indices {
///         momentum[i] = 0.9 * momentum[i] - learningRate * gradient[i]
///         parameters[i] += momentum[i]
///       }
///     }
///
/// - Parameters:
///   - network: The network to train, updated in place.
///   - training: The training set.
///   - validation: An optional validation set, evaluated after every epoch.
///   - epochs: The number of passes over the training set.
///   - batchSize: Samples per mini-batch (the last batch of an epoch may be smaller).
///   - dropLast: Whether to skip an epoch's last batch when it is smaller than `batchSize`
///     (batch normalization cannot train on a batch of one sample). Default `false`.
///   - learningRate: The schedule: the learning rate η of step `t` (0-based, counted
///     over all epochs). Default: constant 0.1.
///   - generator: The seeded generator that shuffles the batches.
///   - update: The update rule `(parameters, gradient, learningRate)`; default plain
///     gradient descent.
///   - onEpoch: Called with each record as it is made (epoch 0 included) and the network
///     at that point, e.g. to print progress or to measure the network between epochs.
/// - Returns: The history, `epochs + 1` records.
/// - Complexity: `epochs` · (training set size / `batchSize`) steps of about three forward
///   passes each, plus one evaluation pass per epoch over both sets.
@discardableResult
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func train<Scalar: TensorScalar>(
  _ network: inout Sequential<Scalar>,
  on training: Dataset<Scalar>,
  validation: Dataset<Scalar>? = nil,
  epochs: Int,
  batchSize: Int,
  dropLast: Bool = false,
  learningRate: (Int) -> Scalar = { _ in 0.1 },
  generator: inout SeededGenerator,
  update: (inout [Scalar], [Scalar], Scalar) -> Void = gradientDescentUpdate,
  onEpoch: (EpochRecord<Scalar>, Sequential<Scalar>) -> Void = { _, _ in }
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
    var lastRate: Scalar = 0
    let elapsed = clock.measure {
      for indices in training.batchIndices(
        size: batchSize, dropLast: dropLast, generator: &generator)
      {
        let batch = training.samples(at: indices)
        let (loss, gradient) = network.lossAndGradient(
          inputs: batch.inputs, targets: batch.targets)
        batchLossTotal += loss * Scalar(batch.count)
        lastRate = learningRate(steps)
        var parameters = network.parameters
        update(&parameters, gradient, lastRate)
        network.parameters = parameters
        steps += 1
      }
    }
    var record = evaluate(
      network, training: training, validation: validation, epoch: epoch, steps: steps)
    record.meanBatchLoss = batchLossTotal / Scalar(training.count)
    record.learningRate = lastRate
    record.seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    history.records.append(record)
    onEpoch(record, network)
  }
  return history
}

/// Plain gradient descent, `θ ← θ − η·g`: the default update rule of
/// ``train(_:on:validation:epochs:batchSize:dropLast:learningRate:generator:update:onEpoch:)``.
///
/// - Parameters:
///   - parameters: The flat parameters θ, updated in place.
///   - gradient: The gradient g, same length.
///   - learningRate: The step size η.
/// - Complexity: O(`parameters.count`).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func gradientDescentUpdate<Scalar: TensorScalar>(
  _ parameters: inout [Scalar], _ gradient: [Scalar], _ learningRate: Scalar
) {
  precondition(
    parameters.count == gradient.count,
    "gradientDescentUpdate: \(parameters.count) parameters but \(gradient.count) gradient values")
  for index in parameters.indices { parameters[index] -= learningRate * gradient[index] }
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
    let loss = network.loss.value(output: outputs, targets: data.targets)
    return (loss, data.labels.map { accuracy(outputs: outputs, labels: $0) })
  }
  let trainingMeasures = measure(training)
  let validationMeasures = validation.map(measure)
  return EpochRecord(
    epoch: epoch, steps: steps, trainingLoss: trainingMeasures.loss,
    validationLoss: validationMeasures?.loss, trainingAccuracy: trainingMeasures.accuracy,
    validationAccuracy: validationMeasures?.accuracy ?? nil)
}
