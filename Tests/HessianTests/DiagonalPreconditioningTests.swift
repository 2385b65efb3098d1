import Testing

@testable import Hessian
@testable import TensorCore

@Suite("Diagonal preconditioning and the condition number")
struct DiagonalPreconditioningTests {
  /// D2L's bowl 0.1x₁² + 2x₂² (Hessian diag(0.2, 4)) and the same bowl turned by 45°:
  /// R diag(0.2, 4) Rᵀ = [[2.1, −1.9], [−1.9, 2.1]] by hand (½(0.2 + 4) = 2.1,
  /// ½(0.2 − 4) = −1.9).
  let aligned = Matrix<Double>([[0.2, 0], [0, 4]])
  let rotated = Matrix<Double>([[2.1, -1.9], [-1.9, 2.1]])

  @Test("the doc example: diag(0.2, 4) preconditioned by (5, 0.25) is the identity")
  func alignedBecomesRound() throws {
    let round = diagonallyPreconditioned(aligned, by: [5, 0.25])
    // √5·0.2·√5 and ½·4·½ are 1 up to a rounding or two: tolerance 4 ulps of 1.
    let expected: [Double] = [1, 0, 0, 1]
    #expect(zip(round.storage, expected).allSatisfy { abs($0 - $1) <= 4 * Double.ulpOfOne })
    #expect(abs(try conditionNumber(ofSymmetric: round) - 1) < 1e-14)
  }

  @Test("entries are √pᵢ·Hᵢⱼ·√pⱼ (a general 2×2 by hand)")
  func entriesByHand() {
    let h = Matrix<Double>([[3, -2], [-2, 8]])
    let result = diagonallyPreconditioned(h, by: [4, 0.25])
    // √4 = 2, √0.25 = 0.5: [[4·3, 2·0.5·(−2)], [same, 0.25·8]] = [[12, −2], [−2, 2]], exact.
    let expected: [Double] = [12, -2, -2, 2]
    #expect(zip(result.storage, expected).allSatisfy { abs($0 - $1) <= 16 * Double.ulpOfOne })
  }

  @Test("the rotated bowl: κ = 20 before and after the Jacobi preconditioner (equal diagonal)")
  func rotationDefeatsTheDiagonal() throws {
    // Eigenvalues 2.1 ∓ 1.9 = 0.2 and 4 by hand; LAPACK's rounding on O(1) entries,
    // relative to the small eigenvalue 0.2: tolerance 1e-12 on κ = 20.
    #expect(abs(try conditionNumber(ofSymmetric: rotated) - 20) < 1e-12)
    let jacobi = jacobiPreconditioner(rotated)
    #expect(abs(jacobi[0] - 1 / 2.1) < 1e-15 && abs(jacobi[1] - 1 / 2.1) < 1e-15)
    let preconditioned = diagonallyPreconditioned(rotated, by: jacobi)
    #expect(abs(preconditioned[0, 0] - 1) < 1e-15)
    #expect(abs(try conditionNumber(ofSymmetric: preconditioned) - 20) < 1e-12)
    // The aligned bowl: the Jacobi preconditioner is Newton's, κ = 1.
    let alignedJacobi = diagonallyPreconditioned(aligned, by: jacobiPreconditioner(aligned))
    #expect(abs(try conditionNumber(ofSymmetric: alignedJacobi) - 1) < 1e-14)
  }

  @Test("a 3×3 case against numpy")
  func threeByThree() throws {
    // numpy: H = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 1]], p = [0.5, 2, 1],
    // D = diag(sqrt(p)); np.linalg.eigvalsh(D @ H @ D) -> [0.88736474, 1.85232598,
    // 6.26030928], ratio 7.054944835955849; eigvalsh(H) ratio 5.11320476011477.
    let h = Matrix<Double>([[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 1]])
    let preconditioned = diagonallyPreconditioned(h, by: [0.5, 2, 1])
    // √0.5·0.5·√1 and √2·3·√2 = 6, each to a few roundings: tolerance 4 ulps of the value.
    #expect(abs(preconditioned[0, 2] - 0.5.squareRoot() * 0.5) <= 4 * 0.5.ulp)
    #expect(abs(preconditioned[1, 1] - 6) <= 4 * 6.0.ulp)
    // Relative 1e-12: both sides are eigensolver results on O(1) numbers.
    #expect(abs(try conditionNumber(ofSymmetric: preconditioned) / 7.054944835955849 - 1) < 1e-12)
    #expect(abs(try conditionNumber(ofSymmetric: h) / 5.11320476011477 - 1) < 1e-12)
  }

  @Test(
    "not positive definite: κ = +∞", arguments: [[[1.0, 0], [0, 0]], [[1.0, 0], [0, -1]]])
  func notPositiveDefinite(rows: [[Double]]) throws {
    #expect(try conditionNumber(ofSymmetric: Matrix<Double>(rows)).isInfinite)
  }

  @Test("a matrix that is not symmetric is an error, not a number")
  func notSymmetric() {
    #expect(throws: HessianError.self) {
      try conditionNumber(ofSymmetric: Matrix<Double>([[1, 2], [0, 1]]))
    }
  }

  @Test("Float too: the aligned bowl becomes round")
  func float() throws {
    let round = diagonallyPreconditioned(Matrix<Float>([[0.2, 0], [0, 4]]), by: [5, 0.25])
    // Float rounding: tolerance 4 ulps of 1.
    #expect(abs(try conditionNumber(ofSymmetric: round) - 1) < 4 * Float.ulpOfOne)
  }
}
