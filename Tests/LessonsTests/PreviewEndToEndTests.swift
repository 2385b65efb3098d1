// End-to-end tests of `lessons preview` on a temporary copy of the fixture lessons, with the
// prebuilt fixture runner (--runner): a page open in headless Chromium reloads when the lesson
// is edited, keeps its scroll position and shows the new output's diff; Ctrl-C stops the
// preview and the lesson it was running. Chromium reports what the page shows through the
// harness page's title, which its DevTools HTTP endpoint (/json/list) lists.

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A process whose standard output and error are collected as they come.
final class WatchedProcess: @unchecked Sendable {
  let process = Process()
  private let lock = NSLock()
  private var collected = ""
  /// Whether the pipe reached its end (every process holding it has exited).
  private var ended = false

  init(_ executable: URL, _ arguments: [String], in directory: URL) throws {
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      guard let self else { return }
      if data.isEmpty {
        handle.readabilityHandler = nil
        self.lock.withLock { self.ended = true }
        return
      }
      self.lock.withLock { self.collected += String(decoding: data, as: UTF8.self) }
    }
    try process.run()
  }

  /// Everything printed so far.
  var output: String { lock.withLock { collected } }

  /// Waits (at most `limit` seconds; a limit, not a measurement) until `condition` holds for
  /// the output; returns whether it did.
  func wait(upTo limit: Double = 300, until condition: (String) -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while Date() < deadline {
      if condition(output) { return true }
      try await Task.sleep(for: .milliseconds(100))
    }
    return condition(output)
  }

  /// Sends SIGINT (Ctrl-C) and waits for the process to end; returns its status.
  func interrupt() -> Int32 {
    if process.isRunning { kill(process.processIdentifier, SIGINT) }
    process.waitUntilExit()
    // The process's last lines may still be in the pipe: read to its end (at most 10 s, a
    // limit, not a measurement) so `output` holds everything it printed.
    for _ in 0..<100 where !lock.withLock({ ended }) { usleep(100_000) }
    return process.terminationStatus
  }

  /// Sends SIGTERM, and SIGKILL when the process is still running 10 s later; waits for it.
  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<100 where process.isRunning { usleep(100_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  deinit { if process.isRunning { process.terminate() } }
}

/// `lessons preview --port 0` on the fixtures of `package`, with the fixture runner.
func startPreview(_ package: FixturePackage, lessons names: [String], extra: [String] = [])
  throws -> WatchedProcess
{
  let bin = builtRunner().deletingLastPathComponent()
  return try WatchedProcess(
    bin.appending(path: "lessons"),
    [
      "preview", "--port", "0", "--package-path", package.root.path, "--runner",
      bin.appending(path: "lesson-fixture-runner").path,
    ] + extra + names.map { package.path($0) },
    in: package.root)
}

/// The port the preview printed in `lessons preview: serving http://127.0.0.1:PORT/`.
func previewPort(_ output: String) -> Int? {
  output.firstMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { Int($0.output.1) }
}

/// The processes whose parent is `pid` (from /proc), with their command lines.
func children(of pid: Int32) -> [(pid: Int32, command: String)] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.compactMap { name -> (Int32, String)? in
    guard let child = Int32(name),
      let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command's closing parenthesis: state, then the parent's id.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 2, Int32(fields[1]) == pid else { return nil }
    let command =
      (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/cmdline")))
      .map { String(decoding: $0.map { $0 == 0 ? 32 : $0 }, as: UTF8.self) } ?? ""
    return (child, command)
  }
}

/// Whether process `pid` is gone (or a zombie nobody will run again).
func isGone(_ pid: Int32) -> Bool {
  guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
    let close = stat.lastIndex(of: ")")
  else { return true }
  return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
}

@Suite("lessons preview end to end", .serialized)
struct PreviewEndToEndTests {
  @Test("Ctrl-C stops the preview and the lesson process it was running")
  func interruptStopsEverything() async throws {
    let package = try FixturePackage()
    // The hang fixture loops in snippet 2 until its time limit (600 s here).
    let preview = try startPreview(package, lessons: ["hang"], extra: ["--timeout", "600"])
    #expect(try await preview.wait { previewPort($0) != nil }, "output:\n\(preview.output)")
    var runner: Int32?
    for _ in 0..<3000 where runner == nil {
      runner =
        children(of: preview.process.processIdentifier).first {
          $0.command.contains("lesson-fixture-runner")
        }?.pid
      if runner == nil { try await Task.sleep(for: .milliseconds(100)) }
    }
    let lesson = try #require(runner, "no lesson process started:\n\(preview.output)")
    #expect(preview.interrupt() == 0, "output:\n\(preview.output)")
    #expect(preview.output.hasSuffix("lessons preview: stopped\n"), "output:\n\(preview.output)")
    #expect(isGone(lesson), "the lesson process \(lesson) outlived the preview")
    // The killed run is not cached as the lesson's last run.
    let cache = package.root.appending(path: ".build/lessons/cache")
    let kept = (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []
    #expect(!kept.contains { $0.contains("hang") }, "cached: \(kept)")
  }

  @Test("An edited lesson reloads in Chromium, keeps its scroll position and shows its diff")
  func liveReloadInChromium() async throws {
    let chromium = try #require(
      ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }, "Chromium is missing: install Debian's 'chromium' package; this test does not skip")
    let package = try FixturePackage()
    let preview = try startPreview(package, lessons: ["pass", "mismatch"])
    defer { _ = preview.interrupt() }
    #expect(
      try await preview.wait { $0.contains("(rendering 1)") }, "output:\n\(preview.output)")
    let port = try #require(previewPort(preview.output))
    let pageURL = "http://127.0.0.1:\(port)/pass.html"

    let folder = FileManager.default.temporaryDirectory.appending(
      path: "preview-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = folder.appending(path: "profile")
    let browser = try WatchedProcess(
      URL(fileURLWithPath: chromium),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
        // Two tabs are open and one is in the background: it must neither sleep nor freeze.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
        "--remote-allow-origins=*", "--window-size=800,300", "--user-data-dir=\(profile.path)",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", pageURL,
      ], in: folder)
    defer { browser.stop() }
    let devTools = try #require(
      try await DevTools.waitForPort(profile: profile),
      "Chromium's DevTools did not start:\n\(browser.output.suffix(2000))")
    let page = try #require(
      try await devTools.waitForTarget { $0["url"] as? String == pageURL },
      "the page is not open; DevTools on \(devTools.port) lists: \(devTools.httpRequest("GET", "/json/list") ?? "nothing")"
    )
    // The harness, a second tab, evaluates a probe in the page through the DevTools protocol
    // (a browser's WebSocket: Foundation on Linux has none) and shows the answer as its title.
    let harness = folder.appending(path: "harness.html")
    try Self.harness.write(to: harness, atomically: true, encoding: .utf8)
    let socket = try #require(page["webSocketDebuggerUrl"] as? String)
    var query = URLComponents(url: harness, resolvingAgainstBaseURL: false)!
    query.queryItems = [URLQueryItem(name: "ws", value: socket)]
    try await devTools.open(query.url!.absoluteString)

    struct Shown: Decodable {
      var origin: Double
      var ready: String
      var y: Double
      var version: String
      var edited: Bool
      var mismatches: Int
      var diff: String
    }
    /// What the page shows once `condition` holds; `nil` (and the titles seen, recorded) when
    /// it does not within five minutes.
    func waitForPage(_ condition: (Shown) -> Bool) async throws -> Shown? {
      var seen: [String] = []
      for _ in 0..<1500 {
        if let title = try await devTools.target({
          ($0["url"] as? String)?.hasPrefix(harness.absoluteString) == true
        })?["title"] as? String {
          if seen.last != title { seen.append(title) }
          if let shown = try? JSONDecoder().decode(
            Shown.self, from: Data(title.htmlUnescaped.utf8)),
            condition(shown)
          {
            return shown
          }
        }
        try await Task.sleep(for: .milliseconds(200))
      }
      Issue.record(Comment(rawValue: "the page showed:\n" + seen.suffix(8).joined(separator: "\n")))
      return nil
    }

    // The harness scrolls the page to 150 px once it is loaded.
    let first = try #require(
      try await waitForPage { $0.ready == "complete" && abs($0.y - 150) < 1 },
      "the page never loaded; preview:\n\(preview.output)")
    #expect(first.version == "1" && !first.edited && first.mismatches == 0, "\(first)")

    // Edit the lesson: a new paragraph, and a recorded output the snippet does not print.
    let file = package.root.appending(path: package.path("pass"))
    try (try package.text("pass"))
      .replacingOccurrences(of: "# Passes\n", with: "# Passes\n\nAn edit the preview shows.\n")
      .replacingOccurrences(of: "```output\n25\n```", with: "```output\n26\n```")
      .write(to: file, atomically: true, encoding: .utf8)
    let reloaded = try #require(
      try await waitForPage {
        $0.origin != first.origin && $0.ready == "complete" && $0.edited && abs($0.y - 150) < 1
      }, "the page did not reload where it was; preview:\n\(preview.output)")
    #expect(reloaded.version == "2")
    // The diff of the new recorded output against what the snippet printed, under it.
    #expect(reloaded.mismatches == 1 && reloaded.diff.contains("-26\n+25\n"), "\(reloaded)")
    #expect(preview.output.contains("lessons preview: changed: \(package.path("pass"))"))
    #expect(preview.output.contains("1 output differs"))
  }

  /// The harness tab: connects to the page's DevTools WebSocket (`?ws=`), evaluates a probe
  /// there every 100 ms, scrolls the page to 150 px once it has loaded, and sets its own title
  /// to the probe's answer.
  static let harness = """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>starting</title></head><body>
    <script>
    const ws = new WebSocket(new URLSearchParams(location.search).get("ws"));
    let next = 0;
    const pending = new Map();
    function call(method, params) {
      return new Promise((resolve) => {
        next += 1;
        pending.set(next, resolve);
        ws.send(JSON.stringify({ id: next, method, params }));
      });
    }
    ws.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (pending.has(data.id)) {
        pending.get(data.id)(data.result);
        pending.delete(data.id);
      }
    };
    const probe = `JSON.stringify({
      origin: performance.timeOrigin, ready: document.readyState, y: scrollY,
      version: (document.querySelector("script[data-version]") || { dataset: {} }).dataset.version || "",
      edited: document.body ? document.body.textContent.includes("An edit the preview shows") : false,
      mismatches: document.querySelectorAll(".mismatch").length,
      diff: [...document.querySelectorAll(".mismatch pre")].map((e) => e.textContent).join("|"),
    })`;
    ws.onopen = async () => {
      let scrolled = false;
      for (;;) {
        const answer = await call("Runtime.evaluate", { expression: probe, returnByValue: true });
        if (answer && answer.result && typeof answer.result.value === "string") {
          const state = JSON.parse(answer.result.value);
          if (!scrolled && state.ready === "complete") {
            await call("Runtime.evaluate", { expression: "scrollTo(0, 150)" });
            scrolled = true;
          }
          document.title = answer.result.value;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    </script></body></html>

    """
}

/// Chromium's DevTools HTTP endpoint (`/json/list`, `/json/new`), found through the port it
/// writes into the profile's DevToolsActivePort.
struct DevTools {
  let port: Int

  /// Waits (at most 150 s, for a loaded machine) for Chromium to write its port.
  static func waitForPort(profile: URL) async throws -> DevTools? {
    for _ in 0..<1500 {
      if let text = try? String(
        contentsOf: profile.appending(path: "DevToolsActivePort"), encoding: .utf8),
        let port = text.split(separator: "\n").first.flatMap({ Int($0) })
      {
        return DevTools(port: port)
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    return nil
  }

  /// The first open target (tab) for which `matches` holds, as `/json/list` describes it.
  func target(_ matches: ([String: Any]) -> Bool) async throws -> [String: Any]? {
    guard let body = httpRequest("GET", "/json/list"),
      let targets = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]]
    else { return nil }
    return targets.first(where: matches)
  }

  /// Waits (at most 150 s, for a loaded machine) for a target for which `matches` holds.
  func waitForTarget(_ matches: ([String: Any]) -> Bool) async throws -> [String: Any]? {
    for _ in 0..<1500 {
      if let found = try await target(matches) { return found }
      try await Task.sleep(for: .milliseconds(100))
    }
    return nil
  }

  /// Opens `url` in a new tab (`PUT /json/new?URL`).
  func open(_ url: String) async throws {
    _ = try #require(httpRequest("PUT", "/json/new?" + url), "DevTools did not answer")
  }

  /// The body of an HTTP/1.1 request to DevTools on 127.0.0.1, over a plain socket
  /// (Foundation's URLSession on Linux rejects DevTools' headers, which have no space after the
  /// colon), or `nil`. DevTools keeps the connection open: the body ends at Content-Length.
  func httpRequest(_ method: String, _ target: String) -> String? {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    defer { close(socket) }
    var limit = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return nil }
    let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
    guard request.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == request.count
    else { return nil }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count <= 0 { return nil }
      response += buffer[..<count]
      let text = String(decoding: response, as: UTF8.self)
      guard let split = text.range(of: "\r\n\r\n") else { continue }
      let head = text[..<split.lowerBound].lowercased()
      guard head.hasPrefix("http/1.1 200"),
        let length = head.firstMatch(of: /content-length: *(\d+)/).flatMap({ Int($0.output.1) })
      else { return nil }
      let body = Array(
        response[(text.utf8.distance(from: text.startIndex, to: split.upperBound))...])
      if body.count >= length { return String(decoding: body.prefix(length), as: UTF8.self) }
    }
  }
}

extension String {
  /// The text with the five character references /json/list writes in titles decoded.
  var htmlUnescaped: String {
    replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
