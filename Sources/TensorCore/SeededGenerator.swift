/// A seeded pseudo-random generator that gives the same numbers on every
/// platform: xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 2021; reference C code at
/// <https://prng.di.unimi.it/xoshiro256starstar.c>), whose 256-bit state is
/// filled from the 64-bit seed by SplitMix64 (<https://prng.di.unimi.it/splitmix64.c>),
/// as its authors recommend.
///
/// Every random number a lesson prints comes from this generator; the
/// standard library's `SystemRandomNumberGenerator` is never used for them.
/// Draws of higher-level values (uniform and normal scalars, integers below a
/// bound, shuffles) are defined in `SeededGenerator+Distributions.swift` by
/// algorithms written out in this module, so they too are the same everywhere.
///
///     var generator = SeededGenerator(seed: 42)
///     generator.next()  // 1546998764402558742 (checked against a Python transcription)
///
/// Passing a `SeededGenerator` to the standard library's `random(in:using:)`
/// works (it is a `RandomNumberGenerator`), but those algorithms may change
/// between Swift versions; use this type's own methods for reproducible output.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
  /// The four 64-bit words s₀…s₃ of the xoshiro256** state.
  public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

  /// A normal draw computed as the second value of the last polar-method pair,
  /// returned by the next normal draw.
  var spareNormal: Double?

  /// Creates a generator whose state is the first four outputs of SplitMix64
  /// started at `seed`.
  ///
  /// - Parameter seed: Any 64-bit value; equal seeds give equal sequences.
  /// - Complexity: O(1).
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    spareNormal = nil
  }

  /// Returns the next 64 random bits and advances the state (xoshiro256**).
  ///
  /// - Complexity: O(1).
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// Two generators are equal when their next draws will be equal.
  public static func == (left: SeededGenerator, right: SeededGenerator) -> Bool {
    left.state == right.state && left.spareNormal == right.spareNormal
  }

  private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
  }
}
