import TensorCore

/// What kind of point the second-order test finds.
///
/// At a critical point (∇L = 0) the Taylor expansion
/// `L(θ) ≈ L(θ′) + ½(θ − θ′)ᵀH(θ − θ′)` makes the Hessian's eigenvalues decide:
/// all positive → local minimum, all negative → local maximum, both signs →
/// saddle point, and any eigenvalue (numerically) zero with the rest of one sign
/// → the test cannot tell (higher-order terms decide, as at the monkey saddle
/// x³ − 3xy²).
public enum CriticalPointKind: String, Sendable, Equatable, CaseIterable {
  /// Every eigenvalue is positive: the loss rises in every direction.
  case localMinimum = "local minimum"
  /// Every eigenvalue is negative: the loss falls in every direction.
  case localMaximum = "local maximum"
  /// At least one positive and one negative eigenvalue: a way down exists.
  case saddlePoint = "saddle point"
  /// Some eigenvalue is zero (within tolerance) and the others do not have both
  /// signs: the second-order test is inconclusive.
  case inconclusive = "inconclusive"
  /// The gradient is not near zero, so this is not a critical point at all.
  case notCritical = "not a critical point"
}

/// The second-order analysis of a point: its kind, the gradient norm, and the
/// Hessian's eigen-decomposition, with the tolerances that were used.
///
///     let analysis = try analyzeCriticalPoint(
///       of: { w in (1 - w[0] * w[1]).squared }, at: [0.0, 0.0])
///     analysis.kind                          // .saddlePoint
///     analysis.eigendecomposition.eigenvalues  // [-2, 2]
///
/// **Tolerances.** The point counts as critical when `‖∇L‖₂ ≤ gradientTolerance`.
/// An eigenvalue counts as zero when `|λ| ≤ eigenvalueTolerance · max(1, maxₖ |λₖ|)`
/// (relative to the largest curvature, absolute below 1).
public struct CriticalPointAnalysis<Scalar: TensorScalar>: Sendable, Equatable,
  CustomStringConvertible
{
  /// The verdict.
  public var kind: CriticalPointKind
  /// ‖∇L‖₂ at the point.
  public var gradientNorm: Scalar
  /// The eigenvalues (ascending) and eigenvectors of the Hessian.
  public var eigendecomposition: SymmetricEigendecomposition<Scalar>
  /// The largest ‖∇L‖₂ for which the point counts as critical.
  public var gradientTolerance: Scalar
  /// The relative size below which an eigenvalue counts as zero.
  public var eigenvalueTolerance: Scalar

  /// The eigenvalues λ₁ ≤ … ≤ λₙ of the Hessian.
  public var eigenvalues: [Scalar] { eigendecomposition.eigenvalues }

  /// The absolute threshold `eigenvalueTolerance · max(1, maxₖ |λₖ|)` below which
  /// |λ| counts as zero.
  public var zeroThreshold: Scalar {
    let largest = eigenvalues.reduce(Scalar(0)) { max($0, abs($1)) }
    return eigenvalueTolerance * max(1, largest)
  }

  /// The number of eigenvalues above, below and within the zero threshold.
  public var inertia: (positive: Int, negative: Int, zero: Int) {
    let threshold = zeroThreshold
    let positive = eigenvalues.count { $0 > threshold }
    let negative = eigenvalues.count { $0 < -threshold }
    return (positive, negative, eigenvalues.count - positive - negative)
  }

  /// The minimum ratio: the fraction of eigenvalues that are positive (above the
  /// zero threshold). 1 at a strict local minimum; the lecture plots it against
  /// the training loss.
  public var minimumRatio: Scalar {
    eigenvalues.isEmpty ? 0 : Scalar(inertia.positive) / Scalar(eigenvalues.count)
  }

  /// For example `saddle point (‖∇L‖ = 0, eigenvalues [-2, 2])`.
  public var description: String {
    "\(kind.rawValue) (‖∇L‖ = \(gradientNorm), eigenvalues \(eigenvalues))"
  }

  /// Classifies a point from its gradient and Hessian.
  ///
  /// - Parameters:
  ///   - gradient: ∇L at the point.
  ///   - hessian: H at the point, `n × n` for a gradient of n entries.
  ///   - gradientTolerance: The largest ‖∇L‖₂ of a critical point (default
  ///     ``defaultGradientTolerance``).
  ///   - eigenvalueTolerance: The relative size of a zero eigenvalue (default √ε:
  ///     1.5·10⁻⁸ for `Double`, 3.5·10⁻⁴ for `Float`).
  /// - Throws: ``HessianError/sizeMismatch(gradientCount:hessianSize:)``, or any
  ///   error of ``SymmetricEigendecomposition/init(_:symmetryTolerance:)``.
  /// - Complexity: O(n³).
  public init(
    gradient: [Scalar], hessian: Matrix<Scalar>,
    gradientTolerance: Scalar = defaultGradientTolerance,
    eigenvalueTolerance: Scalar = Scalar.ulpOfOne.squareRoot()
  ) throws {
    guard hessian.rows == gradient.count else {
      throw HessianError.sizeMismatch(gradientCount: gradient.count, hessianSize: hessian.rows)
    }
    self.eigendecomposition = try SymmetricEigendecomposition(hessian)
    self.gradientNorm = norm(gradient)
    self.gradientTolerance = gradientTolerance
    self.eigenvalueTolerance = eigenvalueTolerance
    self.kind = .notCritical
    if gradientNorm > gradientTolerance {
      kind = .notCritical
    } else {
      let (positive, negative, zero) = inertia
      if positive > 0 && negative > 0 {
        kind = .saddlePoint
      } else if zero > 0 || eigenvalues.isEmpty {
        kind = .inconclusive
      } else {
        kind = negative == 0 ? .localMinimum : .localMaximum
      }
    }
  }

  /// The default gradient tolerance: `max(10⁻⁶, √ε)`, that is 10⁻⁶ for `Double`
  /// and 3.5·10⁻⁴ for `Float`. Points found by training rarely get this close;
  /// pass a looser tolerance for them and say so.
  public static var defaultGradientTolerance: Scalar {
    max(Scalar(1e-6), Scalar.ulpOfOne.squareRoot())
  }

  /// Escapes a saddle along the eigenvector of the most negative eigenvalue:
  /// the step `u = stepLength · q₁` (‖u‖ = `stepLength`), its predicted loss change
  /// `½λ₁‖u‖²` from the second-order Taylor expansion, and the actual change.
  ///
  ///     let loss: ([Double]) -> Double = { w in (1 - w[0] * w[1]) * (1 - w[0] * w[1]) }
  ///     let analysis = try analyzeCriticalPoint(
  ///       of: { w in (1 - w[0] * w[1]).squared }, at: [0.0, 0.0])
  ///     let escape = analysis.escape(from: [0, 0], stepLength: 0.1, loss: loss)
  ///     escape.predictedLossChange  // -0.01   (½ · (−2) · 0.1²)
  ///     escape.actualLossChange     // -0.009975
  ///
  /// - Parameters:
  ///   - point: The point θ′ that was analysed.
  ///   - stepLength: ‖u‖, the length of the step.
  ///   - loss: L, to measure the actual change `L(θ′ + u) − L(θ′)`.
  /// - Returns: The step, or `nil` when no eigenvalue is negative (nothing to escape).
  /// - Complexity: O(n) plus two evaluations of `loss`.
  public func escape(
    from point: [Scalar], stepLength: Scalar, loss: ([Scalar]) -> Scalar
  ) -> SaddleEscape<Scalar>? {
    precondition(
      point.count == eigendecomposition.dimension,
      "escape(from:): the point has \(point.count) coordinates, the Hessian is \(eigendecomposition.dimension)×\(eigendecomposition.dimension)"
    )
    guard let lambda = eigenvalues.first, lambda < 0 else { return nil }
    let direction = eigendecomposition.eigenvector(0)
    let step = direction.map { stepLength * $0 }
    let destination = zip(point, step).map { $0 + $1 }
    return SaddleEscape(
      eigenvalue: lambda, direction: direction, step: step, destination: destination,
      predictedLossChange: lambda * stepLength * stepLength / 2,
      actualLossChange: loss(destination) - loss(point))
  }
}

/// A step out of a saddle along the eigenvector of its most negative eigenvalue.
///
/// From `L(θ′ + u) ≈ L(θ′) + ½uᵀHu` and `Hu = λu`, the loss changes by about
/// `½λ‖u‖² < 0`; ``actualLossChange`` shows how close the quadratic model is.
/// The opposite step `−u` is an equally good way down.
public struct SaddleEscape<Scalar: TensorScalar>: Sendable, Equatable {
  /// The most negative eigenvalue λ₁.
  public var eigenvalue: Scalar
  /// Its unit eigenvector q₁.
  public var direction: [Scalar]
  /// The step u = stepLength · q₁.
  public var step: [Scalar]
  /// θ′ + u.
  public var destination: [Scalar]
  /// ½λ₁‖u‖², the second-order prediction of `L(θ′ + u) − L(θ′)`.
  public var predictedLossChange: Scalar
  /// The measured `L(θ′ + u) − L(θ′)`.
  public var actualLossChange: Scalar
}

/// Classifies a point of a function of a few variables from its exact gradient
/// and Hessian (``secondOrderDerivatives(of:at:)``).
///
///     try analyzeCriticalPoint(of: { w in (1 - w[0] * w[1]).squared }, at: [0.0, 0.0]).kind
///     // .saddlePoint
///
/// - Parameters:
///   - function: f, written with ``HyperDual`` arithmetic.
///   - point: The point.
///   - gradientTolerance: The largest ‖∇f‖₂ of a critical point.
///   - eigenvalueTolerance: The relative size of a zero eigenvalue.
/// - Throws: ``HessianError`` when the Hessian is not finite.
/// - Complexity: n(n + 1)/2 evaluations of `function` plus O(n³).
public func analyzeCriticalPoint<Scalar: TensorScalar>(
  of function: ([HyperDual<Scalar>]) -> HyperDual<Scalar>, at point: [Scalar],
  gradientTolerance: Scalar = CriticalPointAnalysis<Scalar>.defaultGradientTolerance,
  eigenvalueTolerance: Scalar = Scalar.ulpOfOne.squareRoot()
) throws -> CriticalPointAnalysis<Scalar> {
  let derivatives = secondOrderDerivatives(of: function, at: point)
  return try CriticalPointAnalysis(
    gradient: derivatives.gradient, hessian: derivatives.hessian,
    gradientTolerance: gradientTolerance, eigenvalueTolerance: eigenvalueTolerance)
}
