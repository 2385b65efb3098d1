// A check every student answer passes before it is compiled: its brackets balance, and it
// never closes one it did not open. An answer runs inside the generated lesson function; one
// that closed that function's brackets could put declarations outside it (and change what the
// checks run against), or break the program in ways no compiler error would point at.

/// Whether `code` keeps its brackets to itself: reading it left to right, outside comments
/// and string literals (with their interpolations), every `}`, `)` and `]` closes the last
/// bracket the code itself opened, and none is left open at the end.
///
/// ```swift
/// answerBracketsBalance("let x = [1, 2].map { $0 * 2 }")   // true
/// answerBracketsBalance("}\nfunc outside() {}\nfunc f() {")  // false: closes first
/// answerBracketsBalance("print(\"}\")  // )")              // true
/// ```
///
/// Understood: `//` and nested `/* */` comments; `"…"`, `"""…"""` and raw `#"…"#` strings
/// with `\(…)` interpolations (nested strings inside them too); `#/…/#` regular expressions.
///
/// - Parameter code: An answer's code.
/// - Returns: Whether its brackets balance.
/// - Complexity: O(*n*) in the length of `code`.
public func answerBracketsBalance(_ code: String) -> Bool {
  var scanner = BracketScanner(Array(code.utf8))
  return scanner.scanCode(until: nil) && scanner.position == scanner.bytes.count
}

/// Reads Swift source for ``answerBracketsBalance(_:)``.
private struct BracketScanner {
  let bytes: [UInt8]
  var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  private func byte(at offset: Int = 0) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  private func starts(with text: String) -> Bool {
    let pattern = Array(text.utf8)
    return position + pattern.count <= bytes.count
      && Array(bytes[position..<position + pattern.count]) == pattern
  }

  /// Reads code until the bracket `closing` closes it (consumed), or to the end when `nil`.
  /// Returns `false` at a bracket that closes something it did not open, or at the end with
  /// `closing` still open.
  mutating func scanCode(until closing: UInt8?) -> Bool {
    while let current = byte() {
      if starts(with: "//") {
        while let next = byte(), next != UInt8(ascii: "\n") { position += 1 }
      } else if starts(with: "/*") {
        guard skipBlockComment() else { return false }
      } else if current == UInt8(ascii: "#") || current == UInt8(ascii: "\"") {
        if let hashes = literalStart() {
          guard scanLiteral(hashes: hashes) else { return false }
        } else {
          position += 1
        }
      } else if let close = Self.pairs[current] {
        position += 1
        guard scanCode(until: close) else { return false }
      } else if Self.closers.contains(current) {
        position += 1
        return current == closing
      } else {
        position += 1
      }
    }
    return closing == nil
  }

  private static let pairs: [UInt8: UInt8] = [
    UInt8(ascii: "{"): UInt8(ascii: "}"), UInt8(ascii: "("): UInt8(ascii: ")"),
    UInt8(ascii: "["): UInt8(ascii: "]"),
  ]
  private static let closers: Set<UInt8> = [
    UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"),
  ]

  /// Skips a `/* */` comment, nested ones included; `false` when it never ends.
  private mutating func skipBlockComment() -> Bool {
    var depth = 0
    while byte() != nil {
      if starts(with: "/*") {
        depth += 1
        position += 2
      } else if starts(with: "*/") {
        depth -= 1
        position += 2
        if depth == 0 { return true }
      } else {
        position += 1
      }
    }
    return false
  }

  /// At `#…#"`, `"` or `#/`: the number of `#` of a string or regular-expression literal that
  /// starts here, or `nil` when none does.
  private func literalStart() -> Int? {
    var hashes = 0
    while byte(at: hashes) == UInt8(ascii: "#") { hashes += 1 }
    guard let next = byte(at: hashes) else { return nil }
    if next == UInt8(ascii: "\"") { return hashes }
    if next == UInt8(ascii: "/"), hashes > 0 { return hashes }
    return nil
  }

  /// Reads a literal from its opening delimiter to its closing one, its interpolations as
  /// code; `false` when it never closes or an interpolation's brackets do not balance.
  private mutating func scanLiteral(hashes: Int) -> Bool {
    position += hashes
    let hashText = String(repeating: "#", count: hashes)
    if byte() == UInt8(ascii: "/") {
      position += 1
      let end = "/" + hashText
      while byte() != nil {
        if starts(with: end) {
          position += end.utf8.count
          return true
        }
        position += 1
      }
      return false
    }
    let multiline = starts(with: "\"\"\"")
    let quote = multiline ? "\"\"\"" : "\""
    position += quote.utf8.count
    let end = quote + hashText
    let escape = "\\" + hashText
    while let current = byte() {
      if starts(with: end) {
        position += end.utf8.count
        return true
      }
      if !multiline, current == UInt8(ascii: "\n") { return false }
      if starts(with: escape) {
        position += escape.utf8.count
        if byte() == UInt8(ascii: "(") {
          position += 1
          guard scanCode(until: UInt8(ascii: ")")) else { return false }
        } else {
          position += 1
        }
        continue
      }
      position += 1
    }
    return false
  }
}
