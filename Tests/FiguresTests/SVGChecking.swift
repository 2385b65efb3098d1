// Test helpers: parse an SVG document with an XML parser (so a malformed document fails the
// test) into a small tree that tests can search.

import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a parsed SVG document.
final class XMLElementNode {
  let name: String
  let attributes: [String: String]
  var children: [XMLElementNode] = []
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// All elements below (and including) this one with the given name, in document order.
  func all(_ name: String) -> [XMLElementNode] {
    (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
  }

  /// The text of this element and its descendants, concatenated.
  var allText: String { text + children.map(\.allText).joined() }

  /// A numeric attribute.
  func number(_ attribute: String) -> Double? {
    attributes[attribute].flatMap(Double.init)
  }
}

/// Parsing failed: the document is not well-formed XML.
struct MalformedXML: Error, CustomStringConvertible {
  var description: String
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var stack: [XMLElementNode] = []
  var root: XMLElementNode?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    let node = XMLElementNode(name: elementName, attributes: attributeDict)
    stack.last?.children.append(node)
    if stack.isEmpty { root = node }
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}

/// Parses `svg` with Foundation's `XMLParser`; throws if it is not well-formed or the root is
/// not an `svg` element.
func parseSVG(_ svg: String) throws -> XMLElementNode {
  let parser = XMLParser(data: Data(svg.utf8))
  let builder = TreeBuilder()
  parser.delegate = builder
  guard parser.parse(), let root = builder.root else {
    throw MalformedXML(
      description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root")")
  }
  guard root.name == "svg" else { throw MalformedXML(description: "root is \(root.name)") }
  return root
}

/// The points of a `polyline` element's `points` attribute.
func polylinePoints(_ node: XMLElementNode) -> [(Double, Double)] {
  (node.attributes["points"] ?? "").split(separator: " ").map {
    let parts = $0.split(separator: ",").map { Double(String($0))! }
    return (parts[0], parts[1])
  }
}
