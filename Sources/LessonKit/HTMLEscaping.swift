// Escaping text for HTML. Everything a snippet prints, every caption and every title goes
// through here before it reaches a page, so a snippet printing `<script>` shows the text.

extension String {
  /// The text with `&`, `<`, `>`, `"` and `'` replaced by character references, safe both as
  /// element content and inside a double- or single-quoted attribute value.
  ///
  ///     "a < b && c".htmlEscaped  // "a &lt; b &amp;&amp; c"
  ///
  /// - Complexity: O(*n*) in the length of the string.
  var htmlEscaped: String {
    // Fast path: most text needs no change.
    if !utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    {
      return self
    }
    var result = ""
    result.reserveCapacity(utf8.count + 16)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
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
