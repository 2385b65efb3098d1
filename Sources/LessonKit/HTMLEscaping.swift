// Escaping text for HTML. Everything a snippet prints, every caption and every title goes
// through here before it reaches a page, so a snippet printing `<script>` shows the text.

extension String {
  /// The text with `&`, `<`, `>`, `"` and `'` replaced by character references, safe both as
  /// element content and inside a double- or single-quoted attribute value.
  ///
  ///     "a < b && c".htmlEscaped  // "a &lt; b &amp;&amp; c"
  ///
  /// - Complexity: O(*n*) in the length of the string.
  var htmlEscaped: String { replacingCharacterReferences(apostrophe: true) }

  /// The text with `&`, `<`, `>` and `"` replaced by character references, as cmark escapes
  /// text (it leaves `'` alone); safe as element content and in a double-quoted attribute.
  ///
  ///     "it's <b>".cmarkEscaped  // "it's &lt;b&gt;"
  ///
  /// - Complexity: O(*n*) in the length of the string.
  var cmarkEscaped: String { replacingCharacterReferences(apostrophe: false) }

  /// The text with the HTML-special bytes replaced by character references; `'` too when
  /// `apostrophe` is set. Text that needs none is returned as it is.
  private func replacingCharacterReferences(apostrophe: Bool) -> String {
    func reference(_ byte: UInt8) -> String? {
      switch byte {
      case UInt8(ascii: "&"): "&amp;"
      case UInt8(ascii: "<"): "&lt;"
      case UInt8(ascii: ">"): "&gt;"
      case UInt8(ascii: "\""): "&quot;"
      case UInt8(ascii: "'") where apostrophe: "&#39;"
      default: nil
      }
    }
    guard utf8.contains(where: { reference($0) != nil }) else { return self }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      if let reference = reference(byte) { bytes += reference.utf8 } else { bytes.append(byte) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text as cmark writes a link destination into `href`: letters, digits and
  /// `-_.+!*(),%#@?=;:/$~` as they are, `&` as `&amp;`, `'` as `&#x27;`, every other byte of
  /// its UTF-8 as `%XX`.
  ///
  ///     "a b/ü?x=1&y='2'".hrefEscaped  // "a%20b/%C3%BC?x=1&amp;y=&#x27;2&#x27;"
  ///
  /// - Complexity: O(*n*) in the length of the string.
  var hrefEscaped: String {
    let hexDigits = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        bytes.append(byte)
      case _ where hrefSafePunctuation.contains(byte):
        bytes.append(byte)
      case UInt8(ascii: "&"):
        bytes += Array("&amp;".utf8)
      case UInt8(ascii: "'"):
        bytes += Array("&#x27;".utf8)
      default:
        bytes += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The text of an HTML fragment: tags removed and the character references that
  /// ``htmlEscaped`` and cmark produce turned back into characters.
  ///
  ///     "<em>a</em> &amp; b".htmlTextContent  // "a & b"
  var htmlTextContent: String {
    var text = ""
    var inTag = false
    for character in self {
      if inTag {
        if character == ">" { inTag = false }
      } else if character == "<" {
        inTag = true
      } else {
        text.append(character)
      }
    }
    return
      text
      .replacingAll("&lt;", with: "<")
      .replacingAll("&gt;", with: ">")
      .replacingAll("&quot;", with: "\"")
      .replacingAll("&#39;", with: "'")
      .replacingAll("&amp;", with: "&")
  }

  /// The string with every occurrence of `target` replaced by `replacement`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}

/// The punctuation cmark leaves unescaped in a link destination.
private let hrefSafePunctuation = Set("-_.+!*(),%#@?=;:/$~".utf8)
