import TensorCore

/// The result of a critical-point search by Levenberg–Marquardt on the gradient
/// (``levenbergMarquardtCriticalPoint(from:maximumIterations:initialDamping:gradientTolerance:gradient:hessian:)``).
public struct CriticalPointSearch<Scalar: TensorScalar>: Sendable, Equatable {
  /// The last point reached (the start when no step was accepted).
  public var point: [Scalar]
  /// ‖∇f‖₂ at ``point``.
  public var gradientNorm: Scalar
  /// The number of trial steps, accepted or not.
  public var iterations: Int
  /// The number of trial steps that lowered ‖∇f‖₂ and were taken.
  public var acceptedSteps: Int
  /// The damping μ at the end.
  public var damping: Scalar
  /// Whether ‖∇f‖₂ fell below the tolerance.
  public var converged: Bool
}

/// Finds a point where the gradient vanishes by Levenberg–Marquardt on the gradient:
/// it drives ‖∇f‖ to zero, so it is drawn to critical points of *every* kind — minima,
/// saddle points and maxima alike.
///
/// Each trial step from θ, with gradient g and Hessian H = Σₖ λₖqₖqₖᵀ, is
///
///     d = (H² + μI)⁻¹ H g = Σₖ qₖ (qₖᵀg) λₖ / (λₖ² + μ),      θ ← θ − d,
///
/// which is Newton's step H⁻¹g (to the critical point of the quadratic model) when the
/// damping μ is small, and a short step along −Hg = −∇(½‖g‖²) (gradient descent on
/// ½‖g‖²) when μ is large. A step that lowers ‖g‖ is taken and μ shrinks tenfold (not
/// below 10⁻¹²); one that does not is refused and μ grows tenfold. The Hessian is
/// decomposed once per accepted point (``SymmetricEigendecomposition``); a refused step
/// costs one more gradient.
///
///     // f = 5x² − y² from (1, 1), one step with μ = 1: g = (10, −2), H = diag(10, −2),
///     // d = (10·10/101, (−2)(−2)/5) = (0.990099…, 0.8).
///     let search = try levenbergMarquardtCriticalPoint(
///       from: [1.0, 1.0], maximumIterations: 1, initialDamping: 1,
///       gradient: { p in [10 * p[0], -2 * p[1]] },
///       hessian: { _ in Matrix([[10, 0], [0, -2]]) })
///     search.point    // [0.0099009…, 0.2]
///     search.damping  // 0.1
///
/// - Parameters:
///   - start: The starting point θ₀.
///   - maximumIterations: The most trial steps (default 40).
///   - initialDamping: μ at the start (default 10⁻³).
///   - gradientTolerance: Stop when ‖g‖₂ is below this (default 10⁻¹¹).
///   - gradient: ∇f at a point.
///   - hessian: The symmetric Hessian of f at a point.
/// - Returns: The point reached, with its gradient norm and the search's record.
/// - Throws: What `gradient` or `hessian` throw, or ``HessianError`` when a Hessian is not
///   finite or not symmetric.
/// - Complexity: One Hessian and an O(n³) eigen-decomposition per accepted step, one
///   gradient per trial step.
public func levenbergMarquardtCriticalPoint<Scalar: TensorScalar>(
  from start: [Scalar], maximumIterations: Int = 40, initialDamping: Scalar = Scalar(1e-3),
  gradientTolerance: Scalar = Scalar(1e-11),
  gradient: ([Scalar]) throws -> [Scalar],
  hessian: ([Scalar]) throws -> Matrix<Scalar>
) throws -> CriticalPointSearch<Scalar> {
  precondition(maximumIterations >= 0, "levenbergMarquardtCriticalPoint: maximumIterations < 0")
  precondition(
    initialDamping > 0, "levenbergMarquardtCriticalPoint: initialDamping must be positive")
  var point = start
  var currentGradient = try gradient(point)
  precondition(
    currentGradient.count == point.count,
    "levenbergMarquardtCriticalPoint: the gradient has \(currentGradient.count) entries for \(point.count) coordinates"
  )
  var gradientNorm = norm(currentGradient)
  var damping = initialDamping
  var iterations = 0
  var acceptedSteps = 0
  var eigen: SymmetricEigendecomposition<Scalar>? = nil
  while iterations < maximumIterations && !(gradientNorm < gradientTolerance) {
    iterations += 1
    if eigen == nil { eigen = try SymmetricEigendecomposition(hessian(point)) }
    let decomposition = eigen!
    precondition(
      decomposition.dimension == point.count,
      "levenbergMarquardtCriticalPoint: the Hessian is \(decomposition.dimension)×\(decomposition.dimension) for \(point.count) coordinates"
    )
    var trial = point
    for (k, lambda) in decomposition.eigenvalues.enumerated() {
      let q = decomposition.eigenvector(k)
      trial.add(q, scaledBy: -dot(q, currentGradient) * lambda / (lambda * lambda + damping))
    }
    let trialGradient = try gradient(trial)
    let trialNorm = norm(trialGradient)
    if trialNorm < gradientNorm {
      point = trial
      currentGradient = trialGradient
      gradientNorm = trialNorm
      acceptedSteps += 1
      damping = max(damping / 10, Scalar(1e-12))
      eigen = nil
    } else {
      damping *= 10
    }
  }
  return CriticalPointSearch(
    point: point, gradientNorm: gradientNorm, iterations: iterations,
    acceptedSteps: acceptedSteps, damping: damping, converged: gradientNorm < gradientTolerance)
}

/// Moves a network's parameters to a nearby point where the gradient of its loss on a
/// batch vanishes, by
/// ``levenbergMarquardtCriticalPoint(from:maximumIterations:initialDamping:gradientTolerance:gradient:hessian:)``
/// with the exact gradient and Hessian of ``NetworkCurvature``.
///
/// Like Newton's method, the search is drawn to saddle points as much as to minima: it
/// answers "what kind of critical point lies near here", not "where would training end".
///
///     var network = Sequential<Double>.multilayerPerceptron(
///       layerSizes: [1, 6, 1], activation: .tanh, loss: .meanSquaredError,
///       generator: &generator)
///     let search = try levenbergMarquardtCriticalPoint(
///       of: &network, inputs: x, targets: .values(y))
///     let there = try NetworkCurvature(network: network, inputs: x, targets: .values(y))
///     try there.analyzeCriticalPoint(gradientTolerance: 1e-6).kind
///
/// - Parameters:
///   - network: The network; its parameters are set to the point reached.
///   - inputs: The batch.
///   - targets: The batch's targets.
///   - maximumIterations: The most trial steps (default 40).
///   - initialDamping: μ at the start (default 10⁻³).
///   - gradientTolerance: Stop when ‖∇L‖₂ is below this (default 10⁻¹¹).
/// - Returns: The search's record; its ``CriticalPointSearch/point`` is the network's new
///   ``/TensorCore/Sequential/parameters``.
/// - Throws: ``HessianError`` for an unsupported layer or a Hessian that is not finite.
/// - Complexity: Per accepted step n Hessian-vector products and O(n³) for n parameters;
///   one forward and backward pass per trial step.
@discardableResult
public func levenbergMarquardtCriticalPoint<Scalar: TensorScalar>(
  of network: inout Sequential<Scalar>, inputs: Matrix<Scalar>, targets: Targets<Scalar>,
  maximumIterations: Int = 40, initialDamping: Scalar = Scalar(1e-3),
  gradientTolerance: Scalar = Scalar(1e-11)
) throws -> CriticalPointSearch<Scalar> {
  var probe = network
  let search = try levenbergMarquardtCriticalPoint(
    from: network.parameters, maximumIterations: maximumIterations,
    initialDamping: initialDamping, gradientTolerance: gradientTolerance,
    gradient: { point in
      probe.parameters = point
      return try NetworkCurvature(network: probe, inputs: inputs, targets: targets).gradient
    },
    hessian: { point in
      probe.parameters = point
      return try NetworkCurvature(network: probe, inputs: inputs, targets: targets).hessian()
    })
  network.parameters = search.point
  return search
}
