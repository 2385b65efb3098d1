// `lessons preview`: the course verified and rendered again whenever a lesson or the library
// changes, served on localhost with live reload. The loop and the HTTP server live in
// Tools/lessons (Preview.swift); this file holds what they share and decide: the files
// watched, one refresh (verify what changed, render), and what the server answers.

import Foundation

/// The state the preview's loop and its HTTP server share: where the site is, which rendering
/// of it is current, and the lessons that could not be read.
public final class PreviewState: @unchecked Sendable {
  /// The folder the site is rendered into.
  public let siteDirectory: URL
  private let lock = NSLock()
  private var currentVersion = 0
  private var problems: [String: [LessonError]] = [:]

  /// A state for a site rendered into `siteDirectory`; nothing is rendered yet (version 0).
  ///
  /// - Parameter siteDirectory: The folder the site is rendered into.
  public init(siteDirectory: URL) { self.siteDirectory = siteDirectory }

  /// Which rendering is current: 0 before the first, then 1, 2, … Pages poll it and reload
  /// when it changes.
  public var version: Int { lock.withLock { currentVersion } }

  /// Records that a new rendering is in place, with the lessons that could not be read (their
  /// pages show the errors), and returns its version.
  ///
  /// - Parameter unreadable: The problems of each lesson that could not be read, by path.
  /// - Returns: The new version.
  @discardableResult
  public func published(unreadable: [String: [LessonError]]) -> Int {
    lock.withLock {
      problems = unreadable
      currentVersion += 1
      return currentVersion
    }
  }

  /// The problems of the lesson whose page is `pageName` (`01-x.html`), if it could not be
  /// read.
  func problems(ofPage pageName: String) -> (path: String, errors: [LessonError])? {
    lock.withLock {
      problems.first { sitePageName(forLessonAt: $0.key) == pageName }.map { ($0.key, $0.value) }
    }
  }
}

/// What the preview server sends for one request.
public struct PreviewResponse: Sendable, Equatable {
  /// The HTTP status (200, 404).
  public var status: Int
  /// The `Content-Type`.
  public var contentType: String
  /// The body.
  public var body: Data
}

/// The path under which the preview serves its own files: `/__preview/`.
public let previewPathPrefix = "/__preview/"

/// The preview server's answer to `GET path`:
///
/// - `/__preview/version`: the current rendering's number (``PreviewState/version``), as text;
/// - `/__preview/live-reload.js`: the live-reload script (LessonKit's resource);
/// - `/` and any other path: the file of the site (`/` is `index.html`); a page (`.html`) gets
///   the live-reload script before `</body>`, with its rendering's number. A lesson that could
///   not be read gets a page listing its errors; a path that is not in the site, or that
///   leaves it (`..`), a small 404 page (which reloads too, so a page that appears later
///   shows up).
///
/// Everything is sent with `Cache-Control: no-store` by the server.
///
/// - Parameters:
///   - path: The request's path, without the query.
///   - state: The preview's state.
/// - Returns: The response.
public func previewResponse(forPath path: String, state: PreviewState) -> PreviewResponse {
  let version = state.version
  if path == previewPathPrefix + "version" {
    return PreviewResponse(
      status: 200, contentType: "text/plain; charset=utf-8", body: Data("\(version)\n".utf8))
  }
  if path == previewPathPrefix + "live-reload.js" {
    return PreviewResponse(
      status: 200, contentType: "text/javascript; charset=utf-8",
      body: Data(((try? siteAsset(named: "live-reload.js")) ?? "").utf8))
  }
  var relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
  if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
  let components = relative.split(separator: "/", omittingEmptySubsequences: false)
  let safe = !components.contains { $0 == ".." || $0 == "." || $0.isEmpty }
  let file = state.siteDirectory.appending(path: relative)
  if safe, let data = try? Data(contentsOf: file) {
    let type = contentType(forFileNamed: relative)
    guard type.hasPrefix("text/html") else {
      return PreviewResponse(status: 200, contentType: type, body: data)
    }
    let html = addingLiveReload(to: String(decoding: data, as: UTF8.self), version: version)
    return PreviewResponse(status: 200, contentType: type, body: Data(html.utf8))
  }
  if safe, components.count == 1, let (lessonPath, errors) = state.problems(ofPage: relative) {
    let list = errors.map { "<li><code>\($0.description.htmlEscaped)</code></li>" }.joined()
    let page = previewMessagePage(
      title: "\(lessonPath) cannot be read",
      body: "<p>Fix it and save: this page reloads.</p><ul>\(list)</ul>", version: version)
    return PreviewResponse(
      status: 200, contentType: "text/html; charset=utf-8", body: Data(page.utf8))
  }
  let page = previewMessagePage(
    title: version == 0 ? "The course is being verified and rendered" : "Not found",
    body: version == 0
      ? "<p>This page reloads when it is ready.</p>"
      : "<p>No <code>\(relative.htmlEscaped)</code> in the rendered course.</p>",
    version: version)
  return PreviewResponse(
    status: version == 0 ? 200 : 404, contentType: "text/html; charset=utf-8",
    body: Data(page.utf8))
}

/// `html` with the live-reload script added before its last `</body>` (or at its end), with
/// `version` in the script's `data-version`.
///
/// - Parameters:
///   - html: A page.
///   - version: The rendering it belongs to.
/// - Returns: The page with `<script src="/__preview/live-reload.js" data-version="N">`.
func addingLiveReload(to html: String, version: Int) -> String {
  let tag =
    "<script src=\"\(previewPathPrefix)live-reload.js\" data-version=\"\(version)\"></script>\n"
  guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
  return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag)
}

/// A minimal page with a title and a message, and live reload.
private func previewMessagePage(title: String, body: String, version: Int) -> String {
  addingLiveReload(
    to: "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
      + "\(title.htmlEscaped)</title></head>\n<body><h1>\(title.htmlEscaped)</h1>\(body)"
      + "</body></html>\n",
    version: version)
}

/// The `Content-Type` of a site file, by its extension.
func contentType(forFileNamed name: String) -> String {
  let types = [
    "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "woff2": "font/woff2",
    "woff": "font/woff", "ttf": "font/ttf", "png": "image/png", "json": "application/json",
  ]
  let suffix = name.split(separator: ".").last.map { String($0).lowercased() } ?? ""
  return types[suffix] ?? "application/octet-stream"
}

/// The page name of a lesson in the site (`Lessons/01-x.md` → `01-x.html`), as
/// ``SitePage/fileName`` writes it.
func sitePageName(forLessonAt path: String) -> String {
  SitePage(
    lesson: Lesson(path: path, title: nil, summary: nil, blocks: [], snippets: []), source: ""
  )
  .fileName
}

/// The files `lessons preview` watches, with their modification dates and sizes: the lessons
/// (`Lessons/*.md`, and the lessons previewed when they are elsewhere), their translations
/// (`Lessons/zh/*.md`) and everything the lessons program is built from (what
/// ``RunCache/libraryHash(packageDirectory:)`` hashes).
public enum WatchedFiles {
  /// A file's modification date and size.
  public struct Stamp: Equatable, Sendable {
    /// Seconds since 1970.
    public var modified: Double
    /// Bytes.
    public var size: Int
  }

  /// The folders watched besides `Lessons/`, and `Package.swift`.
  static let libraryPaths = [
    "Package.swift", "Sources", "Plugins", "Tools/lesson-runner", "Tools/lesson-codegen",
  ]

  /// The stamp of every watched file, by path relative to the package root.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - lessons: Lesson paths to watch besides `Lessons/*.md` (those previewed).
  /// - Returns: For example `["Lessons/00-a.md": Stamp(…), "Sources/TensorCore/Matrix.swift": …]`.
  /// - Complexity: One `stat` per file (a few hundred here): cheap enough every 300 ms.
  public static func snapshot(packageDirectory: URL, lessons: [String] = []) -> [String: Stamp] {
    let manager = FileManager.default
    var stamps: [String: Stamp] = [:]
    func add(_ relative: String) {
      let path = packageDirectory.appending(path: relative).path
      guard let attributes = try? manager.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType != .typeDirectory
      else { return }
      stamps[relative] = Stamp(
        modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0,
        size: (attributes[.size] as? Int) ?? 0)
    }
    for path in ((try? LessonCatalog.lessonPaths(packageDirectory: packageDirectory)) ?? [])
      + lessons
    {
      add(path)
      for language in CourseLanguage.translations {
        add(LessonCatalog.translationPath(of: path, language: language))
      }
    }
    for folder in libraryPaths {
      add(folder)
      guard let walker = manager.enumerator(atPath: packageDirectory.appending(path: folder).path)
      else { continue }
      while let relative = walker.nextObject() as? String { add(folder + "/" + relative) }
    }
    return stamps
  }

  /// The paths whose stamp differs between two snapshots (changed, added or removed), sorted.
  public static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
    Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
  }
}

/// One refresh of `lessons preview`: reads the lessons (every lesson of the course, or
/// `paths`), verifies them (only the stale ones run: the cache), checks their translations
/// (`Lessons/zh/NAME.md`, with the runs in their languages), renders the site into the
/// state's folder (translations in `zh/`), and publishes the new rendering so open pages
/// reload. A lesson that cannot be read is reported and left out of the site; its page shows
/// its errors. A translation that fails is reported and rendered with its problems shown.
///
/// - Parameters:
///   - paths: The lessons to preview, or `nil` for every lesson of `Lessons/` (read afresh
///     each time, so a new lesson appears).
///   - options: How to build and run (the `onFinish` callback is replaced).
///   - state: The preview's state.
///   - courseTitle: The title on every page.
///   - edition: Student or instructor.
///   - katexDirectory: Where KaTeX is installed.
///   - apiReference: The API reference to include in the site, or `nil` for none.
///   - log: Receives each line to print (progress, failures, the summary).
/// - Returns: The verdicts of the lessons that could be read.
/// - Throws: `LessonRunnerError` when `swift` cannot be started; ``SiteError`` when the site
///   cannot be written; `CancellationError` when the task is cancelled (the lesson processes
///   are then killed).
public func refreshPreview(
  paths: [String]?, options: LessonRunOptions, state: PreviewState, courseTitle: String,
  edition: SiteEdition, katexDirectory: String, apiReference: APIReference? = nil,
  log: @escaping @Sendable (String) -> Void
) async throws -> [LessonVerdict] {
  let root = options.packageDirectory
  let selected = try paths ?? LessonCatalog.lessonPaths(packageDirectory: root)
  let loaded = LessonCatalog.load(selected, packageDirectory: root)
  var unreadable: [String: [LessonError]] = [:]
  for problem in loaded.problems {
    unreadable[problem.path, default: []].append(problem)
    log("\(problem)")
  }
  let lessons = loaded.lessons.map(\.lesson)
  let byPath = Dictionary(lessons.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
  var options = options
  let reasons = Dictionary(
    zip(lessons.map(\.path), LessonRunner.rerunReasons(for: lessons, options: options)),
    uniquingKeysWith: { a, _ in a })
  options.onFinish = { run, cached in
    guard !cached, let lesson = byPath[run.path] else { return }
    let verdict = checkLesson(lesson, against: run)
    var text = progressLine(for: verdict, cached: false) + "\n"
    if let why = reasons[run.path], !why.isEmpty {
      text += "  ran because: " + why.map(\.description).joined(separator: "; ") + "\n"
    }
    text += failureReport(for: verdict)
    log(String(text.dropLast()))
  }
  let runs = try await LessonRunner.run(lessons: lessons, options: options)
  try Task.checkCancellation()
  let verdicts = zip(lessons, runs).map { checkLesson($0, against: $1) }
  // Lessons taken from the cache print nothing above; one that fails is still reported.
  for (verdict, why) in zip(verdicts, lessons.map { reasons[$0.path] ?? [] })
  where why.isEmpty && !verdict.passed {
    let text = progressLine(for: verdict, cached: true) + "\n" + failureReport(for: verdict)
    log(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }
  let pages = zip(loaded.lessons, verdicts).map {
    SitePage(lesson: $0.lesson, source: $0.source, verdict: $1)
  }
  let translated = LessonCatalog.loadTranslations(
    of: loaded.lessons.map(\.lesson.path), packageDirectory: root)
  for problem in translated.problems { log("\(problem)") }
  options.onFinish = nil
  let translationResults = try await TranslationRunner.check(
    translated.translations, lessons: loaded.lessons,
    englishRuns: Dictionary(runs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
    options: options)
  try Task.checkCancellation()
  for result in translationResults where !result.verdict.passed {
    let text =
      translationProgressLine(for: result.verdict, cached: result.cached) + "\n"
      + translationReport(for: result.verdict)
    log(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }
  let siteTranslations = CourseLanguage.translations.map { language in
    SiteTranslation(
      language: language,
      pages: zip(translated.translations, translationResults).filter {
        $0.0.language == language
      }.map { SitePage(translation: $0.0, verdict: $0.1.verdict) })
  }
  let report = try renderSite(
    pages, courseTitle: courseTitle, to: state.siteDirectory.path,
    katexDirectory: katexDirectory, edition: edition, translations: siteTranslations,
    apiReference: apiReference)
  for warning in report.warnings { log("warning: \(warning)") }
  let version = state.published(unreadable: unreadable)
  log(
    summaryLine(for: verdicts) + (unreadable.isEmpty ? "" : ", \(unreadable.count) unreadable")
      + "; rendered \(pages.count) page(s) (rendering \(version))")
  return verdicts
}
