// The sandbox students' code is compiled and run in: Debian's bubblewrap with no network, its
// own process, IPC and host-name namespaces, no capabilities, a read-only view of the system
// and the toolchain, and nothing writable but one scratch folder; resource limits (file size,
// memory, core files) come from util-linux's `prlimit`.

import Foundation

/// How to run a command inside a bubblewrap sandbox whose only writable folder is `scratch`.
///
/// ```swift
/// let sandbox = Sandbox(bubblewrap: bwrap, scratch: "/work/grade/alice", readOnly: [kit])
/// let command = sandbox.command(["/opt/swift/usr/bin/swiftc", …], limits: .compile)
/// // ["/usr/bin/bwrap", "--unshare-all", …, "--", "/usr/bin/prlimit", …, "--", "/opt/swift/…"]
/// ```
///
/// What the sandboxed command sees: `/usr` (and the `/bin`, `/lib`… links or folders of the
/// host), the few files of `/etc` the dynamic linker and OpenBLAS need, the Swift toolchain,
/// the `readOnly` folders, all read-only; `scratch` read-write (also its `HOME` and `TMPDIR`,
/// under `scratch/tmp`); an empty read-only `/tmp`; a private `/dev` (with its own `/dev/shm`)
/// and `/proc`. Not the course, other students' folders, `/home`, `/root` or the rest of
/// `/etc`.
public struct Sandbox: Sendable {
  /// The `bwrap` executable.
  public var bubblewrap: URL
  /// The only folder the command may write.
  public var scratch: String
  /// Folders bound read-only at their own paths, besides the system's.
  public var readOnly: [String]
  /// The environment of the command (nothing is inherited).
  public var environment: [String: String]

  /// Creates a sandbox.
  ///
  /// - Parameters:
  ///   - bubblewrap: The `bwrap` executable (``Sandbox/findBubblewrap()``).
  ///   - scratch: The writable folder (absolute).
  ///   - readOnly: More folders to see, read-only (absolute).
  ///   - environment: Variables to set; `PATH`, `HOME` and `TMPDIR` are added.
  public init(
    bubblewrap: URL, scratch: String, readOnly: [String] = [], environment: [String: String] = [:]
  ) {
    self.bubblewrap = bubblewrap
    self.scratch = scratch
    self.readOnly = readOnly
    self.environment = environment
  }

  /// `bwrap` on `PATH` (Debian's `bubblewrap` package), or `nil`.
  public static func findBubblewrap() -> URL? { findExecutable("bwrap") }

  /// The arguments that run `command` in the sandbox, under `limits`: the first is the path of
  /// `bwrap`.
  ///
  /// - Parameters:
  ///   - command: The executable (absolute path) and its arguments.
  ///   - limits: The resource limits.
  /// - Returns: The full command line.
  public func command(_ command: [String], limits: ResourceLimits) -> [String] {
    var arguments = [
      bubblewrap.path, "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session",
      "--disable-userns",
    ]
    if geteuid() == 0 { arguments += ["--cap-drop", "ALL"] }
    // First a private /tmp, so that folders bound below it stay visible; made read-only last.
    arguments += ["--tmpfs", "/tmp", "--ro-bind", "/usr", "/usr"]
    for name in ["bin", "sbin", "lib", "lib32", "lib64", "libx32"] {
      let path = "/" + name
      if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
        arguments += ["--symlink", target, path]
      } else if FileManager.default.fileExists(atPath: path) {
        arguments += ["--ro-bind", path, path]
      }
    }
    for path in [
      "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
      "/etc/localtime",
    ] {
      arguments += ["--ro-bind-try", path, path]
    }
    for path in Self.toolchainFolders() + readOnly where !path.hasPrefix("/usr/") {
      arguments += ["--ro-bind", path, path]
    }
    arguments += [
      "--bind", scratch, scratch, "--dev", "/dev", "--proc", "/proc", "--remount-ro", "/tmp",
      "--remount-ro", "/", "--chdir", scratch, "--clearenv",
    ]
    var variables = environment
    variables["PATH"] = "/usr/bin:/bin"
    variables["HOME"] = scratch
    variables["TMPDIR"] = scratch + "/tmp"
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
      arguments += ["--setenv", name, value]
    }
    arguments += ["--"] + limits.prefix + command
    return arguments
  }

  /// The folder of the Swift toolchain that holds `swiftc` (e.g. `/opt/swift`), when it is
  /// not under `/usr`: the compiler, its runtime libraries and `swift-backtrace` live there.
  static func toolchainFolders() -> [String] {
    guard let swiftc = findExecutable("swiftc") else { return [] }
    let real = swiftc.resolvingSymlinksInPath()
    // …/usr/bin/swiftc → …
    let root = real.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return root.path == "/" ? [] : [root.path]
  }
}

/// Limits on what a sandboxed command may use, applied with `prlimit` (when it is installed).
public struct ResourceLimits: Sendable, Equatable {
  /// The largest file it may write, in bytes (standard output redirected to a file included).
  public var fileBytes: Int
  /// Its largest address space, in bytes.
  public var memoryBytes: Int

  /// Creates limits.
  public init(fileBytes: Int, memoryBytes: Int) {
    self.fileBytes = fileBytes
    self.memoryBytes = memoryBytes
  }

  /// The command-line prefix that applies the limits (and no core files), or nothing when
  /// `prlimit` is not installed.
  var prefix: [String] {
    guard let prlimit = findExecutable("prlimit") else { return [] }
    return [prlimit.path, "--fsize=\(fileBytes)", "--as=\(memoryBytes)", "--core=0", "--"]
  }
}

/// The executable `name` in one of the folders of `PATH` (or `/usr/bin`), or `nil`.
func findExecutable(_ name: String) -> URL? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
  for folder in folders {
    let candidate = URL(fileURLWithPath: folder).appending(path: name)
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  return nil
}
