// Reading and writing lesson files with POSIX calls: a rewrite goes to a temporary file in the
// same folder that is then renamed over the original, so a reader never sees half a file.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file that could not be read or written.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's path, as given.
  public var path: String
  /// What went wrong (the system's explanation).
  public var message: String

  /// Creates a file error.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: error: message`.
  public var description: String { "\(path): error: \(message)" }
}

/// The system's explanation of the current `errno`.
private func systemMessage(_ action: String) -> String {
  "cannot \(action): \(String(cString: strerror(errno)))"
}

/// Reads a whole UTF-8 text file.
///
/// - Throws: `FileError` when the file cannot be opened or read, or is not valid UTF-8.
func readTextFile(atPath path: String) throws(FileError) -> String {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { throw FileError(path: path, message: systemMessage("open")) }
  defer { close(descriptor) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 {
      if errno == EINTR { continue }
      throw FileError(path: path, message: systemMessage("read"))
    }
    if count == 0 { break }
    bytes += buffer[..<count]
  }
  guard let text = String(validating: bytes, as: UTF8.self) else {
    throw FileError(path: path, message: "the file is not valid UTF-8; save it as UTF-8")
  }
  return text
}
