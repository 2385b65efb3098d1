extension Dataset {
  /// A linear regression set whose features live on wildly different scales —
  /// the feature-normalization example: feature `j` is drawn uniformly from
  /// `ranges[j]`, and `y = Σⱼ (xⱼ − lowⱼ)/(highⱼ − lowⱼ) + noise`, so every
  /// feature matters equally once normalized, while the raw weights differ by
  /// the ratio of the ranges (the elongated error surface).
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     // x₁ ∈ [0, 1), x₂ ∈ [100, 200): the syllabus example
  ///     let data = Dataset<Double>.differentlyScaledFeatures(
  ///       count: 100, ranges: [0..<1, 100..<200], noise: 0.05, generator: &generator)
  ///
  /// - Parameters:
  ///   - count: The number of samples.
  ///   - ranges: One range per feature (default `[0..<1, 100..<200]`).
  ///   - noise: The standard deviation of the Gaussian noise added to y.
  ///   - generator: The seeded generator (for each sample: the features, then the noise).
  /// - Returns: Inputs `count × ranges.count`, targets `.values` `count × 1`.
  /// - Complexity: O(`count` · `ranges.count`).
  public static func differentlyScaledFeatures(
    count: Int, ranges: [Range<Scalar>] = [0..<1, 100..<200], noise: Scalar,
    generator: inout SeededGenerator
  ) -> Dataset {
    var inputs = Matrix<Scalar>(rows: count, columns: ranges.count)
    var targets = Matrix<Scalar>(rows: count, columns: 1)
    for sample in 0..<count {
      var y: Scalar = 0
      for (feature, range) in ranges.enumerated() {
        let x = generator.uniform(in: range)
        inputs[sample, feature] = x
        y += (x - range.lowerBound) / (range.upperBound - range.lowerBound)
      }
      targets.storage[sample] = y + generator.normal(mean: 0, standardDeviation: noise)
    }
    return Dataset(inputs: inputs, targets: .values(targets))
  }
}
