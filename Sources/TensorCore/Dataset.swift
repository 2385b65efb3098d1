/// A labelled data set: one input row per sample and its target (a class label
/// or a row of values).
///
///     var generator = SeededGenerator(seed: 0)
///     let digits = try Dataset<Float>.digits()                  // 1,797 × 64, labels 0–9
///     let (training, validation) = digits.split(validationFraction: 0.2, generator: &generator)
///     for batch in training.batches(size: 32, generator: &generator) { … }
public struct Dataset<Scalar: TensorScalar>: Sendable, Equatable {
  /// The inputs, one row per sample.
  public var inputs: Matrix<Scalar>
  /// The targets, one per sample.
  public var targets: Targets<Scalar>

  /// Creates a data set; `targets` must have one entry per input row.
  ///
  /// - Parameters:
  ///   - inputs: The inputs, one row per sample.
  ///   - targets: The targets, one per sample.
  public init(inputs: Matrix<Scalar>, targets: Targets<Scalar>) {
    precondition(
      inputs.rows == targets.count,
      "Dataset: \(inputs.rows)×\(inputs.columns) inputs but \(targets.count) targets")
    self.inputs = inputs
    self.targets = targets
  }

  /// The number of samples.
  public var count: Int { inputs.rows }

  /// The number of input features.
  public var featureCount: Int { inputs.columns }

  /// The class labels, or `nil` for regression targets.
  public var labels: [Int]? { targets.labels }

  /// The samples at `indices`, in that order.
  ///
  /// - Parameter indices: Sample indices (repeats allowed).
  /// - Complexity: O(`indices.count` · features).
  @_specialize(where Scalar == Float, Indices == ArraySlice<Int>)
  @_specialize(where Scalar == Double, Indices == ArraySlice<Int>)
  public func samples<Indices: Collection<Int>>(at indices: Indices) -> Dataset {
    Dataset(inputs: inputs.rows(at: indices), targets: targets.samples(at: indices))
  }

  /// The samples of class `label`, in their order — e.g. to draw each class in its own
  /// color.
  ///
  ///     let firstClass = moons.samples(withLabel: 0).inputs
  ///     plot.add("class 0", x: firstClass.column(0), y: firstClass.column(1))
  ///
  /// - Parameter label: A class index.
  /// - Returns: The samples whose label is `label` (none if no sample has it).
  /// - Complexity: O(`count` · features).
  public func samples(withLabel label: Int) -> Dataset {
    guard let labels else {
      preconditionFailure(
        "Dataset.samples(withLabel:): the data set has regression targets, not class labels")
    }
    return samples(at: labels.indices.filter { labels[$0] == label })
  }
}
