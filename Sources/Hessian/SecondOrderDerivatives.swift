import TensorCore

/// The value, exact gradient and exact Hessian of a scalar function at a point.
///
///     let d = secondOrderDerivatives(of: { w in (1 - w[0] * w[1]).squared }, at: [0.0, 0.0])
///     d.value     // 1
///     d.gradient  // [0, 0]
///     d.hessian   // [[0, -2], [-2, 0]]
public struct SecondOrderDerivatives<Scalar: TensorScalar>: Sendable, Equatable {
  /// f(x).
  public var value: Scalar
  /// ∇f(x), one entry per variable.
  public var gradient: [Scalar]
  /// The Hessian H(x) with `Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ`, symmetric `n × n`.
  public var hessian: Matrix<Scalar>

  /// Creates the derivatives from their parts.
  ///
  /// - Parameters:
  ///   - value: f(x).
  ///   - gradient: ∇f(x).
  ///   - hessian: H(x), `gradient.count × gradient.count`.
  public init(value: Scalar, gradient: [Scalar], hessian: Matrix<Scalar>) {
    precondition(
      hessian.rows == gradient.count && hessian.columns == gradient.count,
      "SecondOrderDerivatives: a gradient of \(gradient.count) entries needs a \(gradient.count)×\(gradient.count) Hessian, got \(hessian.rows)×\(hessian.columns)"
    )
    self.value = value
    self.gradient = gradient
    self.hessian = hessian
  }
}

/// The exact value, gradient and Hessian of a function of a few variables,
/// by forward-mode hyper-dual arithmetic (``HyperDual``): no finite differences.
///
/// For each pair `i ≤ j` the function is evaluated once at
/// `x + eᵢ·ε₁ + eⱼ·ε₂`; the ε₁ε₂ part is `∂ᵢ∂ⱼf` and, when `i = j`, the ε₁ part is
/// `∂ᵢf`. The Hessian is symmetric by construction (`Hⱼᵢ` is copied from `Hᵢⱼ`).
///
///     // Rosenbrock f(x, y) = (1 − x)² + 100(y − x²)² at its minimum (1, 1):
///     let d = secondOrderDerivatives(
///       of: { v in (1 - v[0]).squared + 100 * (v[1] - v[0].squared).squared }, at: [1.0, 1.0])
///     d.hessian  // [[802, -400], [-400, 200]]
///
/// The closure may also be a generic function over ``DifferentiableScalar``, so
/// the same code computes plain values.
///
/// - Parameters:
///   - function: f, written with ``HyperDual`` arithmetic.
///   - point: The point x (n values).
/// - Complexity: n(n + 1)/2 evaluations of `function`, each about 4–9 times the
///   cost of a plain evaluation.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func secondOrderDerivatives<Scalar: TensorScalar>(
  of function: ([HyperDual<Scalar>]) -> HyperDual<Scalar>, at point: [Scalar]
) -> SecondOrderDerivatives<Scalar> {
  let n = point.count
  var variables = point.map { HyperDual<Scalar>(value: $0) }
  var gradient = [Scalar](repeating: 0, count: n)
  var hessian = [Scalar](repeating: 0, count: n * n)
  var value = function(variables).value
  for i in 0..<n {
    for j in i..<n {
      variables[i].first = 1
      variables[j].second = 1
      let result = function(variables)
      variables[i].first = 0
      variables[j].second = 0
      hessian[i * n + j] = result.mixed
      hessian[j * n + i] = result.mixed
      if i == j {
        gradient[i] = result.first
        value = result.value
      }
    }
  }
  return SecondOrderDerivatives(
    value: value, gradient: gradient, hessian: Matrix(rows: n, columns: n, storage: hessian))
}

/// The exact Hessian of `function` at `point` (see ``secondOrderDerivatives(of:at:)``).
///
///     hessian(of: { w in (1 - w[0] * w[1]).squared }, at: [0.0, 0.0])  // [[0, -2], [-2, 0]]
///
/// - Parameters:
///   - function: f, written with ``HyperDual`` arithmetic.
///   - point: The point x.
/// - Complexity: n(n + 1)/2 evaluations of `function`.
public func hessian<Scalar: TensorScalar>(
  of function: ([HyperDual<Scalar>]) -> HyperDual<Scalar>, at point: [Scalar]
) -> Matrix<Scalar> {
  secondOrderDerivatives(of: function, at: point).hessian
}

/// The exact gradient of `function` at `point`, by forward-mode dual arithmetic
/// (one evaluation per variable, with only the ε₁ part seeded).
///
///     gradient(of: { w in (1 - w[0] * w[1]).squared }, at: [1.0, 2.0])  // [4, 2]
///
/// - Parameters:
///   - function: f, written with ``HyperDual`` arithmetic.
///   - point: The point x.
/// - Complexity: n evaluations of `function`.
public func gradient<Scalar: TensorScalar>(
  of function: ([HyperDual<Scalar>]) -> HyperDual<Scalar>, at point: [Scalar]
) -> [Scalar] {
  var variables = point.map { HyperDual<Scalar>(value: $0) }
  return point.indices.map { i in
    variables[i].first = 1
    defer { variables[i].first = 0 }
    return function(variables).first
  }
}

/// The plain value `f(x)` of a function written with ``HyperDual`` arithmetic.
///
/// - Parameters:
///   - function: f.
///   - point: The point x.
/// - Complexity: One evaluation of `function`.
public func value<Scalar: TensorScalar>(
  of function: ([HyperDual<Scalar>]) -> HyperDual<Scalar>, at point: [Scalar]
) -> Scalar {
  function(point.map { HyperDual(value: $0) }).value
}
