import Testing

@testable import TensorCore

@Suite struct DatasetTests {
  @Test func digitsLoad() throws {
    let digits = try Dataset<Double>.digits()
    #expect(digits.count == 1797)
    #expect(digits.featureCount == 64)
    let labels = try #require(digits.labels)
    // Class counts of scikit-learn's copy (np.bincount(load_digits().target)).
    var counts = [Int](repeating: 0, count: 10)
    for label in labels { counts[label] += 1 }
    #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    // The first image and label, from load_digits().data[0] / 16 and target[0] = 0.
    #expect(labels[0] == 0)
    let raw = try Dataset<Double>.digits(scaled: false)
    #expect(
      raw.inputs.row(0) == [
        0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12,
        0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0,
        0, 0, 0, 6, 13, 10, 0, 0, 0,
      ])  // small integers, stored exactly
    // Scaling divides by 16 (a power of two): exact.
    #expect(digits.inputs.row(0) == raw.inputs.row(0).map { $0 / 16 })
  }

  @Test func splitIsAPartition() {
    var generator = SeededGenerator(seed: 1)
    let data = Dataset<Double>.gaussianBlobs(
      countPerClass: 25, centers: [[0, 0], [3, 3]], standardDeviation: 1, generator: &generator)
    let (training, validation) = data.split(validationFraction: 0.2, generator: &generator)
    #expect(training.count == 40)
    #expect(validation.count == 10)
    // Every sample lands in exactly one part: compare the sorted first coordinates.
    let all = (training.inputs.column(0) + validation.inputs.column(0)).sorted()
    #expect(all == data.inputs.column(0).sorted())
  }

  @Test func batchesAreReshuffledEveryEpochAndCoverTheData() {
    var generator = SeededGenerator(seed: 2)
    let data = Dataset<Double>(
      inputs: Matrix(rows: 10, columns: 1, storage: (0..<10).map(Double.init)),
      targets: .classes(Array(0..<10)))
    let first = data.batches(size: 4, generator: &generator)
    let second = data.batches(size: 4, generator: &generator)
    #expect(first.map(\.count) == [4, 4, 2])
    let firstOrder = first.flatMap { $0.labels! }
    let secondOrder = second.flatMap { $0.labels! }
    #expect(firstOrder.sorted() == Array(0..<10))
    #expect(secondOrder.sorted() == Array(0..<10))
    #expect(firstOrder != secondOrder)
    // Inputs travel with their targets.
    for batch in first { #expect(batch.inputs.column(0) == batch.labels!.map(Double.init)) }
    #expect(data.batches(size: 4, dropLast: true, generator: &generator).map(\.count) == [4, 4])
  }

  @Test func polynomialRegressionWithoutNoiseFollowsTheFormula() {
    var generator = SeededGenerator(seed: 3)
    let data = Dataset<Double>.polynomialRegression(
      count: 20, coefficients: [1, -2, 0, 0.5], noise: 0, range: -2..<2, generator: &generator)
    let targets = data.targets.matrix!
    for sample in 0..<20 {
      let x = data.inputs[sample, 0]
      #expect(x >= -2 && x < 2)
      // Horner's rule vs the expanded formula: a few ulps of values below 10.
      #expect(abs(targets[sample, 0] - (1 - 2 * x + 0.5 * x * x * x)) < 1e-12)
    }
    let expanded = Dataset(inputs: Matrix([[2]]), targets: .values(Matrix([[0]])))
      .polynomialFeatures(degree: 3)
    #expect(expanded.inputs.storage == [2, 4, 8])  // powers of two: exact
  }

  @Test func syntheticClassificationShapes() {
    var generator = SeededGenerator(seed: 4)
    let moons = Dataset<Float>.twoMoons(countPerClass: 50, noise: 0, generator: &generator)
    #expect(moons.count == 100 && moons.featureCount == 2)
    // Noise-free moon 0 lies on the unit circle: ulp-level error from cos/sin.
    for sample in 0..<50 {
      let (x, y) = (moons.inputs[sample, 0], moons.inputs[sample, 1])
      #expect(abs(x * x + y * y - 1) < 1e-5)
    }
    let spirals = Dataset<Double>.spirals(
      countPerClass: 40, classCount: 3, noise: 0.1, generator: &generator)
    #expect(spirals.count == 120)
    #expect(Set(spirals.labels!) == [0, 1, 2])
    let (training, test) = Dataset<Double>.shiftedPair(
      trainingCountPerClass: 200, testCountPerClass: 200, shift: [0, 2], generator: &generator)
    // Blob means: 200 draws of σ = 0.5 give a standard error of 0.035; tolerance 0.2.
    let trainMeans = training.samples(at: 0..<200).inputs.columnMeans()
    let testMeans = test.samples(at: 0..<200).inputs.columnMeans()
    #expect(abs(trainMeans[0] - -1) < 0.2 && abs(trainMeans[1]) < 0.2)
    #expect(abs(testMeans[0] - 1) < 0.2 && abs(testMeans[1] - 2) < 0.2)
  }

  @Test func differentlyScaledFeatures() {
    var generator = SeededGenerator(seed: 5)
    let data = Dataset<Double>.differentlyScaledFeatures(
      count: 200, noise: 0, generator: &generator)
    let first = data.inputs.column(0)
    let second = data.inputs.column(1)
    #expect(first.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(second.allSatisfy { $0 >= 100 && $0 < 200 })
    let targets = data.targets.matrix!
    for sample in 0..<200 {
      // y = x₁ + (x₂ − 100)/100 without noise; rounding of values near 1: 1e-12.
      let expected = first[sample] + (second[sample] - 100) / 100
      #expect(abs(targets[sample, 0] - expected) < 1e-12)
    }
  }
}
