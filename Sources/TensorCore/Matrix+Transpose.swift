/// The transpose of a matrix.
///
///     let m = Matrix<Double>(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
///     m.transposed().storage  // [1, 4, 2, 5, 3, 6]  (a 3×2 matrix)
///
/// A product with a transpose does not need this copy:
/// ``matmul(_:_:transposeA:transposeB:)`` takes transpose flags.
extension Matrix {
  /// Returns the `columns × rows` matrix whose element `(j, i)` is `self[i, j]`.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    result.storage.withUnsafeMutableBufferPointer { target in
      storage.withUnsafeBufferPointer { source in
        for row in 0..<rows {
          for column in 0..<columns {
            target[column * rows + row] = source[row * columns + column]
          }
        }
      }
    }
    return result
  }
}
