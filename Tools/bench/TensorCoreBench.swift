// Benchmark suite for TensorCore: matrix-product GFLOP/s at 64, 256 and 1024, and
// one epoch of the digits MLP 64-128-10 (batch 32, plain SGD), each side by side
// with numpy (Tools/bench/reference/tensorcore.py) run from this process.
// Prints figures and ratios; never a timed test.

import Foundation
import Optimizers
import TensorCore
import Training

/// Runs the TensorCore benchmark suite.
func benchTensorCore() throws {
  let reference = TensorCoreReference()
  if let problem = reference.problem { print("numpy reference skipped: \(problem)") }
  benchMatrixProduct(Float.self, name: "float32", reference: reference)
  benchMatrixProduct(Double.self, name: "float64", reference: reference)
  try benchDigitsEpoch(Float.self, name: "float32", reference: reference)
  try benchDigitsEpoch(Double.self, name: "float64", reference: reference)
}

/// Locates and runs the numpy reference script.
private struct TensorCoreReference {
  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/tensorcore.py")
  /// Why the reference cannot run, or `nil` if it can.
  let problem: String?

  init() {
    let check = Self.run(["-c", "import numpy"])
    problem = check == nil ? "python3 with numpy is not available" : nil
  }

  /// Runs `python3 arguments…`; returns its standard output, or `nil` on failure.
  static func run(_ arguments: [String]) -> String? { runPython(arguments) }

  /// Runs the script with `arguments`; returns the value after `key` on each matching line.
  func values(_ arguments: [String], key: String) -> [String: Double] {
    guard problem == nil, let output = Self.run([script.path] + arguments) else { return [:] }
    var result: [String: Double] = [:]
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: " ").map(String.init)
      guard fields.first == key, let value = fields.last.flatMap(Double.init) else { continue }
      result[fields.dropFirst().dropLast().joined(separator: " ")] = value
    }
    return result
  }
}

/// Formats `value` with `digits` decimals.
private func format(_ value: Double, _ digits: Int = 2) -> String {
  String(format: "%.\(digits)f", value)
}

private func benchMatrixProduct<Scalar: TensorScalar>(
  _: Scalar.Type, name: String, reference: TensorCoreReference
) {
  let sizes = [64, 256, 1024]
  let numpy = reference.values(["gemm"] + sizes.map(String.init) + [name], key: "gemm")
  print("matrix product \(name) (n×n · n×n, 2n³ flops; best of repeated runs)")
  print("     n   Descent GFLOP/s   numpy GFLOP/s   Descent/numpy")
  var generator = SeededGenerator(seed: 0)
  for n in sizes {
    let a = Matrix<Scalar>.normal(rows: n, columns: n, using: &generator)
    let b = Matrix<Scalar>.normal(rows: n, columns: n, using: &generator)
    var c = Matrix<Scalar>(rows: n, columns: n)
    matmul(a, b, beta: 0, into: &c)  // warm up
    var best = Double.infinity
    var total = 0.0
    var repeats = 0
    while total < 0.3 || repeats < 3 {
      let took = seconds { matmul(a, b, beta: 0, into: &c) }
      best = min(best, took)
      total += took
      repeats += 1
    }
    let ours = 2 * pow(Double(n), 3) / best / 1e9
    let theirs = numpy[String(n)]
    print(
      String(repeating: " ", count: 6 - String(n).count) + "\(n)"
        + "   \(format(ours).padded(15))   \(theirs.map { format($0) }?.padded(13) ?? "      skipped")"
        + "   \(theirs.map { format(ours / $0) + "×" }?.padded(13) ?? "")")
  }
}

private func benchDigitsEpoch<Scalar: TensorScalar>(
  _: Scalar.Type, name: String, reference: TensorCoreReference
) throws {
  let repeats = 5
  let batchSize = 32
  let learningRate: Scalar = 0.05
  var generator = SeededGenerator(seed: 7)
  let digits = try Dataset<Scalar>.digits()
  let (training, _) = digits.split(validationFraction: 0.2, generator: &generator)
  let initial = Sequential<Scalar>(
    [
      Dense(inputCount: 64, outputCount: 128, generator: &generator), Activation(.relu),
      Dense(inputCount: 128, outputCount: 10, generator: &generator),
    ], loss: .softmaxCrossEntropy)
  // train() draws its batch order with generator.permutation(count:); a copy of
  // the generator gives the same order to hand to numpy.
  var probe = generator
  let order = probe.permutation(count: training.count)

  var best = Double.infinity
  var trained = initial
  for _ in 0..<repeats {
    var network = initial
    var epochGenerator = generator
    var descent = try Lecture.GradientDescent<Scalar>(learningRate: learningRate)
    let history = train(
      &network, on: training, epochs: 1, batchSize: batchSize, optimizer: &descent,
      generator: &epochGenerator)
    best = min(best, history.last.seconds)
    trained = network
  }

  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("descent-bench-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  func write<T>(_ values: [T], _ file: String) throws {
    try values.withUnsafeBytes { Data($0) }.write(to: directory.appendingPathComponent(file))
  }
  try write(training.inputs.storage, "inputs.bin")
  try write(training.labels!.map(Int64.init), "labels.bin")
  try write(order.map(Int64.init), "order.bin")
  try write(initial.parameters, "parameters.bin")
  let meta = """
    {"samples": \(training.count), "features": 64, "sizes": [64, 128, 10], \
    "batchSize": \(batchSize), "learningRate": \(learningRate)}
    """
  try meta.write(
    to: directory.appendingPathComponent("meta.json"), atomically: true, encoding: .utf8)
  let numpy = reference.values(["epoch", directory.path, name, String(repeats)], key: "epoch")[""]

  let steps = (training.count + batchSize - 1) / batchSize
  print(
    "digits MLP 64-128-10 \(name), one epoch (\(training.count) samples, \(steps) batches of \(batchSize), plain SGD; best of \(repeats))"
  )
  print("  Descent: \(format(best * 1000, 3)) ms")
  guard let numpy else {
    print("  numpy:   skipped")
    return
  }
  print("  numpy:   \(format(numpy * 1000, 3)) ms")
  print("  Descent/numpy time: \(format(best / numpy, 3))× (target ≤ 1.0×)")
  let numpyParameters = try Data(
    contentsOf: directory.appendingPathComponent("numpy-parameters.bin")
  ).withUnsafeBytes { Array($0.bindMemory(to: Scalar.self)) }
  let difference = zip(trained.parameters, numpyParameters).reduce(Scalar(0)) {
    max($0, abs($1.0 - $1.1))
  }
  print(
    "  same computation: max |θ_Descent − θ_numpy| after the epoch = \(difference) over \(numpyParameters.count) parameters"
  )
}

extension String {
  /// The string right-aligned in `width` characters.
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
