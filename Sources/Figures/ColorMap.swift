// The sequential colour map used for heat maps and colour bars.

/// Colours for values on a scale from 0 to 1, for heat maps.
///
/// The map runs from dark violet through blue and green to yellow, with lightness rising
/// steadily, so order reads without colour vision and in print. It is built by linear
/// interpolation between nine stops of matplotlib's perceptually uniform "viridis" map.
///
/// ```swift
/// ColorMap.color(at: 0)    // "#440154"
/// ColorMap.color(at: 1)    // "#fde725"
/// ```
public enum ColorMap {
  /// The nine stops, evenly spaced from 0 to 1, as (red, green, blue).
  static let stops: [(Double, Double, Double)] = [
    (0x44, 0x01, 0x54), (0x47, 0x2d, 0x7b), (0x3b, 0x52, 0x8b), (0x2c, 0x72, 0x8e),
    (0x21, 0x91, 0x8c), (0x28, 0xae, 0x80), (0x5e, 0xc9, 0x62), (0xad, 0xdc, 0x30),
    (0xfd, 0xe7, 0x25),
  ]

  /// The colour at `t` (clamped to 0…1) as `#rrggbb`.
  ///
  /// - Parameter t: Position on the scale; 0 is the darkest colour, 1 the lightest.
  public static func color(at t: Double) -> String {
    let clamped = t.isNaN ? 0 : min(1, max(0, t))
    let position = clamped * Double(stops.count - 1)
    let index = min(stops.count - 2, Int(position))
    let f = position - Double(index)
    let (r0, g0, b0) = stops[index]
    let (r1, g1, b1) = stops[index + 1]
    return "#" + hex(r0 + f * (r1 - r0)) + hex(g0 + f * (g1 - g0)) + hex(b0 + f * (b1 - b0))
  }

  private static func hex(_ channel: Double) -> String {
    let value = Int(channel.rounded())
    let digits = Array("0123456789abcdef")
    return String(digits[value / 16]) + String(digits[value % 16])
  }
}
