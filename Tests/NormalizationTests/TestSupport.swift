import TensorCore
import Testing

@testable import Normalization

/// Expects `actual` and `expected` to agree element-wise within `tolerance`
/// (absolute, plus the same amount relative to |expected|).
func expectClose<Scalar: TensorScalar>(
  _ actual: [Scalar], _ expected: [Double], tolerance: Double,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    actual.count == expected.count, "count \(actual.count) vs \(expected.count)",
    sourceLocation: sourceLocation)
  for (index, (a, e)) in zip(actual, expected).enumerated() {
    let error = abs(Double(a) - e)
    #expect(
      error <= tolerance * (1 + abs(e)),
      "element \(index): \(a) vs \(e) (error \(error), tolerance \(tolerance)) \(comment?.description ?? "")",
      sourceLocation: sourceLocation)
  }
}

/// A matrix of `Scalar` from `Double` rows.
func matrix<Scalar: TensorScalar>(_ rows: [[Double]], as _: Scalar.Type = Scalar.self) -> Matrix<
  Scalar
> {
  Matrix(rows.map { $0.map { Scalar($0) } })
}
