// The number literals of a snippet's Swift code: what the code writes, which may back a number
// of the prose (a learning rate, a step count) exactly, at any precision. Comments are not
// code: a number that only a comment states backs nothing.

/// A number literal of Swift code.
struct CodeNumber: Sendable, Equatable {
  /// The literal's value, without `_` separators and with its sign when a prefix `-` is
  /// written right before it (`-0.75`), in the form `PrintedNumber` reads.
  var value: PrintedNumber
  /// The literal as written (`1_000`, `-0.75`, `1e-3`).
  var text: String
  /// Its line within the code, from 0.
  var lineOffset: Int
}

/// The decimal number literals of `code`, in order, outside comments (`//`, `/* … */`,
/// nested). Literals inside string literals count (`print("batch 100")`); hexadecimal, octal
/// and binary literals, digits inside names (`beta2`, `x1`), tuple indices (`pair.0`) do not.
/// A `-` right before a literal, after something that cannot end an operand (`(`, `[`, `,`,
/// `=`, `:`, a space), makes it negative: `[-1, -0.5]`, `x: -2...2`; in `a - 0.5` the literal
/// is `0.5`.
///
/// ```swift
/// codeNumbers(in: "let rate = 1e-3 // 0.5\nfor _ in 0..<1_000 { x -= -0.75 }").map(\.text)
/// // ["1e-3", "0", "1_000", "-0.75"]
/// ```
///
/// - Parameter code: A snippet's code.
/// - Returns: The literals.
/// - Complexity: O(*n*) in the length of `code`.
func codeNumbers(in code: String) -> [CodeNumber] {
  let scalars = Array(code.unicodeScalars)
  func at(_ index: Int) -> Unicode.Scalar? {
    index >= 0 && index < scalars.count ? scalars[index] : nil
  }
  func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
      || scalar.properties.generalCategory == .decimalNumber
  }
  func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
    scalar.map { $0.value >= 48 && $0.value <= 57 } ?? false
  }
  /// The end of a run of digits and `_` from `start`.
  func digitsEnd(_ start: Int) -> Int {
    var end = start
    while let scalar = at(end), isDigit(scalar) || scalar == "_" { end += 1 }
    return end
  }
  var numbers: [CodeNumber] = []
  var line = 0
  var index = 0
  var inString = false
  var multilineString = false
  var commentDepth = 0
  while index < scalars.count {
    let scalar = scalars[index]
    if scalar == "\n" {
      line += 1
      if inString && !multilineString { inString = false }
      index += 1
      continue
    }
    if commentDepth > 0 {
      if scalar == "*", at(index + 1) == "/" {
        commentDepth -= 1
        index += 2
      } else if scalar == "/", at(index + 1) == "*" {
        commentDepth += 1
        index += 2
      } else {
        index += 1
      }
      continue
    }
    if inString {
      if scalar == "\\" {
        index += 2
        continue
      }
      if scalar == "\"" {
        if multilineString {
          if at(index + 1) == "\"", at(index + 2) == "\"" {
            inString = false
            index += 3
            continue
          }
        } else {
          inString = false
          index += 1
          continue
        }
      }
    } else {
      if scalar == "/", at(index + 1) == "/" {
        while let next = at(index), next != "\n" { index += 1 }
        continue
      }
      if scalar == "/", at(index + 1) == "*" {
        commentDepth = 1
        index += 2
        continue
      }
      if scalar == "\"" {
        inString = true
        multilineString = at(index + 1) == "\"" && at(index + 2) == "\""
        index += multilineString ? 3 : 1
        continue
      }
    }
    guard isDigit(scalar) else {
      index += 1
      continue
    }
    let before = at(index - 1)
    if let before, isIdentifier(before) || (before == "." && at(index - 2) != ".") {
      index = digitsEnd(index)
      continue
    }
    if scalar == "0", let kind = at(index + 1), kind == "x" || kind == "o" || kind == "b" {
      index += 2
      while let next = at(index), isIdentifier(next) { index += 1 }
      continue
    }
    var end = digitsEnd(index)
    if at(end) == ".", isDigit(at(end + 1)) { end = digitsEnd(end + 1) }
    if let marker = at(end), marker == "e" || marker == "E" {
      var exponent = end + 1
      if at(exponent) == "-" || at(exponent) == "+" { exponent += 1 }
      if isDigit(at(exponent)) { end = digitsEnd(exponent) }
    }
    if let after = at(end), isIdentifier(after) {
      while let next = at(end), isIdentifier(next) || next == "." { end += 1 }
      index = end
      continue
    }
    var start = index
    if before == "-",
      !(at(index - 2).map { isIdentifier($0) || ")]}\"".unicodeScalars.contains($0) } ?? false)
    {
      start -= 1
    }
    let text = String(String.UnicodeScalarView(scalars[start..<end]))
    if let value = PrintedNumber(text.replacingUnderscores()) {
      numbers.append(CodeNumber(value: value, text: text, lineOffset: line))
    }
    index = end
  }
  return numbers
}

extension String {
  /// The string without `_` (a Swift literal's digit separators).
  fileprivate func replacingUnderscores() -> String {
    String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "_" }))
  }
}
