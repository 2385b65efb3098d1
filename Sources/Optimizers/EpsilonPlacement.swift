/// Where an adaptive optimizer adds ε to its denominator — the difference between PyTorch's
/// and Optax's forms of Adagrad and RMSProp.
///
///     g / (√s + ε)     outsideRoot (PyTorch `eps`)
///     g / √(s + ε)     insideRoot  (Optax's `adagrad`, `rmsprop` with `eps_in_sqrt`)
///
/// Inside the root, ε = 10⁻⁸ bounds the denominator below by 10⁻⁴ rather than 10⁻⁸, so the
/// first steps on a tiny gradient are much smaller. (``Adam`` adds a value inside the root
/// and another outside, as Optax's `eps_root` and `eps`.)
public enum EpsilonPlacement: Sendable, Equatable {
  /// g / (√s + ε), as PyTorch.
  case outsideRoot
  /// g / √(s + ε), as Optax (a coordinate with s = 0 does not move).
  case insideRoot
}
