import TensorCore
import Testing

@testable import Hessian

/// v ↦ A·v for a dense matrix.
func product(_ a: Matrix<Double>) -> ([Double]) -> [Double] {
  { v in matmul(a, Matrix(rows: v.count, columns: 1, storage: v)).storage }
}

/// A diagonal matrix.
func diagonal(_ values: [Double]) -> Matrix<Double> {
  var m = Matrix<Double>(rows: values.count, columns: values.count)
  for (i, value) in values.enumerated() { m[i, i] = value }
  return m
}

@Suite("Lanczos, power iteration, Hutchinson's trace, sharpness")
struct IterativeMethodsTests {
  @Test("Lanczos with m = n recovers every eigenvalue of a random symmetric matrix")
  func lanczosFull() throws {
    let a = randomSymmetric(size: 30, seed: 5)
    let dense = try SymmetricEigendecomposition(a)
    var generator = SeededGenerator(seed: 1)
    let result = try lanczos(
      dimension: 30, iterations: 30, generator: &generator, multiply: product(a))
    #expect(result.iterations == 30)
    // With full reorthogonalization T is similar to A up to rounding: 1e-10.
    for (x, y) in zip(result.ritzValues, dense.eigenvalues) { #expect(abs(x - y) < 1e-10) }
    let basis = Matrix(result.basis)
    let gram = matmul(basis, basis, transposeB: true)
    #expect(largestMagnitude((gram - .identity(size: 30)).storage) < 1e-12)
  }

  @Test("Lanczos stops early on an invariant subspace: diag(1, 2, 3) repeated has 3 eigenvalues")
  func lanczosInvariant() throws {
    let values = (0..<12).map { Double($0 % 3 + 1) }
    var generator = SeededGenerator(seed: 2)
    let result = try lanczos(
      dimension: 12, iterations: 12, generator: &generator, multiply: product(diagonal(values)))
    // The Krylov space of a matrix with 3 distinct eigenvalues has dimension 3.
    #expect(result.iterations == 3)
    for (x, y) in zip(result.ritzValues, [1.0, 2, 3]) { #expect(abs(x - y) < 1e-12) }
  }

  @Test("Lanczos' extreme eigenvalues of a 314-parameter network Hessian match the dense ones")
  func lanczosNetwork() throws {
    let (network, inputs, targets) = smallProblem(
      sizes: [8, 16, 10], activation: .tanh, loss: .softmaxCrossEntropy, samples: 40)
    let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
    #expect(curvature.parameterCount == 8 * 16 + 16 + 16 * 10 + 10)
    let dense = try SymmetricEigendecomposition(curvature.hessian())
    var generator = SeededGenerator(seed: 3)
    let result = try lanczos(
      dimension: curvature.parameterCount, iterations: 80, generator: &generator,
      multiply: curvature.hessianVectorProduct)
    let scale = largestMagnitude(dense.eigenvalues)
    // Extreme Ritz values converge first; 80 of 314 steps pin them to ~1e-8 relative.
    #expect(abs(result.largest - dense.eigenvalues.last!) < 1e-8 * scale)
    #expect(abs(result.smallest - dense.eigenvalues.first!) < 1e-8 * scale)
    // The residual bound of the largest Ritz pair is small and honest.
    let y = result.ritzVector(result.iterations - 1)
    let residual = norm(zip(curvature.hessianVectorProduct(y), y).map { $0 - result.largest * $1 })
    #expect(residual <= result.residualBounds.last! * 1.01 + 1e-12)
    #expect(residual < 1e-6 * scale)
    var again = SeededGenerator(seed: 3)
    let top = try curvature.largestEigenvalue(iterations: 80, generator: &again)
    #expect(abs(top - dense.eigenvalues.last!) < 1e-8 * scale)
  }

  @Test("power iteration: dominant eigenvalue (either sign), and the shift finds the other end")
  func powerIterationCases() {
    var generator = SeededGenerator(seed: 4)
    // Eigenvalues by construction; ratio |λ₂/λ₁| = 0.5 gives fast convergence.
    let values: [Double] = [-10, 1, 2, 3, 5]
    let negative = powerIteration(
      dimension: 5, generator: &generator, multiply: product(diagonal(values)))
    #expect(negative.converged)
    #expect(abs(negative.eigenvalue + 10) < 1e-8)
    #expect(abs(abs(negative.eigenvector[0]) - 1) < 1e-4)
    let positive = powerIteration(
      dimension: 5, generator: &generator, multiply: product(diagonal(values.map { -$0 })))
    #expect(abs(positive.eigenvalue - 10) < 1e-8)
    // Shift by +10: A − 10I has eigenvalues −20, −9, …, −5: finds λ = −10 again;
    // shift by −10: A + 10I has 0, 11, 12, 13, 15: finds λ = 5, the top.
    let top = powerIteration(
      dimension: 5, shift: -10, generator: &generator, multiply: product(diagonal(values)))
    #expect(abs(top.eigenvalue - 5) < 1e-8)
    // The doc example: [[2, 1], [1, 2]] has eigenvalues 1 and 3.
    let example = powerIteration(dimension: 2, generator: &generator) { (v: [Double]) in
      [2 * v[0] + v[1], v[0] + 2 * v[1]]
    }
    #expect(abs(example.eigenvalue - 3) < 1e-8)
  }

  @Test("Hutchinson: exact for diagonal matrices; within 4 standard errors otherwise")
  func hutchinson() {
    var generator = SeededGenerator(seed: 6)
    let diag = hutchinsonTrace(
      dimension: 4, samples: 3, generator: &generator, multiply: product(diagonal([1, -2, 3, 7])))
    // zᵀDz = Σ dᵢ zᵢ² = Σ dᵢ for z ∈ {±1}ⁿ, exactly.
    #expect(abs(diag.estimate - 9) < 1e-15)
    #expect(diag.standardError < 1e-15)
    let a = randomSymmetric(size: 50, seed: 7)
    let trace = (0..<50).reduce(0.0) { $0 + a[$1, $1] }
    let estimate = hutchinsonTrace(
      dimension: 50, samples: 2000, generator: &generator, multiply: product(a))
    // Theory: the per-sample variance is 2 Σ_{i≠j} Aᵢⱼ².
    var offDiagonal = 0.0
    for i in 0..<50 { for j in 0..<50 where i != j { offDiagonal += a[i, j] * a[i, j] } }
    let theoretical = (2 * offDiagonal / 2000).squareRoot()
    #expect(abs(estimate.standardError - theoretical) < 0.1 * theoretical)
    #expect(abs(estimate.estimate - trace) < 4 * theoretical)
  }

  @Test("Keskar sharpness of a quadratic: the box corner ½ε²Σdᵢ, and sharper means larger")
  func keskarQuadratic() {
    func quadratic(_ d: [Double]) -> ([Double]) -> (Double, [Double]) {
      { t in
        (zip(d, t).reduce(0) { $0 + 0.5 * $1.0 * $1.1 * $1.1 }, zip(d, t).map { $0 * $1 })
      }
    }
    var generator = SeededGenerator(seed: 8)
    let sharp = keskarSharpness(
      at: [0.0, 0.0], epsilon: 1e-2, generator: &generator, lossAndGradient: quadratic([100, 1]))
    // By hand: the maximum of ½Σdᵢyᵢ² over |yᵢ| ≤ 0.01 is at a corner: ½·1e-4·101.
    #expect(abs(sharp.maximumLoss - 0.00505) < 1e-12)
    #expect(abs(sharp.percent - 0.505) < 1e-9)
    #expect(sharp.worstPerturbation.allSatisfy { abs(abs($0) - 0.01) < 1e-15 })
    let flat = keskarSharpness(
      at: [0.0, 0.0], epsilon: 1e-2, generator: &generator, lossAndGradient: quadratic([1, 1]))
    #expect(abs(flat.maximumLoss - 0.0001) < 1e-12)
    // The box scales with |θᵢ| + 1: at θ = (3, 0) the first half-width is 0.04.
    let shifted = keskarSharpness(at: [3.0, 0.0], epsilon: 1e-2, generator: &generator) { t in
      let (loss, gradient) = quadratic([100, 1])([t[0] - 3, t[1]])
      return (loss, gradient)
    }
    #expect(abs(shifted.maximumLoss - 0.5 * (100 * 0.0016 + 0.0001)) < 1e-12)
  }

  @Test("Keskar sharpness of a network: within the box, at least the loss at the start")
  func keskarNetwork() throws {
    let (network, inputs, targets) = smallProblem(
      sizes: [3, 6, 2], activation: .tanh, loss: .softmaxCrossEntropy, samples: 20)
    var generator = SeededGenerator(seed: 10)
    let epsilon = 1e-3
    let result = network.keskarSharpness(
      inputs: inputs, targets: targets, epsilon: epsilon, generator: &generator)
    let theta = network.parameters
    #expect(zip(result.worstPerturbation, theta).allSatisfy { abs($0) <= epsilon * (abs($1) + 1) })
    #expect(result.maximumLoss > result.baseLoss)
    var probe = network
    probe.parameters = zip(theta, result.worstPerturbation).map { $0 + $1 }
    // The reported maximum is the loss at the reported perturbation (same computation).
    #expect(abs(probe.loss(inputs: inputs, targets: targets) - result.maximumLoss) < 1e-14)
    // The ascent must do at least as well as a random corner of the box.
    var cornerGenerator = SeededGenerator(seed: 11)
    var corner = network
    corner.parameters = theta.map {
      $0 + epsilon * (abs($0) + 1) * (cornerGenerator.next() & 1 == 0 ? 1 : -1)
    }
    #expect(result.maximumLoss >= corner.loss(inputs: inputs, targets: targets))
  }
}
