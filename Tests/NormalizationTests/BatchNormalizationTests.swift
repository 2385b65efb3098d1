import TensorCore
import TestSupport
import Testing

@testable import Normalization

/// Reference values: numpy following the PyTorch/Keras definitions, in
/// Tools/bench/reference/normalization_reference.py (section "Batch normalization").
/// Tolerances: 1e-10 for Double (values of order 1–10 through a few dozen
/// roundings and one square root), 2e-5 for Float (float32 has ε ≈ 1.2e-7; the
/// inference outputs reach 9 and the running statistics take three updates).
@Suite struct BatchNormalizationTests {
  static let batches: [[[Double]]] = [
    [[1, 2, -1], [3, 0, 4], [5, -2, 2], [7, 4, 0.5]],
    [[0.5, 1, 1], [-1.5, 3, 2], [2, 2.5, -3]],
    [[10, -4, 0], [12, -6, 1], [8, -5, 2], [9, -3, 3], [11, -2, 4]],
  ]
  static let gamma: [Double] = [1.5, 0.5, -1]
  static let beta: [Double] = [0.1, -0.2, 0.3]
  static let test: [[Double]] = [[2, 1, 0], [6, -1, 5]]

  func layer<Scalar: TensorScalar>(
    _: Scalar.Type, convention: RunningStatisticsConvention
  ) -> BatchNormalization<Scalar> {
    var layer = BatchNormalization<Scalar>(featureCount: 3, convention: convention)
    // Parameter order: γ, then β.
    layer.parameters = (Self.gamma + Self.beta).map { Scalar($0) }
    return layer
  }

  func trainingForward<Scalar: TensorScalar>(_: Scalar.Type, tolerance: Double) {
    var norm = layer(Scalar.self, convention: .pytorchDefault)
    let output = norm.forward(matrix(Self.batches[0]), mode: .training)
    expectClose(
      output.storage,
      [
        -1.9124591672916496, 0.02360657414351663, 1.5838991429433813, -0.5708197224305499,
        -0.42360657414351666, -1.1190464211479478, 0.7708197224305499, -0.8708197224305498,
        -0.03786819551141613, 2.1124591672916497, 0.47081972243054987, 0.7730154737159826,
      ], tolerance: tolerance)
    expectClose(norm.batchMean!, [4, 1, 1.375], tolerance: tolerance)
    expectClose(norm.batchVariance!, [5, 5, 3.421875], tolerance: tolerance)
    // x̂ has mean 0 and (biased) variance σ²/(σ² + ε) in every column.
    let normalized = norm.normalizedInput!
    expectClose(normalized.columnMeans(), [0, 0, 0], tolerance: tolerance)
    expectClose(
      normalized.columnVariances(),
      [5 / (5 + 1e-5), 5 / (5 + 1e-5), 3.421875 / (3.421875 + 1e-5)], tolerance: tolerance)
  }

  @Test func trainingForwardDouble() { trainingForward(Double.self, tolerance: 1e-10) }
  @Test func trainingForwardFloat() { trainingForward(Float.self, tolerance: 2e-5) }

  func runningStatistics<Scalar: TensorScalar>(_: Scalar.Type, tolerance: Double) {
    let expected: [(RunningStatisticsConvention, mean: [Double], variance: [Double], [Double])] = [
      (
        .pytorch(momentum: 0.1), [1.354, -0.124, 0.311375],
        [1.7965000000000002, 1.6165000000000003, 1.9785625000000002],
        [
          0.8229511577685708, 0.24202529003261003, 0.521364388628714, 5.299428914849505,
          -0.5444965783528171, -3.0332624861800213,
        ]
      ),
      (
        .keras(momentum: 0.99), [0.14250400000000013, -0.00874900000000001, 0.03347637500000003],
        [1.059654, 1.046454, 1.070036796875],
        [
          2.8066684216881246, 0.2930500137829631, 0.33236212555600597, 8.63530745334822,
          -0.6844974510134592, -4.501214621628527,
        ]
      ),
    ]
    for (convention, mean, variance, inference) in expected {
      var norm = layer(Scalar.self, convention: convention)
      for batch in Self.batches { _ = norm.forward(matrix(batch), mode: .training) }
      #expect(norm.trackedBatchCount == 3)
      expectClose(norm.runningMean, mean, tolerance: tolerance, "\(convention)")
      expectClose(norm.runningVariance, variance, tolerance: tolerance, "\(convention)")
      // Inference uses the running statistics and leaves them unchanged.
      let before = (norm.runningMean, norm.runningVariance)
      let output = norm.forward(matrix(Self.test), mode: .inference)
      expectClose(output.storage, inference, tolerance: tolerance, "\(convention)")
      #expect(norm.runningMean == before.0 && norm.runningVariance == before.1)
      #expect(norm.trackedBatchCount == 3)
    }
  }

  @Test func runningStatisticsDouble() { runningStatistics(Double.self, tolerance: 1e-10) }
  @Test func runningStatisticsFloat() { runningStatistics(Float.self, tolerance: 2e-5) }

  /// The doc-comment example, by hand: μ = [2, 20], σ² = [1, 100] (biased),
  /// unbiased [2, 200]; running mean 0.1·μ, running variance 0.9 + 0.1·[2, 200].
  @Test func documentationExample() {
    var norm = BatchNormalization<Double>(featureCount: 2)
    let y = norm.forward(Matrix([[1, 10], [3, 30]]), mode: .training)
    // y = ±1/√(1 + ε) and ±10/√(100 + ε): within 1e-5 of ±1.
    expectClose(y.storage, [-1, -1, 1, 1], tolerance: 1e-5)
    expectClose(norm.runningMean, [0.2, 2], tolerance: 1e-14)
    expectClose(norm.runningVariance, [1.1, 20.9], tolerance: 1e-14)
  }

  /// Without affine parameters there are none, and γ = 1, β = 0 stay fixed.
  @Test func notAffine() {
    var norm = BatchNormalization<Double>(featureCount: 3, affine: false)
    #expect(norm.parameterCount == 0 && norm.parameters.isEmpty)
    let output = norm.forward(matrix(Self.batches[0]), mode: .training)
    // (x − 4)/√(5 + ε) for column 0, by hand: x = 1 → −3/√5.00001.
    expectClose([output[0, 0]], [-3 / (5 + 1e-5).squareRoot()], tolerance: 1e-14)
    _ = norm.backward(Matrix(rows: 4, columns: 3, repeating: 1))
    #expect(norm.parameterGradients.isEmpty)
  }

  // MARK: Bad input

  @Test func batchOfOneInTrainingThrows() throws {
    var norm = BatchNormalization<Double>(featureCount: 3)
    #expect(throws: NormalizationError.batchTooSmall(rows: 1, featureCount: 3)) {
      try norm.forwardChecked(Matrix([[1, 2, 3]]), mode: .training)
    }
    let message = NormalizationError.batchTooSmall(rows: 1, featureCount: 3).description
    #expect(message.contains("variance of one value is undefined"))
    #expect(norm.trackedBatchCount == 0)
    // One sample is fine in inference mode: (x − 0)/√(1 + ε).
    let output = try norm.forwardChecked(Matrix([[1, 2, 3]]), mode: .inference)
    expectClose(output.storage, [1, 2, 3].map { $0 / (1 + 1e-5).squareRoot() }, tolerance: 1e-14)
  }

  @Test func batchOfOneStopsTheNonThrowingForward() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      var norm = BatchNormalization<Double>(featureCount: 3)
      _ = norm.forward(Matrix([[1, 2, 3]]), mode: .training)
    }
    expectStandardError(
      result, contains: "needs at least 2 samples per batch, got 1×3")
  }

  @Test func featureCountMismatchStopsTheNonThrowingForward() async {
    let result = await #expect(
      processExitsWith: .failure, observing: [\.standardErrorContent]
    ) {
      var norm = BatchNormalization<Double>(featureCount: 3)
      _ = norm.forward(Matrix(rows: 4, columns: 2), mode: .inference)
    }
    expectStandardError(
      result, contains: "input has 2 features (columns), but the normalization was set up for 3")
  }

  @Test func featureCountMismatchNamesBothCounts() {
    var norm = BatchNormalization<Double>(featureCount: 3)
    #expect(throws: NormalizationError.featureCountMismatch(expected: 3, actual: 4)) {
      try norm.forwardChecked(Matrix(rows: 2, columns: 4), mode: .training)
    }
    let message = NormalizationError.featureCountMismatch(expected: 3, actual: 4).description
    #expect(message.contains("4 features") && message.contains("set up for 3"))
  }

  @Test func nonFiniteInputIsReportedAndNotFoldedIn() {
    var norm = layer(Double.self, convention: .pytorchDefault)
    _ = norm.forward(matrix(Self.batches[0]), mode: .training)
    let mean = norm.runningMean
    let variance = norm.runningVariance
    let bad = Matrix<Double>([[1, 2, 3], [4, .infinity, 6], [7, 8, .nan]])
    #expect(throws: NormalizationError.nonFiniteInput(row: 1, column: 1)) {
      try norm.forwardChecked(bad, mode: .training)
    }
    // Exact comparison on purpose: nothing may have been written to the statistics.
    #expect(norm.runningMean == mean && norm.runningVariance == variance)
    // The non-throwing forward counts the batch as skipped and keeps the statistics.
    _ = norm.forward(bad, mode: .training)
    #expect(norm.skippedNonFiniteBatchCount == 1)
    #expect(norm.trackedBatchCount == 1)
    #expect(norm.runningMean == mean && norm.runningVariance == variance)
  }
}
