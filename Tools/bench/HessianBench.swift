/// Benchmark suite for Hessian (to be written with its issue).
func benchHessian() throws {
  print("not implemented yet")
}
