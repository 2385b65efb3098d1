/// Benchmark suite for Lessons (to be written with its issue).
func benchLessons() throws {
  print("not implemented yet")
}
