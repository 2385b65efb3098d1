// Tests of number formatting and XML escaping (Formatting.swift). Expected strings are worked
// out by hand from the documented rules.

import Testing

@testable import Figures

@Suite struct FormattingTests {
  @Test func fixedDecimalsDropTrailingZerosAndNegativeZero() {
    #expect(fixed(12.5) == "12.5")
    #expect(fixed(3) == "3")
    #expect(fixed(-0.001) == "0")
    #expect(fixed(-2.345, decimals: 1) == "-2.3")
    // 0.125 is exact in binary; 12.5 rounds away from zero to 13.
    #expect(fixed(0.125) == "0.13")
    #expect(fixed(0.05) == "0.05")
    #expect(fixed(1_234_567.891) == "1234567.89")
    #expect(fixed(.nan) == "0")
  }

  @Test func significantDigitsPlainOrExponent() {
    #expect(significant(0.031623) == "0.0316")
    #expect(significant(123_456_789) == "1.23e8")
    #expect(significant(2.5e-7) == "2.5e-7")
    #expect(significant(0) == "0")
    #expect(significant(-0.5) == "-0.5")
    // Rounding to three digits carries into the next power of ten.
    #expect(significant(9.996) == "10")
    #expect(significant(1000) == "1000")
    // Longer whole numbers are rounded to three digits.
    #expect(significant(58254) == "58300")
    #expect(significant(-999_499) == "-999000")
    // … and may carry into e notation: 999 949 to three digits is 1.00e6.
    #expect(significant(999_949) == "1e6")
  }

  @Test func decimalExponentAtExactPowers() {
    #expect(decimalExponent(1000) == 3)
    #expect(decimalExponent(999.999) == 2)
    #expect(decimalExponent(0.001) == -3)
    #expect(decimalExponent(0.00099) == -4)
  }

  @Test func escapingReplacesAllFiveSpecialCharacters() {
    let raw = "<script>alert('x') & \"y\"</script>"
    #expect(
      escapeXML(raw)
        == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    // Control characters that XML 1.0 forbids are dropped; newlines stay.
    #expect(escapeXML("a\u{1}b\nc") == "ab\nc")
  }
}
