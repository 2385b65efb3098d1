// The comparison of recorded and actual outputs: numbers at their printed precision, text
// exactly. Every expected value below is worked out by hand from the rule in the doc comments
// of OutputComparison.swift (one unit in the last printed digit, same precision, integers
// exact, numbers touching a word are text).

import Testing

@testable import LessonKit

/// The tokens of `text`, written compactly: numbers as `#text`, text as itself.
private func tokens(_ text: String) -> [String] {
  outputTokens(text).map { token in
    switch token {
    case .text(let text): return text
    case .number(let number): return "#" + number.text
    }
  }
}

/// Whether the two printed numbers match (both must read as numbers).
private func match(_ a: String, _ b: String) throws -> Bool {
  let first = try #require(PrintedNumber(a))
  let second = try #require(PrintedNumber(b))
  return first.matches(second)
}

@Suite("Cutting output into numbers and text")
struct OutputTokenTests {
  @Test("The doc example: integers and decimals are numbers, x2 is text")
  func docExample() {
    #expect(
      tokens("step 40: loss 0.2512 (x2)") == ["step ", "#40", ": loss ", "#0.2512", " (x2)"])
  }

  @Test("Signs and exponents belong to the number; brackets and commas do not")
  func signsAndExponents() {
    #expect(
      tokens("[-0.5, +1.5e-3, 1E+05]")
        == ["[", "#-0.5", ", ", "#+1.5e-3", ", ", "#1E+05", "]"])
    #expect(tokens("x=-1.25e-3;") == ["x=", "#-1.25e-3", ";"])
    // A sentence may end right after a number.
    #expect(tokens("loss 0.25.") == ["loss ", "#0.25", "."])
    #expect(tokens("0.5") == ["#0.5"])
  }

  @Test("A number touching a letter, digit, _ or a .-joined digit is text")
  func numbersInWords() {
    let words = "v1.0.3 fig-0003 0x1F 3e4f e5 .5 nan inf -inf 1.0.3 a_1 1.5em α2 "
    #expect(tokens(words) == [words])
    // In `2-3` the first number stands alone; `-3` is joined to it.
    #expect(tokens("2-3") == ["#2", "-3"])
    // `--5` and `(-5)`: the sign follows punctuation, so it is the number's.
    #expect(tokens("--5 (-5)") == ["-", "#-5", " (", "#-5", ")"])
  }

  @Test("A printed number's parts")
  func printedNumber() throws {
    let small = try #require(PrintedNumber("-0.0312"))
    #expect(small.isNegative && small.digits == [3, 1, 2] && small.fractionDigits == 4)
    #expect(small.exponent == nil && !small.isInteger)
    let large = try #require(PrintedNumber("1.235e+05"))
    #expect(large.digits == [1, 2, 3, 5] && large.fractionDigits == 3 && large.exponent == 5)
    let zero = try #require(PrintedNumber("0.000"))
    #expect(zero.digits.isEmpty && zero.fractionDigits == 3)
    #expect(try #require(PrintedNumber("1600")).isInteger)
    // Not numbers: no digit before the point, an exponent that does not fit an Int, a word.
    #expect(PrintedNumber(".5") == nil)
    #expect(PrintedNumber("1e99999999999999999999") == nil)
    #expect(PrintedNumber("1.0.3") == nil)
    #expect(PrintedNumber("x2") == nil)
  }
}

@Suite("Matching numbers at their printed precision")
struct PrintedNumberMatchTests {
  @Test("One unit in the last digit passes, two fail, another precision fails")
  func lastDigit() throws {
    #expect(try match("0.1234", "0.1235"))
    #expect(try match("0.1234", "0.1233"))
    #expect(try !match("0.1234", "0.1236"))
    #expect(try !match("0.1234", "0.1237"))
    #expect(try !match("0.1234", "0.12"))
    #expect(try !match("0.1234", "0.12340"))
  }

  @Test("The sign of zero does not matter; values across zero are compared as values")
  func zero() throws {
    #expect(try match("-0.0000", "0.0000"))
    #expect(try match("-0.0001", "0.0000"))
    #expect(try match("0.0001", "0.0002"))
    // -0.0001 and 0.0001 are two units apart.
    #expect(try !match("-0.0001", "0.0001"))
  }

  @Test("A carry into the integer part is one unit")
  func carry() throws {
    #expect(try match("9.9999", "10.0000"))
    #expect(try match("0.9999", "1.0000"))
    #expect(try match("-0.9999", "-1.0000"))
    // 100.01 − 99.99 = 0.02: two units.
    #expect(try !match("99.99", "100.01"))
  }

  @Test("Scientific notation: one unit of the mantissa, and a carry into the exponent")
  func scientific() throws {
    #expect(try match("1.234e+05", "1.235e+05"))
    #expect(try !match("1.234e+05", "1.236e+05"))
    // 1.000e+00 − 9.999e-01 = 0.0001, one unit of 9.999e-01's last digit; either way round.
    #expect(try match("9.999e-01", "1.000e+00"))
    #expect(try match("1.000e+00", "9.999e-01"))
    #expect(try match("-9.999e-01", "-1.000e+00"))
    // 1.000e+00 − 9.998e-01 = 0.0002: two units.
    #expect(try !match("9.998e-01", "1.000e+00"))
    #expect(try !match("9.999e-01", "-1.000e+00"))
    #expect(try !match("1.000e+00", "1.000e+01"))
    #expect(try !match("1.000e+00", "1.000e+02"))
    // How the exponent is written does not matter; its value does.
    #expect(try match("1.5e-05", "1.5e-5"))
    // One significant digit: the last digit is worth 1e5.
    #expect(try match("1e5", "2e5"))
    #expect(try !match("1e5", "3e5"))
  }

  @Test("Integers are compared as printed: a count off by one is a change")
  func integers() throws {
    #expect(try match("1600", "1600"))
    #expect(try !match("1600", "1601"))
    #expect(try !match("-0", "0"))
    // An integer never matches a decimal, whatever its value.
    #expect(try !match("2", "2.0"))
    #expect(try !match("2.0", "2"))
    #expect(try !match("1.5", "1.5e+00"))
  }

  @Test("Digits beyond 64-bit integers are compared exactly")
  func longNumbers() throws {
    #expect(try match("0.12345678901234567890123", "0.12345678901234567890124"))
    #expect(try !match("0.12345678901234567890123", "0.12345678901234567890125"))
    #expect(try match("99999999999999999999.9", "100000000000000000000.0"))
  }
}

@Suite("Matching outputs")
struct OutputsMatchTests {
  @Test("The doc examples")
  func docExamples() {
    #expect(outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1235\n"))
    #expect(!outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1236\n"))
    #expect(!outputsMatch(recorded: "step 40\n", actual: "step 41\n"))
    #expect(!outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1235\n", exact: true))
    #expect(outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1234\n", exact: true))
  }

  @Test("Text must be the same, numbers pair up one to one")
  func structure() {
    #expect(
      outputsMatch(
        recorded: "step 40: loss 0.1234, acc 0.91\nstep 80: loss 0.0999, acc 0.95\n",
        actual: "step 40: loss 0.1233, acc 0.92\nstep 80: loss 0.1000, acc 0.95\n"))
    #expect(!outputsMatch(recorded: "loss 0.1234\n", actual: "loss 0.1234 \n"))
    #expect(!outputsMatch(recorded: "loss 0.1234\n", actual: "Loss 0.1234\n"))
    #expect(!outputsMatch(recorded: "a 1 2\n", actual: "a 1\n"))
    #expect(!outputsMatch(recorded: "x 0.5\n", actual: "x nan\n"))
    #expect(!outputsMatch(recorded: "x 0.5\n", actual: "x 0.5\n\n"))
  }

  @Test("Numbers inside words are compared exactly")
  func words() {
    #expect(!outputsMatch(recorded: "x2\n", actual: "x3\n"))
    #expect(!outputsMatch(recorded: "v1.0.3\n", actual: "v1.0.4\n"))
    #expect(!outputsMatch(recorded: "1.0.3\n", actual: "1.0.4\n"))
    #expect(!outputsMatch(recorded: "fig-0.003\n", actual: "fig-0.004\n"))
    #expect(!outputsMatch(recorded: "3e4f\n", actual: "3e5f\n"))
  }
}
