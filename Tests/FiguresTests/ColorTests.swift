// Tests of the series palette and the heat-map colour map.

import Foundation
import Testing

@testable import Figures

@Suite struct ColorTests {
  @Test func paletteWrapsAround() {
    #expect(Palette.color(0) == "#3d85c6")
    #expect(Palette.color(Palette.colors.count + 1) == Palette.color(1))
    #expect(Palette.color(-1) == Palette.colors.last)
  }

  @Test func paletteContrastsWithLightAndDarkPages() {
    // WCAG 2 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio);
    // graphical objects need at least 3:1. Light page: white; dark page: #161616.
    func luminance(_ hex: String) -> Double {
      let digits = Array(hex.dropFirst())
      let channels = [0, 2, 4].map { i -> Double in
        let c = Double(Int(String(digits[i...i + 1]), radix: 16)!) / 255
        return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
    func contrast(_ a: String, _ b: String) -> Double {
      let (la, lb) = (luminance(a), luminance(b))
      return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
    for color in Palette.colors {
      #expect(contrast(color, "#ffffff") >= 3, "\(color) on white")
      #expect(contrast(color, "#161616") >= 4, "\(color) on #161616")
    }
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
