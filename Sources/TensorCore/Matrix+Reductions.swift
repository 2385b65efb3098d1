/// Sums, means and variances of a matrix: over all elements, per column (over
/// the rows, i.e. over the samples of a batch; numpy's `axis=0`) and per row
/// (over the columns; numpy's `axis=1`).
///
///     let m = Matrix<Double>(rows: 2, columns: 2, storage: [1, 2, 3, 4])
///     m.sum()             // 10
///     m.columnSums()      // [4, 6]
///     m.rowMeans()        // [1.5, 3.5]
///     m.columnVariances() // [1, 1]   (divides by the row count, like numpy's var)
///
/// Every sum here adds its terms in index order, on one thread, so its result is the same on
/// every processor and for every thread count (unlike a matrix product, whose order is the
/// BLAS kernel's; see ``BLASBackend``).
extension Matrix {
  /// The sum of all elements.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func sum() -> Scalar {
    storage.reduce(0, +)
  }

  /// The mean of all elements; the matrix must not be empty.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func mean() -> Scalar {
    precondition(!storage.isEmpty, "mean() of an empty \(rows)×\(columns) matrix")
    return sum() / Scalar(storage.count)
  }

  /// The sum of each column (over the rows): `columns` values, numpy's `sum(axis=0)`.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func columnSums() -> [Scalar] {
    var sums = [Scalar](repeating: 0, count: columns)
    storage.withUnsafeBufferPointer { source in
      sums.withUnsafeMutableBufferPointer { target in
        for row in 0..<rows {
          let base = row * columns
          for column in 0..<columns { target[column] += source[base + column] }
        }
      }
    }
    return sums
  }

  /// The sum of each row (over the columns): `rows` values, numpy's `sum(axis=1)`.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func rowSums() -> [Scalar] {
    (0..<rows).map { row in
      storage[(row * columns)..<((row + 1) * columns)].reduce(0, +)
    }
  }

  /// The mean of each column (over the rows); needs at least one row.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func columnMeans() -> [Scalar] {
    precondition(rows > 0, "columnMeans() of a matrix with no rows (\(rows)×\(columns))")
    let count = Scalar(rows)
    return columnSums().map { $0 / count }
  }

  /// The mean of each row (over the columns); needs at least one column.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func rowMeans() -> [Scalar] {
    precondition(columns > 0, "rowMeans() of a matrix with no columns (\(rows)×\(columns))")
    let count = Scalar(columns)
    return rowSums().map { $0 / count }
  }

  /// The variance of each column (over the rows), computed around the column mean.
  ///
  /// - Parameter unbiased: If `true`, divides by `rows − 1` (Bessel's correction,
  ///   PyTorch's `var` default); if `false` (the default), by `rows` (numpy's
  ///   `var` default and batch normalization's batch variance).
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func columnVariances(unbiased: Bool = false) -> [Scalar] {
    let divisor = unbiased ? rows - 1 : rows
    precondition(
      divisor > 0,
      "columnVariances(unbiased: \(unbiased)) needs more rows than a \(rows)×\(columns) matrix has")
    let means = columnMeans()
    var sums = [Scalar](repeating: 0, count: columns)
    for row in 0..<rows {
      for column in 0..<columns {
        let deviation = storage[row * columns + column] - means[column]
        sums[column] += deviation * deviation
      }
    }
    return sums.map { $0 / Scalar(divisor) }
  }

  /// The variance of each row (over the columns), computed around the row mean.
  ///
  /// - Parameter unbiased: If `true`, divides by `columns − 1`; if `false` (the
  ///   default), by `columns` (layer normalization's variance).
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func rowVariances(unbiased: Bool = false) -> [Scalar] {
    let divisor = unbiased ? columns - 1 : columns
    precondition(
      divisor > 0,
      "rowVariances(unbiased: \(unbiased)) needs more columns than a \(rows)×\(columns) matrix has"
    )
    let means = rowMeans()
    return (0..<rows).map { row in
      var total: Scalar = 0
      for column in 0..<columns {
        let deviation = storage[row * columns + column] - means[row]
        total += deviation * deviation
      }
      return total / Scalar(divisor)
    }
  }
}
