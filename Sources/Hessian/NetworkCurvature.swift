import TensorCore

/// Exact second-order information about a network's loss on one batch:
/// the loss, its gradient, Hessian-vector products that never form the Hessian,
/// and (for small networks) the full Hessian — all with respect to the flat
/// parameter vector of ``TensorCore/Sequential`` (each layer's parameters in
/// layer order; for `Dense`: weights row-major, then bias).
///
///     var generator = SeededGenerator(seed: 0)
///     let network = Sequential<Double>.multilayerPerceptron(
///       layerSizes: [2, 3, 1], activation: .tanh, loss: .meanSquaredError,
///       generator: &generator)
///     let curvature = try NetworkCurvature(
///       network: network, inputs: x, targets: .values(y))
///     let hv = curvature.hessianVectorProduct(v)   // H·v, exact
///     let h = curvature.hessian()                  // 13 × 13
///
/// **How.** Pearlmutter's R-operator ("Fast exact multiplication by the Hessian",
/// Neural Computation 6(1), 1994): `R{f} = d/dr f(θ + r·v) at r = 0` is pushed
/// forward through the network alongside the activations, then backward
/// alongside the gradients (forward-over-reverse differentiation). Writing
/// `X` for a dense layer's input, `Y = XW + b` its output, `V_W, v_b` the parts
/// of `v` for that layer, `G = ∂L/∂Y`, and σ an activation with `A = σ(Z)`:
///
///     forward:   R{Y} = R{X}·W + X·V_W + v_b          R{A} = σ′(Z) ⊙ R{Z}
///     loss:      R{∂L/∂z} = ∇²_z L · R{z}             (TensorCore's Loss.hessianVectorProduct)
///     backward:  R{∂L/∂Z} = σ′(Z) ⊙ R{∂L/∂A} + σ″(Z) ⊙ R{Z} ⊙ ∂L/∂A
///                R{∂L/∂W} = R{X}ᵀ·G + Xᵀ·R{G}          R{∂L/∂b} = Σ_rows R{G}
///                R{∂L/∂X} = R{G}·Wᵀ + G·V_Wᵀ
///
/// and `H·v` is the concatenation of `R{∂L/∂θ}`. The forward activations and the
/// backward gradients are computed once, when the value is created, and reused
/// by every product. ReLU's σ″ is taken as 0 (true except at the kink).
///
/// Supported layers: `Dense`, `Activation`, and nested `Sequential` networks of
/// these; anything else (batch normalization, for one) is reported by the
/// initializer.
public struct NetworkCurvature<Scalar: TensorScalar>: Sendable {
  /// The number of parameters n (the Hessian is n × n).
  public let parameterCount: Int
  /// The mean loss on the batch.
  public let loss: Scalar
  /// ∂L/∂θ on the batch, in the order of `Sequential.parameters`.
  public let gradient: [Scalar]

  private let stages: [Stage]
  private let stageInputs: [Matrix<Scalar>]
  private let stageOutputGradients: [Matrix<Scalar>]
  private let output: Matrix<Scalar>
  private let targets: Targets<Scalar>
  private let lossFunction: Loss

  /// One layer, flattened out of (possibly nested) `Sequential` networks.
  private enum Stage: Sendable {
    /// A dense layer with its weights, bias, and the offset of its parameters.
    case dense(weights: Matrix<Scalar>, bias: [Scalar], offset: Int)
    /// An activation with σ′ and σ″ at the pre-activation of the batch.
    case activation(derivative: Matrix<Scalar>, secondDerivative: Matrix<Scalar>)
  }

  /// Runs the network forward and backward on a whole data set and keeps what the
  /// Hessian-vector products need: ``init(network:inputs:targets:)`` on `data.inputs` and
  /// `data.targets`.
  ///
  ///     let curvature = try NetworkCurvature(network: network, on: training)
  ///
  /// - Parameters:
  ///   - network: A network of `Dense` and `Activation` layers (nesting allowed).
  ///   - data: The samples, with targets of the kind the network's loss needs.
  /// - Throws: ``HessianError/unsupportedLayer(index:type:)`` for any other layer.
  /// - Complexity: One forward and one backward pass over `data`.
  public init(network: Sequential<Scalar>, on data: Dataset<Scalar>) throws {
    try self.init(network: network, inputs: data.inputs, targets: data.targets)
  }

  /// Runs the network forward and backward on a batch and keeps what the
  /// Hessian-vector products need. The network is not changed.
  ///
  /// - Parameters:
  ///   - network: A network of `Dense` and `Activation` layers (nesting allowed).
  ///   - inputs: The batch, `batch × features`.
  ///   - targets: The batch's targets, of the kind the network's loss needs.
  /// - Throws: ``HessianError/unsupportedLayer(index:type:)`` for any other layer.
  /// - Complexity: One forward and one backward pass (about one gradient).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public init(network: Sequential<Scalar>, inputs: Matrix<Scalar>, targets: Targets<Scalar>)
    throws
  {
    precondition(
      targets.count == inputs.rows,
      "NetworkCurvature: \(targets.count) targets for \(inputs.rows) input rows")
    var layers: [(Int, any Layer<Scalar>)] = []
    var offset = 0
    func flatten(_ network: Sequential<Scalar>, topIndex: Int?) throws {
      for (index, layer) in network.layers.enumerated() {
        let reported = topIndex ?? index
        if let nested = layer as? Sequential<Scalar> {
          try flatten(nested, topIndex: reported)
        } else if layer is Dense<Scalar> || layer is Activation<Scalar> {
          layers.append((offset, layer))
          offset += layer.parameterCount
        } else {
          throw HessianError.unsupportedLayer(index: reported, type: "\(type(of: layer))")
        }
      }
    }
    try flatten(network, topIndex: nil)

    var stages: [Stage] = []
    var stageInputs: [Matrix<Scalar>] = []
    var activations = inputs
    for (layerOffset, layer) in layers {
      stageInputs.append(activations)
      if let dense = layer as? Dense<Scalar> {
        stages.append(.dense(weights: dense.weights, bias: dense.bias, offset: layerOffset))
        activations = dense.output(for: activations)
      } else if let activation = layer as? Activation<Scalar> {
        let (value, derivative, secondDerivative) = Self.evaluate(
          activation.function, at: activations)
        stages.append(.activation(derivative: derivative, secondDerivative: secondDerivative))
        activations = value
      }
    }
    let (value, outputGradient) = network.lossFunction.valueAndGradient(
      output: activations, targets: targets)

    var gradient = [Scalar](repeating: 0, count: offset)
    var stageOutputGradients = [Matrix<Scalar>](
      repeating: Matrix(rows: 0, columns: 0), count: stages.count)
    var upstream = outputGradient
    for index in stages.indices.reversed() {
      stageOutputGradients[index] = upstream
      switch stages[index] {
      case .dense(let weights, _, let parameterOffset):
        let weightGradient = matmul(stageInputs[index], upstream, transposeA: true)
        let biasGradient = upstream.columnSums()
        gradient.replaceSubrange(
          parameterOffset..<(parameterOffset + weights.storage.count), with: weightGradient.storage)
        let biasStart = parameterOffset + weights.storage.count
        gradient.replaceSubrange(biasStart..<(biasStart + biasGradient.count), with: biasGradient)
        if index > 0 { upstream = matmul(upstream, weights, transposeB: true) }
      case .activation(let derivative, _):
        upstream = upstream * derivative
      }
    }

    self.parameterCount = offset
    self.loss = value
    self.gradient = gradient
    self.stages = stages
    self.stageInputs = stageInputs
    self.stageOutputGradients = stageOutputGradients
    self.output = activations
    self.targets = targets
    self.lossFunction = network.lossFunction
  }

  /// σ(Z), σ′(Z) and σ″(Z) element-wise in one pass, reusing σ for the sigmoid
  /// (σ′ = s(1 − s), σ″ = σ′(1 − 2s)) and tanh (σ′ = 1 − t², σ″ = −2t·σ′), the
  /// formulas of ``TensorCore/ActivationFunction``.
  private static func evaluate(_ function: ActivationFunction, at input: Matrix<Scalar>) -> (
    value: Matrix<Scalar>, derivative: Matrix<Scalar>, secondDerivative: Matrix<Scalar>
  ) {
    var value = [Scalar](repeating: 0, count: input.storage.count)
    var derivative = value
    var secondDerivative = value
    for (index, x) in input.storage.enumerated() {
      switch function {
      case .sigmoid:
        let s = function.value(x)
        value[index] = s
        derivative[index] = s * (1 - s)
        secondDerivative[index] = derivative[index] * (1 - 2 * s)
      case .tanh:
        let t = Scalar.tanh(x)
        value[index] = t
        derivative[index] = 1 - t * t
        secondDerivative[index] = -2 * t * derivative[index]
      case .identity, .relu:
        value[index] = function.value(x)
        derivative[index] = function.derivative(x)
        secondDerivative[index] = function.secondDerivative(x)
      }
    }
    func matrix(_ storage: [Scalar]) -> Matrix<Scalar> {
      Matrix(rows: input.rows, columns: input.columns, storage: storage)
    }
    return (matrix(value), matrix(derivative), matrix(secondDerivative))
  }

  /// The exact Hessian-vector product H·v, without forming H.
  ///
  /// - Parameter direction: v, ``parameterCount`` values in the order of the
  ///   network's parameters.
  /// - Returns: H·v in the same order.
  /// - Complexity: About twice a gradient (six matrix products per dense layer,
  ///   two for the first), since the forward and backward passes are cached.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func hessianVectorProduct(_ direction: [Scalar]) -> [Scalar] {
    precondition(
      direction.count == parameterCount,
      "hessianVectorProduct: the direction has \(direction.count) values, the network \(parameterCount) parameters"
    )
    var result = [Scalar](repeating: 0, count: parameterCount)
    guard !stages.isEmpty else { return result }

    // Forward: R{input of stage}, nil while it is zero (before the first dense layer).
    var rInputs = [Matrix<Scalar>?](repeating: nil, count: stages.count)
    var r: Matrix<Scalar>? = nil
    for index in stages.indices {
      rInputs[index] = r
      switch stages[index] {
      case .dense(let weights, let bias, let offset):
        let weightDirection = Matrix<Scalar>(
          rows: weights.rows, columns: weights.columns,
          storage: Array(direction[offset..<(offset + weights.storage.count)]))
        let biasStart = offset + weights.storage.count
        let biasDirection = Array(direction[biasStart..<(biasStart + bias.count)])
        let columns = weights.columns
        var next = Matrix<Scalar>(rows: stageInputs[index].rows, columns: columns)
        next.storage.withUnsafeMutableBufferPointer { target in
          for start in stride(from: 0, to: target.count, by: columns) {
            for column in 0..<columns { target[start + column] = biasDirection[column] }
          }
        }
        matmul(stageInputs[index], weightDirection, beta: 1, into: &next)
        if let incoming = r { matmul(incoming, weights, beta: 1, into: &next) }
        r = next
      case .activation(let derivative, _):
        if let incoming = r { r = incoming * derivative }
      }
    }
    guard let rOutput = r else { return result }

    // Backward: R{∂L/∂(output of stage)}.
    var rUpstream = lossFunction.hessianVectorProduct(
      output: output, targets: targets, direction: rOutput)
    for index in stages.indices.reversed() {
      let upstream = stageOutputGradients[index]
      switch stages[index] {
      case .dense(let weights, let bias, let offset):
        var rWeightGradient = matmul(stageInputs[index], rUpstream, transposeA: true)
        if let rInput = rInputs[index] {
          matmul(rInput, upstream, transposeA: true, beta: 1, into: &rWeightGradient)
        }
        result.replaceSubrange(
          offset..<(offset + weights.storage.count), with: rWeightGradient.storage)
        let biasStart = offset + weights.storage.count
        result.replaceSubrange(biasStart..<(biasStart + bias.count), with: rUpstream.columnSums())
        if rInputs[index] != nil {
          let weightDirection = Matrix<Scalar>(
            rows: weights.rows, columns: weights.columns,
            storage: Array(direction[offset..<(offset + weights.storage.count)]))
          var next = matmul(rUpstream, weights, transposeB: true)
          matmul(upstream, weightDirection, transposeB: true, beta: 1, into: &next)
          rUpstream = next
        } else {
          return result  // nothing before this layer depends on θ through R{X}
        }
      case .activation(let derivative, let secondDerivative):
        var next = rUpstream * derivative
        if let rInput = rInputs[index] { next += secondDerivative * rInput * upstream }
        rUpstream = next
      }
    }
    return result
  }

  /// The full Hessian, one Hessian-vector product per unit vector eᵢ (column i
  /// is H·eᵢ), symmetrized as (M + Mᵀ)/2 when `symmetrized` is true.
  ///
  /// Exact products give a matrix that is symmetric up to rounding; pass
  /// `symmetrized: false` to see it.
  ///
  /// - Parameter symmetrized: Whether to average M with its transpose (default true).
  /// - Returns: The `n × n` Hessian for n = ``parameterCount``.
  /// - Complexity: n Hessian-vector products, O(n²) memory: for small networks
  ///   (a few thousand parameters at most).
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func hessian(symmetrized: Bool = true) -> Matrix<Scalar> {
    let n = parameterCount
    // A local array: element writes through `Matrix.storage` would copy it each time.
    var result = [Scalar](repeating: 0, count: n * n)
    var unit = [Scalar](repeating: 0, count: n)
    for column in 0..<n {
      unit[column] = 1
      let product = hessianVectorProduct(unit)
      unit[column] = 0
      for row in 0..<n { result[row * n + column] = product[row] }
    }
    if symmetrized {
      for row in 0..<n {
        for column in (row + 1)..<max(row + 1, n) {
          let mean = (result[row * n + column] + result[column * n + row]) / 2
          result[row * n + column] = mean
          result[column * n + row] = mean
        }
      }
    }
    return Matrix(rows: n, columns: n, storage: result)
  }
}

extension NetworkCurvature {
  /// The second-order analysis of the network's parameters on this batch: the
  /// gradient norm, the eigen-decomposition of the full Hessian, the kind of
  /// point, and its ``CriticalPointAnalysis/minimumRatio``.
  ///
  /// Training rarely reaches a gradient below the default tolerance, so pass the
  /// tolerance the lesson argues for; the minimum ratio is reported either way.
  ///
  ///     let curvature = try NetworkCurvature(network: trained, inputs: x, targets: .values(y))
  ///     let analysis = try curvature.analyzeCriticalPoint(gradientTolerance: 1e-3)
  ///     analysis.kind, analysis.minimumRatio
  ///
  /// - Parameters:
  ///   - gradientTolerance: The largest ‖∇L‖₂ of a critical point.
  ///   - eigenvalueTolerance: The relative size of a zero eigenvalue (default √ε).
  /// - Throws: ``HessianError`` when the Hessian is not finite.
  /// - Complexity: n Hessian-vector products and an O(n³) eigen-decomposition.
  public func analyzeCriticalPoint(
    gradientTolerance: Scalar = CriticalPointAnalysis<Scalar>.defaultGradientTolerance,
    eigenvalueTolerance: Scalar = Scalar.ulpOfOne.squareRoot()
  ) throws -> CriticalPointAnalysis<Scalar> {
    try CriticalPointAnalysis(
      gradient: gradient, hessian: hessian(), gradientTolerance: gradientTolerance,
      eigenvalueTolerance: eigenvalueTolerance)
  }
}

extension Sequential {
  /// The exact Hessian-vector product H·v of the loss on a batch with respect to
  /// ``/TensorCore/Sequential/parameters``, without forming H (Pearlmutter's R-operator; see
  /// ``NetworkCurvature``). For many products on one batch, create a
  /// `NetworkCurvature` once instead.
  ///
  /// - Parameters:
  ///   - inputs: The batch.
  ///   - targets: The batch's targets.
  ///   - direction: v, ``/TensorCore/Sequential/parameterCount`` values.
  /// - Throws: ``HessianError/unsupportedLayer(index:type:)``.
  /// - Complexity: About three gradients.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func hessianVectorProduct(
    inputs: Matrix<Scalar>, targets: Targets<Scalar>, direction: [Scalar]
  ) throws -> [Scalar] {
    try NetworkCurvature(network: self, inputs: inputs, targets: targets)
      .hessianVectorProduct(direction)
  }

  /// The exact Hessian of the loss on a batch with respect to
  /// ``/TensorCore/Sequential/parameters``
  /// (n Hessian-vector products; see ``NetworkCurvature/hessian(symmetrized:)``).
  ///
  /// - Parameters:
  ///   - inputs: The batch.
  ///   - targets: The batch's targets.
  /// - Throws: ``HessianError/unsupportedLayer(index:type:)``.
  /// - Complexity: n Hessian-vector products for n parameters; O(n²) memory.
  @_specialize(where Scalar == Float)
  @_specialize(where Scalar == Double)
  public func hessian(inputs: Matrix<Scalar>, targets: Targets<Scalar>) throws -> Matrix<Scalar> {
    try NetworkCurvature(network: self, inputs: inputs, targets: targets).hessian()
  }
}
