// The libFuzzer target over LessonKit's reader, splicer and page renderer. Tools/fuzz/run
// compiles it into the LessonKit module with every LessonKit source and the properties of
// Tests/LessonKitTests/FuzzProperties.swift; a property that fails traps, and libFuzzer keeps
// the input that made it fail.

/// libFuzzer calls this with each input it makes.
///
/// - Parameters:
///   - data: The input's bytes.
///   - size: How many there are.
/// - Returns: 0 (the input may be kept in the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLessonKit(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let failures = fuzzPropertyFailures(bytes)
  if !failures.isEmpty {
    fatalError("LessonKit property failed: " + failures.joined(separator: "; "))
  }
  return 0
}
