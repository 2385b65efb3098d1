// The cache of lesson runs: one JSON file per lesson, keyed by a hash of what the run depends
// on, so that an unchanged lesson is not run again by `verify`, `update` or `render`.

import Foundation

/// Lesson runs kept between invocations, one JSON file per lesson (`LessonRun` is `Codable`).
///
/// A run is fresh when its ``contentHash(of:libraryHash:)`` is today's: the lesson's snippets
/// (code, attributes, lines) and every source file the lessons program is built from. Editing
/// prose that does not move a snippet, or an output block, does not make a lesson run again;
/// editing any library source does.
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

  /// The stored run of `lesson` when it is fresh (its hash is `hash` and its path the
  /// lesson's), else `nil`.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - hash: Its ``contentHash(of:libraryHash:)`` today.
  public func run(for lesson: Lesson, hash: String) -> LessonRun? {
    let file = directory.appending(path: Self.fileName(forLessonAt: lesson.path))
    guard let data = try? Data(contentsOf: file),
      let run = try? JSONDecoder().decode(LessonRun.self, from: data),
      run.contentHash == hash, run.path == lesson.path
    else { return nil }
    return run
  }

  /// Stores `run` (keys sorted, written atomically), replacing the lesson's previous one. A
  /// cache that cannot be written only costs a rerun next time, so failures are ignored.
  ///
  /// - Parameter run: A run that ran to its end.
  func store(_ run: LessonRun) {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appending(path: Self.fileName(forLessonAt: run.path))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if let data = try? encoder.encode(run) { try? data.write(to: file, options: .atomic) }
  }

  /// The cache file of a lesson: ``safeName(forLessonAt:)`` and `.json`
  /// (`Lessons/00-a.md` → `Lessons_00-a.md.json`).
  static func fileName(forLessonAt path: String) -> String {
    safeName(forLessonAt: path) + ".json"
  }

  /// The cache key of a lesson run: a hash of the lesson's path, of each snippet's index,
  /// first line, attributes and code, and of `libraryHash`. Output blocks and prose are not
  /// part of it.
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
    return hasher.hexDigest
  }

  /// What a run's ``contentHash(of:libraryHash:)`` is keyed by besides the lesson:
  /// ``libraryHash(packageDirectory:)``, followed by the environment's name when it has one,
  /// by its variables when they are not the default ones, and by the output limit when it is
  /// not the default, so that a run in another environment (or one whose outputs were allowed
  /// to be larger) never stands in for an ordinary one.
  ///
  /// - Parameter options: The package, the lesson processes' environment and output limit.
  static func key(for options: LessonRunOptions) -> String {
    var key = libraryHash(packageDirectory: options.packageDirectory)
    if let name = options.environmentName { key += "\u{0}" + name }
    if options.maxOutput != LessonRunOptions.defaultMaxOutput {
      key += "\u{0}max-output=\(options.maxOutput)"
    }
    if options.environment != LessonRunOptions.oneBLASThread {
      for (name, value) in options.environment.sorted(by: { $0.key < $1.key }) {
        key += "\u{0}\(name)=\(value)"
      }
    }
    return key
  }

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

  var hexDigest: String {
    let digits = String(state, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
