// Building the lessons program when some lessons do not compile: the lessons the compiler
// complained about are left out (lesson-codegen generates a stand-in for each) and the program
// is built again without them, until it builds or the errors are not in any lesson. The
// decision is kept (LeftOutLessons.swift) until the lesson or the library changes, so a
// broken lesson costs one failed build, not one per `lessons verify`.

import Foundation

/// What ``RunnerBuild/buildLeavingOut(packageDirectory:configuration:course:libraryHash:)``
/// did.
struct RunnerBuildOutcome: Sendable {
  /// The built lessons program, or `nil` when it did not build even without the lessons that
  /// do not compile (an error outside the lessons, in the library say).
  var runner: URL?
  /// What the last failed build printed (empty when it built).
  var output: String
  /// The lessons left out of the program, with the compile failure to report for each.
  var leftOut: [String: LessonFailure]
}

extension RunnerBuild {
  /// Builds `lesson-runner` (unless it is up to date), leaving out the lessons that do not
  /// compile.
  ///
  /// Lessons found not to compile in an earlier build stay out while their snippets and the
  /// library are unchanged. When a build fails, the lessons the compiler named in an error
  /// (`Lessons/x.md:LINE:COLUMN: error: …`) are added to the list and the program is built
  /// again without them; this verifies that they were the cause (one lesson can break
  /// another's code) and repeats while new lessons are named. When the errors are in no
  /// lesson, or a build without the named lessons still fails with no new one named, the
  /// compiler's output goes to standard error and the outcome has no runner.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - configuration: The build configuration.
  ///   - course: Every lesson of the course that could be read (the program holds them all,
  ///     not only those about to run).
  ///   - libraryHash: ``RunCache/libraryHash(packageDirectory:)``.
  /// - Returns: The runner (or none) and the left-out lessons with their failures.
  /// - Throws: `LessonRunnerError` when `swift` cannot be started; `FileError` when the
  ///   left-out list cannot be written.
  static func buildLeavingOut(
    packageDirectory: URL, configuration: BuildConfiguration, course: [Lesson],
    libraryHash: String
  ) throws -> RunnerBuildOutcome {
    let hashes = Dictionary(
      course.map { ($0.path, RunCache.contentHash(of: $0, libraryHash: libraryHash)) },
      uniquingKeysWith: { first, _ in first })
    var leftOut = LeftOutLessons.load(packageDirectory: packageDirectory).stillHolding(hashes)
    defer { leftOut.save(packageDirectory: packageDirectory) }
    let listChanged = try leftOut.writeList(packageDirectory: packageDirectory)
    if !listChanged,
      let runner = upToDateRunner(packageDirectory: packageDirectory, configuration: configuration)
    {
      return RunnerBuildOutcome(runner: runner, output: "", leftOut: failures(leftOut))
    }
    while true {
      let build = try buildQuietly(packageDirectory: packageDirectory, configuration: configuration)
      if build.succeeded {
        return RunnerBuildOutcome(
          runner: executable(packageDirectory: packageDirectory, configuration: configuration),
          output: "", leftOut: failures(leftOut))
      }
      let broken = course.compactMap { lesson -> (Lesson, LessonFailure)? in
        guard leftOut.entries[lesson.path] == nil, let hash = hashes[lesson.path],
          let failure = compileFailure(of: lesson, diagnostics: build.output)
        else { return nil }
        leftOut.entries[lesson.path] = LeftOutLessons.Entry(hash: hash, failure: failure)
        return (lesson, failure)
      }
      guard !broken.isEmpty else {
        FileHandle.standardError.write(Data(build.output.utf8))
        return RunnerBuildOutcome(runner: nil, output: build.output, leftOut: failures(leftOut))
      }
      let names = broken.map(\.0.path).joined(separator: ", ")
      let one = broken.count == 1
      let note =
        "lessons: \(names) \(one ? "does" : "do") not compile; building the lessons program "
        + "without \(one ? "it" : "them")\n"
      FileHandle.standardError.write(Data(note.utf8))
      try leftOut.writeList(packageDirectory: packageDirectory)
    }
  }

  private static func failures(_ leftOut: LeftOutLessons) -> [String: LessonFailure] {
    leftOut.entries.mapValues(\.failure)
  }
}
