import TensorCore

/// A NaN or infinity found in a gradient or in the parameters, with the step and the first
/// offending index, so a lesson can report divergence honestly instead of printing NaN.
///
///     var optimizer = try Lecture.GradientDescent<Double>(learningRate: 10)
///     var x: [Double] = [1]
///     do {
///       for _ in 0..<1000 { try optimizer.checkedStep(&x, gradient: [4 * x[0] * x[0] * x[0]]) }
///     } catch { print(error) }
///     // gradient is non-finite at step 6: index 0 is -inf
public struct NonFiniteValueError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Which vector held the value.
  public enum Quantity: String, Sendable {
    /// The gradient passed to the step (checked before the step).
    case gradient
    /// The parameters after the step.
    case parameters
  }

  /// Which vector held the value.
  public var quantity: Quantity
  /// The 1-based number of the step: the step about to be taken (gradient) or just taken
  /// (parameters).
  public var step: Int
  /// The first index whose value is not finite.
  public var index: Int
  /// The offending value (`nan`, `inf` or `-inf`).
  public var value: Double

  /// Creates the error.
  ///
  /// - Parameters:
  ///   - quantity: The vector that held the value.
  ///   - step: The 1-based step number.
  ///   - index: The first offending index.
  ///   - value: The offending value.
  public init(quantity: Quantity, step: Int, index: Int, value: Double) {
    self.quantity = quantity
    self.step = step
    self.index = index
    self.value = value
  }

  /// E.g. "gradient is non-finite at step 4: index 17 is nan".
  public var description: String {
    switch quantity {
    case .gradient:
      "gradient is non-finite at step \(step): index \(index) is \(value)"
    case .parameters:
      "parameters became non-finite after step \(step): index \(index) is \(value)"
    }
  }
}

/// The index of the first NaN or infinity in `values`, or `nil` if all are finite.
///
///     firstNonFiniteIndex([1.0, .nan, .infinity])   // 1
///
/// - Parameter values: The vector to scan.
/// - Complexity: O(`values.count`).
@inlinable
public func firstNonFiniteIndex<Scalar: BinaryFloatingPoint>(_ values: [Scalar]) -> Int? {
  values.firstIndex { !$0.isFinite }
}

extension Optimizer {
  /// Takes one step like ``step(_:gradient:learningRate:)-(_,_,Self.Scalar)``, but first
  /// checks that the gradient is finite and afterwards that the parameters are, and throws a
  /// ``NonFiniteValueError`` naming the step and the first offending index otherwise.
  ///
  /// A non-finite gradient is rejected before the step (the parameters and state stay
  /// unchanged); non-finite parameters are reported after the step that produced them.
  ///
  /// - Parameters:
  ///   - parameters: The flat parameter vector θ, updated in place.
  ///   - gradient: The gradient g at θ.
  ///   - learningRate: The step size η; `nil` uses the stored ``learningRate``.
  public mutating func checkedStep(
    _ parameters: inout [Scalar], gradient: [Scalar], learningRate: Scalar? = nil
  ) throws {
    if let index = firstNonFiniteIndex(gradient) {
      throw NonFiniteValueError(
        quantity: .gradient, step: stepCount + 1, index: index, value: Double(gradient[index]))
    }
    step(&parameters, gradient: gradient, learningRate: learningRate ?? self.learningRate)
    if let index = firstNonFiniteIndex(parameters) {
      throw NonFiniteValueError(
        quantity: .parameters, step: stepCount, index: index, value: Double(parameters[index]))
    }
  }
}
