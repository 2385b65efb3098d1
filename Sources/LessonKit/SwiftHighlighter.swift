// A small Swift syntax highlighter for the rendered lessons: keywords, strings (with their
// interpolations highlighted as code), numbers, comments, attributes and type names. It reads
// characters, never builds a syntax tree, and never drops or changes a character.

/// What a piece of highlighted Swift source is.
public enum SwiftTokenKind: String, Sendable, Equatable, CaseIterable {
  /// Identifiers, operators, punctuation and white space: shown without colour.
  case plain
  /// A reserved or contextual keyword (`let`, `func`, `return`, `true`, `nil`, `#if`…).
  case keyword
  /// Part of a string literal, delimiters and escapes included.
  case string
  /// The `\(` and `)` around an interpolation inside a string literal.
  case interpolation
  /// An integer or floating-point literal (`42`, `0x1F`, `1_000`, `2.5e-3`).
  case number
  /// A line or block comment, doc comments included.
  case comment
  /// A name that starts with an upper-case letter (`Double`, `Lesson`), taken to be a type.
  case type
  /// An attribute (`@MainActor`, `@Test`).
  case attribute

  /// The CSS class of the `<span>` that wraps a token of this kind (`nil` for ``plain``).
  public var cssClass: String? {
    switch self {
    case .plain: nil
    case .keyword: "kw"
    case .string: "str"
    case .interpolation: "interp"
    case .number: "num"
    case .comment: "com"
    case .type: "type"
    case .attribute: "attr"
    }
  }
}

/// A run of Swift source of one ``SwiftTokenKind``.
public struct SwiftToken: Sendable, Equatable {
  /// What the text is.
  public var kind: SwiftTokenKind
  /// The source text, exactly as written.
  public var text: String

  /// Creates a token.
  public init(_ kind: SwiftTokenKind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}

/// Highlights Swift source for the lesson pages.
///
///     SwiftHighlighter.html(for: "let x = 1 // one")
///     // <span class="kw">let</span> x = <span class="num">1</span> <span class="com">// one</span>
///
/// Joining the texts of ``tokens(in:)`` gives back the source exactly, whatever it holds
/// (unterminated strings and comments included).
public enum SwiftHighlighter {
  /// Splits Swift source into highlighted runs; adjacent runs of one kind are merged.
  ///
  /// - Parameter source: Swift source code.
  /// - Returns: The runs, in order; their texts joined equal `source`.
  /// - Complexity: O(*n*) in the length of `source`.
  public static func tokens(in source: String) -> [SwiftToken] {
    var lexer = SwiftLexer(Array(source.unicodeScalars))
    lexer.lex(insideInterpolation: false)
    return lexer.tokens
  }

  /// The source as HTML: escaped text with `<span class="…">` around every run that is not
  /// plain (classes from ``SwiftTokenKind/cssClass``), for use inside `<pre><code>`.
  ///
  /// - Parameter source: Swift source code.
  /// - Complexity: O(*n*) in the length of `source`.
  public static func html(for source: String) -> String {
    var html = ""
    html.reserveCapacity(source.utf8.count * 2)
    for token in tokens(in: source) {
      if let cssClass = token.kind.cssClass {
        html += "<span class=\"\(cssClass)\">\(token.text.htmlEscaped)</span>"
      } else {
        html += token.text.htmlEscaped
      }
    }
    return html
  }

  /// The words highlighted as keywords.
  static let keywords: Set<String> = [
    "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case",
    "catch", "class", "consuming", "continue", "convenience", "default", "defer", "deinit", "do",
    "dynamic", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for",
    "func", "guard", "if", "import", "in", "indirect", "infix", "init", "inout", "internal", "is",
    "lazy", "let", "macro", "mutating", "nil", "nonisolated", "nonmutating", "open", "operator",
    "optional", "override", "package", "postfix", "precedencegroup", "prefix", "private",
    "protocol", "public", "repeat", "required", "rethrows", "return", "self", "Self", "some",
    "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
    "typealias", "unowned", "var", "weak", "where", "while", "Any",
  ]
}

/// The character-level scanner behind ``SwiftHighlighter``.
private struct SwiftLexer {
  let scalars: [Unicode.Scalar]
  var position = 0
  var tokens: [SwiftToken] = []

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let index = position + offset
    return index < scalars.count ? scalars[index] : nil
  }

  mutating func emit(_ kind: SwiftTokenKind, from start: Int) {
    guard start < position else { return }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[start..<position])
    if let last = tokens.last, last.kind == kind {
      tokens[tokens.count - 1].text += text
    } else {
      tokens.append(SwiftToken(kind, text))
    }
  }

  static func isIdentifierHead(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic
  }

  static func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierHead(scalar) || scalar.properties.numericType != nil
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  /// Lexes until the end, or (inside an interpolation) until the `)` that closes it, which is
  /// left unconsumed.
  mutating func lex(insideInterpolation: Bool) {
    var depth = 0
    while let scalar = peek() {
      let start = position
      if scalar == "/" && peek(1) == "/" {
        while let next = peek(), next != "\n" { position += 1 }
        emit(.comment, from: start)
      } else if scalar == "/" && peek(1) == "*" {
        lexBlockComment()
        emit(.comment, from: start)
      } else if scalar == "\"" || (scalar == "#" && startsRawString()) {
        lexString()
      } else if Self.isDigit(scalar) {
        lexNumber()
        emit(.number, from: start)
      } else if Self.isIdentifierHead(scalar) {
        while let next = peek(), Self.isIdentifierBody(next) { position += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<position]))
        let kind: SwiftTokenKind =
          SwiftHighlighter.keywords.contains(word)
          ? .keyword : (scalar.properties.isUppercase ? .type : .plain)
        emit(kind, from: start)
      } else if scalar == "@" || scalar == "#", let next = peek(1), Self.isIdentifierHead(next) {
        position += 1
        while let next = peek(), Self.isIdentifierBody(next) { position += 1 }
        emit(scalar == "@" ? .attribute : .keyword, from: start)
      } else if scalar == "`" {
        // A backquoted identifier: plain, whatever word it holds.
        position += 1
        while let next = peek(), next != "`", next != "\n" { position += 1 }
        if peek() == "`" { position += 1 }
        emit(.plain, from: start)
      } else {
        if insideInterpolation {
          if scalar == "(" {
            depth += 1
          } else if scalar == ")" {
            if depth == 0 { return }
            depth -= 1
          }
        }
        position += 1
        emit(.plain, from: start)
      }
    }
  }

  mutating func lexBlockComment() {
    position += 2
    var depth = 1
    while depth > 0, let scalar = peek() {
      if scalar == "/" && peek(1) == "*" {
        depth += 1
        position += 2
      } else if scalar == "*" && peek(1) == "/" {
        depth -= 1
        position += 2
      } else {
        position += 1
      }
    }
  }

  /// Whether the `#`s at the current position open a raw string (`#"`, `##"`…).
  func startsRawString() -> Bool {
    var offset = 0
    while peek(offset) == "#" { offset += 1 }
    return peek(offset) == "\""
  }

  mutating func lexNumber() {
    if peek() == "0", let base = peek(1), base == "x" || base == "b" || base == "o" {
      position += 2
      while let next = peek(), next.properties.isASCIIHexDigit || next == "_" { position += 1 }
      if base == "x", peek() == ".", let after = peek(1), after.properties.isASCIIHexDigit {
        position += 1
        while let next = peek(), next.properties.isASCIIHexDigit || next == "_" { position += 1 }
      }
      if base == "x", let exponent = peek(), exponent == "p" || exponent == "P" {
        lexExponent()
      }
      return
    }
    while let next = peek(), Self.isDigit(next) || next == "_" { position += 1 }
    if peek() == ".", let after = peek(1), Self.isDigit(after) {
      position += 1
      while let next = peek(), Self.isDigit(next) || next == "_" { position += 1 }
    }
    if let exponent = peek(), exponent == "e" || exponent == "E" { lexExponent() }
  }

  mutating func lexExponent() {
    var offset = 1
    if let sign = peek(offset), sign == "+" || sign == "-" { offset += 1 }
    guard let digit = peek(offset), Self.isDigit(digit) else { return }
    position += offset
    while let next = peek(), Self.isDigit(next) || next == "_" { position += 1 }
  }

  /// Lexes a string literal (plain, raw, multi-line), emitting interpolations as code.
  mutating func lexString() {
    var start = position
    var hashes = 0
    while peek() == "#" {
      hashes += 1
      position += 1
    }
    let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
    position += multiline ? 3 : 1
    while let scalar = peek() {
      if scalar == "\n" && !multiline { break }
      if scalar == "\"" && (!multiline || (peek(1) == "\"" && peek(2) == "\"")) {
        let quotes = multiline ? 3 : 1
        var closingHashes = 0
        while closingHashes < hashes && peek(quotes + closingHashes) == "#" { closingHashes += 1 }
        if closingHashes == hashes {
          position += quotes + hashes
          emit(.string, from: start)
          return
        }
        position += 1
        continue
      }
      if scalar == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
        let afterEscape = 1 + hashes
        if peek(afterEscape) == "(" {
          emit(.string, from: start)
          let open = position
          position += afterEscape + 1
          emit(.interpolation, from: open)
          lex(insideInterpolation: true)
          if peek() == ")" {
            let close = position
            position += 1
            emit(.interpolation, from: close)
          }
          start = position
          continue
        }
        position += afterEscape + (peek(afterEscape) == nil ? 0 : 1)
        continue
      }
      position += 1
    }
    emit(.string, from: start)
  }
}
