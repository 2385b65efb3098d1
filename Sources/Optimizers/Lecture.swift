import TensorCore

/// The update rules as the lecture's slides write them — gradient descent, momentum as a
/// running sum and as a moving average, Adagrad, RMSProp and Adam — beside the framework
/// forms of PyTorch and Optax (``StochasticGradientDescent``, ``Optimizers/Adagrad``,
/// ``Optimizers/RMSProp``, ``Optimizers/Adam``), which differ in their ε, their starting
/// state and their options.
///
/// The lecture forms are nested here so that the two forms of one rule read apart at the
/// call site:
///
///     var lecture = try Lecture.Adam<Double>(learningRate: 0.1)   // no ε, no bias correction
///     var framework = try Adam<Double>(learningRate: 0.1)         // PyTorch's torch.optim.Adam
///
/// Each type's documentation gives its update rule as the lecture writes it and how it
/// differs from the framework form.
public enum Lecture {}
