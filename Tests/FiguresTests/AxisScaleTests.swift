// Tests of tick selection and scale mapping (AxisScale.swift). Every expected tick list is
// derived by hand from the 1-2-5 rule: step = the smallest of 1, 2, 5 × 10^k that is at least
// (range / 5).

import Testing

@testable import Figures

/// The tick labels as plain text (powers of ten as "10^e"), unlabelled ticks left out.
private func labels(_ ticks: [Tick]) -> [String] {
  ticks.compactMap {
    switch $0.label {
    case .plain(let s): return s
    case .powerOfTen(let e): return "10^\(e)"
    case .negativePowerOfTen(let e): return "-10^\(e)"
    case .none: return nil
    }
  }
}

@Suite struct AxisScaleTests {
  private func values(_ ticks: [Tick]) -> [Double] { ticks.map(\.value) }

  @Test func unitRangeStepsByTwoTenths() {
    // 1 / 5 = 0.2 → step 2 × 10⁻¹.
    let (lower, upper, ticks) = linearTicks(lower: 0, upper: 1, expand: true)
    #expect(lower == 0 && upper == 1)
    #expect(labels(ticks) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    // Ticks are the nearest doubles to the decimals, not accumulated sums (0.6, not
    // 0.6000000000000001): within one ulp of the decimal literal.
    for (tick, expected) in zip(values(ticks), [0, 0.2, 0.4, 0.6, 0.8, 1.0]) {
      #expect(abs(tick - expected) <= expected.ulp)
    }
  }

  @Test func zeroToTenStepsByTwo() {
    // 10 / 5 = 2 → step 2.
    let (_, _, ticks) = linearTicks(lower: 0, upper: 10, expand: true)
    #expect(labels(ticks) == ["0", "2", "4", "6", "8", "10"])
  }

  @Test func mixedSignRangeWidensToMultiplesOfFive() {
    // 15.8 / 5 = 3.16 → step 5; floor(−3.7/5) = −1, ceil(12.1/5) = 3.
    let (lower, upper, ticks) = linearTicks(lower: -3.7, upper: 12.1, expand: true)
    #expect(lower == -5 && upper == 15)
    #expect(labels(ticks) == ["-5", "0", "5", "10", "15"])
  }

  @Test func smallRangeUsesThousandths() {
    // 0.0035 / 5 = 0.0007 → step 10⁻³; the domain widens to 0.001…0.005.
    let (lower, upper, ticks) = linearTicks(lower: 0.0012, upper: 0.0047, expand: true)
    #expect(abs(lower - 0.001) < 1e-18 && abs(upper - 0.005) < 1e-18)
    #expect(labels(ticks) == ["0.001", "0.002", "0.003", "0.004", "0.005"])
  }

  @Test func millionsUseExponentLabels() {
    // 4e6 / 5 = 8e5 → step 10⁶, labels in e notation.
    let (_, _, ticks) = linearTicks(lower: 1e6, upper: 5e6, expand: true)
    #expect(labels(ticks) == ["1e6", "2e6", "3e6", "4e6", "5e6"])
  }

  @Test func fixedRangeKeepsItsEndsAndOnlyInsideTicks() {
    // 0.8 / 5 = 0.16 → step 0.2; inside 0.15…0.95: 0.2, 0.4, 0.6, 0.8.
    let axis = Axis.make(scale: .linear, values: [], fixedRange: 0.15...0.95)
    #expect(axis.lower == 0.15 && axis.upper == 0.95)
    #expect(labels(axis.ticks) == ["0.2", "0.4", "0.6", "0.8"])
  }

  @Test func logTicksAtPowersOfTenWithMinorTicks() {
    // 0.003 lies in decade 10⁻³, 40 in decade 10¹ → domain 10⁻³…10²: five decades, six
    // labelled powers and 8 unlabelled minor ticks (2…9 ×) in each decade.
    let (lower, upper, ticks) = logTicks(lower: 0.003, upper: 40, expand: true)
    #expect(abs(lower - 0.001) < 1e-18 && upper == 100)
    #expect(labels(ticks) == ["10^-3", "10^-2", "10^-1", "10^0", "10^1", "10^2"])
    #expect(ticks.count == 6 + 5 * 8)
  }

  @Test func shortLogAxisLabelsOneTwoFive() {
    // Two decades: 1, 2, 5, 10, 20, 50, 100 are labelled in plain decimals.
    let (_, _, ticks) = logTicks(lower: 1, upper: 100, expand: true)
    #expect(labels(ticks) == ["1", "2", "5", "10", "20", "50", "100"])
  }

  @Test func longLogAxisLabelsEverySecondPower() {
    // Twelve decades: (12 + 9) / 10 = 2 → every second power, no minor ticks.
    let (_, _, ticks) = logTicks(lower: 1e-12, upper: 1, expand: true)
    #expect(labels(ticks) == ["10^-12", "10^-10", "10^-8", "10^-6", "10^-4", "10^-2", "10^0"])
    #expect(ticks.count == 13)
  }

  @Test func logMappingPlacesDecadesEvenly() {
    let axis = Axis.make(scale: .log10, values: [], fixedRange: 1...1000)
    // log10(10) = 1 of 3 decades; log10(√10) = 0.5 → 1/6. Tolerance: a few ulps of log10.
    #expect(abs(axis.fraction(10)! - 1.0 / 3) < 1e-12)
    #expect(abs(axis.fraction(10.0.squareRoot())! - 1.0 / 6) < 1e-12)
    #expect(abs(axis.fraction(1000)! - 1) < 1e-12)
    #expect(axis.fraction(0) == nil)
    #expect(axis.fraction(-5) == nil)
    #expect(axis.fraction(.nan) == nil)
    #expect(axis.fraction(.infinity) == nil)
  }

  @Test func logAxisFitsOnlyPositiveValues() {
    // 0 and −3 are ignored; 0.5…20 fits into 10⁻¹…10².
    let axis = Axis.make(scale: .log10, values: [0, -3, 0.5, 20])
    #expect(abs(axis.lower - 0.1) < 1e-17 && axis.upper == 100)
  }

  @Test func constantDataGetsAVisibleRange() {
    // A single value 3 is padded by half its size: 1.5…4.5, step 1 → 1…5.
    let axis = Axis.make(scale: .linear, values: [3, 3])
    #expect(axis.lower == 1 && axis.upper == 5)
  }
}

@Suite struct SymmetricLogTests {
  @Test func docExampleTicks() {
    // −0.5 widens to −10⁰, 300 to 10³; powers from 10⁻¹ (= 10 · width) up on both sides.
    let (lower, upper, ticks) = symmetricLogTicks(
      lower: -0.5, upper: 300, width: 0.01, expand: true)
    #expect(lower == -1 && upper == 1000)
    #expect(
      labels(ticks) == [
        "-10^0", "-10^-1", "0", "10^-1", "10^0", "10^1", "10^2", "10^3",
      ])
  }

  @Test func mappingIsOddAndLogarithmicFarFromZero() {
    let axis = Axis.make(scale: .symmetricLog(linearWidth: 1), values: [], fixedRange: -999...999)
    // t(v) = sign(v)·log10(1 + |v|): t(999) = 3, t(−999) = −3, t(0) = 0, t(99) = 2.
    #expect(abs(axis.fraction(0)! - 0.5) < 1e-12)
    #expect(abs(axis.fraction(99)! - 5.0 / 6) < 1e-12)
    #expect(abs(axis.fraction(-99)! - 1.0 / 6) < 1e-12)
    #expect(axis.fraction(.nan) == nil)
  }

  @Test func inverseUndoesTransform() {
    let scale = AxisScale.symmetricLog(linearWidth: 0.1)
    for v in [-250.0, -0.03, 0, 0.07, 42] {
      let t = Axis.transform(v, scale)!
      // pow(10, log10(x)) round trip: a few ulps, relative 1e-12.
      #expect(abs(Axis.inverse(t, scale) - v) <= 1e-12 * max(1, abs(v)))
    }
  }

  @Test func eigenvalueSpectrumPlotsNegativeAndPositiveValues() throws {
    let plot = ScatterPlot(yScale: .symmetricLog(linearWidth: 1e-3))
      .adding("eigenvalues", x: [0, 1, 2, 3, 4], y: [-0.02, -1e-4, 0, 3, 150])
    // All five are drawable on a symmetric-log axis (0 and negatives included).
    #expect(try parseSVG(plot.svg()).all("circle").count == 5 + 1)
  }
}
