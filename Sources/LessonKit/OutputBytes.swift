// What a snippet printed, as bytes: read with a bound, decoded so that no byte is lost, and
// the limit on its size written and read as people write sizes.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The text an output block records for bytes a snippet printed: valid UTF-8 as it is, every
/// byte that is not part of a valid UTF-8 sequence (and the NUL byte, which Markdown cannot
/// hold) written as `\xHH` with two upper-case hexadecimal digits.
///
/// So nothing printed is lost or silently replaced, and `lessons update` writes text that
/// `lessons verify` then reads back and compares equal. The escape is not undone anywhere: a
/// snippet that prints the four characters `\xFF` and one that prints the byte 0xFF record
/// the same text.
///
/// ```swift
/// decodedOutput([0x66, 0xFF, 0xFE, 0x0A])  // "f\\xFF\\xFE\n"
/// decodedOutput(Array("é\n".utf8))           // "é\n"
/// decodedOutput([0x61, 0x00, 0x62])          // "a\\x00b"
/// decodedOutput([0xE2, 0x82])                // "\\xE2\\x82" (a sequence cut short)
/// ```
///
/// - Parameter bytes: What the snippet wrote to standard output.
/// - Returns: The text.
/// - Complexity: O(*n*) in the number of bytes.
public func decodedOutput(_ bytes: [UInt8]) -> String {
  if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) { return text }
  var result: [UInt8] = []
  result.reserveCapacity(bytes.count + 16)
  var index = 0
  while index < bytes.count {
    let length = validSequenceLength(in: bytes, at: index)
    if length > 0, bytes[index] != 0 {
      result += bytes[index..<(index + length)]
      index += length
    } else {
      result += hexEscape(bytes[index])
      index += 1
    }
  }
  return String(decoding: result, as: UTF8.self)
}

/// The length of the well-formed UTF-8 sequence starting at `index` (Unicode's table 3-7), or
/// 0 when the bytes there are not one.
private func validSequenceLength(in bytes: [UInt8], at index: Int) -> Int {
  let lead = bytes[index]
  let secondRange: ClosedRange<UInt8>
  let length: Int
  switch lead {
  case 0x00...0x7F: return 1
  case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
  case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
  case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
  case 0xED: (length, secondRange) = (3, 0x80...0x9F)
  case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
  case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
  case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
  default: return 0
  }
  guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
  for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
  return length
}

/// `\xHH` for `byte`.
private func hexEscape(_ byte: UInt8) -> [UInt8] {
  let digits = Array("0123456789ABCDEF".utf8)
  return [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
}

/// The first bytes of a file, read without ever holding more than `limit + 1` of them.
///
/// The bytes are read straight into one buffer that grows by doubling (from the file's size
/// when it is known), so the cost is a few system calls and copies per file, even in a debug
/// build of the tool: an earlier version that appended and removed 64 KiB of zeros per read
/// took about 30 ms per file there, most of the time `lessons verify` spent reading a run.
///
/// - Parameters:
///   - path: The file.
///   - limit: The most bytes wanted.
/// - Returns: At most `limit` bytes, and whether the file held more; `nil` when the file
///   cannot be opened.
/// - Complexity: O(min(*n*, *limit*)) time and memory for a file of *n* bytes.
func readFilePrefix(atPath path: String, limit: Int) -> (bytes: [UInt8], isTruncated: Bool)? {
  precondition(limit >= 0, "the limit must not be negative")
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  // One byte past the limit tells whether the file held more.
  let wanted = limit + 1
  var status = stat()
  let sizeHint = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
  // The file's size plus one byte, so that the read which finds its end needs no growth.
  var capacity = min(wanted, max(sizeHint + 1, 4096))
  var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
  defer { buffer.deallocate() }
  var count = 0
  while count < wanted {
    if count == capacity {
      let larger = min(wanted, capacity * 2)
      let grown = UnsafeMutableRawPointer.allocate(byteCount: larger, alignment: 1)
      grown.copyMemory(from: buffer, byteCount: count)
      buffer.deallocate()
      buffer = grown
      capacity = larger
    }
    let got = read(descriptor, buffer + count, capacity - count)
    if got < 0, errno == EINTR { continue }
    if got <= 0 { break }
    count += got
  }
  let kept = min(count, limit)
  let bytes = [UInt8](unsafeUninitializedCapacity: kept) { destination, initialized in
    if kept > 0 {
      destination.baseAddress!.initialize(
        from: buffer.assumingMemoryBound(to: UInt8.self), count: kept)
    }
    initialized = kept
  }
  return (bytes, count > limit)
}

/// A size in bytes as people write it: `1 MiB`, `512 KiB`, `3 bytes`, `1.5 MiB`.
///
/// ```swift
/// formatByteCount(1_048_576)  // "1 MiB"
/// formatByteCount(1_572_864)  // "1.5 MiB"
/// formatByteCount(2_048)      // "2 KiB"
/// formatByteCount(1_000)      // "1000 bytes"
/// ```
///
/// - Parameter count: A number of bytes, not negative.
/// - Returns: The size with the largest binary unit that divides it into at most one decimal.
public func formatByteCount(_ count: Int) -> String {
  for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
  where count >= size && (count * 10) % size == 0 {
    let tenths = count * 10 / size
    return tenths % 10 == 0 ? "\(tenths / 10) \(unit)" : "\(tenths / 10).\(tenths % 10) \(unit)"
  }
  return count == 1 ? "1 byte" : "\(count) bytes"
}

/// Reads a size written as a number of bytes with an optional unit: `1048576`, `1MiB`,
/// `1 MiB`, `512KiB`, `2M`, `64k` (K, M and G are binary: 1024, 1024², 1024³).
///
/// ```swift
/// parseByteCount("1MiB")    // 1_048_576
/// parseByteCount("64k")     // 65_536
/// parseByteCount("lots")    // nil
/// ```
///
/// - Parameter text: The size.
/// - Returns: The number of bytes, or `nil` when the text is not a size or the size is not
///   positive.
public func parseByteCount(_ text: String) -> Int? {
  let trimmed = text.filter { $0 != " " }
  let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
  guard let number = Int(digits), number > 0 else { return nil }
  let units: [String: Int] = [
    "": 1, "k": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mib": 1 << 20, "g": 1 << 30,
    "gib": 1 << 30,
  ]
  guard let unit = units[trimmed.dropFirst(digits.count).lowercased()] else { return nil }
  let (bytes, overflow) = number.multipliedReportingOverflow(by: unit)
  return overflow ? nil : bytes
}
