// The cache of lesson runs: one JSON file per lesson, keyed by a hash of what the run depends
// on, so that an unchanged lesson is not run again by `verify`, `update` or `render`.

import Foundation

/// Lesson runs kept between invocations, one JSON file per lesson (`LessonRun` is `Codable`).
///
/// A run is fresh when its ``contentHash(of:libraryHash:)`` is today's: the lesson's snippets
/// (code, attributes, lines), every source file the lessons program is built from, the Swift
/// toolchain and the lesson processes' environment. Editing prose that does not move a
/// snippet, or an output block, does not make a lesson run again; editing any library source
/// does.
///
/// Each entry also keeps what its run was computed from (``RunProvenance``), so that
/// ``rerunReasons(for:key:useCache:)`` can tell why a lesson must run again; a run that failed is
/// kept apart (`NAME.failed.json`) and never reused, only reported as the reason.
///
///     let cache = RunCache(directory: options.cacheDirectory)
///     let hash = RunCache.contentHash(of: lesson, libraryHash: RunCache.key(for: options))
///     if let run = cache.run(for: lesson, hash: hash) { … }
public struct RunCache: Sendable {
  /// The folder of the JSON files (`.build/lessons/cache` for `lessons`).
  public var directory: URL

  /// A cache in `directory` (created when the first run is stored).
  ///
  /// - Parameter directory: The folder of the JSON files.
  public init(directory: URL) { self.directory = directory }

  /// One file of the cache: a run and what it was computed from (`nil` in files written by
  /// an older `lessons`, which held the run alone).
  struct Entry: Codable {
    var run: LessonRun
    var provenance: RunProvenance?
  }

  /// The stored run of `lesson` when it is fresh (its hash is `hash` and its path the
  /// lesson's) and ran to its end, else `nil`.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - hash: Its ``contentHash(of:libraryHash:)`` today.
  public func run(for lesson: Lesson, hash: String) -> LessonRun? {
    guard let entry = entry(at: fileName(forLessonAt: lesson.path)),
      entry.run.contentHash == hash, entry.run.path == lesson.path, entry.run.failure == nil
    else { return nil }
    return entry.run
  }

  /// Stores `run` with what it was computed from (keys sorted, written atomically). A run
  /// that ran to its end replaces the lesson's previous one; a failed run is kept apart, so
  /// that undoing the edit that broke a lesson finds its last good run again. A cache that
  /// cannot be written only costs a rerun next time, so failures are ignored.
  ///
  /// - Parameters:
  ///   - run: A run.
  ///   - provenance: What it was computed from.
  func store(_ run: LessonRun, provenance: RunProvenance?) {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let name = Self.fileName(forLessonAt: run.path, failed: run.failure != nil)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if let data = try? encoder.encode(Entry(run: run, provenance: provenance)) {
      try? data.write(to: directory.appending(path: name), options: .atomic)
    }
    if run.failure == nil {
      try? FileManager.default.removeItem(
        at: directory.appending(path: Self.fileName(forLessonAt: run.path, failed: true)))
    }
  }

  /// Why `lesson` cannot be taken from the cache: empty when its cached run is fresh.
  ///
  ///     RunCache(directory: cache).rerunReasons(for: lesson, key: key, useCache: true)
  ///     // [.snippetsChanged(changed: [3], removed: 0)]
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - key: Today's ``RunKey`` (``RunCache/runKey(for:)``).
  ///   - useCache: `false` for `--no-cache`.
  /// - Returns: The reasons, most telling first.
  public func rerunReasons(for lesson: Lesson, key: RunKey, useCache: Bool) -> [RerunReason] {
    guard useCache else { return [.noCacheRequested] }
    let hash = Self.contentHash(of: lesson, libraryHash: key.combined)
    if let failed = entry(at: Self.fileName(forLessonAt: lesson.path, failed: true)),
      failed.run.contentHash == hash, let failure = failed.run.failure
    {
      return [.lastRunFailed(failure.message)]
    }
    guard let entry = entry(at: Self.fileName(forLessonAt: lesson.path)),
      entry.run.path == lesson.path
    else { return [.notRunBefore] }
    if entry.run.contentHash == hash { return entry.run.failure == nil ? [] : [.notRunBefore] }
    guard let old = entry.provenance else { return [.notRunBefore] }
    let reasons = RunProvenance(lesson: lesson, key: key).reasons(since: old)
    return reasons.isEmpty ? [.notRunBefore] : reasons
  }

  private func entry(at name: String) -> Entry? {
    guard let data = try? Data(contentsOf: directory.appending(path: name)) else { return nil }
    let decoder = JSONDecoder()
    if let entry = try? decoder.decode(Entry.self, from: data) { return entry }
    return (try? decoder.decode(LessonRun.self, from: data)).map { Entry(run: $0, provenance: nil) }
  }

  private func fileName(forLessonAt path: String) -> String { Self.fileName(forLessonAt: path) }

  /// The cache file of a lesson: ``safeName(forLessonAt:)`` and `.json`
  /// (`Lessons/00-a.md` → `Lessons_00-a.md.json`), or `.failed.json` for its last failed run.
  static func fileName(forLessonAt path: String, failed: Bool = false) -> String {
    safeName(forLessonAt: path) + (failed ? ".failed.json" : ".json")
  }

  /// The cache key of a lesson run: a hash of the lesson's path, of each snippet's index,
  /// first line, attributes and code, of the snippets of each checked exercise, and of
  /// `libraryHash`. Output blocks and prose are not part of it.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - libraryHash: ``libraryHash(packageDirectory:)``.
  /// - Returns: 16 hexadecimal digits.
  public static func contentHash(of lesson: Lesson, libraryHash: String) -> String {
    var hasher = StableHasher()
    hasher.combine("lesson-run v1\u{0}" + libraryHash + "\u{0}" + lesson.path + "\u{0}")
    for snippet in lesson.snippets {
      let attributes = snippet.attributes.map(\.rawValue).sorted().joined(separator: " ")
      hasher.combine("\(snippet.index)\u{0}\(snippet.code.firstContentLine)\u{0}\(attributes)\u{0}")
      hasher.combine(snippet.code.content + "\u{0}")
    }
    // Which snippets make up each checked exercise changes the program (not only the snippets).
    for exercise in lesson.exercises {
      let members = exercise.snippets.map(String.init).joined(separator: " ")
      hasher.combine("exercise \(exercise.index): \(members)\u{0}")
    }
    return hasher.hexDigest
  }

  /// A hash of one snippet's attributes and code (not its place): what tells an edited
  /// snippet from one that only moved.
  static func codeHash(of snippet: Snippet) -> String {
    var hasher = StableHasher()
    hasher.combine(snippet.attributes.map(\.rawValue).sorted().joined(separator: " ") + "\u{0}")
    hasher.combine(snippet.code.content)
    return hasher.hexDigest
  }

  /// What a run's ``contentHash(of:libraryHash:)`` is keyed by besides the lesson
  /// (``RunKey/combined``): ``libraryHash(packageDirectory:)``, the toolchain
  /// (``toolchainFingerprint``), and the environment's name when it has one, its variables when
  /// they are not the default ones and the output limit when it is not the default, so that a
  /// run in another environment (or one whose outputs were allowed to be larger) never stands
  /// in for an ordinary one.
  ///
  /// - Parameters:
  ///   - options: The package and the lesson processes' environment.
  ///   - libraryHash: The package's ``libraryHash(packageDirectory:)``, when already computed.
  static func key(for options: LessonRunOptions, libraryHash: String? = nil) -> String {
    runKey(for: options, libraryHash: libraryHash).combined
  }

  /// The parts of ``key(for:libraryHash:)``, kept apart so that a stale run can say which
  /// changed.
  ///
  /// - Parameters:
  ///   - options: The package and the lesson processes' environment.
  ///   - libraryHash: The package's ``libraryHash(packageDirectory:)``, when already computed.
  public static func runKey(for options: LessonRunOptions, libraryHash: String? = nil) -> RunKey {
    var environment = ""
    if let name = options.environmentName { environment += "\u{0}" + name }
    if options.maxOutput != LessonRunOptions.defaultMaxOutput {
      environment += "\u{0}max-output=\(options.maxOutput)"
    }
    if options.environment != LessonRunOptions.oneBLASThread {
      for (name, value) in options.environment.sorted(by: { $0.key < $1.key }) {
        environment += "\u{0}\(name)=\(value)"
      }
    }
    return RunKey(
      library: libraryHash ?? Self.libraryHash(packageDirectory: options.packageDirectory),
      toolchain: toolchainFingerprint, environment: environment)
  }

  /// Which Swift toolchain builds the lessons program: the path, size and modification time of
  /// the `swift-frontend` beside the first `swift` on `PATH` (symbolic links followed), hashed;
  /// `unknown` when there is none. Cheap (no process is started), so every `verify` checks it.
  static let toolchainFingerprint: String = {
    let manager = FileManager.default
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    guard
      let swift = folders.map({ URL(fileURLWithPath: String($0)).appending(path: "swift") })
        .first(where: { manager.isExecutableFile(atPath: $0.path) })
    else { return "unknown" }
    let frontend = swift.resolvingSymlinksInPath().deletingLastPathComponent()
      .appending(path: "swift-frontend").resolvingSymlinksInPath()
    let file =
      manager.fileExists(atPath: frontend.path) ? frontend : swift.resolvingSymlinksInPath()
    let attributes = (try? manager.attributesOfItem(atPath: file.path)) ?? [:]
    var hasher = StableHasher()
    hasher.combine(file.path + "\u{0}")
    hasher.combine("\((attributes[.size] as? Int) ?? 0)\u{0}")
    hasher.combine(
      "\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
    return hasher.hexDigest
  }()

  /// A hash of everything the lessons program is built from: `Package.swift` and every file
  /// under `Sources/`, `Plugins/`, `Tools/lesson-runner` and `Tools/lesson-codegen`.
  ///
  /// - Parameter packageDirectory: The package root.
  /// - Returns: 16 hexadecimal digits.
  /// - Complexity: Reads those files (a few hundred kilobytes).
  public static func libraryHash(packageDirectory: URL) -> String {
    var hasher = StableHasher()
    let manager = FileManager.default
    var files = ["Package.swift"]
    for folder in ["Sources", "Plugins", "Tools/lesson-runner", "Tools/lesson-codegen"] {
      let root = packageDirectory.appending(path: folder)
      guard let walker = manager.enumerator(atPath: root.path) else { continue }
      while let relative = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = root.appending(path: relative).path
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
          files.append(folder + "/" + relative)
        }
      }
    }
    for file in files.sorted() {
      hasher.combine(file + "\u{0}")
      if let data = manager.contents(atPath: packageDirectory.appending(path: file).path) {
        hasher.combine(data)
      }
    }
    return hasher.hexDigest
  }
}

/// A lesson path as a file name: letters, digits, `-` and `.` kept, everything else `_`
/// (`Lessons/00-a.md` → `Lessons_00-a.md`).
func safeName(forLessonAt path: String) -> String {
  String(path.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
}

/// FNV-1a, 64 bits: a hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process, so it cannot key a cache).
struct StableHasher {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func combine(_ text: String) {
    for byte in text.utf8 { mix(byte) }
  }

  mutating func combine(_ data: Data) {
    data.withUnsafeBytes { bytes in for byte in bytes { mix(byte) } }
  }

  private mutating func mix(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// The hash as a number.
  var value: UInt64 { state }

  var hexDigest: String {
    let digits = String(state, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
