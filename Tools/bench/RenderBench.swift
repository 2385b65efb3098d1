/// Benchmark suite for Render (to be written with its issue).
func benchRender() throws {
  print("not implemented yet")
}
