// A build-tool plugin that turns every lesson of `Lessons/` into Swift at build time, so the
// generated code is never stale: SwiftPM reruns `lesson-codegen` whenever a lesson changes.
// Each lesson gets a file of its own (and the dispatcher one more), and the generator rewrites
// only the files whose text changed, so the compiler redoes only the edited lessons.
//
// SwiftPM keeps the commands this plugin returns until a manifest or a target's files change,
// so a lesson added to or removed from the folder is seen after `Package.swift` is touched
// (`lessons verify` does that when it notices; see LessonKit's RunnerBuild).

import Foundation
import PackagePlugin

/// Generates one Swift file per lesson of `Lessons/` and a dispatcher, `GeneratedLessons.swift`,
/// for the target it is applied to (for the target `lesson-fixture-runner`, from the fixtures
/// in `Tests/LessonFixtures/Lessons`).
@main
struct LessonCodegen: BuildToolPlugin {
  /// One build command:
  /// `lesson-codegen PACKAGE_DIR DISPATCHER LEFT_OUT_LIST [--import MODULE]… [LESSON OUTPUT]…`.
  ///
  /// Its inputs are the lessons and the left-out list
  /// (`.build/lessons/codegen/TARGET.left-out`: the lessons `lessons` found not to compile,
  /// one path a line, generated as stand-ins so the others still build), which this plugin
  /// creates empty when it is missing. The lessons import Foundation and the modules the
  /// target depends on.
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let packageDirectory = context.package.directoryURL
    let lessonsDirectory =
      target.name == "lesson-fixture-runner"
      ? packageDirectory.appending(path: "Tests/LessonFixtures/Lessons")
      : packageDirectory.appending(path: "Lessons")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: lessonsDirectory.path)) ?? []
    // Which files are lessons: LessonKit's `LessonCatalog.isLessonFileName` rule, repeated
    // because a plugin cannot import LessonKit. Keep the two identical (LessonsTests checks
    // that the fixtures' runner holds exactly what LessonCatalog lists).
    let lessons = names.filter { $0.hasSuffix(".md") }.sorted().map {
      lessonsDirectory.appending(path: $0)
    }
    let work = context.pluginWorkDirectoryURL
    let outputs = generatedFileNames(for: lessons.map(\.lastPathComponent)).map {
      work.appending(path: "lessons").appending(path: $0)
    }
    let dispatcher = work.appending(path: "GeneratedLessons.swift")

    let leftOut = packageDirectory.appending(path: ".build/lessons/codegen/\(target.name).left-out")
    if !FileManager.default.fileExists(atPath: leftOut.path) {
      try? FileManager.default.createDirectory(
        at: leftOut.deletingLastPathComponent(), withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: leftOut.path, contents: Data())
    }
    let hasLeftOutList = FileManager.default.fileExists(atPath: leftOut.path)

    var arguments = [
      packageDirectory.path, dispatcher.path, hasLeftOutList ? leftOut.path : "-",
    ]
    for module in ["Foundation"] + dependencyModules(of: target) {
      arguments += ["--import", module]
    }
    for (lesson, output) in zip(lessons, outputs) { arguments += [lesson.path, output.path] }
    return [
      .buildCommand(
        displayName: "Generating Swift from \(lessons.count) lessons",
        executable: try context.tool(named: "lesson-codegen").url,
        arguments: arguments,
        inputFiles: lessons + (hasLeftOutList ? [leftOut] : []),
        outputFiles: [dispatcher] + outputs
      )
    ]
  }

  /// The generated file of each lesson file name: `GeneratedLesson-NAME.swift`, NAME the file
  /// name without `.md`, every character other than an ASCII letter, digit, `-` or `_`
  /// written `_`; a name already taken gets `-2`, `-3`… in the order given.
  private func generatedFileNames(for lessonFileNames: [String]) -> [String] {
    var taken: Set<String> = []
    return lessonFileNames.map { fileName in
      let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
      let safe = String(
        stem.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" }
      )
      var name = "GeneratedLesson-" + safe
      var suffix = 2
      while taken.contains(name) {
        name = "GeneratedLesson-\(safe)-\(suffix)"
        suffix += 1
      }
      taken.insert(name)
      return name + ".swift"
    }
  }

  /// The Swift library modules the target depends on, directly or through a product, sorted.
  private func dependencyModules(of target: Target) -> [String] {
    var modules: Set<String> = []
    func add(_ target: Target) {
      if let module = target as? SourceModuleTarget, module.kind == .generic {
        modules.insert(module.moduleName)
      }
    }
    for dependency in target.dependencies {
      switch dependency {
      case .target(let target): add(target)
      case .product(let product): product.targets.forEach(add)
      @unknown default: break
      }
    }
    return modules.sorted()
  }
}
