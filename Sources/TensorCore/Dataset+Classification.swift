extension Dataset {
  /// Gaussian blobs: `countPerClass` samples around each center, with
  /// independent Gaussian noise of standard deviation `standardDeviation` in
  /// every coordinate. Class `k` is the blob around `centers[k]`; samples are
  /// ordered class by class.
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     let blobs = Dataset<Double>.gaussianBlobs(
  ///       countPerClass: 50, centers: [[-2, 0], [2, 0], [0, 3]], standardDeviation: 0.8,
  ///       generator: &generator)   // 150 × 2, labels 0, 1, 2
  ///
  /// - Parameters:
  ///   - countPerClass: The number of samples per blob.
  ///   - centers: One center per class, all of the same dimension.
  ///   - standardDeviation: The spread σ of each coordinate.
  ///   - generator: The seeded generator.
  /// - Complexity: O(`countPerClass` · `centers.count` · dimension).
  public static func gaussianBlobs(
    countPerClass: Int, centers: [[Scalar]], standardDeviation: Scalar,
    generator: inout SeededGenerator
  ) -> Dataset {
    precondition(!centers.isEmpty, "gaussianBlobs: needs at least one center")
    let dimension = centers[0].count
    precondition(
      centers.allSatisfy { $0.count == dimension },
      "gaussianBlobs: centers differ in dimension (\(centers.map(\.count)))")
    var inputs = Matrix<Scalar>(rows: countPerClass * centers.count, columns: dimension)
    var labels: [Int] = []
    for (label, center) in centers.enumerated() {
      for _ in 0..<countPerClass {
        let row = labels.count
        for coordinate in 0..<dimension {
          inputs[row, coordinate] = generator.normal(
            mean: center[coordinate], standardDeviation: standardDeviation)
        }
        labels.append(label)
      }
    }
    return Dataset(inputs: inputs, targets: .classes(labels))
  }

  /// Two interleaving half circles ("two moons"), two features, two classes:
  /// class 0 on `(cos θ, sin θ)`, class 1 on `(1 − cos θ, ½ − sin θ)`, θ evenly
  /// spaced on [0, π], plus Gaussian noise of standard deviation `noise` in each
  /// coordinate. Not linearly separable; a small MLP separates it.
  ///
  /// - Parameters:
  ///   - countPerClass: The number of samples per moon (at least 2).
  ///   - noise: The standard deviation of the noise.
  ///   - generator: The seeded generator.
  /// - Complexity: O(`countPerClass`).
  public static func twoMoons(
    countPerClass: Int, noise: Scalar, generator: inout SeededGenerator
  ) -> Dataset {
    precondition(countPerClass >= 2, "twoMoons: countPerClass \(countPerClass) must be at least 2")
    var inputs = Matrix<Scalar>(rows: 2 * countPerClass, columns: 2)
    var labels: [Int] = []
    for label in 0..<2 {
      for index in 0..<countPerClass {
        let angle = Scalar.pi * Scalar(index) / Scalar(countPerClass - 1)
        let (x, y) =
          label == 0
          ? (Scalar.cos(angle), Scalar.sin(angle))
          : (1 - Scalar.cos(angle), 1 / 2 - Scalar.sin(angle))
        let row = labels.count
        inputs[row, 0] = x + generator.normal(mean: 0, standardDeviation: noise)
        inputs[row, 1] = y + generator.normal(mean: 0, standardDeviation: noise)
        labels.append(label)
      }
    }
    return Dataset(inputs: inputs, targets: .classes(labels))
  }

  /// Interleaved spirals, two features, `classCount` classes: sample `i` of
  /// class `k` has radius `r = i / countPerClass` and angle
  /// `2πk / classCount + turns · 2π · r` plus Gaussian angle noise of standard
  /// deviation `noise` (radians).
  ///
  /// - Parameters:
  ///   - countPerClass: The number of samples per arm.
  ///   - classCount: The number of arms (classes).
  ///   - turns: How many full turns each arm makes (default 1).
  ///   - noise: The standard deviation of the angle noise, in radians.
  ///   - generator: The seeded generator.
  /// - Complexity: O(`countPerClass` · `classCount`).
  public static func spirals(
    countPerClass: Int, classCount: Int = 2, turns: Scalar = 1, noise: Scalar,
    generator: inout SeededGenerator
  ) -> Dataset {
    precondition(
      countPerClass > 0 && classCount > 0,
      "spirals: countPerClass \(countPerClass) and classCount \(classCount) must be positive")
    var inputs = Matrix<Scalar>(rows: countPerClass * classCount, columns: 2)
    var labels: [Int] = []
    for label in 0..<classCount {
      for index in 0..<countPerClass {
        let radius = Scalar(index) / Scalar(countPerClass)
        let angle =
          2 * Scalar.pi * Scalar(label) / Scalar(classCount) + turns * 2 * Scalar.pi * radius
          + generator.normal(mean: 0, standardDeviation: noise)
        let row = labels.count
        inputs[row, 0] = radius * Scalar.cos(angle)
        inputs[row, 1] = radius * Scalar.sin(angle)
        labels.append(label)
      }
    }
    return Dataset(inputs: inputs, targets: .classes(labels))
  }
}
