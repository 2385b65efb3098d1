// A build-tool plugin that turns every lesson of `Lessons/` into Swift at build time, so the
// generated code is never stale: SwiftPM reruns a lesson's `lesson-codegen` command whenever
// the lesson changes. Each lesson gets a file and a command of its own (and the dispatcher one
// more), and the generator rewrites only files whose text changed, so an edit regenerates one
// file and the compiler redoes only that lesson. (One command for every lesson, writing only
// the changed files, built as fast except that it reads every lesson on each edit: 0.26 s
// against 0.02 s with 50 lessons; see README.)
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
  /// One build command per lesson,
  /// `lesson-codegen --package DIR --left-out LIST --import MODULE… --course LESSON…
  /// --generate LESSON OUTPUT`, whose inputs are the lesson and the left-out list
  /// (`.build/lessons/codegen/TARGET.left-out`: the lessons `lessons` found not to compile,
  /// one path a line, generated as stand-ins so the others still build; this plugin creates
  /// it empty when it is missing); and one for the dispatcher, `… --course LESSON…
  /// --dispatcher FILE`, with no input (it changes only with the course's list of lessons,
  /// which is in its arguments). The course, in every command, names the lessons' functions.
  /// The lessons import Foundation and the modules the target depends on.
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

    var common = ["--package", packageDirectory.path]
    for module in ["Foundation"] + dependencyModules(of: target) {
      common += ["--import", module]
    }
    common += ["--course"] + lessons.map(\.path)
    let tool = try context.tool(named: "lesson-codegen").url
    var commands: [Command] = zip(lessons, outputs).map { lesson, output in
      .buildCommand(
        displayName: "Generating Swift from \(lesson.lastPathComponent)",
        executable: tool,
        arguments: common + (hasLeftOutList ? ["--left-out", leftOut.path] : [])
          + ["--generate", lesson.path, output.path],
        inputFiles: [lesson] + (hasLeftOutList ? [leftOut] : []),
        outputFiles: [output])
    }
    commands.append(
      .buildCommand(
        displayName: "Generating the dispatcher of \(lessons.count) lessons",
        executable: tool,
        arguments: common + ["--dispatcher", dispatcher.path],
        inputFiles: [],
        outputFiles: [dispatcher]))
    return commands
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
