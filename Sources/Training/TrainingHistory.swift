import TensorCore

/// The per-epoch record of a training run: `records[0]` is the state before
/// training, `records[e]` the state after epoch `e`.
///
///     let history = train(&network, on: training, validation: validation,
///                         epochs: 20, batchSize: 32, generator: &generator)
///     history.trainingLosses      // 21 values, epoch 0 … 20
///     history.last.validationAccuracy
public struct TrainingHistory<Scalar: TensorScalar>: Sendable, Equatable {
  /// One record per epoch, starting with epoch 0 (before any update).
  public var records: [EpochRecord<Scalar>]

  /// Creates a history from records.
  ///
  /// - Parameter records: The records, epoch 0 first.
  public init(records: [EpochRecord<Scalar>] = []) {
    self.records = records
  }

  /// The record after the last epoch.
  public var last: EpochRecord<Scalar> {
    guard let record = records.last else { preconditionFailure("TrainingHistory is empty") }
    return record
  }

  /// The training loss of every record, epoch 0 first.
  public var trainingLosses: [Scalar] { records.map(\.trainingLoss) }

  /// The validation loss of every record (empty without a validation set).
  public var validationLosses: [Scalar] { records.compactMap(\.validationLoss) }

  /// The training accuracy of every record (empty for regression).
  public var trainingAccuracies: [Scalar] { records.compactMap(\.trainingAccuracy) }

  /// The validation accuracy of every record (empty without a validation set or for regression).
  public var validationAccuracies: [Scalar] { records.compactMap(\.validationAccuracy) }

  /// The epoch with the lowest validation loss (the early-stopping point), or
  /// `nil` without a validation set.
  public var bestValidationEpoch: Int? {
    records.filter { $0.validationLoss != nil }.min {
      $0.validationLoss! < $1.validationLoss!
    }?.epoch
  }
}
