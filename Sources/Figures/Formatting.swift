// Deterministic, locale-free number formatting and XML escaping for SVG output.
//
// Every number that reaches an SVG document goes through one of these functions, so the same
// data always gives the same bytes, whatever the machine's locale.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `10^exponent` as a `Double`, exact for `0...22` and correctly rounded for negative exponents
/// down to `-22` (computed as a division by an exact power).
func power10(_ exponent: Int) -> Double {
  var result = 1.0
  for _ in 0..<abs(exponent) { result *= 10 }
  return exponent >= 0 ? result : 1 / result
}

/// The exponent `e` with `10^e <= x < 10^(e+1)`, for a finite positive `x`.
func decimalExponent(_ x: Double) -> Int {
  precondition(x > 0 && x.isFinite, "decimalExponent needs a finite positive value, got \(x)")
  var e = Int(log10(x).rounded(.down))
  if power10(e) > x { e -= 1 }
  if power10(e + 1) <= x { e += 1 }
  return e
}

/// Formats `value` with at most `decimals` digits after the point, trailing zeros removed.
///
/// `fixed(12.5, decimals: 2)` is `"12.5"`, `fixed(-0.001, decimals: 2)` is `"0"` (never
/// `"-0"`), `fixed(3, decimals: 2)` is `"3"`. Non-finite values become `"0"`; callers drop them
/// before drawing, so this only guards against malformed SVG.
func fixed(_ value: Double, decimals: Int = 2) -> String {
  guard value.isFinite else { return "0" }
  let scale = power10(decimals)
  let scaled = (abs(value) * scale).rounded()
  guard scaled < 9e15 else {
    // Far outside any drawing area; keep it finite and short.
    return value < 0 ? "-9e15" : "9e15"
  }
  let units = Int64(scaled)
  if units == 0 { return "0" }
  let divisor = Int64(scale)
  let whole = units / divisor
  var fraction = units % divisor
  var digits = decimals
  while digits > 0 && fraction % 10 == 0 {
    fraction /= 10
    digits -= 1
  }
  var text = value < 0 ? "-" : ""
  text += String(whole)
  if digits > 0 {
    let fractionText = String(fraction)
    text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
  }
  return text
}

/// Formats `value` with `digits` significant digits, plain for moderate magnitudes and in
/// `e` notation otherwise; trailing zeros are removed.
///
/// `significant(0.031623, digits: 3)` is `"0.0316"`, `significant(58254)` is `"58300"`,
/// `significant(123456789)` is `"1.23e8"`, `significant(2.5e-7)` is `"2.5e-7"`, `significant(0)` is `"0"`.
func significant(_ value: Double, digits: Int = 3) -> String {
  guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
  if value == 0 { return "0" }
  var exponent = decimalExponent(abs(value))
  // Rounding to `digits` may carry into the next power of ten (9.996 → 10.0).
  let rounded = (abs(value) / power10(exponent - digits + 1)).rounded()
  if rounded >= power10(digits) { exponent += 1 }
  if exponent >= -4 && exponent < 6 {
    if exponent >= digits {
      // Whole numbers longer than `digits`: round away the extra digits (58254 → 58300).
      let unit = power10(exponent - digits + 1)
      return fixed((value / unit).rounded() * unit, decimals: 0)
    }
    return fixed(value, decimals: max(0, digits - 1 - exponent))
  }
  let mantissa = value / power10(exponent)
  return fixed(mantissa, decimals: digits - 1) + "e" + String(exponent)
}

/// Escapes text for an XML text node or attribute value: `&`, `<`, `>`, `"` and `'` become
/// entities, and control characters that XML 1.0 forbids are dropped.
func escapeXML(_ text: String) -> String {
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&#39;"
    case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
    default:
      if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}

/// The base-10 logarithm (a free function, so types with a `log10` member can call it).
func logarithm10(_ x: Double) -> Double {
  log10(x)
}

/// `10^x` for a real exponent.
func power10Fraction(_ x: Double) -> Double {
  pow(10, x)
}
