// Headless Chromium driven through the DevTools protocol over a pipe
// (`--remote-debugging-pipe`: the browser reads JSON messages ending in a NUL byte on file
// descriptor 3 and writes its replies and events on 4). Unlike `--dump-dom`, this presses real
// keys (`Input.dispatchKeyEvent`), emulates a width and a colour scheme, and sees every console
// message, uncaught exception and network request as an event.

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A problem talking to the browser.
struct ChromiumSessionError: Error, CustomStringConvertible {
  var description: String
}

/// One headless Chromium process and its DevTools connection.
final class ChromiumSession {
  private let process: pid_t
  private let toBrowser: Int32
  private let fromBrowser: Int32
  private var buffer: [UInt8] = []
  private var nextID = 0
  /// Every event received so far (`method`, `params`, `sessionId`), in order.
  private(set) var events: [[String: Any]] = []

  /// Starts `chromium` headless with a fresh profile in `profile` and `arguments` added; it is
  /// killed after `limit` seconds whatever happens (`timeout`).
  init(chromium: String, profile: URL, arguments: [String] = [], limit: Int = 180) throws {
    func pipeAbove9() throws -> (read: Int32, write: Int32) {
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else {
        throw ChromiumSessionError(description: "pipe: \(String(cString: strerror(errno)))")
      }
      // Close-on-exec copies at descriptors ≥ 10, so that no other child inherits them and the
      // child's dup2 onto 3 and 4 never meets one of them.
      let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
      let write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
      close(fds[0])
      close(fds[1])
      return (read, write)
    }
    let commands = try pipeAbove9()
    let replies = try pipeAbove9()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, commands.read, 3)
    posix_spawn_file_actions_adddup2(&actions, replies.write, 4)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv =
      [
        "/usr/bin/timeout", String(limit), chromium, "--headless", "--no-sandbox",
        "--disable-gpu", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--hide-scrollbars",
        "--allow-file-access-from-files",
      ] + arguments + ["about:blank"]
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { for pointer in cArguments { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, "/usr/bin/timeout", &actions, nil, &cArguments, environ)
    close(commands.read)
    close(replies.write)
    guard status == 0 else {
      close(commands.write)
      close(replies.read)
      throw ChromiumSessionError(description: "posix_spawn: \(String(cString: strerror(status)))")
    }
    process = pid
    toBrowser = commands.write
    fromBrowser = replies.read
  }

  deinit {
    close(toBrowser)
    close(fromBrowser)
    kill(process, SIGKILL)
    var status: Int32 = 0
    waitpid(process, &status, 0)
  }

  /// Sends `method` and waits for its reply (events that come first are kept in ``events``).
  ///
  /// - Returns: The reply's `result`.
  /// - Throws: When the browser answers with an error, or says nothing for 30 s.
  @discardableResult
  func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws
    -> [String: Any]
  {
    nextID += 1
    let id = nextID
    var message: [String: Any] = ["id": id, "method": method, "params": params]
    if let session { message["sessionId"] = session }
    var bytes = Array(try JSONSerialization.data(withJSONObject: message))
    bytes.append(0)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
      guard count > 0 else {
        throw ChromiumSessionError(description: "\(method): the browser closed its pipe")
      }
      written += count
    }
    while true {
      let reply = try nextMessage()
      if let replyID = reply["id"] as? Int, replyID == id {
        if let error = reply["error"] {
          throw ChromiumSessionError(description: "\(method): \(error)")
        }
        return reply["result"] as? [String: Any] ?? [:]
      }
      if reply["method"] != nil { events.append(reply) }
    }
  }

  /// Waits until an event named `method` (of `session`, when given) has arrived.
  func waitForEvent(_ method: String, session: String? = nil) throws {
    func matches(_ event: [String: Any]) -> Bool {
      event["method"] as? String == method
        && (session == nil || event["sessionId"] as? String == session)
    }
    if events.contains(where: matches) { return }
    while true {
      let message = try nextMessage()
      if message["method"] != nil {
        events.append(message)
        if matches(message) { return }
      }
    }
  }

  /// Opens a tab on `url` and waits until it is loaded, its fonts are ready and its deferred
  /// scripts have run; console, exception, log and network events of the tab are recorded
  /// from the start. `prepare` runs on the tab before it navigates (emulation settings).
  func open(_ url: String, prepare: (ChromiumPage) throws -> Void = { _ in }) throws
    -> ChromiumPage
  {
    let target = try call("Target.createTarget", ["url": "about:blank"])
    guard let targetID = target["targetId"] as? String else {
      throw ChromiumSessionError(description: "Target.createTarget: no targetId")
    }
    let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
    guard let session = attached["sessionId"] as? String else {
      throw ChromiumSessionError(description: "Target.attachToTarget: no sessionId")
    }
    let page = ChromiumPage(browser: self, session: session)
    for domain in ["Page", "Runtime", "Network", "Log"] { try page.call("\(domain).enable") }
    try prepare(page)
    try page.call("Page.navigate", ["url": url])
    try waitForEvent("Page.loadEventFired", session: session)
    _ = try page.evaluate("document.fonts.ready.then(() => true)")
    return page
  }

  /// The next complete message from the browser.
  private func nextMessage() throws -> [String: Any] {
    while true {
      if let end = buffer.firstIndex(of: 0) {
        let message = Data(buffer[..<end])
        buffer.removeSubrange(...end)
        guard let object = try JSONSerialization.jsonObject(with: message) as? [String: Any]
        else { throw ChromiumSessionError(description: "a message that is not an object") }
        return object
      }
      var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 30_000)
      guard ready > 0 else {
        throw ChromiumSessionError(description: "the browser said nothing for 30 s")
      }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = read(fromBrowser, &chunk, chunk.count)
      guard count > 0 else {
        throw ChromiumSessionError(description: "the browser closed its pipe")
      }
      buffer += chunk[..<count]
    }
  }
}

/// A tab of a ``ChromiumSession``.
struct ChromiumPage {
  let browser: ChromiumSession
  let session: String

  /// Sends `method` to this tab.
  @discardableResult
  func call(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
    try browser.call(method, params, session: session)
  }

  /// The value of a JavaScript expression in the page (a promise is awaited).
  ///
  /// - Throws: When the expression throws.
  func evaluate(_ expression: String) throws -> Any? {
    let reply = try call(
      "Runtime.evaluate",
      ["expression": expression, "returnByValue": true, "awaitPromise": true])
    if let exception = reply["exceptionDetails"] {
      throw ChromiumSessionError(description: "\(expression): \(exception)")
    }
    return (reply["result"] as? [String: Any])?["value"]
  }

  /// The value of `expression`, which must be a string.
  func string(_ expression: String) throws -> String {
    guard let value = try evaluate(expression) as? String else {
      throw ChromiumSessionError(description: "\(expression) is not a string")
    }
    return value
  }

  /// The value of `expression`, which must be a number.
  func number(_ expression: String) throws -> Double {
    guard let value = try evaluate(expression) as? Double else {
      if let integer = try evaluate(expression) as? Int { return Double(integer) }
      throw ChromiumSessionError(description: "\(expression) is not a number")
    }
    return value
  }

  /// Presses and releases a key as the keyboard would (trusted events, default actions run).
  ///
  /// - Parameters:
  ///   - key: The DOM `key` (`ArrowRight`, `Home`, `Tab`).
  ///   - keyCode: The Windows virtual key code (39, 36, 9).
  func press(_ key: String, keyCode: Int) throws {
    for type in ["rawKeyDown", "keyUp"] {
      try call(
        "Input.dispatchKeyEvent",
        [
          "type": type, "key": key, "code": key, "windowsVirtualKeyCode": keyCode,
          "nativeVirtualKeyCode": keyCode,
        ])
    }
  }

  /// This tab's console messages, uncaught exceptions and log entries, as text.
  var messages: [String] {
    browser.events.filter { $0["sessionId"] as? String == session }.compactMap { event in
      let method = event["method"] as? String ?? ""
      let params = event["params"] as? [String: Any] ?? [:]
      switch method {
      case "Runtime.consoleAPICalled", "Runtime.exceptionThrown", "Log.entryAdded":
        return "\(method): \(params)"
      default:
        return nil
      }
    }
  }

  /// The URLs this tab requested.
  var requestedURLs: [String] {
    browser.events.filter {
      $0["sessionId"] as? String == session
        && $0["method"] as? String == "Network.requestWillBeSent"
    }.compactMap {
      (($0["params"] as? [String: Any])?["request"] as? [String: Any])?["url"] as? String
    }
  }
}
