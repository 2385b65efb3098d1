import TensorCore
import Testing

@testable import Normalization

/// The weights are the definitions in the PyTorch and Keras documentation.
@Suite struct RunningStatisticsConventionTests {
  @Test func weightsAndVariance() {
    // PyTorch: momentum is the weight of the new batch.
    #expect(abs(RunningStatisticsConvention.pytorchDefault.newBatchWeight - 0.1) < 1e-15)
    #expect(RunningStatisticsConvention.pytorchDefault.usesUnbiasedVariance)
    // Keras: momentum is the weight of the old value, so the new batch gets 1 − 0.99.
    #expect(abs(RunningStatisticsConvention.kerasDefault.newBatchWeight - 0.01) < 1e-15)
    #expect(!RunningStatisticsConvention.kerasDefault.usesUnbiasedVariance)
  }
}
