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
/// A run is cached under `.build/lessons/cache` (``RunCache``); only lessons that ran to their
/// end are cached.
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
    let library = RunCache.key(for: options)
    let hashes = lessons.map { RunCache.contentHash(of: $0, libraryHash: library) }
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

    let runner: URL
    if let given = options.runnerExecutable {
      runner = given
    } else if let built = RunnerBuild.upToDateRunner(
      packageDirectory: options.packageDirectory, configuration: options.configuration)
    {
      runner = built
    } else {
      let build = try RunnerBuild.build(
        packageDirectory: options.packageDirectory, configuration: options.configuration)
      guard build.succeeded else {
        for position in pending {
          let run = RunnerBuild.failureRun(
            of: lessons[position], diagnostics: build.output, hash: hashes[position])
          runs[position] = run
          options.onFinish?(run, false)
        }
        return runs.map { $0! }
      }
      runner = RunnerBuild.executable(
        packageDirectory: options.packageDirectory, configuration: options.configuration)
    }
    guard FileManager.default.isExecutableFile(atPath: runner.path) else {
      throw LessonRunnerError(
        message: "no lesson-runner at \(runner.path); build it with "
          + "`swift build --product lesson-runner`")
    }

    let jobs = max(1, options.jobs)
    try await withThrowingTaskGroup(of: (Int, LessonRun).self) { group in
      var next = 0
      func startNext() {
        guard next < pending.count else { return }
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
        runs[position] = run
        if run.failure == nil { cache.store(run) }
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
    let library = RunCache.key(for: options)
    return RunCache(directory: options.cacheDirectory).run(
      for: lesson, hash: RunCache.contentHash(of: lesson, libraryHash: library))
  }
}

/// A problem running lessons that is not a lesson's fault (no `swift`, no runner).
public struct LessonRunnerError: Error, CustomStringConvertible, Sendable {
  /// What went wrong and how to fix it.
  public var message: String
  /// `lessons: error: message`.
  public var description: String { "lessons: error: \(message)" }
}
