// Building the API reference: swift-docc-plugin's `swift package generate-documentation` over
// the modules lessons use, combined into one archive (so that a module's docs link to the
// modules it imports), kept under `.build/lessons/api` and rebuilt only when their sources or
// catalogs change. Reading and rendering it is APIReference.swift's job.

import Foundation

/// What ``APIReferenceBuild/build(packageDirectory:modules:)`` did.
public struct APIReferenceBuildReport: Sendable, Equatable {
  /// The DocC archive (`.build/lessons/api/Descent.doccarchive`).
  public var archive: String
  /// Whether the archive was already up to date (nothing was built).
  public var upToDate: Bool
  /// DocC's warnings, each with its source lines (`warning: 'x' doesn't exist at …` and
  /// `--> Sources/…:LINE:COLUMN`), from the build that made the archive.
  public var warnings: [String]
  /// How long the build took, in seconds (0 when it was up to date).
  public var seconds: Double
}

/// Building the library's API reference with DocC (the swift-docc-plugin the package depends
/// on), cached under `.build/lessons/api`.
///
///     if APIReferenceBuild.doccExecutable() != nil {
///       let report = try APIReferenceBuild.build(packageDirectory: root)
///       let reference = try APIReference(archive: report.archive)
///     }
public enum APIReferenceBuild {
  /// The modules a lesson imports, which the reference documents.
  public static let documentedModules = [
    "TensorCore", "Optimizers", "Normalization", "Hessian", "Training", "Figures",
    "LessonSupport",
  ]

  /// Where the archive is kept: `.build/lessons/api/Descent.doccarchive`.
  public static func archive(packageDirectory: URL) -> URL {
    folder(packageDirectory).appending(path: "Descent.doccarchive")
  }

  private static func folder(_ packageDirectory: URL) -> URL {
    packageDirectory.appending(path: ".build/lessons/api")
  }

  /// The `docc` that `swift package generate-documentation` would run: `$DOCC_EXEC`, else the
  /// one beside the `swift` found on `PATH` (symbolic links followed), else `docc` on `PATH`;
  /// `nil` when there is none.
  ///
  /// - Parameter environment: The environment to read `DOCC_EXEC` and `PATH` from.
  public static func doccExecutable(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    let manager = FileManager.default
    if let explicit = environment["DOCC_EXEC"], !explicit.isEmpty {
      return manager.isExecutableFile(atPath: explicit) ? explicit : nil
    }
    let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    for folder in folders {
      let swift = URL(fileURLWithPath: folder).appending(path: "swift")
      guard manager.isExecutableFile(atPath: swift.path) else { continue }
      let beside = swift.resolvingSymlinksInPath().deletingLastPathComponent()
        .appending(path: "docc").path
      if manager.isExecutableFile(atPath: beside) { return beside }
      break
    }
    for folder in folders {
      let docc = URL(fileURLWithPath: folder).appending(path: "docc").path
      if manager.isExecutableFile(atPath: docc) { return docc }
    }
    return nil
  }

  /// A hash of what the archive is built from: `Package.swift`, every file of the documented
  /// modules' folders (sources and DocC catalogs) and the list of modules.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - modules: The documented modules.
  /// - Returns: 16 hexadecimal digits.
  public static func inputsHash(packageDirectory: URL, modules: [String] = documentedModules)
    -> String
  {
    var hasher = StableHasher()
    hasher.combine("api-reference v1\u{0}" + modules.joined(separator: ",") + "\u{0}")
    let manager = FileManager.default
    var files = ["Package.swift"]
    for module in modules {
      let root = packageDirectory.appending(path: "Sources/" + module)
      guard let walker = manager.enumerator(atPath: root.path) else { continue }
      while let relative = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if manager.fileExists(
          atPath: root.appending(path: relative).path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        {
          files.append("Sources/\(module)/\(relative)")
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

  /// The archive of an earlier build and its report, whether or not it is up to date; `nil`
  /// when none was built.
  ///
  /// - Parameter packageDirectory: The package root.
  public static func lastBuild(packageDirectory: URL) -> APIReferenceBuildReport? {
    let archive = archive(packageDirectory: packageDirectory)
    guard FileManager.default.fileExists(atPath: archive.appending(path: "data").path) else {
      return nil
    }
    let warnings =
      (try? String(contentsOf: warningsFile(packageDirectory), encoding: .utf8))
      .map(splitWarnings) ?? []
    return APIReferenceBuildReport(
      archive: archive.path, upToDate: isUpToDate(packageDirectory: packageDirectory),
      warnings: warnings, seconds: 0)
  }

  /// Whether the archive was built from the package's current sources.
  public static func isUpToDate(packageDirectory: URL, modules: [String] = documentedModules)
    -> Bool
  {
    let stored = try? String(contentsOf: keyFile(packageDirectory), encoding: .utf8)
    return stored == inputsHash(packageDirectory: packageDirectory, modules: modules)
      && FileManager.default.fileExists(
        atPath: archive(packageDirectory: packageDirectory).appending(path: "data").path)
  }

  /// Builds the archive unless it is up to date: runs
  /// `swift package --allow-writing-to-directory DIR generate-documentation --target M …
  /// --output-path DIR/Descent.doccarchive --enable-experimental-combined-documentation` in the
  /// package (which builds the modules first, debug), and keeps DocC's warnings.
  ///
  /// - Parameters:
  ///   - packageDirectory: The package root.
  ///   - modules: The modules to document.
  /// - Returns: Where the archive is, whether it was built, DocC's warnings and the time.
  /// - Throws: ``SiteError`` when `swift` cannot be started or the build fails (with the end
  ///   of its output).
  public static func build(packageDirectory: URL, modules: [String] = documentedModules) throws
    -> APIReferenceBuildReport
  {
    if isUpToDate(packageDirectory: packageDirectory, modules: modules),
      var last = lastBuild(packageDirectory: packageDirectory)
    {
      last.upToDate = true
      return last
    }
    let manager = FileManager.default
    let folder = folder(packageDirectory)
    let archive = archive(packageDirectory: packageDirectory)
    try? manager.removeItem(at: keyFile(packageDirectory))
    try? manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let key = inputsHash(packageDirectory: packageDirectory, modules: modules)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["swift", "package", "--allow-writing-to-directory", folder.path, "generate-documentation"]
      + modules.flatMap { ["--target", $0] }
      + ["--output-path", archive.path, "--enable-experimental-combined-documentation"]
    process.currentDirectoryURL = packageDirectory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let start = ContinuousClock.now
    do {
      try process.run()
    } catch {
      throw SiteError(
        "cannot start `swift package generate-documentation`: \(error); is swift on PATH?")
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let seconds = (ContinuousClock.now - start) / .seconds(1)
    guard process.terminationStatus == 0,
      manager.fileExists(atPath: archive.appending(path: "data").path)
    else {
      let tail = output.split(separator: "\n", omittingEmptySubsequences: false).suffix(30)
      throw SiteError(
        "building the API reference failed (`swift package generate-documentation` exited with "
          + "status \(process.terminationStatus)); the end of its output:\n"
          + tail.joined(separator: "\n"))
    }
    let warnings = splitWarnings(output)
    try? keepDocComments(packageDirectory: packageDirectory, modules: modules, in: archive)
    try? warnings.joined(separator: "\n\n").write(
      to: warningsFile(packageDirectory), atomically: true, encoding: .utf8)
    try? key.write(to: keyFile(packageDirectory), atomically: true, encoding: .utf8)
    return APIReferenceBuildReport(
      archive: archive.path, upToDate: false, warnings: warnings, seconds: seconds)
  }

  /// The file of the archive that keeps the doc comments as written
  /// (``APIReference/docCommentsFile``).
  static func keepDocComments(packageDirectory: URL, modules: [String], in archive: URL) throws {
    // The symbol graphs the plugin extracted: .build/TRIPLE/extracted-symbols/docc/MODULE.
    let manager = FileManager.default
    let build = packageDirectory.appending(path: ".build")
    var comments: [String: [String]] = [:]
    for triple in (try? manager.contentsOfDirectory(atPath: build.path)) ?? [] {
      for module in modules {
        let folder = build.appending(path: "\(triple)/extracted-symbols/docc/\(module)")
        for file in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where file.hasSuffix(".symbols.json") {
          let data = try Data(contentsOf: folder.appending(path: file))
          let graph = try JSONDecoder().decode(SymbolGraphComments.self, from: data)
          for symbol in graph.symbols {
            if let lines = symbol.docComment?.lines.map(\.text) {
              comments[symbol.identifier.precise] = lines
            }
          }
        }
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    try encoder.encode(comments).write(to: archive.appending(path: APIReference.docCommentsFile))
  }

  private static func keyFile(_ packageDirectory: URL) -> URL {
    folder(packageDirectory).appending(path: "inputs.hash")
  }

  private static func warningsFile(_ packageDirectory: URL) -> URL {
    folder(packageDirectory).appending(path: "warnings.txt")
  }
}

/// DocC's warnings in its output: each from a line that starts with `warning:` up to the next
/// blank line, or the next line that starts a message of its own.
///
///     splitWarnings("Building…\nwarning: 'x' doesn't exist\n --> A.swift:3:5\n\nDone\n")
///     // ["warning: 'x' doesn't exist\n --> A.swift:3:5"]
func splitWarnings(_ output: String) -> [String] {
  var warnings: [String] = []
  var current: [Substring]?
  for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("warning:") {
      if let current { warnings.append(current.joined(separator: "\n")) }
      current = [line]
    } else if current != nil {
      let startsMessage =
        line.hasPrefix("error:") || line.hasPrefix("note:") || line.hasPrefix("Building ")
        || line.hasPrefix("Finished ") || line.hasPrefix("Extracting ")
        || line.hasPrefix("Generated ")
      if line.trimmingCharacters(in: .whitespaces).isEmpty || startsMessage {
        warnings.append(current!.joined(separator: "\n"))
        current = nil
      } else {
        current!.append(line)
      }
    }
  }
  if let current { warnings.append(current.joined(separator: "\n")) }
  return warnings
}

/// The part of a symbol graph (`swift-symbolgraph-extract`'s output) that holds the doc
/// comments.
private struct SymbolGraphComments: Decodable {
  struct Symbol: Decodable {
    struct Identifier: Decodable { var precise: String }
    struct DocComment: Decodable {
      struct Line: Decodable { var text: String }
      var lines: [Line]
    }
    var identifier: Identifier
    var docComment: DocComment?
  }
  var symbols: [Symbol]
}
