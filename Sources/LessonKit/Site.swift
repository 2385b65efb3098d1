// Writing the whole site: index, one page per lesson, assets (stylesheet, KaTeX). Everything
// is written into a fresh folder beside the output folder and moved into place at the end, so
// a failure leaves the previous site (or nothing) rather than half a site.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What ``renderSite(_:courseTitle:to:katexDirectory:edition:translations:apiReference:)`` did.
public struct SiteReport: Sendable, Equatable {
  /// The folder the site is in.
  public var outputDirectory: String
  /// The files written, relative to ``outputDirectory``, in order (`index.html` first).
  public var files: [String]
  /// Problems worth telling the author; the site is complete nonetheless (e.g. a run with no
  /// result for a snippet, a figure that is not SVG).
  public var warnings: [String]
  /// The paths of the lessons whose run failed (their pages show the failure); `lessons
  /// render` exits non-zero when there are any.
  public var failedLessons: [String]
}

/// Why a site could not be written.
public struct SiteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, where, and how to fix it.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}

/// The translated pages of a site in one language: they go into the language's folder
/// (`site/zh/`), with their own index, and each page and its English one link to each other.
///
///     let zh = SiteTranslation(language: .chinese, pages: translatedPages)
///     try renderSite(pages, courseTitle: "Descent", to: "site", translations: [zh])
public struct SiteTranslation: Sendable {
  /// The language.
  public var language: CourseLanguage
  /// The translated lessons (`SitePage.language` is `language`), each with the file name of
  /// the English lesson it translates, in any order (the site follows the English order).
  public var pages: [SitePage]
  /// The course title in this language, or `nil` for the language's own
  /// (`Descent：神经网络是怎样训练的`).
  public var courseTitle: String?

  /// Creates the pages of a language.
  ///
  /// - Parameters:
  ///   - language: The language.
  ///   - pages: Its translated pages.
  ///   - courseTitle: The course title in the language, or `nil` for the language's own.
  public init(language: CourseLanguage, pages: [SitePage], courseTitle: String? = nil) {
    self.language = language
    self.pages = pages
    self.courseTitle = courseTitle
  }
}

/// The file that marks a folder as written by ``renderSite(_:courseTitle:to:katexDirectory:edition:translations:apiReference:)``,
/// so that only such folders are ever replaced.
let siteMarkerFile = ".descent-site"

/// Renders lessons to a static HTML site that works opened from disk, without network.
///
/// Writes `index.html` (the lessons in order, with title and summary), one page per lesson
/// named after its file (`Lessons/01-diagnosis.md` → `01-diagnosis.html`) and `assets/` (the
/// stylesheet, KaTeX with its fonts, and the script that typesets `$…$` and `$$…$$`). Each
/// shown snippet is highlighted and followed by its output and figures from `run` (or, without
/// a run, by the output recorded in the Markdown); `hide` snippets are left out; a lesson that
/// failed shows the failure in a warning box where its output would be. `solution` snippets
/// are left out of the student edition and shown in a "Solution" box in the instructor
/// edition, whose pages say "instructor edition" in their header and window title.
///
/// Each language of `translations` that has pages gets a folder named after its code
/// (`zh/`) with an index of the whole course in that language (a lesson not translated yet
/// is listed with its English title and links to its English page) and a page per
/// translated lesson, whose headings take the ids of its English page's headings by
/// position. Every page then has a language switch (`hreflang` links, `lang` attributes): to
/// the same page in the other language, or, for a lesson without translation, to the other
/// language's index; `assets/language.js` keeps the section the reader is at.
///
///     let report = try renderSite(pages, courseTitle: "Descent", to: ".build/site")
///     // report.files: ["index.html", "01-diagnosis.html", …, "assets/site.css", …]
///
/// The site is built in a new folder beside `outputDirectory` and then moved into place,
/// replacing an existing `outputDirectory` only if it is empty or was written by this function.
///
/// With an `apiReference`, the site also holds the library's API reference under `api/`
/// (APIReferenceHTML.swift), the index links to it, and in each lesson the first mention of a
/// documented type in a code span of the prose links to its page (APILinks.swift).
///
/// - Parameters:
///   - pages: The lessons, in course order.
///   - courseTitle: The course's title (index heading, page header and window titles).
///   - outputDirectory: The folder to write; missing parent folders are created.
///   - katexDirectory: Where KaTeX is installed (Debian's `libjs-katex`).
///   - edition: The student edition (the default) or the instructor edition.
///   - translations: The translated pages, by language (default none).
///   - apiReference: The API reference to include, or `nil` (the default) for none.
/// - Returns: The files written and any warnings.
/// - Throws: ``SiteError`` when KaTeX is missing, two lessons would share a page name, a
///   translated page has no English page, the output folder holds other files, or writing
///   fails.
/// - Complexity: O(*n*) in the total size of the lessons and their runs.
public func renderSite(
  _ pages: [SitePage], courseTitle: String, to outputDirectory: String,
  katexDirectory: String = "/usr/share/javascript/katex", edition: SiteEdition = .student,
  translations: [SiteTranslation] = [], apiReference: APIReference? = nil
) throws -> SiteReport {
  let fileManager = FileManager.default
  let courseTitle =
    edition == .instructor
    ? courseTitle + SiteStrings.english.instructorEditionSuffix : courseTitle
  let katexFiles = try katexAssets(in: katexDirectory)
  let languages = translations.filter { !$0.pages.isEmpty }

  var seen: [String: String] = [:]
  for page in pages {
    let name = page.fileName
    if name == "index.html" {
      throw SiteError(
        "\(page.lesson.path): a lesson named 'index' would overwrite the course index; rename it")
    }
    if let other = seen[name] {
      throw SiteError(
        "\(page.lesson.path) and \(other) would both be written to \(name); rename one of them")
    }
    seen[name] = page.lesson.path
  }
  for translation in languages {
    var translated: [String: String] = [:]
    for page in translation.pages {
      guard seen[page.fileName] != nil else {
        throw SiteError(
          "\(page.lesson.path): a translation of no lesson of the site (there is no "
            + "\(page.fileName) in English); render it with its lesson, or name it after it")
      }
      if let other = translated[page.fileName] {
        throw SiteError(
          "\(page.lesson.path) and \(other) would both be written to "
            + "\(translation.language.code)/\(page.fileName); rename one of them")
      }
      translated[page.fileName] = page.lesson.path
    }
  }

  let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
  var isDirectory: ObjCBool = false
  if fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) {
    let contents = (try? fileManager.contentsOfDirectory(atPath: output.path)) ?? []
    guard isDirectory.boolValue, contents.isEmpty || contents.contains(siteMarkerFile) else {
      throw SiteError(
        "\(outputDirectory): exists and was not written by 'lessons render'; "
          + "choose another output folder or remove it")
    }
  }
  let parent = output.deletingLastPathComponent()
  let unique = UUID().uuidString
  let temporary = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(unique)")
  do {
    try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
  } catch {
    throw SiteError(
      "\(outputDirectory): cannot create a folder beside it (\(error.localizedDescription)); "
        + "check that \(parent.path) is a writable folder")
  }
  var moved = false
  defer { if !moved { try? fileManager.removeItem(at: temporary) } }

  var files: [String] = []
  var warnings: [String] = []
  func write(_ text: String, to name: String) throws {
    try writeFile(text, to: temporary.appendingPathComponent(name).path)
    files.append(name)
  }

  do {
    // The same page in the other languages: its translation, else the language's index.
    func alternates(of fileName: String?) -> [(
      language: CourseLanguage, href: String, sameContent: Bool
    )] {
      languages.map { translation in
        let name = fileName ?? "index.html"
        let translated =
          fileName.map { name in translation.pages.contains { $0.fileName == name } } ?? true
        return (
          translation.language,
          translation.language.code + "/" + (translated ? name : "index.html"), translated
        )
      }
    }
    try write(
      indexPageHTML(
        pages.map { IndexEntry(page: $0, href: $0.fileName) }, courseTitle: courseTitle,
        frame: PageFrame(alternates: alternates(of: nil)), hasAPIReference: apiReference != nil),
      to: "index.html")
    var lessonPages: [String: String] = [:]
    for page in pages { lessonPages[lessonFileName(page)] = page.fileName }
    var headingIDs: [String: [String]] = [:]
    let englishLinks = pages.map { PagerLink(title: $0.title, href: $0.fileName) }
    for (position, page) in pages.enumerated() {
      let rendered = renderLesson(
        page, lessonPages: lessonPages, edition: edition,
        apiLinks: APILinks(pages: apiReference?.typeLinks ?? [:]))
      warnings += rendered.warnings
      headingIDs[page.fileName] = rendered.headings.map(\.id)
      let html = lessonPageHTML(
        rendered, page: page, previous: position > 0 ? englishLinks[position - 1] : nil,
        next: position + 1 < pages.count ? englishLinks[position + 1] : nil,
        courseTitle: courseTitle, frame: PageFrame(alternates: alternates(of: page.fileName)))
      try write(html, to: page.fileName)
    }
    for translation in languages {
      let language = translation.language
      let folder = language.code
      try fileManager.createDirectory(
        at: temporary.appendingPathComponent(folder), withIntermediateDirectories: false)
      var title = translation.courseTitle ?? language.strings.defaultCourseTitle
      if edition == .instructor { title += language.strings.instructorEditionSuffix }
      let byName = Dictionary(
        translation.pages.map { ($0.fileName, $0) }, uniquingKeysWith: { first, _ in first })
      // The course in English order; a lesson not translated yet stands as its English page.
      let entries = pages.map { page in
        byName[page.fileName].map { IndexEntry(page: $0, href: $0.fileName) }
          ?? IndexEntry(page: page, href: "../" + page.fileName, untranslated: true)
      }
      try write(
        indexPageHTML(
          entries, courseTitle: title,
          frame: PageFrame(
            language: language, root: "../", alternates: [(.english, "../index.html", true)]),
          hasAPIReference: apiReference != nil),
        to: folder + "/index.html")
      var translatedPages: [String: String] = [:]
      for entry in entries { translatedPages[lessonFileName(entry.page)] = entry.href }
      let links = entries.map { PagerLink(title: $0.page.title, href: $0.href) }
      for (position, entry) in entries.enumerated() where !entry.untranslated {
        let page = entry.page
        let rendered = renderLesson(
          page, lessonPages: translatedPages, edition: edition,
          headingIDs: headingIDs[page.fileName],
          apiLinks: APILinks(pages: apiReference?.typeLinks.mapValues { "../" + $0 } ?? [:]))
        warnings += rendered.warnings
        let html = lessonPageHTML(
          rendered, page: page, previous: position > 0 ? links[position - 1] : nil,
          next: position + 1 < links.count ? links[position + 1] : nil, courseTitle: title,
          frame: PageFrame(
            language: language, root: "../", alternates: [(.english, "../" + page.fileName, true)]))
        try write(html, to: folder + "/" + page.fileName)
      }
    }
    let assets = temporary.appendingPathComponent("assets")
    try fileManager.createDirectory(
      at: assets.appendingPathComponent("katex/contrib"), withIntermediateDirectories: true)
    try fileManager.createDirectory(
      at: assets.appendingPathComponent("katex/fonts"), withIntermediateDirectories: true)
    for name in siteAssetNames { try write(try siteAsset(named: name), to: "assets/" + name) }
    if let apiReference {
      try write(
        try siteAsset(named: apiReferenceStylesheet), to: "assets/" + apiReferenceStylesheet)
      for file in apiReference.files(courseTitle: courseTitle, lessonPages: lessonPages) {
        try fileManager.createDirectory(
          at: temporary.appendingPathComponent(file.path).deletingLastPathComponent(),
          withIntermediateDirectories: true)
        try write(file.html, to: file.path)
      }
    }
    for relative in katexFiles {
      // Copied from where the links lead: Debian's files are partly symbolic links.
      let source = URL(fileURLWithPath: katexDirectory + "/" + relative).resolvingSymlinksInPath()
      try fileManager.copyItem(at: source, to: assets.appendingPathComponent("katex/" + relative))
      files.append("assets/katex/" + relative)
    }
    try write(
      "Written by 'lessons render'; the folder is replaced on each render.\n",
      to: siteMarkerFile)
    files.removeLast()
  } catch let error as SiteError {
    throw error
  } catch {
    throw SiteError("\(outputDirectory): writing the site failed: \(error.localizedDescription)")
  }

  // Move into place: the old site aside, the new one in, the old one removed.
  let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(unique)")
  let hadOld = fileManager.fileExists(atPath: output.path)
  do {
    if hadOld { try fileManager.moveItem(at: output, to: old) }
    try fileManager.moveItem(at: temporary, to: output)
    moved = true
  } catch {
    if hadOld && !fileManager.fileExists(atPath: output.path) {
      try? fileManager.moveItem(at: old, to: output)
    }
    throw SiteError(
      "\(outputDirectory): could not move the new site into place: \(error.localizedDescription)")
  }
  if hadOld { try? fileManager.removeItem(at: old) }
  return SiteReport(
    outputDirectory: output.path, files: files, warnings: warnings,
    failedLessons: (pages + languages.flatMap(\.pages)).filter { $0.run?.failure != nil }.map(
      \.lesson.path))
}

/// The file name of a page's lesson (`01-diagnosis.md`), which links between lessons name.
private func lessonFileName(_ page: SitePage) -> String {
  page.lesson.path.split(separator: "/").last.map(String.init) ?? page.lesson.path
}

/// Writes `text` to a new file with plain POSIX calls (Foundation's `Data.write` is ten
/// times slower here, and the site is written to a fresh folder anyway).
private func writeFile(_ text: String, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else {
    throw SiteError("\(path): cannot create the file: \(String(cString: strerror(errno)))")
  }
  defer { close(descriptor) }
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      throw SiteError("\(path): cannot write the file: \(String(cString: strerror(errno)))")
    }
    bytes = bytes.dropFirst(written)
  }
}

/// The KaTeX files the site needs, relative to `directory`, after checking they are there.
private func katexAssets(in directory: String) throws -> [String] {
  let fileManager = FileManager.default
  let required = ["katex.min.js", "katex.min.css", "contrib/auto-render.js"]
  for file in required where !fileManager.fileExists(atPath: directory + "/" + file) {
    throw SiteError(
      "KaTeX is missing: \(directory)/\(file) does not exist; install Debian's 'libjs-katex' "
        + "package (apt-get install libjs-katex) or pass the folder that holds KaTeX")
  }
  let fonts = ((try? fileManager.contentsOfDirectory(atPath: directory + "/fonts")) ?? [])
    .filter { $0.hasSuffix(".woff2") || $0.hasSuffix(".woff") || $0.hasSuffix(".ttf") }
    .sorted()
  guard !fonts.isEmpty else {
    throw SiteError(
      "KaTeX's fonts are missing: \(directory)/fonts holds none; reinstall Debian's "
        + "'libjs-katex' package")
  }
  return required + fonts.map { "fonts/" + $0 }
}
