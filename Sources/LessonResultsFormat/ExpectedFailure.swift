// What a snippet marked `fails` records: the error that stopped it, as one line of text that is
// the same on every machine. The lessons program writes it after what the snippet printed; the
// output block of the snippet records both, and `lessons verify` compares them as any output.

/// The line a `fails` snippet's output ends with: the error that stopped it, normalized so that
/// it is the same on every machine.
///
///     ExpectedFailure.thrownLine(description: "Adam: learningRate must be in (0, ∞), got -1.0")
///     // "threw: Adam: learningRate must be in (0, ∞), got -1.0\n"
///     ExpectedFailure.trapLine(
///       standardError: "lesson_runner/04-x.md:12: Fatal error: NaN at step 3\n", signal: 4)
///     // "Fatal error: NaN at step 3\n"
public enum ExpectedFailure {
  /// The words the Swift runtime starts a trap's message with.
  static let runtimeMessageStarts = [
    "Fatal error:", "Precondition failed:", "Assertion failed:",
  ]

  /// The line for an error thrown out of the snippet: `threw: ` and the error's description,
  /// normalized (``normalized(_:)``), with a final line feed.
  ///
  /// - Parameter description: `String(describing: error)`.
  /// - Returns: The line (several lines when the description has line breaks).
  public static func thrownLine(description: String) -> String {
    "threw: " + normalized(description) + "\n"
  }

  /// The line for a snippet that trapped or crashed: the Swift runtime's message from its
  /// standard error, from `Fatal error:` (or `Precondition failed:`, `Assertion failed:`) on,
  /// without the file and line before it, normalized; `crashed (signal N)` when the runtime
  /// printed none (a signal from C code). A final line feed ends it.
  ///
  /// - Parameters:
  ///   - standardError: What the snippet wrote to standard error.
  ///   - signal: The signal that ended it.
  /// - Returns: The line.
  public static func trapLine(standardError: String, signal: Int32) -> String {
    for line in standardError.split(separator: "\n") {
      for start in runtimeMessageStarts {
        if let range = line.firstRange(of: start) {
          return normalized(String(line[range.lowerBound...])) + "\n"
        }
      }
    }
    return "crashed (signal \(signal))\n"
  }

  /// The line for a snippet that exited (`exit(N)`) instead of failing.
  ///
  /// - Parameter status: The exit status.
  /// - Returns: `exited with status N` and a line feed.
  public static func exitLine(status: Int32) -> String {
    "exited with status \(status)\n"
  }

  /// `text` without what differs from one machine to the next: an address (`0x` and at least
  /// six hexadecimal digits) becomes `0x…`, and an absolute path keeps only its last part
  /// (`/home/me/Descent/Sources/A/B.swift:12` → `B.swift:12`).
  ///
  ///     ExpectedFailure.normalized("bad pointer 0x00007ffe12ab at /tmp/x/y.swift:3")
  ///     // "bad pointer 0x… at y.swift:3"
  ///
  /// - Parameter text: A message.
  /// - Returns: The message, normalized.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func normalized(_ text: String) -> String {
    let characters = Array(text)
    var result = ""
    var index = 0
    func isHexDigit(_ character: Character) -> Bool { character.isHexDigit }
    while index < characters.count {
      let character = characters[index]
      let previous: Character? = index > 0 ? characters[index - 1] : nil
      let startsWord = previous.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
      if character == "0", startsWord, index + 1 < characters.count,
        characters[index + 1] == "x" || characters[index + 1] == "X"
      {
        var end = index + 2
        while end < characters.count, isHexDigit(characters[end]) { end += 1 }
        if end - index - 2 >= 6 {
          result += "0x…"
          index = end
          continue
        }
      }
      let startsPath = previous.map { $0.isWhitespace || "([<'\"=:".contains($0) } ?? true
      if character == "/", startsPath {
        // An absolute path runs to the next blank or quote; keep what follows its last `/`.
        var end = index
        while end < characters.count, !characters[end].isWhitespace,
          !"'\")]>,".contains(characters[end])
        {
          end += 1
        }
        let path = characters[index..<end]
        if let lastSlash = path.lastIndex(of: "/"), lastSlash > index,
          path.filter({ $0 == "/" }).count >= 2
        {
          result += String(characters[(lastSlash + 1)..<end])
          index = end
          continue
        }
      }
      result.append(character)
      index += 1
    }
    return result
  }
}
