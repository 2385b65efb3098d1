/// Draws built on ``SeededGenerator``'s 64-bit outputs: uniform and normal
/// scalars (generic over ``TensorScalar``), integers below a bound, shuffles
/// and permutations, and random matrices.
///
/// Each algorithm is spelled out here (none is delegated to the standard
/// library), so a seed gives the same values on every platform and Swift version.
///
///     var generator = SeededGenerator(seed: 7)
///     let u: Double = generator.uniform()                  // in [0, 1)
///     let z = generator.normal(mean: 0, standardDeviation: Float(1))
///     let order = generator.permutation(count: 5)          // e.g. [3, 0, 4, 1, 2]
extension SeededGenerator {
  /// A uniform draw from [0, 1): the top `p` bits of the next output times 2⁻ᵖ,
  /// where `p` is the scalar's precision (24 for `Float`, 53 for `Double`), so
  /// every result is exact and 1 is never returned.
  ///
  /// - Parameter type: The scalar type, when the context does not give it.
  /// - Complexity: O(1).
  public mutating func uniform<Scalar: TensorScalar>(_ type: Scalar.Type = Scalar.self) -> Scalar {
    let precision = Scalar.significandBitCount + 1
    let bits = next() >> UInt64(64 - precision)
    return Scalar(bits) * Scalar(sign: .plus, exponent: Scalar.Exponent(-precision), significand: 1)
  }

  /// A uniform draw from `range`: `lowerBound + (upperBound − lowerBound) · u`
  /// with `u` from ``uniform(_:)``. Rounding can make the result equal to
  /// `upperBound` in rare cases.
  ///
  /// - Parameter range: The interval to draw from.
  /// - Complexity: O(1).
  public mutating func uniform<Scalar: TensorScalar>(in range: Range<Scalar>) -> Scalar {
    let unit: Scalar = uniform()
    return range.lowerBound + (range.upperBound - range.lowerBound) * unit
  }

  /// A normal (Gaussian) draw with the given mean and standard deviation.
  ///
  /// Uses Marsaglia's polar method in `Double` (two uniforms `u, v` in (−1, 1)
  /// with `s = u² + v²` in (0, 1); the pair `u·√(−2 ln s / s)`, `v·√(−2 ln s / s)`
  /// is independent standard normal). The second value of each pair is kept for
  /// the next call. The logarithm is ``portableLogarithm(_:)``, built from
  /// correctly rounded operations only, so results match across platforms.
  ///
  /// - Parameters:
  ///   - mean: The mean μ of the distribution.
  ///   - standardDeviation: The standard deviation σ of the distribution.
  /// - Complexity: O(1) expected (the polar method rejects 1 − π/4 ≈ 21 % of pairs).
  public mutating func normal<Scalar: TensorScalar>(
    mean: Scalar = 0, standardDeviation: Scalar = 1
  ) -> Scalar {
    mean + standardDeviation * Scalar(standardNormal())
  }

  /// A standard normal draw in `Double` by Marsaglia's polar method.
  mutating func standardNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    while true {
      let u = 2 * (uniform() as Double) - 1
      let v = 2 * (uniform() as Double) - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let factor = (-2 * portableLogarithm(s) / s).squareRoot()
        spareNormal = v * factor
        return u * factor
      }
    }
  }

  /// A uniform integer in `0..<bound`, without bias (Lemire's multiply-and-reject
  /// method, "Fast random integer generation in an interval", ACM TOMACS 2019).
  ///
  /// - Parameter bound: A positive upper bound (excluded).
  /// - Complexity: O(1) expected.
  public mutating func integer(below bound: Int) -> Int {
    precondition(bound > 0, "integer(below: \(bound)) needs a positive bound")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }

  /// Shuffles `array` in place by the Fisher–Yates algorithm (from the last
  /// position down, swapping with a position drawn by ``integer(below:)``).
  ///
  /// - Parameter array: The array to shuffle.
  /// - Complexity: O(`array.count`).
  public mutating func shuffle<Element>(_ array: inout [Element]) {
    guard array.count > 1 else { return }
    for position in stride(from: array.count - 1, to: 0, by: -1) {
      let other = integer(below: position + 1)
      array.swapAt(position, other)
    }
  }

  /// A random ordering of `0..<count` (a shuffled range).
  ///
  /// - Parameter count: The number of indices.
  /// - Complexity: O(`count`).
  public mutating func permutation(count: Int) -> [Int] {
    var indices = Array(0..<count)
    shuffle(&indices)
    return indices
  }
}

extension Matrix {
  /// A matrix of independent uniform draws from `range`, filled in row-major order.
  ///
  ///     var generator = SeededGenerator(seed: 1)
  ///     let m = Matrix<Float>.uniform(rows: 2, columns: 3, in: -1..<1, using: &generator)
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - range: The interval to draw from.
  ///   - generator: The seeded generator to draw from.
  /// - Complexity: O(`rows` · `columns`).
  public static func uniform(
    rows: Int, columns: Int, in range: Range<Scalar> = 0..<1,
    using generator: inout SeededGenerator
  ) -> Matrix {
    var result = Matrix(rows: rows, columns: columns)
    for index in result.storage.indices { result.storage[index] = generator.uniform(in: range) }
    return result
  }

  /// A matrix of independent normal draws, filled in row-major order.
  ///
  /// - Parameters:
  ///   - rows: The number of rows.
  ///   - columns: The number of columns.
  ///   - mean: The mean μ of each draw.
  ///   - standardDeviation: The standard deviation σ of each draw.
  ///   - generator: The seeded generator to draw from.
  /// - Complexity: O(`rows` · `columns`).
  public static func normal(
    rows: Int, columns: Int, mean: Scalar = 0, standardDeviation: Scalar = 1,
    using generator: inout SeededGenerator
  ) -> Matrix {
    var result = Matrix(rows: rows, columns: columns)
    for index in result.storage.indices {
      result.storage[index] = generator.normal(mean: mean, standardDeviation: standardDeviation)
    }
    return result
  }
}
