// The environments of the portability check (`lessons verify --portability`): which build of
// the lessons program, which BLAS kernel and how many BLAS threads a lesson runs with, and how
// to ask a lessons program which kernel really runs.

import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One environment a lesson runs in for the portability check: a build of the lessons
/// program, a BLAS kernel and a number of BLAS threads.
///
/// A reader's processor makes OpenBLAS pick another kernel, and kernels add the terms of a
/// matrix product in different orders; the last bits of a product then differ, and a chaotic
/// computation (a long training run) ends elsewhere. `OPENBLAS_CORETYPE` forces a kernel, so
/// running a lesson under several kernels on one machine shows what other machines print.
public struct LessonEnvironment: Sendable, Hashable, CustomStringConvertible {
  /// What an environment changes with respect to the reference.
  public enum Role: String, Sendable, Hashable, CaseIterable {
    /// The environment of an ordinary `lessons verify` (its runs are the ordinary cached runs).
    case reference
    /// The other build configuration (release when the reference is debug, and the other way).
    case build
    /// Another BLAS kernel (`OPENBLAS_CORETYPE`).
    case kernel
    /// Two BLAS threads instead of one.
    case threads
  }

  /// What the environment changes.
  public var role: Role
  /// The build of the lessons program.
  public var configuration: BuildConfiguration
  /// The `OPENBLAS_CORETYPE` the lesson runs with, or `nil` to keep the caller's (normally
  /// unset: OpenBLAS picks the kernel for the processor).
  public var kernel: String?
  /// `OPENBLAS_NUM_THREADS` (and `OMP_NUM_THREADS`).
  public var threads: Int
  /// The kernel the lessons program reported running in this environment (`blas-kernel` of
  /// `lesson-runner --environment`), when it was asked.
  public var reportedKernel: String?

  /// Creates an environment.
  ///
  /// - Parameters:
  ///   - role: What it changes with respect to the reference.
  ///   - configuration: The build of the lessons program.
  ///   - kernel: `OPENBLAS_CORETYPE`, or `nil` to keep the caller's.
  ///   - threads: The number of BLAS threads (at least 1).
  ///   - reportedKernel: The kernel the program reported, if known.
  public init(
    role: Role, configuration: BuildConfiguration, kernel: String?, threads: Int,
    reportedKernel: String? = nil
  ) {
    precondition(threads >= 1, "a lesson needs at least one BLAS thread, got \(threads)")
    self.role = role
    self.configuration = configuration
    self.kernel = kernel
    self.threads = threads
    self.reportedKernel = reportedKernel
  }

  /// The variables set in the lesson process (`LessonRunOptions.environment`).
  public var variables: [String: String] {
    var variables = [
      "OPENBLAS_NUM_THREADS": String(threads), "OMP_NUM_THREADS": String(threads),
    ]
    if let kernel { variables["OPENBLAS_CORETYPE"] = kernel }
    return variables
  }

  /// For example `release · Sandybridge kernel · 1 BLAS thread`, or `debug · native kernel
  /// (Haswell) · 1 BLAS thread` for a kernel OpenBLAS chose.
  public var description: String {
    let inherited = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"]
    let kernelText: String
    if let kernel {
      kernelText = "\(kernel) kernel"
    } else if let inherited, !inherited.isEmpty {
      kernelText = "\(reportedKernel ?? inherited) kernel (OPENBLAS_CORETYPE=\(inherited))"
    } else {
      kernelText = "native kernel" + (reportedKernel.map { " (\($0))" } ?? "")
    }
    let threadText = threads == 1 ? "1 BLAS thread" : "\(threads) BLAS threads"
    return "\(configuration.rawValue) · \(kernelText) · \(threadText)"
  }

  /// The name its runs are cached under (`LessonRunOptions.environmentName`): `nil` for the
  /// reference, which shares the ordinary cache; otherwise e.g. `release-Sandybridge-1`.
  public var cacheName: String? {
    guard role != .reference else { return nil }
    let inherited = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? ""
    let kernelName = kernel ?? (inherited.isEmpty ? "native" : inherited)
    return "\(configuration.rawValue)-\(kernelName)-\(threads)"
  }

  /// The options to run lessons in this environment: `base` with its build's runner, its
  /// variables and its cache.
  ///
  /// - Parameters:
  ///   - base: The options of the command line.
  ///   - runner: The lessons program built in `configuration`.
  /// - Returns: The options.
  public func runOptions(from base: LessonRunOptions, runner: URL) -> LessonRunOptions {
    var options = base
    options.runnerExecutable = runner
    options.configuration = configuration
    options.environment = variables
    options.environmentName = cacheName
    return options
  }

  /// The kernels the portability check tries by default: `Haswell` (AVX2 with FMA),
  /// `Sandybridge` (AVX, no FMA), `Nehalem` (SSE4.2) and `Prescott` (SSE3, OpenBLAS's
  /// fallback for an x86-64 processor it does not know). One whose products are
  /// bit-identical to the reference's is skipped (`probeKernels(_:runner:)`). On an AMD EPYC
  /// (AVX2) with Debian's OpenBLAS 0.3.21, the native kernel is `Zen`, which computes
  /// products bit for bit like `Haswell`; `Sandybridge`, `Nehalem` and `Prescott` each
  /// change their last bits (and differ from one another); `SkylakeX`, `Opteron` and
  /// `Bulldozer` stop with an illegal instruction; `Core2`, `Penryn`, `Dunnington`, `Atom`
  /// and `Barcelona` run too.
  public static let defaultKernels = ["Haswell", "Sandybridge", "Nehalem", "Prescott"]

  /// The environments of the portability check, reference first (without `reportedKernel`;
  /// see `probeKernels(_:runner:)` for which kernels can run):
  ///
  /// - the reference: `reference` build, the caller's kernel, one BLAS thread (what an
  ///   ordinary `lessons verify` runs);
  /// - with `varyBuild`, the other build (release for a debug reference), same kernel and one
  ///   thread;
  /// - each kernel of `kernels`, one thread;
  /// - the caller's kernel with two BLAS threads.
  ///
  /// The kernel and thread environments use the release build when `varyBuild` is set (they
  /// run several times faster), the reference's otherwise.
  ///
  /// - Parameters:
  ///   - reference: The reference's build configuration.
  ///   - kernels: `OPENBLAS_CORETYPE` names to try.
  ///   - varyBuild: Whether to add the other build configuration.
  /// - Returns: The environments.
  public static func portabilityMatrix(
    reference: BuildConfiguration, kernels: [String], varyBuild: Bool
  ) -> [LessonEnvironment] {
    let other: BuildConfiguration = reference == .debug ? .release : .debug
    let checked: BuildConfiguration = varyBuild ? .release : reference
    var environments = [
      LessonEnvironment(role: .reference, configuration: reference, kernel: nil, threads: 1)
    ]
    if varyBuild {
      environments.append(
        LessonEnvironment(role: .build, configuration: other, kernel: nil, threads: 1))
    }
    for kernel in kernels {
      environments.append(
        LessonEnvironment(role: .kernel, configuration: checked, kernel: kernel, threads: 1))
    }
    environments.append(
      LessonEnvironment(role: .threads, configuration: checked, kernel: nil, threads: 2))
    return environments
  }

  /// Asks a lessons program which kernel runs under each environment (`lesson-runner
  /// --environment`, which reports the kernel's name and a fingerprint of the bits of a few
  /// products it computes) and keeps the environments worth running. A kernel environment is
  /// dropped, with a note saying why, when the program stops under it (this processor cannot
  /// execute the kernel), when OpenBLAS runs another kernel than the one named (an unknown
  /// name, or an alias), or when its products are bit-identical to those of the reference or
  /// of a kernel kept before it (it would print the same).
  ///
  /// - Parameters:
  ///   - environments: `portabilityMatrix(reference:kernels:varyBuild:)`, reference first.
  ///   - runner: A built lessons program (any configuration: the kernel does not depend on it).
  /// - Returns: The environments kept, with `reportedKernel` set, and a note per one dropped.
  /// - Throws: `LessonRunnerError` when the program cannot be started, or does not answer
  ///   under an environment other than a kernel one.
  public static func probeKernels(_ environments: [LessonEnvironment], runner: URL) throws
    -> (environments: [LessonEnvironment], notes: [String])
  {
    var kept: [LessonEnvironment] = []
    var notes: [String] = []
    // The fingerprints (or, without one, the names) of the kernels kept so far, and whose.
    var seen: [String: String] = [:]
    for var environment in environments {
      let values: [String: String]
      switch try runnerEnvironment(runner, variables: environment.variables) {
      case .failure(let problem):
        guard environment.role == .kernel, let asked = environment.kernel else {
          throw LessonRunnerError(
            message: "\(runner.path) --environment \(problem) under \(environment)")
        }
        notes.append(
          "\(asked): not run: the lessons program \(problem) under this kernel (this "
            + "processor cannot execute it)")
        continue
      case .success(let answer):
        values = answer
      }
      guard let reported = values["blas-kernel"] else {
        throw LessonRunnerError(
          message:
            "\(runner.path) does not report its BLAS kernel (`--environment` printed no "
            + "blas-kernel line); rebuild it with `swift build --product lesson-runner`")
      }
      environment.reportedKernel = reported
      let identity = values["blas-fingerprint"] ?? reported.lowercased()
      if environment.role == .kernel, let asked = environment.kernel {
        if reported.lowercased() != asked.lowercased() {
          notes.append(
            "\(asked): not run: OpenBLAS runs \(reported) when asked for it "
              + "(OPENBLAS_CORETYPE names an unknown kernel or an alias)")
          continue
        }
        if let twin = seen[identity] {
          notes.append(
            "\(asked): not run: its products are bit-identical to those of \(twin), "
              + "already checked")
          continue
        }
      }
      if environment.role == .reference {
        seen[identity] = "the reference's kernel, \(reported)"
      } else if environment.role == .kernel {
        seen[identity] = reported
      }
      kept.append(environment)
    }
    return (kept, notes)
  }

  /// Runs `runner --environment` with `variables` on top of this process's environment and
  /// reads its `key: value` lines, or says how it failed (`stopped with signal 4 (illegal
  /// instruction)`, `exited with status 70`).
  static func runnerEnvironment(_ runner: URL, variables: [String: String]) throws
    -> Result<[String: String], ProbeFailure>
  {
    let process = Process()
    process.executableURL = runner
    process.arguments = ["--environment"]
    process.environment = ProcessInfo.processInfo.environment.merging(variables) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw LessonRunnerError(message: "cannot start \(runner.path): \(error)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let status = process.terminationStatus
    if process.terminationReason == .uncaughtSignal {
      let name = status == SIGILL ? " (illegal instruction)" : ""
      return .failure(ProbeFailure(description: "stopped with signal \(status)\(name)"))
    }
    guard status == 0 else {
      return .failure(ProbeFailure(description: "exited with status \(status)"))
    }
    var values: [String: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      values[String(line[..<colon])] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    return .success(values)
  }

  /// How `lesson-runner --environment` failed.
  struct ProbeFailure: Error, CustomStringConvertible {
    var description: String
  }
}
