// `lessons preview`: the course verified and rendered again whenever a lesson or the library
// changes, served on localhost with live reload. What it decides lives in LessonKit
// (Preview.swift); this file is the loop, the signals and the HTTP server (FlyingFox).

import ArgumentParser
import FlyingFox
import Foundation
import LessonKit

extension Lessons {
  /// Watches the lessons and the library, re-verifies and re-renders on change, and serves the
  /// site with live reload.
  struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve the course on localhost, verified and rendered again on every change.",
      discussion: """
        Verifies and renders the lessons (as `lessons verify --render`, into \
        .build/lessons/preview/site unless --output is given), serves the site at \
        http://127.0.0.1:PORT/, and then looks at the lessons and the library's sources every \
        300 ms. When files change (and have stayed unchanged for 300 ms), it verifies again — \
        only the lessons whose snippets changed run, or every lesson when the library \
        changed — renders again, and every open page reloads itself, keeping its scroll \
        position. A snippet whose output differs shows the diff under it; a crash, a thrown \
        error or a compile error shows in a box at its snippet; a lesson that cannot be read \
        shows its errors. Ctrl-C stops the server, the build and every lesson process.

        Examples:
          lessons preview                     then open http://127.0.0.1:8000/
          lessons preview --port 0            any free port (printed)
          lessons preview Lessons/04-adaptive-learning-rates.md --instructor
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions
    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("The port on 127.0.0.1 (0: any free port).", valueName: "port"))
    var port: Int = 8000

    func validate() throws {
      guard (0...65535).contains(port) else {
        throw ValidationError("--port must be between 0 and 65535, got \(port)")
      }
    }

    func run() async throws {
      let root = selection.packageDirectory
      let paths = selection.paths.isEmpty ? nil : try selection.lessonPaths()
      let folder =
        site.output.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : root.appending(path: $0) }
        ?? root.appending(
          path: ".build/lessons/preview/" + (site.instructor ? "site-instructor" : "site"))
      let state = PreviewState(siteDirectory: folder)
      let server = HTTPServer(
        address: try .inet(ip4: "127.0.0.1", port: UInt16(port)), logger: .disabled,
        handler: PreviewHandler(state: state))
      let stop = StopSignal()
      stop.install()

      let refresh = Refresher(
        paths: paths, options: running.runOptions(packageDirectory: root), state: state,
        courseTitle: site.courseTitle, edition: site.instructor ? .instructor : .student,
        katexDirectory: site.katex,
        apiReference: site.apiReference ? site.loadAPIReference(packageDirectory: root) : nil)
      var failure: (any Error)?
      await withTaskGroup(of: (any Error)?.self) { group in
        group.addTask {
          do { try await server.run() } catch { return error }
          return nil
        }
        group.addTask {
          do {
            try await server.waitUntilListening(timeout: 30)
          } catch {
            return error
          }
          let port: UInt16
          switch await server.listeningAddress {
          case .ip4(_, let listening)?, .ip6(_, let listening)?: port = listening
          default: port = 0
          }
          say("lessons preview: serving http://127.0.0.1:\(port)/ (Ctrl-C stops)")
          do {
            try await refresh.watch(packageDirectory: root)
          } catch is CancellationError {
          } catch {
            return error
          }
          return nil
        }
        group.addTask {
          await stop.wait()
          return nil
        }
        // The first task to end (Ctrl-C, or the server or the loop failing) stops the others.
        failure = await group.next() ?? nil
        group.cancelAll()
        ChildProcesses.stopAll()
        await server.stop(timeout: 0)
        stop.fire()
      }
      if let failure {
        printError("lessons preview: error: \(failure)")
        if "\(failure)".lowercased().contains("address") {
          printError("(is port \(port) in use? pass another with --port, or --port 0)")
        }
        throw ExitCode(2)
      }
      say("lessons preview: stopped")
    }
  }
}

/// Answers the browser from the preview's state (LessonKit's `previewResponse`).
private struct PreviewHandler: HTTPHandler {
  let state: PreviewState

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard request.method == .GET || request.method == .HEAD else {
      return HTTPResponse(statusCode: .methodNotAllowed)
    }
    let path = request.path.removingPercentEncoding ?? request.path
    let answer = previewResponse(forPath: path, state: state)
    return HTTPResponse(
      statusCode: HTTPStatusCode(answer.status, phrase: answer.status == 200 ? "OK" : "Not Found"),
      headers: [.contentType: answer.contentType, .cacheControl: "no-store"],
      body: request.method == .HEAD ? Data() : answer.body)
  }
}

/// The watch loop: one refresh at the start, then one after every settled change.
private struct Refresher: Sendable {
  var paths: [String]?
  var options: LessonRunOptions
  var state: PreviewState
  var courseTitle: String
  var edition: SiteEdition
  var katexDirectory: String
  var apiReference: APIReference?

  /// Seconds between two looks at the files; a change is acted on once two looks this far
  /// apart agree.
  let interval: Duration = .milliseconds(300)

  func watch(packageDirectory: URL) async throws {
    var seen = WatchedFiles.snapshot(packageDirectory: packageDirectory, lessons: paths ?? [])
    try await refreshOnce()
    while true {
      try await Task.sleep(for: interval)
      var now = WatchedFiles.snapshot(packageDirectory: packageDirectory, lessons: paths ?? [])
      guard now != seen else { continue }
      // Wait until the files stay put (an editor may write in several steps).
      while true {
        try await Task.sleep(for: interval)
        let again = WatchedFiles.snapshot(packageDirectory: packageDirectory, lessons: paths ?? [])
        if again == now { break }
        now = again
      }
      let changed = WatchedFiles.changes(from: seen, to: now)
      seen = now
      let shown = changed.prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
      say("lessons preview: changed: \(shown)")
      try await refreshOnce()
    }
  }

  private func refreshOnce() async throws {
    do {
      _ = try await refreshPreview(
        paths: paths, options: options, state: state, courseTitle: courseTitle,
        edition: edition, katexDirectory: katexDirectory, apiReference: apiReference,
        log: { say($0) })
    } catch let error as CancellationError {
      throw error
    } catch {
      // A failed refresh (no `swift`, an unwritable folder) is reported; the loop goes on.
      if Task.isCancelled { throw CancellationError() }
      say("lessons preview: error: \(error)")
    }
  }
}

/// Ctrl-C (SIGINT) and SIGTERM, caught so that the preview stops its children before it exits.
private final class StopSignal: @unchecked Sendable {
  private let lock = NSLock()
  private var fired = false
  private var waiters: [CheckedContinuation<Void, Never>] = []
  private var sources: [any DispatchSourceSignal] = []

  /// Ignores SIGINT and SIGTERM's default action and fires on either.
  func install() {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in self?.fire() }
      source.resume()
      sources.append(source)
    }
  }

  /// Wakes every waiter, now and later.
  func fire() {
    let woken = lock.withLock {
      fired = true
      defer { waiters = [] }
      return waiters
    }
    for waiter in woken { waiter.resume() }
  }

  /// Returns once the signal came.
  func wait() async {
    await withCheckedContinuation { continuation in
      let now = lock.withLock {
        if fired { return true }
        waiters.append(continuation)
        return false
      }
      if now { continuation.resume() }
    }
  }
}

/// Prints a line and flushes at once, one line at a time from any thread.
private func say(_ line: String) {
  outputLock.withLock {
    print(line)
    fflush(nil)
  }
}

private let outputLock = NSLock()
