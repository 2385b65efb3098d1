import Foundation
import Testing

@testable import LessonKit

// The bytes of output: decoding with \xHH for what is not UTF-8, bounded reading, sizes.
// Expected texts are written by hand from Unicode's table 3-7 (well-formed UTF-8 sequences).

@Test("decodedOutput: the doc-comment examples")
func decodedOutputExamples() {
  #expect(decodedOutput([0x66, 0xFF, 0xFE, 0x0A]) == "f\\xFF\\xFE\n")
  #expect(decodedOutput(Array("é\n".utf8)) == "é\n")
  #expect(decodedOutput([0x61, 0x00, 0x62]) == "a\\x00b")
  #expect(decodedOutput([0xE2, 0x82]) == "\\xE2\\x82")
}

@Test("decodedOutput: every kind of ill-formed sequence is escaped byte by byte")
func decodedOutputIllFormed() {
  // An overlong encoding of "/" (C0 AF); a UTF-16 surrogate (ED A0 80); past U+10FFFF
  // (F4 90 80 80); a lead byte that is never valid (F5); a lone continuation byte (80).
  #expect(decodedOutput([0xC0, 0xAF]) == "\\xC0\\xAF")
  #expect(decodedOutput([0xED, 0xA0, 0x80]) == "\\xED\\xA0\\x80")
  #expect(decodedOutput([0xF4, 0x90, 0x80, 0x80]) == "\\xF4\\x90\\x80\\x80")
  #expect(decodedOutput([0xF5, 0x41]) == "\\xF5A")
  #expect(decodedOutput([0x80]) == "\\x80")
  // A sequence cut short by a valid character keeps that character.
  #expect(decodedOutput([0xE2, 0x82, 0x41, 0xE2, 0x82, 0xAC]) == "\\xE2\\x82A€")
  // The largest scalar and the last before the surrogates are valid.
  #expect(decodedOutput([0xF4, 0x8F, 0xBF, 0xBF]) == "\u{10FFFF}")
  #expect(decodedOutput([0xED, 0x9F, 0xBF]) == "\u{D7FF}")
  #expect(decodedOutput([]) == "")
}

@Test(
  "decodedOutput of random bytes: valid UTF-8 without NUL, equal to the input where that was",
  arguments: 0..<100 as Range<UInt64>)
func decodedOutputRandom(seed: UInt64) {
  var random = SplitMix64(state: seed)
  let pieces: [[UInt8]] = [
    [0x61], [0x0A], [0x00], [0xFF], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xF0, 0x9F, 0x98, 0x80],
    [0xE2, 0x82], [0x80], [0xC0, 0x80], [0xED, 0xB0, 0x80], [0x5C, 0x78],
  ]
  let bytes = (0..<Int.random(in: 0...20, using: &random)).flatMap { _ in
    pieces.randomElement(using: &random)!
  }
  let text = decodedOutput(bytes)
  #expect(!text.utf8.contains(0))
  #expect(String(validating: Array(text.utf8), as: UTF8.self) == text)
  if !bytes.contains(0), let valid = String(validating: bytes, as: UTF8.self) {
    #expect(text == valid)
  }
  // Decoding what was decoded changes nothing: `update` then `verify` agree.
  #expect(decodedOutput(Array(text.utf8)) == text)
}

@Test("readFilePrefix reads at most the limit and says whether there was more")
func readFilePrefixBounds() throws {
  let path = FileManager.default.temporaryDirectory.appending(
    path: "prefix-\(UUID().uuidString)"
  ).path
  defer { unlink(path) }
  let text = String(repeating: "0123456789", count: 20_000)  // 200 000 bytes, past one read
  try writeTestFile(text, to: path)
  let all = try #require(readFilePrefix(atPath: path, limit: 200_000))
  #expect(all.bytes == Array(text.utf8) && !all.isTruncated)
  let cut = try #require(readFilePrefix(atPath: path, limit: 199_999))
  #expect(cut.bytes == Array(text.utf8.prefix(199_999)) && cut.isTruncated)
  let none = try #require(readFilePrefix(atPath: path, limit: 0))
  #expect(none.bytes.isEmpty && none.isTruncated)
  #expect(readFilePrefix(atPath: path + "-missing", limit: 10) == nil)
}

@Test("readFilePrefix reads a file whose size is unknown up front (a pipe) and an empty one")
func readFilePrefixOfPipeAndEmptyFile() throws {
  let folder = FileManager.default.temporaryDirectory.appending(
    path: "prefix-pipe-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  // A FIFO reports size 0, so the buffer starts small and must grow many times for 300 000
  // bytes written by another thread.
  let fifo = folder.appending(path: "fifo").path
  #expect(mkfifo(fifo, 0o600) == 0)
  let text = String(repeating: "abcdefghij", count: 30_000)
  let writer = Thread {
    let descriptor = open(fifo, O_WRONLY)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeMutableBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      guard written > 0 else { return }
      offset += written
    }
  }
  writer.start()
  let all = try #require(readFilePrefix(atPath: fifo, limit: 1 << 20))
  #expect(all.bytes.count == 300_000)
  #expect(all.bytes == Array(text.utf8) && !all.isTruncated)
  let empty = folder.appending(path: "empty").path
  try writeTestFile("", to: empty)
  let nothing = try #require(readFilePrefix(atPath: empty, limit: 10))
  #expect(nothing.bytes.isEmpty && !nothing.isTruncated)
}

@Test("formatByteCount and parseByteCount: the doc-comment examples and round trips")
func byteCounts() {
  #expect(formatByteCount(1_048_576) == "1 MiB")
  #expect(formatByteCount(1_572_864) == "1.5 MiB")
  #expect(formatByteCount(2_048) == "2 KiB")
  #expect(formatByteCount(1_000) == "1000 bytes")
  #expect(formatByteCount(1) == "1 byte")
  #expect(formatByteCount(3 << 30) == "3 GiB")
  #expect(parseByteCount("1MiB") == 1_048_576)
  #expect(parseByteCount("1 MiB") == 1_048_576)
  #expect(parseByteCount("64k") == 65_536)
  #expect(parseByteCount("512KiB") == 524_288)
  #expect(parseByteCount("2G") == 2 << 30)
  #expect(parseByteCount("100") == 100)
  for bad in ["lots", "", "0", "-5", "1.5MiB", "1 MB", "99999999999999999999"] {
    #expect(parseByteCount(bad) == nil, "\(bad)")
  }
  for count in [1, 100, 1024, 1 << 20, 5 << 30] {
    let written = formatByteCount(count)
    #expect(
      parseByteCount(written.replacing(" bytes", with: "").replacing(" byte", with: "")) == count)
  }
}
