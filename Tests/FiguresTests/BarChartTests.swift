// Tests of BarChart: bar positions and heights from the axis mapping, categories, log axes.

import Testing

@testable import Figures

@Suite struct BarChartTests {
  /// Pixel coordinates are written with two decimals: within 0.005 px of the exact value.
  let pixelTolerance = 0.0051

  private func bars(_ root: XMLElementNode) -> [XMLElementNode] {
    // Data bars live in groups with a fill; legend boxes are 12 px squares outside them.
    root.all("g").filter { $0.attributes["fill"] != nil }.flatMap { $0.all("rect") }
  }

  @Test func docExampleHasOneBarPerCategoryAndGroup() throws {
    var chart = BarChart(
      title: "Final distance to the minimum", yLabel: "distance",
      categories: ["GD", "momentum", "Adam"])
    chart.add("η = 0.01", values: [0.8, 0.2, 0.05])
    chart.add("η = 0.1", values: [0.3, 0.01, 0.02])
    let root = try parseSVG(chart.svg())
    #expect(bars(root).count == 6)
    let texts = root.all("text").map(\.allText)
    for text in ["GD", "momentum", "Adam", "η = 0.01", "η = 0.1"] { #expect(texts.contains(text)) }
  }

  @Test func barsSpanTheirSlotAndRiseToTheirValue() throws {
    let chart = BarChart(categories: ["a", "b"], yRange: -1...2)
      .adding("g", values: [2, -1])
      .adding("h", values: [1, .nan])
    let frame = chart.frame()
    let drawn = bars(try parseSVG(chart.svg()))
    // NaN leaves its bar out: three bars.
    #expect(drawn.count == 3)
    // Group g, category a: x from 0.1 to 0.5 (two groups share 0.8 of the slot), from 0 up
    // to 2.
    let first = drawn[0]
    #expect(abs(first.number("x")! - frame.pixelX(0.1)!) < pixelTolerance)
    #expect(abs(first.number("width")! - (frame.pixelX(0.5)! - frame.pixelX(0.1)!)) < 0.011)
    #expect(abs(first.number("y")! - frame.pixelY(2)!) < pixelTolerance)
    #expect(abs(first.number("height")! - (frame.pixelY(0)! - frame.pixelY(2)!)) < 0.011)
    // Group g, category b: a negative bar hangs from 0 down to −1.
    let negative = drawn[1]
    #expect(abs(negative.number("y")! - frame.pixelY(0)!) < pixelTolerance)
    #expect(abs(negative.number("height")! - (frame.pixelY(-1)! - frame.pixelY(0)!)) < 0.011)
    // Group h, category a: x from 0.5 to 0.9.
    #expect(abs(drawn[2].number("x")! - frame.pixelX(0.5)!) < pixelTolerance)
  }

  @Test func logBarsRiseFromTheBottomOfTheAxis() throws {
    let chart = BarChart(categories: ["a", "b"], yScale: .log10).adding("", values: [100, 0])
    let frame = chart.frame()
    let drawn = bars(try parseSVG(chart.svg()))
    // 0 has no place on a log axis: one bar, from the axis bottom up to 100.
    #expect(drawn.count == 1)
    let bottom = drawn[0].number("y")! + drawn[0].number("height")!
    #expect(abs(bottom - frame.area.maxY) < 0.011)
    #expect(abs(drawn[0].number("y")! - frame.pixelY(100)!) < pixelTolerance)
  }
}

@Suite struct SlantedLabelTests {
  @Test func longCategoryNamesAreSlantedShortOnesAreNot() throws {
    let long = [
      "gradient descent", "momentum (β = 0.9)", "Nesterov momentum", "Adagrad",
      "RMSProp (ρ = 0.99)", "Adam with warm-up",
    ]
    // 640 px wide, six slots of about 90 px; "momentum (β = 0.9)" is 18 characters, about
    // 18 × 11 × 0.6 ≈ 119 px: wider than a slot.
    let slanted = try parseSVG(
      BarChart(categories: long).adding("", values: [1, 2, 3, 4, 5, 6]).svg())
    let slantedTexts = slanted.all("text").filter { long.contains($0.allText) }
    #expect(slantedTexts.count == 6)
    #expect(slantedTexts.allSatisfy { $0.attributes["transform"]?.hasPrefix("rotate(-35") == true })
    // Every slanted label starts inside the figure: its anchor (the end) minus its rotated
    // width stays right of 0.
    for text in slantedTexts {
      let width = Double(text.allText.count) * 11 * 0.6
      #expect(text.number("x")! - 0.82 * width >= 0)
    }
    let short = try parseSVG(
      BarChart(categories: ["GD", "Adam"]).adding("", values: [1, 2]).svg())
    #expect(
      short.all("text").allSatisfy {
        $0.attributes["transform"] == nil || $0.attributes["transform"]!.hasPrefix("rotate(-90")
      })
  }
}
