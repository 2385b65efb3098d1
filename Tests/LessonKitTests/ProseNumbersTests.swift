// Reading numbers out of prose, and the rule that says when a printed number backs one. Every
// expected value is worked out by hand from the rules in the doc comments of ProseNumbers.swift
// (written forms, signs, words, roles; rounding half away from zero at the prose's precision,
// one unit of slack in the printed number's last digit, integers and literals exact).

import Testing

@testable import LessonKit

/// The numbers of `text` as `text=value` (value as PrintedNumber reads it), `%` appended for a
/// percentage, and the role when it is not `.checked`.
private func read(_ text: String) -> [String] {
  proseNumbers(in: text).map { number in
    var item = number.text + "=" + number.value.text + (number.isPercent ? "%" : "")
    switch number.role {
    case .checked: break
    case .smallInteger: item += " small"
    case .label: item += " label"
    case .reference: item += " reference"
    }
    return item
  }
}

/// Whether the printed number `printed` backs the first number of `prose`.
private func backs(_ printed: String, _ prose: String, exact: Bool = false) throws -> Bool {
  let number = try #require(proseNumbers(in: prose).first)
  return number.isBacked(by: try #require(PrintedNumber(printed)), otherIsExact: exact)
}

@Suite("Reading the numbers of prose")
struct ProseNumberReadingTests {
  @Test("The doc example: separators, Chinese, powers of ten, words, references")
  func docExample() {
    #expect(
      read("1,257 samples, 学习率为0.001时, 10⁻³, x2, Lesson 3.2")
        == ["1,257=1257", "0.001=0.001", "10⁻³=1e-3", "3.2=3.2 reference"])
  }

  @Test("Chinese prose: with or without spaces around the number")
  func chinese() {
    #expect(read("学习率为 0.001 时") == ["0.001=0.001"])
    #expect(read("学习率为0.001时，训练1258步。") == ["0.001=0.001", "1258=1258"])
    // A CJK character before a minus does not end an operand: the sign is the number's.
    #expect(read("最小特征值为-2.264") == ["-2.264=-2.264"])
  }

  @Test("Decimals, exponents and integers; a sentence may end right after a number")
  func plainForms() {
    #expect(
      read("loss 0.25. Then 1.5e-3, 2.150e-6 and 1E+05; 1257.")
        == ["0.25=0.25", "1.5e-3=1.5e-3", "2.150e-6=2.150e-6", "1E+05=1e05", "1257=1257"])
  }

  @Test("Thousands separators: groups of exactly three digits")
  func thousands() {
    #expect(read("1,257 and 12,345,678") == ["1,257=1257", "12,345,678=12345678"])
    #expect(read("$1{,}257$") == ["1{,}257=1257"])
    // Not groups of three: separate numbers (and small ones).
    #expect(read("1,2345") == ["1=1 small", "2345=2345"])
    #expect(read("(1, 257)") == ["1=1 small", "257=257"])
    #expect(read("1234,567") == ["1234=1234", "567=567"])
  }

  @Test("Powers of ten and scientific notation, in text and in math")
  func powersOfTen() {
    #expect(read("10⁻³ and 10² and 10⁺⁴") == ["10⁻³=1e-3", "10²=1e2", "10⁺⁴=1e4"])
    #expect(read("$10^{-3}$, 10^-3, $10^{12}$") == ["10^{-3}=1e-3", "10^-3=1e-3", "10^{12}=1e12"])
    #expect(read("2.3 × 10⁻⁴") == ["2.3 × 10⁻⁴=2.3e-4"])
    #expect(read("$7.1 \\cdot 10^{-5}$") == ["7.1 \\cdot 10^{-5}=7.1e-5"])
    #expect(read("$8\\times10^{6}$ and 2.3·10^-4") == ["8\\times10^{6}=8e6", "2.3·10^-4=2.3e-4"])
    // A product with ten, not a power: two numbers.
    #expect(read("2 × 10 = 20") == ["2=2 small", "10=10 small", "20=20 small"])
    // Another base: the base alone (its exponent is a small number of its own).
    #expect(read("$2^{10}$") == ["2=2 small", "10=10 small"])
  }

  @Test("Signs: a minus after an operand is a minus; an en dash is never a sign")
  func signs() {
    #expect(read("(−0.75) and $-2.5$ and = -1.25") == ["−0.75=-0.75", "-2.5=-2.5", "-1.25=-1.25"])
    #expect(read("1−0.9 and x − 0.5 and x−0.5") == ["1=1 small", "0.9=0.9", "0.5=0.5", "0.5=0.5"])
    #expect(read("0.1–0.3 and 0.1-0.3") == ["0.1=0.1", "0.3=0.3", "0.1=0.1", "0.3=0.3"])
    #expect(read("(0.5)-0.25") == ["0.5=0.5", "0.25=0.25"])
    #expect(read("$e^{-0.5}$") == ["-0.5=-0.5"])
  }

  @Test("Numbers inside words are not read; a trailing x multiplier is")
  func words() {
    #expect(read("x2 L2 15th 500s 2h 28ms 0x1F float64 v1.0.3 1.0.3 .5 a_1 α2 3e4f").isEmpty)
    #expect(read("fig-3, ResNet-50, GPT-3, fig-0.003").isEmpty)
    #expect(read("8x8 and 64x64").isEmpty)
    #expect(
      read("3.9x faster, 1000x, 0.5x^3") == ["3.9=3.9", "1000=1000", "0.5=0.5", "3=3 small"])
    #expect(read("a `code` 0.41") == ["0.41=0.41"])
  }

  @Test("Percentages")
  func percentages() {
    #expect(
      read("96.1 %, 96.1%, 0.0861 %, 70 %, $5.5\\%$ and 100 %")
        == [
          "96.1 %=96.1%", "96.1%=96.1%", "0.0861 %=0.0861%", "70 %=70% small", "5.5\\%=5.5%",
          "100 %=100%",
        ])
  }

  @Test("Roles: small integers, labels with a leading zero, references to parts of a text")
  func roles() {
    #expect(
      read("3 epochs, 64 → 32 → 10") == ["3=3 small", "64=64 small", "32=32 small", "10=10 small"])
    #expect(read("the course notes (seed 002)") == ["002=002 label"])
    #expect(
      read("Lesson 3, lessons 12, Section 4.2, §2.1, § 3.5, Fig. 3.5, exercise 4.1, Table 1.2")
        == [
          "3=3 reference", "12=12 reference", "4.2=4.2 reference", "2.1=2.1 reference",
          "3.5=3.5 reference", "3.5=3.5 reference", "4.1=4.1 reference", "1.2=1.2 reference",
        ])
    #expect(
      read("Eq. 2.5, p. 123, pp. 456, page 789") == [
        "2.5=2.5 reference", "123=123 reference", "456=456 reference", "789=789 reference",
      ])
    // Steps, years, counts are quantities: checked.
    #expect(read("step 247 in 2017, 1797 images") == ["247=247", "2017=2017", "1797=1797"])
    // A word ending in a dot that is not an abbreviation of the list is not a reference.
    #expect(read("the lesson. 0.5 of it") == ["0.5=0.5"])
  }

  @Test("A number at the very start and end of the text, and after a dollar")
  func edges() {
    #expect(read("0.5") == ["0.5=0.5"])
    #expect(read("-0.5") == ["-0.5=-0.5"])
    #expect(read("$0.41$") == ["0.41=0.41"])
  }
}

@Suite("When a printed number backs a number of prose")
struct ProseBackingRuleTests {
  @Test("The doc examples: rounding half away from zero, one unit of printed slack")
  func docExamples() throws {
    #expect(try backs("0.4056", "0.41"))
    // 0.4150 rounds to 0.42; 0.4149, one unit away, rounds to 0.41.
    #expect(try backs("0.4150", "0.41"))
    #expect(try backs("0.4150", "0.42"))
    // 0.4249, 0.4250, 0.4251 round to 0.42, 0.43, 0.43.
    #expect(try !backs("0.4250", "0.41"))
    #expect(try !backs("0.4", "0.41"))
    #expect(try backs("0.4056", "0.4"))
    // At two decimals 0.4056 (and 0.4055, 0.4057) is 0.41.
    #expect(try !backs("0.4056", "0.40"))
  }

  @Test("At the same precision: one unit either side, as outputs are compared")
  func samePrecision() throws {
    #expect(try backs("0.40", "0.41"))
    #expect(try backs("0.41", "0.41"))
    #expect(try backs("0.42", "0.41"))
    #expect(try !backs("0.39", "0.41"))
    #expect(try !backs("0.43", "0.41"))
    // A printed zero and the smallest unit: the output comparison takes 0.000001 for 0.000000.
    #expect(try backs("0.000000", "10⁻⁶"))
    #expect(try backs("0.00", "0.01"))
    // The carry into the exponent: 1.000e+0 stands for 0.999 too.
    #expect(try backs("1.000e+0", "0.999"))
  }

  @Test("Integers are exact; a printed decimal must round to them")
  func integers() throws {
    #expect(try backs("1257", "1257"))
    #expect(try !backs("1258", "1257"))
    #expect(try !backs("1256", "1257"))
    // 1257.3, 1257.4, 1257.5 round to 1257, 1257, 1258: one of them is 1257.
    #expect(try backs("1257.4", "1257"))
    // 1257.5, 1257.6, 1257.7 all round to 1258.
    #expect(try !backs("1257.6", "1257"))
    #expect(try backs("1.258e+03", "1258"))
    #expect(try !backs("1.26e+03", "1258"))
    #expect(try backs("1257", "1,257"))
  }

  @Test("A printed number less precise than the prose backs nothing")
  func lessPrecise() throws {
    #expect(try !backs("0.5", "0.50"))
    #expect(try !backs("2.1", "2.150e-6"))
  }

  @Test("Powers of ten are written to one significant digit")
  func powersOfTen() throws {
    #expect(try backs("0.001", "10⁻³"))
    #expect(try backs("1.000e-03", "$10^{-3}$"))
    #expect(try backs("0.0012", "10⁻³"))
    // 0.0015 and 0.0016 round to 0.002.
    #expect(try !backs("0.0016", "10⁻³"))
    #expect(try backs("7.08e-05", "$7.1 \\cdot 10^{-5}$"))
  }

  @Test("Signs: written minus needs a negative value; no sign compares magnitudes")
  func signs() throws {
    #expect(try backs("-0.75", "−0.75"))
    #expect(try !backs("0.75", "−0.75"))
    #expect(try backs("-0.75", "0.75"))
    #expect(try backs("-0.0000", "-0.0000"))
    // -0.001 rounds to -0.00 = 0 at two decimals: a zero has no sign.
    #expect(try backs("0.001", "-0.00"))
  }

  @Test("A percentage is backed by itself or by the fraction it stands for")
  func percentages() throws {
    #expect(try backs("0.9610", "96.1 %"))
    #expect(try backs("96.1", "96.1 %"))
    #expect(try backs("0.961", "96.1 %"))
    // 0.9649, 0.9650, 0.9651 are 96.5 % at one decimal.
    #expect(try !backs("0.9650", "96.1 %"))
    #expect(try backs("1.00", "100 %"))
    #expect(try !backs("0.96", "96.1 %"))
  }

  @Test("A literal of a snippet backs the same value, written at most as precisely")
  func literals() throws {
    #expect(try backs("1e-3", "0.001", exact: true))
    #expect(try backs("1e-3", "10⁻³", exact: true))
    #expect(try backs("0.001", "1e-3", exact: true))
    #expect(try backs("0.10", "0.1", exact: true))
    #expect(try backs("2000", "2,000", exact: true))
    #expect(try backs("2000", "2 × 10³", exact: true))
    #expect(try backs("-0.75", "0.75", exact: true))
    // No slack for a literal, and no digits it does not write.
    #expect(try !backs("1", "1.0000", exact: true))
    #expect(try !backs("0.05", "0.1", exact: true))
    #expect(try !backs("0.3", "0.30", exact: true))
    #expect(try !backs("0.41", "0.42", exact: true))
    #expect(try !backs("0.75", "−0.75", exact: true))
  }

  @Test("The same written number: how cited numbers are matched")
  func sameWrittenNumber() throws {
    let numbers = proseNumbers(in: "10⁻³ 1e-3 0.001 0.0010 −0.001 1,257 1257 0.0 0")
    #expect(numbers.count == 9)
    let thousandth = numbers[0]
    #expect(numbers[1...2].allSatisfy { $0.isSameWrittenNumber(as: thousandth) })
    #expect(!numbers[3].isSameWrittenNumber(as: thousandth))
    #expect(numbers[4].isSameWrittenNumber(as: thousandth))
    #expect(numbers[5].isSameWrittenNumber(as: numbers[6]))
    // Zero is zero at any precision.
    #expect(numbers[7].isSameWrittenNumber(as: numbers[8]))
  }
}

@Suite("Number literals of a snippet's code")
struct SnippetNumberTests {
  private func literals(_ code: String) -> [String] { codeNumbers(in: code).map(\.text) }

  @Test("The doc example")
  func docExample() {
    #expect(
      literals("let rate = 1e-3 // 0.5\nfor _ in 0..<1_000 { x -= -0.75 }")
        == ["1e-3", "0", "1_000", "-0.75"])
    #expect(codeNumbers(in: "let big = 1_000").first?.value.text == "1000")
  }

  @Test("Comments are not code; strings are")
  func commentsAndStrings() {
    #expect(literals("/* 0.1 /* 0.2 */ 0.3 */ 0.4") == ["0.4"])
    #expect(literals("print(\"batch 100 // not a comment\") // 0.5") == ["100"])
    #expect(literals("let s = \"\"\"\n  250 \\(x)\n  \"\"\" // 3.5\n7") == ["250", "7"])
  }

  @Test("Names, tuple indices, hexadecimal and binary are not literals; ranges are")
  func notLiterals() {
    #expect(literals("beta2 + x1 + pair.0 + 0x1F + 0b101 + 0o17").isEmpty)
    #expect(literals("1...2, 0..<10") == ["1", "2", "0", "10"])
  }

  @Test("A prefix minus belongs to the literal; a binary one does not")
  func signs() {
    #expect(literals("[-1, -0.5], x: -2...2, f(-3)") == ["-1", "-0.5", "-2", "2", "-3"])
    #expect(literals("a - 0.5, b-0.25, (c) - 4, d[0]-1") == ["0.5", "0.25", "4", "0", "1"])
  }

  @Test("Each literal knows its line")
  func lines() {
    #expect(codeNumbers(in: "a\n0.5\n\n// 7\n300").map(\.lineOffset) == [1, 4])
  }
}
