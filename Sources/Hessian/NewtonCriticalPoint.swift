import TensorCore

/// The result of ``newtonCriticalPoint(of:from:maximumIterations:gradientTolerance:)``.
public struct NewtonSearchResult<Scalar: TensorScalar>: Sendable, Equatable {
  /// The last point reached.
  public var point: [Scalar]
  /// ‖∇f‖₂ there.
  public var gradientNorm: Scalar
  /// The number of Newton steps taken.
  public var iterations: Int
  /// Whether ‖∇f‖₂ fell to the tolerance.
  public var converged: Bool
}

/// Finds a critical point of a function of a few variables near `start` by
/// Newton's method on the gradient, `x ← x − H⁻¹∇f`, with the exact gradient and
/// Hessian of ``secondOrderDerivatives(of:at:)``.
///
/// Unlike gradient descent, Newton's method is attracted by *every* kind of
/// critical point — minima, maxima and saddles alike — which is what a lesson
/// needs to list all of them (and a reason it is not used to train networks).
/// The step solves `H·δ = ∇f` through the eigen-decomposition of H, ignoring
/// eigenvalues with |λ| ≤ √ε·max|λ| (a pseudo-inverse), so a singular Hessian
/// does not blow up the step. Convergence is quadratic near a non-degenerate
/// critical point.
///
///     // Himmelblau's function has a saddle near (0.087, 2.884):
///     let saddle = try newtonCriticalPoint(
///       of: { v in (v[0].squared + v[1] - 11).squared + (v[0] + v[1].squared - 7).squared },
///       from: [0.0, 3.0])
///     saddle.point  // [0.0866775…, 2.8842540…]
///
/// - Parameters:
///   - function: f, written with ``HyperDual`` arithmetic.
///   - start: The starting point.
///   - maximumIterations: The most Newton steps (default 50).
///   - gradientTolerance: Stop when ‖∇f‖₂ is at most this (default 10⁻¹² for
///     `Double`-like precision, at least 100ε).
/// - Throws: ``HessianError`` when a Hessian on the way is not finite.
/// - Complexity: Per step n(n + 1)/2 evaluations of `function` and O(n³).
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func newtonCriticalPoint<Scalar: TensorScalar>(
  of function: ([HyperDual<Scalar>]) -> HyperDual<Scalar>, from start: [Scalar],
  maximumIterations: Int = 50, gradientTolerance: Scalar = Scalar(1e-12)
) throws -> NewtonSearchResult<Scalar> {
  let tolerance = max(gradientTolerance, 100 * Scalar.ulpOfOne)
  var point = start
  for iteration in 0...max(0, maximumIterations) {
    let derivatives = secondOrderDerivatives(of: function, at: point)
    let gradientNorm = norm(derivatives.gradient)
    if gradientNorm <= tolerance || iteration == maximumIterations {
      return NewtonSearchResult(
        point: point, gradientNorm: gradientNorm, iterations: iteration,
        converged: gradientNorm <= tolerance)
    }
    let eigen = try SymmetricEigendecomposition(derivatives.hessian)
    let largest = eigen.eigenvalues.reduce(Scalar(0)) { max($0, abs($1)) }
    let cutoff = Scalar.ulpOfOne.squareRoot() * largest
    for (k, lambda) in eigen.eigenvalues.enumerated() where abs(lambda) > cutoff {
      let q = eigen.eigenvector(k)
      point.add(q, scaledBy: -dot(q, derivatives.gradient) / lambda)
    }
  }
  preconditionFailure("unreachable: the loop returns on its last iteration")
}
