import TensorCore

/// The arithmetic a smooth scalar function of a few variables is written in,
/// so that one generic function runs on plain numbers (`Double`, `Float`) and on
/// ``HyperDual`` numbers, which carry exact first and second derivatives along.
///
///     // The lecture's one-example network y = w₁·w₂·x with x = 1, ŷ = 1:
///     func loss<T: DifferentiableScalar>(_ w: [T]) -> T { (1 - w[0] * w[1]).squared }
///     loss([0.5, 0.5])                         // 0.5625   (a Double)
///     hessian(of: loss, at: [0.0, 0.0])        // [[0, -2], [-2, 0]]   (exact)
///
/// Conforming types provide + − × ÷, negation, literals, comparison, and the
/// elementary functions below as static functions (as swift-numerics' `Real`
/// does, so `Double` and `Float` conform with no extra code).
public protocol DifferentiableScalar: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  Comparable, Sendable
{
  /// A constant from a `Double` (rounded for `Float`).
  init(_ value: Double)
  /// The sum.
  static func + (left: Self, right: Self) -> Self
  /// The difference.
  static func - (left: Self, right: Self) -> Self
  /// The product.
  static func * (left: Self, right: Self) -> Self
  /// The quotient.
  static func / (left: Self, right: Self) -> Self
  /// The negation.
  static prefix func - (operand: Self) -> Self
  /// eˣ.
  static func exp(_ x: Self) -> Self
  /// The natural logarithm ln x (x > 0).
  static func log(_ x: Self) -> Self
  /// sin x (radians).
  static func sin(_ x: Self) -> Self
  /// cos x (radians).
  static func cos(_ x: Self) -> Self
  /// tanh x.
  static func tanh(_ x: Self) -> Self
  /// √x (x ≥ 0; its derivatives are infinite at 0).
  static func sqrt(_ x: Self) -> Self
  /// xⁿ for an integer n (any sign; x ≠ 0 when n < 0).
  static func pow(_ x: Self, _ n: Int) -> Self
}

extension DifferentiableScalar {
  /// `self · self`.
  public var squared: Self { self * self }

  /// Adds in place.
  public static func += (left: inout Self, right: Self) { left = left + right }
  /// Subtracts in place.
  public static func -= (left: inout Self, right: Self) { left = left - right }
  /// Multiplies in place.
  public static func *= (left: inout Self, right: Self) { left = left * right }
  /// Divides in place.
  public static func /= (left: inout Self, right: Self) { left = left / right }
}

extension Double: DifferentiableScalar {}
extension Float: DifferentiableScalar {}
