import Testing

@testable import Hessian
@testable import TensorCore

/// Largest |x| of a vector.
func largestMagnitude<Scalar: TensorScalar>(_ values: [Scalar]) -> Scalar {
  values.reduce(Scalar(0)) { max($0, abs($1)) }
}

/// A random symmetric matrix (B + Bᵀ)/2 with standard normal B.
func randomSymmetric(size: Int, seed: UInt64) -> Matrix<Double> {
  var generator = SeededGenerator(seed: seed)
  let b = Matrix<Double>.normal(rows: size, columns: size, using: &generator)
  return (b + b.transposed()) / 2
}

@Suite("Symmetric eigen-decomposition")
struct SymmetricEigendecompositionTests {
  @Test("the doc example: [[0, -2], [-2, 0]] has eigenvalues ∓2 and vectors (1, ±1)/√2")
  func docExample() throws {
    let eigen = try SymmetricEigendecomposition(Matrix<Double>([[0, -2], [-2, 0]]))
    // By hand: det(H − λI) = λ² − 4; (H + 2I)(1, 1) = 0, (H − 2I)(1, −1) = 0.
    // Tolerance 1e-14: a few rounding errors of LAPACK on O(1) numbers.
    #expect(abs(eigen.eigenvalues[0] + 2) < 1e-14)
    #expect(abs(eigen.eigenvalues[1] - 2) < 1e-14)
    let r = 0.5.squareRoot()
    #expect(zip(eigen.eigenvector(0), [r, r]).allSatisfy { abs($0 - $1) < 1e-14 })
    #expect(zip(eigen.eigenvector(1), [r, -r]).allSatisfy { abs($0 - $1) < 1e-14 })
  }

  @Test(
    "random symmetric matrices: A·v = λ·v to 1e-10 relative, orthonormal Q, ascending",
    arguments: [1, 2, 7, 40, 120])
  func randomMatrices(size: Int) throws {
    let a = randomSymmetric(size: size, seed: UInt64(size))
    let eigen = try SymmetricEigendecomposition(a)
    let scale = largestMagnitude(eigen.eigenvalues)
    for k in 0..<size {
      let v = eigen.eigenvector(k)
      let av = matmul(a, Matrix(rows: size, columns: 1, storage: v)).storage
      let residual = largestMagnitude(zip(av, v).map { $0 - eigen.eigenvalues[k] * $1 })
      // Backward-stable solver: residual ≈ n·ε·‖A‖ ≈ 1e-13 here; 1e-10 is the issue's bound.
      #expect(residual <= 1e-10 * scale, "eigenpair \(k): residual \(residual)")
    }
    for k in 1..<max(1, size) { #expect(eigen.eigenvalues[k - 1] <= eigen.eigenvalues[k]) }
    let gram = matmul(eigen.eigenvectors, eigen.eigenvectors, transposeA: true)
    let identity = Matrix<Double>.identity(size: size)
    // QᵀQ = I up to O(n·ε).
    #expect(largestMagnitude((gram - identity).storage) < 1e-12)
    // Independent checks of the spectrum: trace A = Σλ and ‖A‖²_F = Σλ².
    let trace = (0..<size).reduce(0.0) { $0 + a[$1, $1] }
    #expect(abs(trace - eigen.eigenvalues.reduce(0, +)) < 1e-10 * Double(size))
    let frobenius = a.storage.reduce(0) { $0 + $1 * $1 }
    #expect(abs(frobenius - eigen.eigenvalues.reduce(0) { $0 + $1 * $1 }) < 1e-10 * frobenius)
    let rebuilt = eigen.reconstructed()
    #expect(largestMagnitude((rebuilt - a).storage) < 1e-12 * Double(size))
  }

  @Test("eigenvalues match numpy.linalg.eigvalsh on a fixed 6×6 matrix (Double and Float)")
  func numpyReference() throws {
    // Reference computed with numpy 2.4.6:
    //   A = np.array(rows); print(repr(np.linalg.eigvalsh(A)))
    let rows: [[Double]] = [
      [4, 1, -2, 0, 3, 1],
      [1, -3, 0, 2, 1, 0],
      [-2, 0, 5, 1, -1, 2],
      [0, 2, 1, 0, 4, -3],
      [3, 1, -1, 4, 2, 1],
      [1, 0, 2, -3, 1, -1],
    ]
    let numpy: [Double] = [
      -6.063839306415947, -3.2855546197610868, -0.8677856762119682, 3.554149274470449,
      5.296791118623621, 8.366239209294935,
    ]
    let eigen = try SymmetricEigendecomposition(Matrix<Double>(rows))
    // Both are LAPACK ?syevd on the same matrix; 1e-12 allows different BLAS orderings.
    for (ours, theirs) in zip(eigen.eigenvalues, numpy) { #expect(abs(ours - theirs) < 1e-12) }
    let single = try SymmetricEigendecomposition(Matrix<Float>(rows.map { $0.map(Float.init) }))
    // Float: ε ≈ 1.2e-7 times ‖A‖ ≈ 10 gives ~1e-6; 1e-5 leaves room.
    for (ours, theirs) in zip(single.eigenvalues, numpy) {
      #expect(abs(Double(ours) - theirs) < 1e-5)
    }
  }

  @Test("the Jacobi fallback agrees with LAPACK on random matrices")
  func jacobiAgrees() throws {
    for size in [1, 3, 25] {
      let a = randomSymmetric(size: size, seed: 100 + UInt64(size))
      let lapack = try SymmetricEigendecomposition(a)
      var storage = a.storage
      var values = [Double](repeating: 0, count: size)
      jacobiEigensolve(n: size, matrix: &storage, eigenvalues: &values)
      // Both backward stable: eigenvalues agree to O(n·ε·‖A‖).
      for (x, y) in zip(values, lapack.eigenvalues) { #expect(abs(x - y) < 1e-12) }
      for k in 0..<size {
        let v = Array(storage[(k * size)..<((k + 1) * size)])
        let av = matmul(a, Matrix(rows: size, columns: 1, storage: v)).storage
        #expect(largestMagnitude(zip(av, v).map { $0 - values[k] * $1 }) < 1e-12)
      }
    }
  }

  @Test("bad input: not square, not symmetric (tolerance √ε·max(1, max|A|)), not finite")
  func badInput() {
    #expect(throws: HessianError.notSquare(rows: 2, columns: 3)) {
      try SymmetricEigendecomposition(Matrix<Double>(rows: 2, columns: 3))
    }
    #expect(throws: HessianError.nonFinite(row: 1, column: 0)) {
      try SymmetricEigendecomposition(Matrix<Double>([[1, 2], [.nan, 1]]))
    }
    #expect(throws: HessianError.nonFinite(row: 0, column: 1)) {
      try SymmetricEigendecomposition(Matrix<Double>([[1, .infinity], [2, 1]]))
    }
    do {
      _ = try SymmetricEigendecomposition(Matrix<Double>([[1, 2], [2.001, 1]]))
      Issue.record("a clearly non-symmetric matrix was accepted")
    } catch let error as HessianError {
      guard case .notSymmetric(0, 1, let difference, _) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(abs(difference - 0.001) < 1e-12)
      #expect(error.description.contains("(0, 1)"))
    } catch { Issue.record("unexpected error \(error)") }
    // Asymmetry of rounding size (1e-12 relative) is accepted and averaged away.
    #expect(throws: Never.self) {
      try SymmetricEigendecomposition(Matrix<Double>([[1, 2], [2 + 4e-12, 1]]))
    }
  }

  @Test("an empty matrix has no eigenvalues")
  func empty() throws {
    let eigen = try SymmetricEigendecomposition(Matrix<Double>(rows: 0, columns: 0))
    #expect(eigen.eigenvalues.isEmpty)
  }
}
