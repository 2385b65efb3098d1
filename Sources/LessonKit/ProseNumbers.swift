// The numbers of a lesson's prose, as the prose check (ProseCheck.swift) reads them, and the
// rule that says when a printed or written number backs one: rounded to the prose number's
// written precision, with the one unit of slack in the printed number's last digit that the
// output comparison allows (OutputComparison.swift).

import Foundation

/// A number written in a lesson's prose (text or math), as `proseNumbers(in:)` finds it.
///
/// Its `value` is the number rewritten in the form `PrintedNumber` reads, keeping the written
/// precision: `1,257` → `1257`, `−0.75` → `-0.75`, `10⁻³` and `10^{-3}` → `1e-3`,
/// `7.1 \cdot 10^{-5}` → `7.1e-5`, `96.1 %` → `96.1` (with `isPercent`).
public struct ProseNumber: Sendable, Equatable {
  /// Whether the prose check holds the number to an output, and if not, why.
  public enum Role: Sendable, Equatable {
    /// Checked: it has a fractional part or an exponent, or it is an integer of three or more
    /// digits.
    case checked
    /// An integer of one or two digits (`3 epochs`, `64 → 32 → 10`): not checked.
    case smallInteger
    /// An integer written with a leading zero (`seed 002`): a name, not a quantity.
    case label
    /// Right after a word that refers to a part of a text (`Lesson 3`, `Section 4.2`, `§2`,
    /// `Exercise 4`, `Figure 2`, `Table 1`, `Eq. 3`, `page 12`).
    case reference
  }

  /// The number exactly as written, e.g. `1,257`, `10⁻³`, `−0.75`, `2.3 × 10⁻⁴`, `96.1 %`.
  public var text: String
  /// Its value at its written precision, as a printed number (`1e-3` for `10⁻³`).
  public var value: PrintedNumber
  /// Whether it was written with `%` after it (`96.1 %`, `96.1%`, `\%` in math).
  public var isPercent: Bool
  /// Whether the check holds it to an output.
  public var role: Role
  /// Where it starts in the text it was read from, in Unicode scalars.
  public var offset: Int

  /// Creates a prose number from its parts.
  public init(text: String, value: PrintedNumber, isPercent: Bool, role: Role, offset: Int) {
    self.text = text
    self.value = value
    self.isPercent = isPercent
    self.role = role
    self.offset = offset
  }

  /// Whether `other` backs this number: the prose is `other` rounded to the prose's last
  /// written digit (half away from zero), where a printed decimal `other` may be off by one
  /// unit in its own last digit, as the output comparison allows.
  ///
  /// - `0.4056` backs `0.41` and `0.4`, not `0.40` (at two decimals it is 0.41).
  /// - `0.4150` backs `0.41`: it stands for a value the output comparison takes as well,
  ///   `0.4149`, which rounds to `0.41` (and `0.4150` itself rounds to `0.42`, which it
  ///   backs too). `0.4250` does not back `0.41`: `0.4249`, `0.4250` and `0.4251` round to
  ///   `0.42` or `0.43`. At the same precision this is the output comparison's rule: `0.41`
  ///   is backed by a printed `0.40`, `0.41` or `0.42`.
  /// - An integer written without point or exponent is exact: a printed integer must be
  ///   the same (`1258` does not back `1257`); a printed decimal must round to it, with its
  ///   unit of slack (`1257.4` backs `1257`, `1257.6` does not).
  /// - A printed number less precise than the prose cannot back it: `0.5` does not back
  ///   `0.50`, `1.258e+03` backs `1258` but `1.26e+03` does not.
  /// - A literal written in a snippet (`otherIsExact`) backs the prose when the prose writes
  ///   the same value, at most as precisely: `1e-3` backs `0.001` and `10⁻³`, `0.10` backs
  ///   `0.1`, `2000` backs `2,000`; `1` does not back `1.0000` (four decimals claim a
  ///   computed value), `0.05` does not back `0.1`.
  /// - A prose number written with a minus (`-`, `−`) needs a negative value (or one that
  ///   rounds to zero); one written without a sign is compared by magnitude, so `0.31` is
  ///   backed by a printed `-0.31` ("the loss fell by 0.31").
  /// - A percentage is also backed by the fraction it stands for, two decimals further:
  ///   `96.1 %` by `0.961` (and by a printed `0.9610`), `100 %` by `1.00`.
  ///
  /// ```swift
  /// let prose = proseNumbers(in: "about 0.41")[0]
  /// prose.isBacked(by: PrintedNumber("0.4056")!)  // true
  /// prose.isBacked(by: PrintedNumber("0.4150")!)  // true: 0.4149 is within one unit
  /// prose.isBacked(by: PrintedNumber("0.4250")!)  // false
  /// prose.isBacked(by: PrintedNumber("0.4")!)     // false: printed less precisely
  /// ```
  ///
  /// - Parameters:
  ///   - other: A number printed by an output, or written in a snippet.
  ///   - otherIsExact: Whether `other` is a literal of a snippet (exact: no slack, and the
  ///     prose may leave out only its trailing zeros).
  /// - Returns: Whether `other` backs this number.
  public func isBacked(by other: PrintedNumber, otherIsExact: Bool = false) -> Bool {
    let backing = DecimalValue(other)
    let written = DecimalValue(value)
    if written.isBacked(by: backing, exact: otherIsExact) { return true }
    guard isPercent else { return false }
    var fraction = written
    fraction.unitExponent -= 2
    return fraction.isBacked(by: backing, exact: otherIsExact)
  }

  /// Whether `other` writes the same number at the same precision, sign aside (`10⁻³`, `1e-3`
  /// and `0.001` do; `0.0010` does not): how a `cited` comment's numbers are matched with
  /// the prose.
  ///
  /// - Parameter other: Another prose number.
  /// - Returns: Whether the two are the same written number.
  public func isSameWrittenNumber(as other: ProseNumber) -> Bool {
    let mine = DecimalValue(value)
    let theirs = DecimalValue(other.value)
    return mine.digits == theirs.digits
      && (mine.digits.isEmpty || mine.unitExponent == theirs.unitExponent)
  }
}

/// Every number written in a piece of prose, in order, with its role.
///
/// The rules (README, "The prose check", says the same for authors):
/// - **Form.** `[sign]D+[,DDD…][.D+][e[±]D+]`, D an ASCII digit, plus these written forms:
///   thousands separators `1,257` (and `1{,}257` in math: groups of exactly three digits);
///   powers of ten `10⁻³`, `10^{-3}`, `10^-3`, `10^{12}` (read as `1e-3`, `1e12`); and
///   scientific notation `2.3 × 10⁻⁴`, `7.1 \cdot 10^{-5}`, `2.3·10^-4` (read as `2.3e-4`).
///   A trailing `%` (`96.1 %`, `96.1%`, `\%`) makes it a percentage. Full-width digits and a
///   decimal comma (`0,41`) are not read.
/// - **Sign.** A `-` or `−` (U+2212) right before the digits belongs to the number when what
///   comes before the sign cannot end an operand (a space, `(`, `=`, `$`, a CJK character…):
///   `(−0.75)`, `$-2$`. After a digit or `)` it is a minus or a range (`1−0.9`, `0.1-0.3`:
///   the second number is unsigned); an en dash `–` is never a sign (`0.1–0.3`).
/// - **Words.** A number touching a letter, a digit of another script or `_` is part of a
///   word and is not read: `x2`, `L2`, `15th`, `500s`, `2h`, `28ms`, `0x1F`, `float64`; so is
///   one joined by `.` to more digits (`v1.0.3`, `1.0.3`, `.5`) and one after a hyphen that
///   follows a letter (`fig-3`, `ResNet-50`, `GPT-3`). Two exceptions: a trailing `x`
///   followed by no letter or digit is a multiplier (`3.9x faster`: 3.9 is read; `8x8` is
///   not), and CJK characters, which are written without spaces, do not join: in
///   `学习率为0.001时` the number is `0.001`.
/// - **Roles.** A number is checked when it has a fractional part or an exponent (any power
///   of ten counts), or is an integer of three or more digits (`1257`, `1,257`). Not checked:
///   integers of one or two digits (also as percentages: `70 %`), integers written with a
///   leading zero (`seed 002`, a name), and numbers right after a word that refers to a part
///   of a text: `Lesson`, `Section`, `Chapter`, `Exercise`, `Figure`, `Fig.`, `Table`,
///   `Eq.`, `Equation`, `Page`, `p.`, `pp.` (any case, singular or plural) and `§`.
///
/// ```swift
/// proseNumbers(in: "1,257 samples, 学习率为0.001时, 10⁻³, x2, Lesson 3.2").map(\.text)
/// // ["1,257", "0.001", "10⁻³", "3.2"]   (3.2 has the role .reference)
/// ```
///
/// - Parameter text: Prose: a paragraph's text with its math written as in the source. Code
///   spans should be replaced by a character that is neither a letter nor a digit.
/// - Returns: The numbers, in order of appearance.
/// - Complexity: O(*n*) in the length of `text`.
public func proseNumbers(in text: String) -> [ProseNumber] {
  var scanner = ProseNumberScanner(Array(text.unicodeScalars))
  return scanner.scan()
}

/// The scanner behind `proseNumbers(in:)`.
private struct ProseNumberScanner {
  let scalars: [Unicode.Scalar]
  var numbers: [ProseNumber] = []

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  func at(_ index: Int) -> Unicode.Scalar? {
    index >= 0 && index < scalars.count ? scalars[index] : nil
  }

  mutating func scan() -> [ProseNumber] {
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if isMinusSign(scalar), let next = at(index + 1), isASCIIDigit(next) {
        let before = at(index - 1)
        if scalar == "-", let before, isJoiningLetter(before) {
          // A hyphenated word: `fig-3`, `ResNet-50`.
          index = numeral(at: index + 1)?.end ?? index + 1
          continue
        }
        let attached = !(before.map(endsOperand) ?? false)
        index = read(from: attached ? index : index + 1, digitsAt: index + 1)
        continue
      }
      if isASCIIDigit(scalar) {
        if let before = at(index - 1),
          isJoiningLetter(before) || isOtherDigitOrUnderscore(before) || before == "."
        {
          index = numeral(at: index)?.end ?? index + 1
          continue
        }
        index = read(from: index, digitsAt: index)
        continue
      }
      index += 1
    }
    return numbers
  }

  /// Reads the number whose text starts at `start` (its sign, or its first digit) and whose
  /// digits start at `digits`; returns where scanning goes on.
  mutating func read(from start: Int, digitsAt digits: Int) -> Int {
    guard let numeral = numeral(at: digits) else { return digits + 1 }
    // What follows may not join the number to a word.
    if let after = at(numeral.end) {
      let afterNext = at(numeral.end + 1)
      let isMultiplier =
        after == "x" && !(afterNext.map { isJoiningLetter($0) || isDigitLike($0) } ?? false)
      if (isJoiningLetter(after) && !isMultiplier) || isOtherDigitOrUnderscore(after)
        || isASCIIDigit(after) || (after == "." && afterNext.map(isASCIIDigit) == true)
      {
        return skipWord(from: numeral.end)
      }
    }
    var end = numeral.end
    var isPercent = false
    let afterSpace = skipSpaces(from: end)
    if at(afterSpace) == "%" || at(afterSpace) == "％" {
      isPercent = true
      end = afterSpace + 1
    } else if at(afterSpace) == "\\", at(afterSpace + 1) == "%" {
      isPercent = true
      end = afterSpace + 2
    }
    let negative = start < digits
    let normalized =
      (negative ? "-" : "") + numeral.integerDigits
      + (numeral.fractionDigits.isEmpty ? "" : "." + numeral.fractionDigits)
      + (numeral.exponent.map { "e" + $0 } ?? "")
    guard let value = PrintedNumber(normalized) else { return numeral.end }
    let role: ProseNumber.Role
    if isReference(before: start) {
      role = .reference
    } else if value.isInteger, numeral.integerDigits.count > 1,
      numeral.integerDigits.first == "0", !numeral.isGrouped
    {
      role = .label
    } else if value.isInteger, numeral.integerDigits.count < 3 {
      role = .smallInteger
    } else {
      role = .checked
    }
    numbers.append(
      ProseNumber(
        text: String(String.UnicodeScalarView(scalars[start..<end])), value: value,
        isPercent: isPercent, role: role, offset: start))
    return end
  }

  /// A numeral's parts, read from its first digit.
  struct Numeral {
    var integerDigits: String
    var isGrouped: Bool
    var fractionDigits: String
    /// The exponent as ASCII (`-3`), from `e-3`, `× 10⁻³`, or a power of ten `10⁻³`.
    var exponent: String?
    var end: Int
  }

  /// The numeral starting at `start` (an ASCII digit), or `nil` when there is none.
  func numeral(at start: Int) -> Numeral? {
    guard let first = at(start), isASCIIDigit(first) else { return nil }
    var end = digitsEnd(from: start)
    var integer = text(start..<end)
    var grouped = false
    // Thousands separators: `1,257`, `1{,}257` (math); groups of exactly three digits.
    if integer.count <= 3 {
      var groups = integer
      var position = end
      while true {
        let separatorLength: Int
        if at(position) == "," {
          separatorLength = 1
        } else if at(position) == "{", at(position + 1) == ",", at(position + 2) == "}" {
          separatorLength = 3
        } else {
          break
        }
        let groupStart = position + separatorLength
        let groupEnd = digitsEnd(from: groupStart)
        guard groupEnd - groupStart == 3 else { break }
        groups += text(groupStart..<groupEnd)
        position = groupEnd
        grouped = true
      }
      if grouped {
        integer = groups
        end = position
      }
    }
    var fraction = ""
    if at(end) == ".", let digit = at(end + 1), isASCIIDigit(digit) {
      let fractionEnd = digitsEnd(from: end + 1)
      fraction = text((end + 1)..<fractionEnd)
      end = fractionEnd
    }
    var exponent: String?
    if at(end) == "e" || at(end) == "E" {
      var position = end + 1
      var sign = ""
      if let scalar = at(position), isMinusSign(scalar) || scalar == "+" {
        sign = scalar == "+" ? "" : "-"
        position += 1
      }
      let exponentEnd = digitsEnd(from: position)
      if exponentEnd > position {
        exponent = sign + text(position..<exponentEnd)
        end = exponentEnd
      }
    }
    if exponent == nil {
      if integer == "10", !grouped, fraction.isEmpty,
        let (power, powerEnd) = powerOfTenExponent(at: end)
      {
        // `10⁻³` is 1e-3, written to one significant digit.
        integer = "1"
        exponent = power
        end = powerEnd
      } else if let (power, scientificEnd) = scientificExponent(at: end) {
        exponent = power
        end = scientificEnd
      }
    }
    return Numeral(
      integerDigits: integer, isGrouped: grouped, fractionDigits: fraction, exponent: exponent,
      end: end)
  }

  /// The exponent of `× 10⁻⁴`, `\cdot 10^{-5}`, `·10^-4` starting at `start`, with its end.
  func scientificExponent(at start: Int) -> (String, Int)? {
    var position = skipSpaces(from: start)
    if let scalar = at(position), scalar == "×" || scalar == "·" || scalar == "⋅" {
      position += 1
    } else if let command = ["\\times", "\\cdot"].first(where: { matches($0, at: position) }) {
      position += command.unicodeScalars.count
    } else {
      return nil
    }
    position = skipSpaces(from: position)
    guard at(position) == "1", at(position + 1) == "0" else { return nil }
    return powerOfTenExponent(at: position + 2)
  }

  /// The exponent written after a `10` at `start` — superscript (`⁻³`, `¹²`) or caret
  /// (`^{-3}`, `^-3`, `^3`) — as ASCII, with where it ends.
  func powerOfTenExponent(at start: Int) -> (String, Int)? {
    var position = start
    var sign = ""
    if at(position) == "⁻" || at(position) == "⁺" {
      sign = at(position) == "⁻" ? "-" : ""
      position += 1
    }
    var digits = ""
    while let scalar = at(position), let digit = superscriptDigit(scalar) {
      digits.append(digit)
      position += 1
    }
    if !digits.isEmpty { return (sign + digits, position) }
    guard at(start) == "^" else { return nil }
    position = start + 1
    let braced = at(position) == "{"
    if braced { position += 1 }
    sign = ""
    if let scalar = at(position), isMinusSign(scalar) || scalar == "+" {
      sign = scalar == "+" ? "" : "-"
      position += 1
    }
    let digitsEnd = digitsEnd(from: position)
    guard digitsEnd > position else { return nil }
    let exponent = sign + text(position..<digitsEnd)
    position = digitsEnd
    if braced {
      guard at(position) == "}" else { return nil }
      position += 1
    }
    return (exponent, position)
  }

  /// Whether the words before `start` (spaces skipped) name a part of a text.
  func isReference(before start: Int) -> Bool {
    var position = start - 1
    while let scalar = at(position), isSpace(scalar) { position -= 1 }
    if at(position) == "§" { return true }
    var word = ""
    while let scalar = at(position), scalar.properties.isAlphabetic || scalar == "." {
      word.unicodeScalars.insert(scalar, at: word.unicodeScalars.startIndex)
      position -= 1
    }
    if word.hasSuffix("."), !["fig.", "eq.", "eqs.", "p.", "pp."].contains(word.lowercased()) {
      return false
    }
    return referenceWords.contains(word.lowercased())
  }

  func skipWord(from start: Int) -> Int {
    var position = start
    while let scalar = at(position),
      isJoiningLetter(scalar) || isDigitLike(scalar) || scalar == "."
    {
      position += 1
    }
    return max(position, start + 1)
  }

  func skipSpaces(from start: Int) -> Int {
    var position = start
    while true {
      if let scalar = at(position), isSpace(scalar) {
        position += 1
      } else if at(position) == "\\", let next = at(position + 1), next == "," || next == ";" {
        position += 2
      } else {
        return position
      }
    }
  }

  func digitsEnd(from start: Int) -> Int {
    var end = start
    while let scalar = at(end), isASCIIDigit(scalar) { end += 1 }
    return end
  }

  func matches(_ literal: String, at start: Int) -> Bool {
    for (offset, scalar) in literal.unicodeScalars.enumerated() where at(start + offset) != scalar {
      return false
    }
    return true
  }

  func text(_ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(scalars[range]))
  }
}

/// The words after which a number refers to a part of a text (compared in lower case).
private let referenceWords: Set<String> = [
  "lesson", "lessons", "section", "sections", "chapter", "chapters", "exercise", "exercises",
  "figure", "figures", "fig.", "table", "tables", "eq.", "eqs.", "equation", "equations",
  "page", "pages", "p.", "pp.",
]

private func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value >= 48 && scalar.value <= 57
}

/// `-` or the minus sign `−` (U+2212).
private func isMinusSign(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "-" || scalar == "−"
}

/// A space that may sit inside a number's written form: space, tab, no-break, thin and narrow
/// no-break spaces.
private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
  scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{2009}"
    || scalar == "\u{202F}"
}

/// A letter of a script written with spaces between words: such a letter touching a number
/// makes it part of a word. Han, kana and Hangul are written without spaces, so they do not.
private func isJoiningLetter(_ scalar: Unicode.Scalar) -> Bool {
  guard scalar.properties.isAlphabetic else { return false }
  if scalar.properties.isIdeographic { return false }
  switch scalar.value {
  case 0x3040...0x30FF, 0x31F0...0x31FF, 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF:
    return false
  default:
    return true
  }
}

/// A decimal digit of a script other than ASCII, or `_`.
private func isOtherDigitOrUnderscore(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "_" || (scalar.properties.generalCategory == .decimalNumber && !isASCIIDigit(scalar))
}

/// Any decimal digit or `_`.
private func isDigitLike(_ scalar: Unicode.Scalar) -> Bool {
  scalar == "_" || scalar.properties.generalCategory == .decimalNumber
}

/// What can end an operand, so that a `-` after it is a minus, not a sign.
private func endsOperand(_ scalar: Unicode.Scalar) -> Bool {
  isJoiningLetter(scalar) || scalar.properties.generalCategory == .decimalNumber
    || ")]}|.!%'_′".unicodeScalars.contains(scalar) || superscriptDigit(scalar) != nil
}

/// The ASCII digit a superscript digit stands for.
private func superscriptDigit(_ scalar: Unicode.Scalar) -> Character? {
  switch scalar.value {
  case 0x2070: "0"
  case 0xB9: "1"
  case 0xB2: "2"
  case 0xB3: "3"
  case 0x2074...0x2079: Character(String(scalar.value - 0x2074 + 4))
  default: nil
  }
}

/// A number as a sign, its significant digits and the power of ten of its last digit: the
/// value is ±`digits` × 10^`unitExponent`.
struct DecimalValue: Sendable, Equatable {
  var isNegative: Bool
  /// Most significant first, no leading zeros (empty for zero).
  var digits: [UInt8]
  /// The power of ten of the last written digit: −2 for `0.41`, −3 for `1e-3`, 0 for `1257`.
  var unitExponent: Int
  /// Written with neither a point nor an exponent: as a printed number, it has no unit of
  /// slack (a count that is off by one is a real change).
  var isInteger: Bool

  init(_ number: PrintedNumber) {
    isNegative = number.isNegative
    digits = number.digits
    unitExponent = (number.exponent ?? 0) - number.fractionDigits
    isInteger = number.isInteger
  }

  /// |value| as a `Double` (rounded; infinite past `Double`'s range), for sorting numbers by
  /// size before comparing them digit by digit.
  var magnitude: Double {
    var significand = 0.0
    for digit in digits { significand = significand * 10 + Double(digit) }
    return significand == 0 ? 0 : significand * pow(10, Double(unitExponent))
  }

  /// See `ProseNumber.isBacked(by:otherIsExact:)`.
  func isBacked(by other: DecimalValue, exact: Bool) -> Bool {
    // Less precise than the prose: nothing backs it.
    guard other.unitExponent <= unitExponent else { return false }
    if exact {
      // The same value: every digit the prose leaves out is a zero.
      let dropped = unitExponent - other.unitExponent
      guard
        dropped == 0 || other.digits.isEmpty
          || (dropped < other.digits.count && other.digits.suffix(dropped).allSatisfy { $0 == 0 })
      else { return false }
      let kept = Array(other.digits.dropLast(min(dropped, other.digits.count)))
      return kept == digits && (!isNegative || other.isNegative || kept.isEmpty)
    }
    // The values `other` stands for: itself, and one unit either side when it is a printed
    // decimal.
    var candidates = [(negative: other.isNegative, digits: other.digits)]
    if !other.isInteger {
      candidates.append(adding(1, to: other.isNegative, other.digits))
      candidates.append(adding(-1, to: other.isNegative, other.digits))
    }
    let dropped = unitExponent - other.unitExponent
    return candidates.contains { candidate in
      let rounded = roundedDigits(candidate.digits, dropping: dropped)
      return rounded == digits && (!isNegative || candidate.negative || rounded.isEmpty)
    }
  }
}

/// The signed integer ±`digits` plus `step` (1 or -1), as a sign and digits without leading
/// zeros (zero is not negative).
private func adding(_ step: Int, to negative: Bool, _ digits: [UInt8]) -> (
  negative: Bool, digits: [UInt8]
) {
  // Moving away from zero grows the magnitude; towards it shrinks it.
  let grows = digits.isEmpty || (step > 0) != negative
  if grows {
    var result = digits
    var index = result.count - 1
    while index >= 0, result[index] == 9 {
      result[index] = 0
      index -= 1
    }
    if index >= 0 { result[index] += 1 } else { result.insert(1, at: 0) }
    return (digits.isEmpty ? step < 0 : negative, result)
  }
  var result = digits
  var index = result.count - 1
  while result[index] == 0 {
    result[index] = 9
    index -= 1
  }
  result[index] -= 1
  let trimmed = Array(result.drop { $0 == 0 })
  return (trimmed.isEmpty ? false : negative, trimmed)
}

/// `digits` with its last `count` digits dropped, rounded half away from zero (leading zeros
/// removed).
private func roundedDigits(_ digits: [UInt8], dropping count: Int) -> [UInt8] {
  guard count > 0 else { return digits }
  guard count <= digits.count else { return [] }
  var kept = Array(digits.dropLast(count))
  if digits[digits.count - count] >= 5 {
    var index = kept.count - 1
    while index >= 0, kept[index] == 9 {
      kept[index] = 0
      index -= 1
    }
    if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
  }
  return Array(kept.drop { $0 == 0 })
}
