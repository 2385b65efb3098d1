/// Row-wise helpers: building a matrix from rows, reading rows, gathering rows
/// (mini-batches), and broadcasting a row vector over every row (biases,
/// normalization statistics).
///
///     let m = Matrix<Double>([[1, 2], [3, 4]])
///     m.row(1)                                  // [3, 4]
///     m.rows(at: [1, 1, 0]).storage             // [3, 4, 3, 4, 1, 2]
///     m.adding(rowVector: [10, 20]).storage     // [11, 22, 13, 24]
extension Matrix {
  /// Creates a matrix from an array of rows of equal length.
  ///
  /// - Parameter rowArrays: The rows; an empty array gives a 0×0 matrix.
  /// - Complexity: O(`rows` · `columns`).
  public init(_ rowArrays: [[Scalar]]) {
    let columnCount = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      precondition(
        row.count == columnCount,
        "Matrix rows differ in length: row 0 has \(columnCount) values, row \(index) has \(row.count)"
      )
    }
    self.init(rows: rowArrays.count, columns: columnCount, storage: rowArrays.flatMap { $0 })
  }

  /// The `n × n` identity matrix.
  ///
  /// - Parameter size: The number of rows and columns.
  /// - Complexity: O(`size`²).
  public static func identity(size: Int) -> Matrix {
    var result = Matrix(rows: size, columns: size)
    for index in 0..<size { result[index, index] = 1 }
    return result
  }

  /// The elements of row `index`.
  ///
  /// - Complexity: O(`columns`).
  public func row(_ index: Int) -> [Scalar] {
    precondition(index >= 0 && index < rows, "Row \(index) is outside a \(rows)×\(columns) matrix")
    return Array(storage[(index * columns)..<((index + 1) * columns)])
  }

  /// The elements of column `index`.
  ///
  /// - Complexity: O(`rows`).
  public func column(_ index: Int) -> [Scalar] {
    precondition(
      index >= 0 && index < columns, "Column \(index) is outside a \(rows)×\(columns) matrix")
    return (0..<rows).map { storage[$0 * columns + index] }
  }

  /// A matrix made of the rows at `indices`, in that order (repeats allowed).
  ///
  /// - Parameter indices: Row indices of `self`.
  /// - Complexity: O(`indices.count` · `columns`).
  @inlinable
  public func rows(at indices: some Collection<Int>) -> Matrix {
    var result = Matrix(rows: indices.count, columns: columns)
    result.storage.withUnsafeMutableBufferPointer { target in
      storage.withUnsafeBufferPointer { source in
        var offset = 0
        for index in indices {
          precondition(
            index >= 0 && index < rows, "Row \(index) is outside a \(rows)×\(columns) matrix")
          let start = index * columns
          for column in 0..<columns { target[offset + column] = source[start + column] }
          offset += columns
        }
      }
    }
    return result
  }

  /// Applies `combine(element, vector[column])` to every element.
  @inlinable
  func broadcasting(
    rowVector vector: [Scalar], operation: String, _ combine: (Scalar, Scalar) -> Scalar
  ) -> Matrix {
    precondition(
      vector.count == columns,
      "Matrix \(operation) row vector: shapes \(rows)×\(columns) and 1×\(vector.count) differ in columns"
    )
    var result = self
    result.storage.withUnsafeMutableBufferPointer { target in
      vector.withUnsafeBufferPointer { vectorBuffer in
        for row in 0..<rows {
          let base = row * columns
          for column in 0..<columns {
            target[base + column] = combine(target[base + column], vectorBuffer[column])
          }
        }
      }
    }
    return result
  }

  /// Adds `vector[j]` to every element of column `j` (a bias added to every sample).
  ///
  /// - Parameter vector: `columns` values.
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func adding(rowVector vector: [Scalar]) -> Matrix {
    broadcasting(rowVector: vector, operation: "+", +)
  }

  /// Subtracts `vector[j]` from every element of column `j`.
  ///
  /// - Parameter vector: `columns` values.
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func subtracting(rowVector vector: [Scalar]) -> Matrix {
    broadcasting(rowVector: vector, operation: "-", -)
  }

  /// Multiplies every element of column `j` by `vector[j]`.
  ///
  /// - Parameter vector: `columns` values.
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func multiplying(rowVector vector: [Scalar]) -> Matrix {
    broadcasting(rowVector: vector, operation: "*", *)
  }

  /// Divides every element of column `j` by `vector[j]`.
  ///
  /// - Parameter vector: `columns` values.
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func dividing(rowVector vector: [Scalar]) -> Matrix {
    broadcasting(rowVector: vector, operation: "/", /)
  }
}
