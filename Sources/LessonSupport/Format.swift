// Number formatting for lesson snippets: the same text on every machine and locale, so that a
// recorded output stays true. No Foundation: `String(format:)` depends on the C library.

/// Formats `x` with a fixed number of decimals, rounding half away from zero.
///
///     fixed(3.14159)      // "3.1416"
///     fixed(-0.00004)     // "0.0000" (never "-0.0000")
///     fixed(2.5, 0)       // "3"
///     fixed(.infinity)    // "inf"
///
/// Values too large for the fixed form (|x|·10^digits ≥ 2⁵³, where a `Double` no longer holds
/// every integer) are written by ``scientific(_:_:)-(Double,_)`` instead.
///
/// - Parameters:
///   - x: The value.
///   - digits: Decimals after the point, 0…15. Default 4.
/// - Returns: The text, e.g. `"-12.3400"`; `"nan"`, `"inf"` or `"-inf"` for non-finite values.
public func fixed(_ x: Double, _ digits: Int = 4) -> String {
  precondition((0...15).contains(digits), "fixed: digits \(digits) must be in 0...15")
  guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let scaled = (x.magnitude * scale).rounded()
  guard scaled < 9_007_199_254_740_992 else { return scientific(x, digits) }
  let units = Int64(scaled)
  let power = Int64(scale)
  var text = String(units / power)
  if digits > 0 {
    let fraction = String(units % power)
    text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
  }
  return (x < 0 && scaled != 0 ? "-" : "") + text
}

/// Formats `x` in scientific notation with `digits` decimals in the mantissa.
///
///     scientific(123456)      // "1.235e+5"
///     scientific(-0.00042, 2) // "-4.20e-4"
///     scientific(0)           // "0.000"
///
/// - Parameters:
///   - x: The value.
///   - digits: Decimals of the mantissa, 0…15. Default 3.
/// - Returns: `m.mmm e±k` without padding of the exponent; zero and non-finite values are
///   written as ``fixed(_:_:)-(Double,_)`` writes them.
public func scientific(_ x: Double, _ digits: Int = 3) -> String {
  guard x.isFinite, x != 0 else { return fixed(x, digits) }
  var mantissa = x.magnitude
  var exponent = 0
  while mantissa >= 10 {
    mantissa /= 10
    exponent += 1
  }
  while mantissa < 1 {
    mantissa *= 10
    exponent -= 1
  }
  // Rounding can carry the mantissa to 10.000: renormalize.
  if (mantissa * power(of: digits)).rounded() >= 10 * power(of: digits) {
    mantissa /= 10
    exponent += 1
  }
  return (x < 0 ? "-" : "") + fixed(mantissa, digits) + "e" + (exponent < 0 ? "-" : "+")
    + String(exponent.magnitude)
}

/// Formats a `Float` with a fixed number of decimals; see ``fixed(_:_:)``.
///
/// - Parameters:
///   - x: The value (converted exactly to `Double`).
///   - digits: Decimals after the point. Default 4.
/// - Returns: The text.
@_disfavoredOverload
public func fixed(_ x: Float, _ digits: Int = 4) -> String { fixed(Double(x), digits) }

/// Formats a `Float` in scientific notation; see ``scientific(_:_:)``.
///
/// - Parameters:
///   - x: The value (converted exactly to `Double`).
///   - digits: Decimals of the mantissa. Default 3.
/// - Returns: The text.
@_disfavoredOverload
public func scientific(_ x: Float, _ digits: Int = 3) -> String { scientific(Double(x), digits) }

/// Right-aligns `text` in a column of `width` characters (longer text is kept whole).
///
///     padded("3.1", 6)   // "   3.1"
///
/// - Parameters:
///   - text: The cell's text.
///   - width: The column width in characters.
/// - Returns: The padded text.
public func padded(_ text: String, _ width: Int) -> String {
  String(repeating: " ", count: max(0, width - text.count)) + text
}

/// One line of a table: every cell right-aligned in a column of `width` characters.
///
///     row(["step", fixed(0.5, 2)], width: 6)   // "  step  0.50"
///
/// - Parameters:
///   - cells: The cells, left to right.
///   - width: The width of every column. Default 11.
/// - Returns: The line, without a newline.
public func row(_ cells: [String], width: Int = 11) -> String {
  cells.map { padded($0, width) }.joined()
}

private func power(of digits: Int) -> Double {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return scale
}
