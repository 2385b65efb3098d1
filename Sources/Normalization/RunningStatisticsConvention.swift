/// How batch normalization keeps its running (moving) mean and variance — the
/// convention that differs between frameworks.
///
/// Both are exponential moving averages, `running ← (1 − w)·running + w·batch`,
/// started at mean 0 and variance 1; they differ in what `momentum` means and in
/// which batch variance is averaged:
///
/// | convention | weight `w` of the new batch | batch variance averaged | default |
/// | --- | --- | --- | --- |
/// | `.pytorch(momentum: m)` | `m` | unbiased, `Σ(x − μ)²/(N − 1)` | `m = 0.1` |
/// | `.keras(momentum: m)` | `1 − m` | biased, `Σ(x − μ)²/N` | `m = 0.99` |
///
/// (PyTorch `torch.nn.BatchNorm1d`; Keras `keras.layers.BatchNormalization`,
/// whose `moving_variance` averages the biased variance of `ops.moments`.)
/// Normalizing a batch in training mode always uses its biased variance.
///
///     RunningStatisticsConvention.pytorch(momentum: 0.1).newBatchWeight  // 0.1
///     RunningStatisticsConvention.keras(momentum: 0.99).newBatchWeight   // ≈ 0.01
public enum RunningStatisticsConvention: Sendable, Equatable {
  /// PyTorch: `momentum` is the weight of the *new* batch (default 0.1); the
  /// running variance averages the unbiased batch variance.
  case pytorch(momentum: Double)
  /// Keras: `momentum` is the weight of the *old* running value (default 0.99);
  /// the moving variance averages the biased batch variance.
  case keras(momentum: Double)

  /// PyTorch's default, `.pytorch(momentum: 0.1)`.
  public static let pytorchDefault = RunningStatisticsConvention.pytorch(momentum: 0.1)
  /// Keras's default, `.keras(momentum: 0.99)`.
  public static let kerasDefault = RunningStatisticsConvention.keras(momentum: 0.99)

  /// The weight `w` of the new batch's statistic in `running ← (1 − w)·running + w·batch`.
  public var newBatchWeight: Double {
    switch self {
    case .pytorch(let momentum): return momentum
    case .keras(let momentum): return 1 - momentum
    }
  }

  /// Whether the running variance averages the unbiased (`N − 1`) batch variance.
  public var usesUnbiasedVariance: Bool {
    switch self {
    case .pytorch: return true
    case .keras: return false
    }
  }

  /// The momentum as the framework writes it.
  var momentum: Double {
    switch self {
    case .pytorch(let momentum), .keras(let momentum): return momentum
    }
  }
}
