import TensorCore

/// Layer normalization (Ba, Kiros & Hinton 2016): every sample (row) is
/// normalized over its own features, so it behaves the same in training and
/// inference and needs no running statistics or batch of more than one.
///
/// For a sample x with D features:
///
///     μ = (1/D) Σⱼ xⱼ,   σ² = (1/D) Σⱼ (xⱼ − μ)²   (biased, as PyTorch's nn.LayerNorm)
///     x̂ⱼ = (xⱼ − μ) / √(σ² + ε),   yⱼ = γⱼ · x̂ⱼ + βⱼ
///
/// γ (``scale``, starts at 1) and β (``shift``, starts at 0) are per-feature and
/// learnable unless `elementwiseAffine` is false. **Parameter order**: γ, then β.
///
///     var norm = LayerNormalization<Double>(featureCount: 3)
///     norm.forward(Matrix([[1, 2, 3]]), mode: .inference)
///     // ≈ [[-1.2247, 0, 1.2247]]   (μ = 2, σ² = 2/3)
///
/// **Backward**, for one sample with G = ∂L/∂y and H = G ⊙ γ:
/// `∂L/∂xⱼ = 1 / (D·√(σ² + ε)) · (D·Hⱼ − Σₖ Hₖ − x̂ⱼ · Σₖ Hₖ·x̂ₖ)`;
/// over the batch, `∂L/∂γⱼ = Σᵢ Gᵢⱼ·x̂ᵢⱼ` and `∂L/∂βⱼ = Σᵢ Gᵢⱼ`.
public struct LayerNormalization<Scalar: TensorScalar>: Layer {
  /// The number of features D per sample.
  public let featureCount: Int
  /// ε, added to each sample's variance (default 1e-5, as PyTorch).
  public let epsilon: Scalar
  /// Whether γ and β are learnable (PyTorch's `elementwise_affine`).
  public let isAffine: Bool
  /// γ, the per-feature scale.
  public var scale: [Scalar]
  /// β, the per-feature shift.
  public var shift: [Scalar]
  /// ∂L/∂γ from the last backward pass.
  public private(set) var scaleGradient: [Scalar]
  /// ∂L/∂β from the last backward pass.
  public private(set) var shiftGradient: [Scalar]
  /// x̂ of the last forward pass.
  public private(set) var normalizedInput: Matrix<Scalar>?
  /// The per-sample mean μ of the last forward pass.
  public private(set) var sampleMean: [Scalar]?
  /// The per-sample biased variance σ² of the last forward pass.
  public private(set) var sampleVariance: [Scalar]?
  private var inverseStandardDeviation: [Scalar] = []

  /// Creates a layer-normalization layer with γ = 1 and β = 0.
  ///
  /// - Parameters:
  ///   - featureCount: The number of features D, positive.
  ///   - epsilon: ε > 0 (default 1e-5).
  ///   - elementwiseAffine: Whether γ and β are learnable (default `true`).
  public init(featureCount: Int, epsilon: Scalar = 1e-5, elementwiseAffine: Bool = true) {
    precondition(
      featureCount > 0, "LayerNormalization(featureCount: \(featureCount)) needs a positive count")
    precondition(
      epsilon > 0, "LayerNormalization: epsilon \(epsilon) must be positive (1e-5 is usual)")
    self.featureCount = featureCount
    self.epsilon = epsilon
    self.isAffine = elementwiseAffine
    self.scale = [Scalar](repeating: 1, count: featureCount)
    self.shift = [Scalar](repeating: 0, count: featureCount)
    self.scaleGradient = [Scalar](repeating: 0, count: featureCount)
    self.shiftGradient = [Scalar](repeating: 0, count: featureCount)
  }

  /// `2 · featureCount` when affine, otherwise 0.
  public var parameterCount: Int { isAffine ? 2 * featureCount : 0 }

  /// γ followed by β (empty when not affine).
  public var parameters: [Scalar] {
    get { isAffine ? scale + shift : [] }
    set {
      precondition(
        newValue.count == parameterCount,
        "LayerNormalization(\(featureCount)): got \(newValue.count) parameters, needs \(parameterCount) (γ then β)"
      )
      guard isAffine else { return }
      scale = Array(newValue[0..<featureCount])
      shift = Array(newValue[featureCount...])
    }
  }

  /// ∂L/∂γ followed by ∂L/∂β (empty when not affine).
  public var parameterGradients: [Scalar] { isAffine ? scaleGradient + shiftGradient : [] }

  /// ``forward(_:mode:)`` that throws on a wrong feature count or a non-finite value.
  ///
  /// - Parameters:
  ///   - input: A `batch × featureCount` matrix.
  ///   - mode: Ignored: layer normalization is the same in both modes.
  /// - Returns: γ·x̂ + β.
  /// - Throws: ``NormalizationError/featureCountMismatch(expected:actual:)`` or
  ///   ``NormalizationError/nonFiniteInput(row:column:)``.
  /// - Complexity: O(batch · featureCount).
  public mutating func forwardChecked(_ input: Matrix<Scalar>, mode: ForwardMode) throws -> Matrix<
    Scalar
  > {
    if input.columns != featureCount {
      throw NormalizationError.featureCountMismatch(expected: featureCount, actual: input.columns)
    }
    if let (row, column) = firstNonFinite(in: input) {
      throw NormalizationError.nonFiniteInput(row: row, column: column)
    }
    return forward(input, mode: mode)
  }

  /// Normalizes every row over its features, applies γ and β, and keeps x̂.
  ///
  /// - Parameters:
  ///   - input: A `batch × featureCount` matrix.
  ///   - mode: Ignored: layer normalization is the same in both modes.
  /// - Returns: γ·x̂ + β, same shape.
  /// - Complexity: O(batch · featureCount).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func forward(_ input: Matrix<Scalar>, mode: ForwardMode) -> Matrix<Scalar> {
    precondition(
      input.columns == featureCount,
      "LayerNormalization: "
        + NormalizationError.featureCountMismatch(expected: featureCount, actual: input.columns)
        .description)
    let rows = input.rows
    let columns = featureCount
    var means = [Scalar](repeating: 0, count: rows)
    var variances = [Scalar](repeating: 0, count: rows)
    var inverses = [Scalar](repeating: 0, count: rows)
    var normalized = [Scalar](repeating: 0, count: rows * columns)
    var output = [Scalar](repeating: 0, count: rows * columns)
    let perFeature = 1 / Scalar(columns)
    input.storage.withUnsafeBufferPointer { x in
      normalized.withUnsafeMutableBufferPointer { xHat in
        output.withUnsafeMutableBufferPointer { y in
          scale.withUnsafeBufferPointer { gamma in
            shift.withUnsafeBufferPointer { beta in
              for row in 0..<rows {
                let base = row * columns
                var sum: Scalar = 0
                for column in 0..<columns { sum += x[base + column] }
                let mean = sum * perFeature
                var squares: Scalar = 0
                for column in 0..<columns {
                  let deviation = x[base + column] - mean
                  squares += deviation * deviation
                }
                let variance = squares * perFeature
                let inverse = 1 / (variance + epsilon).squareRoot()
                for column in 0..<columns {
                  let value = (x[base + column] - mean) * inverse
                  xHat[base + column] = value
                  y[base + column] = gamma[column] * value + beta[column]
                }
                means[row] = mean
                variances[row] = variance
                inverses[row] = inverse
              }
            }
          }
        }
      }
    }
    sampleMean = means
    sampleVariance = variances
    inverseStandardDeviation = inverses
    normalizedInput = Matrix(rows: rows, columns: columns, storage: normalized)
    return Matrix(rows: rows, columns: columns, storage: output)
  }

  /// Stores ∂L/∂γ and ∂L/∂β and returns ∂L/∂x (formulas in the type's documentation).
  ///
  /// - Parameter outputGradient: G = ∂L/∂y, the shape of the last input.
  /// - Returns: ∂L/∂x.
  /// - Complexity: O(batch · featureCount).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backward(_ outputGradient: Matrix<Scalar>) -> Matrix<Scalar> {
    guard let normalized = normalizedInput else {
      preconditionFailure("LayerNormalization.backward called before forward")
    }
    precondition(
      outputGradient.rows == normalized.rows && outputGradient.columns == normalized.columns,
      "LayerNormalization: output gradient \(outputGradient.rows)×\(outputGradient.columns) should be \(normalized.rows)×\(normalized.columns), the shape of the last input"
    )
    let rows = normalized.rows
    let columns = featureCount
    let perFeature = 1 / Scalar(columns)
    var dGamma = [Scalar](repeating: 0, count: columns)
    var dBeta = [Scalar](repeating: 0, count: columns)
    var result = [Scalar](repeating: 0, count: rows * columns)
    outputGradient.storage.withUnsafeBufferPointer { g in
      normalized.storage.withUnsafeBufferPointer { xHat in
        result.withUnsafeMutableBufferPointer { dx in
          scale.withUnsafeBufferPointer { gamma in
            dGamma.withUnsafeMutableBufferPointer { dGamma in
              dBeta.withUnsafeMutableBufferPointer { dBeta in
                for row in 0..<rows {
                  let base = row * columns
                  var sumH: Scalar = 0
                  var sumHXHat: Scalar = 0
                  for column in 0..<columns {
                    let gradient = g[base + column]
                    let h = gradient * gamma[column]
                    sumH += h
                    sumHXHat += h * xHat[base + column]
                    dGamma[column] += gradient * xHat[base + column]
                    dBeta[column] += gradient
                  }
                  let inverse = inverseStandardDeviation[row]
                  let meanH = sumH * perFeature
                  let meanHXHat = sumHXHat * perFeature
                  for column in 0..<columns {
                    let h = g[base + column] * gamma[column]
                    dx[base + column] = inverse * (h - meanH - xHat[base + column] * meanHXHat)
                  }
                }
              }
            }
          }
        }
      }
    }
    scaleGradient = dGamma
    shiftGradient = dBeta
    return Matrix(rows: rows, columns: columns, storage: result)
  }
}
