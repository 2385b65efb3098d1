/// Benchmark suite for Optimizers (to be written with its issue).
func benchOptimizers() throws {
  print("not implemented yet")
}
