// The part of DocC's output that the API reference is rendered from: the render JSON of each
// page of a documentation archive (`data/documentation/…/x.json`, DocC's "RenderNode", schema
// 0.3). Only what the site shows is read; anything else in the files is ignored, and content
// of a kind this reader does not know is skipped rather than failing the whole reference.

/// One page of DocC's render JSON: a module, a symbol or a group of symbols.
struct DocCRenderNode: Decodable, Sendable {
  /// The page's identity: `doc://Module/documentation/Module/Name`.
  var identifier: Identifier
  var metadata: Metadata
  var abstract: [DocCInline]?
  var primaryContentSections: [DocCSection]?
  var topicSections: [DocCTopicSection]?
  var relationshipsSections: [DocCTopicSection]?
  var seeAlsoSections: [DocCTopicSection]?
  var hierarchy: Hierarchy?
  /// Everything the page refers to, by identifier: other pages (with their URL, title and
  /// abstract), links, symbols of other modules.
  var references: [String: DocCReference]?

  struct Identifier: Decodable, Sendable {
    var url: String
  }

  struct Metadata: Decodable, Sendable {
    var title: String?
    /// `symbol`, `collection` (a module or an extended module), `collectionGroup`, `article`.
    var role: String?
    /// What the page is, as a heading ("Structure", "Instance Method", "Framework").
    var roleHeading: String?
    /// `struct`, `enum`, `protocol`, `func`, `method`, `property`, `module`, `extension`, …
    var symbolKind: String?
    /// The module a symbol extends, for members declared in an extension.
    var extendedModule: String?
    /// The compiler's identifier; `…::SYNTHESIZED::…` for a default implementation that a
    /// type inherits.
    var externalID: String?
  }

  struct Hierarchy: Decodable, Sendable {
    /// The identifiers of the pages above this one, outermost first (one list per path).
    var paths: [[String]]
  }
}

/// A group of pages: a topic group (`Topics`), a relationship (`Conforms To`) or `See Also`.
struct DocCTopicSection: Decodable, Sendable {
  var title: String?
  var identifiers: [String]
}

/// What a reference in a page stands for.
struct DocCReference: Decodable, Sendable {
  /// `topic` (a page of the archive), `link` (a URL), `unresolvable` (a symbol of another
  /// module, such as `Sendable`), `image`, …
  var type: String?
  var title: String?
  /// A page's path (`/documentation/optimizers/adam`) or a link's destination.
  var url: String?
  var abstract: [DocCInline]?
  /// `symbol`, `article`, …
  var kind: String?
}

/// A token of a declaration, possibly naming a documented type.
struct DocCToken: Decodable, Sendable {
  /// `keyword`, `identifier`, `typeIdentifier`, `genericParameter`, `externalParam`, `text`, …
  var kind: String
  var text: String
  /// The reference of the type it names, when that type is documented.
  var identifier: String?
}

/// A section of a page's main content.
enum DocCSection: Decodable, Sendable {
  /// The declarations (one per platform or language; Descent has one).
  case declarations([[DocCToken]])
  /// The documented parameters, each with its description.
  case parameters([(name: String, content: [DocCBlock])])
  /// Discussion: paragraphs, lists, code listings, headings ("Overview", "Return Value").
  case content([DocCBlock])
  /// A section this reader does not show.
  case other

  private enum Keys: String, CodingKey {
    case kind, declarations, parameters, content, tokens, name
  }

  private struct Declaration: Decodable { var tokens: [DocCToken] }
  private struct Parameter: Decodable {
    var name: String
    var content: [DocCBlock]?
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    switch try container.decode(String.self, forKey: .kind) {
    case "declarations":
      self = .declarations(
        try container.decode([Declaration].self, forKey: .declarations).map(\.tokens))
    case "parameters":
      self = .parameters(
        try container.decode([Parameter].self, forKey: .parameters).map {
          (name: $0.name, content: $0.content ?? [])
        })
    case "content":
      self = .content(try container.decodeIfPresent([DocCBlock].self, forKey: .content) ?? [])
    default:
      self = .other
    }
  }
}

/// A block of DocC content.
indirect enum DocCBlock: Decodable, Sendable {
  case paragraph([DocCInline])
  case heading(level: Int, text: String)
  case codeListing(syntax: String?, lines: [String])
  case unorderedList([[DocCBlock]])
  case orderedList([[DocCBlock]], start: Int?)
  /// A note, a warning, an important point, … (`- Note:` in a doc comment).
  case aside(name: String, content: [DocCBlock])
  case table(header: String?, rows: [[[DocCBlock]]])
  case termList([(term: [DocCInline], definition: [DocCBlock])])
  case thematicBreak
  /// A block this reader does not know; not shown.
  case unknown(String)

  private enum Keys: String, CodingKey {
    case type, inlineContent, level, text, syntax, code, items, content, start, style, name
    case header, rows, term, definition
  }

  private struct Item: Decodable { var content: [DocCBlock]? }
  private struct Term: Decodable { var inlineContent: [DocCInline]? }
  private struct Definition: Decodable { var content: [DocCBlock]? }
  private struct TermItem: Decodable {
    var term: Term
    var definition: Definition
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    let type = try container.decode(String.self, forKey: .type)
    func inline() throws -> [DocCInline] {
      try container.decodeIfPresent([DocCInline].self, forKey: .inlineContent) ?? []
    }
    func blocks() throws -> [DocCBlock] {
      try container.decodeIfPresent([DocCBlock].self, forKey: .content) ?? []
    }
    switch type {
    case "paragraph":
      self = .paragraph(try inline())
    case "heading":
      self = .heading(
        level: try container.decodeIfPresent(Int.self, forKey: .level) ?? 2,
        text: try container.decodeIfPresent(String.self, forKey: .text) ?? "")
    case "codeListing":
      self = .codeListing(
        syntax: try container.decodeIfPresent(String.self, forKey: .syntax),
        lines: try container.decodeIfPresent([String].self, forKey: .code) ?? [])
    case "unorderedList":
      self = .unorderedList(
        try container.decode([Item].self, forKey: .items).map { $0.content ?? [] })
    case "orderedList":
      self = .orderedList(
        try container.decode([Item].self, forKey: .items).map { $0.content ?? [] },
        start: try container.decodeIfPresent(Int.self, forKey: .start))
    case "aside":
      let style = try container.decodeIfPresent(String.self, forKey: .style) ?? "note"
      let name = try container.decodeIfPresent(String.self, forKey: .name)
      self = .aside(
        name: name ?? style.prefix(1).uppercased() + style.dropFirst(), content: try blocks())
    case "table":
      self = .table(
        header: try container.decodeIfPresent(String.self, forKey: .header),
        rows: try container.decodeIfPresent([[[DocCBlock]]].self, forKey: .rows) ?? [])
    case "termList":
      self = .termList(
        try container.decode([TermItem].self, forKey: .items).map {
          (term: $0.term.inlineContent ?? [], definition: $0.definition.content ?? [])
        })
    case "thematicBreak":
      self = .thematicBreak
    default:
      self = .unknown(type)
    }
  }
}

/// A span of DocC inline content.
indirect enum DocCInline: Decodable, Sendable {
  case text(String)
  case codeVoice(String)
  /// Emphasis, strong, new term, inline head, subscript, superscript or strikethrough: the
  /// HTML element it is written as, and its content.
  case styled(element: String, content: [DocCInline])
  /// A link to a page or a URL, through the page's references.
  case reference(identifier: String, isActive: Bool, overridingTitle: String?)
  /// An image; shown by its text only (the site copies no image of the archive).
  case image(identifier: String)
  /// Inline content this reader does not know; not shown.
  case unknown(String)

  private enum Keys: String, CodingKey {
    case type, text, code, inlineContent, identifier, isActive, overridingTitle
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    let type = try container.decode(String.self, forKey: .type)
    let elements = [
      "emphasis": "em", "strong": "strong", "newTerm": "em", "inlineHead": "strong",
      "subscript": "sub", "superscript": "sup", "strikethrough": "s",
    ]
    if let element = elements[type] {
      self = .styled(
        element: element,
        content: try container.decodeIfPresent([DocCInline].self, forKey: .inlineContent) ?? [])
      return
    }
    switch type {
    case "text":
      self = .text(try container.decodeIfPresent(String.self, forKey: .text) ?? "")
    case "codeVoice":
      self = .codeVoice(try container.decodeIfPresent(String.self, forKey: .code) ?? "")
    case "reference":
      self = .reference(
        identifier: try container.decode(String.self, forKey: .identifier),
        isActive: try container.decodeIfPresent(Bool.self, forKey: .isActive) ?? true,
        overridingTitle: try container.decodeIfPresent(String.self, forKey: .overridingTitle))
    case "image":
      self = .image(
        identifier: try container.decodeIfPresent(String.self, forKey: .identifier) ?? "")
    default:
      self = .unknown(type)
    }
  }
}
