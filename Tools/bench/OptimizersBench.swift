// Benchmark suite for Optimizers: one Adam step over 10⁷ Float parameters — time and
// effective bandwidth (7 × 4 bytes per parameter: read θ, g, m, v; write θ, m, v) — beside
// a memory-copy bandwidth measured in the same run and a numpy Adam step
// (Tools/bench/reference/optimizers.py) run from this process. Prints figures and ratios;
// never a timed test.

import Foundation
import Optimizers
import TensorCore

/// Runs the Optimizers benchmark suite.
func benchOptimizers() throws {
  let count = 10_000_000
  let repeats = 10
  print(
    "Adam step over \(count) Float parameters (best of \(repeats) steps; "
      + "steps ≥ 2¹⁸ parameters run in 16 slices over the cores; numpy is single-threaded)")

  // The data the numpy script builds too: θᵢ = (i mod 7) − 3, gᵢ = ((i mod 1000) − 500)/1000.
  var parameters = (0..<count).map { Float($0 % 7 - 3) }
  let gradient = (0..<count).map { Float($0 % 1000 - 500) / 1000 }
  var optimizer = try Adam<Float>(learningRate: 1e-3)
  var adamBest = Double.infinity
  for _ in 0..<repeats {
    adamBest = min(adamBest, optimizerSeconds { optimizer.step(&parameters, gradient: gradient) })
  }
  let checksum = parameters.reduce(0.0) { $0 + Double($1) }

  // Memory copy of the same 40 MB (reads 4 and writes 4 bytes per element): on one thread,
  // and split into 16 slices over the cores the way Adam splits large steps.
  let source = gradient
  var target = [Float](repeating: 0, count: count)
  var copyBest = Double.infinity
  var parallelCopyBest = Double.infinity
  for _ in 0..<repeats {
    copyBest = min(copyBest, optimizerSeconds { copy(source, into: &target, slices: 1) })
    parallelCopyBest = min(
      parallelCopyBest, optimizerSeconds { copy(source, into: &target, slices: 16) })
  }
  let adamBytes = 7.0 * 4 * Double(count)
  let copyBandwidth = 8.0 * Double(count) / min(copyBest, parallelCopyBest)
  let adamBandwidth = adamBytes / adamBest
  let bound = adamBytes / copyBandwidth

  print(
    "  Descent Adam step:   \(optimizerFormat(adamBest * 1000)) ms, \(optimizerFormat(adamBandwidth / 1e9)) GB/s effective"
  )
  print(
    "  memory copy:         \(optimizerFormat(8.0 * Double(count) / copyBest / 1e9)) GB/s on one thread, "
      + "\(optimizerFormat(8.0 * Double(count) / parallelCopyBest / 1e9)) GB/s in 16 slices over the cores (read + write)"
  )
  print("  copy-bandwidth bound for 28 bytes/parameter: \(optimizerFormat(bound * 1000)) ms")
  print("  Adam time / bound:   \(optimizerFormat(adamBest / bound))× (target ≤ 1.5×)")

  let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/optimizers.py")
  guard let output = runPython([script.path, "adam", String(count), String(repeats)]) else {
    print("  numpy Adam step:     skipped (python3 with numpy is not available)")
    return
  }
  var numpy: [String: Double] = [:]
  for line in output.split(separator: "\n") {
    let fields = line.split(separator: " ")
    if fields.count == 2, let value = Double(fields[1]) { numpy[String(fields[0])] = value }
  }
  guard let numpyAdam = numpy["adam"], let numpyCopy = numpy["copy"] else {
    print("  numpy Adam step:     unreadable output")
    return
  }
  print(
    "  numpy Adam step:     \(optimizerFormat(numpyAdam * 1000)) ms, \(optimizerFormat(adamBytes / numpyAdam / 1e9)) GB/s effective"
  )
  print("  numpy copy:          \(optimizerFormat(8.0 * Double(count) / numpyCopy / 1e9)) GB/s")
  print("  numpy / Descent time: \(optimizerFormat(numpyAdam / adamBest))× (target ≥ 4×)")
  if let numpySum = numpy["checksum"] {
    let relative = abs(checksum - numpySum) / max(abs(numpySum), 1)
    print(
      "  same computation: Σθ after \(repeats) steps, Descent \(checksum), numpy \(numpySum), relative difference \(relative)"
    )
  }
}

/// Copies `source` into `target` in `slices` parts run by Dispatch on the available cores.
private func copy(_ source: [Float], into target: inout [Float], slices: Int) {
  let count = source.count
  let sliceSize = (count + slices - 1) / slices
  target.withUnsafeMutableBytes { destination in
    source.withUnsafeBytes { origin in
      let to = SendablePointer(raw: destination.baseAddress!)
      let from = SendablePointer(raw: UnsafeMutableRawPointer(mutating: origin.baseAddress!))
      DispatchQueue.concurrentPerform(iterations: slices) { slice in
        let start = slice * sliceSize * 4
        let bytes = min(sliceSize, count - slice * sliceSize) * 4
        (to.raw + start).copyMemory(from: from.raw + start, byteCount: bytes)
      }
    }
  }
}

/// A raw pointer handed to the threads of one copy, which touch disjoint slices.
private struct SendablePointer: @unchecked Sendable {
  var raw: UnsafeMutableRawPointer
}

/// Seconds taken by `body`.
private func optimizerSeconds(_ body: () -> Void) -> Double {
  let elapsed = ContinuousClock().measure(body)
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// `value` with 3 decimals.
private func optimizerFormat(_ value: Double) -> String { String(format: "%.3f", value) }
