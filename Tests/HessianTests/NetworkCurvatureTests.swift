import TensorCore
import Testing

@testable import Hessian

/// The loss of a multi-layer perceptron written out independently of
/// TensorCore, in plain generic arithmetic, so hyper-dual numbers give its
/// exact Hessian. Parameters in TensorCore's documented order: per dense layer
/// the weights `in × out` row-major, then the bias.
func referenceLoss<T: DifferentiableScalar>(
  _ theta: [T], sizes: [Int], activation: ActivationFunction, inputs: Matrix<Double>,
  targets: Targets<Double>, loss: Loss
) -> T {
  var total: T = 0
  for sample in 0..<inputs.rows {
    var values = inputs.row(sample).map { T($0) }
    var offset = 0
    for layer in 0..<(sizes.count - 1) {
      let (inCount, outCount) = (sizes[layer], sizes[layer + 1])
      var next = [T]()
      for j in 0..<outCount {
        var sum = theta[offset + inCount * outCount + j]
        for i in 0..<inCount { sum += values[i] * theta[offset + i * outCount + j] }
        next.append(sum)
      }
      offset += inCount * outCount + outCount
      if layer < sizes.count - 2 {
        next = next.map { z in
          switch activation {
          case .identity: return z
          case .relu: return z > 0 ? z : 0
          case .sigmoid: return 1 / (1 + T.exp(-z))
          case .tanh: return T.tanh(z)
          }
        }
      }
      values = next
    }
    switch targets {
    case .classes(let labels):
      // −log softmax(z)[y] = log Σ exp(z) − z_y.
      let sum = values.reduce(T(0)) { $0 + T.exp($1) }
      total += T.log(sum) - values[labels[sample]]
    case .values(let matrix):
      for (k, v) in values.enumerated() { total += (v - T(matrix[sample, k])).squared }
    }
  }
  let count = loss == .meanSquaredError ? inputs.rows * targets.matrixColumns : inputs.rows
  return total / T(Double(count))
}

extension Targets<Double> {
  /// Columns of value targets (1 for labels).
  fileprivate var matrixColumns: Int { matrix?.columns ?? 1 }
}

/// A small network, batch and targets for the tests.
func smallProblem(
  sizes: [Int], activation: ActivationFunction, loss: Loss, samples: Int = 5, seed: UInt64 = 3
) -> (Sequential<Double>, Matrix<Double>, Targets<Double>) {
  var generator = SeededGenerator(seed: seed)
  var network = Sequential<Double>.multilayerPerceptron(
    layerSizes: sizes, activation: activation, loss: loss, generator: &generator)
  // Non-zero biases, so that every parameter matters.
  network.parameters = network.parameters.map { $0 + 0.1 * generator.normal() }
  let inputs = Matrix<Double>.normal(rows: samples, columns: sizes[0], using: &generator)
  let targets: Targets<Double>
  if loss == .softmaxCrossEntropy {
    targets = .classes((0..<samples).map { _ in generator.integer(below: sizes.last!) })
  } else {
    targets = .values(Matrix.normal(rows: samples, columns: sizes.last!, using: &generator))
  }
  return (network, inputs, targets)
}

@Suite("Network Hessian and Hessian-vector products")
struct NetworkCurvatureTests {
  static let cases: [(ActivationFunction, Loss)] = [
    (.tanh, .meanSquaredError), (.sigmoid, .softmaxCrossEntropy), (.tanh, .softmaxCrossEntropy),
    (.relu, .meanSquaredError), (.identity, .meanSquaredError),
  ]

  @Test(
    "Hessian from HVPs equals the hyper-dual Hessian of an independent re-implementation",
    arguments: cases)
  func againstHyperDual(activation: ActivationFunction, loss: Loss) throws {
    let sizes = [3, 4, 3]
    let (network, inputs, targets) = smallProblem(sizes: sizes, activation: activation, loss: loss)
    let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    let reference = secondOrderDerivatives(
      of: {
        referenceLoss(
          $0, sizes: sizes, activation: activation, inputs: inputs, targets: targets, loss: loss)
      },
      at: network.parameters)
    // Two exact methods differing only in rounding order: 1e-12 of the largest entry.
    let scale = max(1, largestMagnitude(reference.hessian.storage))
    #expect(abs(curvature.loss - reference.value) < 1e-13)
    #expect(largestMagnitude(zip(curvature.gradient, reference.gradient).map { $0 - $1 }) < 1e-13)
    let raw = curvature.hessian(symmetrized: false)
    #expect(largestMagnitude((raw - reference.hessian).storage) < 1e-12 * scale)
    // Unsymmetrized, the matrix of exact products is already symmetric to rounding.
    #expect(largestMagnitude((raw - raw.transposed()).storage) < 1e-12 * scale)
    // One HVP with a random direction against H·v.
    var generator = SeededGenerator(seed: 9)
    let v: [Double] = (0..<curvature.parameterCount).map { _ in generator.normal() }
    let hv = curvature.hessianVectorProduct(v)
    let expected = matmul(reference.hessian, Matrix(rows: v.count, columns: 1, storage: v)).storage
    #expect(largestMagnitude(zip(hv, expected).map { $0 - $1 }) < 1e-11 * scale)
  }

  @Test("the gradient equals TensorCore's backpropagation")
  func gradientMatchesTensorCore() throws {
    var (network, inputs, targets) = smallProblem(
      sizes: [4, 6, 5, 3], activation: .tanh, loss: .softmaxCrossEntropy)
    let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    let (loss, gradient) = network.lossAndGradient(inputs: inputs, targets: targets)
    // Same operations in the same order: agreement to rounding.
    #expect(abs(curvature.loss - loss) < 1e-14)
    #expect(largestMagnitude(zip(curvature.gradient, gradient).map { $0 - $1 }) < 1e-14)
  }

  @Test(
    "network Hessian vs central differences of TensorCore's gradient (three layers, both losses)")
  func againstCentralDifferences() throws {
    for loss in [Loss.softmaxCrossEntropy, .meanSquaredError] {
      let (network, inputs, targets) = smallProblem(
        sizes: [3, 5, 4, 2], activation: .sigmoid, loss: loss, samples: 7)
      let h = try network.hessian(inputs: inputs, targets: targets)
      let n = network.parameterCount
      let step = 1e-5
      var probe = network
      let theta = network.parameters
      for column in 0..<n {
        var shifted = theta
        shifted[column] = theta[column] + step
        probe.parameters = shifted
        let above = probe.lossAndGradient(inputs: inputs, targets: targets).gradient
        shifted[column] = theta[column] - step
        probe.parameters = shifted
        let below = probe.lossAndGradient(inputs: inputs, targets: targets).gradient
        for row in 0..<n {
          let estimate = (above[row] - below[row]) / (2 * step)
          // O(h²) truncation (~1e-10 here) plus ε·|g|/h rounding (~1e-11): 1e-7 is safe.
          #expect(abs(h[row, column] - estimate) < 1e-7, "\(loss) H[\(row), \(column)]")
        }
      }
    }
  }

  @Test("y = w₁·w₂·x as a network (two 1→1 dense layers, MSE): H matches the hand formula")
  func oneNeuronNetwork() throws {
    // y = w₂(w₁x + b₁) + b₂ with x = 1, ŷ = 1 and b₁ = b₂ = 0 at θ = (w₁, b₁, w₂, b₂) = 0.
    // L = (y − 1)²: by hand at θ = 0 (y = 0, residual −1):
    // ∂²L/∂w₁∂w₂ = 2(x·x·0 + residual·x) = −2, ∂²L/∂b₁∂w₂ = −2, ∂²L/∂b₂² = 2, the rest 0.
    let network = Sequential<Double>(
      [
        Dense(weights: Matrix([[0]]), bias: [0]),
        Dense(weights: Matrix([[0]]), bias: [0]),
      ], loss: .meanSquaredError)
    let h = try network.hessian(inputs: Matrix([[1]]), targets: .values(Matrix([[1]])))
    let expected: [Double] = [
      0, 0, -2, 0,
      0, 0, -2, 0,
      -2, -2, 0, 0,
      0, 0, 0, 2,
    ]
    #expect(largestMagnitude(zip(h.storage, expected).map { $0 - $1 }) < 1e-15)
  }

  @Test(
    "a network at a saddle: classified from its exact Hessian, and the escape step lowers the loss")
  func networkSaddleEscape() throws {
    // y = w₂(w₁x + b₁) + b₂ at θ = (w₁, b₁, w₂, b₂) = 0 on x = ±1, ŷ = ±1 (MSE).
    // By hand: every gradient entry is 0 (the residuals −1 and +1 cancel), and with
    // r = y − ŷ, H = mean(2JJᵀ + 2r∇²y) = [[0, 0, −2, 0], [0, 0, 0, 0], [−2, 0, 0, 0], [0, 0, 0, 2]]:
    // eigenvalues −2, 0, 2, 2 — a saddle with escape direction (1, 0, 1, 0)/√2.
    let network = Sequential<Double>(
      [Dense(weights: Matrix([[0]]), bias: [0]), Dense(weights: Matrix([[0]]), bias: [0])],
      loss: .meanSquaredError)
    let inputs = Matrix<Double>([[1], [-1]])
    let targets = Targets<Double>.values(Matrix([[1], [-1]]))
    let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    let analysis = try curvature.analyzeCriticalPoint()
    #expect(analysis.kind == .saddlePoint)
    #expect(analysis.inertia == (2, 1, 1))
    let expected: [Double] = [-2, 0, 2, 2]
    #expect(zip(analysis.eigenvalues, expected).allSatisfy { abs($0 - $1) < 1e-14 })
    let loss: ([Double]) -> Double = { theta in
      var probe = network
      probe.parameters = theta
      return probe.loss(inputs: inputs, targets: targets)
    }
    let escape = try #require(
      analysis.escape(from: network.parameters, stepLength: 0.1, loss: loss))
    let r = 0.5.squareRoot()
    #expect(zip(escape.direction, [r, 0, r, 0]).allSatisfy { abs($0 - $1) < 1e-14 })
    // Along it w₁ = w₂ = a with a² = 0.005, so L = (a² − 1)² = 0.990025 (by hand).
    #expect(abs(escape.predictedLossChange + 0.01) < 1e-15)
    #expect(abs(escape.actualLossChange + 0.009975) < 1e-14)
  }

  @Test("nested Sequential networks give the same products as the flat network")
  func nested() throws {
    let (flat, inputs, targets) = smallProblem(
      sizes: [2, 3, 3, 2], activation: .tanh, loss: .softmaxCrossEntropy)
    let nested = Sequential<Double>(
      [Sequential(Array(flat.layers[0..<2])), Sequential(Array(flat.layers[2...]))],
      loss: .softmaxCrossEntropy)
    let v = (0..<flat.parameterCount).map { Double($0 % 5) - 2 }
    let a = try flat.hessianVectorProduct(inputs: inputs, targets: targets, direction: v)
    let b = try nested.hessianVectorProduct(inputs: inputs, targets: targets, direction: v)
    // Identical operations: identical up to the last bit, 1e-15 to be safe.
    #expect(largestMagnitude(zip(a, b).map { $0 - $1 }) < 1e-15)
  }

  @Test("Float products agree with Double to Float precision")
  func floatPrecision() throws {
    let (network, inputs, targets) = smallProblem(
      sizes: [3, 4, 2], activation: .tanh, loss: .meanSquaredError)
    let single = Sequential<Float>(
      [
        Dense(
          weights: Matrix(
            rows: 3, columns: 4,
            storage: (network.layers[0] as! Dense<Double>).weights.storage.map(Float.init)),
          bias: (network.layers[0] as! Dense<Double>).bias.map(Float.init)),
        Activation(.tanh),
        Dense(
          weights: Matrix(
            rows: 4, columns: 2,
            storage: (network.layers[2] as! Dense<Double>).weights.storage.map(Float.init)),
          bias: (network.layers[2] as! Dense<Double>).bias.map(Float.init)),
      ], loss: .meanSquaredError)
    let h64 = try network.hessian(inputs: inputs, targets: targets)
    let h32 = try single.hessian(
      inputs: Matrix(
        rows: inputs.rows, columns: inputs.columns, storage: inputs.storage.map(Float.init)),
      targets: .values(
        Matrix(rows: 5, columns: 2, storage: targets.matrix!.storage.map(Float.init))))
    // Float rounding (ε ≈ 1.2e-7) over a few dozen operations on O(1) values: 1e-5.
    #expect(zip(h32.storage, h64.storage).allSatisfy { abs(Double($0) - $1) < 1e-5 })
  }

  @Test("a layer the R-operator does not know is reported with its index")
  func unsupportedLayer() {
    struct Scale: Layer {
      var parameterCount: Int { 1 }
      var parameters: [Double] = [2]
      var parameterGradients: [Double] { [0] }
      mutating func forward(_ input: Matrix<Double>, mode: ForwardMode) -> Matrix<Double> {
        input * parameters[0]
      }
      mutating func backward(_ outputGradient: Matrix<Double>) -> Matrix<Double> { outputGradient }
    }
    let network = Sequential<Double>(
      [Dense(weights: Matrix([[1]])), Scale()], loss: .meanSquaredError)
    #expect(throws: HessianError.unsupportedLayer(index: 1, type: "Scale")) {
      try NetworkCurvature(network: network, inputs: Matrix([[1]]), targets: .values(Matrix([[1]])))
    }
  }
}
