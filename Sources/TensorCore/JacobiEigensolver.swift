/// The cyclic Jacobi eigenvalue method for a symmetric `n × n` matrix, used
/// where LAPACKE is not available (and tested against it where it is): the
/// fallback of ``TensorScalar/symmetricEigensolve(order:matrix:eigenvalues:)``.
///
/// Each rotation `J(p, q, θ)` is chosen so that `(JᵀAJ)ₚq = 0` (Golub & Van Loan,
/// *Matrix Computations*, 4th ed., §8.5.2): with `θ = (a_qq − a_pp) / 2a_pq`,
/// `t = sign(θ) / (|θ| + √(1 + θ²))`, `c = 1/√(1 + t²)`, `s = t·c`. Sweeps over
/// all pairs repeat until the off-diagonal Frobenius norm is below
/// `ε · ‖A‖_F`; eigenvectors accumulate in `V ← V·J`.
///
/// - Parameters:
///   - n: The size.
///   - matrix: On entry the matrix (row-major, symmetric); on return the
///     eigenvectors, vector `k` contiguous at `k·n` (LAPACK's column-major layout).
///   - eigenvalues: On return the eigenvalues in ascending order.
/// - Complexity: O(n³) per sweep; usually 6–10 sweeps.
func jacobiEigensolve<Scalar: TensorScalar>(
  n: Int, matrix: inout [Scalar], eigenvalues: inout [Scalar]
) {
  var a = matrix
  var v = [Scalar](repeating: 0, count: n * n)
  for i in 0..<n { v[i * n + i] = 1 }
  let total = a.reduce(Scalar(0)) { $0 + $1 * $1 }
  for _ in 0..<100 {
    var offDiagonal: Scalar = 0
    for p in 0..<n {
      for q in 0..<n where q != p { offDiagonal += a[p * n + q] * a[p * n + q] }
    }
    if offDiagonal <= Scalar.ulpOfOne * Scalar.ulpOfOne * total { break }
    for p in 0..<n {
      for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 {
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
        let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (1 + theta * theta).squareRoot())
        let c = 1 / (1 + t * t).squareRoot()
        let s = t * c
        for k in 0..<n {
          let kp = a[k * n + p]
          let kq = a[k * n + q]
          a[k * n + p] = c * kp - s * kq
          a[k * n + q] = s * kp + c * kq
        }
        for k in 0..<n {
          let pk = a[p * n + k]
          let qk = a[q * n + k]
          a[p * n + k] = c * pk - s * qk
          a[q * n + k] = s * pk + c * qk
        }
        for k in 0..<n {
          let kp = v[k * n + p]
          let kq = v[k * n + q]
          v[k * n + p] = c * kp - s * kq
          v[k * n + q] = s * kp + c * kq
        }
      }
    }
  }
  let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
  for (position, k) in order.enumerated() {
    eigenvalues[position] = a[k * n + k]
    for i in 0..<n { matrix[position * n + i] = v[i * n + k] }
  }
}
