// A compiler that skipped a changed lesson. Now and then (seen in the end-to-end tests, about
// one build in five when a generated lesson file was rewritten within a second or two of the
// previous build) the Swift driver's incremental build takes a rewritten
// `GeneratedLesson-X.swift` for unchanged and keeps its old object file: the build succeeds,
// and the lessons program runs the lesson's previous code. `lessons` then reported a lesson that
// does not compile as passing, or ran a left-out lesson's stand-in after it was fixed. The
// objects are checked after every build (and before a build is skipped): an object older than
// its generated source was not recompiled, and the lessons program is compiled again from
// scratch.

import Foundation

extension RunnerBuild {
  /// The generated Swift files of the lessons program whose object file is older than the file
  /// itself: the compiler skipped them (see the top of this file). Empty when every object is
  /// current, and for files with no object of their own (a whole-module build, as in release,
  /// has one object for the module, and a file not built yet has none).
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - configuration: The build configuration.
  /// - Returns: The generated files' names (`GeneratedLesson-a.swift`), sorted.
  static func skippedCompiles(
    packageDirectory: URL, configuration: BuildConfiguration
  ) -> [String] {
    let manager = FileManager.default
    let outputs = packageDirectory.appending(path: ".build/plugins/outputs")
    let objects = objectFolder(packageDirectory, configuration)
    func modified(_ url: URL) -> Date? {
      (try? manager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }
    var skipped: [String] = []
    for package in (try? manager.contentsOfDirectory(atPath: outputs.path)) ?? [] {
      let generated = outputs.appending(
        path: "\(package)/lesson-runner/destination/LessonCodegen")
      let sources =
        [generated.appending(path: "GeneratedLessons.swift")]
        + ((try? manager.contentsOfDirectory(atPath: generated.appending(path: "lessons").path))
        ?? []).filter { $0.hasSuffix(".swift") }.map {
          generated.appending(path: "lessons").appending(path: $0)
        }
      for source in sources {
        let object = objects.appending(path: source.lastPathComponent + ".o")
        guard let written = modified(source), let compiled = modified(object) else { continue }
        if compiled < written { skipped.append(source.lastPathComponent) }
      }
    }
    return skipped.sorted()
  }

  /// Removes the lessons program's objects and incremental-build records (`.o`, `.swiftdeps`,
  /// `.priors`, `.d`), so that the next build compiles every lesson. SwiftPM's own files of
  /// the folder (the output file map, the list of sources) stay: it writes them only when it
  /// plans a build.
  static func forgetCompiledLessons(packageDirectory: URL, configuration: BuildConfiguration) {
    let folder = objectFolder(packageDirectory, configuration)
    let manager = FileManager.default
    for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
    where [".o", ".swiftdeps", ".priors", ".d"].contains(where: { name.hasSuffix($0) }) {
      try? manager.removeItem(at: folder.appending(path: name))
    }
  }

  /// `.build/CONFIGURATION/lesson_runner.build`: the objects of the lessons program's module.
  private static func objectFolder(_ packageDirectory: URL, _ configuration: BuildConfiguration)
    -> URL
  {
    packageDirectory.appending(path: ".build/\(configuration.rawValue)/lesson_runner.build")
  }
}
