// The API reference of the site, read from a DocC documentation archive (the render JSON
// under `data/documentation/`) and laid out as static pages under `api/`: one page per
// module, per type and per top-level function, a type's members on its own page. DocC's own
// web app cannot be used from disk: it loads those JSON files with `fetch`, which browsers
// refuse for `file://` URLs, so the site renders its own pages from the same JSON
// (APIReferenceHTML.swift), and links the lessons to them (APILinks.swift).

import Foundation

/// The library's documentation as DocC built it, ready to be written into the site.
///
///     let reference = try APIReference(archive: ".build/lessons/api/Descent.doccarchive")
///     reference.typeLinks["Adam"]   // "api/optimizers/adam.html"
///
/// Pages: `api/index.html` (the modules), `api/MODULE/index.html` (a module's landing page:
/// its catalog's text and its topic groups), and `api/MODULE/NAME.html` for each type,
/// extension and top-level function (nested types: `lecture.adam.html`), whose members
/// (properties, methods, initializers, cases) are sections of that page (`#name`).
public struct APIReference: Sendable {
  /// Every page of the archive, by its URL path (`/documentation/optimizers/adam`).
  let nodes: [String: DocCRenderNode]
  /// The module pages' URL paths, in the order of their titles.
  let modules: [String]
  /// The file of each node that gets a page of its own, relative to `api/`
  /// (`optimizers/adam.html`), by URL path.
  let pageFiles: [String: String]
  /// Where each node is shown, relative to `api/` (`optimizers/adam.html#learningrate`), by
  /// URL path; nodes that are not shown (default implementations inherited from the standard
  /// library) have none.
  let locations: [String: String]
  /// The URL path of each identifier (`doc://Optimizers/documentation/Optimizers/Adam`).
  let urlsByIdentifier: [String: String]
  /// The doc comment of each symbol as written, by its compiler identifier
  /// (``docCommentsFile``), to undo DocC's capitalization (``restoringFirstWord(of:label:in:)``).
  let docComments: [String: [String]]

  /// The file in the archive, written by ``APIReferenceBuild``, that keeps every symbol's doc
  /// comment as written (from the symbol graphs): DocC capitalizes the first word of a
  /// parameter's, a return value's or an aside's description (`η ≥ 0` becomes `Η ≥ 0`), and the
  /// pages restore it from there.
  static let docCommentsFile = "descent-doc-comments.json"

  /// The page of every documented module and type, relative to the site's root
  /// (`api/optimizers/adam.html`), by the name a lesson writes: the type's name as Swift
  /// qualifies it (`Adam`, `Lecture.Adam`, `Matrix`), the module's name (`Optimizers`), and
  /// both forms prefixed by the module (`Optimizers.Adam`). A name two modules both document
  /// is left out (a lesson's mention of it would be ambiguous).
  public let typeLinks: [String: String]

  /// The names of the documented modules, in order.
  public var moduleNames: [String] { modules.map { nodes[$0]?.metadata.title ?? $0 } }

  /// The number of pages written by ``files(courseTitle:lessonPages:)``.
  public var pageCount: Int { Set(pageFiles.values).count + 1 }

  /// Reads the archive DocC wrote (by `swift package generate-documentation` with
  /// `--enable-experimental-combined-documentation`, or `docc convert`/`docc merge`).
  ///
  /// - Parameter archive: The `.doccarchive` folder.
  /// - Throws: ``SiteError`` when the folder holds no render JSON or a file of it cannot be
  ///   read as DocC's render JSON.
  /// - Complexity: Reads every JSON file of the archive (about 10 MB for Descent's seven
  ///   modules).
  public init(archive: String) throws {
    let root = URL(fileURLWithPath: archive).appending(path: "data/documentation")
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue,
      let walker = manager.enumerator(atPath: root.path)
    else {
      throw SiteError(
        "\(archive): not a DocC archive (no data/documentation folder); build it with "
          + "`lessons render --api-reference` or `swift package generate-documentation`")
    }
    var nodes: [String: DocCRenderNode] = [:]
    let decoder = JSONDecoder()
    while let relative = walker.nextObject() as? String {
      guard relative.hasSuffix(".json") else { continue }
      let file = root.appending(path: relative)
      do {
        let node = try decoder.decode(DocCRenderNode.self, from: Data(contentsOf: file))
        nodes["/documentation/" + relative.dropLast(".json".count)] = node
      } catch {
        throw SiteError(
          "\(file.path): not DocC render JSON this version reads (\(error)); rebuild the "
            + "archive with the toolchain's docc")
      }
    }
    let commentsFile = URL(fileURLWithPath: archive).appending(path: Self.docCommentsFile)
    let comments = (try? Data(contentsOf: commentsFile)).flatMap {
      try? decoder.decode([String: [String]].self, from: $0)
    }
    try self.init(nodes: nodes, docComments: comments ?? [:], archive: archive)
  }

  /// Lays out `nodes` (by URL path) as pages.
  init(
    nodes: [String: DocCRenderNode], docComments: [String: [String]] = [:],
    archive: String = "archive"
  ) throws {
    self.nodes = nodes
    self.docComments = docComments
    let modules = nodes.keys.filter { pathComponents($0).count == 1 }
      .sorted { (nodes[$0]?.metadata.title ?? $0) < (nodes[$1]?.metadata.title ?? $1) }
    guard !modules.isEmpty else {
      throw SiteError("\(archive): the archive documents no module")
    }
    self.modules = modules
    let documentedModules = Set(modules.compactMap { nodes[$0]?.metadata.title })

    var urlsByIdentifier: [String: String] = [:]
    for (url, node) in nodes {
      urlsByIdentifier[node.identifier.url] = url
      for (identifier, reference) in node.references ?? [:] {
        if reference.type == "topic", let target = reference.url, nodes[target] != nil {
          urlsByIdentifier[identifier] = target
        }
      }
    }
    self.urlsByIdentifier = urlsByIdentifier

    // Pages: modules, extended modules, types, extensions and what a module declares at its
    // top level. Each gets a file in its module's folder, named after its path below the
    // module (`lecture.adam.html`); names that would collide get `-2`, `-3`, … in URL order.
    var pageFiles: [String: String] = [:]
    var usedFiles: Set<String> = []
    for url in nodes.keys.sorted() {
      guard let node = nodes[url], Self.isPage(url: url, node: node) else { continue }
      let components = pathComponents(url)
      let folder = fileNameComponent(components[0])
      if components.count == 1 {
        pageFiles[url] = folder + "/index.html"
        continue
      }
      let base = folder + "/" + components.dropFirst().map(fileNameComponent).joined(separator: ".")
      var file = base + ".html"
      var number = 2
      while usedFiles.contains(file) || file == folder + "/index.html" {
        file = "\(base)-\(number).html"
        number += 1
      }
      usedFiles.insert(file)
      pageFiles[url] = file
    }
    self.pageFiles = pageFiles

    // Everything else is a section of the nearest page above it, unless it is a default
    // implementation inherited from a module that is not documented here (`!=` from
    // Equatable), which the reference leaves out as DocC's own navigator does not.
    var locations: [String: String] = [:]
    for (url, node) in nodes {
      if let file = pageFiles[url] {
        locations[url] = file
        continue
      }
      if node.metadata.externalID?.contains("::SYNTHESIZED::") == true,
        !documentedModules.contains(node.metadata.extendedModule ?? "")
      {
        continue
      }
      var parent = url
      while let slash = parent.lastIndex(of: "/"), parent.count > "/documentation/".count {
        parent = String(parent[..<slash])
        if let file = pageFiles[parent] {
          locations[url] = file + "#" + anchor(forNodeAt: url)
          break
        }
      }
    }
    self.locations = locations

    // The names lessons may link: modules and types, plain and module-qualified.
    var candidates: [String: Set<String>] = [:]
    for (url, file) in pageFiles {
      guard let node = nodes[url], let title = node.metadata.title else { continue }
      let components = pathComponents(url)
      let isModule = components.count == 1
      guard isModule || Self.typeKinds.contains(node.metadata.symbolKind ?? "") else { continue }
      let href = "api/" + file
      candidates[title, default: []].insert(href)
      if !isModule, let module = nodes["/documentation/" + components[0]]?.metadata.title {
        candidates[module + "." + title, default: []].insert(href)
      }
    }
    typeLinks = candidates.compactMapValues { $0.count == 1 ? $0.first : nil }
  }

  /// Symbol kinds that are types (and so are linked from lessons); `extension` pages are not.
  static let typeKinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "actor"]

  /// Whether the node at `url` gets a page of its own.
  static func isPage(url: String, node: DocCRenderNode) -> Bool {
    let depth = pathComponents(url).count
    let kind = node.metadata.symbolKind ?? ""
    let role = node.metadata.role ?? ""
    if depth == 1 || role == "collection" { return true }  // a module, an extended module
    if role == "collectionGroup" || kind == "associatedtype" { return false }
    if typeKinds.contains(kind) || kind == "extension" { return true }
    return depth == 2  // a top-level function or variable
  }

  /// The doc comment of `node` as written: its own, or for a default implementation a type
  /// inherits, the implementation's.
  func docComment(of node: DocCRenderNode) -> [String] {
    guard let id = node.metadata.externalID else { return [] }
    if let lines = docComments[id] { return lines }
    let original = id.components(separatedBy: "::SYNTHESIZED::").first ?? id
    return docComments[original] ?? []
  }

  /// Where the node with `identifier` is shown, relative to `api/`, if it is.
  func location(ofIdentifier identifier: String) -> String? {
    urlsByIdentifier[identifier].flatMap { locations[$0] }
  }
}

/// The components of a URL path below `/documentation/` (`["optimizers", "adam"]`).
func pathComponents(_ url: String) -> [Substring] {
  url.dropFirst("/documentation/".count).split(separator: "/")
}

/// A URL path component as a file name or fragment: letters, digits and `_-().` kept,
/// everything else (`:`, operators) `_`, so that the name is valid on every file system and
/// needs no escaping in a link (`init(learningrate:)` → `init(learningrate_)`).
func fileNameComponent(_ component: Substring) -> String {
  String(
    component.map { character in
      character.isASCII && (character.isLetter || character.isNumber || "_-().".contains(character))
        ? character : "_"
    })
}

/// The `id` of the section that shows the node at `url` on its page: its last path
/// component as a file name (DocC's disambiguating suffixes included, so it is unique).
func anchor(forNodeAt url: String) -> String {
  pathComponents(url).last.map(fileNameComponent) ?? "top"
}

/// `text` (the start of a description DocC rendered) with its first word as the doc comment
/// writes it after `- label:` (`- Parameter label:`, or an item `- label:` of `- Parameters:`):
/// DocC capitalizes an all-lower-case first word of a parameter's, a return value's or an
/// aside's description, which changes math (`η ≥ 0` → `Η ≥ 0`, `f(x, y)` → `F(X, y)`).
///
///     restoringFirstWord(of: "Η ≥ 0.", label: "learningRate", in: ["  - learningRate: η ≥ 0."])
///     // "η ≥ 0."
///
/// - Parameters:
///   - text: The rendered text.
///   - label: The parameter's name, `Returns`, or an aside's name (`Complexity`).
///   - lines: The doc comment's lines.
/// - Returns: `text` with its first word restored, or `text` when the comment does not have
///   the same word in another case after `label`, or when that word is an English word (two
///   or more ASCII letters, or `a`), whose capital reads well.
func restoringFirstWord(of text: String, label: String, in lines: [String]) -> String {
  let renderedWord = text.prefix { !$0.isWhitespace }
  guard !renderedWord.isEmpty else { return text }
  for line in lines {
    var rest = line.drop { $0 == " " || $0 == "\t" }
    guard let marker = rest.first, "-*+".contains(marker) else { continue }
    rest = rest.dropFirst().drop { $0 == " " }
    if rest.hasPrefix("Parameter ") { rest = rest.dropFirst("Parameter ".count).drop { $0 == " " } }
    guard rest.lowercased().hasPrefix(label.lowercased()) else { continue }
    rest = rest.dropFirst(label.count).drop { $0 == " " }
    guard rest.first == ":" else { continue }
    let written = rest.dropFirst().drop { $0 == " " }.prefix { !$0.isWhitespace }
    // An English word ("one pass") keeps DocC's capital; math and names do not.
    let isWord =
      written == "a" || (written.count > 1 && written.allSatisfy { $0.isASCII && $0.isLetter })
    if !isWord, written != renderedWord, written.lowercased() == renderedWord.lowercased() {
      return String(written) + text.dropFirst(renderedWord.count)
    }
    return text
  }
  return text
}
