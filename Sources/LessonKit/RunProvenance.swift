// Why a lesson runs again: what a cached run was computed from (its snippets, the library, the
// toolchain, the environment), kept in its cache entry and compared with today's, so that
// `lessons verify` can say "ran because: snippet 3 (line 40) changed".

/// What a lesson run depends on besides the lesson itself, part by part.
public struct RunKey: Codable, Equatable, Sendable {
  /// ``RunCache/libraryHash(packageDirectory:)``: the sources the lessons program is built from.
  public var library: String
  /// ``RunCache/toolchainFingerprint``: the Swift toolchain.
  public var toolchain: String
  /// The lesson processes' environment when it is not the default (a name and variables), or
  /// empty.
  public var environment: String

  /// Creates a key from its parts.
  ///
  /// - Parameters:
  ///   - library: The library's hash.
  ///   - toolchain: The toolchain's fingerprint.
  ///   - environment: The environment's name and variables, or empty.
  public init(library: String, toolchain: String, environment: String) {
    self.library = library
    self.toolchain = toolchain
    self.environment = environment
  }

  /// The parts as one string, what ``RunCache/contentHash(of:libraryHash:)`` hashes with the
  /// lesson.
  public var combined: String { library + "\u{0}toolchain " + toolchain + environment }
}

/// What one cached run was computed from: each snippet's code and line, and the ``RunKey``.
public struct RunProvenance: Codable, Equatable, Sendable {
  /// One snippet: its index, first line of code, and ``RunCache/codeHash(of:)`` (attributes
  /// and code).
  public struct SnippetKey: Codable, Equatable, Sendable {
    /// The snippet's index in its lesson.
    public var index: Int
    /// The first line of its code.
    public var line: Int
    /// A hash of its attributes and code.
    public var code: String
  }

  /// The lesson's snippets, in order.
  public var snippets: [SnippetKey]
  /// The library, toolchain and environment.
  public var key: RunKey

  /// The provenance of a run of `lesson` made today with `key`.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - key: The library, toolchain and environment.
  public init(lesson: Lesson, key: RunKey) {
    snippets = lesson.snippets.map {
      SnippetKey(index: $0.index, line: $0.code.firstContentLine, code: RunCache.codeHash(of: $0))
    }
    self.key = key
  }

  /// Why a run computed from `old` does not stand for one computed from this provenance:
  /// snippets whose code or attributes are not among the old ones (edited or added), old
  /// snippets no longer there, snippets that only moved, then the library, the toolchain and
  /// the environment.
  ///
  /// - Parameter old: The provenance of the cached run.
  /// - Returns: The differences, in that order; empty when there are none.
  public func reasons(since old: RunProvenance) -> [RerunReason] {
    var reasons: [RerunReason] = []
    let oldCodes = Set(old.snippets.map(\.code))
    let newCodes = Set(snippets.map(\.code))
    // A snippet whose code is not among the old ones was edited when the old snippet at its
    // position is gone too, else added.
    let changed = snippets.enumerated().filter { !oldCodes.contains($0.element.code) }.map {
      position, snippet in
      let edited = position < old.snippets.count && !newCodes.contains(old.snippets[position].code)
      return ChangedSnippet(index: snippet.index, line: snippet.line, isNew: !edited)
    }
    let gone = old.snippets.filter { !newCodes.contains($0.code) }.count
    let removed = max(0, gone - changed.filter { !$0.isNew }.count)
    if !changed.isEmpty || removed > 0 {
      reasons.append(.snippetsChanged(changed: changed, removed: removed))
    } else if snippets.map(\.line) != old.snippets.map(\.line) {
      reasons.append(.snippetsMoved)
    }
    if key.library != old.key.library { reasons.append(.libraryChanged) }
    if key.toolchain != old.key.toolchain { reasons.append(.toolchainChanged) }
    if key.environment != old.key.environment { reasons.append(.environmentChanged) }
    return reasons
  }
}

/// A snippet that is new or edited since the cached run: its index and first line of code.
public struct ChangedSnippet: Equatable, Sendable {
  /// The snippet's index in its lesson, from 0.
  public var index: Int
  /// Its first line of code.
  public var line: Int
  /// Whether it was added (rather than edited in place).
  public var isNew: Bool

  /// Creates one.
  ///
  /// - Parameters:
  ///   - index: The snippet's index, from 0.
  ///   - line: Its first line of code.
  ///   - isNew: Whether it was added.
  public init(index: Int, line: Int, isNew: Bool) {
    self.index = index
    self.line = line
    self.isNew = isNew
  }
}

/// Why a lesson runs instead of being taken from the cache.
public enum RerunReason: Equatable, Sendable, CustomStringConvertible {
  /// `--no-cache` was given.
  case noCacheRequested
  /// There is no cached run of it (never run here, or the cache was cleared).
  case notRunBefore
  /// Its last run, of the same snippets with the same library, failed (failed runs are never
  /// reused); the failure's message.
  case lastRunFailed(String)
  /// Snippets were edited or added (`changed`: as they are now) or removed (`removed`, a
  /// count).
  case snippetsChanged(changed: [ChangedSnippet], removed: Int)
  /// The snippets are the same but sit on other lines (crash reports name lines).
  case snippetsMoved
  /// A source the lessons program is built from changed (`Sources/`, `Plugins/`,
  /// `Tools/lesson-runner`, `Tools/lesson-codegen`, `Package.swift`).
  case libraryChanged
  /// The Swift toolchain changed.
  case toolchainChanged
  /// The lesson processes' environment changed.
  case environmentChanged

  /// A phrase for `lessons verify`'s "ran because:" line, e.g. `snippet 4 (line 52) changed`.
  public var description: String {
    switch self {
    case .noCacheRequested: return "--no-cache"
    case .notRunBefore: return "no cached run"
    case .lastRunFailed(let message):
      let first = message.split(separator: "\n").first.map(String.init) ?? message
      return "its last run failed (\(first.count > 80 ? first.prefix(77) + "…" : first))"
    case .snippetsChanged(let changed, let removed):
      var parts: [String] = []
      for (isNew, what) in [(false, "changed"), (true, "new")] {
        let these = changed.filter { $0.isNew == isNew }
        guard !these.isEmpty else { continue }
        // At most three by name: a rewritten lesson would otherwise list every snippet.
        var list = these.prefix(3).map { "\($0.index + 1) (line \($0.line))" }.joined(
          separator: ", ")
        if these.count > 3 { list += " and \(these.count - 3) more" }
        parts.append(
          (these.count == 1 ? "snippet \(list) is " : "snippets \(list) are ") + what)
      }
      if removed > 0 {
        parts.append(removed == 1 ? "a snippet was removed" : "\(removed) snippets were removed")
      }
      return parts.joined(separator: "; ")
    case .snippetsMoved: return "its snippets moved to other lines"
    case .libraryChanged:
      return "the library changed (Sources/, Plugins/, Tools/lesson-runner, Tools/lesson-codegen "
        + "or Package.swift)"
    case .toolchainChanged: return "the Swift toolchain changed"
    case .environmentChanged: return "the lesson processes' environment changed"
    }
  }
}
