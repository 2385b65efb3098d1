import TensorCore
import Testing

@testable import Normalization

/// A matrix of `Scalar` from `Double` rows.
func matrix<Scalar: TensorScalar>(_ rows: [[Double]], as _: Scalar.Type = Scalar.self) -> Matrix<
  Scalar
> {
  Matrix(rows.map { $0.map { Scalar($0) } })
}
