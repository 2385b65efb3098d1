// Building the lessons program: `swift build --product lesson-runner` when a lesson has to run
// and the built program is older than its sources, and a second build when SwiftPM's cached
// plan has not seen a lesson added or removed.

import Foundation

/// Builds `lesson-runner` and says whether a built one is up to date.
///
///     if RunnerBuild.upToDateRunner(packageDirectory: root) == nil {
///       let build = try RunnerBuild.build(packageDirectory: root)
///       if !build.succeeded { print(build.output) }
///     }
///     let runner = RunnerBuild.executable(packageDirectory: root)
public enum RunnerBuild {
  /// Where SwiftPM puts the lessons program: `.build/CONFIGURATION/lesson-runner`.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - configuration: The build configuration.
  public static func executable(
    packageDirectory: URL, configuration: BuildConfiguration = .debug
  ) -> URL {
    packageDirectory.appending(path: ".build/\(configuration.rawValue)/lesson-runner")
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
    let runner = executable(packageDirectory: packageDirectory, configuration: configuration)
    let manager = FileManager.default
    func modified(_ path: String) -> Date? {
      (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
    guard let linked = modified(runner.path) else { return nil }
    // A build with nothing to do does not touch the runner: the stamp `build` leaves
    // records when the last successful build started.
    let stamp = modified(stamp(packageDirectory, configuration).path) ?? linked
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
    // Built, but with a lesson's old code: build again.
    guard skippedCompiles(packageDirectory: packageDirectory, configuration: configuration).isEmpty
    else { return nil }
    return runner
  }

  /// Builds `lesson-runner` with `swift build --product lesson-runner`. When the build fails,
  /// everything it printed goes to standard error; when it succeeds, only the warnings about
  /// lessons (lines starting with `Lessons/`).
  ///
  /// SwiftPM reuses its build plan until a manifest or a target's files change, so a lesson
  /// added to or removed from `Lessons/` is not seen by the code-generation plugin (a removed
  /// one even fails the build with "missing inputs"), nor is a changed plugin (its old commands
  /// then fail in `lesson-codegen`). This function notices these — the build fails that way,
  /// or `lesson-runner --list` differs from `Lessons/*.md` — and then touches `Package.swift`
  /// (its date, not its content) and builds once more.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - configuration: The build configuration (`-c`).
  /// - Returns: Whether it built, and everything the (last) build printed.
  /// - Throws: `LessonRunnerError` when `swift` cannot be started.
  public static func build(
    packageDirectory: URL, configuration: BuildConfiguration = .debug
  ) throws -> (succeeded: Bool, output: String) {
    let build = try buildQuietly(packageDirectory: packageDirectory, configuration: configuration)
    if !build.succeeded { FileHandle.standardError.write(Data(build.output.utf8)) }
    return build
  }

  /// ``build(packageDirectory:configuration:)`` that writes to standard error only the
  /// warnings about lessons of a build that succeeded; the caller decides what to show of a
  /// failed one.
  static func buildQuietly(
    packageDirectory: URL, configuration: BuildConfiguration
  ) throws -> (succeeded: Bool, output: String) {
    let start = Date()
    var build = try swiftBuild(packageDirectory: packageDirectory, configuration: configuration)
    let runner = executable(packageDirectory: packageDirectory, configuration: configuration)
    // A plan SwiftPM kept from before: a lesson added or removed, or a plugin that changed
    // while its commands were kept (then lesson-codegen itself fails).
    let stale =
      build.succeeded
      ? lessonsOnDisk(packageDirectory) != lessonsCompiled(into: runner)
      : build.output.contains("because of missing inputs")
        || build.output.contains("lesson-codegen: ")
    if stale {
      try? FileManager.default.setAttributes(
        [.modificationDate: Date()],
        ofItemAtPath: packageDirectory.appending(path: "Package.swift").path)
      build = try swiftBuild(packageDirectory: packageDirectory, configuration: configuration)
    }
    // A rewritten lesson the compiler did not recompile (RunnerBuild+SkippedCompiles.swift):
    // compile the lessons program from scratch, once.
    if build.succeeded {
      let skipped = skippedCompiles(
        packageDirectory: packageDirectory, configuration: configuration)
      if !skipped.isEmpty {
        FileHandle.standardError.write(
          Data(
            ("lessons: the compiler kept old code for \(skipped.joined(separator: ", ")); "
              + "compiling the lessons program again\n").utf8))
        forgetCompiledLessons(packageDirectory: packageDirectory, configuration: configuration)
        build = try swiftBuild(packageDirectory: packageDirectory, configuration: configuration)
      }
    }
    if build.succeeded {
      let warnings = build.output.split(separator: "\n").filter { $0.hasPrefix("Lessons/") }
      FileHandle.standardError.write(Data(warnings.map { $0 + "\n" }.joined().utf8))
      let stampFile = stamp(packageDirectory, configuration)
      try? FileManager.default.createDirectory(
        at: stampFile.deletingLastPathComponent(), withIntermediateDirectories: true)
      if FileManager.default.createFile(atPath: stampFile.path, contents: Data()) {
        try? FileManager.default.setAttributes(
          [.modificationDate: start], ofItemAtPath: stampFile.path)
      }
    }
    return build
  }

  /// The lessons of the package's `Lessons/`, as the generator names them.
  static func lessonsOnDisk(_ packageDirectory: URL) -> Set<String> {
    Set((try? LessonCatalog.lessonPaths(packageDirectory: packageDirectory)) ?? [])
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
    ChildProcesses.add(process.processIdentifier, stopWith: SIGINT)
    defer { ChildProcesses.remove(process.processIdentifier) }
    let output = String(
      decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus == 0, output)
  }

  /// `.build/lessons/runner-CONFIGURATION.stamp`: its date is when the last successful build
  /// started.
  static func stamp(_ packageDirectory: URL, _ configuration: BuildConfiguration) -> URL {
    packageDirectory.appending(path: ".build/lessons/runner-\(configuration.rawValue).stamp")
  }
}
