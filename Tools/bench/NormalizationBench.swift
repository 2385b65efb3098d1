// Benchmark suite for Normalization: one training-mode batch-normalization
// forward + backward pass on a 1024 × 256 batch, side by side with numpy
// (Tools/bench/reference/normalization.py) run from this process on the same
// data. Prints times and ratios; never a timed test.

import Foundation
import Normalization
import TensorCore

/// Runs the Normalization benchmark suite.
func benchNormalization() throws {
  try benchBatchNormalization(Float.self, name: "float32")
  try benchBatchNormalization(Double.self, name: "float64")
}

private func benchBatchNormalization<Scalar: TensorScalar>(_: Scalar.Type, name: String) throws {
  let rows = 1024
  let columns = 256
  var generator = SeededGenerator(seed: 11)
  let input = Matrix<Scalar>.normal(
    rows: rows, columns: columns, mean: 3, standardDeviation: 2, using: &generator)
  let gradient = Matrix<Scalar>.normal(rows: rows, columns: columns, using: &generator)
  var layer = BatchNormalization<Scalar>(featureCount: columns)
  layer.parameters = (0..<(2 * columns)).map { _ in
    generator.normal(mean: 1, standardDeviation: 0.5)
  }
  let start = layer

  var output = layer.forward(input, mode: .training)  // warm up
  var inputGradient = layer.backward(gradient)
  var best = Double.infinity
  var total = 0.0
  var repeats = 0
  while total < 0.3 || repeats < 5 {
    var probe = start
    let took = seconds {
      output = probe.forward(input, mode: .training)
      inputGradient = probe.backward(gradient)
    }
    best = min(best, took)
    total += took
    repeats += 1
  }

  print(
    "batch normalization \(name), training forward + backward, \(rows)×\(columns) (best of \(repeats))"
  )
  print("  Descent: \(String(format: "%.3f", best * 1000)) ms")

  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/normalization.py")
  guard runPython(["-c", "import numpy"]) != nil else {
    print("  numpy:   skipped (python3 with numpy is not available)")
    return
  }
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("descent-bench-\(ProcessInfo.processInfo.processIdentifier)-bn-\(name)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  func write(_ values: [Scalar], _ file: String) throws {
    try values.withUnsafeBytes { Data($0) }.write(to: directory.appendingPathComponent(file))
  }
  func read(_ file: String) throws -> [Scalar] {
    try Data(contentsOf: directory.appendingPathComponent(file)).withUnsafeBytes {
      Array($0.bindMemory(to: Scalar.self))
    }
  }
  try write(input.storage, "input.bin")
  try write(gradient.storage, "gradient.bin")
  try write(start.scale, "gamma.bin")
  try write(start.shift, "beta.bin")
  let printed = runPython([
    script.path, "batchnorm", directory.path, name, String(rows), String(columns),
  ])
  guard
    let line = printed?.split(separator: "\n").first(where: { $0.hasPrefix("batchnorm ") }),
    let numpy = Double(line.split(separator: " ").last ?? "")
  else {
    print("  numpy:   skipped (the reference script failed)")
    return
  }
  print("  numpy:   \(String(format: "%.3f", numpy * 1000)) ms")
  print("  Descent/numpy time: \(String(format: "%.3f", best / numpy))× (target ≤ 1.0×)")
  func largestDifference(_ ours: [Scalar], _ theirs: [Scalar]) -> Scalar {
    zip(ours, theirs).reduce(Scalar(0)) { max($0, abs($1.0 - $1.1)) }
  }
  let numpyOutput = try read("numpy-output.bin")
  let numpyInputGradient = try read("numpy-input-gradient.bin")
  guard numpyOutput.count == rows * columns && numpyInputGradient.count == rows * columns else {
    print("  same computation: not checked (numpy wrote \(numpyOutput.count) values)")
    return
  }
  let outputDifference = largestDifference(output.storage, numpyOutput)
  let gradientDifference = largestDifference(inputGradient.storage, numpyInputGradient)
  print(
    "  same computation: max |y_Descent − y_numpy| = \(outputDifference), max |∂x_Descent − ∂x_numpy| = \(gradientDifference) over \(numpyOutput.count) values each"
  )
}
