extension Dataset {
  /// Splits the data set at random into a training and a validation part.
  ///
  /// The samples are put in the order of `generator.permutation(count:)`; the
  /// first `count − validationCount` go to training, the rest to validation,
  /// where `validationCount = round(validationFraction · count)`.
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     let (training, validation) = data.split(validationFraction: 0.2, generator: &generator)
  ///
  /// - Parameters:
  ///   - validationFraction: The fraction of samples for validation, in [0, 1].
  ///   - generator: The seeded generator that orders the samples.
  /// - Complexity: O(`count` · features).
  public func split(
    validationFraction: Double, generator: inout SeededGenerator
  ) -> (training: Dataset, validation: Dataset) {
    precondition(
      validationFraction >= 0 && validationFraction <= 1,
      "split: validationFraction \(validationFraction) is outside [0, 1]")
    let order = generator.permutation(count: count)
    let validationCount = Int((validationFraction * Double(count)).rounded())
    let trainingCount = count - validationCount
    return (samples(at: order[..<trainingCount]), samples(at: order[trainingCount...]))
  }

  /// Mini-batches for one epoch: the samples in a freshly shuffled order, cut
  /// into consecutive batches of `size` (the last one smaller unless `dropLast`).
  /// Call it once per epoch to re-shuffle before every epoch.
  ///
  ///     for epoch in 0..<10 {
  ///       for batch in training.batches(size: 32, generator: &generator) { … }
  ///     }
  ///
  /// - Parameters:
  ///   - size: The number of samples per batch.
  ///   - dropLast: Whether to drop a last batch smaller than `size`.
  ///   - generator: The seeded generator that shuffles the samples.
  /// - Complexity: O(`count` · features).
  public func batches(
    size: Int, dropLast: Bool = false, generator: inout SeededGenerator
  ) -> [Dataset] {
    batchIndices(size: size, dropLast: dropLast, generator: &generator).map { samples(at: $0) }
  }

  /// The sample indices of each mini-batch of ``batches(size:dropLast:generator:)``
  /// (the same draws from the generator, so both give the same batches).
  ///
  /// - Parameters:
  ///   - size: The number of samples per batch.
  ///   - dropLast: Whether to drop a last batch smaller than `size`.
  ///   - generator: The seeded generator that shuffles the samples.
  /// - Complexity: O(`count`).
  public func batchIndices(
    size: Int, dropLast: Bool = false, generator: inout SeededGenerator
  ) -> [ArraySlice<Int>] {
    precondition(size > 0, "batches: size \(size) must be positive")
    let order = generator.permutation(count: count)
    var result: [ArraySlice<Int>] = []
    var start = 0
    while start < count {
      let end = min(start + size, count)
      if dropLast && end - start < size { break }
      result.append(order[start..<end])
      start = end
    }
    return result
  }
}
