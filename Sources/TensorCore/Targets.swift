/// What a network's outputs are compared with: integer class labels (for
/// ``Loss/softmaxCrossEntropy``) or a matrix of target values (for
/// ``Loss/meanSquaredError``), one entry or row per sample.
///
///     let labels: Targets<Double> = .classes([0, 2, 1])
///     let values: Targets<Double> = .values(Matrix([[0.5], [1.5]]))
///     labels.count  // 3
public enum Targets<Scalar: TensorScalar>: Sendable, Equatable {
  /// One class index in `0..<classCount` per sample.
  case classes([Int])
  /// One row of target values per sample.
  case values(Matrix<Scalar>)

  /// The number of samples.
  public var count: Int {
    switch self {
    case .classes(let labels): return labels.count
    case .values(let matrix): return matrix.rows
    }
  }

  /// The class labels, or `nil` for value targets.
  public var labels: [Int]? {
    if case .classes(let labels) = self { return labels }
    return nil
  }

  /// The target matrix, or `nil` for class labels.
  public var matrix: Matrix<Scalar>? {
    if case .values(let matrix) = self { return matrix }
    return nil
  }

  /// The targets of the samples at `indices`, in that order.
  ///
  /// - Parameter indices: Sample indices.
  /// - Complexity: O(`indices.count` · columns).
  @_specialize(where Scalar == Float, Indices == ArraySlice<Int>)
  @_specialize(where Scalar == Double, Indices == ArraySlice<Int>)
  public func samples<Indices: Collection<Int>>(at indices: Indices) -> Targets {
    switch self {
    case .classes(let labels): return .classes(indices.map { labels[$0] })
    case .values(let matrix): return .values(matrix.rows(at: indices))
    }
  }
}
