/// Benchmark suite for Normalization (to be written with its issue).
func benchNormalization() throws {
  print("not implemented yet")
}
