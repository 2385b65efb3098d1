// A build-tool plugin that turns every lesson of `Lessons/` into Swift at build time, so the
// generated code is never stale: SwiftPM reruns `lesson-codegen` whenever a lesson changes,
// and lists the folder afresh on every build (a new lesson is picked up at once).

import Foundation
import PackagePlugin

/// Generates `GeneratedLessons.swift` from `Lessons/*.md` for the target it is applied to (for
/// the target `lesson-fixture-runner`, from the fixtures in `Tests/LessonFixtures/Lessons`).
@main
struct LessonCodegen: BuildToolPlugin {
  /// One build command: `lesson-codegen PACKAGE_DIR OUTPUT LESSON…`.
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
    let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedLessons.swift")
    return [
      .buildCommand(
        displayName: "Generating Swift from \(lessons.count) lessons",
        executable: try context.tool(named: "lesson-codegen").url,
        arguments: [packageDirectory.path, output.path] + lessons.map(\.path),
        inputFiles: lessons,
        outputFiles: [output]
      )
    ]
  }
}
