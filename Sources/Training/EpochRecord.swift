import TensorCore

/// The measurements of one epoch of
/// ``train(_:on:validation:epochs:batchSize:dropLast:optimizer:schedule:generator:onStep:onEpoch:)``.
///
/// Losses and accuracies are evaluated on whole data sets in inference mode
/// after the epoch's last update, so training and validation numbers are
/// comparable. Accuracies are `nil` for regression (value) targets; validation
/// numbers are `nil` without a validation set.
public struct EpochRecord<Scalar: TensorScalar>: Sendable, Equatable {
  /// The epoch number: 0 for the state before any update, then 1, 2, ….
  public var epoch: Int
  /// The number of parameter updates made so far.
  public var steps: Int
  /// The loss on the whole training set.
  public var trainingLoss: Scalar
  /// The mean of the mini-batch losses seen during the epoch (each computed
  /// before its update, weighted by batch size); `nil` for epoch 0.
  public var meanBatchLoss: Scalar?
  /// The loss on the whole validation set.
  public var validationLoss: Scalar?
  /// The fraction of training samples classified correctly.
  public var trainingAccuracy: Scalar?
  /// The fraction of validation samples classified correctly.
  public var validationAccuracy: Scalar?
  /// The learning rate of the epoch's last update (`nil` for epoch 0, and when a
  /// hand-written update rule trained the network).
  public var learningRate: Scalar?
  /// Wall-clock seconds spent on the epoch's mini-batches (forward, backward and
  /// updates; not the evaluation). Machine-dependent: never part of checked output.
  public var seconds: Double

  /// Creates a record.
  ///
  /// - Parameters:
  ///   - epoch: The epoch number (0 before training).
  ///   - steps: The number of updates so far.
  ///   - trainingLoss: The loss on the training set.
  ///   - meanBatchLoss: The mean mini-batch loss during the epoch.
  ///   - validationLoss: The loss on the validation set.
  ///   - trainingAccuracy: The training accuracy.
  ///   - validationAccuracy: The validation accuracy.
  ///   - learningRate: The learning rate of the last update.
  ///   - seconds: The time spent on mini-batches.
  public init(
    epoch: Int, steps: Int, trainingLoss: Scalar, meanBatchLoss: Scalar? = nil,
    validationLoss: Scalar? = nil, trainingAccuracy: Scalar? = nil,
    validationAccuracy: Scalar? = nil, learningRate: Scalar? = nil, seconds: Double = 0
  ) {
    self.epoch = epoch
    self.steps = steps
    self.trainingLoss = trainingLoss
    self.meanBatchLoss = meanBatchLoss
    self.validationLoss = validationLoss
    self.trainingAccuracy = trainingAccuracy
    self.validationAccuracy = validationAccuracy
    self.learningRate = learningRate
    self.seconds = seconds
  }
}
