import Foundation

/// Why a bundled data set could not be loaded.
public struct DatasetLoadingError: Error, CustomStringConvertible {
  /// What went wrong, where, and how to fix it.
  public var description: String
}

extension Dataset {
  /// The UCI optical recognition of handwritten digits data set (E. Alpaydin
  /// and C. Kaynak, 1998; CC BY 4.0 — see `Resources/digits-ATTRIBUTION.md`):
  /// 1,797 images of 8×8 pixels, labels 0–9, in scikit-learn's order.
  ///
  /// Inputs are the 64 pixels in row-major order, divided by 16 so they lie in
  /// [0, 1] (pass `scaled: false` for the raw counts 0–16).
  ///
  ///     let digits = try Dataset<Float>.digits()
  ///     digits.count         // 1797
  ///     digits.featureCount  // 64
  ///
  /// - Parameter scaled: Whether to divide the pixel counts by 16.
  /// - Throws: ``DatasetLoadingError`` if the bundled resource is missing or malformed.
  /// - Complexity: O(1,797 · 64).
  public static func digits(scaled: Bool = true) throws -> Dataset {
    guard
      let url = Bundle.module.url(
        forResource: "digits", withExtension: "bin", subdirectory: "Resources")
    else {
      throw DatasetLoadingError(
        description:
          "digits.bin is missing from TensorCore's resource bundle; rebuild the package, or regenerate it with Tools/bench/reference/tensorcore_digits_export.py"
      )
    }
    let bytes = [UInt8](try Data(contentsOf: url))
    let recordSize = 65
    let sampleCount = 1797
    guard bytes.count == sampleCount * recordSize else {
      throw DatasetLoadingError(
        description:
          "\(url.path) has \(bytes.count) bytes, expected \(sampleCount * recordSize) (1,797 records of 65 bytes); regenerate it with Tools/bench/reference/tensorcore_digits_export.py"
      )
    }
    var inputs = Matrix<Scalar>(rows: sampleCount, columns: 64)
    var labels = [Int](repeating: 0, count: sampleCount)
    let scale: Scalar = scaled ? 1 / 16 : 1
    for sample in 0..<sampleCount {
      let record = sample * recordSize
      labels[sample] = Int(bytes[record])
      for pixel in 0..<64 {
        inputs.storage[sample * 64 + pixel] = Scalar(bytes[record + 1 + pixel]) * scale
      }
    }
    guard labels.allSatisfy({ $0 < 10 }),
      bytes.enumerated().allSatisfy({ $0.offset % 65 == 0 || $0.element <= 16 })
    else {
      throw DatasetLoadingError(
        description: "\(url.path) holds a label above 9 or a pixel above 16; regenerate it")
    }
    return Dataset(inputs: inputs, targets: .classes(labels))
  }
}
