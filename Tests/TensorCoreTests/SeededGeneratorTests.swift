import Foundation
import TestSupport
import Testing

@testable import TensorCore

/// Expected values come from an independent Python transcription of the
/// reference C code of SplitMix64 and xoshiro256** 1.0:
/// `python3 Tools/bench/reference/tensorcore_rng_reference.py`.
@Suite struct SeededGeneratorTests {
  @Test func firstOutputsMatchReference() {
    var zero = SeededGenerator(seed: 0)
    #expect(
      (0..<4).map { _ in zero.next() } == [
        11_091_344_671_253_066_420, 13_793_997_310_169_335_082,
        1_900_383_378_846_508_768, 7_684_712_102_626_143_532,
      ])
    var fortyTwo = SeededGenerator(seed: 42)
    #expect(
      (0..<4).map { _ in fortyTwo.next() } == [
        1_546_998_764_402_558_742, 6_990_951_692_964_543_102,
        12_544_586_762_248_559_009, 17_057_574_109_182_124_193,
      ])
  }

  @Test func uniformsMatchReference() {
    // (bits >> 11) · 2⁻⁵³ and (bits >> 40) · 2⁻²⁴ are exact, so the decimal
    // values printed by Python identify the same binary values; tolerance 0.
    var generator = SeededGenerator(seed: 42)
    let doubles: [Double] = (0..<3).map { _ in generator.uniform() }
    #expect(
      isClose(
        doubles, [0.08386297105988216, 0.3789802506626686, 0.6800434110281394], absoluteTolerance: 0
      ))
    generator = SeededGenerator(seed: 42)
    let floats: [Float] = (0..<3).map { _ in generator.uniform() }
    #expect(
      isClose(
        floats, [0.08386296033859253, 0.37898021936416626, 0.6800433993339539], absoluteTolerance: 0
      ))
  }

  @Test func normalsMatchReference() {
    // Python uses its platform log; ours is portableLogarithm. Both are within a
    // few ulps of ln, so values of order 1 agree to well within 1e-14.
    var generator = SeededGenerator(seed: 42)
    let normals: [Double] = (0..<4).map { _ in generator.normal() }
    #expect(
      isClose(
        normals,
        [-0.7262191382447857, -0.21119691823195985, 0.2216227015035933, 0.5227716877560146],
        absoluteTolerance: 1e-14))
  }

  func normalMoments<Scalar: TensorScalar>(_: Scalar.Type) {
    // 100,000 draws of N(3, 2²): the sample mean has standard error 2/√10⁵ ≈ 0.0063,
    // the sample variance (4) has standard error 4·√(2/10⁵) ≈ 0.018. Tolerances of
    // about five standard errors: 0.03 and 0.09 (fixed seed, so never flaky).
    var generator = SeededGenerator(seed: 2024)
    let count = 100_000
    let draws: [Scalar] = (0..<count).map { _ in
      generator.normal(mean: 3, standardDeviation: 2)
    }
    let mean = draws.reduce(0, +) / Scalar(count)
    let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Scalar(count)
    #expect(isClose(mean, 3, absoluteTolerance: 0.03))
    #expect(isClose(variance, 4, absoluteTolerance: 0.09))
  }

  @Test func normalMomentsFloat() { normalMoments(Float.self) }
  @Test func normalMomentsDouble() { normalMoments(Double.self) }

  @Test func uniformMoments() {
    // U(−1, 1): mean 0, variance 1/3; standard errors √(1/3/10⁵) ≈ 0.0018 and
    // ≈ 0.0009; tolerances about five of them.
    var generator = SeededGenerator(seed: 5)
    let draws: [Double] = (0..<100_000).map { _ in generator.uniform(in: -1..<1) }
    let mean = draws.reduce(0, +) / 100_000
    let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 100_000
    #expect(isClose(mean, 0, absoluteTolerance: 0.01))
    #expect(isClose(variance, 1.0 / 3, absoluteTolerance: 0.005))
    #expect(draws.allSatisfy { $0 >= -1 && $0 < 1 })
  }

  @Test func integersAndPermutations() {
    var generator = SeededGenerator(seed: 9)
    var counts = [Int](repeating: 0, count: 3)
    for _ in 0..<30_000 { counts[generator.integer(below: 3)] += 1 }
    // Each count is Binomial(30000, 1/3): σ ≈ 82; ±500 is about six σ.
    #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
    let permutation = generator.permutation(count: 50)
    #expect(permutation.sorted() == Array(0..<50))
    #expect(permutation != Array(0..<50))
  }

  @Test func sameSeedSameSequence() {
    var a = SeededGenerator(seed: 77)
    var b = SeededGenerator(seed: 77)
    let first: [Double] = (0..<10).map { _ in a.normal() }
    let second: [Double] = (0..<10).map { _ in b.normal() }
    #expect(first == second)  // bit-identical by construction, so == is the point here
  }

  @Test func portableLogarithmAgreesWithPlatformLog() {
    // Foundation's log is within 1 ulp of ln; portableLogarithm is designed to be
    // within a few ulps: compare with a relative tolerance of 8 ulps (2⁻⁴⁹).
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<10_000 {
      let exponent = generator.integer(below: 200) - 100
      let x = Double(sign: .plus, exponent: exponent, significand: 1 + generator.uniform())
      let expected = Foundation.log(x)
      let tolerance = max(abs(expected), 1) * 0x1p-49
      #expect(isClose(portableLogarithm(x), expected, absoluteTolerance: tolerance), "x = \(x)")
    }
    #expect(portableLogarithm(1) == 0)  // exact: f = 0 makes every term 0
  }
}
