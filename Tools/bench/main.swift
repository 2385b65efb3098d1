// descent-bench: prints speed and memory figures side by side with their references.
// Usage: descent-bench [all|tensorcore|determinism|optimizers|normalization|hessian|lessons|render|grade]
// Each suite lives in its own file; reference scripts (numpy) are in Tools/bench/reference.

import Foundation

let suites: [(name: String, run: () throws -> Void)] = [
  ("tensorcore", benchTensorCore),
  ("determinism", benchDeterminism),
  ("optimizers", benchOptimizers),
  ("normalization", benchNormalization),
  ("hessian", benchHessian),
  ("lessons", benchLessons),
  ("render", benchRender),
  ("grade", benchGrade),
]

let requested = CommandLine.arguments.dropFirst().first ?? "all"
if requested == "--product-digests" {
  // The determinism suite runs this program again under each OpenBLAS kernel.
  printProductDigests()
  exit(0)
}
if requested == "--help" || requested == "-h" {
  print("usage: descent-bench [all|\(suites.map(\.name).joined(separator: "|"))]")
  print("Prints figures and ratios; numpy references run when python3 with numpy is present.")
  exit(0)
}
let chosen = suites.filter { requested == "all" || $0.name == requested }
if chosen.isEmpty {
  FileHandle.standardError.write(
    "descent-bench: unknown suite '\(requested)'; choose one of: all, \(suites.map(\.name).joined(separator: ", "))\n"
      .data(using: .utf8)!)
  exit(2)
}
for suite in chosen {
  print("== \(suite.name) ==")
  do {
    try suite.run()
  } catch {
    print("\(suite.name): error: \(error)")
  }
}
