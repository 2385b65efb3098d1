// The rendered course in a real browser: headless Chromium (Debian's `chromium`) opens every
// page from disk. A harness page, written next to the pages, loads each one in an iframe,
// waits for KaTeX and the fonts, and writes what it measured into its own DOM, which Chromium
// prints with --dump-dom. Console messages come from Chromium's log on standard error.
// This test never skips: without Chromium it fails and says which package to install.

import Foundation
import Testing

@testable import LessonKit

/// What the harness measured on one page.
private struct PageCheck: Decodable {
  var title: String
  var katexLoaded: Bool
  var autoRenderLoaded: Bool
  var mathCount: Int
  var mathErrors: Int
  var rawDollarTexts: [String]
  var inlineCode: [String]
  var failedStylesheets: [String]
  var failedFonts: [String]
  var loadedKaTeXFonts: Int
  var failedImages: [String]
  var nonLocalURLs: [String]
  var figureSizes: [[Double]]
  var scriptSources: [String]
  var outputs: [String]
  var failureBoxSizes: [[Double]]
}

let chromiumMissing =
  "Chromium is missing: install Debian's 'chromium' package (apt-get install chromium), "
  + "or set DESCENT_CHROMIUM to a Chromium executable; this test does not skip"

/// The Chromium executable: `$DESCENT_CHROMIUM`, or Debian's `/usr/bin/chromium`.
func chromiumPath() -> String? {
  let candidates = [
    ProcessInfo.processInfo.environment["DESCENT_CHROMIUM"], "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ]
  return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs headless Chromium on a file URL with `arguments`, at most two minutes.
private func runChromium(
  _ chromium: String, profile: URL, arguments: [String]
) throws -> (output: String, log: String, status: Int32) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
  process.arguments =
    [
      "120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
      "--allow-file-access-from-files", "--virtual-time-budget=10000", "--enable-logging=stderr",
      "--v=0", "--user-data-dir=\(profile.path)", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-default-apps", "--hide-scrollbars", "--window-size=1200,2000",
    ] + arguments
  let output = Pipe()
  let log = Pipe()
  process.standardOutput = output
  process.standardError = log
  try process.run()
  // Read both pipes while the browser runs, so neither fills up and blocks it.
  let logData = LockedData()
  let reader = Thread { logData.set(log.fileHandleForReading.readDataToEndOfFile()) }
  reader.start()
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while !logData.isSet { Thread.sleep(forTimeInterval: 0.01) }
  return (
    String(decoding: outputData, as: UTF8.self), String(decoding: logData.data, as: UTF8.self),
    process.terminationStatus
  )
}

/// Data handed from the reading thread.
private final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Data?
  func set(_ data: Data) { lock.withLock { stored = data } }
  var isSet: Bool { lock.withLock { stored != nil } }
  var data: Data { lock.withLock { stored ?? Data() } }
}

/// The harness page: loads `pages` one after another in an iframe and writes a JSON object
/// (page name → ``PageCheck``) into `<pre id="results" data-done="yes">`.
private func harnessHTML(pages: [String]) -> String {
  let list = pages.map { "\"\($0)\"" }.joined(separator: ", ")
  return """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>browser check</title></head>
    <body><pre id="results">pending</pre>
    <script>
    const pages = [\(list)];
    const results = {};
    function excluded(node) {
      for (let e = node.parentElement; e; e = e.parentElement) {
        if (["PRE", "CODE", "SAMP", "SCRIPT", "STYLE", "TITLE"].includes(e.tagName)) return true;
        if (e.namespaceURI === "http://www.w3.org/2000/svg") return true;
        if (e.classList.contains("katex") || e.classList.contains("dollar")) return true;
      }
      return false;
    }
    function check(name) {
      return new Promise((resolve) => {
        const frame = document.createElement("iframe");
        frame.style.width = "1200px";
        frame.style.height = "2000px";
        frame.onload = async () => {
          const doc = frame.contentDocument;
          const win = frame.contentWindow;
          await doc.fonts.ready;
          await new Promise((r) => setTimeout(r, 300));
          const raw = [];
          const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            if (node.nodeValue.includes("$") && !excluded(node)) raw.push(node.nodeValue);
          }
          const urls = [...doc.querySelectorAll("[src], [href]")].map((e) =>
            new URL(e.getAttribute("src") || e.getAttribute("href"), doc.baseURI));
          const fonts = [...doc.fonts];
          results[name] = {
            title: doc.title,
            katexLoaded: typeof win.katex === "object",
            autoRenderLoaded: typeof win.renderMathInElement === "function",
            mathCount: doc.querySelectorAll(".katex").length,
            mathErrors: doc.querySelectorAll(".katex-error").length,
            rawDollarTexts: raw,
            inlineCode: [...doc.querySelectorAll("p code")].map((c) => c.textContent),
            failedStylesheets: [...doc.querySelectorAll("link[rel=stylesheet]")]
              .filter((l) => l.sheet === null).map((l) => l.href),
            failedFonts: fonts.filter((f) => f.status === "error").map((f) => f.family),
            loadedKaTeXFonts: fonts.filter((f) => f.status === "loaded" &&
              f.family.startsWith("KaTeX")).length,
            failedImages: [...doc.images].filter((i) => !i.complete || i.naturalWidth === 0)
              .map((i) => i.src),
            nonLocalURLs: urls.filter((u) => u.protocol !== "file:").map((u) => u.href),
            scriptSources: [...doc.scripts].map((e) => e.getAttribute("src") || "inline"),
            outputs: [...doc.querySelectorAll(".output samp")].map((e) => e.textContent),
            failureBoxSizes: [...doc.querySelectorAll(".failure")].map((e) => {
              const box = e.getBoundingClientRect();
              return [box.width, box.height];
            }),
            figureSizes: [...doc.querySelectorAll("figure")].map((f) => {
              const svg = f.querySelector("svg");
              if (!svg) return [0, 0];
              const box = svg.getBoundingClientRect();
              return [box.width, box.height];
            }),
          };
          frame.remove();
          resolve();
        };
        frame.src = name;
        document.body.appendChild(frame);
      });
    }
    (async () => {
      const out = document.getElementById("results");
      try {
        for (const page of pages) await check(page);
        out.textContent = JSON.stringify(results);
        out.dataset.done = "yes";
      } catch (error) {
        out.textContent = "harness error: " + error;
      }
    })();
    </script>
    </body></html>

    """
}

/// Opens `pages` of the site in `site` through the harness page in headless Chromium, expects
/// a clean exit and no console message at all (errors, uncaught exceptions, KaTeX's parse
/// failures: the pages print nothing when they work), and returns what the harness measured,
/// or `nil` (with the failure recorded) when it did not finish.
private func checkPagesInChromium(
  _ chromium: String, site: URL, pages: [String], profile: URL
) throws -> [String: PageCheck]? {
  try Data(harnessHTML(pages: pages).utf8).write(
    to: site.appendingPathComponent("browser-check.html"))
  let run = try runChromium(
    chromium, profile: profile,
    arguments: ["--dump-dom", site.appendingPathComponent("browser-check.html").absoluteString])
  #expect(run.status == 0, "chromium exited with status \(run.status)")
  let consoleLines = run.log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
  #expect(consoleLines.isEmpty, "console messages:\n\(consoleLines.joined(separator: "\n"))")
  guard
    let match = run.output.firstMatch(of: /<pre id="results" data-done="yes">(.*?)<\/pre>/)
  else {
    Issue.record(
      Comment(
        rawValue: "the harness did not finish; Chromium printed:\n\(run.output.prefix(2000))\n"
          + "log:\n\(run.log.suffix(3000))"))
    return nil
  }
  let json = String(match.output.1).htmlTextContent
  return try JSONDecoder().decode([String: PageCheck].self, from: Data(json.utf8))
}

@Suite(.serialized) struct BrowserTests {
  @Test func everyPageWorksInChromium() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let folder = try temporaryFolder("browser")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    // Lesson 2 fails after its only snippet printed; its page shows the failure.
    var course = fixtureCourse()
    course[1].run?.failure = LessonFailure(
      snippetIndex: 0, line: 13, message: "Fatal error: <stopped> & done")
    let report = try renderSite(course, courseTitle: "Descent", to: site.path)
    let pages = report.files.filter { $0.hasSuffix(".html") }
    #expect(pages == ["index.html", "01-gradient-descent.html", "02-momentum.html"])

    // Every local file a page refers to exists (the browser reports no failed request for
    // file URLs, so this is checked here).
    for page in pages {
      let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
      for reference in html.matches(of: /(?:src|href)="([^"#]+)(?:#[^"]*)?"/) {
        let target = String(reference.output.1)
        if target.hasPrefix("http://www.w3.org/") { continue }  // SVG namespaces, not loads
        #expect(
          FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path),
          "\(page) refers to \(target), which was not written")
      }
    }

    guard
      let checks = try checkPagesInChromium(
        chromium, site: site, pages: pages, profile: folder.appendingPathComponent("profile"))
    else { return }
    #expect(Set(checks.keys) == Set(pages))

    // Math spans per page, counted by hand in fixtureCourse(): the index shows the summaries
    // (2 spans in lesson 1's, 1 in lesson 2's); lesson 1 has 4 inline spans and 1 display;
    // lesson 2 has $v$ in prose, in a heading and in the table of contents, and 1 display.
    let expectedMath = ["index.html": 3, "01-gradient-descent.html": 5, "02-momentum.html": 4]
    // Figures per page: lesson 1 shows one, 640 × 400 CSS pixels, narrower than the column.
    let expectedFigures = ["index.html": 0, "01-gradient-descent.html": 1, "02-momentum.html": 0]
    for page in pages {
      guard let check = checks[page] else { continue }
      #expect(check.katexLoaded && check.autoRenderLoaded, "\(page): KaTeX scripts not loaded")
      #expect(check.failedStylesheets.isEmpty, "\(page): stylesheets failed")
      #expect(check.failedFonts.isEmpty, "\(page): fonts failed: \(check.failedFonts)")
      #expect(check.loadedKaTeXFonts > 0, "\(page): no KaTeX font was loaded")
      #expect(check.failedImages.isEmpty, "\(page): images failed: \(check.failedImages)")
      #expect(check.nonLocalURLs.isEmpty, "\(page): refers outside the disk: \(check.nonLocalURLs)")
      #expect(check.mathCount == expectedMath[page], "\(page): \(check.mathCount) math spans")
      #expect(check.mathErrors == 0, "\(page): KaTeX could not typeset some math")
      #expect(check.rawDollarTexts.isEmpty, "\(page): raw math left: \(check.rawDollarTexts)")
      #expect(check.figureSizes.count == expectedFigures[page], "\(page): figure count")
      for size in check.figureSizes {
        // Layout sizes are whole CSS pixels here; 0.5 px absorbs any subpixel rounding.
        #expect(size.count == 2 && abs(size[0] - 640) < 0.5 && abs(size[1] - 400) < 0.5)
      }
    }
    // Only the site's own scripts run: the `<script>` a snippet printed is text.
    let ownScripts = [
      "assets/katex/katex.min.js", "assets/katex/contrib/auto-render.js", "assets/math.js",
    ]
    for page in pages { #expect(checks[page]?.scriptSources == ownScripts, "\(page)") }
    #expect(checks["02-momentum.html"]?.outputs == ["<script>alert(1)</script>\n"])
    // The failure box is on the failed lesson's page, and visible.
    let boxes = checks["02-momentum.html"]?.failureBoxSizes ?? []
    #expect(boxes.count == 1 && boxes.allSatisfy { $0[0] > 100 && $0[1] > 20 })
    #expect(checks["01-gradient-descent.html"]?.failureBoxSizes.isEmpty == true)
    // Math inside code is left alone.
    #expect(checks["01-gradient-descent.html"]?.inlineCode == ["let price = \"$x$\""])
    #expect(checks["02-momentum.html"]?.title == "Momentum · Descent")
  }

  /// The real course, not a fixture: every lesson of `Lessons/` is run through the built
  /// `lesson-runner` (cached runs are reused), rendered, and every page opened in Chromium.
  /// The course must pass, so no page may show a failure box; the figures on each page are
  /// exactly those its shown snippets produced, each with a non-zero size.
  @Test func theCourseWorksInChromium() async throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let paths = try LessonCatalog.lessonPaths(packageDirectory: root)
    try #require(!paths.isEmpty, "no lessons in \(root.path)/Lessons")
    let executable =
      Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let runner = executable.deletingLastPathComponent().appending(path: "lesson-runner")
    let compiled = RunnerBuild.lessonsCompiled(into: runner)
    var sources: [(lesson: Lesson, source: String)] = []
    for path in paths {
      let text = try String(contentsOf: root.appending(path: path), encoding: .utf8)
      guard compiled.contains(path) else {
        Issue.record(
          Comment(
            rawValue: "\(path) is not compiled into \(runner.path) yet: run `swift run lessons "
              + "verify` once (SwiftPM replans), then test again"))
        continue
      }
      sources.append((try Lesson(parsing: text, path: path), text))
    }
    let options = LessonRunOptions(packageDirectory: root, timeout: 300, runnerExecutable: runner)
    let runs = try await LessonRunner.run(lessons: sources.map(\.lesson), options: options)
    let pages = zip(sources, runs).map {
      SitePage(lesson: $0.lesson, source: $0.source, verdict: checkLesson($0.lesson, against: $1))
    }
    let folder = try temporaryFolder("course")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    let report = try renderSite(pages, courseTitle: "Descent", to: site.path)
    #expect(report.failedLessons.isEmpty, "lessons failed: \(report.failedLessons)")
    let htmlPages = report.files.filter { $0.hasSuffix(".html") }
    guard
      let checks = try checkPagesInChromium(
        chromium, site: site, pages: htmlPages, profile: folder.appendingPathComponent("profile"))
    else { return }
    #expect(Set(checks.keys) == Set(htmlPages))
    for page in pages {
      let hidden = Set(page.lesson.snippets.filter { $0.attributes.contains(.hide) }.map(\.index))
      let figureCount = (page.run?.snippets ?? []).filter { !hidden.contains($0.index) }
        .reduce(0) { $0 + $1.figures.count }
      guard let check = checks[page.fileName] else { continue }
      let name = page.lesson.path
      #expect(check.katexLoaded && check.autoRenderLoaded, "\(name): KaTeX scripts not loaded")
      #expect(check.failedStylesheets.isEmpty && check.failedFonts.isEmpty, "\(name)")
      #expect(check.failedImages.isEmpty && check.nonLocalURLs.isEmpty, "\(name)")
      #expect(check.mathErrors == 0, "\(name): KaTeX could not typeset some math")
      #expect(check.rawDollarTexts.isEmpty, "\(name): raw math left: \(check.rawDollarTexts)")
      #expect(check.failureBoxSizes.isEmpty, "\(name): the page shows a failure")
      #expect(check.figureSizes.count == figureCount, "\(name): figures on the page")
      for size in check.figureSizes {
        #expect(size.count == 2 && size[0] > 50 && size[1] > 50, "\(name): figure size \(size)")
      }
    }
  }

  @Test func screenshotOfALesson() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let folder = try temporaryFolder("screenshot")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    _ = try renderSite(fixtureCourse(), courseTitle: "Descent", to: site.path)
    // .build/test-artifacts/ of the package this file belongs to.
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let artifacts = packageRoot.appendingPathComponent(".build/test-artifacts")
    try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
    let screenshot = artifacts.appendingPathComponent("lesson-01-gradient-descent.png")
    try? FileManager.default.removeItem(at: screenshot)
    let run = try runChromium(
      chromium, profile: folder.appendingPathComponent("profile"),
      arguments: [
        "--screenshot=\(screenshot.path)",
        site.appendingPathComponent("01-gradient-descent.html").absoluteString,
      ])
    #expect(run.status == 0)
    let png = try Data(contentsOf: screenshot)
    // A PNG file starts with these 8 bytes (PNG specification, section 5.2).
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(png.count > 10_000, "the screenshot is suspiciously small: \(png.count) bytes")
    print("BrowserTests: screenshot of a rendered lesson saved to \(screenshot.path)")
  }

  @Test func layoutFollowsScreenWidthAndColourScheme() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let folder = try temporaryFolder("layout")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    _ = try renderSite(fixtureCourse(), courseTitle: "Descent", to: site.path)
    // Lesson 1 in a phone-wide (400 px) and a desktop-wide (1200 px) frame.
    let harness = """
      <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
      <pre id="results">pending</pre>
      <script>
      function measure(width) {
        return new Promise((resolve) => {
          const frame = document.createElement("iframe");
          frame.style.width = width + "px";
          frame.style.height = "1500px";
          frame.onload = () => {
            const doc = frame.contentDocument;
            const toc = doc.querySelector(".toc").getBoundingClientRect();
            const article = doc.querySelector("article").getBoundingClientRect();
            resolve({
              scrollWidth: doc.documentElement.scrollWidth,
              tocBesideArticle: toc.right <= article.left,
              background: getComputedStyle(doc.body).backgroundColor,
              figure: [doc.querySelector("figure svg").getBoundingClientRect().width,
                doc.querySelector("figure svg").getBoundingClientRect().height],
              column: doc.querySelector("article").clientWidth,
            });
          };
          frame.src = "01-gradient-descent.html";
          document.body.appendChild(frame);
        });
      }
      (async () => {
        const narrow = await measure(400);
        const wide = await measure(1200);
        const out = document.getElementById("results");
        out.textContent = JSON.stringify({ narrow, wide });
        out.dataset.done = "yes";
      })();
      </script></body></html>
      """
    try Data(harness.utf8).write(to: site.appendingPathComponent("layout-check.html"))
    struct Frame: Decodable {
      var scrollWidth: Double
      var tocBesideArticle: Bool
      var background: String
      var figure: [Double]
      var column: Double
    }
    struct Layout: Decodable {
      var narrow: Frame
      var wide: Frame
    }
    // The page backgrounds of site.css: #fdfdfc (light) and #17191b (dark), as CSS rgb().
    for (flags, background) in [
      ([], "rgb(253, 253, 252)"), (["--force-dark-mode"], "rgb(23, 25, 27)"),
    ] {
      let run = try runChromium(
        chromium, profile: folder.appendingPathComponent("profile"),
        arguments: flags + [
          "--dump-dom", site.appendingPathComponent("layout-check.html").absoluteString,
        ])
      guard
        let match = run.output.firstMatch(of: /<pre id="results" data-done="yes">(.*?)<\/pre>/)
      else {
        Issue.record(Comment(rawValue: "the layout harness did not finish (\(flags))"))
        continue
      }
      let layout = try JSONDecoder().decode(
        Layout.self, from: Data(String(match.output.1).htmlTextContent.utf8))
      // Nothing makes a phone-wide page scroll sideways (code scrolls inside its own box).
      #expect(layout.narrow.scrollWidth <= 400, "\(flags): \(layout.narrow.scrollWidth) px wide")
      #expect(!layout.narrow.tocBesideArticle, "the contents sit above the lesson on a phone")
      #expect(layout.wide.tocBesideArticle, "the contents sit beside the lesson on a wide screen")
      #expect(layout.narrow.background == background && layout.wide.background == background)
      // The 640 × 400 figure is drawn at full size on a wide screen and shrinks to the column
      // on a phone, keeping its 400/640 = 0.625 aspect ratio (within a pixel of rounding).
      let wide = layout.wide.figure
      #expect(wide.count == 2 && abs(wide[0] - 640) < 0.5 && abs(wide[1] - 400) < 0.5)
      let narrow = layout.narrow.figure
      #expect(narrow.count == 2 && abs(narrow[0] - layout.narrow.column) < 1)
      #expect(narrow.count == 2 && abs(narrow[1] - narrow[0] * 0.625) < 1)
    }
  }
}
