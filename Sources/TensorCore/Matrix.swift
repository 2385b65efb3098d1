/// A dense, row-major matrix of `rows × columns` scalars.
///
/// In networks a matrix is a batch: one row per sample, one column per feature.
/// A vector is a plain `[Scalar]`.
///
///     let m = Matrix<Double>(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
///     m[1, 0]  // 4
public struct Matrix<Scalar: TensorScalar>: Equatable, Sendable {
  /// Number of rows (samples in a batch).
  public private(set) var rows: Int
  /// Number of columns (features).
  public private(set) var columns: Int
  /// The scalars in row-major order: element `(i, j)` is `storage[i * columns + j]`.
  ///
  /// Element writes such as `m.storage[k] = x` change the array in place (no copy), also
  /// from other modules and in debug builds; the element count must stay `rows * columns`.
  public var storage: [Scalar] {
    get { scalars }
    set {
      checkCount(newValue.count)
      scalars = newValue
    }
    _modify {
      yield &scalars
      checkCount(scalars.count)
    }
  }

  /// The stored scalars. A stored property with a `didSet` observer made every element write
  /// through `storage` copy the whole array in unoptimized builds of other modules
  /// (get-modify-set), so the count check lives in the accessors of `storage` instead.
  @usableFromInline var scalars: [Scalar]

  private func checkCount(_ count: Int) {
    precondition(
      count == rows * columns,
      "Matrix storage has \(count) scalars, but its shape \(rows)×\(columns) needs \(rows * columns)"
    )
  }

  /// Creates a matrix whose every element is `value`.
  public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix shape \(rows)×\(columns) is negative")
    self.rows = rows
    self.columns = columns
    self.scalars = Array(repeating: value, count: rows * columns)
  }

  /// Creates a matrix from row-major scalars; `storage.count` must be `rows * columns`.
  public init(rows: Int, columns: Int, storage: [Scalar]) {
    precondition(rows >= 0 && columns >= 0, "Matrix shape \(rows)×\(columns) is negative")
    precondition(
      storage.count == rows * columns,
      "Matrix storage has \(storage.count) scalars, but its shape \(rows)×\(columns) needs \(rows * columns)"
    )
    self.rows = rows
    self.columns = columns
    self.scalars = storage
  }

  /// The shape as `(rows, columns)`.
  public var shape: (rows: Int, columns: Int) { (rows, columns) }

  /// The element at `row`, `column`.
  public subscript(row: Int, column: Int) -> Scalar {
    get {
      precondition(
        row >= 0 && row < rows && column >= 0 && column < columns,
        "Index (\(row), \(column)) is outside a \(rows)×\(columns) matrix")
      return scalars[row * columns + column]
    }
    set {
      precondition(
        row >= 0 && row < rows && column >= 0 && column < columns,
        "Index (\(row), \(column)) is outside a \(rows)×\(columns) matrix")
      scalars[row * columns + column] = newValue
    }
  }
}
