import RealModule

/// The floating-point types TensorCore computes with: `Float` and `Double`.
///
/// Generic numeric code in Descent is written once against this protocol and
/// runs in both precisions. Fast paths (BLAS) are reached through the static
/// requirements that each conforming type implements.
public protocol TensorScalar: BinaryFloatingPoint, Real, Sendable, Codable
where RawSignificand: FixedWidthInteger {}

extension Float: TensorScalar {}
extension Double: TensorScalar {}
