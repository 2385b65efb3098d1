// Writing the whole site: index, one page per lesson, assets (stylesheet, KaTeX). Everything
// is written into a fresh folder beside the output folder and moved into place at the end, so
// a failure leaves the previous site (or nothing) rather than half a site.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What ``renderSite(_:courseTitle:to:katexDirectory:edition:apiReference:)`` did.
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

/// The file that marks a folder as written by ``renderSite(_:courseTitle:to:katexDirectory:edition:apiReference:)``,
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
///   - apiReference: The API reference to include, or `nil` (the default) for none.
/// - Returns: The files written and any warnings.
/// - Throws: ``SiteError`` when KaTeX is missing, two lessons would share a page name, the
///   output folder holds other files, or writing fails.
/// - Complexity: O(*n*) in the total size of the lessons and their runs.
public func renderSite(
  _ pages: [SitePage], courseTitle: String, to outputDirectory: String,
  katexDirectory: String = "/usr/share/javascript/katex", edition: SiteEdition = .student,
  apiReference: APIReference? = nil
) throws -> SiteReport {
  let fileManager = FileManager.default
  let courseTitle = edition == .instructor ? courseTitle + " (instructor edition)" : courseTitle
  let katexFiles = try katexAssets(in: katexDirectory)

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
    try write(
      indexPageHTML(pages, courseTitle: courseTitle, hasAPIReference: apiReference != nil),
      to: "index.html")
    var lessonPages: [String: String] = [:]
    for page in pages {
      let name = page.lesson.path.split(separator: "/").last.map(String.init) ?? page.lesson.path
      lessonPages[name] = page.fileName
    }
    for (position, page) in pages.enumerated() {
      let rendered = renderLesson(
        page, lessonPages: lessonPages, edition: edition,
        apiLinks: APILinks(pages: apiReference?.typeLinks ?? [:]))
      warnings += rendered.warnings
      let html = lessonPageHTML(
        rendered, page: page, previous: position > 0 ? pages[position - 1] : nil,
        next: position + 1 < pages.count ? pages[position + 1] : nil, courseTitle: courseTitle)
      try write(html, to: page.fileName)
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
    failedLessons: pages.filter { $0.run?.failure != nil }.map(\.lesson.path))
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
