import TensorCore

/// A hyper-dual number `a + b·ε₁ + c·ε₂ + d·ε₁ε₂` with `ε₁² = ε₂² = 0` and
/// `ε₁ε₂ ≠ 0` (Fike & Alonso, "The development of hyper-dual numbers for exact
/// second-derivative calculations", AIAA 2011-886).
///
/// Evaluating a function at `x + eᵢ·ε₁ + eⱼ·ε₂` gives, exactly (no step size, no
/// truncation error, only the rounding of the arithmetic itself):
/// `f(x) + ∂ᵢf·ε₁ + ∂ⱼf·ε₂ + ∂ᵢ∂ⱼf·ε₁ε₂`. Every elementary function `g` is
/// extended by its Taylor series, which stops after the second order:
///
///     g(a + bε₁ + cε₂ + dε₁ε₂) = g(a) + g′(a)·b ε₁ + g′(a)·c ε₂ + (g′(a)·d + g″(a)·b·c) ε₁ε₂
///
///     let x = HyperDual<Double>(value: 3, first: 1, second: 1, mixed: 0)
///     let y = x * x * x          // value 27, first 27 (= 3x²), mixed 18 (= 6x)
///
/// ``secondOrderDerivatives(of:at:)`` seeds the parts for you. Comparisons and
/// `==` look at ``value`` only, so `max`, `abs` and ReLU-like branches pick the
/// branch the plain function would.
public struct HyperDual<Base: TensorScalar>: DifferentiableScalar, CustomStringConvertible {
  /// The real part a: the function's value.
  public var value: Base
  /// The ε₁ part b: the derivative along the first seed direction.
  public var first: Base
  /// The ε₂ part c: the derivative along the second seed direction.
  public var second: Base
  /// The ε₁ε₂ part d: the mixed second derivative along both seed directions.
  public var mixed: Base

  /// Creates a hyper-dual number from its four parts.
  ///
  /// - Parameters:
  ///   - value: The real part a.
  ///   - first: The ε₁ part b.
  ///   - second: The ε₂ part c.
  ///   - mixed: The ε₁ε₂ part d.
  public init(value: Base, first: Base = 0, second: Base = 0, mixed: Base = 0) {
    self.value = value
    self.first = first
    self.second = second
    self.mixed = mixed
  }

  /// A constant (all derivative parts zero).
  public init(_ value: Double) { self.init(value: Base(value)) }

  /// A constant from an integer literal.
  public init(integerLiteral value: Int) { self.init(value: Base(value)) }

  /// A constant from a floating-point literal.
  public init(floatLiteral value: Double) { self.init(value: Base(value)) }

  /// `a + bε₁ + cε₂ + dε₁ε₂`.
  public var description: String { "\(value) + \(first)ε₁ + \(second)ε₂ + \(mixed)ε₁ε₂" }

  /// Applies a scalar function g with derivatives `g′(a)`, `g″(a)` (the chain rule
  /// to second order).
  @inlinable
  func applying(value g: Base, derivative g1: Base, secondDerivative g2: Base) -> HyperDual {
    HyperDual(
      value: g, first: g1 * first, second: g1 * second, mixed: g1 * mixed + g2 * first * second)
  }

  /// Compares real parts.
  public static func < (left: HyperDual, right: HyperDual) -> Bool { left.value < right.value }
  /// Compares real parts (the derivative parts are ignored).
  public static func == (left: HyperDual, right: HyperDual) -> Bool { left.value == right.value }

  /// Part-wise sum.
  public static func + (left: HyperDual, right: HyperDual) -> HyperDual {
    HyperDual(
      value: left.value + right.value, first: left.first + right.first,
      second: left.second + right.second, mixed: left.mixed + right.mixed)
  }

  /// Part-wise difference.
  public static func - (left: HyperDual, right: HyperDual) -> HyperDual {
    HyperDual(
      value: left.value - right.value, first: left.first - right.first,
      second: left.second - right.second, mixed: left.mixed - right.mixed)
  }

  /// Product: `(a, b, c, d)(a′, b′, c′, d′) = (aa′, ab′ + ba′, ac′ + ca′, ad′ + da′ + bc′ + cb′)`.
  public static func * (left: HyperDual, right: HyperDual) -> HyperDual {
    HyperDual(
      value: left.value * right.value,
      first: left.value * right.first + left.first * right.value,
      second: left.value * right.second + left.second * right.value,
      mixed: left.value * right.mixed + left.mixed * right.value + left.first * right.second
        + left.second * right.first)
  }

  /// Quotient `x · (1/y)`, with `1/y` from g(a) = 1/a, g′ = −1/a², g″ = 2/a³.
  public static func / (left: HyperDual, right: HyperDual) -> HyperDual {
    let inverse = 1 / right.value
    return left
      * right.applying(
        value: inverse, derivative: -inverse * inverse,
        secondDerivative: 2 * inverse * inverse * inverse)
  }

  /// Negation of every part.
  public static prefix func - (operand: HyperDual) -> HyperDual {
    HyperDual(
      value: -operand.value, first: -operand.first, second: -operand.second,
      mixed: -operand.mixed)
  }

  /// eˣ: g = g′ = g″ = eᵃ.
  public static func exp(_ x: HyperDual) -> HyperDual {
    let e = Base.exp(x.value)
    return x.applying(value: e, derivative: e, secondDerivative: e)
  }

  /// ln x: g′ = 1/a, g″ = −1/a².
  public static func log(_ x: HyperDual) -> HyperDual {
    let inverse = 1 / x.value
    return x.applying(
      value: Base.log(x.value), derivative: inverse, secondDerivative: -inverse * inverse)
  }

  /// sin x: g′ = cos a, g″ = −sin a.
  public static func sin(_ x: HyperDual) -> HyperDual {
    let s = Base.sin(x.value)
    return x.applying(value: s, derivative: Base.cos(x.value), secondDerivative: -s)
  }

  /// cos x: g′ = −sin a, g″ = −cos a.
  public static func cos(_ x: HyperDual) -> HyperDual {
    let c = Base.cos(x.value)
    return x.applying(value: c, derivative: -Base.sin(x.value), secondDerivative: -c)
  }

  /// tanh x: with t = tanh a, g′ = 1 − t², g″ = −2t(1 − t²).
  public static func tanh(_ x: HyperDual) -> HyperDual {
    let t = Base.tanh(x.value)
    let d = 1 - t * t
    return x.applying(value: t, derivative: d, secondDerivative: -2 * t * d)
  }

  /// √x: g′ = 1/(2√a), g″ = −1/(4a√a).
  public static func sqrt(_ x: HyperDual) -> HyperDual {
    let r = x.value.squareRoot()
    return x.applying(value: r, derivative: 1 / (2 * r), secondDerivative: -1 / (4 * x.value * r))
  }

  /// xⁿ: g′ = n·aⁿ⁻¹, g″ = n(n − 1)·aⁿ⁻² (exact for a = 0 when n ≥ 2).
  public static func pow(_ x: HyperDual, _ n: Int) -> HyperDual {
    let power = Base.pow(x.value, n)
    let derivative = n == 0 ? 0 : Base(n) * Base.pow(x.value, n - 1)
    let secondDerivative = n == 0 || n == 1 ? 0 : Base(n * (n - 1)) * Base.pow(x.value, n - 2)
    return x.applying(value: power, derivative: derivative, secondDerivative: secondDerivative)
  }
}
