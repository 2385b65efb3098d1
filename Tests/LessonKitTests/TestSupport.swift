#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file error in a test helper.
struct TestFileError: Error {
  /// What failed.
  var message: String
}

/// Writes `text` to `path` with plain POSIX calls (independent of the code under test).
func writeTestFile(_ text: String, to path: String) throws {
  guard let file = fopen(path, "wb") else { throw TestFileError(message: "fopen \(path)") }
  defer { fclose(file) }
  let bytes = Array(text.utf8)
  guard fwrite(bytes, 1, bytes.count, file) == bytes.count else {
    throw TestFileError(message: "fwrite \(path)")
  }
}

/// Reads the bytes of `path` with plain POSIX calls.
func readTestFile(_ path: String) throws -> [UInt8] {
  guard let file = fopen(path, "rb") else { throw TestFileError(message: "fopen \(path)") }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count == 0 { break }
    bytes += buffer[..<count]
  }
  return bytes
}
