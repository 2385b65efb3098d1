import TensorCore

/// Bad input to a normalization: what went wrong, and how to fix it.
///
/// The throwing entry points (``Standardizer/init(fitting:)``,
/// ``BatchNormalization/forwardChecked(_:mode:)``,
/// ``LayerNormalization/forwardChecked(_:mode:)``) report these; the
/// non-throwing `forward(_:mode:)` of the layers stops on the same conditions
/// with a precondition whose message is this error's ``description``.
public enum NormalizationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Training-mode batch normalization got a batch with fewer than two samples:
  /// the variance of one value is undefined (PyTorch: "Expected more than 1
  /// value per channel when training").
  case batchTooSmall(rows: Int, featureCount: Int)
  /// The input has `actual` feature columns where `expected` were set up or fitted.
  case featureCountMismatch(expected: Int, actual: Int)
  /// An input value is NaN or infinite (the first one found, 0-based).
  case nonFiniteInput(row: Int, column: Int)
  /// There are no samples to fit statistics on.
  case emptyData(featureCount: Int)

  /// A message that says what is wrong and how to fix it.
  public var description: String {
    switch self {
    case .batchTooSmall(let rows, let featureCount):
      return
        "batch normalization in training mode needs at least 2 samples per batch, got \(rows)×\(featureCount): "
        + "the variance of one value is undefined (PyTorch: \"Expected more than 1 value per channel when training\"); "
        + "use a larger batch, drop the last short batch, or run in .inference mode"
    case .featureCountMismatch(let expected, let actual):
      return
        "input has \(actual) features (columns), but the normalization was set up for \(expected); "
        + "pass a batch × \(expected) matrix"
    case .nonFiniteInput(let row, let column):
      return
        "input value at row \(row), column \(column) is not finite (NaN or infinity); "
        + "running statistics were left unchanged; clean or clip the data first"
    case .emptyData(let featureCount):
      return
        "cannot fit statistics on 0 samples (0×\(featureCount)); pass at least one row"
    }
  }
}

/// The first non-finite element of `matrix` as `(row, column)`, or `nil`.
func firstNonFinite<Scalar: TensorScalar>(in matrix: Matrix<Scalar>) -> (row: Int, column: Int)? {
  guard matrix.columns > 0 else { return nil }
  return matrix.storage.withUnsafeBufferPointer { values in
    for index in 0..<values.count where !values[index].isFinite {
      return (index / matrix.columns, index % matrix.columns)
    }
    return nil
  }
}
