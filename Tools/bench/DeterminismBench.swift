// descent-bench determinism: is a reproducible (fixed-order) matrix product worth it for the
// lessons?
//
// 1. Time, at the sizes lessons use (a batch of 32 or 256 digits through 64-64-10 and 64-32-10
//    layers, and the weight gradient xᵀ·δ), TensorCore's BLAS product against a product in
//    plain Swift that adds each entry's terms in index order (`fixedOrderProduct`).
// 2. Run this program again under several OPENBLAS_CORETYPE kernels (`--product-digests`) and
//    say whether each product's bits are the same under all of them.
//
// The decision it supports, with the numbers it prints, is in `determinismDecision`.

import Foundation
import TensorCore

/// The product shapes measured: (m, k, n, transposeA) for op(A) m×k · B k×n.
private let shapes: [(m: Int, k: Int, n: Int, transposeA: Bool)] = [
  (32, 64, 64, false),  // a batch of 32 digits into 64 hidden units
  (32, 64, 10, false),  // … hidden to 10 classes
  (32, 64, 32, false),  // 64-32-10 network
  (256, 64, 10, false),  // evaluation on 256 samples
  (64, 32, 64, true),  // weight gradient xᵀ·δ, batch 32
]

/// Runs the determinism benchmark.
func benchDeterminism() throws {
  print("matrix product: BLAS (TensorCore.matmul) against a fixed-order Swift product")
  print("(best of repeated runs; the Swift product adds each entry's terms in index order)")
  print("  shape               type      BLAS µs   fixed-order µs   fixed/BLAS")
  var ratios: [Double] = []
  for scalar in ["float32", "float64"] {
    for shape in shapes {
      let (blas, fixed) =
        scalar == "float32"
        ? timeProducts(Float.self, shape) : timeProducts(Double.self, shape)
      ratios.append(fixed / blas)
      let name =
        "\(shape.m)×\(shape.k)\(shape.transposeA ? "ᵀ" : "")·\(shape.k)×\(shape.n)"
        .padding(toLength: 18, withPad: " ", startingAt: 0)
      print(
        "  \(name)  \(scalar)   \(format(blas * 1e6, width: 7))   "
          + "\(format(fixed * 1e6, width: 14))   \(format(fixed / blas, width: 9))×")
    }
  }
  let sorted = ratios.sorted()
  print(
    "fixed-order / BLAS: median \(format(sorted[sorted.count / 2], width: 0))×, range "
      + "\(format(sorted.first!, width: 0))× to \(format(sorted.last!, width: 0))×")

  print("bits of each product under each OpenBLAS kernel (this program run again):")
  let kernels = ["", "Haswell", "Sandybridge", "Nehalem", "Prescott"]
  var digests: [String: [String]] = [:]
  for kernel in kernels {
    guard let lines = productDigests(kernel: kernel) else {
      print("  \(kernel.isEmpty ? "native" : kernel): did not run (skipped)")
      continue
    }
    digests[kernel] = lines
  }
  let ran = kernels.filter { digests[$0] != nil }
  guard let first = ran.first, let count = digests[first]?.count else { return }
  var blasIdentical = true
  var fixedIdentical = true
  for index in 0..<count {
    let fields = ran.map { digests[$0]![index].split(separator: " ").map(String.init) }
    let blasKinds = Set(fields.map { $0[1] }).count
    let fixedKinds = Set(fields.map { $0[2] }).count
    blasIdentical = blasIdentical && blasKinds == 1
    fixedIdentical = fixedIdentical && fixedKinds == 1
    print(
      "  \(fields[0][0].padding(toLength: 24, withPad: " ", startingAt: 0))  BLAS: "
        + "\(blasKinds) distinct result\(blasKinds == 1 ? "" : "s") in \(ran.count) kernels; "
        + "fixed-order: \(fixedKinds)")
  }
  print(
    "  kernels: " + ran.map { $0.isEmpty ? "native" : $0 }.joined(separator: ", ")
      + "; BLAS bit-identical across them: \(blasIdentical ? "yes" : "no"); fixed-order: "
      + "\(fixedIdentical ? "yes" : "no")")
  print(determinismDecision)
}

/// Why the library keeps BLAS for every product (printed with the figures above).
let determinismDecision = """
  decision: TensorCore keeps BLAS for every product, and no fixed-order path is added.
    A fixed-order product would make a lesson's outputs the same under every OpenBLAS kernel,
    at the cost measured above. But kernels are not the only thing that changes between a
    reader's machine and ours: glibc picks an FMA or a non-FMA exp/log by processor, another
    OpenBLAS version or Apple's Accelerate adds in other orders, and LAPACK (the Hessian
    lessons) calls BLAS inside. `lessons verify --portability` simulates other machines by
    switching kernels; with fixed-order products it could no longer see a chaotic experiment,
    which would still fail on those machines. Lessons are made portable by what they print
    (summaries over seeds, digits that are not noise), and the check keeps proving it.
    Reductions (sum, mean, variance, row and column sums) already add in index order, in one
    thread: their results do not depend on the processor or the thread count.
  """

/// The best time of the BLAS product and of the fixed-order one for `shape`.
private func timeProducts<Scalar: TensorScalar>(
  _: Scalar.Type, _ shape: (m: Int, k: Int, n: Int, transposeA: Bool)
) -> (blas: Double, fixed: Double) {
  var generator = SeededGenerator(seed: 7)
  let a =
    shape.transposeA
    ? Matrix<Scalar>.normal(rows: shape.k, columns: shape.m, using: &generator)
    : Matrix<Scalar>.normal(rows: shape.m, columns: shape.k, using: &generator)
  let b = Matrix<Scalar>.normal(rows: shape.k, columns: shape.n, using: &generator)
  var sink = Scalar(0)
  let blas = best {
    sink += matmul(a, b, transposeA: shape.transposeA).storage[0]
  }
  let fixed = best {
    sink += fixedOrderProduct(a, b, transposeA: shape.transposeA).storage[0]
  }
  if sink.isNaN { print("(unexpected NaN)") }
  return (blas, fixed)
}

/// The best wall-clock time of `body`, repeated for at least 0.2 s and 20 runs.
private func best(_ body: () -> Void) -> Double {
  body()
  var shortest = Double.infinity
  var total = 0.0
  var runs = 0
  while total < 0.2 || runs < 20 {
    let took = seconds(body)
    shortest = min(shortest, took)
    total += took
    runs += 1
  }
  return shortest
}

/// `op(a) · b` in plain Swift, each entry's terms added in index order: `c[i][j] = (…((a[i][0]
/// · b[0][j]) + a[i][1] · b[1][j]) + …)`. The loops run i, p, j, so the inner loop runs along
/// rows of `b` and `c` (it vectorizes across j without reordering any entry's sum), and no
/// fused multiply-add is used (Swift does not contract `x * y + z`): the same bits on every
/// processor and thread count.
///
/// - Complexity: O(m · n · k).
func fixedOrderProduct<Scalar: TensorScalar>(
  _ a: Matrix<Scalar>, _ b: Matrix<Scalar>, transposeA: Bool = false
) -> Matrix<Scalar> {
  let m = transposeA ? a.columns : a.rows
  let k = transposeA ? a.rows : a.columns
  precondition(k == b.rows, "fixedOrderProduct: inner dimensions \(k) and \(b.rows) differ")
  let n = b.columns
  var c = Matrix<Scalar>(rows: m, columns: n)
  a.storage.withUnsafeBufferPointer { left in
    b.storage.withUnsafeBufferPointer { right in
      c.storage.withUnsafeMutableBufferPointer { result in
        let source = right.baseAddress!
        let target = result.baseAddress!
        for i in 0..<m {
          let output = target + i * n
          for p in 0..<k {
            let factor = transposeA ? left[p * a.columns + i] : left[i * a.columns + p]
            let input = source + p * n
            for j in 0..<n { output[j] += factor * input[j] }
          }
        }
      }
    }
  }
  return c
}

/// Runs this program with `--product-digests` under `OPENBLAS_CORETYPE=kernel` (unset when
/// empty); returns its lines, or `nil` when it did not run to its end.
private func productDigests(kernel: String) -> [String]? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
  process.arguments = ["--product-digests"]
  var environment = ProcessInfo.processInfo.environment
  environment["OPENBLAS_CORETYPE"] = kernel.isEmpty ? nil : kernel
  environment["OPENBLAS_NUM_THREADS"] = "1"
  process.environment = environment
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0, process.terminationReason == .exit else { return nil }
  return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}

/// `--product-digests`: for each shape and type, `NAME BLAS-DIGEST FIXED-DIGEST`, the digests
/// being hashes of the products' bits for inputs of mixed magnitudes (1e-4 to 1e3).
func printProductDigests() {
  var generator = SeededGenerator(seed: 11)
  func mixed<Scalar: TensorScalar>(_ rows: Int, _ columns: Int) -> Matrix<Scalar> {
    var m = Matrix<Scalar>.normal(rows: rows, columns: columns, using: &generator)
    for index in m.storage.indices {
      let exponent = Int(generator.next() % 8) - 4
      var scale = Scalar(1)
      for _ in 0..<abs(exponent) { scale = exponent < 0 ? scale / 10 : scale * 10 }
      m.storage[index] *= scale
    }
    return m
  }
  func digest<Scalar: TensorScalar>(_ matrix: Matrix<Scalar>) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for value in matrix.storage {
      for byte in "\(value)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
    return String(hash, radix: 16)
  }
  func line<Scalar: TensorScalar>(_: Scalar.Type, _ name: String) {
    for shape in shapes {
      let a: Matrix<Scalar> =
        shape.transposeA ? mixed(shape.k, shape.m) : mixed(shape.m, shape.k)
      let b: Matrix<Scalar> = mixed(shape.k, shape.n)
      let label = "\(shape.m)×\(shape.k)\(shape.transposeA ? "ᵀ" : "")·\(shape.k)×\(shape.n)"
      print(
        "\(label)-\(name) \(digest(matmul(a, b, transposeA: shape.transposeA))) "
          + "\(digest(fixedOrderProduct(a, b, transposeA: shape.transposeA)))")
    }
  }
  line(Float.self, "float32")
  line(Double.self, "float64")
}

private func format(_ value: Double, width: Int) -> String {
  let text = String(format: value < 10 ? "%.2f" : "%.1f", value)
  return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
