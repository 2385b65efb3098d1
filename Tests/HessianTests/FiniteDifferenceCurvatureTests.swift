import TensorCore
import TestSupport
import Testing

@testable import Hessian

/// One sample x = 1 with target 1 through Dense(1→1: w, b) → ReLU → Dense(1→1: u, c) and the
/// mean squared error: L = (u·relu(w + b) + c − 1)², parameters in the order [w, b, u, c].
func oneKinkNetwork(bias: Double) -> (Sequential<Double>, Dataset<Double>) {
  var generator = SeededGenerator(seed: 0)
  var network = Sequential<Double>.multilayerPerceptron(
    layerSizes: [1, 1, 1], activation: .relu, loss: .meanSquaredError, generator: &generator)
  network.parameters = [0, bias, 1, 0]
  let data = Dataset<Double>(
    inputs: Matrix(rows: 1, columns: 1, storage: [1]),
    targets: .values(Matrix(rows: 1, columns: 1, storage: [1])))
  return (network, data)
}

@Suite("Finite-difference Hessian-vector products and ReLU kinks")
struct FiniteDifferenceCurvatureTests {
  @Test("The doc example: L = θ₀²θ₁ at (1, 2), H·(1, 0) = (2θ₁, 2θ₀) = (4, 2)")
  func docExample() {
    func gradient(_ t: [Double]) -> [Double] { [2 * t[0] * t[1], t[0] * t[0]] }
    let hv: [Double] = finiteDifferenceHessianVectorProduct(
      at: [1.0, 2.0], direction: [1.0, 0.0], step: 1e-4, gradient: gradient)
    // The gradient is quadratic, so central differences are exact up to rounding,
    // about ε·|∇L|/h ≈ 1e-12.
    #expect(isClose(hv, [4.0, 2.0], tolerance: 1e-9))
  }

  @Test("On a smooth (tanh) network the estimate matches the exact product to O(h²)")
  func smoothNetwork() throws {
    let (network, inputs, targets) = smallProblem(
      sizes: [4, 6, 3], activation: .tanh, loss: .meanSquaredError, samples: 10)
    let data = Dataset(inputs: inputs, targets: targets)
    var generator = SeededGenerator(seed: 4)
    let v: [Double] = generator.unitVector(dimension: network.parameterCount)
    let exact = try NetworkCurvature(network: network, on: data).hessianVectorProduct(v)
    let estimate = network.finiteDifferenceHessianVectorProduct(on: data, direction: v, step: 1e-5)
    // Truncation h²/6·|∇³L| ≈ 1e-11 and rounding ε·|∇L|/h ≈ 1e-11: 1e-7 relative is safe.
    let error = norm(zip(estimate, exact).map { $0 - $1 }) / norm(exact)
    #expect(error < 1e-7)
  }

  @Test("Across a ReLU kink the difference measures the jump: −98.9 instead of the curvature 2")
  func kinkJump() throws {
    let (network, data) = oneKinkNetwork(bias: 0.001)
    let exact = try NetworkCurvature(network: network, on: data).hessianVectorProduct([0, 1, 0, 0])
    // By hand: for b > 0, ∂L/∂b = 2(b − 1), so ∂²L/∂b² = 2.
    #expect(isClose(exact[1], 2.0, tolerance: 1e-12))
    // h = 0.01: b + h = 0.011 > 0 gives 2(0.011 − 1) = −1.978; b − h = −0.009 is past the
    // kink, where ∂L/∂b = 0. The difference is −1.978 / 0.02 = −98.9.
    let across = network.finiteDifferenceHessianVectorProduct(
      on: data, direction: [0, 1, 0, 0], step: 0.01)
    #expect(isClose(across[1], -98.9, tolerance: 1e-9))
    #expect(
      network.reluKinksCrossed(from: [0, -0.009, 1, 0], to: [0, 0.011, 1, 0], on: data) == 1)
    // h = 1e-4 stays on the positive side: (2·0.0011 − 2·0.0009) / 2e-4 = 2, every entry exact.
    let within = network.finiteDifferenceHessianVectorProduct(
      on: data, direction: [0, 1, 0, 0], step: 1e-4)
    #expect(isClose(within, exact, tolerance: 1e-9))
    #expect(
      network.reluKinksCrossed(from: [0, 0.0009, 1, 0], to: [0, 0.0011, 1, 0], on: data) == 0)
  }

  @Test("Kinks crossed equal a direct count of first-layer sign changes")
  func kinkCount() {
    let (network, inputs, targets) = smallProblem(
      sizes: [5, 8, 3], activation: .relu, loss: .softmaxCrossEntropy, samples: 30)
    let data = Dataset(inputs: inputs, targets: targets)
    var generator = SeededGenerator(seed: 6)
    let theta = network.parameters
    let v: [Double] = generator.unitVector(dimension: theta.count)
    let start = zip(theta, v).map { $0 - 0.3 * $1 }
    let end = zip(theta, v).map { $0 + 0.3 * $1 }
    func firstLayer(_ parameters: [Double]) -> [Double] {
      var copy = network
      copy.parameters = parameters
      return (copy.layers[0] as! Dense<Double>).output(for: inputs).storage
    }
    let direct = zip(firstLayer(start), firstLayer(end)).filter { ($0 > 0) != ($1 > 0) }.count
    #expect(direct > 0)  // a step of 0.3 moves some of the 240 pre-activations across 0
    #expect(network.reluKinksCrossed(from: start, to: end, on: data) == direct)
    #expect(network.reluKinksCrossed(from: theta, to: theta, on: data) == 0)
  }

  @Test("Power iteration on finite differences follows power iteration on exact products")
  func largestEigenvalue() throws {
    let (network, inputs, targets) = smallProblem(
      sizes: [4, 6, 3], activation: .tanh, loss: .meanSquaredError, samples: 10)
    let data = Dataset(inputs: inputs, targets: targets)
    let curvature = try NetworkCurvature(network: network, on: data)
    var first = SeededGenerator(seed: 9)
    let estimate = network.finiteDifferenceLargestEigenvalue(
      on: data, step: 1e-5, iterations: 300, generator: &first)
    var second = SeededGenerator(seed: 9)
    let exact = powerIteration(
      dimension: curvature.parameterCount, maximumIterations: 300, generator: &second,
      multiply: curvature.hessianVectorProduct)
    // Same start vector, products that agree to ~1e-10 relative: the Rayleigh quotients
    // agree to 1e-6 (the iteration does not amplify the small differences: it contracts
    // towards the same eigenvector).
    #expect(isClose(estimate.eigenvalue, exact.eigenvalue, tolerance: 1e-6))
    // And both are the dense Hessian's largest |λ| (the exact iteration converged).
    let dense = try SymmetricEigendecomposition(curvature.hessian())
    let top = dense.eigenvalues.max(by: { abs($0) < abs($1) })!
    #expect(exact.converged)
    #expect(isClose(estimate.eigenvalue, top, tolerance: 1e-6))
  }

  @Test("Keskar sharpness on a data set is the batch form on its inputs and targets")
  func keskarOnDataset() {
    let (network, inputs, targets) = smallProblem(
      sizes: [3, 6, 2], activation: .tanh, loss: .softmaxCrossEntropy, samples: 20)
    var first = SeededGenerator(seed: 12)
    var second = SeededGenerator(seed: 12)
    let viaDataset = network.keskarSharpness(
      on: Dataset(inputs: inputs, targets: targets), generator: &first)
    let viaBatch = network.keskarSharpness(inputs: inputs, targets: targets, generator: &second)
    // The same computation with the same random start: equal to the last bit (tolerance 0).
    #expect(isClose(viaDataset.percent, viaBatch.percent, tolerance: 0))
    #expect(viaDataset.percent > 0)
  }
}
