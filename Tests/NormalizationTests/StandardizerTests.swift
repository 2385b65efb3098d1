import TensorCore
import TestSupport
import Testing

@testable import Normalization

/// Reference values: scikit-learn's StandardScaler on the same data
/// (Tools/bench/reference/normalization_reference.py, section "Standardizer").
/// Tolerance: 1e-12 for Double (a handful of roundings on values of order 10),
/// 1e-5 for Float (a few ulps of float32 at that size).
@Suite struct StandardizerTests {
  static let data: [[Double]] = [
    [1, 10, -3], [3, 10, 0.5], [5, 10, 2], [10, 10, 7.25],
  ]

  func check<Scalar: TensorScalar>(_: Scalar.Type, tolerance: Double) throws {
    let data: Matrix<Scalar> = matrix(Self.data)
    let standardizer = try Standardizer(fitting: data)
    expectClose(standardizer.mean, [4.75, 10, 1.6875], tolerance: tolerance)
    // σ of the constant middle column is 0, and its scale is 1 (sklearn's scale_).
    expectClose(
      standardizer.standardDeviation, [3.344772040064913, 0, 3.688559169919875],
      tolerance: tolerance)
    expectClose(
      standardizer.scale, [3.344772040064913, 1, 3.688559169919875], tolerance: tolerance)
    expectClose(
      standardizer.transform(data).storage,
      [
        -1.1211526391279039, 0, -1.2708214194383722, -0.5232045649263551, 0, -0.321941426257721,
        0.07474350927519359, 0, 0.08472142796255815, 1.5696136947790653, 0, 1.508041417733535,
      ], tolerance: tolerance)
    // New data uses the fitted statistics; the constant feature is only centered.
    expectClose(
      standardizer.transform(matrix([[0, 12, 1]])).storage,
      [-1.4201266762286782, 2, -0.18638714151762795], tolerance: tolerance)
    // Inverse transform undoes transform.
    expectClose(
      standardizer.inverseTransform(standardizer.transform(data)).storage,
      Self.data.flatMap { $0 }, tolerance: tolerance)
  }

  @Test func matchesScikitLearnDouble() throws { try check(Double.self, tolerance: 1e-12) }
  @Test func matchesScikitLearnFloat() throws { try check(Float.self, tolerance: 1e-5) }

  /// The doc-comment example: σ of [1, 3, 5] is √(8/3) by hand.
  @Test func documentationExample() throws {
    let standardizer = try Standardizer(fitting: Matrix<Double>([[1, 10], [3, 10], [5, 10]]))
    expectClose(standardizer.standardDeviation, [(8.0 / 3).squareRoot(), 0], tolerance: 1e-14)
    expectClose(
      standardizer.transform(Matrix([[1, 10]])).storage, [-2 / (8.0 / 3).squareRoot(), 0],
      tolerance: 1e-14)
  }

  /// A constant column whose summed mean is not exactly 0.1 (1000 additions)
  /// would leave rounding noise in σ; it must still count as constant (σ = 0,
  /// scale 1), otherwise transform would blow the noise up to order 1.
  func constantColumn<Scalar: TensorScalar>(_: Scalar.Type, tolerance: Scalar) throws {
    let data = Matrix<Scalar>(rows: 1000, columns: 1, repeating: 0.1)
    let standardizer = try Standardizer(fitting: data)
    // σ and the scale are the literals 0 and 1 chosen by the code, not computed values.
    #expect(standardizer.standardDeviation == [0] && standardizer.scale == [1])
    for value in standardizer.transform(data).storage { #expect(abs(value) <= tolerance) }
  }

  /// μ is the column's value itself, so centering gives 0 up to the tolerance
  /// (stated loosely; the code makes it exactly 0).
  @Test func constantColumnWithRoundingNoiseDouble() throws {
    try constantColumn(Double.self, tolerance: 1e-15)
  }
  @Test func constantColumnWithRoundingNoiseFloat() throws {
    try constantColumn(Float.self, tolerance: 1e-7)
  }

  @Test func badInputThrows() {
    #expect(throws: NormalizationError.emptyData(featureCount: 2)) {
      try Standardizer(fitting: Matrix<Double>(rows: 0, columns: 2))
    }
    #expect(throws: NormalizationError.nonFiniteInput(row: 1, column: 0)) {
      try Standardizer(fitting: Matrix<Double>([[1, 2], [.nan, 3]]))
    }
  }
}
