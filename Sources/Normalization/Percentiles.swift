import TensorCore

/// The values at the given fractions of the way through the sorted values, without
/// interpolation: for fraction p, the value at index `round(p·(n − 1))` (halves away from
/// zero) of the n sorted values. So every result is one of the values; p = 0 gives the
/// smallest, 1 the largest, 0.5 the median (the upper middle value for an even n).
///
///     percentiles([5, 1, 4, 2, 3], at: [0.15, 0.5, 0.85])   // [2, 3, 4]
///
/// (Indices 0.15·4 = 0.6 → 1, 0.5·4 = 2 and 0.85·4 = 3.4 → 3 of `[1, 2, 3, 4, 5]`.) numpy's
/// `np.percentile(values, 100·p, method="nearest")` agrees except at exact halves, which
/// numpy rounds to even.
///
/// - Parameters:
///   - values: At least one finite value.
///   - fractions: Fractions p in [0, 1].
/// - Returns: One value per fraction.
/// - Complexity: O(n log n) for the sort, once for all fractions.
public func percentiles<Scalar: TensorScalar>(_ values: [Scalar], at fractions: [Double])
  -> [Scalar]
{
  precondition(!values.isEmpty, "percentiles: no values")
  let sorted = values.sorted()
  return fractions.map { fraction in
    precondition(
      (0...1).contains(fraction), "percentiles: fraction \(fraction) must lie in [0, 1]")
    return sorted[Int((fraction * Double(sorted.count - 1)).rounded())]
  }
}
