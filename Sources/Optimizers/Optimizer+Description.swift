import TensorCore

// Each optimizer prints as its name and hyperparameters with the paper's symbols — not its
// state, which can hold millions of values — so a lesson can label a table row or a curve:
//
//     print(try Adam<Double>())   // Adam(η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-08)

/// "name(part, part, …)" with the optional parts that are present.
private func describe(_ name: String, _ parts: [String?]) -> String {
  "\(name)(\(parts.compactMap { $0 }.joined(separator: ", ")))"
}

/// "label = value" when `condition` holds.
private func part<Value>(_ label: String, _ value: Value, if condition: Bool = true) -> String? {
  condition ? "\(label) = \(value)" : nil
}

extension Lecture.GradientDescent: CustomStringConvertible {
  /// E.g. "Lecture.GradientDescent(η = 0.1)".
  public var description: String { describe(name, [part("η", learningRate)]) }
}

extension Lecture.RunningSumMomentum: CustomStringConvertible {
  /// E.g. "Lecture.RunningSumMomentum(η = 0.01)".
  public var description: String { describe(name, [part("η", learningRate)]) }
}

extension Lecture.MovingAverageMomentum: CustomStringConvertible {
  /// E.g. "Lecture.MovingAverageMomentum(η = 0.01, β = 0.9)".
  public var description: String { describe(name, [part("η", learningRate), part("β", beta)]) }
}

extension StochasticGradientDescent: CustomStringConvertible {
  /// E.g. "StochasticGradientDescent(η = 0.01, μ = 0.9, nesterov)".
  public var description: String {
    describe(
      name,
      [
        part("η", learningRate), part("μ", momentum, if: momentum != 0),
        part("τ", dampening, if: dampening != 0), nesterov ? "nesterov" : nil,
        part("λ", weightDecay, if: weightDecay != 0),
      ])
  }
}

extension Lecture.Adagrad: CustomStringConvertible {
  /// E.g. "Lecture.Adagrad(η = 0.01)".
  public var description: String { describe(name, [part("η", learningRate)]) }
}

extension Adagrad: CustomStringConvertible {
  /// E.g. "Adagrad(η = 0.01, ε = 1e-10)".
  public var description: String {
    describe(
      name,
      [
        part("η", learningRate), part("decay", learningRateDecay, if: learningRateDecay != 0),
        part("λ", weightDecay, if: weightDecay != 0),
        part("s⁰", initialAccumulatorValue, if: initialAccumulatorValue != 0),
        part(epsilonPlacement == .insideRoot ? "ε (inside √)" : "ε", epsilon),
      ])
  }
}

extension Lecture.RMSProp: CustomStringConvertible {
  /// E.g. "Lecture.RMSProp(η = 0.01, α = 0.9)".
  public var description: String { describe(name, [part("η", learningRate), part("α", alpha)]) }
}

extension RMSProp: CustomStringConvertible {
  /// E.g. "RMSProp(η = 0.01, α = 0.99, ε = 1e-08)".
  public var description: String {
    describe(
      name,
      [
        part("η", learningRate), part("α", alpha),
        part(epsilonPlacement == .insideRoot ? "ε (inside √)" : "ε", epsilon),
        part("λ", weightDecay, if: weightDecay != 0), part("μ", momentum, if: momentum != 0),
        centered ? "centered" : nil,
        part("v⁰", initialSquareAverage, if: initialSquareAverage != 0),
      ])
  }
}

extension Lecture.Adam: CustomStringConvertible {
  /// E.g. "Lecture.Adam(η = 0.001, β = 0.9, α = 0.999)".
  public var description: String {
    describe(name, [part("η", learningRate), part("β", beta), part("α", alpha)])
  }
}

extension Adam: CustomStringConvertible {
  /// E.g. "Adam(η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-08)" or
  /// "AdamW(η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-08, λ = 0.01)".
  public var description: String {
    describe(
      name,
      [
        part("η", learningRate), part("β₁", beta1), part("β₂", beta2), part("ε", epsilon),
        part("ε_root", epsilonInsideRoot, if: epsilonInsideRoot != 0),
        part("λ", weightDecay, if: weightDecay != 0),
        biasCorrection ? nil : "no bias correction",
        amsgrad ? (amsgradVariant == .pytorch ? "amsgrad" : "amsgrad (Optax)") : nil,
      ])
  }
}
