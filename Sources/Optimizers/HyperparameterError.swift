import TensorCore

/// A hyperparameter outside its allowed range, thrown by an optimizer's initializer.
///
/// The message names the optimizer, the hyperparameter, the allowed range and the value:
///
///     do { _ = try Adam<Double>(beta1: 1.2) } catch { print(error) }
///     // Adam: beta1 must be in [0, 1), got 1.2
public struct HyperparameterError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The optimizer (or schedule) whose initializer rejected the value, e.g. `"Adam"`.
  public var owner: String
  /// The hyperparameter's name as spelled in the initializer, e.g. `"beta1"`.
  public var name: String
  /// The rejected value, printed in its own precision.
  public var value: String
  /// The allowed range in interval notation, e.g. `"[0, 1)"`.
  public var allowedRange: String

  /// Creates an error for `name` = `value` outside `allowedRange`.
  ///
  /// - Parameters:
  ///   - owner: The optimizer or schedule, e.g. `"Adam"`.
  ///   - name: The hyperparameter, e.g. `"beta1"`.
  ///   - value: The rejected value as text.
  ///   - allowedRange: The allowed range, e.g. `"[0, 1)"`.
  public init(owner: String, name: String, value: String, allowedRange: String) {
    self.owner = owner
    self.name = name
    self.value = value
    self.allowedRange = allowedRange
  }

  /// "`owner`: `name` must be in `allowedRange`, got `value`".
  public var description: String {
    "\(owner): \(name) must be in \(allowedRange), got \(value)"
  }
}

/// The ranges hyperparameters are checked against.
enum AllowedRange {
  /// [0, ∞): learning rates, ε, weight decay.
  case nonNegative
  /// [0, 1): decay rates β, α.
  case unitIntervalExcludingOne
  /// [0, 1]: PyTorch's momentum and dampening (1 gives the running sum).
  case unitInterval
  /// (0, 1]: decay factors of schedules.
  case positiveUpToOne
  /// (0, ∞): lengths of periods, scales.
  case positive

  var text: String {
    switch self {
    case .nonNegative: "[0, ∞)"
    case .unitIntervalExcludingOne: "[0, 1)"
    case .unitInterval: "[0, 1]"
    case .positiveUpToOne: "(0, 1]"
    case .positive: "(0, ∞)"
    }
  }

  func contains(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    switch self {
    case .nonNegative: return value >= 0
    case .unitIntervalExcludingOne: return value >= 0 && value < 1
    case .unitInterval: return value >= 0 && value <= 1
    case .positiveUpToOne: return value > 0 && value <= 1
    case .positive: return value > 0
    }
  }
}

/// The range checks of one initializer's hyperparameters, each throwing a
/// ``HyperparameterError`` that names `owner`:
///
///     let check = HyperparameterCheck(owner: "Adam")
///     try check.learningRate(learningRate)
///     try check(beta1, "beta1", in: .unitIntervalExcludingOne)
struct HyperparameterCheck {
  /// The optimizer or schedule the values belong to, e.g. `"Adam"`.
  var owner: String

  /// Throws unless `value` lies in `range`.
  func callAsFunction<Value: BinaryFloatingPoint>(
    _ value: Value, _ name: String, in range: AllowedRange
  ) throws {
    guard range.contains(Double(value)) else {
      throw HyperparameterError(
        owner: owner, name: name, value: "\(value)", allowedRange: range.text)
    }
  }

  /// Throws unless the learning rate η is finite and at least 0.
  func learningRate<Value: BinaryFloatingPoint>(_ value: Value) throws {
    try self(value, "learningRate", in: .nonNegative)
  }

  /// Throws unless the integer `value` (a length or a count) is positive.
  func positive(_ value: Int, _ name: String) throws {
    guard value > 0 else {
      throw HyperparameterError(
        owner: owner, name: name, value: String(value), allowedRange: "1, 2, 3, …")
    }
  }
}
