// Colours for data series, chosen to read on light and on dark pages.

/// The colours given to series in order (the first series gets the first colour, and so on,
/// wrapping around after the last).
///
/// Axes, ticks and text use `currentColor`, so they follow the page's text colour in light and
/// dark themes; series use these mid-tone colours, which keep enough contrast against both a
/// white and a near-black background: WCAG contrast ratios of at least 3.0 against white and
/// 4.2 against #161616 (the 3:1 minimum WCAG asks of graphical objects). Pass `color:` to a series to choose another CSS colour.
///
/// ```swift
/// Palette.color(0)  // "#3d85c6" (blue)
/// Palette.color(9)  // "#d97634" (orange, wraps around)
/// ```
public enum Palette {
  /// The series colours: blue, orange, green, red, purple, brown, pink, teal.
  public static let colors: [String] = [
    "#3d85c6", "#d97634", "#3ea85b", "#d9534f", "#9467bd", "#a0785a", "#d66bb0", "#2aa4a9",
  ]

  /// The colour of the series at `index` (wrapping around).
  ///
  /// - Parameter index: The position of the series, from 0.
  public static func color(_ index: Int) -> String {
    colors[((index % colors.count) + colors.count) % colors.count]
  }
}
