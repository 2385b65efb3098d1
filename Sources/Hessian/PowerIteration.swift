import TensorCore

/// The outcome of ``powerIteration(dimension:shift:maximumIterations:tolerance:generator:multiply:)``.
public struct PowerIterationResult<Scalar: TensorScalar>: Sendable {
  /// The Rayleigh quotient vᵀAv of the final unit vector: the eigenvalue of A
  /// of largest |λ − shift|.
  public var eigenvalue: Scalar
  /// The final unit vector v, an approximate eigenvector.
  public var eigenvector: [Scalar]
  /// The number of products used.
  public var iterations: Int
  /// Whether the relative change of the eigenvalue fell below the tolerance.
  public var converged: Bool
}

/// Power iteration: repeated multiplication `v ← (A − σI)v / ‖(A − σI)v‖`
/// converges to the eigenvector whose eigenvalue is farthest from the shift σ,
/// at the rate |λ₂ − σ| / |λ₁ − σ| per step (von Mises 1929).
///
/// With σ = 0 it finds the eigenvalue of largest magnitude (for a Hessian near
/// a minimum, the largest curvature λ_max). To get the other end of the
/// spectrum, shift by that eigenvalue: iterating on A − λ_max·I finds λ_min.
/// Lanczos (``lanczos(dimension:iterations:generator:multiply:)``) gets both
/// ends with far fewer products; power iteration is the simpler idea.
///
///     var generator = SeededGenerator(seed: 1)
///     let top = powerIteration(dimension: 2, generator: &generator) { (v: [Double]) in
///       [2 * v[0] + v[1], v[0] + 2 * v[1]]      // eigenvalues 1 and 3
///     }
///     top.eigenvalue   // ≈ 3
///
/// - Parameters:
///   - dimension: n, the length of the vectors.
///   - shift: σ (default 0). The returned eigenvalue is of A, not of A − σI.
///   - maximumIterations: The most products to use (default 1000).
///   - tolerance: Stop when the eigenvalue estimate changes by at most
///     `tolerance · max(1, |λ|)` between steps (default 10⁻¹⁰ for `Double`-like
///     precision; clamped to at least 100ε).
///   - generator: The seeded generator of the random start vector.
///   - multiply: v ↦ A·v for a symmetric A.
/// - Complexity: One product and O(n) work per iteration.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func powerIteration<Scalar: TensorScalar>(
  dimension: Int, shift: Scalar = 0, maximumIterations: Int = 1000,
  tolerance: Scalar = Scalar(1e-10), generator: inout SeededGenerator,
  multiply: ([Scalar]) -> [Scalar]
) -> PowerIterationResult<Scalar> {
  precondition(dimension > 0, "powerIteration: dimension \(dimension) must be positive")
  let tolerance = max(tolerance, 100 * Scalar.ulpOfOne)
  var vector: [Scalar] = generator.unitVector(dimension: dimension)
  var estimate = Scalar.nan
  for iteration in 1...max(1, maximumIterations) {
    var product = multiply(vector)
    product.add(vector, scaledBy: -shift)
    let rayleigh = dot(vector, product)
    let length = norm(product)
    guard length > 0, length.isFinite else {
      return PowerIterationResult(
        eigenvalue: rayleigh + shift, eigenvector: vector, iterations: iteration,
        converged: length == 0)
    }
    let previous = estimate
    estimate = rayleigh
    vector = product.map { $0 / length }
    if abs(estimate - previous) <= tolerance * max(1, abs(estimate)) {
      return PowerIterationResult(
        eigenvalue: estimate + shift, eigenvector: vector, iterations: iteration, converged: true)
    }
  }
  return PowerIterationResult(
    eigenvalue: estimate + shift, eigenvector: vector, iterations: maximumIterations,
    converged: false)
}
