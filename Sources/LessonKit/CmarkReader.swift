// The only file that talks to the C library cmark. No C pointer leaves it; everything cmark
// allocates is freed before a function returns.

import CCmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders CommonMark to HTML with cmark.
///
/// - Parameters:
///   - markdown: The Markdown source (UTF-8; a leading BOM is allowed).
///   - sourcePositions: When `true`, block elements carry `data-sourcepos="L:C-L:C"` attributes
///     (1-based lines of `markdown`), which the site renderer uses to place outputs and figures.
///   - allowRawHTML: When `false` (the default), raw HTML in the Markdown is replaced by a comment,
///     as cmark does in its safe mode.
/// - Returns: The HTML fragment for the document body.
public func cmarkHTML(
  _ markdown: String, sourcePositions: Bool = false, allowRawHTML: Bool = false
) -> String {
  var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
  if sourcePositions { options |= CMARK_OPT_SOURCEPOS }
  if allowRawHTML { options |= CMARK_OPT_UNSAFE }
  var source = markdown
  return source.withUTF8 { bytes -> String in
    let raw = bytes.withMemoryRebound(to: CChar.self) { chars in
      cmark_markdown_to_html(chars.baseAddress, chars.count, options)
    }
    guard let raw else { return "" }
    defer { free(raw) }
    return String(cString: raw)
  }
}
