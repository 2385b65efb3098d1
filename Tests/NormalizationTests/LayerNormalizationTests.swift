import TensorCore
import TestSupport
import Testing

@testable import Normalization

/// Forward reference: numpy following torch.nn.LayerNorm's definition
/// (Tools/bench/reference/normalization_reference.py, section "Layer normalization").
/// Backward: TensorCore's central-difference checker on L = Σ W ⊙ y.
/// Tolerances as in BatchNormalizationTests / BatchNormalizationGradientTests.
@Suite struct LayerNormalizationTests {
  static let input: [[Double]] = [[1, 2, 4, -1], [0.5, 0.5, 3, 2], [-2, 1, 0, 7]]
  static let gamma: [Double] = [1, 2, -0.5, 0.25]
  static let beta: [Double] = [0, 0.1, 0.2, -0.3]

  func layer<Scalar: TensorScalar>(_: Scalar.Type) -> LayerNormalization<Scalar> {
    var norm = LayerNormalization<Scalar>(featureCount: 4)
    norm.parameters = (Self.gamma + Self.beta).map { Scalar($0) }
    return norm
  }

  func forward<Scalar: TensorScalar>(_: Scalar.Type, tolerance: Double) {
    var norm = layer(Scalar.self)
    let expected = [
      -0.2773496714211406, 0.6546993428422812, -0.49337417855285154, -0.6466870892764258,
      -0.9428048513475913, -1.7856097026951825, -0.5071036385106935, -0.18214939358155108,
      -1.043497925723149, -0.19814226449232827, 0.42360669836924625, 0.10994561367695138,
    ]
    for mode in [ForwardMode.training, .inference] {
      let output = norm.forward(matrix(Self.input), mode: mode)
      expectClose(output.storage, expected, tolerance: tolerance, "\(mode)")
    }
    // Per-sample statistics by hand: row 0 is [1, 2, 4, −1], μ = 1.5, σ² = 13/4.
    expectClose([norm.sampleMean![0], norm.sampleVariance![0]], [1.5, 3.25], tolerance: tolerance)
  }

  @Test func forwardDouble() { forward(Double.self, tolerance: 1e-10) }
  @Test func forwardFloat() { forward(Float.self, tolerance: 2e-5) }

  /// The doc-comment example: [1, 2, 3] has μ = 2, σ² = 2/3.
  @Test func documentationExample() {
    var norm = LayerNormalization<Double>(featureCount: 3)
    let y = norm.forward(Matrix([[1, 2, 3]]), mode: .inference)
    let normalized = 1 / (2.0 / 3 + 1e-5).squareRoot()
    expectClose(y.storage, [-normalized, 0, normalized], tolerance: 1e-14)
  }

  func gradient<Scalar: TensorScalar>(_: Scalar.Type, step: Scalar, tolerance: Scalar) {
    var generator = SeededGenerator(seed: 9)
    var start = LayerNormalization<Scalar>(featureCount: 5)
    start.parameters = (0..<10).map { _ in generator.normal(mean: 0.5, standardDeviation: 1) }
    let input = Matrix<Scalar>.normal(rows: 4, columns: 5, standardDeviation: 2, using: &generator)
    let weights = Matrix<Scalar>.normal(rows: 4, columns: 5, using: &generator)
    func loss(_ output: Matrix<Scalar>) -> Scalar {
      zip(output.storage, weights.storage).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var norm = start
    _ = norm.forward(input, mode: .training)
    let inputGradient = norm.backward(weights)
    let numericalInput = centralDifferenceGradient(
      of: { values in
        var probe = start
        return loss(probe.forward(Matrix(rows: 4, columns: 5, storage: values), mode: .training))
      }, at: input.storage, step: step)
    let numericalParameters = centralDifferenceGradient(
      of: { values in
        var probe = start
        probe.parameters = values
        return loss(probe.forward(input, mode: .training))
      }, at: start.parameters, step: step)
    let inputCheck = GradientCheckResult(analytic: inputGradient.storage, numerical: numericalInput)
    let parameterCheck = GradientCheckResult(
      analytic: norm.parameterGradients, numerical: numericalParameters)
    #expect(inputCheck.relativeError < tolerance, "∂L/∂x")
    #expect(parameterCheck.relativeError < tolerance, "∂L/∂γ, ∂L/∂β")
  }

  @Test func gradientDouble() { gradient(Double.self, step: 1e-5, tolerance: 1e-7) }
  @Test func gradientFloat() { gradient(Float.self, step: 1e-2, tolerance: 5e-3) }

  /// Inside a network, with Sequential.checkGradient.
  @Test func inNetworkDouble() {
    var generator = SeededGenerator(seed: 11)
    let network = Sequential<Double>(
      [
        Dense(inputCount: 3, outputCount: 6, generator: &generator),
        LayerNormalization(featureCount: 6),
        Activation(.tanh),
        Dense(inputCount: 6, outputCount: 3, generator: &generator),
      ], loss: .softmaxCrossEntropy)
    let inputs = Matrix<Double>.normal(rows: 5, columns: 3, using: &generator)
    let result = network.checkGradient(
      inputs: inputs, targets: .classes([0, 2, 1, 1, 0]), step: 1e-5)
    #expect(result.relativeError < 1e-7, "relative error \(result.relativeError)")
  }

  @Test func badInputThrows() {
    var norm = LayerNormalization<Double>(featureCount: 4)
    #expect(throws: NormalizationError.featureCountMismatch(expected: 4, actual: 3)) {
      try norm.forwardChecked(Matrix(rows: 2, columns: 3), mode: .training)
    }
    #expect(throws: NormalizationError.nonFiniteInput(row: 0, column: 2)) {
      try norm.forwardChecked(Matrix([[1, 2, .nan, 4]]), mode: .training)
    }
    // A single sample is fine for layer normalization (it never averages over the batch).
    #expect(throws: Never.self) {
      try norm.forwardChecked(Matrix([[1, 2, 3, 4]]), mode: .training)
    }
  }
}
