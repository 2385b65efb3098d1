// Tests of Histogram: bin edges, counts at the edges, NaN handling, density, and bar sizes.

import Testing

@testable import Figures

@Suite struct HistogramTests {
  /// Pixel coordinates are written with two decimals: within 0.005 px of the exact value.
  let pixelTolerance = 0.0051

  @Test func docExampleCounts() {
    // Hand count: 0, 0.5 → bin [0, 1); 1, 2, 2 → last bin [1, 2] (closed); 9 and NaN outside.
    #expect(Histogram.counts(of: [0, 0.5, 1, 2, 2, 9, .nan], edges: [0, 1, 2]) == [2, 3])
  }

  @Test func valuesBelowTheFirstEdgeAndInfinitiesAreNotCounted() {
    #expect(
      Histogram.counts(of: [-1, 0.25, 0.75, .infinity, -.infinity], edges: [0, 0.5, 1])
        == [1, 1])
  }

  @Test func evenBinsSpanTheData() {
    // The doc example of edges(): min 0, max 4, four bins of width 1.
    let histogram = Histogram(values: [0, 1, 1.5, 4], bins: .count(4))
    #expect(histogram.edges() == [0, 1, 2, 3, 4])
    // 0 → bin 0; 1, 1.5 → bin 1; 4 (the maximum) → last bin.
    #expect(Histogram.counts(of: [0, 1, 1.5, 4], edges: histogram.edges()) == [1, 2, 0, 1])
  }

  @Test func integerValuedDataInTenBins() {
    // 0…99 in 10 bins over [0, 99]: edges 9.9k. Bin k = [9.9k, 9.9k + 9.9) holds the integers
    // 10k … 10k + 9, because 10k − 1 < 9.9k ≤ 10k and 10k + 9 < 9.9k + 9.9 for k < 9; the last
    // bin is closed at 99. So every bin holds exactly 10.
    let values = (0..<100).map(Double.init)
    let edges = Histogram(values: values, bins: .count(10)).edges()
    let counts = Histogram.counts(of: values, edges: edges)
    #expect(counts == [Int](repeating: 10, count: 10))
  }

  @Test func singleValueGetsAUnitWideRange() {
    #expect(Histogram(values: [3, 3, 3], bins: .count(2)).edges() == [2.5, 3, 3.5])
  }

  @Test func densityBarsHaveUnitArea() {
    let histogram = Histogram(values: [0, 0.1, 0.2, 1.5], bins: .edges([0, 1, 2]), density: true)
    let heights = histogram.heights(of: 0, edges: histogram.edges())
    // 3 of 4 values in a bin of width 1 → 0.75; 1 of 4 → 0.25. Sum of areas 1.
    #expect(abs(heights[0] - 0.75) < 1e-15 && abs(heights[1] - 0.25) < 1e-15)
  }

  @Test func barsHaveTheHeightOfTheirCounts() throws {
    var histogram = Histogram(title: "h", bins: .edges([0, 1, 2, 3]))
    histogram.add("a", values: [0.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2.5])  // counts 1, 2, 4
    let frame = histogram.frame(edges: histogram.edges())
    let root = try parseSVG(histogram.svg())
    let bars = root.all("g").filter { $0.attributes["fill-opacity"] != nil }.flatMap {
      $0.all("rect")
    }
    #expect(bars.count == 3)
    for (bar, count) in zip(bars, [1.0, 2, 4]) {
      let expected = frame.pixelY(0)! - frame.pixelY(count)!
      #expect(abs(bar.number("height")! - expected) < 2 * pixelTolerance)
    }
    // The first bar spans x from 0 to 1.
    #expect(abs(bars[0].number("x")! - frame.pixelX(0)!) < pixelTolerance)
    #expect(
      abs(bars[0].number("width")! - (frame.pixelX(1)! - frame.pixelX(0)!)) < 2 * pixelTolerance)
  }

  @Test func wellFormedAndDeterministicWithSeveralDataSets() throws {
    let make = {
      Histogram(title: "x < y & z", bins: .count(5))
        .adding("before", values: [1, 2, 2, 3, .nan])
        .adding("after", values: [2, 3, 3, 4])
    }
    #expect(make().svg() == make().svg())
    let root = try parseSVG(make().svg())
    #expect(root.all("text").map(\.allText).contains("x < y & z"))
  }
}
