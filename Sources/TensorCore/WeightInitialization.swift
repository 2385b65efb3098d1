/// How a ``Dense`` layer draws its initial weights. Biases always start at zero.
///
/// `fanIn` is the layer's input count and `fanOut` its output count.
///
///     var generator = SeededGenerator(seed: 0)
///     let layer = Dense<Double>(inputCount: 64, outputCount: 32,
///                               initialization: .xavierUniform, generator: &generator)
public enum WeightInitialization: Sendable, Equatable {
  /// Normal draws with σ = √(2 / fanIn) (He et al. 2015, "Delving deep into
  /// rectifiers"); suits ReLU networks. PyTorch's `kaiming_normal_` with its defaults.
  case heNormal
  /// Uniform draws from ±√(6 / (fanIn + fanOut)) (Glorot & Bengio 2010); suits
  /// sigmoid and tanh networks. PyTorch's `xavier_uniform_`.
  case xavierUniform
  /// Normal draws with a fixed standard deviation σ.
  case normal(standardDeviation: Double)
  /// All weights zero (a network that cannot break symmetry; for lessons that show it).
  case zeros

  /// Draws a `fanIn × fanOut` weight matrix.
  ///
  /// - Parameters:
  ///   - fanIn: The number of inputs of the layer (rows of the weights).
  ///   - fanOut: The number of outputs of the layer (columns of the weights).
  ///   - generator: The seeded generator to draw from.
  /// - Complexity: O(`fanIn` · `fanOut`).
  public func weights<Scalar: TensorScalar>(
    fanIn: Int, fanOut: Int, generator: inout SeededGenerator
  ) -> Matrix<Scalar> {
    switch self {
    case .heNormal:
      let deviation = Scalar.sqrt(2 / Scalar(max(fanIn, 1)))
      return .normal(
        rows: fanIn, columns: fanOut, standardDeviation: deviation, using: &generator)
    case .xavierUniform:
      let limit = Scalar.sqrt(6 / Scalar(max(fanIn + fanOut, 1)))
      return .uniform(rows: fanIn, columns: fanOut, in: -limit..<limit, using: &generator)
    case .normal(let standardDeviation):
      return .normal(
        rows: fanIn, columns: fanOut, standardDeviation: Scalar(standardDeviation),
        using: &generator)
    case .zeros:
      return Matrix(rows: fanIn, columns: fanOut)
    }
  }
}
