import Testing

@testable import LessonSupport

/// The doc-comment examples of Format.swift and the edge cases, with expected texts worked out
/// by hand (round half away from zero on the value the `Double` holds).
@Suite struct FormatTests {
  @Test func fixedRoundsToTheGivenDecimals() {
    #expect(fixed(3.14159) == "3.1416")
    #expect(fixed(2.5, 0) == "3")
    #expect(fixed(-2.5, 0) == "-3")
    #expect(fixed(0.5, 2) == "0.50")
    #expect(fixed(-12.34, 4) == "-12.3400")
    #expect(fixed(1234567.0, 1) == "1234567.0")
    // 0.0001 · 10⁴ rounds to 1 unit: a leading zero pads the fraction.
    #expect(fixed(1.0001, 4) == "1.0001")
  }

  @Test func fixedNeverPrintsNegativeZero() {
    #expect(fixed(-0.00004) == "0.0000")
    #expect(fixed(-0.0) == "0.0000")
    #expect(fixed(-0.4, 0) == "0")
  }

  @Test func fixedWritesNonFiniteValuesAsWords() {
    #expect(fixed(Double.nan) == "nan")
    #expect(fixed(Double.infinity) == "inf")
    #expect(fixed(-Double.infinity, 2) == "-inf")
  }

  @Test func fixedFallsBackToScientificBeyondExactIntegers() {
    // 1e20 · 10⁴ is far beyond 2⁵³: the fixed form would need digits a Double does not hold.
    #expect(fixed(1e20) == "1.0000e+20")
  }

  @Test func scientificNormalizesTheMantissa() {
    #expect(scientific(123456) == "1.235e+5")
    #expect(scientific(-0.00042, 2) == "-4.20e-4")
    #expect(scientific(1) == "1.000e+0")
    #expect(scientific(0) == "0.000")
    // 9.9996 rounds to 10.000 at three decimals: the exponent goes up instead.
    #expect(scientific(9.9996) == "1.000e+1")
    #expect(scientific(Double.infinity) == "inf")
  }

  @Test func floatOverloadsConvertExactly() {
    #expect(fixed(Float(0.25), 2) == "0.25")
    #expect(scientific(Float(1024), 1) == "1.0e+3")
  }

  @Test func paddingAndRows() {
    #expect(padded("3.1", 6) == "   3.1")
    #expect(padded("toolong", 3) == "toolong")
    #expect(row(["step", fixed(0.5, 2)], width: 6) == "  step  0.50")
    #expect(row([]) == "")
  }
}
