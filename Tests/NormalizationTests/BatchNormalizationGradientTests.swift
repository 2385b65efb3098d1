import TensorCore
import Testing

@testable import Normalization

/// Backward pass against TensorCore's central-difference gradient checker.
///
/// The loss is L = Σᵢⱼ Wᵢⱼ·yᵢⱼ for a fixed random W, so ∂L/∂y = W exactly and
/// the checker sees the full chain through the batch statistics.
/// Tolerances on the relative error ‖analytic − numerical‖/(‖analytic‖ + ‖numerical‖):
/// Double with h = 1e-5: truncation O(h²) ≈ 1e-10 plus rounding ε·|L|/h ≈ 1e-11,
/// so 1e-7 leaves room; Float with h = 1e-2: rounding ≈ 1e-7·10/1e-2 ≈ 1e-4 and
/// truncation ≈ 1e-4, so 5e-3.
@Suite struct BatchNormalizationGradientTests {
  struct Case<Scalar: TensorScalar> {
    var layer: BatchNormalization<Scalar>
    var input: Matrix<Scalar>
    var weights: Matrix<Scalar>
  }

  func makeCase<Scalar: TensorScalar>(_: Scalar.Type, rows: Int = 6, columns: Int = 4) -> Case<
    Scalar
  > {
    var generator = SeededGenerator(seed: 42)
    var layer = BatchNormalization<Scalar>(featureCount: columns)
    layer.parameters = (0..<(2 * columns)).map { _ in
      generator.normal(mean: 0.5, standardDeviation: 1)
    }
    // Features on different scales and offsets, as a batch-norm input would be.
    var input = Matrix<Scalar>.normal(rows: rows, columns: columns, using: &generator)
    for row in 0..<rows {
      for column in 0..<columns {
        input[row, column] = input[row, column] * Scalar(column + 1) + Scalar(column)
      }
    }
    let weights = Matrix<Scalar>.normal(rows: rows, columns: columns, using: &generator)
    return Case(layer: layer, input: input, weights: weights)
  }

  func weightedSum<Scalar: TensorScalar>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) -> Scalar {
    zip(a.storage, b.storage).reduce(0) { $0 + $1.0 * $1.1 }
  }

  func check<Scalar: TensorScalar>(
    _: Scalar.Type, mode: ForwardMode, step: Scalar, tolerance: Scalar
  ) {
    var example = makeCase(Scalar.self)
    // Give the running statistics values other than 0 and 1 before an inference check.
    if mode == .inference {
      _ = example.layer.forward(example.input.map { $0 * 2 + 1 }, mode: .training)
    }
    let start = example.layer
    var layer = start
    _ = layer.forward(example.input, mode: mode)
    let inputGradient = layer.backward(example.weights)
    let parameterGradient = layer.parameterGradients

    let numericalInput = centralDifferenceGradient(
      of: { values in
        var probe = start
        let output = probe.forward(
          Matrix(rows: example.input.rows, columns: example.input.columns, storage: values),
          mode: mode)
        return weightedSum(output, example.weights)
      }, at: example.input.storage, step: step)
    let numericalParameters = centralDifferenceGradient(
      of: { values in
        var probe = start
        probe.parameters = values
        return weightedSum(probe.forward(example.input, mode: mode), example.weights)
      }, at: start.parameters, step: step)

    let inputCheck = GradientCheckResult(analytic: inputGradient.storage, numerical: numericalInput)
    let parameterCheck = GradientCheckResult(
      analytic: parameterGradient, numerical: numericalParameters)
    #expect(inputCheck.relativeError < tolerance, "∂L/∂x, \(mode)")
    #expect(parameterCheck.relativeError < tolerance, "∂L/∂γ, ∂L/∂β, \(mode)")

    // backwardParameters stores the same parameter gradients.
    var parametersOnly = start
    _ = parametersOnly.forward(example.input, mode: mode)
    parametersOnly.backwardParameters(example.weights)
    let same = GradientCheckResult(
      analytic: parametersOnly.parameterGradients, numerical: parameterGradient)
    #expect(same.maximumAbsoluteError <= 0, "identical arithmetic, so no difference at all")
  }

  @Test func trainingModeDouble() {
    check(Double.self, mode: .training, step: 1e-5, tolerance: 1e-7)
  }
  @Test func trainingModeFloat() { check(Float.self, mode: .training, step: 1e-2, tolerance: 5e-3) }
  @Test func inferenceModeDouble() {
    check(Double.self, mode: .inference, step: 1e-5, tolerance: 1e-7)
  }
  @Test func inferenceModeFloat() {
    check(Float.self, mode: .inference, step: 1e-2, tolerance: 5e-3)
  }

  /// In training mode the input gradient of every feature sums to zero over
  /// the batch (shifting a whole column does not change x̂): Σᵢ ∂L/∂xᵢⱼ = 0.
  @Test func inputGradientColumnsSumToZero() {
    var example = makeCase(Double.self)
    _ = example.layer.forward(example.input, mode: .training)
    let gradient = example.layer.backward(example.weights)
    for sum in gradient.columnSums() { #expect(abs(sum) < 1e-12) }
  }

  /// Inside a network, before and after an activation: Sequential.checkGradient
  /// covers every parameter, including the Dense layer in front of the batch
  /// norm, whose gradient flows through ∂L/∂x of the batch norm.
  func networkCheck<Scalar: TensorScalar>(_: Scalar.Type, step: Scalar, tolerance: Scalar) {
    var generator = SeededGenerator(seed: 5)
    let network = Sequential<Scalar>(
      [
        Dense(inputCount: 3, outputCount: 5, generator: &generator),
        BatchNormalization(featureCount: 5),
        Activation(.tanh),
        Dense(inputCount: 5, outputCount: 4, generator: &generator),
        Activation(.relu),
        BatchNormalization(featureCount: 4, convention: .kerasDefault),
        Dense(inputCount: 4, outputCount: 2, generator: &generator),
      ], loss: .meanSquaredError)
    let inputs = Matrix<Scalar>.normal(rows: 8, columns: 3, using: &generator)
    let targets = Matrix<Scalar>.normal(rows: 8, columns: 2, using: &generator)
    let result = network.checkGradient(inputs: inputs, targets: .values(targets), step: step)
    #expect(result.relativeError < tolerance, "relative error \(result.relativeError)")
  }

  @Test func inNetworkDouble() { networkCheck(Double.self, step: 1e-5, tolerance: 1e-7) }
  @Test func inNetworkFloat() { networkCheck(Float.self, step: 1e-2, tolerance: 2e-2) }
}
