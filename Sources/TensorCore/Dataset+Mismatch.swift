extension Dataset {
  /// A training set and a test set whose input distributions differ
  /// (*mismatch*): the same two-class rule, Gaussian blobs around (−1, 0) and
  /// (1, 0) with standard deviation 0.5, but the test blobs are moved by
  /// `shift` and their classes' positions along the first axis swapped
  /// (class 0 around (1, 0) + shift, class 1 around (−1, 0) + shift), as when
  /// the world changes between collecting training data and deployment. A model
  /// that fits the training set well fails on the test set, and more training
  /// data does not help.
  ///
  ///     var generator = SeededGenerator(seed: 0)
  ///     let (training, test) = Dataset<Double>.shiftedPair(
  ///       trainingCountPerClass: 100, testCountPerClass: 100, shift: [0, 2],
  ///       generator: &generator)
  ///
  /// - Parameters:
  ///   - trainingCountPerClass: Training samples per class.
  ///   - testCountPerClass: Test samples per class.
  ///   - shift: The translation (two values) applied to the test inputs.
  ///   - swapsClasses: Whether the test classes swap sides (default `true`);
  ///     with `false` only the inputs move (covariate shift).
  ///   - generator: The seeded generator (training set first).
  /// - Complexity: O(total samples).
  public static func shiftedPair(
    trainingCountPerClass: Int, testCountPerClass: Int, shift: [Scalar] = [0, 2],
    swapsClasses: Bool = true, generator: inout SeededGenerator
  ) -> (training: Dataset, test: Dataset) {
    precondition(shift.count == 2, "shiftedPair: shift has \(shift.count) values, needs 2")
    let training = gaussianBlobs(
      countPerClass: trainingCountPerClass, centers: [[-1, 0], [1, 0]], standardDeviation: 0.5,
      generator: &generator)
    let side: Scalar = swapsClasses ? -1 : 1
    let test = gaussianBlobs(
      countPerClass: testCountPerClass,
      centers: [[-side + shift[0], shift[1]], [side + shift[0], shift[1]]],
      standardDeviation: 0.5, generator: &generator)
    return (training, test)
  }
}
