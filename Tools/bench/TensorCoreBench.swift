/// Benchmark suite for TensorCore (to be written with its issue).
func benchTensorCore() throws {
  print("not implemented yet")
}
