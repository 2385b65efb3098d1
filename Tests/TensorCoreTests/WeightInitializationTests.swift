import Testing

@testable import TensorCore

@Suite struct WeightInitializationTests {
  func statistics(_ values: [Double]) -> (mean: Double, deviation: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    return (mean, variance.squareRoot())
  }

  @Test func heNormalHasDeviationSquareRootOfTwoOverFanIn() {
    var generator = SeededGenerator(seed: 1)
    let weights: Matrix<Double> = WeightInitialization.heNormal.weights(
      fanIn: 400, fanOut: 300, generator: &generator)
    #expect(weights.shape == (400, 300))
    // σ = √(2/400) ≈ 0.0707; with 120,000 draws the sample σ has standard error
    // σ/√(2·120000) ≈ 1.4e-4 and the mean σ/√120000 ≈ 2e-4; tolerances ≈ 5 of them.
    let (mean, deviation) = statistics(weights.storage)
    #expect(abs(mean) < 1e-3)
    #expect(abs(deviation - (2.0 / 400).squareRoot()) < 7e-4)
  }

  @Test func xavierUniformStaysWithinItsLimit() {
    var generator = SeededGenerator(seed: 2)
    let weights: Matrix<Float> = WeightInitialization.xavierUniform.weights(
      fanIn: 400, fanOut: 300, generator: &generator)
    let limit = Float((6.0 / 700).squareRoot())
    #expect(weights.storage.allSatisfy { abs($0) <= limit })
    // 120,000 uniform draws: the largest |w| is within limit·(1 − 10⁻³) almost surely.
    #expect(weights.storage.map(abs).max()! > limit * 0.999)
    // σ = limit/√3; for uniform draws the sample σ has a relative standard error
    // of about 0.13 % at 120,000 draws; tolerance 1 % of the limit (≈ 1.7 % of σ).
    let (_, deviation) = statistics(weights.storage.map(Double.init))
    #expect(abs(deviation - Double(limit) / 3.0.squareRoot()) < 0.01 * Double(limit))
  }

  @Test func zerosAndFixedNormal() {
    var generator = SeededGenerator(seed: 3)
    let zeros: Matrix<Double> = WeightInitialization.zeros.weights(
      fanIn: 3, fanOut: 2, generator: &generator)
    #expect(zeros.storage == [0, 0, 0, 0, 0, 0])  // exact zeros, not computed
    let normal: Matrix<Double> = WeightInitialization.normal(standardDeviation: 0.01).weights(
      fanIn: 200, fanOut: 200, generator: &generator)
    // 40,000 draws: standard error of σ ≈ 0.01/√80000 ≈ 3.5e-5; tolerance 2e-4.
    #expect(abs(statistics(normal.storage).deviation - 0.01) < 2e-4)
  }
}
