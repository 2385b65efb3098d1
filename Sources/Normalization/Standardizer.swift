import TensorCore

/// Feature standardization: `x̃ = (x − μ) / σ` per feature (column), with the
/// mean μ and standard deviation σ fitted once on training data and then applied
/// to any data — the feature normalization that makes an elongated error surface
/// round.
///
/// σ is the *biased* standard deviation, `σ = √(Σᵢ (xᵢ − μ)² / N)`, as in
/// scikit-learn's `StandardScaler` (numpy's `std` with `ddof = 0`). A constant
/// feature has σ = 0; instead of dividing by zero its ``scale`` is 1, so the
/// feature becomes all zeros after centering (scikit-learn does the same).
/// A column is constant when all its values are exactly equal; ``init(fitting:)``
/// then records that value as μ and σ = 0 exactly, so no rounding noise from
/// summing (a mean of many 0.1s is not exactly 0.1) is mistaken for spread.
///
///     let data = Matrix<Double>([[1, 10], [3, 10], [5, 10]])
///     let standardizer = try Standardizer(fitting: data)
///     standardizer.mean               // [3, 10]
///     standardizer.standardDeviation  // [1.633, 0]   (√(8/3), constant)
///     standardizer.scale              // [1.633, 1]
///     standardizer.transform(data)    // [[-1.225, 0], [0, 0], [1.225, 0]]
public struct Standardizer<Scalar: TensorScalar>: Sendable, Equatable {
  /// The per-feature mean μ of the fitted data.
  public let mean: [Scalar]
  /// The per-feature biased standard deviation σ of the fitted data (0 for a
  /// constant feature).
  public let standardDeviation: [Scalar]
  /// The per-feature divisor: σ, or 1 where σ is zero.
  public let scale: [Scalar]

  /// The number of features (columns) the standardizer was fitted on.
  public var featureCount: Int { mean.count }

  /// Fits μ and σ of every column of `data` (rows are samples).
  ///
  /// - Parameter data: The training data, `samples × features`, at least one row.
  /// - Throws: ``NormalizationError/emptyData(featureCount:)`` for zero rows,
  ///   ``NormalizationError/nonFiniteInput(row:column:)`` for a NaN or infinity.
  /// - Complexity: O(`data.rows` · `data.columns`).
  public init(fitting data: Matrix<Scalar>) throws {
    guard data.rows > 0 else { throw NormalizationError.emptyData(featureCount: data.columns) }
    if let (row, column) = firstNonFinite(in: data) {
      throw NormalizationError.nonFiniteInput(row: row, column: column)
    }
    var mean = data.columnMeans()
    var deviation = data.columnVariances(unbiased: false).map { $0.squareRoot() }
    let first = data.row(0)
    var isConstant = [Bool](repeating: true, count: data.columns)
    for row in 1..<data.rows {
      for column in 0..<data.columns where data[row, column] != first[column] {
        isConstant[column] = false
      }
    }
    for column in 0..<data.columns where isConstant[column] {
      mean[column] = first[column]
      deviation[column] = 0
    }
    self.init(mean: mean, standardDeviation: deviation)
  }

  /// Creates a standardizer from known statistics.
  ///
  /// - Parameters:
  ///   - mean: The per-feature mean μ.
  ///   - standardDeviation: The per-feature standard deviation σ ≥ 0, as many as `mean`.
  public init(mean: [Scalar], standardDeviation: [Scalar]) {
    precondition(
      mean.count == standardDeviation.count,
      "Standardizer: \(mean.count) means but \(standardDeviation.count) standard deviations")
    precondition(
      standardDeviation.allSatisfy { $0 >= 0 },
      "Standardizer: standard deviations must be ≥ 0, got \(standardDeviation)")
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.scale = standardDeviation.map { $0 == 0 ? 1 : $0 }
  }

  /// Standardizes `data` with the fitted statistics: `(x − μ) / scale` per column.
  ///
  /// - Parameter data: `samples × featureCount`.
  /// - Returns: The standardized data, same shape.
  /// - Complexity: O(`data.rows` · `data.columns`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func transform(_ data: Matrix<Scalar>) -> Matrix<Scalar> {
    checkFeatureCount(of: data, operation: "transform")
    let columns = data.columns
    var result = data.storage
    result.withUnsafeMutableBufferPointer { values in
      mean.withUnsafeBufferPointer { mean in
        scale.withUnsafeBufferPointer { scale in
          for row in 0..<data.rows {
            let base = row * columns
            for column in 0..<columns {
              values[base + column] = (values[base + column] - mean[column]) / scale[column]
            }
          }
        }
      }
    }
    return Matrix(rows: data.rows, columns: columns, storage: result)
  }

  /// Undoes ``transform(_:)``: `x̃ · scale + μ` per column.
  ///
  /// - Parameter data: Standardized data, `samples × featureCount`.
  /// - Returns: The data on its original scale, same shape.
  /// - Complexity: O(`data.rows` · `data.columns`).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func inverseTransform(_ data: Matrix<Scalar>) -> Matrix<Scalar> {
    checkFeatureCount(of: data, operation: "inverseTransform")
    let columns = data.columns
    var result = data.storage
    result.withUnsafeMutableBufferPointer { values in
      mean.withUnsafeBufferPointer { mean in
        scale.withUnsafeBufferPointer { scale in
          for row in 0..<data.rows {
            let base = row * columns
            for column in 0..<columns {
              values[base + column] = values[base + column] * scale[column] + mean[column]
            }
          }
        }
      }
    }
    return Matrix(rows: data.rows, columns: columns, storage: result)
  }

  private func checkFeatureCount(of data: Matrix<Scalar>, operation: String) {
    precondition(
      data.columns == featureCount,
      "Standardizer.\(operation): "
        + NormalizationError.featureCountMismatch(expected: featureCount, actual: data.columns)
        .description)
  }
}
