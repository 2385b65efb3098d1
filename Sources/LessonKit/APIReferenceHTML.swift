// The pages of the API reference, written from DocC's render JSON (DocCRenderNode.swift) as
// plain HTML in the site's style: no script, so they work opened from disk like the lessons.

extension APIReference {
  /// The reference's files, relative to the site's root (`api/index.html`,
  /// `api/optimizers/index.html`, `api/optimizers/adam.html`, …, `assets/api.css` not
  /// included), with their HTML.
  ///
  /// - Parameters:
  ///   - courseTitle: The course's title, in each page's header and window title.
  ///   - lessonPages: The page of every lesson of the course by the lesson's file name
  ///     (`"04-adaptive-learning-rates.md": "04-adaptive-learning-rates.html"`): a link of a
  ///     module's landing page to a lesson file leads to its page.
  /// - Returns: The files in order, `api/index.html` first.
  /// - Complexity: O(*n*) in the size of the archive's render JSON.
  func files(courseTitle: String, lessonPages: [String: String]) -> [(path: String, html: String)] {
    var files = [(path: "api/index.html", html: indexHTML(courseTitle: courseTitle))]
    for (url, file) in pageFiles.sorted(by: { $0.value < $1.value }) {
      guard let node = nodes[url] else { continue }
      var writer = APIPageWriter(
        reference: self, node: node, url: url, lessonPages: lessonPages, depth: 2)
      files.append((path: "api/" + file, html: writer.page(courseTitle: courseTitle)))
    }
    return files
  }

  /// `api/index.html`: the modules, each with its abstract.
  private func indexHTML(courseTitle: String) -> String {
    var html = apiPageStart(
      title: "API reference · \(courseTitle)", courseTitle: courseTitle, depth: 1)
    html += "<main class=\"index api\">\n<h1>API reference</h1>\n"
    html += "<p>The library the lessons are written with, module by module, as DocC documents "
    html += "it from the doc comments.</p>\n<ul class=\"api-topics\">\n"
    for url in modules {
      guard let node = nodes[url], let file = pageFiles[url] else { continue }
      let writer = APIPageWriter(reference: self, node: node, url: url, lessonPages: [:], depth: 1)
      html += "<li><a href=\"\(file.htmlEscaped)\"><code>"
      html += (node.metadata.title ?? url).htmlEscaped + "</code></a>"
      let abstract = writer.inline(node.abstract ?? [])
      if !abstract.isEmpty { html += "<p>" + abstract + "</p>" }
      html += "</li>\n"
    }
    html += "</ul>\n</main>\n"
    return html + "</body>\n</html>\n"
  }
}

/// The `<head>` and header of a reference page `depth` folders below the site's root.
private func apiPageStart(title: String, courseTitle: String, depth: Int) -> String {
  let root = String(repeating: "../", count: depth)
  let apiIndex = depth == 1 ? "index.html" : "../index.html"
  return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>\(title.htmlEscaped)</title>
    <link rel="stylesheet" href="\(root)assets/site.css">
    <link rel="stylesheet" href="\(root)assets/api.css">
    </head>
    <body>
    <header class="site-header"><a href="\(root)index.html">\(courseTitle.htmlEscaped)</a>\
    <span class="header-separator"> · </span><a href="\(apiIndex)">API reference</a></header>

    """
}

/// Writes one page of the reference: a module, a type, an extension or a function, with the
/// members DocC groups under it.
struct APIPageWriter {
  let reference: APIReference
  let node: DocCRenderNode
  let url: String
  let lessonPages: [String: String]
  /// Folders between the site's root and the page (2 for `api/MODULE/x.html`).
  let depth: Int
  /// Members already written on this page: a second mention links to the first.
  private var written: Set<String> = []
  /// The page's headings, for its table of contents.
  private var headings: [SiteHeading] = []

  init(
    reference: APIReference, node: DocCRenderNode, url: String, lessonPages: [String: String],
    depth: Int
  ) {
    self.reference = reference
    self.node = node
    self.url = url
    self.lessonPages = lessonPages
    self.depth = depth
  }

  /// The whole page.
  mutating func page(courseTitle: String) -> String {
    let title = node.metadata.title ?? String(pathComponents(url).last ?? "")
    let isModule = pathComponents(url).count == 1
    var article = breadcrumbs()
    if let role = node.metadata.roleHeading {
      article += "<p class=\"api-role\">\(role.htmlEscaped)</p>\n"
    }
    article +=
      "<h1>" + (isModule ? title.htmlEscaped : "<code>\(title.htmlEscaped)</code>") + "</h1>\n"
    if let abstract = node.abstract, !abstract.isEmpty {
      article += "<p class=\"api-abstract\">" + inline(abstract) + "</p>\n"
    }
    article += sections(of: node, headingLevel: 2)
    article += topics(node.topicSections ?? [], headingLevel: 2, from: node)
    if let relationships = node.relationshipsSections, !relationships.isEmpty {
      article += heading("Relationships", level: 2, id: "relationships")
      for section in relationships {
        article +=
          "<h3>\((section.title ?? "").htmlEscaped)</h3>\n<ul class=\"api-relationships\">\n"
        for identifier in section.identifiers {
          article += "<li>" + symbolLink(identifier, in: node) + "</li>\n"
        }
        article += "</ul>\n"
      }
    }
    if let seeAlso = node.seeAlsoSections, !seeAlso.isEmpty {
      article += heading("See Also", level: 2, id: "see-also")
      article += topics(seeAlso, headingLevel: 3, from: node)
    }

    var html = apiPageStart(
      title: "\(title) · API reference · \(courseTitle)", courseTitle: courseTitle, depth: depth)
    html += "<div class=\"layout\">\n"
    let entries = headings.filter { $0.level == 2 || $0.level == 3 }
    if !entries.isEmpty {
      html += "<nav class=\"toc\" aria-label=\"On this page\">\n<h2>On this page</h2>\n"
      html += tableOfContents(entries)
      html += "</nav>\n"
    }
    html += "<main>\n<article class=\"api\">\n" + article + "</article>\n</main>\n</div>\n"
    return html + "</body>\n</html>\n"
  }

  /// The pages above this one, as links.
  private func breadcrumbs() -> String {
    guard let path = node.hierarchy?.paths.first, !path.isEmpty else { return "" }
    var html = "<nav class=\"api-breadcrumbs\" aria-label=\"Breadcrumbs\">"
    for identifier in path {
      let title =
        node.references?[identifier]?.title
        ?? reference.urlsByIdentifier[identifier].flatMap { reference.nodes[$0]?.metadata.title }
        ?? identifier
      if let target = reference.location(ofIdentifier: identifier) {
        html += "<a href=\"\(href(to: target).htmlEscaped)\">\(title.htmlEscaped)</a> › "
      } else {
        html += title.htmlEscaped + " › "
      }
    }
    return html + "</nav>\n"
  }

  /// Declarations, parameters and discussion of `node`, headings from `headingLevel` on.
  private mutating func sections(of node: DocCRenderNode, headingLevel: Int) -> String {
    var html = ""
    for section in node.primaryContentSections ?? [] {
      switch section {
      case .declarations(let declarations):
        for tokens in declarations {
          html += "<pre class=\"api-declaration\"><code>" + declaration(tokens, in: node)
          html += "</code></pre>\n"
        }
      case .parameters(let parameters):
        html += "<h\(min(headingLevel + 1, 6))>Parameters</h\(min(headingLevel + 1, 6))>\n"
        html += "<dl class=\"api-parameters\">\n"
        for parameter in parameters {
          let content = restoringFirstWord(of: parameter.content, label: parameter.name, of: node)
          html += "<dt><code>\(parameter.name.htmlEscaped)</code></dt>\n<dd>"
          html += blockHTML(content, headingLevel: headingLevel + 1, in: node) + "</dd>\n"
        }
        html += "</dl>\n"
      case .content(var content):
        // The paragraph after "Return Value" is the `- Returns:` text; asides are restored
        // where they are written.
        for index in content.indices.dropLast() {
          if case .heading(_, "Return Value") = content[index] {
            content[index + 1] =
              restoringFirstWord(of: [content[index + 1]], label: "Returns", of: node)[0]
          }
        }
        html += blockHTML(content, headingLevel: headingLevel, in: node)
      case .other:
        break
      }
    }
    return html
  }

  /// Topic groups: a list of links to pages, and in full the members shown on this page.
  private mutating func topics(
    _ sections: [DocCTopicSection], headingLevel: Int, from owner: DocCRenderNode
  ) -> String {
    var html = ""
    for section in sections {
      let items = section.identifiers.filter { reference.location(ofIdentifier: $0) != nil }
      guard !items.isEmpty else { continue }
      let title = section.title ?? "Topics"
      html += heading(title, level: headingLevel, id: "topic-" + slug(title))
      var list = ""
      for identifier in items {
        guard let url = reference.urlsByIdentifier[identifier],
          let location = reference.locations[url], let member = reference.nodes[url]
        else { continue }
        if reference.pageFiles[url] != nil || written.contains(url) {
          list += "<li>" + symbolLink(identifier, in: owner)
          if let abstract = member.abstract, !abstract.isEmpty, !written.contains(url) {
            list += "<p>" + inline(abstract, in: member) + "</p>"
          }
          list += "</li>\n"
          continue
        }
        if !list.isEmpty {
          html += "<ul class=\"api-topics\">\n" + list + "</ul>\n"
          list = ""
        }
        written.insert(url)
        if member.metadata.role == "collectionGroup" {
          // A group such as "Optimizer Implementations": its members, one level down.
          html += heading(
            member.metadata.title ?? "", level: min(headingLevel + 1, 6),
            id: String(location.split(separator: "#").last ?? ""))
          html += topics(
            member.topicSections ?? [], headingLevel: min(headingLevel + 2, 6), from: member)
        } else {
          html += memberHTML(member, url: url, location: location, headingLevel: headingLevel + 1)
        }
      }
      if !list.isEmpty { html += "<ul class=\"api-topics\">\n" + list + "</ul>\n" }
    }
    return html
  }

  /// A member in full: its name, abstract, declaration, parameters and discussion.
  private mutating func memberHTML(
    _ member: DocCRenderNode, url: String, location: String, headingLevel: Int
  ) -> String {
    let id = String(location.split(separator: "#").last ?? "")
    let title = member.metadata.title ?? id
    let level = min(headingLevel, 6)
    headings.append(SiteHeading(level: level, id: id, html: "<code>\(title.htmlEscaped)</code>"))
    var html = "<section class=\"api-member\" id=\"\(id.htmlEscaped)\">\n"
    html += "<h\(level)><code>\(title.htmlEscaped)</code>"
    html +=
      " <a class=\"anchor\" href=\"#\(id.htmlEscaped)\" aria-label=\"Link to this member\">#</a>"
    html += "</h\(level)>\n"
    if let abstract = member.abstract, !abstract.isEmpty {
      html += "<p class=\"api-abstract\">" + inline(abstract, in: member) + "</p>\n"
    }
    html += sections(of: member, headingLevel: min(level + 1, 6))
    return html + "</section>\n"
  }

  /// A heading with an id, recorded for the table of contents.
  private mutating func heading(_ text: String, level: Int, id: String) -> String {
    headings.append(SiteHeading(level: level, id: id, html: text.htmlEscaped))
    return "<h\(level) id=\"\(id.htmlEscaped)\">\(text.htmlEscaped)</h\(level)>\n"
  }

  /// A link to the page or section of `identifier` named by its title in code, or the title
  /// alone when it is not shown (a symbol of the standard library).
  private func symbolLink(_ identifier: String, in owner: DocCRenderNode) -> String {
    let title =
      owner.references?[identifier]?.title
      ?? reference.urlsByIdentifier[identifier].flatMap { reference.nodes[$0]?.metadata.title }
      ?? String(identifier.split(separator: "/").last ?? "")
    guard let target = reference.location(ofIdentifier: identifier) else {
      return "<code>\(title.htmlEscaped)</code>"
    }
    return "<a href=\"\(href(to: target).htmlEscaped)\"><code>\(title.htmlEscaped)</code></a>"
  }

  /// A declaration's tokens, coloured as the lessons' code is, documented types linked.
  private func declaration(_ tokens: [DocCToken], in owner: DocCRenderNode) -> String {
    var html = ""
    for token in tokens {
      let text = token.text.htmlEscaped
      if let identifier = token.identifier,
        let target = reference.location(ofIdentifier: identifier)
      {
        html += "<a href=\"\(href(to: target).htmlEscaped)\">\(text)</a>"
        continue
      }
      let cssClass: String? =
        switch token.kind {
        case "keyword": "kw"
        case "typeIdentifier", "genericParameter": "type"
        case "attribute": "attr"
        case "number": "num"
        case "string": "str"
        default: nil
        }
      html += cssClass.map { "<span class=\"\($0)\">\(text)</span>" } ?? text
    }
    return html
  }

  /// Block content as HTML; DocC's level-2 headings ("Overview", "Return Value") become
  /// level `headingLevel`.
  private func blockHTML(_ blocks: [DocCBlock], headingLevel: Int, in owner: DocCRenderNode)
    -> String
  {
    var html = ""
    for block in blocks {
      switch block {
      case .paragraph(let content):
        html += "<p>" + inline(content, in: owner) + "</p>\n"
      case .heading(let level, let text):
        let shifted = min(max(level - 2, 0) + headingLevel, 6)
        html += "<h\(shifted)>\(text.htmlEscaped)</h\(shifted)>\n"
      case .codeListing(let syntax, let lines):
        let code = lines.joined(separator: "\n")
        html += "<pre><code"
        if syntax == "swift" {
          html += " class=\"language-swift\">" + SwiftHighlighter.html(for: code)
        } else {
          html += ">" + code.htmlEscaped
        }
        html += "</code></pre>\n"
      case .unorderedList(let items):
        html += "<ul>\n"
        for item in items {
          html += "<li>" + blockHTML(item, headingLevel: headingLevel, in: owner) + "</li>\n"
        }
        html += "</ul>\n"
      case .orderedList(let items, let start):
        html += start.map { $0 == 1 ? "<ol>\n" : "<ol start=\"\($0)\">\n" } ?? "<ol>\n"
        for item in items {
          html += "<li>" + blockHTML(item, headingLevel: headingLevel, in: owner) + "</li>\n"
        }
        html += "</ol>\n"
      case .aside(let name, let content):
        html += "<div class=\"api-aside\"><p class=\"api-aside-name\">\(name.htmlEscaped)</p>\n"
        html += blockHTML(
          restoringFirstWord(of: content, label: name, of: owner), headingLevel: headingLevel,
          in: owner)
        html += "</div>\n"
      case .table(let header, let rows):
        html += "<table>\n"
        for (index, row) in rows.enumerated() {
          let cell = index == 0 && (header == "row" || header == "both") ? "th" : "td"
          html += "<tr>"
          for content in row {
            html += "<\(cell)>" + blockHTML(content, headingLevel: headingLevel, in: owner)
            html += "</\(cell)>"
          }
          html += "</tr>\n"
        }
        html += "</table>\n"
      case .termList(let items):
        html += "<dl>\n"
        for item in items {
          html += "<dt>" + inline(item.term, in: owner) + "</dt>\n<dd>"
          html += blockHTML(item.definition, headingLevel: headingLevel, in: owner) + "</dd>\n"
        }
        html += "</dl>\n"
      case .thematicBreak:
        html += "<hr>\n"
      case .unknown:
        break
      }
    }
    return html
  }

  /// `blocks` with the first word of its first paragraph as `node`'s doc comment writes it
  /// after `- label:` (see ``restoringFirstWord(of:label:in:)``).
  private func restoringFirstWord(of blocks: [DocCBlock], label: String, of node: DocCRenderNode)
    -> [DocCBlock]
  {
    guard case .paragraph(let content)? = blocks.first, case .text(let text)? = content.first
    else { return blocks }
    let lines = reference.docComment(of: node)
    let restored = LessonKit.restoringFirstWord(of: text, label: label, in: lines)
    guard restored != text else { return blocks }
    return [.paragraph([.text(restored)] + content.dropFirst())] + blocks.dropFirst()
  }

  /// Inline content of the page's own node.
  func inline(_ content: [DocCInline]) -> String { inline(content, in: node) }

  /// Inline content; references are resolved through `owner`'s references.
  func inline(_ content: [DocCInline], in owner: DocCRenderNode) -> String {
    var html = ""
    for span in content {
      switch span {
      case .text(let text):
        html += text.htmlEscaped
      case .codeVoice(let code):
        html += "<code>\(code.htmlEscaped)</code>"
      case .styled(let element, let inner):
        html += "<\(element)>" + inline(inner, in: owner) + "</\(element)>"
      case .reference(let identifier, let isActive, let overridingTitle):
        html += referenceHTML(identifier, isActive: isActive, title: overridingTitle, in: owner)
      case .image, .unknown:
        break
      }
    }
    return html
  }

  /// A reference in running text: a symbol in code, linked to where it is shown; a link to a
  /// lesson file, to that lesson's page; a web link as it is.
  private func referenceHTML(
    _ identifier: String, isActive: Bool, title overridingTitle: String?,
    in owner: DocCRenderNode
  ) -> String {
    let target = owner.references?[identifier]
    if target?.type == "link" {
      let destination = target?.url ?? identifier
      let text = (overridingTitle ?? target?.title ?? destination).htmlEscaped
      let file = destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
      let fileName = file.split(separator: "/").last.map(String.init) ?? file
      if file.hasSuffix(".md"), let page = lessonPages[fileName] {
        let fragment = destination.dropFirst(file.count)
        let root = String(repeating: "../", count: depth)
        return "<a href=\"\((root + page + fragment).hrefEscaped)\">\(text)</a>"
      }
      let lowercased = destination.lowercased()
      guard isActive, lowercased.hasPrefix("https://") || lowercased.hasPrefix("http://") else {
        return text
      }
      return "<a href=\"\(safeHref(destination))\">\(text)</a>"
    }
    let title =
      overridingTitle ?? target?.title ?? String(identifier.split(separator: "/").last ?? "")
    let isSymbol = target?.kind == "symbol" || target?.type == "unresolvable"
    let text = isSymbol ? "<code>\(title.htmlEscaped)</code>" : title.htmlEscaped
    guard isActive, let location = reference.location(ofIdentifier: identifier) else { return text }
    return "<a href=\"\(href(to: location).htmlEscaped)\">\(text)</a>"
  }

  /// The link from this page to `location` (relative to `api/`): on this page, its fragment.
  private func href(to location: String) -> String {
    let parts = location.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    if parts.count == 2, String(parts[0]) == reference.pageFiles[url] { return "#" + parts[1] }
    return depth == 1 ? location : "../" + location
  }
}
