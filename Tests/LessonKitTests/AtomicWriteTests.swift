import Testing

@testable import LessonKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh empty directory for one test; the test removes what it made.
private func makeDirectory() throws -> String {
  var template = Array("/tmp/descent-atomic-XXXXXX".utf8CString)
  guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
    throw TestFileError(message: "mkdtemp")
  }
  return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The names in `directory`, without `.` and `..`, sorted.
private func entries(_ directory: String) -> [String] {
  guard let handle = opendir(directory) else { return [] }
  defer { closedir(handle) }
  var names: [String] = []
  while let entry = readdir(handle) {
    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    if name != ".", name != ".." { names.append(name) }
  }
  return names.sorted()
}

/// The permission bits of `path`.
private func permissions(_ path: String) -> mode_t {
  var status = stat()
  return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
}

/// Removes `directory` and the files in it.
private func removeDirectory(_ directory: String) {
  for name in entries(directory) { unlink("\(directory)/\(name)") }
  rmdir(directory)
}

@Test("a new file gets the text and rw-r--r--; no temporary file is left")
func writesNewFile() throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  let path = "\(directory)/lesson.md"
  try writeAtomically("# 标题\r\nx", toFile: path)
  #expect(try readTestFile(path) == Array("# 标题\r\nx".utf8))
  #expect(permissions(path) == 0o644)
  #expect(entries(directory) == ["lesson.md"])
}

@Test(
  "an existing file is replaced and keeps its permissions", arguments: [0o600, 0o755] as [mode_t])
func keepsPermissions(mode: mode_t) throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  let path = "\(directory)/lesson.md"
  try writeTestFile("old contents that are longer\n", to: path)
  chmod(path, mode)
  try writeAtomically("new\n", toFile: path)
  #expect(try readTestFile(path) == Array("new\n".utf8))
  #expect(permissions(path) == mode)
  #expect(entries(directory) == ["lesson.md"])
}

@Test("writing through a symbolic link replaces the file it points to")
func followsSymbolicLinks() throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  try writeTestFile("old\n", to: "\(directory)/real.md")
  symlink("\(directory)/real.md", "\(directory)/link.md")
  try writeAtomically("new\n", toFile: "\(directory)/link.md")
  #expect(try readTestFile("\(directory)/real.md") == Array("new\n".utf8))
  var status = stat()
  #expect(lstat("\(directory)/link.md", &status) == 0)
  #expect(status.st_mode & S_IFMT == S_IFLNK)
  #expect(entries(directory) == ["link.md", "real.md"])
}

@Test("a failed write throws, leaves the target as it was and no temporary file")
func failedWrites() throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  // The folder does not exist: the temporary file cannot be made.
  #expect(throws: FileError.self) {
    try writeAtomically("x", toFile: "\(directory)/missing/lesson.md")
  }
  // The target is a non-empty directory: the rename fails after the text was written.
  mkdir("\(directory)/lesson.md", 0o755)
  try writeTestFile("keep\n", to: "\(directory)/lesson.md/inside")
  #expect(throws: FileError.self) { try writeAtomically("x", toFile: "\(directory)/lesson.md") }
  #expect(entries(directory) == ["lesson.md"])
  #expect(try readTestFile("\(directory)/lesson.md/inside") == Array("keep\n".utf8))
  unlink("\(directory)/lesson.md/inside")
  rmdir("\(directory)/lesson.md")
}

@Test("reading a file that is not UTF-8 throws")
func readsOnlyUTF8() throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  let path = "\(directory)/latin1.md"
  guard let file = fopen(path, "wb") else { throw TestFileError(message: "fopen") }
  fwrite([0x63, 0x61, 0x66, 0xE9, 0x0A] as [UInt8], 1, 5, file)  // "café\n" in Latin-1
  fclose(file)
  #expect(throws: FileError.self) { try readTextFile(atPath: path) }
  #expect(throws: FileError.self) { try Lesson(contentsOfFile: path) }
}

@Test("writeIfChanged leaves a file with the same text alone, date and inode included")
func writeIfChangedKeepsUnchangedFiles() throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  let path = "\(directory)/GeneratedLesson-a.swift"
  #expect(try writeIfChanged("func a() {}\n", toFile: path))
  // Back-date the file, so a rewrite would show in its modification time.
  var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
  #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
  var before = stat()
  stat(path, &before)
  #expect(try !writeIfChanged("func a() {}\n", toFile: path))
  var after = stat()
  stat(path, &after)
  #expect(after.st_mtim.tv_sec == 1_000_000 && after.st_ino == before.st_ino)
  #expect(try writeIfChanged("func a() { }\n", toFile: path))
  stat(path, &after)
  #expect(after.st_mtim.tv_sec > 1_000_000)
  #expect(try readTestFile(path) == Array("func a() { }\n".utf8))
}

@Test("with expected text: written when the file still holds it, refused when it changed")
func expectedText() throws {
  let directory = try makeDirectory()
  defer { removeDirectory(directory) }
  let path = "\(directory)/lesson.md"
  try writeTestFile("as read\n", to: path)
  try writeAtomically("updated\n", toFile: path, expected: "as read\n")
  #expect(try readTestFile(path) == Array("updated\n".utf8))
  // Another writer changed the file after it was read: the edit is kept.
  do {
    try writeAtomically("mine\n", toFile: path, expected: "as read\n")
    Issue.record("a changed file was overwritten")
  } catch let error as FileError {
    #expect(error.path == path)
    #expect(error.message.hasPrefix("the file changed since it was read"))
    #expect(error.message.contains("run `lessons update` again"))
  }
  #expect(try readTestFile(path) == Array("updated\n".utf8))
  #expect(entries(directory) == ["lesson.md"])
  // A longer file that starts with the expected text is a change too.
  try writeTestFile("updated\nand more\n", to: path)
  #expect(throws: FileError.self) {
    try writeAtomically("x\n", toFile: path, expected: "updated\n")
  }
  // A removed file is not created again.
  unlink(path)
  #expect(throws: FileError.self) { try writeAtomically("x\n", toFile: path, expected: "") }
  #expect(entries(directory).isEmpty)
}
