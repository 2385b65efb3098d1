import TensorCore

/// A stochastic estimate of a trace, with its standard error.
public struct TraceEstimate<Scalar: TensorScalar>: Sendable {
  /// The mean of the samples zᵀAz.
  public var estimate: Scalar
  /// The standard error of the mean, `s / √N` with the sample standard deviation s
  /// (0 for one sample).
  public var standardError: Scalar
  /// The number N of samples.
  public var samples: Int
}

/// Hutchinson's estimate of tr(A) from products only: for a random vector z
/// with independent ±1 entries (Rademacher), E[zᵀAz] = Σᵢ Aᵢᵢ = tr(A), so the
/// mean of N samples zᵀAz estimates the trace (Hutchinson, "A stochastic
/// estimator of the trace of the influence matrix for Laplacian smoothing
/// splines", 1989). Its variance per sample is 2 Σ_{i≠j} Aᵢⱼ², the smallest of
/// all such estimators; for a diagonal A every sample is exact.
///
/// For a network Hessian the trace is the sum of all curvatures (the mean
/// eigenvalue times n), another sharpness summary.
///
///     var generator = SeededGenerator(seed: 0)
///     let trace = hutchinsonTrace(
///       dimension: curvature.parameterCount, samples: 100, generator: &generator,
///       multiply: curvature.hessianVectorProduct)
///
/// - Parameters:
///   - dimension: n, the length of the vectors.
///   - samples: N, the number of products (at least 1).
///   - generator: The seeded generator of the ±1 vectors (TensorCore's
///     ``/TensorCore/SeededGenerator``).
///   - multiply: v ↦ A·v.
/// - Complexity: N products and O(N · n) other work.
@_specialize(where Scalar == Float)
@_specialize(where Scalar == Double)
public func hutchinsonTrace<Scalar: TensorScalar>(
  dimension: Int, samples: Int, generator: inout SeededGenerator,
  multiply: ([Scalar]) -> [Scalar]
) -> TraceEstimate<Scalar> {
  precondition(dimension > 0, "hutchinsonTrace: dimension \(dimension) must be positive")
  precondition(samples > 0, "hutchinsonTrace: samples \(samples) must be positive")
  var values: [Scalar] = []
  values.reserveCapacity(samples)
  for _ in 0..<samples {
    let z: [Scalar] = generator.rademacherVector(dimension: dimension)
    values.append(dot(z, multiply(z)))
  }
  let mean = values.reduce(0, +) / Scalar(samples)
  guard samples > 1 else { return TraceEstimate(estimate: mean, standardError: 0, samples: 1) }
  let variance = values.reduce(Scalar(0)) { $0 + ($1 - mean) * ($1 - mean) } / Scalar(samples - 1)
  return TraceEstimate(
    estimate: mean, standardError: (variance / Scalar(samples)).squareRoot(), samples: samples)
}
