// What `lessons verify`, `update` and `render` can change about running lessons: the package,
// the time limit, parallelism, the cache and the build configuration.

import Foundation

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
  /// Seconds the answer of a checked exercise, and each of its checks, may run before it is
  /// killed and reported as timed out (`DESCENT_EXERCISE_TIMEOUT` in the lesson process); the
  /// lesson goes on with its next snippet.
  public var exerciseTimeout: Double = 30
  /// The most bytes each file a lesson process writes may hold: each snippet's output, its
  /// standard error, each figure (`--max-output`; default `defaultMaxOutput`, 1 MiB). The
  /// process is stopped when a file reaches it, and the lesson fails at the running snippet.
  public var maxOutput: Int = LessonRunOptions.defaultMaxOutput
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

  /// The default ``maxOutput``: 1 MiB (1,048,576 bytes), some 50,000 lines of a training log;
  /// far more than a lesson page can show, far less than what would strain the tool.
  public static let defaultMaxOutput = 1 << 20

  /// The number of processors available, read once per process: Foundation reads the
  /// control-group files on every `activeProcessorCount` (about 3 ms each here), and the
  /// command-line parser evaluates the `--jobs` default many times.
  public static let processorCount = ProcessInfo.processInfo.activeProcessorCount

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
    jobs: Int = LessonRunOptions.processorCount, useCache: Bool = true,
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
    return cache.appending(path: "env-" + safeName(forLessonAt: environmentName))
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
