import TensorCore

/// A Hessian-vector product from two gradients, by central differences:
///
///     Hv ≈ (∇L(θ + h·v) − ∇L(θ − h·v)) / 2h
///
/// It needs nothing but a gradient, which is why it is the first thing one tries; its error
/// is O(h²) for a loss with continuous third derivatives, plus rounding of order
/// ε·‖∇L‖ / h. A ReLU network's gradient is only *piecewise* smooth: when a pre-activation
/// of some sample changes sign between θ − h·v and θ + h·v, the difference also contains the
/// gradient's jump across that kink, divided by 2h. That term does not shrink with h; it only
/// becomes rarer (``TensorCore/Sequential/reluKinksCrossed(from:to:on:)`` counts the crossings).
/// ``NetworkCurvature/hessianVectorProduct(_:)`` computes Hv exactly instead.
///
///     // L(θ) = θ₀²θ₁: H = [[2θ₁, 2θ₀], [2θ₀, 0]]; at (1, 2), H·(1, 0) = (4, 2).
///     let hv = finiteDifferenceHessianVectorProduct(
///       at: [1.0, 2.0], direction: [1, 0], step: 1e-4
///     ) { t in [2 * t[0] * t[1], t[0] * t[0]] }
///     // hv ≈ [4, 2] (exact here: the gradient is quadratic, so central differences are)
///
/// - Parameters:
///   - point: θ.
///   - direction: v, as long as θ (usually of unit length).
///   - step: h > 0.
///   - gradient: θ ↦ ∇L(θ).
/// - Returns: The estimate of H·v.
/// - Complexity: Two gradients and O(n) other work.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func finiteDifferenceHessianVectorProduct<Scalar: TensorScalar>(
  at point: [Scalar], direction: [Scalar], step: Scalar,
  gradient: ([Scalar]) -> [Scalar]
) -> [Scalar] {
  precondition(
    point.count == direction.count,
    "finiteDifferenceHessianVectorProduct: point has \(point.count) entries, direction \(direction.count)"
  )
  precondition(step > 0, "finiteDifferenceHessianVectorProduct: step \(step) must be positive")
  let plus = gradient(zip(point, direction).map { $0 + step * $1 })
  let minus = gradient(zip(point, direction).map { $0 - step * $1 })
  return zip(plus, minus).map { ($0 - $1) / (2 * step) }
}

extension Sequential {
  /// H·v of the network's mean loss on a data set, by central differences of two gradients
  /// (see ``finiteDifferenceHessianVectorProduct(at:direction:step:gradient:)``). The network
  /// is not changed.
  ///
  ///     let hv = network.finiteDifferenceHessianVectorProduct(
  ///       on: training, direction: v, step: 1e-5)
  ///
  /// - Parameters:
  ///   - data: The samples the loss averages over.
  ///   - direction: v, one entry per parameter.
  ///   - step: h > 0.
  /// - Returns: The estimate of H·v.
  /// - Complexity: Two gradients on `data`.
  public func finiteDifferenceHessianVectorProduct(
    on data: Dataset<Scalar>, direction: [Scalar], step: Scalar
  ) -> [Scalar] {
    var probe = self
    return Hessian.finiteDifferenceHessianVectorProduct(
      at: parameters, direction: direction, step: step
    ) { theta in
      probe.parameters = theta
      return probe.lossAndGradient(on: data).gradient
    }
  }

  /// The largest-magnitude eigenvalue of the Hessian of the network's mean loss on a data set,
  /// by power iteration (``powerIteration(dimension:shift:maximumIterations:tolerance:generator:multiply:)``)
  /// on finite-difference Hessian-vector products — curvature from gradients alone.
  ///
  /// Near a minimum that eigenvalue is the sharpness λ_max. With a ReLU network the estimate
  /// depends on `step`: power iteration amplifies whatever direction makes the product
  /// largest, and a difference taken across a kink can be large without any curvature (see
  /// ``finiteDifferenceHessianVectorProduct(at:direction:step:gradient:)``). Compare with
  /// ``NetworkCurvature/largestEigenvalue(iterations:generator:)``, from exact products.
  ///
  ///     var generator = SeededGenerator(seed: 5)
  ///     let top = network.finiteDifferenceLargestEigenvalue(
  ///       on: training, step: 1e-5, iterations: 20, generator: &generator)
  ///     top.eigenvalue
  ///
  /// - Parameters:
  ///   - data: The samples the loss averages over.
  ///   - step: h > 0 of the central differences.
  ///   - iterations: The number of products (power iteration steps); the iteration also
  ///     stops when the estimate changes by less than 10⁻¹⁰ relatively.
  ///   - generator: The seeded generator of the start vector.
  /// - Returns: The eigenvalue estimate (the Rayleigh quotient of the last unit vector) and
  ///   that vector.
  /// - Complexity: `2 · iterations` gradients on `data`.
  public func finiteDifferenceLargestEigenvalue(
    on data: Dataset<Scalar>, step: Scalar, iterations: Int, generator: inout SeededGenerator
  ) -> PowerIterationResult<Scalar> {
    var probe = self
    let theta = parameters
    return powerIteration(
      dimension: parameterCount, maximumIterations: iterations, generator: &generator
    ) { v in
      Hessian.finiteDifferenceHessianVectorProduct(at: theta, direction: v, step: step) { t in
        probe.parameters = t
        return probe.lossAndGradient(on: data).gradient
      }
    }
  }

  /// The number of ReLU kinks crossed on the straight path between two parameter vectors:
  /// the (sample, unit) pairs whose pre-activation at a ReLU layer is positive at one end and
  /// not at the other. Between two points with no crossing the network's gradient is smooth
  /// along the path; each crossing is a jump in the gradient.
  ///
  ///     let crossings = network.reluKinksCrossed(
  ///       from: zip(theta, v).map { $0 - h * $1 }, to: zip(theta, v).map { $0 + h * $1 },
  ///       on: training)
  ///
  /// A pre-activation can change sign twice between the ends (it need not be linear in the
  /// parameters beyond the first layer), so this counts the units whose *side* differs — a
  /// lower bound on the kinks crossed, exact for the first layer.
  ///
  /// - Parameters:
  ///   - start: One parameter vector, as long as ``/TensorCore/Sequential/parameters``.
  ///   - end: The other.
  ///   - data: The samples whose pre-activations are compared.
  /// - Returns: The number of (sample, unit) pairs on different sides of a ReLU's kink,
  ///   summed over the ReLU layers (nested networks included).
  /// - Complexity: Two forward passes over `data`.
  public func reluKinksCrossed(from start: [Scalar], to end: [Scalar], on data: Dataset<Scalar>)
    -> Int
  {
    precondition(
      start.count == parameterCount && end.count == parameterCount,
      "reluKinksCrossed: \(start.count) and \(end.count) parameters for a network of \(parameterCount)"
    )
    var first = self
    first.parameters = start
    var second = self
    second.parameters = end
    let a = first.reluPreActivations(for: data.inputs)
    let b = second.reluPreActivations(for: data.inputs)
    var count = 0
    for (x, y) in zip(a, b) {
      for (p, q) in zip(x.storage, y.storage) where (p > 0) != (q > 0) { count += 1 }
    }
    return count
  }

  /// The inputs of every ReLU activation layer for `input`, in inference mode, in layer
  /// order (nested networks flattened).
  private func reluPreActivations(for input: Matrix<Scalar>) -> [Matrix<Scalar>] {
    var found: [Matrix<Scalar>] = []
    var activations = input
    for layer in layers {
      if let nested = layer as? Sequential<Scalar> {
        found += nested.reluPreActivations(for: activations)
      } else if let activation = layer as? Activation<Scalar>, activation.function == .relu {
        found.append(activations)
      }
      var copy = layer
      activations = copy.forward(activations, mode: .inference)
    }
    return found
  }
}
