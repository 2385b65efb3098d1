/// The natural logarithm of a positive, finite `Double`, computed with
/// correctly rounded operations only (+, −, ×, ÷ and exact exponent
/// manipulation), so that it returns bit-identical results on every platform.
/// Platform `log` functions may differ in the last bit, which would make seeded
/// normal draws differ between Linux and macOS.
///
/// Method: write `x = m · 2ᵉ` with `m` in [√½, √2); then
/// `ln x = e · ln 2 + 2 · atanh(f)` with `f = (m − 1)/(m + 1)`, |f| ≤ 0.1716, and
/// the series `atanh f = f + f³/3 + f⁵/5 + …` summed to 14 terms (the next term
/// is below 10⁻²⁰ relative). Accurate to a few units in the last place.
///
///     portableLogarithm(1)           // 0
///     portableLogarithm(2.718281828459045)  // ≈ 1
///
/// - Parameter x: A positive, finite value (subnormals included).
/// - Complexity: O(1).
public func portableLogarithm(_ x: Double) -> Double {
  precondition(x > 0 && x.isFinite, "portableLogarithm(\(x)) needs a positive finite value")
  var exponent = Int(x.exponent)
  var mantissa = x.significand  // in [1, 2), exact
  if mantissa > 1.414_213_562_373_095_1 {
    mantissa /= 2  // exact
    exponent += 1
  }
  let f = (mantissa - 1) / (mantissa + 1)
  let fSquared = f * f
  var sum = 0.0
  for term in stride(from: 27, through: 1, by: -2) {
    sum = sum * fSquared + 1 / Double(term)
  }
  let logMantissa = 2 * f * sum
  // ln 2 split into a high part with trailing zero bits and a small correction,
  // so that exponent · lnTwoHigh is exact for every Double exponent.
  let lnTwoHigh = 6.931_471_803_691_238_164_90e-01
  let lnTwoLow = 1.908_214_929_270_587_700_02e-10
  return Double(exponent) * lnTwoHigh + (logMantissa + Double(exponent) * lnTwoLow)
}
