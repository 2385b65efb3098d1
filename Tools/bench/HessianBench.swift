// Benchmark suite for Hessian: dense symmetric eigen-decomposition at n = 100,
// 500, 1000 side by side with numpy.linalg.eigh (Tools/bench/reference/hessian.py)
// run from this process on the same matrices (before and after Descent, so a
// burst of load on the shared machine hurts neither side alone); the cost of an exact
// Hessian-vector product relative to a gradient on an MLP with about 10⁴
// parameters; and the time to its largest Hessian eigenvalue by Lanczos.
// Prints figures and ratios; never a timed test.

import Foundation
import Hessian
import TensorCore

/// Runs the Hessian benchmark suite.
func benchHessian() throws {
  try benchEigendecomposition()
  try benchNetworkCurvature()
}

/// The fastest of repeated runs of `body`: at least `minimumRepeats`, and until
/// `minimumSeconds` have passed.
private func best(
  minimumRepeats: Int = 3, minimumSeconds: Double = 0.5, _ body: () throws -> Void
) rethrows -> (seconds: Double, repeats: Int) {
  try body()  // warm up
  var fastest = Double.infinity
  var total = 0.0
  var repeats = 0
  while total < minimumSeconds || repeats < minimumRepeats {
    let took = try seconds(body)
    fastest = min(fastest, took)
    total += took
    repeats += 1
  }
  return (fastest, repeats)
}

private func format(_ value: Double, _ digits: Int = 2) -> String {
  String(format: "%.\(digits)f", value)
}

private func benchEigendecomposition() throws {
  let sizes = [100, 500, 1000]
  var generator = SeededGenerator(seed: 21)
  let matrices = sizes.map { n -> Matrix<Double> in
    let b = Matrix<Double>.normal(rows: n, columns: n, using: &generator)
    return (b + b.transposed()) / 2
  }

  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("descent-bench-\(ProcessInfo.processInfo.processIdentifier)-hessian")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/hessian.py")
  let skipped: String? =
    runPython(["-c", "import numpy"]) == nil ? "python3 with numpy is not available" : nil

  /// numpy's best time for size n and its eigenvalues, or nil.
  func numpyRun(_ n: Int) -> (seconds: Double, eigenvalues: [Double])? {
    guard skipped == nil,
      let printed = runPython([script.path, "eigh", directory.path, String(n)]),
      let line = printed.split(separator: "\n").first(where: { $0.hasPrefix("eigh ") }),
      let time = Double(line.split(separator: " ").last ?? ""),
      let data = try? Data(
        contentsOf: directory.appendingPathComponent("numpy-eigenvalues-\(n).bin"))
    else { return nil }
    return (time, data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) })
  }

  print(
    "symmetric eigen-decomposition, float64, values and vectors (LAPACK dsyevd; best of repeats;"
      + " numpy runs before and after Descent, its better run counts)")
  let threads = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"]
  print(
    "  OPENBLAS_NUM_THREADS = \(threads ?? "unset (all cores)") for both sides; on a busy shared"
      + " machine set it to 1, or spinning BLAS threads make both timings erratic")
  print("     n   Descent ms    numpy ms   Descent/numpy   max |λ_Descent − λ_numpy|")
  for (n, matrix) in zip(sizes, matrices) {
    try matrix.storage.withUnsafeBytes { Data($0) }
      .write(to: directory.appendingPathComponent("matrix-\(n).bin"))
    let before = numpyRun(n)
    var eigenvalues: [Double] = []
    let ours = try best { eigenvalues = try SymmetricEigendecomposition(matrix).eigenvalues }
    let after = numpyRun(n)
    let numpy = [before, after].compactMap { $0 }.min { $0.seconds < $1.seconds }
    var line = String(repeating: " ", count: max(0, 6 - "\(n)".count)) + "\(n)"
    line += "   " + format(ours.seconds * 1000).leftPadded(10)
    if let (theirs, reference) = numpy {
      line += "  " + format(theirs * 1000).leftPadded(10)
      line += "   " + (format(ours.seconds / theirs) + "×").leftPadded(13)
      if reference.count == n {
        let difference = zip(eigenvalues, reference).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
        line += "   " + String(format: "%.1e", difference)
      }
    } else {
      line += "  (numpy skipped: \(skipped ?? "no result"))"
    }
    print(line)
  }
  print("  target: Descent/numpy ≤ 1.2×")
}

private func benchNetworkCurvature() throws {
  let sizes = [64, 100, 32, 10]
  var generator = SeededGenerator(seed: 22)
  let network = Sequential<Double>.multilayerPerceptron(
    layerSizes: sizes, activation: .tanh, loss: .softmaxCrossEntropy, generator: &generator)
  let batch = 256
  let inputs = Matrix<Double>.normal(rows: batch, columns: sizes[0], using: &generator)
  let targets = Targets<Double>.classes((0..<batch).map { _ in generator.integer(below: 10) })
  let n = network.parameterCount
  let direction: [Double] = (0..<n).map { _ in generator.normal() }

  // The four measurements take turns, round after round, and each keeps its
  // fastest round, so a burst of load on the shared machine hits all of them.
  var probe = network
  let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
  var gradient = Double.infinity
  var setup = Double.infinity
  var fresh = Double.infinity
  var cached = Double.infinity
  for _ in 0..<40 {
    gradient = min(
      gradient, seconds { _ = probe.lossAndGradient(inputs: inputs, targets: targets) })
    setup = min(
      setup,
      try seconds { _ = try NetworkCurvature(network: network, inputs: inputs, targets: targets) })
    fresh = min(
      fresh,
      try seconds {
        _ = try network.hessianVectorProduct(inputs: inputs, targets: targets, direction: direction)
      })
    cached = min(cached, seconds { _ = curvature.hessianVectorProduct(direction) })
  }

  print(
    "Hessian-vector product, MLP \(sizes.map(String.init).joined(separator: "-")) tanh, "
      + "softmax cross-entropy, \(n) parameters, batch \(batch), float64 (best of 40 interleaved rounds)"
  )
  print("  gradient (TensorCore lossAndGradient):        \(format(gradient * 1000, 3)) ms")
  print(
    "  HVP from scratch (forward, backward, R-passes): \(format(fresh * 1000, 3)) ms   "
      + "HVP/gradient = \(format(fresh / gradient))× (target ≤ 4×)")
  print(
    "  HVP with cached passes (each further product):  \(format(cached * 1000, 3)) ms   "
      + "HVP/gradient = \(format(cached / gradient))×")
  print("  (caching the passes costs \(format(setup * 1000, 3)) ms once)")

  for iterations in [20, 40] {
    var top = 0.0
    var residual = 0.0
    let lanczosTime = try best(minimumRepeats: 3, minimumSeconds: 0) {
      var start = SeededGenerator(seed: 23)
      let curvature = try NetworkCurvature(network: network, inputs: inputs, targets: targets)
      let result = try lanczos(
        dimension: n, iterations: iterations, generator: &start,
        multiply: curvature.hessianVectorProduct)
      top = result.largest
      residual = result.residualBounds.last ?? .nan
    }
    print(
      "  largest Hessian eigenvalue by Lanczos, \(iterations) products: λ_max ≈ \(String(format: "%.6g", top)) "
        + "(residual bound \(String(format: "%.1e", residual))) in \(format(lanczosTime.seconds * 1000, 1)) ms "
        + "(target < 1000 ms)")
  }
}

extension String {
  /// The string right-aligned in `width` columns.
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
