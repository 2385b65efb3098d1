import TensorCore

/// Batch normalization (Ioffe & Szegedy 2015) over a `batch × features` input,
/// as a ``/TensorCore/Layer`` that goes inside a `Sequential` network before or after an
/// activation.
///
/// **Training mode** normalizes every feature j with the batch's mean and
/// *biased* variance, then scales and shifts:
///
///     μⱼ = (1/N) Σᵢ xᵢⱼ,   σ²ⱼ = (1/N) Σᵢ (xᵢⱼ − μⱼ)²
///     x̂ᵢⱼ = (xᵢⱼ − μⱼ) / √(σ²ⱼ + ε),   yᵢⱼ = γⱼ · x̂ᵢⱼ + βⱼ
///
/// and updates the running statistics by the chosen
/// ``RunningStatisticsConvention`` (PyTorch: `momentum` 0.1 is the weight of the
/// new batch, running variance unbiased; Keras: `momentum` 0.99 is the weight of
/// the old value, moving variance biased). **Inference mode** uses the running
/// statistics instead and changes nothing. The mode is the explicit
/// `ForwardMode` argument of ``forward(_:mode:)``.
///
/// ε defaults to 1e-5 (PyTorch); Keras uses 1e-3. γ (``scale``, starts at 1)
/// and β (``shift``, starts at 0) are learnable unless `affine` is false.
/// **Parameter order** in ``parameters``: the `featureCount` values of γ, then
/// the `featureCount` values of β (empty when not affine).
///
///     var norm = BatchNormalization<Double>(featureCount: 2)
///     let y = norm.forward(Matrix([[1, 10], [3, 30]]), mode: .training)
///     // y ≈ [[-1, -1], [1, 1]]; batchMean [2, 20]; batchVariance [1, 100]
///     norm.runningMean      // [0.2, 2]     0.9·0 + 0.1·[2, 20]
///     norm.runningVariance  // [1.1, 20.9]  0.9·1 + 0.1·[2, 200] (unbiased)
///
/// **Backward** (training mode), per feature, with G = ∂L/∂y:
/// `∂L/∂β = Σᵢ Gᵢ`, `∂L/∂γ = Σᵢ Gᵢ·x̂ᵢ`, and
/// `∂L/∂xᵢ = γ / (N·√(σ² + ε)) · (N·Gᵢ − ∂L/∂β − x̂ᵢ·∂L/∂γ)`.
/// After an inference-mode forward the statistics are constants, so
/// `∂L/∂xᵢ = γ·Gᵢ / √(running σ² + ε)`.
///
/// **Bad input.** ``forward(_:mode:)`` cannot throw (it is the `Layer`
/// requirement): a training batch of one sample or a wrong feature count stops
/// with a precondition whose message says why; a batch whose statistics are not
/// finite (NaN or infinite input) is normalized as it is (NaN out) but is *not*
/// folded into the running statistics, and ``skippedNonFiniteBatchCount`` counts
/// it. ``forwardChecked(_:mode:)`` throws a ``NormalizationError`` for all three
/// instead, before changing anything.
public struct BatchNormalization<Scalar: TensorScalar>: Layer {
  /// The number of features (columns) normalized.
  public let featureCount: Int
  /// ε, added to the variance before the square root (default 1e-5, PyTorch's; Keras: 1e-3).
  public let epsilon: Scalar
  /// Whether γ and β are learnable parameters (PyTorch's `affine`).
  public let isAffine: Bool
  /// How the running statistics are averaged.
  public let convention: RunningStatisticsConvention

  /// γ, the per-feature scale (starts at 1; stays 1 when not affine).
  public var scale: [Scalar]
  /// β, the per-feature shift (starts at 0; stays 0 when not affine).
  public var shift: [Scalar]
  /// ∂L/∂γ from the last backward pass.
  public private(set) var scaleGradient: [Scalar]
  /// ∂L/∂β from the last backward pass.
  public private(set) var shiftGradient: [Scalar]

  /// The running mean used in inference mode (starts at 0).
  public var runningMean: [Scalar]
  /// The running variance used in inference mode (starts at 1).
  public var runningVariance: [Scalar]
  /// How many training batches were folded into the running statistics.
  public private(set) var trackedBatchCount: Int = 0
  /// How many training batches had non-finite statistics and were left out of
  /// the running statistics.
  public private(set) var skippedNonFiniteBatchCount: Int = 0

  /// μ of the last training batch (`nil` before the first).
  public private(set) var batchMean: [Scalar]?
  /// The biased variance σ² of the last training batch (`nil` before the first).
  public private(set) var batchVariance: [Scalar]?
  /// x̂, the normalized input of the last forward pass, before γ and β.
  public private(set) var normalizedInput: Matrix<Scalar>?
  /// The mode of the last forward pass.
  public private(set) var lastMode: ForwardMode?
  /// 1/√(σ² + ε) per feature, of the statistics the last forward pass used.
  private var inverseStandardDeviation: [Scalar] = []

  /// Creates a batch-normalization layer with γ = 1, β = 0, running mean 0 and
  /// running variance 1.
  ///
  /// - Parameters:
  ///   - featureCount: The number of features (columns), positive.
  ///   - epsilon: ε > 0 (default 1e-5 as in PyTorch; Keras uses 1e-3).
  ///   - affine: Whether γ and β are learnable (default `true`).
  ///   - convention: How running statistics are averaged (default
  ///     `.pytorch(momentum: 0.1)`); the momentum must lie in [0, 1].
  public init(
    featureCount: Int, epsilon: Scalar = 1e-5, affine: Bool = true,
    convention: RunningStatisticsConvention = .pytorchDefault
  ) {
    precondition(
      featureCount > 0, "BatchNormalization(featureCount: \(featureCount)) needs a positive count")
    precondition(
      epsilon > 0, "BatchNormalization: epsilon \(epsilon) must be positive (1e-5 is usual)")
    precondition(
      (0...1).contains(convention.momentum),
      "BatchNormalization: momentum \(convention.momentum) must lie in [0, 1] (\(convention))")
    self.featureCount = featureCount
    self.epsilon = epsilon
    self.isAffine = affine
    self.convention = convention
    self.scale = [Scalar](repeating: 1, count: featureCount)
    self.shift = [Scalar](repeating: 0, count: featureCount)
    self.scaleGradient = [Scalar](repeating: 0, count: featureCount)
    self.shiftGradient = [Scalar](repeating: 0, count: featureCount)
    self.runningMean = [Scalar](repeating: 0, count: featureCount)
    self.runningVariance = [Scalar](repeating: 1, count: featureCount)
  }

  /// `2 · featureCount` when affine, otherwise 0.
  public var parameterCount: Int { isAffine ? 2 * featureCount : 0 }

  /// γ followed by β (empty when not affine).
  public var parameters: [Scalar] {
    get { isAffine ? scale + shift : [] }
    set {
      precondition(
        newValue.count == parameterCount,
        "BatchNormalization(\(featureCount)): got \(newValue.count) parameters, needs \(parameterCount) (γ then β)"
      )
      guard isAffine else { return }
      scale = Array(newValue[0..<featureCount])
      shift = Array(newValue[featureCount...])
    }
  }

  /// ∂L/∂γ followed by ∂L/∂β (empty when not affine).
  public var parameterGradients: [Scalar] { isAffine ? scaleGradient + shiftGradient : [] }

  /// The error ``forward(_:mode:)`` would stop on for `input`, or `nil` when the input is
  /// fine (what ``forwardChecked(_:mode:)`` throws).
  ///
  /// - Parameters:
  ///   - input: A `batch × featureCount` matrix.
  ///   - mode: The forward mode.
  /// - Returns: The problem, or `nil` when the input is fine.
  /// - Complexity: O(batch · featureCount).
  public func inputError(for input: Matrix<Scalar>, mode: ForwardMode) -> NormalizationError? {
    if input.columns != featureCount {
      return .featureCountMismatch(expected: featureCount, actual: input.columns)
    }
    if mode == .training && input.rows < 2 {
      return .batchTooSmall(rows: input.rows, featureCount: featureCount)
    }
    if let (row, column) = firstNonFinite(in: input) {
      return .nonFiniteInput(row: row, column: column)
    }
    return nil
  }

  /// ``forward(_:mode:)`` that throws on bad input instead of stopping, and
  /// changes nothing when it throws.
  ///
  /// - Parameters:
  ///   - input: A `batch × featureCount` matrix (at least 2 rows in training mode).
  ///   - mode: Training (batch statistics, running statistics updated) or inference.
  /// - Returns: γ·x̂ + β.
  /// - Throws: ``NormalizationError`` for a wrong feature count, a training batch
  ///   of one sample, or a non-finite value.
  /// - Complexity: O(batch · featureCount).
  public mutating func forwardChecked(_ input: Matrix<Scalar>, mode: ForwardMode) throws -> Matrix<
    Scalar
  > {
    if let problem = inputError(for: input, mode: mode) { throw problem }
    return forward(input, mode: mode)
  }

  /// Normalizes a batch (training: batch statistics; inference: running
  /// statistics), applies γ and β, and keeps x̂ for ``backward(_:)``.
  ///
  /// - Parameters:
  ///   - input: A `batch × featureCount` matrix (at least 2 rows in training mode).
  ///   - mode: Training (batch statistics, running statistics updated) or inference.
  /// - Returns: γ·x̂ + β, same shape as `input`.
  /// - Complexity: O(batch · featureCount), three passes over the input in training.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func forward(_ input: Matrix<Scalar>, mode: ForwardMode) -> Matrix<Scalar> {
    precondition(
      input.columns == featureCount,
      "BatchNormalization: "
        + NormalizationError.featureCountMismatch(expected: featureCount, actual: input.columns)
        .description)
    let rows = input.rows
    let columns = featureCount
    var mean: [Scalar]
    var variance: [Scalar]
    switch mode {
    case .training:
      precondition(
        rows >= 2,
        "BatchNormalization: "
          + NormalizationError.batchTooSmall(rows: rows, featureCount: columns).description)
      (mean, variance) = Self.batchStatistics(input)
      updateRunningStatistics(mean: mean, variance: variance, rows: rows)
      batchMean = mean
      batchVariance = variance
    case .inference:
      mean = runningMean
      variance = runningVariance
    }
    var inverse = variance
    for column in 0..<columns { inverse[column] = 1 / (variance[column] + epsilon).squareRoot() }
    var normalized = [Scalar](repeating: 0, count: rows * columns)
    var output = [Scalar](repeating: 0, count: rows * columns)
    input.storage.withUnsafeBufferPointer { x in
      normalized.withUnsafeMutableBufferPointer { xHat in
        output.withUnsafeMutableBufferPointer { y in
          mean.withUnsafeMutableBufferPointer { mean in
            inverse.withUnsafeBufferPointer { inverse in
              scale.withUnsafeBufferPointer { gamma in
                shift.withUnsafeBufferPointer { beta in
                  for row in 0..<rows {
                    let base = row * columns
                    for column in 0..<columns {
                      let value = (x[base + column] - mean[column]) * inverse[column]
                      xHat[base + column] = value
                      y[base + column] = gamma[column] * value + beta[column]
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    inverseStandardDeviation = inverse
    normalizedInput = Matrix(rows: rows, columns: columns, storage: normalized)
    lastMode = mode
    return Matrix(rows: rows, columns: columns, storage: output)
  }

  /// Stores ∂L/∂γ and ∂L/∂β and returns ∂L/∂x (formulas in the type's documentation).
  ///
  /// - Parameter outputGradient: G = ∂L/∂y, the shape of the last input.
  /// - Returns: ∂L/∂x.
  /// - Complexity: O(batch · featureCount), two passes.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backward(_ outputGradient: Matrix<Scalar>) -> Matrix<Scalar> {
    backwardParameters(outputGradient)
    let rows = outputGradient.rows
    let columns = featureCount
    // ∂L/∂xᵢ = a·Gᵢ − b − c·x̂ᵢ with a = γ/√(σ²+ε), b = a·ΣG/N, c = a·ΣGx̂/N
    // (training); b = c = 0 after an inference-mode forward.
    var a = [Scalar](repeating: 0, count: columns)
    var b = [Scalar](repeating: 0, count: columns)
    var c = [Scalar](repeating: 0, count: columns)
    let perSample = lastMode == .training ? 1 / Scalar(rows) : 0
    for column in 0..<columns {
      a[column] = scale[column] * inverseStandardDeviation[column]
      b[column] = a[column] * shiftGradient[column] * perSample
      c[column] = a[column] * scaleGradient[column] * perSample
    }
    var result = [Scalar](repeating: 0, count: rows * columns)
    let normalized = normalizedInput!
    outputGradient.storage.withUnsafeBufferPointer { g in
      normalized.storage.withUnsafeBufferPointer { xHat in
        result.withUnsafeMutableBufferPointer { dx in
          a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
              c.withUnsafeBufferPointer { c in
                for row in 0..<rows {
                  let base = row * columns
                  for column in 0..<columns {
                    dx[base + column] =
                      a[column] * g[base + column] - b[column] - c[column] * xHat[base + column]
                  }
                }
              }
            }
          }
        }
      }
    }
    return Matrix(rows: rows, columns: columns, storage: result)
  }

  /// Stores ∂L/∂γ = Σᵢ Gᵢ·x̂ᵢ and ∂L/∂β = Σᵢ Gᵢ per feature, without ∂L/∂x.
  ///
  /// - Parameter outputGradient: G = ∂L/∂y, the shape of the last input.
  /// - Complexity: O(batch · featureCount), one pass.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backwardParameters(_ outputGradient: Matrix<Scalar>) {
    guard let normalized = normalizedInput else {
      preconditionFailure("BatchNormalization.backward called before forward")
    }
    precondition(
      outputGradient.rows == normalized.rows && outputGradient.columns == normalized.columns,
      "BatchNormalization: output gradient \(outputGradient.rows)×\(outputGradient.columns) should be \(normalized.rows)×\(normalized.columns), the shape of the last input"
    )
    let rows = normalized.rows
    let columns = featureCount
    var sumGradient = [Scalar](repeating: 0, count: columns)
    var sumGradientTimesNormalized = [Scalar](repeating: 0, count: columns)
    outputGradient.storage.withUnsafeBufferPointer { g in
      normalized.storage.withUnsafeBufferPointer { xHat in
        sumGradient.withUnsafeMutableBufferPointer { dBeta in
          sumGradientTimesNormalized.withUnsafeMutableBufferPointer { dGamma in
            for row in 0..<rows {
              let base = row * columns
              for column in 0..<columns {
                let gradient = g[base + column]
                dBeta[column] += gradient
                dGamma[column] += gradient * xHat[base + column]
              }
            }
          }
        }
      }
    }
    shiftGradient = sumGradient
    scaleGradient = sumGradientTimesNormalized
  }

  /// The per-column mean and biased variance (two passes, for accuracy).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  static func batchStatistics(_ input: Matrix<Scalar>) -> (mean: [Scalar], variance: [Scalar]) {
    let rows = input.rows
    let columns = input.columns
    var mean = [Scalar](repeating: 0, count: columns)
    var variance = [Scalar](repeating: 0, count: columns)
    input.storage.withUnsafeBufferPointer { x in
      mean.withUnsafeMutableBufferPointer { mean in
        for row in 0..<rows {
          let base = row * columns
          for column in 0..<columns { mean[column] += x[base + column] }
        }
        let perSample = 1 / Scalar(rows)
        for column in 0..<columns { mean[column] *= perSample }
        variance.withUnsafeMutableBufferPointer { variance in
          for row in 0..<rows {
            let base = row * columns
            for column in 0..<columns {
              let deviation = x[base + column] - mean[column]
              variance[column] += deviation * deviation
            }
          }
          for column in 0..<columns { variance[column] *= perSample }
        }
      }
    }
    return (mean, variance)
  }

  /// Folds a batch's statistics into the running ones, unless any is non-finite.
  private mutating func updateRunningStatistics(mean: [Scalar], variance: [Scalar], rows: Int) {
    guard mean.allSatisfy(\.isFinite) && variance.allSatisfy(\.isFinite) else {
      skippedNonFiniteBatchCount += 1
      return
    }
    convention.fold(
      batchMean: mean, batchVariance: variance, batchSize: rows, intoMean: &runningMean,
      variance: &runningVariance)
    trackedBatchCount += 1
  }
}
