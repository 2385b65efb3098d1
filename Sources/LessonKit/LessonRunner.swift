// Running lessons, the orchestration: take fresh runs from the cache (RunCache.swift), build
// the lessons program if some lesson must run (RunnerBuild.swift), run each such lesson in its
// own process, several at a time (LessonProcess.swift), and store the runs that finished.

import Foundation

/// Builds the lessons program and runs lessons, each in its own process.
///
/// ```swift
/// let loaded = LessonCatalog.load(paths, packageDirectory: root)
/// let lessons = loaded.lessons.map(\.lesson)
/// let runs = try await LessonRunner.run(
///   lessons: lessons, options: LessonRunOptions(packageDirectory: root))
/// for (lesson, run) in zip(lessons, runs) { print(checkLesson(lesson, against: run)) }
/// ```
///
/// A run is cached under `.build/lessons/cache` (``RunCache``); only runs that reached their
/// end are reused. Lessons that do not compile are left out of the lessons program and
/// reported at the compiler's first error, and the others still build and run
/// (``RunnerBuild``'s `buildLeavingOut`).
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
    let libraryHash = RunCache.libraryHash(packageDirectory: options.packageDirectory)
    let key = RunCache.runKey(for: options, libraryHash: libraryHash)
    let hashes = lessons.map { RunCache.contentHash(of: $0, libraryHash: key.combined) }
    let cache = RunCache(directory: options.cacheDirectory)
    var runs = [LessonRun?](repeating: nil, count: lessons.count)
    var pending: [Int] = []
    for (position, lesson) in lessons.enumerated() {
      if options.useCache, let cached = cache.run(for: lesson, hash: hashes[position]) {
        runs[position] = cached
        options.onFinish?(cached, true)
      } else {
        pending.append(position)
      }
    }
    if pending.isEmpty { return runs.map { $0! } }

    var runner: URL
    // Lessons edited while the program was built: it may hold the new text, so their runs
    // are not cached under the old text's hash.
    var editedDuringBuild: Set<Int> = []
    if let given = options.runnerExecutable {
      runner = given
    } else {
      let outcome = try RunnerBuild.buildLeavingOut(
        packageDirectory: options.packageDirectory, configuration: options.configuration,
        course: courseLessons(options.packageDirectory, selected: lessons),
        libraryHash: libraryHash)
      let reloaded = LessonCatalog.load(
        pending.map { lessons[$0].path }, packageDirectory: options.packageDirectory
      ).lessons
      let onDisk = Dictionary(
        reloaded.map {
          ($0.lesson.path, RunCache.contentHash(of: $0.lesson, libraryHash: key.combined))
        },
        uniquingKeysWith: { first, _ in first })
      editedDuringBuild = Set(pending.filter { onDisk[lessons[$0].path] != hashes[$0] })
      // Lessons that do not compile are reported at the compiler's first error and not run.
      pending = pending.filter { position in
        guard let failure = outcome.leftOut[lessons[position].path] else { return true }
        let run = LessonRun(
          path: lessons[position].path, contentHash: hashes[position], snippets: [],
          failure: failure, seconds: 0)
        runs[position] = run
        if !editedDuringBuild.contains(position) {
          cache.store(run, provenance: RunProvenance(lesson: lessons[position], key: key))
        }
        options.onFinish?(run, false)
        return false
      }
      guard let built = outcome.runner else {
        for position in pending {
          let run = RunnerBuild.failureRun(
            of: lessons[position], diagnostics: outcome.output, hash: hashes[position])
          runs[position] = run
          options.onFinish?(run, false)
        }
        return runs.map { $0! }
      }
      runner = built
    }
    guard FileManager.default.isExecutableFile(atPath: runner.path) else {
      throw LessonRunnerError(
        message: "no lesson-runner at \(runner.path); build it with "
          + "`swift build --product lesson-runner`")
    }

    try await runPending(
      pending, of: lessons, hashes: hashes, runner: runner, options: options, cache: cache,
      key: key, editedDuringBuild: editedDuringBuild, holdingStandIns: true, runs: &runs)
    // A lesson that compiles but ran as the stand-in of a left-out lesson: SwiftPM kept the
    // stand-in it generated in an earlier build (seen once, on a cold package, right after a
    // fixed lesson). Build again with a fresh plan and run those lessons once more.
    let stale = pending.filter { position in
      options.runnerExecutable == nil
        && runs[position]?.failure?.message.contains(
          "\(lessons[position].path) is left out of this build") == true
    }
    if !stale.isEmpty {
      try? FileManager.default.setAttributes(
        [.modificationDate: Date()],
        ofItemAtPath: options.packageDirectory.appending(path: "Package.swift").path)
      let rebuilt = try RunnerBuild.buildQuietly(
        packageDirectory: options.packageDirectory, configuration: options.configuration)
      if rebuilt.succeeded {
        runner = RunnerBuild.executable(
          packageDirectory: options.packageDirectory, configuration: options.configuration)
        try await runPending(
          stale, of: lessons, hashes: hashes, runner: runner, options: options, cache: cache,
          key: key, editedDuringBuild: editedDuringBuild, holdingStandIns: false, runs: &runs)
      } else {
        for position in stale { options.onFinish?(runs[position]!, false) }
      }
    }
    try Task.checkCancellation()
    return runs.map { $0! }
  }

  /// Runs the lessons at `pending` (positions in `lessons`), `options.jobs` at a time, storing
  /// each run in `runs` and the cache (unless edited during the build or cancelled). With
  /// `holdingStandIns`, a run of a left-out lesson's stand-in is neither cached nor reported:
  /// the caller builds again and runs it once more.
  private static func runPending(
    _ pending: [Int], of lessons: [Lesson], hashes: [String], runner: URL,
    options: LessonRunOptions, cache: RunCache, key: RunKey, editedDuringBuild: Set<Int>,
    holdingStandIns: Bool, runs: inout [LessonRun?]
  ) async throws {
    let jobs = max(1, options.jobs)
    var finished: [(Int, LessonRun)] = []
    try await withThrowingTaskGroup(of: (Int, LessonRun).self) { group in
      var next = 0
      func startNext() {
        // A cancelled task (Ctrl-C in `lessons preview`) starts no more lessons.
        guard next < pending.count, !Task.isCancelled else { return }
        let position = pending[next]
        next += 1
        let lesson = lessons[position]
        let hash = hashes[position]
        group.addTask {
          (
            position,
            try await LessonProcess.run(lesson, runner: runner, hash: hash, options: options)
          )
        }
      }
      for _ in 0..<jobs { startNext() }
      while let (position, run) = try await group.next() {
        finished.append((position, run))
        let standIn =
          holdingStandIns && options.runnerExecutable == nil
          && run.failure?.message.contains("\(lessons[position].path) is left out of this build")
            == true
        // A run cut short by cancellation says nothing about the lesson: not cached (else the
        // next verify would say "its last run failed: was killed").
        if !editedDuringBuild.contains(position), !Task.isCancelled, !standIn {
          cache.store(run, provenance: RunProvenance(lesson: lessons[position], key: key))
        }
        if !standIn { options.onFinish?(run, false) }
        startNext()
      }
    }
    for (position, run) in finished { runs[position] = run }
  }

  /// Every lesson of the course that can be read (the lessons program holds them all), with
  /// `selected` standing in for the copies read from disk.
  private static func courseLessons(_ packageDirectory: URL, selected: [Lesson]) -> [Lesson] {
    let paths = (try? LessonCatalog.lessonPaths(packageDirectory: packageDirectory)) ?? []
    let given = Dictionary(selected.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let others = paths.filter { given[$0] == nil }
    return selected
      + LessonCatalog.load(others, packageDirectory: packageDirectory).lessons.map(
        \.lesson)
  }

  /// Why each lesson would run instead of being taken from the cache (empty for a lesson
  /// whose cached run is fresh), for `lessons verify` to say. Call it before
  /// ``run(lessons:options:)``, which replaces the cached runs.
  ///
  /// - Parameters:
  ///   - lessons: The lessons.
  ///   - options: The package, cache and environment.
  /// - Returns: The reasons, in the order of `lessons`.
  public static func rerunReasons(for lessons: [Lesson], options: LessonRunOptions)
    -> [[RerunReason]]
  {
    let key = RunCache.runKey(for: options)
    let cache = RunCache(directory: options.cacheDirectory)
    return lessons.map { cache.rerunReasons(for: $0, key: key, useCache: options.useCache) }
  }

  /// The cached run of `lesson`, when there is one and it is fresh (built from the same lesson
  /// snippets and the same library sources).
  ///
  /// - Parameters:
  ///   - lesson: The lesson.
  ///   - options: Gives the package root and the cache folder.
  /// - Returns: The cached run, or `nil`.
  public static func cachedRun(for lesson: Lesson, options: LessonRunOptions) -> LessonRun? {
    cachedRuns(for: [lesson], options: options)[0]
  }

  /// The cached run of each lesson, when there is one and it is fresh, as
  /// ``cachedRun(for:options:)`` finds it, with the library's sources hashed once for all.
  ///
  /// - Parameters:
  ///   - lessons: The lessons.
  ///   - options: Gives the package root and the cache folder.
  /// - Returns: A cached run or `nil` for each lesson, in order.
  public static func cachedRuns(for lessons: [Lesson], options: LessonRunOptions) -> [LessonRun?] {
    let library = RunCache.key(for: options)
    let cache = RunCache(directory: options.cacheDirectory)
    return lessons.map {
      cache.run(for: $0, hash: RunCache.contentHash(of: $0, libraryHash: library))
    }
  }
}

/// A problem running lessons that is not a lesson's fault (no `swift`, no runner).
public struct LessonRunnerError: Error, CustomStringConvertible, Sendable {
  /// What went wrong and how to fix it.
  public var message: String
  /// `lessons: error: message`.
  public var description: String { "lessons: error: \(message)" }
}
