import TestSupport
import Testing

@testable import TensorCore

/// Backpropagation against central differences (GradientCheck.swift) for every
/// layer and loss, in Float and Double.
///
/// Tolerances on the relative error ‖analytic − numerical‖ / (‖analytic‖ + ‖numerical‖):
/// - Double, h = 1e-5: truncation O(h²) ≈ 1e-10 and rounding ε/h ≈ 2e-11 relative
///   to gradients of order 0.1–1, so a correct pass gives ~1e-9; we allow 1e-6.
/// - Float, h = 1e-2: truncation ≈ 1e-4, rounding ε/h ≈ 1e-5; we allow 2e-2. A
///   wrong backward pass (a missing factor, a transpose) gives errors of order 1.
@Suite struct BackpropagationTests {
  static let networks: [String] = [
    "dense+mse", "dense+relu+dense+ce", "dense+sigmoid+dense+mse", "dense+tanh+dense+ce",
    "dense+identity+dense+mse", "nested",
  ]

  func makeNetwork<Scalar: TensorScalar>(
    _ name: String, generator: inout SeededGenerator
  ) -> Sequential<Scalar> {
    func dense(_ inputs: Int, _ outputs: Int) -> Dense<Scalar> {
      var layer = Dense<Scalar>(
        inputCount: inputs, outputCount: outputs, initialization: .xavierUniform,
        generator: &generator)
      // Non-zero biases, so that their gradients are exercised away from zero.
      layer.bias = (0..<outputs).map { _ in generator.uniform(in: -0.5..<0.5) }
      return layer
    }
    switch name {
    case "dense+mse": return Sequential([dense(4, 3)], loss: .meanSquaredError)
    case "dense+relu+dense+ce":
      return Sequential([dense(4, 5), Activation(.relu), dense(5, 3)], loss: .softmaxCrossEntropy)
    case "dense+sigmoid+dense+mse":
      return Sequential([dense(4, 5), Activation(.sigmoid), dense(5, 2)], loss: .meanSquaredError)
    case "dense+tanh+dense+ce":
      return Sequential([dense(4, 5), Activation(.tanh), dense(5, 3)], loss: .softmaxCrossEntropy)
    case "dense+identity+dense+mse":
      return Sequential([dense(4, 3), Activation(.identity), dense(3, 2)], loss: .meanSquaredError)
    default:
      let inner = Sequential<Scalar>([dense(4, 5), Activation(.tanh)])
      return Sequential([inner, dense(5, 3)], loss: .softmaxCrossEntropy)
    }
  }

  func check<Scalar: TensorScalar>(
    _ name: String, _: Scalar.Type, step: Scalar, tolerance: Scalar
  ) {
    var generator = SeededGenerator(seed: 12)
    let network: Sequential<Scalar> = makeNetwork(name, generator: &generator)
    let inputs = Matrix<Scalar>.normal(rows: 6, columns: 4, using: &generator)
    let outputCount = network.predict(inputs).columns
    let targets: Targets<Scalar> =
      network.lossFunction == .softmaxCrossEntropy
      ? .classes((0..<6).map { _ in generator.integer(below: outputCount) })
      : .values(Matrix.normal(rows: 6, columns: outputCount, using: &generator))
    let result = network.checkGradient(inputs: inputs, targets: targets, step: step)
    #expect(result.analytic.count == network.parameterCount)
    #expect(result.relativeError < tolerance, "\(name): relative error \(result.relativeError)")
  }

  @Test(arguments: networks) func double(_ name: String) {
    check(name, Double.self, step: 1e-5, tolerance: 1e-6)
  }

  @Test(arguments: networks) func float(_ name: String) {
    check(name, Float.self, step: 1e-2, tolerance: 2e-2)
  }

  @Test func inputGradientOfDense() {
    // ∂L/∂X = G·Wᵀ, checked by central differences on the input.
    var generator = SeededGenerator(seed: 4)
    var layer = Dense<Double>(inputCount: 3, outputCount: 2, generator: &generator)
    let input = Matrix<Double>.normal(rows: 2, columns: 3, using: &generator)
    let target = Matrix<Double>.normal(rows: 2, columns: 2, using: &generator)
    let output = layer.forward(input, mode: .training)
    let gradient = layer.backward(meanSquaredError(predictions: output, targets: target).gradient)
    let numerical = centralDifferenceGradient(
      of: { values in
        let probe = Matrix(rows: 2, columns: 3, storage: values)
        return meanSquaredError(predictions: layer.output(for: probe), targets: target).value
      }, at: input.storage, step: 1e-5)
    // Same reasoning as the Double tolerance above, absolute on values of order 1.
    #expect(isClose(gradient.storage, numerical, absoluteTolerance: 1e-8))
  }

  @Test func activationDerivativesByFormula() {
    // σ(0) = 1/2, σ′(0) = 1/4, σ″(0) = 0; tanh′(0) = 1, tanh″(0) = 0; exact in binary.
    #expect(isClose(ActivationFunction.sigmoid.value(0.0), 0.5, absoluteTolerance: 0))
    #expect(isClose(ActivationFunction.sigmoid.derivative(0.0), 0.25, absoluteTolerance: 0))
    #expect(isClose(ActivationFunction.tanh.derivative(0.0), 1, absoluteTolerance: 0))
    #expect(isClose(ActivationFunction.relu.value(-2.0), 0, absoluteTolerance: 0))
    // Second derivatives against central differences of the first, h = 1e-5:
    // error O(h²) ≈ 1e-10 plus rounding ε/h ≈ 1e-11; tolerance 1e-8.
    for function in ActivationFunction.allCases {
      for x in [-1.7, -0.3, 0.4, 2.2] {
        let h = 1e-5
        let numerical = (function.derivative(x + h) - function.derivative(x - h)) / (2 * h)
        #expect(
          isClose(function.secondDerivative(x), numerical, absoluteTolerance: 1e-8), "\(function)")
      }
    }
  }

  @Test func lossDocExamples() {
    // log 2 and ±1/2, from the formula with two equal logits.
    let (value, gradient) = softmaxCrossEntropy(logits: Matrix<Double>([[0, 0]]), labels: [1])
    #expect(isClose(value, 0.693_147_180_559_945_3, absoluteTolerance: 1e-15))
    #expect(isClose(gradient.storage, [0.5, -0.5], absoluteTolerance: 1e-15))
    let squared = meanSquaredError(predictions: Matrix<Double>([[3]]), targets: Matrix([[1]]))
    #expect(isClose(squared.value, 4, absoluteTolerance: 0))  // (3 − 1)², exact
    #expect(isClose(squared.gradient.storage, [4], absoluteTolerance: 0))  // 2(3 − 1), exact
    // Very large logits: the loss stays finite (log-sum-exp with the maximum shifted).
    let large = softmaxCrossEntropy(logits: Matrix<Double>([[1000, 0]]), labels: [1])
    #expect(isClose(large.value, 1000, absoluteTolerance: 1e-9))
  }

  @Test func lossHessianVectorProductMatchesDifferences() {
    // H·V against central differences of the gradient along V, h = 1e-5.
    var generator = SeededGenerator(seed: 8)
    let logits = Matrix<Double>.normal(rows: 3, columns: 4, using: &generator)
    let direction = Matrix<Double>.normal(rows: 3, columns: 4, using: &generator)
    for (loss, targets) in [
      (Loss.softmaxCrossEntropy, Targets<Double>.classes([0, 3, 1])),
      (Loss.meanSquaredError, .values(Matrix.normal(rows: 3, columns: 4, using: &generator))),
    ] {
      let h = 1e-5
      let above = loss.valueAndGradient(output: logits + h * direction, targets: targets).gradient
      let below = loss.valueAndGradient(output: logits - h * direction, targets: targets).gradient
      let numerical = (above - below) / (2 * h)
      let exact = loss.hessianVectorProduct(output: logits, targets: targets, direction: direction)
      #expect(isClose(exact.storage, numerical.storage, absoluteTolerance: 1e-8), "\(loss)")
    }
  }

  @Test func flatParametersRoundTrip() {
    var generator = SeededGenerator(seed: 1)
    var network = Sequential<Double>([
      Dense(inputCount: 3, outputCount: 2, generator: &generator), Activation(.relu),
      Dense(inputCount: 2, outputCount: 1, generator: &generator),
    ])
    #expect(network.parameterCount == 3 * 2 + 2 + 2 * 1 + 1)
    let values = (0..<11).map(Double.init)
    network.parameters = values
    #expect(network.parameters == values)  // stored, not computed
    let first = network.layers[0] as! Dense<Double>
    // Documented order: weights row-major, then bias.
    #expect(first.weights.storage == [0, 1, 2, 3, 4, 5])
    #expect(first.bias == [6, 7])
  }

  @Test func backwardParametersStoresTheSameGradientsAsBackward() {
    var generator = SeededGenerator(seed: 6)
    var network = Sequential<Double>([
      Dense(inputCount: 3, outputCount: 4, generator: &generator), Activation(.sigmoid),
      Dense(inputCount: 4, outputCount: 2, generator: &generator),
    ])
    let input = Matrix<Double>.normal(rows: 5, columns: 3, using: &generator)
    let outputGradient = Matrix<Double>.normal(rows: 5, columns: 2, using: &generator)
    _ = network.forward(input, mode: .training)
    _ = network.backward(outputGradient)
    let full = network.parameterGradients
    var copy = network
    copy.backwardParameters(outputGradient)
    // The same operations in the same order: bit-identical, so == is intended.
    #expect(copy.parameterGradients == full)
  }

  @Test func multilayerPerceptronLayout() {
    // The doc example of Sequential+MultilayerPerceptron.swift.
    var generator = SeededGenerator(seed: 0)
    let network = Sequential<Double>.multilayerPerceptron(
      layerSizes: [64, 32, 10], activation: .relu, generator: &generator)
    #expect(network.layers.count == 3)
    #expect(network.parameterCount == 64 * 32 + 32 + 32 * 10 + 10)
    #expect((network.layers[1] as? Activation<Double>)?.function == .relu)
    #expect((network.layers[2] as? Dense<Double>)?.inputCount == 32)
  }
}
