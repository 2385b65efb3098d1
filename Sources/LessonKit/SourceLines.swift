// A text file cut into lines that keep their own line endings, so that reading positions and
// rewriting parts of the file never disturbs the bytes around them.

/// The lines of a text, each with its line ending, numbered from 1 as cmark numbers them.
///
/// A line ends at `\n`, `\r\n` or a lone `\r` (the CommonMark rule). Joining every line's
/// `content` and `ending` gives back the text byte for byte; a leading byte-order mark stays
/// in the content of line 1 and `bomLength` says how long it is.
///
/// ```swift
/// let lines = SourceLines("a\r\nb")
/// // lines.count == 2, lines[1].ending == [13, 10], lines[2].ending == []
/// ```
struct SourceLines: Sendable, Equatable {
  /// One line: its bytes without the line ending, and the line ending (empty on a last line
  /// that has none).
  struct Line: Sendable, Equatable {
    /// The bytes of the line, without its ending.
    var content: [UInt8]
    /// `\n`, `\r\n`, `\r`, or nothing for a last line without an ending.
    var ending: [UInt8]
  }

  /// The lines, in order (`lines[0]` is line 1).
  var lines: [Line]
  /// The length of the UTF-8 byte-order mark at the start of line 1 (3), or 0.
  var bomLength: Int

  /// Cuts `text` into lines.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  init(_ text: String) {
    let bytes = Array(text.utf8)
    var lines: [Line] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        var end = index + 1
        if byte == UInt8(ascii: "\r"), end < bytes.count, bytes[end] == UInt8(ascii: "\n") {
          end += 1
        }
        lines.append(Line(content: Array(bytes[start..<index]), ending: Array(bytes[index..<end])))
        start = end
        index = end
      } else {
        index += 1
      }
    }
    if start < bytes.count {
      lines.append(Line(content: Array(bytes[start...]), ending: []))
    }
    self.lines = lines
    self.bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  /// The number of lines.
  var count: Int { lines.count }

  /// The line numbered `number` (from 1).
  subscript(number: Int) -> Line {
    get { lines[number - 1] }
    set { lines[number - 1] = newValue }
  }

  /// The bytes of line `number` as cmark sees them: without its ending, and without the
  /// byte-order mark on line 1. Empty for a number past the last line.
  func text(ofLine number: Int) -> ArraySlice<UInt8> {
    guard number >= 1, number <= lines.count else { return [] }
    let content = lines[number - 1].content
    return number == 1 ? content.dropFirst(bomLength) : content[...]
  }

  /// The line ending to use for new lines: the first one the text uses, or `\n`.
  var preferredEnding: [UInt8] {
    lines.first { !$0.ending.isEmpty }?.ending ?? [UInt8(ascii: "\n")]
  }

  /// The text, put back together.
  var text: String {
    var bytes: [UInt8] = []
    for line in lines {
      bytes += line.content
      bytes += line.ending
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// The bytes that Markdown's fences and containers are made of.
enum MarkdownByte {
  /// `` ` ``, a fence character.
  static let backtick = UInt8(ascii: "`")
  /// `~`, a fence character.
  static let tilde = UInt8(ascii: "~")
  /// A space.
  static let space = UInt8(ascii: " ")
  /// A tab.
  static let tab = UInt8(ascii: "\t")
  /// `>`, the block-quote marker.
  static let greaterThan = UInt8(ascii: ">")

  /// Whether `byte` is a space or a tab.
  static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

  /// Whether `byte` is a fence character.
  static func isFence(_ byte: UInt8) -> Bool { byte == backtick || byte == tilde }
}
