// Running lessons: build the `lesson-runner` program once, run each lesson in its own process
// with a time limit (several at a time), read the results back, and keep each run in a cache so
// an unchanged lesson is not run again.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How `LessonRunner.run(lessons:options:)` builds and runs lessons.
public struct LessonRunOptions: Sendable {
  /// The package root (holds `Package.swift`, `Lessons/` and `.build/`).
  public var packageDirectory: URL
  /// Seconds one lesson may run before it is killed and reported as timed out.
  public var timeout: Double
  /// How many lessons run at the same time.
  public var jobs: Int
  /// When `false`, every lesson runs even if a fresh cached run exists (`--no-cache`).
  public var useCache: Bool
  /// An already built `lesson-runner` to use; when `nil`, `swift build --product
  /// lesson-runner` builds it in `packageDirectory` (only if some lesson must run).
  public var runnerExecutable: URL?
  /// The configuration `lesson-runner` is built in (`release` runs numeric lessons several
  /// times faster, after a much longer first build).
  public var configuration: BuildConfiguration
  /// Called with each lesson's run as soon as it is known (cached runs first, with `true`),
  /// from any thread.
  public var onFinish: (@Sendable (_ run: LessonRun, _ cached: Bool) -> Void)?
  /// Variables set in each lesson process on top of the `lessons` process's own environment.
  /// The default, `LessonRunOptions.oneBLASThread`, runs BLAS on one thread; the portability
  /// check also sets `OPENBLAS_CORETYPE` (see `LessonEnvironment`).
  public var environment: [String: String] = LessonRunOptions.oneBLASThread
  /// A name for a non-default `environment` (with the configuration it goes with), or `nil`.
  /// Runs in a named environment are cached apart, under `cacheDirectory`, and keyed by the
  /// name too, so they never stand in for ordinary runs or for another environment's. (Runs
  /// with non-default variables are keyed by them in any case.)
  public var environmentName: String?

  /// `OPENBLAS_NUM_THREADS=1` and `OMP_NUM_THREADS=1`: with one BLAS thread a lesson's sums are
  /// added in the same order whatever the machine's core count, and lessons running in
  /// parallel do not fight over the cores (one Hessian-heavy lesson ran 3× slower with
  /// threaded OpenBLAS beside others).
  public static let oneBLASThread = ["OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"]

  /// Creates options; the defaults are those of `lessons verify`.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - timeout: Seconds per lesson (default 60).
  ///   - jobs: Lessons run at once (default: the number of processors).
  ///   - useCache: Whether fresh cached runs are reused (default `true`).
  ///   - runnerExecutable: A prebuilt runner, or `nil` to build one.
  ///   - onFinish: Progress callback.
  ///   - configuration: The build configuration (default `debug`).
  public init(
    packageDirectory: URL, timeout: Double = 60,
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, useCache: Bool = true,
    runnerExecutable: URL? = nil,
    onFinish: (@Sendable (_ run: LessonRun, _ cached: Bool) -> Void)? = nil,
    configuration: BuildConfiguration = .debug
  ) {
    self.configuration = configuration
    self.packageDirectory = packageDirectory
    self.timeout = timeout
    self.jobs = jobs
    self.useCache = useCache
    self.runnerExecutable = runnerExecutable
    self.onFinish = onFinish
  }

  /// Where runs are cached: `.build/lessons/cache` under the package, or its subfolder
  /// `env-NAME` for a named environment.
  public var cacheDirectory: URL {
    let cache = packageDirectory.appending(path: ".build/lessons/cache")
    guard let environmentName else { return cache }
    return cache.appending(path: "env-" + LessonRunner.cacheName(environmentName).dropLast(5))
  }

  /// Where each lesson's runner writes its results (one folder per run, removed once read):
  /// `.build/lessons/work`.
  var workDirectory: URL { packageDirectory.appending(path: ".build/lessons/work") }
}

/// A SwiftPM build configuration.
public enum BuildConfiguration: String, Sendable, CaseIterable {
  /// `swift build -c debug` (the default; fast to build).
  case debug
  /// `swift build -c release` (optimized; numeric lessons run several times faster).
  case release
}

/// Builds the lessons program and runs lessons, each in its own process.
///
/// ```swift
/// let lessons = try paths.map { try Lesson(contentsOfFile: $0) }
/// let runs = try await LessonRunner.run(
///   lessons: lessons, options: LessonRunOptions(packageDirectory: root))
/// for (lesson, run) in zip(lessons, runs) { print(checkLesson(lesson, against: run)) }
/// ```
///
/// A run is cached under `.build/lessons/cache` keyed by `contentHash(of:libraryHash:)`: the
/// lesson's snippets (code, attributes, lines) and every source file the program is built from.
/// Editing prose that does not move a snippet, or an output block, does not make a lesson run
/// again; editing any library source does. Only lessons that ran to their end are cached.
public enum LessonRunner {
  /// Runs `lessons` (or takes their fresh cached runs) and returns one run per lesson, in order.
  ///
  /// When the program does not build, each lesson the compiler complained about gets a failure
  /// at the first diagnostic's line, and the others a failure saying they did not run; the
  /// compiler's output is also written to standard error as it comes.
  ///
  /// - Parameters:
  ///   - lessons: The lessons (their paths relative to the package root, as the generator
  ///     names them).
  ///   - options: Build, cache, time limit and parallelism.
  /// - Returns: The runs, in the order of `lessons`.
  /// - Throws: `LessonRunnerError` when `swift` cannot be started or the runner is missing.
  public static func run(lessons: [Lesson], options: LessonRunOptions) async throws
    -> [LessonRun]
  {
    let library = cacheKey(options)
    var runs = [LessonRun?](repeating: nil, count: lessons.count)
    var pending: [Int] = []
    for (position, lesson) in lessons.enumerated() {
      let hash = contentHash(of: lesson, libraryHash: library)
      if options.useCache, let cached = cachedRun(for: lesson, hash: hash, options: options) {
        runs[position] = cached
        options.onFinish?(cached, true)
      } else {
        pending.append(position)
      }
    }
    if pending.isEmpty { return runs.map { $0! } }

    let runner: URL
    if let given = options.runnerExecutable {
      runner = given
    } else if let built = upToDateRunner(
      packageDirectory: options.packageDirectory, configuration: options.configuration)
    {
      runner = built
    } else {
      let build = try buildRunner(
        packageDirectory: options.packageDirectory, configuration: options.configuration)
      guard build.succeeded else {
        for position in pending {
          let lesson = lessons[position]
          let run = buildFailureRun(
            of: lesson, diagnostics: build.output,
            hash: contentHash(of: lesson, libraryHash: library))
          runs[position] = run
          options.onFinish?(run, false)
        }
        return runs.map { $0! }
      }
      runner = options.packageDirectory.appending(
        path: ".build/\(options.configuration.rawValue)/lesson-runner")
    }
    guard FileManager.default.isExecutableFile(atPath: runner.path) else {
      throw LessonRunnerError(
        message: "no lesson-runner at \(runner.path); build it with "
          + "`swift build --product lesson-runner`")
    }

    try FileManager.default.createDirectory(
      at: options.cacheDirectory, withIntermediateDirectories: true)
    let jobs = max(1, options.jobs)
    try await withThrowingTaskGroup(of: (Int, LessonRun).self) { group in
      var next = 0
      func startNext() {
        guard next < pending.count else { return }
        let position = pending[next]
        next += 1
        let lesson = lessons[position]
        let hash = contentHash(of: lesson, libraryHash: library)
        group.addTask {
          let run = try await runOne(lesson, runner: runner, hash: hash, options: options)
          return (position, run)
        }
      }
      for _ in 0..<jobs { startNext() }
      while let (position, run) = try await group.next() {
        runs[position] = run
        if run.failure == nil { store(run, options: options) }
        options.onFinish?(run, false)
        startNext()
      }
    }
    return runs.map { $0! }
  }

  /// The cached run of `lesson`, when there is one and it is fresh (built from the same lesson
  /// snippets and the same library sources).
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - options: Gives the package root and the cache folder.
  /// - Returns: The cached run, or `nil`.
  public static func cachedRun(for lesson: Lesson, options: LessonRunOptions) -> LessonRun? {
    let library = cacheKey(options)
    return cachedRun(
      for: lesson, hash: contentHash(of: lesson, libraryHash: library), options: options)
  }

  /// The cache key of a lesson run: a hash of the lesson's path, of each snippet's index,
  /// first line, attributes and code, and of `libraryHash`. Output blocks and prose are not
  /// part of it.
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - libraryHash: `libraryHash(packageDirectory:)`.
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

  /// `libraryHash(packageDirectory:)`, followed by the environment's name when it has one
  /// and by its variables when they are not the default ones, so that a run in another
  /// environment never stands in for an ordinary one.
  static func cacheKey(_ options: LessonRunOptions) -> String {
    var key = libraryHash(packageDirectory: options.packageDirectory)
    if let name = options.environmentName { key += "\u{0}" + name }
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

  /// The built `.build/CONFIGURATION/lesson-runner` when it is newer than everything it is
  /// built from (`Package.swift`, the files and folders under `Sources/`, `Plugins/`,
  /// `Tools/lesson-runner`, `Tools/lesson-codegen` and `Lessons/`), so that `swift build`,
  /// which takes seconds even when it has nothing to do, can be skipped; otherwise `nil`.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - configuration: The build configuration.
  public static func upToDateRunner(
    packageDirectory: URL, configuration: BuildConfiguration = .debug
  ) -> URL? {
    let runner = packageDirectory.appending(path: ".build/\(configuration.rawValue)/lesson-runner")
    let manager = FileManager.default
    func modified(_ path: String) -> Date? {
      (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
    guard let linked = modified(runner.path) else { return nil }
    // A build with nothing to do does not touch the runner: the stamp `buildRunner` leaves
    // records when the last successful build started.
    let stamp = modified(runnerStamp(packageDirectory, configuration).path) ?? linked
    let built = max(linked, stamp)
    var paths = [packageDirectory.appending(path: "Package.swift").path]
    let folders = [
      "Sources", "Plugins", "Tools/lesson-runner", "Tools/lesson-codegen", "Lessons",
    ]
    for folder in folders {
      let root = packageDirectory.appending(path: folder)
      paths.append(root.path)
      guard let walker = manager.enumerator(atPath: root.path) else { continue }
      while let relative = walker.nextObject() as? String {
        paths.append(root.appending(path: relative).path)
      }
    }
    for path in paths {
      if let date = modified(path), date > built { return nil }
    }
    return runner
  }

  /// Builds `lesson-runner` with `swift build --product lesson-runner`. When the build fails,
  /// everything it printed goes to standard error; when it succeeds, only the warnings about
  /// lessons (lines starting with `Lessons/`).
  ///
  /// SwiftPM reuses its build plan until a manifest or a target's files change, so a lesson
  /// added to or removed from `Lessons/` is not seen by the code-generation plugin (a removed
  /// one even fails the build with "missing inputs"). This function notices both — the build
  /// fails that way, or `lesson-runner --list` differs from `Lessons/*.md` — and then touches
  /// `Package.swift` (its date, not its content) and builds once more.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - configuration: The build configuration (`-c`).
  /// - Returns: Whether it built, and everything the (last) build printed.
  public static func buildRunner(
    packageDirectory: URL, configuration: BuildConfiguration = .debug
  ) throws -> (succeeded: Bool, output: String) {
    let start = Date()
    var build = try swiftBuild(packageDirectory: packageDirectory, configuration: configuration)
    let runner = packageDirectory.appending(path: ".build/\(configuration.rawValue)/lesson-runner")
    let stale =
      build.succeeded
      ? lessonsOnDisk(packageDirectory) != lessonsCompiled(into: runner)
      : build.output.contains("because of missing inputs")
    if stale {
      try? FileManager.default.setAttributes(
        [.modificationDate: Date()],
        ofItemAtPath: packageDirectory.appending(path: "Package.swift").path)
      build = try swiftBuild(packageDirectory: packageDirectory, configuration: configuration)
    }
    let shown =
      build.succeeded
      ? build.output.split(separator: "\n").filter { $0.hasPrefix("Lessons/") }.map { $0 + "\n" }
        .joined()
      : build.output
    FileHandle.standardError.write(Data(shown.utf8))
    if build.succeeded {
      let stamp = runnerStamp(packageDirectory, configuration)
      try? FileManager.default.createDirectory(
        at: stamp.deletingLastPathComponent(), withIntermediateDirectories: true)
      if FileManager.default.createFile(atPath: stamp.path, contents: Data()) {
        try? FileManager.default.setAttributes(
          [.modificationDate: start], ofItemAtPath: stamp.path)
      }
    }
    return build
  }

  /// `Lessons/*.md` of the package, as the generator names them.
  static func lessonsOnDisk(_ packageDirectory: URL) -> Set<String> {
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: packageDirectory.appending(path: "Lessons").path)) ?? []
    return Set(names.filter { $0.hasSuffix(".md") }.map { "Lessons/" + $0 })
  }

  /// The lessons a built runner holds (`lesson-runner --list`); empty when it cannot run.
  public static func lessonsCompiled(into runner: URL) -> Set<String> {
    let process = Process()
    process.executableURL = runner
    process.arguments = ["--list"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return [] }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
  }

  private static func swiftBuild(
    packageDirectory: URL, configuration: BuildConfiguration
  ) throws -> (succeeded: Bool, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "build", "-c", configuration.rawValue, "--product", "lesson-runner",
    ]
    process.currentDirectoryURL = packageDirectory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do {
      try process.run()
    } catch {
      throw LessonRunnerError(message: "cannot start `swift build`: \(error); is swift on PATH?")
    }
    let output = String(
      decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus == 0, output)
  }

  /// `.build/lessons/runner-CONFIGURATION.stamp`: its date is when the last successful build
  /// started.
  static func runnerStamp(_ packageDirectory: URL, _ configuration: BuildConfiguration) -> URL {
    packageDirectory.appending(path: ".build/lessons/runner-\(configuration.rawValue).stamp")
  }

  private static func cachedRun(for lesson: Lesson, hash: String, options: LessonRunOptions)
    -> LessonRun?
  {
    let file = options.cacheDirectory.appending(path: cacheName(lesson.path))
    guard let data = try? Data(contentsOf: file),
      let run = try? JSONDecoder().decode(LessonRun.self, from: data),
      run.contentHash == hash, run.path == lesson.path
    else { return nil }
    return run
  }

  private static func store(_ run: LessonRun, options: LessonRunOptions) {
    let file = options.cacheDirectory.appending(path: cacheName(run.path))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if let data = try? encoder.encode(run) { try? data.write(to: file, options: .atomic) }
  }

  /// A file name for a lesson path: `Lessons/00-a.md` → `Lessons_00-a.md.json`.
  static func cacheName(_ path: String) -> String {
    String(path.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }) + ".json"
  }

  private static func runOne(
    _ lesson: Lesson, runner: URL, hash: String, options: LessonRunOptions
  ) async throws -> LessonRun {
    // A folder of its own, so a `lessons verify` and a `swift test` running the same lesson at
    // the same time do not mix their results; removed once read.
    let directory = options.workDirectory.appending(
      path: String(cacheName(lesson.path).dropLast(5)) + "-" + UUID().uuidString)
    let manager = FileManager.default
    defer { try? manager.removeItem(at: directory) }
    let figures = directory.appending(path: "figures")
    try manager.createDirectory(at: figures, withIntermediateDirectories: true)
    let standardError = directory.appending(path: "stderr.txt")
    _ = manager.createFile(atPath: standardError.path, contents: nil)

    let process = Process()
    process.executableURL = runner
    process.arguments = [lesson.path, "--results", directory.path]
    process.currentDirectoryURL = options.packageDirectory
    process.environment = lessonEnvironment(
      inheriting: ProcessInfo.processInfo.environment, figuresDirectory: figures.path,
      setting: options.environment)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let errorHandle = try FileHandle(forWritingTo: standardError)
    process.standardError = errorHandle
    defer { try? errorHandle.close() }

    let start = Date()
    let state = RunState()
    let termination: RunnerTermination = try await withCheckedThrowingContinuation {
      continuation in
      process.terminationHandler = { finished in
        if state.finish() {
          continuation.resume(returning: .timedOut(options.timeout))
        } else if finished.terminationReason == .uncaughtSignal {
          continuation.resume(returning: .signaled(finished.terminationStatus))
        } else {
          continuation.resume(returning: .exited(finished.terminationStatus))
        }
      }
      do {
        try process.run()
      } catch {
        continuation.resume(throwing: error)
        return
      }
      let pid = process.processIdentifier
      DispatchQueue.global().asyncAfter(deadline: .now() + options.timeout) {
        // SIGILL first (a signal Dispatch threads do not block, so the child has it unblocked
        // too): the Swift runtime prints a backtrace whose frames name the lesson's line, so
        // the report can point at the loop. A signal sent from outside does not end the
        // program once the backtrace is printed, so SIGKILL follows when standard error has
        // stopped growing for half a second (at most 10 s later).
        guard state.signalIfRunning(pid, SIGILL) else { return }
        var lastSize = -1
        var steady = 0
        for _ in 0..<100 where !state.isFinished {
          usleep(100_000)
          let size =
            ((try? FileManager.default.attributesOfItem(atPath: standardError.path))?[.size]
              as? Int) ?? 0
          steady = size > 0 && size == lastSize ? steady + 1 : 0
          if steady == 5 { break }
          lastSize = size
        }
        state.signalIfRunning(pid, SIGKILL)
      }
    }
    let seconds = Date().timeIntervalSince(start)
    return readLessonResults(
      of: lesson, in: directory, termination: termination, contentHash: hash, seconds: seconds)
  }

  /// The run of a lesson when the lessons program did not build: failed at the first error the
  /// compiler reported in this lesson, or "not run" when it reported none here.
  static func buildFailureRun(of lesson: Lesson, diagnostics: String, hash: String)
    -> LessonRun
  {
    let prefix = lesson.path + ":"
    let mine = diagnostics.split(separator: "\n").filter {
      $0.hasPrefix(prefix) && $0.contains(": error:")
    }
    let failure: LessonFailure
    if let first = mine.first,
      let line = Int(first.dropFirst(prefix.count).prefix(while: \.isNumber))
    {
      let snippet = lesson.snippets.first {
        $0.code.firstContentLine <= line && line <= $0.code.lastContentLine
      }
      failure = LessonFailure(
        snippetIndex: snippet?.index, line: line,
        message: "does not compile: " + mine.joined(separator: "\n"))
    } else {
      failure = LessonFailure(
        snippetIndex: nil, line: 1,
        message: "not run: the lessons program did not build (see the compiler's errors above)")
    }
    return LessonRun(
      path: lesson.path, contentHash: hash, snippets: [], failure: failure, seconds: 0)
  }
}

/// A problem running lessons that is not a lesson's fault (no `swift`, no runner).
public struct LessonRunnerError: Error, CustomStringConvertible, Sendable {
  /// What went wrong and how to fix it.
  public var message: String
  /// `lessons: error: message`.
  public var description: String { "lessons: error: \(message)" }
}

/// Whether a runner process finished or was killed for running too long (used from the
/// timer's and the termination handler's threads).
private final class RunState: @unchecked Sendable {
  private let lock = NSLock()
  private var finished = false
  private var timedOut = false

  /// Sends `signal` to `pid` unless the process already finished; marks the run timed out.
  ///
  /// - Returns: Whether the signal was sent.
  @discardableResult
  func signalIfRunning(_ pid: Int32, _ signal: Int32) -> Bool {
    lock.withLock {
      guard !finished else { return false }
      timedOut = true
      kill(pid, signal)
      return true
    }
  }

  /// Whether the process has finished.
  var isFinished: Bool { lock.withLock { finished } }

  /// Marks the process finished; returns whether it had been killed for its time limit.
  func finish() -> Bool {
    lock.withLock {
      finished = true
      return timedOut
    }
  }
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

/// The environment a lesson process runs in: the caller's, plus the folder `show(_:)` writes
/// figures to, plus `variables` (by default single-threaded BLAS; see
/// `LessonRunOptions.oneBLASThread`).
///
/// - Parameters:
///   - environment: The environment to start from (the `lessons` process's own).
///   - figuresDirectory: The folder for `DESCENT_FIGURES_DIR`.
///   - variables: The variables to set on top (`LessonRunOptions.environment`).
/// - Returns: The environment for the lesson process.
func lessonEnvironment(
  inheriting environment: [String: String], figuresDirectory: String,
  setting variables: [String: String] = LessonRunOptions.oneBLASThread
) -> [String: String] {
  var result = environment.merging(variables) { _, new in new }
  result["DESCENT_FIGURES_DIR"] = figuresDirectory
  return result
}
