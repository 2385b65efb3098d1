/// Element-wise arithmetic between matrices of the same shape, and between a
/// matrix and a scalar.
///
///     let a = Matrix<Double>(rows: 1, columns: 2, storage: [1, 2])
///     let b = Matrix<Double>(rows: 1, columns: 2, storage: [10, 20])
///     (a + b).storage  // [11, 22]
///     (a * b).storage  // [10, 40]  (element-wise, not the matrix product)
///     (2 * a).storage  // [2, 4]
///
/// The matrix product is ``matmul(_:_:transposeA:transposeB:)``.
extension Matrix {
  /// Stops with a message naming both shapes unless `self` and `other` have the same shape.
  @inlinable
  func checkSameShape(as other: Matrix, operation: String) {
    precondition(
      rows == other.rows && columns == other.columns,
      "Matrix \(operation): shapes \(rows)×\(columns) and \(other.rows)×\(other.columns) differ")
  }

  /// Applies `combine` to corresponding elements of two matrices of the same shape.
  @inlinable
  func combined(
    with other: Matrix, operation: String, _ combine: (Scalar, Scalar) -> Scalar
  ) -> Matrix {
    checkSameShape(as: other, operation: operation)
    var result = self
    result.storage.withUnsafeMutableBufferPointer { target in
      other.storage.withUnsafeBufferPointer { source in
        for index in target.indices { target[index] = combine(target[index], source[index]) }
      }
    }
    return result
  }

  /// Returns the matrix with `transform` applied to every element.
  ///
  ///     Matrix<Double>(rows: 1, columns: 2, storage: [1, -2]).map { $0 * $0 }.storage  // [1, 4]
  ///
  /// - Parameter transform: The function applied to each element.
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public func map(_ transform: (Scalar) throws -> Scalar) rethrows -> Matrix {
    Matrix(rows: rows, columns: columns, storage: try storage.map(transform))
  }

  /// Element-wise sum; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func + (left: Matrix, right: Matrix) -> Matrix {
    left.combined(with: right, operation: "+", +)
  }

  /// Element-wise difference; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func - (left: Matrix, right: Matrix) -> Matrix {
    left.combined(with: right, operation: "-", -)
  }

  /// Element-wise (Hadamard) product; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func * (left: Matrix, right: Matrix) -> Matrix {
    left.combined(with: right, operation: "*", *)
  }

  /// Element-wise quotient; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func / (left: Matrix, right: Matrix) -> Matrix {
    left.combined(with: right, operation: "/", /)
  }

  /// Adds `right` element-wise to `left`; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func += (left: inout Matrix, right: Matrix) {
    left.checkSameShape(as: right, operation: "+=")
    left.storage.withUnsafeMutableBufferPointer { target in
      right.storage.withUnsafeBufferPointer { source in
        for index in target.indices { target[index] += source[index] }
      }
    }
  }

  /// Subtracts `right` element-wise from `left`; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func -= (left: inout Matrix, right: Matrix) {
    left.checkSameShape(as: right, operation: "-=")
    left.storage.withUnsafeMutableBufferPointer { target in
      right.storage.withUnsafeBufferPointer { source in
        for index in target.indices { target[index] -= source[index] }
      }
    }
  }

  /// Multiplies `left` element-wise by `right`; the shapes must match.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func *= (left: inout Matrix, right: Matrix) {
    left.checkSameShape(as: right, operation: "*=")
    left.storage.withUnsafeMutableBufferPointer { target in
      right.storage.withUnsafeBufferPointer { source in
        for index in target.indices { target[index] *= source[index] }
      }
    }
  }

  /// The matrix with every element negated.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static prefix func - (matrix: Matrix) -> Matrix {
    matrix.map { -$0 }
  }

  /// Adds `scalar` to every element.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func + (matrix: Matrix, scalar: Scalar) -> Matrix {
    matrix.map { $0 + scalar }
  }

  /// Subtracts `scalar` from every element.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func - (matrix: Matrix, scalar: Scalar) -> Matrix {
    matrix.map { $0 - scalar }
  }

  /// Multiplies every element by `scalar`.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func * (matrix: Matrix, scalar: Scalar) -> Matrix {
    matrix.map { $0 * scalar }
  }

  /// Multiplies every element by `scalar`.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func * (scalar: Scalar, matrix: Matrix) -> Matrix {
    matrix.map { scalar * $0 }
  }

  /// Divides every element by `scalar`.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func / (matrix: Matrix, scalar: Scalar) -> Matrix {
    matrix.map { $0 / scalar }
  }

  /// Multiplies every element of `matrix` by `scalar` in place.
  ///
  /// - Complexity: O(`rows` · `columns`).
  @inlinable
  public static func *= (matrix: inout Matrix, scalar: Scalar) {
    matrix.storage.withUnsafeMutableBufferPointer { values in
      for index in values.indices { values[index] *= scalar }
    }
  }
}
