/// A fully connected (dense, affine) layer: `output = input · weights + bias`,
/// for a batch whose rows are samples.
///
/// `weights` is `inputCount × outputCount` (so the product needs no transpose;
/// PyTorch's `nn.Linear` stores the transpose, `outputCount × inputCount`).
///
/// **Parameter order** in ``parameters`` and ``parameterGradients``: all
/// weights in row-major order (`weights[i, j]` at index `i · outputCount + j`),
/// then the `outputCount` biases.
///
///     var generator = SeededGenerator(seed: 1)
///     var layer = Dense<Double>(inputCount: 3, outputCount: 2, generator: &generator)
///     layer.parameterCount  // 8  (3·2 weights + 2 biases)
///     let y = layer.forward(Matrix(rows: 5, columns: 3), mode: .training)  // 5×2
///
/// Backward pass, for `Y = X·W + b` and the upstream gradient `G = ∂L/∂Y`:
/// `∂L/∂W = Xᵀ·G`, `∂L/∂b = Σ over rows of G`, `∂L/∂X = G·Wᵀ`.
public struct Dense<Scalar: TensorScalar>: Layer {
  /// The weights W, `inputCount × outputCount`.
  public var weights: Matrix<Scalar>
  /// The bias b, `outputCount` values added to every sample's output.
  public var bias: [Scalar]
  /// ∂L/∂W from the last backward pass (zeros before the first).
  public private(set) var weightGradient: Matrix<Scalar>
  /// ∂L/∂b from the last backward pass (zeros before the first).
  public private(set) var biasGradient: [Scalar]
  /// The input of the last forward pass, kept for the backward pass.
  public private(set) var lastInput: Matrix<Scalar>?

  /// Creates a layer with the given weights (`inputCount × outputCount`) and bias.
  ///
  /// - Parameters:
  ///   - weights: The weight matrix W.
  ///   - bias: `weights.columns` bias values; zeros if omitted.
  /// - Complexity: O(`weights.rows` · `weights.columns`).
  public init(weights: Matrix<Scalar>, bias: [Scalar]? = nil) {
    let bias = bias ?? [Scalar](repeating: 0, count: weights.columns)
    precondition(
      bias.count == weights.columns,
      "Dense: bias has \(bias.count) values, but the \(weights.rows)×\(weights.columns) weights have \(weights.columns) outputs"
    )
    self.weights = weights
    self.bias = bias
    self.weightGradient = Matrix(rows: weights.rows, columns: weights.columns)
    self.biasGradient = [Scalar](repeating: 0, count: weights.columns)
    self.lastInput = nil
  }

  /// Creates a layer with random weights and zero bias.
  ///
  /// - Parameters:
  ///   - inputCount: The number of input features.
  ///   - outputCount: The number of outputs (units).
  ///   - initialization: How the weights are drawn (default He normal).
  ///   - generator: The seeded generator the weights are drawn from.
  /// - Complexity: O(`inputCount` · `outputCount`).
  public init(
    inputCount: Int, outputCount: Int, initialization: WeightInitialization = .heNormal,
    generator: inout SeededGenerator
  ) {
    precondition(
      inputCount > 0 && outputCount > 0,
      "Dense(inputCount: \(inputCount), outputCount: \(outputCount)) needs positive sizes")
    self.init(
      weights: initialization.weights(
        fanIn: inputCount, fanOut: outputCount, generator: &generator))
  }

  /// The number of input features.
  public var inputCount: Int { weights.rows }
  /// The number of outputs.
  public var outputCount: Int { weights.columns }

  /// `inputCount · outputCount + outputCount`.
  public var parameterCount: Int { weights.storage.count + bias.count }

  /// The weights (row-major) followed by the bias.
  public var parameters: [Scalar] {
    get { weights.storage + bias }
    set {
      precondition(
        newValue.count == parameterCount,
        "Dense \(inputCount)→\(outputCount): got \(newValue.count) parameters, needs \(parameterCount)"
      )
      let weightCount = weights.storage.count
      weights.storage = Array(newValue[0..<weightCount])
      bias = Array(newValue[weightCount...])
    }
  }

  /// ∂L/∂W (row-major) followed by ∂L/∂b, in the order of ``parameters``.
  public var parameterGradients: [Scalar] { weightGradient.storage + biasGradient }

  /// Computes `input · weights + bias` and keeps `input` for ``backward(_:)``.
  ///
  /// - Parameters:
  ///   - input: A `batch × inputCount` matrix.
  ///   - mode: Ignored: a dense layer behaves the same in training and inference.
  /// - Complexity: O(batch · inputCount · outputCount).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func forward(_ input: Matrix<Scalar>, mode: ForwardMode) -> Matrix<Scalar> {
    precondition(
      input.columns == inputCount,
      "Dense \(inputCount)→\(outputCount): input \(input.rows)×\(input.columns) should have \(inputCount) columns"
    )
    lastInput = input
    return output(for: input)
  }

  /// Computes `input · weights + bias` without remembering anything.
  ///
  /// - Parameter input: A `batch × inputCount` matrix.
  /// - Complexity: O(batch · inputCount · outputCount).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func output(for input: Matrix<Scalar>) -> Matrix<Scalar> {
    var result = Matrix<Scalar>(rows: input.rows, columns: outputCount)
    result.storage.withUnsafeMutableBufferPointer { target in
      for row in 0..<input.rows {
        for column in 0..<outputCount { target[row * outputCount + column] = bias[column] }
      }
    }
    matmul(input, weights, beta: 1, into: &result)
    return result
  }

  /// Stores ∂L/∂W = Xᵀ·G and ∂L/∂b = column sums of G, and returns ∂L/∂X = G·Wᵀ.
  ///
  /// - Parameter outputGradient: G = ∂L/∂output, `batch × outputCount`.
  /// - Complexity: O(batch · inputCount · outputCount).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backward(_ outputGradient: Matrix<Scalar>) -> Matrix<Scalar> {
    backwardParameters(outputGradient)
    return matmul(outputGradient, weights, transposeB: true)
  }

  /// Stores ∂L/∂W = Xᵀ·G and ∂L/∂b = column sums of G, without computing ∂L/∂X.
  ///
  /// - Parameter outputGradient: G = ∂L/∂output, `batch × outputCount`.
  /// - Complexity: O(batch · inputCount · outputCount).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public mutating func backwardParameters(_ outputGradient: Matrix<Scalar>) {
    guard let input = lastInput else {
      preconditionFailure("Dense.backward called before forward")
    }
    precondition(
      outputGradient.rows == input.rows && outputGradient.columns == outputCount,
      "Dense \(inputCount)→\(outputCount): output gradient \(outputGradient.rows)×\(outputGradient.columns) should be \(input.rows)×\(outputCount)"
    )
    weightGradient = matmul(input, outputGradient, transposeA: true)
    biasGradient = outputGradient.columnSums()
  }
}
