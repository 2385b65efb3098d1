@testable import LessonKit

// Lessons built at random from the pieces the reader must handle: containers (list items,
// block quotes, indented fences), both fence characters, longer fences, all three line
// endings (mixed or not), trailing blanks, a byte-order mark. The generator records what it
// wrote, so tests know the blocks the reader must find without asking the reader.

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator for test data.
struct SplitMix64: RandomNumberGenerator {
  /// The generator's state.
  var state: UInt64

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A random lesson and the snippets it was written with.
struct RandomLesson {
  /// A snippet as the generator wrote it.
  struct WrittenSnippet: Equatable {
    /// The line of the snippet's opening fence.
    var openingLine: Int
    /// The line of its closing fence.
    var closingLine: Int
    /// Its body, as the reader must return it.
    var content: String
    /// Its attributes.
    var attributes: Set<SnippetAttribute>
    /// The body of its output block, when it has one.
    var output: String?
  }

  /// The Markdown text.
  var text = ""
  /// The title written on line 1.
  var title = ""
  /// The snippets, in order.
  var snippets: [WrittenSnippet] = []
  /// The number of lines written.
  private(set) var lineCount = 0

  /// Writes a lesson in which every snippet has an `output` block when `allOutputs` is set.
  init(_ random: inout SplitMix64, allOutputs: Bool) {
    let endings = ["\n", "\n", "\r\n", "\r"]
    let sameEnding = Bool.random(using: &random)
    let fileEnding = endings.randomElement(using: &random)!
    if Bool.random(using: &random) { text = "\u{FEFF}" }
    /// Appends one line with a line ending and, when `blanks` allows, sometimes trailing
    /// blanks; returns the line as written, without its ending.
    @discardableResult
    func line(_ content: String, blanks: Bool = true, _ random: inout SplitMix64) -> String {
      let trailing = blanks && Int.random(in: 0..<6, using: &random) == 0 ? " \t" : ""
      var ending = sameEnding ? fileEnding : endings.randomElement(using: &random)!
      // "\r" and then an empty line ending with "\n" would be one "\r\n", not two lines.
      if text.utf8.last == UInt8(ascii: "\r"), (content + trailing).isEmpty { ending = "\r" }
      text += content + trailing + ending
      lineCount += 1
      return content + trailing
    }
    /// Writes a fenced block; returns its opening and closing lines and its body.
    func fencedBlock(
      info: String, body: [String], first: String, rest: String, _ random: inout SplitMix64
    ) -> (opening: Int, closing: Int, content: String) {
      let character = Bool.random(using: &random) ? "`" : "~"
      let fence = String(repeating: character, count: Int.random(in: 3...5, using: &random))
      line(first + fence + info, &random)
      let opening = lineCount
      var content = ""
      for bodyLine in body {
        if bodyLine.isEmpty && Bool.random(using: &random) {
          // A blank body line without the container's blanks (a block quote's marker
          // always stays, or the quote would end).
          line(rest.hasPrefix(">") ? ">" : "", blanks: false, &random)
          content += "\n"
        } else {
          content += line(rest + bodyLine, &random).dropFirst(rest.count) + "\n"
        }
      }
      line(rest + fence, &random)
      return (opening, lineCount, content)
    }

    let words = ["let x = 1", "print(x)", "", "  indented", "中文 text", "``", "a > b", "\tx"]
    title = "Lesson \(random.next() % 100)"
    line("# " + title, &random)
    line("", &random)
    for _ in 0..<Int.random(in: 1...5, using: &random) {
      let containers = [("", ""), ("- ", "  "), ("1. ", "   "), ("> ", "> "), ("  ", "  ")]
      let (first, rest) = containers.randomElement(using: &random)!
      let code = (0..<Int.random(in: 0...3, using: &random)).map { _ in
        words.randomElement(using: &random)!
      }
      let attributes = [[], [SnippetAttribute.hide], [.nocheck], [.norun], [.hide, .nocheck]]
        .randomElement(using: &random)!
      let info = (["swift"] + attributes.map(\.rawValue)).joined(separator: " ")
      let snippet = fencedBlock(info: info, body: code, first: first, rest: rest, &random)
      var output: String?
      if allOutputs || Bool.random(using: &random) {
        if Bool.random(using: &random) { line(rest.hasPrefix(">") ? ">" : "", &random) }
        let body = (0..<Int.random(in: 0...2, using: &random)).map { _ in "old output" }
        output = fencedBlock(info: "output", body: body, first: rest, rest: rest, &random).content
      }
      snippets.append(
        WrittenSnippet(
          openingLine: snippet.opening, closingLine: snippet.closing, content: snippet.content,
          attributes: Set(attributes), output: output))
      line("", &random)
      if Bool.random(using: &random) {
        line("Some text.", &random)
        line("", &random)
      }
    }
  }
}
