// How data values map to positions along an axis, and which ticks the axis shows.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How an axis maps data values to positions.
///
/// ```swift
/// var plot = LinePlot(title: "Training loss", xLabel: "epoch", yLabel: "loss", yScale: .log10)
/// ```
///
/// On a `.log10` axis equal ratios take equal space and ticks sit at powers of ten. Values
/// that are not positive have no position on a logarithmic axis: plots skip them like NaN
/// (a line breaks there) and leave them out when choosing the axis range.
public enum AxisScale: Sendable, Hashable {
  /// Equal differences take equal space.
  case linear
  /// Equal ratios take equal space (base-10 logarithm); only positive values are drawn.
  case log10
  /// Logarithmic on both sides of zero and linear near it ("symlog"): a value v sits at
  /// sign(v) · log10(1 + |v| / `linearWidth`). For spectra that span decades and change sign
  /// (Hessian eigenvalues); ticks at 0 and ±10^k for 10^k ≥ 10 · `linearWidth` (closer to
  /// zero their labels would crowd into the 0 label).
  case symmetricLog(linearWidth: Double)
}

/// The text under (or beside) one tick.
enum TickLabel: Equatable {
  /// A minor tick without a label.
  case none
  /// Minus `10` raised to this exponent, drawn with a superscript.
  case negativePowerOfTen(Int)
  /// A decimal number, already formatted.
  case plain(String)
  /// `10` raised to this exponent, drawn with a superscript.
  case powerOfTen(Int)
}

/// A tick: where it is (in data units) and what it says.
struct Tick: Equatable {
  var value: Double
  var label: TickLabel
}

/// An axis ready to draw: its scale, its data range (domain) and its ticks.
struct Axis {
  var scale: AxisScale
  var lower: Double
  var upper: Double
  var ticks: [Tick]

  /// The position of `value` along the axis as a fraction (0 at `lower`, 1 at `upper`), or
  /// `nil` when the value cannot be drawn (NaN, ±∞, or not positive on a log axis). Values
  /// outside the domain give fractions outside `0...1`; the caller clips.
  func fraction(_ value: Double) -> Double? {
    guard let t = Axis.transform(value, scale), let a = Axis.transform(lower, scale),
      let b = Axis.transform(upper, scale), b != a
    else { return nil }
    let f = (t - a) / (b - a)
    // A domain wider than the largest double (−1e308…1e308) has an infinite width.
    return f.isFinite ? f : nil
  }

  /// The value in the scale's working coordinate (itself, or its base-10 logarithm).
  static func transform(_ value: Double, _ scale: AxisScale) -> Double? {
    guard value.isFinite else { return nil }
    switch scale {
    case .linear: return value
    case .log10: return value > 0 ? log10(value) : nil
    case .symmetricLog(let width):
      let t = log10(1 + abs(value) / width)
      return value < 0 ? -t : t
    }
  }

  /// The inverse of `transform`.
  static func inverse(_ t: Double, _ scale: AxisScale) -> Double {
    switch scale {
    case .linear: return t
    case .log10: return power10Fraction(t)
    case .symmetricLog(let width):
      let v = width * (power10Fraction(abs(t)) - 1)
      return t < 0 ? -v : v
    }
  }

  /// Whether `value` can be placed on an axis with this scale.
  static func isDrawable(_ value: Double, _ scale: AxisScale) -> Bool {
    transform(value, scale) != nil
  }

  /// Chooses the domain and ticks for data values, or for a range the user fixed.
  ///
  /// Without a fixed range, a linear axis widens the data range to the nearest multiples of
  /// the tick step and a log axis to whole powers of ten, so the ends carry labelled ticks.
  /// With a fixed range the domain is exactly that range and only the ticks inside it appear.
  ///
  /// - Parameters:
  ///   - scale: Linear or logarithmic.
  ///   - values: Data values along this axis; undrawable ones (NaN, ∞, non-positive on a log
  ///     axis) are ignored.
  ///   - fixedRange: A domain chosen by the user, or `nil` to fit the data.
  ///   - includeZero: Whether a linear axis must show 0 (bar charts and histograms).
  ///   - margin: If positive, the domain is the data range widened by this fraction of its
  ///     span on both sides (in log10 units on a log axis), not widened to whole ticks, so
  ///     no point sits on the frame (scatter plots).
  static func make(
    scale: AxisScale, values: [Double], fixedRange: ClosedRange<Double>? = nil,
    includeZero: Bool = false, margin: Double = 0
  ) -> Axis {
    if case .symmetricLog(let width) = scale {
      precondition(
        width > 0 && width.isFinite, "symmetricLog needs a finite positive linearWidth")
    }
    if let range = fixedRange {
      precondition(
        range.lowerBound.isFinite && range.upperBound.isFinite
          && range.lowerBound < range.upperBound,
        "An axis range needs finite bounds with lower < upper, got \(range)")
      precondition(
        scale != .log10 || range.lowerBound > 0,
        "A log10 axis range must be positive, got \(range)")
      let (lower, upper) = (range.lowerBound, range.upperBound)
      let ticks: [Tick]
      switch scale {
      case .linear: ticks = linearTicks(lower: lower, upper: upper, expand: false).ticks
      case .log10: ticks = logTicks(lower: lower, upper: upper, expand: false).ticks
      case .symmetricLog(let width):
        ticks = symmetricLogTicks(lower: lower, upper: upper, width: width, expand: false).ticks
      }
      return Axis(scale: scale, lower: lower, upper: upper, ticks: ticks)
    }
    var drawable = values.filter { isDrawable($0, scale) }
    if includeZero && scale != .log10 { drawable.append(0) }
    guard var low = drawable.min(), var high = drawable.max() else {
      // Nothing to draw: show an empty unit range.
      return make(scale: scale, values: scale == .log10 ? [1, 10] : [0, 1])
    }
    if low == high {
      switch scale {
      case .linear, .symmetricLog:
        let pad = low == 0 ? 1 : abs(low) / 2
        low -= pad
        high += pad
        if includeZero && drawable.allSatisfy({ $0 >= 0 }) { low = max(low, 0) }
      case .log10:
        low /= 10
        high *= 10
      }
    }
    if margin > 0 {
      // Widen in the scale's working coordinate, so the margin looks the same on any scale.
      let a = transform(low, scale)!
      let b = transform(high, scale)!
      let pad = (b - a) * margin
      return make(
        scale: scale, values: [], fixedRange: inverse(a - pad, scale)...inverse(b + pad, scale))
    }
    let (lower, upper, ticks): (Double, Double, [Tick])
    switch scale {
    case .linear: (lower, upper, ticks) = linearTicks(lower: low, upper: high, expand: true)
    case .log10: (lower, upper, ticks) = logTicks(lower: low, upper: high, expand: true)
    case .symmetricLog(let width):
      (lower, upper, ticks) = symmetricLogTicks(
        lower: low, upper: high, width: width, expand: true)
    }
    return Axis(scale: scale, lower: lower, upper: upper, ticks: ticks)
  }
}

/// A 1-2-5 tick step: `mantissa × 10^exponent` with `mantissa` in {1, 2, 5}.
struct TickStep: Equatable {
  var mantissa: Int
  var exponent: Int

  /// The step as a number.
  var value: Double {
    exponent >= 0
      ? Double(mantissa) * power10(exponent) : Double(mantissa) / power10(-exponent)
  }

  /// `index × step`, computed so that decimal ticks are the nearest doubles to the decimals
  /// (0.3 rather than 0.30000000000000004).
  func multiple(_ index: Int) -> Double {
    exponent >= 0
      ? Double(index * mantissa) * power10(exponent)
      : Double(index * mantissa) / power10(-exponent)
  }

  /// The smallest 1-2-5 step at least `rough`.
  init(atLeast rough: Double) {
    precondition(rough > 0 && rough.isFinite, "A tick step must be finite and positive")
    let e = decimalExponent(rough)
    let residual = rough / power10(e)
    if residual <= 1 {
      self.init(mantissa: 1, exponent: e)
    } else if residual <= 2 {
      self.init(mantissa: 2, exponent: e)
    } else if residual <= 5 {
      self.init(mantissa: 5, exponent: e)
    } else {
      self.init(mantissa: 1, exponent: e + 1)
    }
  }

  init(mantissa: Int, exponent: Int) {
    self.mantissa = mantissa
    self.exponent = exponent
  }

  /// The label of `index × step`: as many decimals as the step needs.
  func label(_ index: Int) -> String {
    let value = multiple(index)
    if exponent < -4 || exponent > 5 {
      return significant(value, digits: 3)
    }
    return fixed(value, decimals: max(0, -exponent))
  }
}

/// Linear ticks with a 1-2-5 step, aiming at about five intervals over `lower...upper`.
///
/// For `0...1` the step is 0.2 (ticks 0, 0.2, …, 1); for `-3.7...12.1` the step is 5 and,
/// with `expand`, the domain widens to `-5...15`.
///
/// - Parameters:
///   - lower: The smallest value to cover.
///   - upper: The largest value to cover (greater than `lower`).
///   - expand: Whether the domain widens to whole steps (else ticks stay inside the range).
///   - targetIntervals: How many intervals to aim at; the result has between about half and
///     twice as many.
/// - Returns: The domain and its ticks.
func linearTicks(
  lower: Double, upper: Double, expand: Bool, targetIntervals: Int = 5
) -> (lower: Double, upper: Double, ticks: [Tick]) {
  precondition(lower < upper, "linearTicks needs lower < upper, got \(lower) and \(upper)")
  let span = upper - lower
  guard span.isFinite, max(abs(lower), abs(upper)) / span < 1e12 else {
    // A span too wide for a double, or too narrow to label next to its offset (1e20 to
    // 1e20 + 1): label just the ends.
    let ends = [lower, upper].map { Tick(value: $0, label: .plain(significant($0, digits: 6))) }
    return (lower, upper, ends)
  }
  let step = TickStep(atLeast: span / Double(targetIntervals))
  let stepValue = step.value
  // A tiny slack so that an end that is a multiple of the step up to rounding counts as one.
  let slack = 1e-9
  let first =
    expand
    ? Int((lower / stepValue + slack).rounded(.down))
    : Int((lower / stepValue - slack).rounded(.up))
  let last =
    expand
    ? Int((upper / stepValue - slack).rounded(.up))
    : Int((upper / stepValue + slack).rounded(.down))
  let ticks = (first...max(first, last)).map {
    Tick(value: step.multiple($0), label: .plain(step.label($0)))
  }
  if expand {
    return (step.multiple(first), step.multiple(last), ticks)
  }
  return (
    lower, upper,
    ticks.filter { $0.value >= lower - slack * stepValue && $0.value <= upper + slack * stepValue }
  )
}

/// Logarithmic ticks: labelled ticks at powers of ten, unlabelled minor ticks at 2…9 times
/// them when the axis spans few decades, and labelled 2× and 5× ticks when it spans at most
/// two decades (so a short axis still has several numbers on it).
///
/// For `0.003...40` with `expand` the domain is `0.001...100` with labels 10⁻³, 10⁻², 10⁻¹,
/// 10⁰, 10¹, 10². When an axis spans more than ten decades, only every second (third, …)
/// power is labelled.
///
/// - Parameters:
///   - lower: The smallest value to cover (positive).
///   - upper: The largest value to cover (greater than `lower`).
///   - expand: Whether the domain widens to whole powers of ten.
/// - Returns: The domain and its ticks, sorted by value.
func logTicks(lower: Double, upper: Double, expand: Bool) -> (
  lower: Double, upper: Double, ticks: [Tick]
) {
  precondition(
    lower > 0 && lower < upper, "logTicks needs 0 < lower < upper, got \(lower) and \(upper)")
  var low = decimalExponent(lower)
  var high = decimalExponent(upper)
  if power10(high) < upper { high += 1 }
  if low == high { low -= 1 }
  let domainLower = expand ? power10(low) : lower
  let domainUpper = expand ? power10(high) : upper
  let decades = high - low
  let labelEvery = max(1, (decades + 9) / 10)
  var ticks: [Tick] = []
  let inside = { (v: Double) in
    v >= domainLower * (1 - 1e-12) && v <= domainUpper * (1 + 1e-12)
  }
  for e in low...high {
    let base = power10(e)
    if inside(base) {
      let label: TickLabel = decades <= 2 ? .plain(significant(base)) : .powerOfTen(e)
      ticks.append(Tick(value: base, label: label))
    }
    guard decades <= 6, e < high else { continue }
    for m in 2...9 {
      let v = Double(m) * base
      guard inside(v) else { continue }
      let label: TickLabel = decades <= 2 && (m == 2 || m == 5) ? .plain(significant(v)) : .none
      ticks.append(Tick(value: v, label: label))
    }
  }
  // Too many labelled powers (every `labelEvery`-th power through the domain): thin them.
  if labelEvery > 1 {
    var seen = 0
    for i in ticks.indices {
      guard case .powerOfTen = ticks[i].label else { continue }
      if seen % labelEvery != 0 { ticks[i].label = .none }
      seen += 1
    }
  }
  return (domainLower, domainUpper, ticks)
}

/// Ticks of a symmetric-log axis: 0 (if inside) and ±10^k for the powers of ten at least
/// 10 × `width` (`width` is the linear half-width around zero; 10^k sits about k − log10(width)
/// decades from 0, so the first tick is a decade away from the 0 label); when there are more than about ten, only every
/// second (third, …) power is labelled.
///
/// For `-0.5...300` with `width: 0.01` and `expand`, the domain widens to `-1...1000` and the
/// ticks are −10⁰, −10⁻¹, 0, 10⁻¹, 10⁰, 10¹, 10², 10³.
///
/// - Parameters:
///   - lower: The smallest value to cover.
///   - upper: The largest value to cover (greater than `lower`).
///   - width: The linear half-width around zero (positive).
///   - expand: Whether the domain widens to whole powers of ten (or to ±`width`).
/// - Returns: The domain and its ticks, sorted by value.
func symmetricLogTicks(lower: Double, upper: Double, width: Double, expand: Bool) -> (
  lower: Double, upper: Double, ticks: [Tick]
) {
  precondition(lower < upper, "symmetricLogTicks needs lower < upper")
  /// The smallest power of ten at least `magnitude` (and at least `width`).
  func ceilingPower(_ magnitude: Double) -> Double {
    guard magnitude > width else { return width }
    var e = decimalExponent(magnitude)
    if power10(e) < magnitude { e += 1 }
    return power10(e)
  }
  let domainLower = expand && lower < 0 ? -ceilingPower(-lower) : lower
  let domainUpper = expand && upper > 0 ? ceilingPower(upper) : upper
  var first = decimalExponent(10 * width)
  if power10(first) < 10 * width { first += 1 }
  var positive: [Int] = []
  var negative: [Int] = []
  if domainUpper >= power10(first) {
    positive = Array(first...decimalExponent(domainUpper))
  }
  if domainLower <= -power10(first) {
    negative = Array(first...decimalExponent(-domainLower))
  }
  let count = positive.count + negative.count
  let every = max(1, (count + 9) / 10)
  var ticks: [Tick] = []
  for e in negative.reversed() {
    let label: TickLabel = (e - first) % every == 0 ? .negativePowerOfTen(e) : .none
    ticks.append(Tick(value: -power10(e), label: label))
  }
  if domainLower <= 0 && domainUpper >= 0 {
    ticks.append(Tick(value: 0, label: .plain("0")))
  }
  for e in positive {
    let label: TickLabel = (e - first) % every == 0 ? .powerOfTen(e) : .none
    ticks.append(Tick(value: power10(e), label: label))
  }
  return (domainLower, domainUpper, ticks)
}
