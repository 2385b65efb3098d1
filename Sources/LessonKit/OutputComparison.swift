// Comparing a snippet's recorded output with what it printed: text exactly, numbers at the
// precision they are printed, so that a value that rounds the other way in its last digit on
// another machine (another BLAS kernel adds in another order) still verifies.

/// A piece of printed output, as `outputTokens(_:)` cuts it: text, compared exactly, or a
/// number, compared at its printed precision.
public enum OutputToken: Sendable, Equatable {
  /// Everything between two numbers, as printed.
  case text(String)
  /// A number, as printed.
  case number(PrintedNumber)
}

/// A number as a program printed it: `-0.0312`, `1600`, `1.235e+05`.
///
/// Its value is ±`mantissa × 10^(exponent − fractionDigits)`, where `mantissa` is the integer
/// made of all the digits of the significand: `-0.0312` is negative, with mantissa 312, four
/// fraction digits and exponent 0. Its last printed digit is worth `10^(exponent −
/// fractionDigits)`, here 0.0001.
public struct PrintedNumber: Sendable, Equatable {
  /// The number exactly as printed.
  public var text: String
  /// Whether it was printed with a minus sign (`-0.0000` is negative and equals zero).
  public var isNegative: Bool
  /// The digits of the significand without the point, most significant first, leading zeros
  /// removed (empty for zero).
  public var digits: [UInt8]
  /// How many digits follow the point (0 when there is none).
  public var fractionDigits: Int
  /// The value after `e` or `E`, or `nil` when the number has no exponent.
  public var exponent: Int?

  /// Whether the number has neither a point nor an exponent (a count, a step, a size): such
  /// numbers are compared exactly.
  public var isInteger: Bool { fractionDigits == 0 && exponent == nil }

  /// Reads a number of the form `[+-]D+[.D+][(e|E)[+-]D+]` (D an ASCII digit).
  ///
  /// - Parameter text: The number as printed.
  /// - Returns: `nil` when `text` is not of that form or its exponent does not fit an `Int`.
  public init?(_ text: String) {
    var scalars = Array(text.unicodeScalars)[...]
    var negative = false
    if let first = scalars.first, first == "-" || first == "+" {
      negative = first == "-"
      scalars = scalars.dropFirst()
    }
    let integerPart = scalars.prefix(while: isASCIIDigit)
    guard !integerPart.isEmpty else { return nil }
    scalars = scalars.dropFirst(integerPart.count)
    var fractionPart = scalars.prefix(0)
    if scalars.first == "." {
      fractionPart = scalars.dropFirst().prefix(while: isASCIIDigit)
      guard !fractionPart.isEmpty else { return nil }
      scalars = scalars.dropFirst(1 + fractionPart.count)
    }
    var exponent: Int?
    if let marker = scalars.first, marker == "e" || marker == "E" {
      let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
      guard let value = Int(rest), rest.unicodeScalars.dropFirst().allSatisfy(isASCIIDigit)
      else { return nil }
      exponent = value
      scalars = scalars.prefix(0)
    }
    guard scalars.isEmpty else { return nil }
    let all = (integerPart + fractionPart).map { UInt8($0.value - 48) }
    self.text = text
    self.isNegative = negative
    self.digits = Array(all.drop { $0 == 0 })
    self.fractionDigits = fractionPart.count
    self.exponent = exponent
  }

  /// Whether `other` is this number up to one unit in the last printed digit.
  ///
  /// - Integers (no point, no exponent) match only when printed the same: a count that is
  ///   off by one is a real change.
  /// - Otherwise both must be printed at the same precision (the same number of digits after
  ///   the point, both with or both without an exponent) and differ by at most one unit in
  ///   the last digit: `0.1235` matches `0.1234`; `0.1237` and `0.12` do not. The sign of
  ///   zero does not matter (`-0.0000` matches `0.0000`).
  /// - With exponents, a carry into the exponent is one unit too: `9.999e-01` matches
  ///   `1.000e+00` (they differ by 0.0001, one unit of the first); exponents further apart
  ///   never match. How the exponent is written (`e-05`, `e-5`) does not matter.
  ///
  /// - Parameter other: The other number.
  /// - Returns: Whether the two match.
  public func matches(_ other: PrintedNumber) -> Bool {
    if isInteger || other.isInteger { return text == other.text }
    guard fractionDigits == other.fractionDigits, (exponent == nil) == (other.exponent == nil)
    else { return false }
    var mine = digits
    var theirs = other.digits
    let myExponent = exponent ?? 0
    let theirExponent = other.exponent ?? 0
    let (gap, overflow) = myExponent.subtractingReportingOverflow(theirExponent)
    if overflow { return false }
    switch gap {
    case 0: break
    case 1: if !mine.isEmpty { mine.append(0) }
    case -1: if !theirs.isEmpty { theirs.append(0) }
    default: return false
    }
    return differByAtMostOne(mine, isNegative, theirs, other.isNegative)
  }
}

/// Cuts printed output into numbers and the text between them.
///
/// A number is a longest run `[+-]D+[.D+][(e|E)[+-]D+]` (D an ASCII digit) that stands on its
/// own: the character before it (before its sign, when it has one) is not a letter, a digit,
/// `_` or `.`, and the character after it is not a letter, a digit or `_`, nor a `.` followed
/// by a digit. So these are text, not numbers: `x2`, `v1.0.3`, `1.0.3`, `fig-0003` (the
/// `-0003` follows a letter), `0x1F`, `3e4f`, `e5`, `.5`, `nan`, `inf`; and in `2-3` only `2`
/// is a number (the `-3` is joined to it). A number may end a sentence: in `loss 0.25.` the
/// number is `0.25`.
///
/// ```swift
/// outputTokens("step 40: loss 0.2512 (x2)")
/// // [.text("step "), .number(40), .text(": loss "), .number(0.2512), .text(" (x2)")]
/// ```
///
/// - Parameter output: The output.
/// - Returns: The tokens; text tokens are never empty and never adjacent.
/// - Complexity: O(*n*) in the length of `output`.
public func outputTokens(_ output: String) -> [OutputToken] {
  let scalars = Array(output.unicodeScalars)
  var tokens: [OutputToken] = []
  var textStart = 0
  var position = 0
  func text(_ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(scalars[range]))
  }
  while position < scalars.count {
    guard let end = numberCandidateEnd(in: scalars, at: position) else {
      position += 1
      continue
    }
    let before = position > 0 ? scalars[position - 1] : nil
    let after = end < scalars.count ? scalars[end] : nil
    let afterNext = end + 1 < scalars.count ? scalars[end + 1] : nil
    let standsAlone =
      !(before.map { isWordCharacter($0) || $0 == "." } ?? false)
      && !(after.map(isWordCharacter) ?? false)
      && !(after == "." && afterNext.map(isASCIIDigit) == true)
    if standsAlone, let number = PrintedNumber(text(position..<end)) {
      if textStart < position { tokens.append(.text(text(textStart..<position))) }
      tokens.append(.number(number))
      textStart = end
    }
    position = end
  }
  if textStart < scalars.count { tokens.append(.text(text(textStart..<scalars.count))) }
  return tokens
}

/// Whether a snippet's actual output matches its recorded output.
///
/// By default, the text between numbers must be the same, the numbers must pair up one to
/// one, and each pair must match by `PrintedNumber.matches(_:)`: integers exactly, other
/// numbers within one unit of their last printed digit. With `exact`, the two must be equal
/// character for character (the `exact` snippet attribute).
///
/// ```swift
/// outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1235\n")  // true
/// outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1236\n")  // false
/// outputsMatch(recorded: "step 40\n", actual: "step 41\n")          // false (an integer)
/// outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1235\n", exact: true)  // false
/// ```
///
/// - Parameters:
///   - recorded: The `output` block's content.
///   - actual: What the snippet printed, as `recordedOutput(_:)` gives it.
///   - exact: Whether to compare character for character.
/// - Returns: Whether they match.
/// - Complexity: O(*n*) in the length of the outputs.
public func outputsMatch(recorded: String, actual: String, exact: Bool = false) -> Bool {
  if recorded == actual { return true }
  if exact { return false }
  let expected = outputTokens(recorded)
  let printed = outputTokens(actual)
  guard expected.count == printed.count else { return false }
  for pair in zip(expected, printed) {
    switch pair {
    case (.text(let a), .text(let b)) where a == b: continue
    case (.number(let a), .number(let b)) where a.matches(b): continue
    default: return false
    }
  }
  return true
}

/// The end of the number-shaped run starting at `start` (`[+-]D+[.D+][(e|E)[+-]D+]`), or
/// `nil` when none starts there.
private func numberCandidateEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
  func digitsEnd(from index: Int) -> Int {
    var end = index
    while end < scalars.count, isASCIIDigit(scalars[end]) { end += 1 }
    return end
  }
  var index = start
  if scalars[index] == "-" || scalars[index] == "+" { index += 1 }
  var end = digitsEnd(from: index)
  guard end > index else { return nil }
  if end + 1 < scalars.count, scalars[end] == ".", isASCIIDigit(scalars[end + 1]) {
    end = digitsEnd(from: end + 1)
  }
  if end < scalars.count, scalars[end] == "e" || scalars[end] == "E" {
    var exponent = end + 1
    if exponent < scalars.count, scalars[exponent] == "-" || scalars[exponent] == "+" {
      exponent += 1
    }
    let exponentEnd = digitsEnd(from: exponent)
    if exponentEnd > exponent { end = exponentEnd }
  }
  return end
}

private func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value >= 48 && scalar.value <= 57
}

/// A letter, a digit (of any script) or `_`: what may not touch a number.
private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "_" || scalar.properties.isAlphabetic
    || scalar.properties.generalCategory == .decimalNumber
}

/// Whether the signed integers given by their decimal digits (no leading zeros) differ by at
/// most one.
private func differByAtMostOne(
  _ a: [UInt8], _ aNegative: Bool, _ b: [UInt8], _ bNegative: Bool
) -> Bool {
  let isOne: ([UInt8]) -> Bool = { $0 == [1] }
  if a.isEmpty { return b.isEmpty || isOne(b) }
  if b.isEmpty { return isOne(a) }
  // Both non-zero: of opposite signs they are at least two apart.
  guard aNegative == bNegative else { return false }
  let (larger, smaller) = compareMagnitudes(a, b) >= 0 ? (a, b) : (b, a)
  // larger − smaller, digit by digit from the least significant.
  var difference = [UInt8](repeating: 0, count: larger.count)
  var borrow = 0
  for offset in 0..<larger.count {
    let top = Int(larger[larger.count - 1 - offset])
    let bottom = offset < smaller.count ? Int(smaller[smaller.count - 1 - offset]) : 0
    var digit = top - bottom - borrow
    borrow = digit < 0 ? 1 : 0
    if digit < 0 { digit += 10 }
    difference[larger.count - 1 - offset] = UInt8(digit)
  }
  let significant = difference.drop { $0 == 0 }
  return significant.isEmpty || Array(significant) == [1]
}

/// -1, 0 or 1 as the magnitude given by `a`'s digits is below, equal to or above `b`'s
/// (neither has leading zeros).
private func compareMagnitudes(_ a: [UInt8], _ b: [UInt8]) -> Int {
  if a.count != b.count { return a.count < b.count ? -1 : 1 }
  for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
  return 0
}
