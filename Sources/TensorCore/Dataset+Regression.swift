extension Dataset {
  /// A one-feature regression set `y = c₀ + c₁x + … + c_d xᵈ + noise`, with `x`
  /// drawn uniformly from `range` and Gaussian noise of standard deviation
  /// `noise`. Few points and a flexible model make it the overfitting example.
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     // y = 1 − 2x + 0.5x³ plus N(0, 0.1²) noise, 20 points on [−2, 2)
  ///     let data = Dataset<Double>.polynomialRegression(
  ///       count: 20, coefficients: [1, -2, 0, 0.5], noise: 0.1, range: -2..<2,
  ///       generator: &generator)
  ///
  /// - Parameters:
  ///   - count: The number of samples.
  ///   - coefficients: c₀, c₁, …, lowest degree first.
  ///   - noise: The standard deviation of the Gaussian noise added to y.
  ///   - range: Where x is drawn from.
  ///   - generator: The seeded generator (for each sample: x, then the noise).
  /// - Returns: Inputs `count × 1` (x), targets `.values` `count × 1` (y).
  /// - Complexity: O(`count` · `coefficients.count`).
  public static func polynomialRegression(
    count: Int, coefficients: [Scalar], noise: Scalar, range: Range<Scalar> = -1..<1,
    generator: inout SeededGenerator
  ) -> Dataset {
    var inputs = Matrix<Scalar>(rows: count, columns: 1)
    var targets = Matrix<Scalar>(rows: count, columns: 1)
    for sample in 0..<count {
      let x = generator.uniform(in: range)
      var y: Scalar = 0
      for coefficient in coefficients.reversed() { y = y * x + coefficient }  // Horner
      inputs.storage[sample] = x
      targets.storage[sample] = y + generator.normal(mean: 0, standardDeviation: noise)
    }
    return Dataset(inputs: inputs, targets: .values(targets))
  }

  /// A one-feature linear regression set `y = intercept + slope · x + noise`:
  /// ``polynomialRegression(count:coefficients:noise:range:generator:)`` with
  /// coefficients `[intercept, slope]`.
  ///
  /// - Parameters:
  ///   - count: The number of samples.
  ///   - slope: The slope of the line.
  ///   - intercept: The value at x = 0.
  ///   - noise: The standard deviation of the Gaussian noise added to y.
  ///   - range: Where x is drawn from.
  ///   - generator: The seeded generator.
  /// - Complexity: O(`count`).
  public static func linearRegression(
    count: Int, slope: Scalar, intercept: Scalar, noise: Scalar, range: Range<Scalar> = -1..<1,
    generator: inout SeededGenerator
  ) -> Dataset {
    polynomialRegression(
      count: count, coefficients: [intercept, slope], noise: noise, range: range,
      generator: &generator)
  }

  /// The data set with each input feature `x` replaced by the powers
  /// `x, x², …, xᵈ` (feature by feature), so a linear model fits a polynomial.
  ///
  ///     // inputs [[2]] → [[2, 4, 8]]
  ///     data.polynomialFeatures(degree: 3)
  ///
  /// - Parameter degree: The highest power, at least 1.
  /// - Complexity: O(`count` · features · `degree`).
  public func polynomialFeatures(degree: Int) -> Dataset {
    precondition(degree >= 1, "polynomialFeatures: degree \(degree) must be at least 1")
    var expanded = Matrix<Scalar>(rows: count, columns: featureCount * degree)
    for sample in 0..<count {
      for feature in 0..<featureCount {
        let x = inputs[sample, feature]
        var power = x
        for exponent in 0..<degree {
          expanded[sample, feature * degree + exponent] = power
          power *= x
        }
      }
    }
    return Dataset(inputs: expanded, targets: targets)
  }
}
