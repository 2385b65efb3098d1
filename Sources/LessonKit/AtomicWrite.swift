// Reading and writing lesson files with POSIX calls: a rewrite goes to a temporary file in the
// same folder that is then renamed over the original, so a reader never sees half a file, and
// not at all when the file changed since it was read.

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

/// Replaces the contents of the file at `path` with `text` (UTF-8) so that no reader ever
/// sees a half-written file: the text goes to a temporary file in the same folder, which is
/// flushed to disk and then renamed over `path`.
///
/// The file keeps its permission bits; a new file gets `rw-r--r--`. When `path` is a symbolic
/// link, the file it points to is replaced and the link stays. The owner is not carried
/// over (the new file belongs to whoever runs the command, as any rewrite does).
///
/// ```swift
/// try writeAtomically("# Lesson\n", toFile: "Lessons/01-lesson.md")
/// ```
///
/// With `expected`, the file is replaced only if it still holds exactly `expected` (the text
/// it was read with): just before the rename the file is locked (`flock`, which every
/// `lessons update` takes) and compared, so that two `lessons update` runs, or an editor that
/// saved the file meanwhile, never have their edit overwritten.
///
/// - Parameters:
///   - text: The new contents.
///   - path: The file to write.
///   - expected: What the file must still hold for the write to happen, or `nil` to write in
///     any case.
/// - Throws: `FileError` when the temporary file cannot be created, written or renamed, or
///   when the file no longer holds `expected` (the message says so and what to do); the
///   original file is then unchanged and the temporary file removed.
public func writeAtomically(_ text: String, toFile path: String, expected: String? = nil) throws {
  let target = resolvingSymbolicLink(path)
  let slash = target.lastIndex(of: "/")
  let directory = slash.map { String(target[...$0]) } ?? ""
  let name = slash.map { String(target[target.index(after: $0)...]) } ?? target

  var template = Array("\(directory).\(name).tmp-XXXXXX".utf8CString)
  let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  guard descriptor >= 0 else {
    throw FileError(path: path, message: systemMessage("create a temporary file next to it"))
  }
  let temporaryPath = String(
    decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  var isOpen = true
  var isRenamed = false
  defer {
    if isOpen { close(descriptor) }
    if !isRenamed { unlink(temporaryPath) }
  }

  var status = stat()
  let mode = stat(target, &status) == 0 ? status.st_mode & 0o7777 : 0o644
  guard fchmod(descriptor, mode) == 0 else {
    throw FileError(path: path, message: systemMessage("set the permissions"))
  }
  let bytes = Array(text.utf8)
  var written = 0
  while written < bytes.count {
    let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if count < 0 {
      if errno == EINTR { continue }
      throw FileError(path: path, message: systemMessage("write"))
    }
    written += count
  }
  guard fsync(descriptor) == 0 else {
    throw FileError(path: path, message: systemMessage("flush to disk"))
  }
  isOpen = false
  guard close(descriptor) == 0 else {
    throw FileError(path: path, message: systemMessage("close"))
  }
  var lock: Int32 = -1
  defer { if lock >= 0 { close(lock) } }
  if let expected {
    lock = open(target, O_RDONLY)
    guard lock >= 0 else {
      throw FileError(
        path: path,
        message: "the file was removed or moved while it was being updated; it was not "
          + "written again: restore it and run the command again")
    }
    while flock(lock, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw FileError(path: path, message: systemMessage("lock the file"))
      }
    }
    let now = readFilePrefix(atPath: target, limit: expected.utf8.count)
    guard let now, !now.isTruncated, now.bytes.elementsEqual(expected.utf8) else {
      throw FileError(
        path: path,
        message: "the file changed since it was read (another `lessons update` or an editor "
          + "wrote it meanwhile); it was not overwritten, so that edit is kept: check it, "
          + "then run `lessons update` again")
    }
  }
  guard rename(temporaryPath, target) == 0 else {
    throw FileError(path: path, message: systemMessage("replace the file"))
  }
  isRenamed = true
}

/// The file `path` names, following symbolic links; `path` itself when it is not a link (or
/// does not exist yet).
private func resolvingSymbolicLink(_ path: String) -> String {
  var status = stat()
  guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
    let resolved = realpath(path, nil)
  else { return path }
  defer { free(resolved) }
  return String(cString: resolved)
}

/// Writes `text` to `path` (atomically, as ``writeAtomically(_:toFile:)``) unless the file
/// already holds exactly this text, so that an unchanged file keeps its modification date:
/// `lesson-codegen` rewrites only the lessons that changed, and the compiler's incremental
/// build then redoes only those.
///
/// ```swift
/// try writeIfChanged(source, toFile: "GeneratedLesson-00-start.swift")  // false: same text
/// ```
///
/// - Parameters:
///   - text: The new contents.
///   - path: The file to write.
/// - Returns: Whether the file was written.
/// - Throws: `FileError` when writing fails (see ``writeAtomically(_:toFile:)``).
@discardableResult
public func writeIfChanged(_ text: String, toFile path: String) throws -> Bool {
  if let old = try? readTextFile(atPath: path), old == text { return false }
  try writeAtomically(text, toFile: path)
  return true
}
