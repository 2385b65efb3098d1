// What a program of students' answers is compiled against: the lessons program's own modules
// and object files, copied once from SwiftPM's build folder into `.build/lessons/answer-kit`
// with a warm clang module cache, so that each student's program is one `swiftc` run that
// compiles one generated lesson and links it (about a second; no SwiftPM, no shared build
// folder, and nothing the sandbox must be able to write).

import Foundation

/// The modules, objects and flags a program of students' answers is built with.
///
/// ```swift
/// let kit = try AnswerKit.prepare(runner: runnerURL, packageDirectory: root)
/// let command = kit.compileCommand(sources: ["main.swift", "lesson.swift"], output: "answers")
/// ```
///
/// The kit is made from a built lessons program (`lesson-runner`, or the fixtures' runner): its
/// link list (`NAME.product/Objects.LinkFileList`, SwiftPM's) names every object it is linked
/// from; all but the program's own (its `main.swift` and generated lessons) are copied, with the
/// Swift modules they belong to, the module maps of the C and system-library modules they
/// import, and each module's resource bundle. A stamp records what it was made from; a newer
/// lessons program makes a new kit.
public struct AnswerKit: Sendable {
  /// The kit's folder (bound read-only in the sandbox).
  public var directory: URL
  /// The Swift compiler (`swiftc` as found on `PATH`; not resolved, since the driver tells its
  /// mode by the name it is called by).
  public var swiftc: URL
  /// The flags every compilation of an answer program gets (modules, module maps, include
  /// folders, module cache), before its sources.
  public var compileFlags: [String]
  /// What the link adds after the sources: the objects and libraries.
  public var linkInputs: [String]

  /// The generated modules every answer program imports (as every lesson does).
  static let imports = (lessonImports + ["LessonRunnerSupport"]).sorted()

  /// Makes (or reuses) the kit of the lessons program `runner`.
  ///
  /// - Parameters:
  ///   - runner: A built lessons program (its folder holds SwiftPM's link list and modules).
  ///   - packageDirectory: The package root; the kit goes to `.build/lessons/answer-kit`.
  /// - Returns: The kit.
  /// - Throws: `LessonRunnerError` when the lessons program's link list is missing (build it
  ///   with `swift build --product lesson-runner`), `swiftc` is not on `PATH`, or the kit does
  ///   not compile a program that imports the lessons' modules.
  public static func prepare(runner: URL, packageDirectory: URL) throws -> AnswerKit {
    let bin = runner.deletingLastPathComponent()
    let name = runner.lastPathComponent
    let linkList = bin.appending(path: "\(name).product/Objects.LinkFileList")
    guard let listText = try? String(contentsOf: linkList, encoding: .utf8) else {
      throw LessonRunnerError(
        message: "no link list at \(linkList.path): build the lessons program first "
          + "(`swift build --product \(name)`)")
    }
    guard let swiftc = findExecutable("swiftc") else {
      throw LessonRunnerError(message: "swiftc is not on PATH; students' answers cannot compile")
    }
    let ownFolder = name.replacing("-", with: "_") + ".build"
    let objects = listText.split(separator: "\n").map(String.init).filter {
      !$0.isEmpty
        && URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent
          != ownFolder
    }
    let fingerprint = kitFingerprint(objects: objects, runner: runner, swiftc: swiftc)
    let directory = packageDirectory.appending(path: ".build/lessons/answer-kit")
    // One `lessons` at a time makes the kit (shards graded side by side on one machine): the
    // others wait, then find it made.
    try FileManager.default.createDirectory(
      at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
    let lock = open(directory.path + ".lock", O_RDWR | O_CREAT, 0o644)
    if lock >= 0 { flock(lock, LOCK_EX) }
    defer { if lock >= 0 { close(lock) } }
    let stamp = directory.appending(path: "stamp")
    if (try? String(contentsOf: stamp, encoding: .utf8)) == fingerprint,
      let kit = load(directory: directory, swiftc: swiftc)
    {
      return kit
    }
    let manager = FileManager.default
    let building = directory.deletingLastPathComponent().appending(
      path: "answer-kit.tmp-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: building) }
    try manager.createDirectory(at: building, withIntermediateDirectories: true)
    try populate(
      building, objects: objects, bin: bin, builtFrom: builtPackage(of: bin) ?? packageDirectory,
      kitDirectory: directory)
    try? manager.removeItem(at: directory)
    try manager.moveItem(at: building, to: directory)
    // The module cache records its folder's path: warm it where it stays.
    guard let kit = load(directory: directory, swiftc: swiftc) else {
      throw LessonRunnerError(message: "the answer kit in \(directory.path) is incomplete")
    }
    try kit.warmModuleCache()
    try fingerprint.write(to: stamp, atomically: true, encoding: .utf8)
    return kit
  }

  /// The `swiftc` command that compiles `sources` (paths in the scratch folder) into the
  /// executable `output`.
  ///
  /// - Parameters:
  ///   - sources: The Swift files.
  ///   - output: The executable to write.
  /// - Returns: The command line (the compiler first).
  public func compileCommand(sources: [String], output: String) -> [String] {
    [swiftc.path, "-j1"] + compileFlags + sources + linkInputs + ["-o", output]
  }

  /// The resource bundles of the lessons' modules (e.g. `Descent_TensorCore.resources`), which
  /// an answer program looks for beside itself.
  public var resourceBundles: [URL] {
    let folder = directory.appending(path: "resources")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appending(path: $0) }
  }

  /// Reads a kit's flags from its folder (`flags.json`), or `nil` when it has none.
  private static func load(directory: URL, swiftc: URL) -> AnswerKit? {
    guard let data = try? Data(contentsOf: directory.appending(path: "flags.json")),
      let flags = try? JSONDecoder().decode([String: [String]].self, from: data),
      let compile = flags["compile"], let link = flags["link"]
    else { return nil }
    return AnswerKit(directory: directory, swiftc: swiftc, compileFlags: compile, linkInputs: link)
  }

  /// The package whose build folder holds `bin` (the folder above `.build`), or `nil`.
  private static func builtPackage(of bin: URL) -> URL? {
    var folder = bin.standardizedFileURL
    while folder.path != "/" {
      if folder.lastPathComponent == ".build" { return folder.deletingLastPathComponent() }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }

  /// Copies the objects, modules, module maps and resources into `folder` and writes the flags
  /// (with the paths the kit will have once moved to `kitDirectory`). The module maps and the
  /// manifest are read from `packageDirectory`, the package the lessons program was built in.
  private static func populate(
    _ folder: URL, objects: [String], bin: URL, builtFrom packageDirectory: URL,
    kitDirectory final: URL
  ) throws {
    let manager = FileManager.default
    var modules: [String] = []
    var cModules: [String] = []
    var link: [String] = []
    for object in objects {
      let source = URL(fileURLWithPath: object)
      let module = source.deletingLastPathComponent().lastPathComponent
        .replacing(".build", with: "")
      let target = folder.appending(path: "objects/\(module)")
      try manager.createDirectory(at: target, withIntermediateDirectories: true)
      try manager.copyItem(at: source, to: target.appending(path: source.lastPathComponent))
      link.append(final.appending(path: "objects/\(module)/\(source.lastPathComponent)").path)
      if source.lastPathComponent.hasSuffix(".c.o"), !cModules.contains(module) {
        cModules.append(module)
      } else if !modules.contains(module) {
        modules.append(module)
      }
    }
    let moduleFolder = folder.appending(path: "Modules")
    try manager.createDirectory(at: moduleFolder, withIntermediateDirectories: true)
    for module in modules {
      let file = bin.appending(path: "Modules/\(module).swiftmodule")
      if manager.fileExists(atPath: file.path) {
        try manager.copyItem(at: file, to: moduleFolder.appending(path: "\(module).swiftmodule"))
      }
    }
    // Module maps: the package's system libraries, and the include folders of C modules.
    var compile = [
      "-swift-version", "5", "-Onone", "-g", "-module-name", "answers",
      "-I", final.appending(path: "Modules").path,
    ]
    let include = folder.appending(path: "include")
    try manager.createDirectory(at: include, withIntermediateDirectories: true)
    var mapFolders: [(name: String, source: URL)] = []
    let sources = packageDirectory.appending(path: "Sources")
    for name in (try? manager.contentsOfDirectory(atPath: sources.path)) ?? [] {
      let folder = sources.appending(path: name)
      if manager.fileExists(atPath: folder.appending(path: "module.modulemap").path) {
        mapFolders.append((name, folder))
      }
    }
    let checkouts = packageDirectory.appending(path: ".build/checkouts")
    for module in cModules {
      let candidates =
        [sources.appending(path: "\(module)/include")]
        + ((try? manager.contentsOfDirectory(atPath: checkouts.path)) ?? []).map {
          checkouts.appending(path: "\($0)/Sources/\(module)/include")
        }
      if let found = candidates.first(where: {
        manager.fileExists(atPath: $0.appending(path: "module.modulemap").path)
          || manager.fileExists(atPath: $0.appending(path: "\(module).h").path)
      }) {
        mapFolders.append((module, found))
      }
    }
    for (name, source) in mapFolders {
      try manager.copyItem(at: source, to: include.appending(path: name))
      // A C target without a module map of its own gets the one SwiftPM would generate for its
      // umbrella header NAME.h (SwiftPM's own names the header by its absolute path, which the
      // sandbox does not see).
      let ownMap = include.appending(path: "\(name)/module.modulemap")
      if !manager.fileExists(atPath: ownMap.path) {
        try "module \(name) {\n  umbrella header \"\(name).h\"\n  export *\n}\n".write(
          to: ownMap, atomically: true, encoding: .utf8)
      }
      let map = final.appending(path: "include/\(name)/module.modulemap").path
      compile += ["-Xcc", "-fmodule-map-file=" + map]
      if cModules.contains(name) {
        compile += ["-Xcc", "-I", "-Xcc", final.appending(path: "include/\(name)").path]
      }
    }
    // The include and library folders of the system libraries (pkg-config, as SwiftPM does).
    let packages = pkgConfigNames(packageDirectory: packageDirectory)
    compile += pkgConfig(["--cflags-only-I"] + packages)
    link += pkgConfig(["--libs-only-L"] + packages) + ["-lm"]
    compile += ["-module-cache-path", final.appending(path: "module-cache").path]
    // Resource bundles of the modules (SwiftPM puts them beside the executables).
    let resources = folder.appending(path: "resources")
    try manager.createDirectory(at: resources, withIntermediateDirectories: true)
    for name in (try? manager.contentsOfDirectory(atPath: bin.path)) ?? []
    where name.hasSuffix(".resources") && !name.contains("-tool") {
      try manager.copyItem(at: bin.appending(path: name), to: resources.appending(path: name))
    }
    let data = try JSONEncoder().encode(["compile": compile, "link": link])
    try data.write(to: folder.appending(path: "flags.json"))
  }

  /// Compiles a file that imports every lesson module, so that the clang modules are in the
  /// kit's cache before any sandbox (which cannot write the kit) needs them.
  private func warmModuleCache() throws {
    let work = directory.appending(path: "warm")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let source = work.appending(path: "warm.swift")
    try (Self.imports.map { "import \($0)\n" }.joined()).write(
      to: source, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = swiftc
    process.arguments =
      compileFlags + ["-c", source.path, "-o", work.appending(path: "warm.o").path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw LessonRunnerError(
        message: "the answer kit cannot compile a program that imports the lessons' modules:\n"
          + output)
    }
  }
}

/// What a kit is made from: the objects (paths, sizes, dates), the lessons program and the
/// compiler, hashed.
private func kitFingerprint(objects: [String], runner: URL, swiftc: URL) -> String {
  var hasher = StableHasher()
  hasher.combine("answer-kit v1\u{0}" + swiftc.path + "\u{0}")
  for path in objects + [runner.path] {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? Int) ?? -1
    let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
    hasher.combine("\(path)\u{0}\(size)\u{0}\(date)\u{0}")
  }
  return hasher.hexDigest
}

/// The pkg-config names the manifest's system libraries give (`pkgConfig: "openblas"`), which
/// SwiftPM asks pkg-config for the include and library folders.
private func pkgConfigNames(packageDirectory: URL) -> [String] {
  guard
    let manifest = try? String(
      contentsOf: packageDirectory.appending(path: "Package.swift"), encoding: .utf8)
  else { return [] }
  var names: [String] = []
  var rest = Substring(manifest)
  while let range = rest.range(of: "pkgConfig: \"") {
    let name = rest[range.upperBound...].prefix { $0 != "\"" }
    if !name.isEmpty, !names.contains(String(name)) { names.append(String(name)) }
    rest = rest[range.upperBound...]
  }
  return names
}

/// The words `pkg-config ARGUMENTS` prints, or none when it is missing or fails.
private func pkgConfig(_ arguments: [String]) -> [String] {
  guard let executable = findExecutable("pkg-config"), arguments.count > 1 else { return [] }
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return [] }
  let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  guard process.terminationStatus == 0 else { return [] }
  return output.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
