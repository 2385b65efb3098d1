// Tests of the series palette and the heat-map colour map.

import Testing

@testable import Figures

@Suite struct ColorTests {
  @Test func paletteWrapsAround() {
    #expect(Palette.color(0) == "#3d85c6")
    #expect(Palette.color(Palette.colors.count + 1) == Palette.color(1))
    #expect(Palette.color(-1) == Palette.colors.last)
  }

  @Test func colorMapHitsItsStops() {
    // The ends and the middle (stop 4 of 0…8) are the stops themselves.
    #expect(ColorMap.color(at: 0) == "#440154")
    #expect(ColorMap.color(at: 0.5) == "#21918c")
    #expect(ColorMap.color(at: 1) == "#fde725")
    // Out of range and NaN clamp.
    #expect(ColorMap.color(at: 7) == "#fde725")
    #expect(ColorMap.color(at: .nan) == "#440154")
  }

  @Test func colorMapInterpolatesBetweenStops() {
    // Halfway between stops 0 (0x44, 0x01, 0x54) and 1 (0x47, 0x2d, 0x7b): t = 1/16.
    // Red 69.5 → 70 = 0x46, green 23, blue 103.5 → 104 = 0x68 (rounding half away from 0).
    #expect(ColorMap.color(at: 1.0 / 16) == "#461768")
  }

  @Test func colorMapGetsLighterThroughout() {
    // Relative luminance (Rec. 709 weights, no gamma: a monotonicity check only) rises.
    func luminance(_ hex: String) -> Double {
      let digits = Array(hex.dropFirst())
      let channel = { (i: Int) in Double(Int(String(digits[i...i + 1]), radix: 16)!) }
      return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }
    let samples = (0...32).map { luminance(ColorMap.color(at: Double($0) / 32)) }
    #expect(zip(samples, samples.dropFirst()).allSatisfy { $0 < $1 })
  }
}
