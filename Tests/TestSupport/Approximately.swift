// The tests' one vocabulary for comparing computed floating-point values, built on
// swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`. Values
// are compared in Double, so a Float result can be checked against a Double reference.

import RealModule
import Testing

/// Whether `actual` is within `tolerance` of `expected` — absolutely near zero, relatively
/// away from it: |a − e| ≤ max(t, t·max(|a|, |e|)), swift-numerics'
/// `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)` with both tolerances t.
/// Tolerance 0 asks for equality.
///
///     isClose(1e6 + 1, 1e6, tolerance: 1e-5)   // true: relatively 1e-6
///     isClose(1e-9, 0.0, tolerance: 1e-12)     // false: absolutely 1e-9
///
/// - Parameters:
///   - actual: The computed value.
///   - expected: The reference value.
///   - tolerance: t in [0, 1].
/// - Returns: Whether the two agree within t.
public func isClose<Actual: BinaryFloatingPoint, Expected: BinaryFloatingPoint>(
  _ actual: Actual, _ expected: Expected, tolerance: some BinaryFloatingPoint
) -> Bool {
  Double(actual).isApproximatelyEqual(
    to: Double(expected), absoluteTolerance: Double(tolerance),
    relativeTolerance: Double(tolerance))
}

/// Whether `actual` is within `absoluteTolerance` of `expected`, whatever their size:
/// |a − e| ≤ t (`isApproximatelyEqual(to:absoluteTolerance:)`).
///
/// - Parameters:
///   - actual: The computed value.
///   - expected: The reference value.
///   - absoluteTolerance: t ≥ 0.
/// - Returns: Whether the two agree within t.
public func isClose<Actual: BinaryFloatingPoint, Expected: BinaryFloatingPoint>(
  _ actual: Actual, _ expected: Expected, absoluteTolerance: some BinaryFloatingPoint
) -> Bool {
  Double(actual).isApproximatelyEqual(
    to: Double(expected), absoluteTolerance: Double(absoluteTolerance))
}

/// Whether two vectors have the same length and agree entry by entry, as
/// ``isClose(_:_:tolerance:)-(Actual,Expected,_)`` says.
///
/// - Parameters:
///   - actual: The computed vector.
///   - expected: The reference vector.
///   - tolerance: t in [0, 1], absolute near zero and relative elsewhere.
/// - Returns: Whether every entry agrees.
public func isClose<Actual: BinaryFloatingPoint, Expected: BinaryFloatingPoint>(
  _ actual: [Actual], _ expected: [Expected], tolerance: some BinaryFloatingPoint
) -> Bool {
  actual.count == expected.count
    && zip(actual, expected).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// Whether two vectors have the same length and agree entry by entry within an absolute
/// tolerance.
///
/// - Parameters:
///   - actual: The computed vector.
///   - expected: The reference vector.
///   - absoluteTolerance: t ≥ 0.
/// - Returns: Whether every entry agrees.
public func isClose<Actual: BinaryFloatingPoint, Expected: BinaryFloatingPoint>(
  _ actual: [Actual], _ expected: [Expected], absoluteTolerance: some BinaryFloatingPoint
) -> Bool {
  actual.count == expected.count
    && zip(actual, expected).allSatisfy { isClose($0, $1, absoluteTolerance: absoluteTolerance) }
}

/// Expects two vectors to have the same length and to agree entry by entry within
/// `tolerance` (as ``isClose(_:_:tolerance:)-(Actual,Expected,_)``), and reports each entry
/// that does not, with its index, both values and the error.
///
/// - Parameters:
///   - actual: The computed vector.
///   - expected: The reference vector.
///   - tolerance: t in [0, 1], absolute near zero and relative elsewhere.
///   - comment: Added to each failure, e.g. the case being checked.
///   - sourceLocation: Where the failures are reported.
public func expectClose<Actual: BinaryFloatingPoint, Expected: BinaryFloatingPoint>(
  _ actual: [Actual], _ expected: [Expected], tolerance: some BinaryFloatingPoint,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    actual.count == expected.count, "count \(actual.count) vs \(expected.count)",
    sourceLocation: sourceLocation)
  for (index, (a, e)) in zip(actual, expected).enumerated() {
    #expect(
      isClose(a, e, tolerance: tolerance),
      "entry \(index): \(a) vs \(e) (error \(abs(Double(a) - Double(e))), tolerance \(tolerance)) \(comment?.description ?? "")",
      sourceLocation: sourceLocation)
  }
}
