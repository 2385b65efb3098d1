import TensorCore
import Testing

@testable import Hessian

/// The random start vectors the iterative methods use, now public for lessons.
@Suite struct RandomVectorTests {
  @Test func unitVectorsHaveLengthOneAndNoPreferredDirection() {
    var generator = SeededGenerator(seed: 7)
    var mean = [Double](repeating: 0, count: 3)
    let count = 4000
    for _ in 0..<count {
      let v: [Double] = generator.unitVector(dimension: 3)
      // Normalized by its own length: 1 up to a few rounding errors.
      #expect(abs(norm(v) - 1) < 1e-12)
      for i in 0..<3 { mean[i] += v[i] / Double(count) }
    }
    // Each component of a uniform unit vector in 3-D has mean 0 and variance 1/3, so the
    // sample mean has standard error √(1/3 / 4000) ≈ 0.0091; 5 standard errors is 0.046.
    for component in mean { #expect(abs(component) < 0.046) }
  }

  @Test func rademacherEntriesArePlusOrMinusOneInEqualShare() {
    var generator = SeededGenerator(seed: 8)
    let v: [Double] = generator.rademacherVector(dimension: 10_000)
    #expect(v.allSatisfy { $0 == 1 || $0 == -1 })  // exact: the entries are constants
    // The sum of 10,000 fair ±1 has standard deviation 100; 5 of them is 500.
    #expect(abs(v.reduce(0, +)) < 500)
  }
}
