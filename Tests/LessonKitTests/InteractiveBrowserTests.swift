// Interactive figures in a real browser: headless Chromium driven through the DevTools protocol
// (ChromiumSession.swift) moves the sliders with input events and with real key presses and
// reads which frame the page shows; the page must make no request outside the disk and log
// nothing; the layout must hold at 400 px, in dark mode and in print; and with scripts
// disabled the page must show the default frame. Never skips: without Chromium it fails and
// says what to install.

import Foundation
import LessonResultsFormat
import Testing

@testable import LessonKit

/// Frame (i, j) of the two-parameter figure: a 600 × 300 drawing whose text names the frame.
private func playgroundFrame(_ i: Int, _ j: Int) -> String {
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"300\" viewBox=\"0 0 600 300\">\n"
    + "<rect width=\"600\" height=\"300\" fill=\"#dde\"/>\n<path d=\"M20 280H580\" stroke=\"#000\"/>\n"
    + "<circle cx=\"\(100 + 150 * i)\" cy=\"\(80 + 100 * j)\" r=\"12\" fill=\"#c00\"/>\n"
    + "<text class=\"which\" x=\"30\" y=\"40\">frame \(i),\(j)</text>\n</svg>\n"
}

/// The course page: prose with math, a 3 × 2 figure (default η = <0.2>, β = 0) and a
/// one-parameter figure of 4 frames (default 0).
private func interactiveCourse() -> [SitePage] {
  let source = """
    # Sliders

    Move the sliders; the math $x^2$ still typesets.

    ```swift
    show(playground)
    ```

    Another figure with one parameter:

    ```swift
    show(single)
    ```

    """
  let playground = InteractiveFigureRecord(
    parameters: [
      .init(
        name: "eta", label: "step size η", valueLabels: ["0.1", "<0.2>", "a&b"], defaultIndex: 1),
      .init(name: "beta", label: "momentum β", valueLabels: ["0", "0.9"], defaultIndex: 0),
    ],
    frames: (0..<3).flatMap { i in (0..<2).map { j in playgroundFrame(i, j) } })
  let single = InteractiveFigureRecord(
    parameters: [.init(name: "k", label: "k", valueLabels: ["1", "2", "3", "4"], defaultIndex: 0)],
    frames: (0..<4).map {
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"150\">"
        + "<text class=\"which\" x=\"10\" y=\"20\">single \($0)</text></svg>"
    })
  let run = fixtureRun(
    path: "Lessons/01-sliders.md",
    outputs: [
      (
        0, "",
        [FigureOutput(svg: playground.frameSVG(2), caption: "two sliders", interactive: playground)]
      ),
      (1, "", [FigureOutput(svg: single.frameSVG(0), caption: "one slider", interactive: single)]),
    ])
  return [fixturePage(source, path: "Lessons/01-sliders.md", run: run)]
}

/// What the page shows of the first figure: the frame's text, `data-frame`, each slider's
/// value, shown value and `aria-valuetext`, and the values line.
private struct FigureState: Equatable {
  var frame: String
  var index: String
  var values: [String]
  var outputs: [String]
  var valueTexts: [String]
  var line: String

  init(_ page: ChromiumPage, figure: String = "figure-1-1") throws {
    let base = "document.getElementById('\(figure)')"
    frame = try page.string("\(base).querySelector('.figure-svg .which').textContent")
    index = try page.string("\(base).dataset.frame")
    values = try page.string("[...\(base).querySelectorAll('input')].map(i => i.value).join('|')")
      .split(separator: "|").map(String.init)
    outputs = try page.string(
      "[...\(base).querySelectorAll('output')].map(o => o.textContent).join('|')"
    ).split(separator: "|").map(String.init)
    valueTexts = try page.string(
      "[...\(base).querySelectorAll('input')].map(i => i.getAttribute('aria-valuetext')).join('|')"
    ).split(separator: "|").map(String.init)
    line = try page.string("\(base).querySelector('.figure-values').textContent")
  }

  init(frame: String, index: String, values: [String], outputs: [String], line: String) {
    self.frame = frame
    self.index = index
    self.values = values
    self.outputs = outputs
    self.valueTexts = line.components(separatedBy: " · ")
    self.line = line
  }
}

@Suite(.serialized) struct InteractiveBrowserTests {
  /// The site of ``interactiveCourse()`` in a fresh folder, and the lesson page's URL.
  private func renderedCourse(_ name: String) throws -> (folder: URL, page: String) {
    let folder = try temporaryFolder(name)
    let site = folder.appendingPathComponent("site")
    let report = try renderSite(interactiveCourse(), courseTitle: "Descent", to: site.path)
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    return (folder, site.appendingPathComponent("01-sliders.html").absoluteString)
  }

  @Test func slidersShowTheFrameOfTheirValues() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let (folder, url) = try renderedCourse("interactive-browser")
    defer { try? FileManager.default.removeItem(at: folder) }
    let browser = try ChromiumSession(
      chromium: chromium, profile: folder.appendingPathComponent("profile"))
    let page = try browser.open(url)

    // Opened: the sliders are shown, at the default frame (η = <0.2>, β = 0: frame 1·2 + 0).
    #expect(
      try page.evaluate("document.querySelector('.figure-controls').hidden") as? Bool == false)
    #expect(try page.number("document.querySelectorAll('.katex').length") == 1)
    #expect(
      try FigureState(page)
        == FigureState(
          frame: "frame 1,0", index: "2", values: ["1", "0"], outputs: ["<0.2>", "0"],
          line: "step size η = <0.2> · momentum β = 0"))

    // An input event (what dragging fires): η to its third value.
    _ = try page.evaluate(
      """
      (() => { const s = document.getElementById('figure-1-1-p1'); s.value = 2;
        s.dispatchEvent(new Event('input', { bubbles: true })); return true; })()
      """)
    #expect(
      try FigureState(page)
        == FigureState(
          frame: "frame 2,0", index: "4", values: ["2", "0"], outputs: ["a&b", "0"],
          line: "step size η = a&b · momentum β = 0"))
    // The frame shown is the run's frame, element for element: the circle of (2, 0).
    #expect(
      try page.string("document.querySelector('#figure-1-1 circle').getAttribute('cx')") == "400")

    // Real key presses on the β slider: → moves it up, → at the end stays, Home goes back.
    _ = try page.evaluate("document.getElementById('figure-1-1-p2').focus()")
    try page.press("ArrowRight", keyCode: 39)
    #expect(
      try FigureState(page)
        == FigureState(
          frame: "frame 2,1", index: "5", values: ["2", "1"], outputs: ["a&b", "0.9"],
          line: "step size η = a&b · momentum β = 0.9"))
    try page.press("ArrowRight", keyCode: 39)
    #expect(try FigureState(page).frame == "frame 2,1")
    try page.press("Home", keyCode: 36)
    #expect(try FigureState(page).frame == "frame 2,0")
    // The η slider with ← and End.
    _ = try page.evaluate("document.getElementById('figure-1-1-p1').focus()")
    try page.press("ArrowLeft", keyCode: 37)
    try page.press("ArrowLeft", keyCode: 37)
    #expect(try FigureState(page).frame == "frame 0,0")
    #expect(try FigureState(page).valueTexts == ["step size η = 0.1", "momentum β = 0"])
    try page.press("End", keyCode: 35)
    #expect(try FigureState(page).frame == "frame 2,0")

    // The sliders are reached with Tab from the top of the page (the header's link), in order.
    _ = try page.evaluate("document.querySelector('.site-header a').focus(); true")
    var reached: [String] = []
    for _ in 0..<40 where reached.count < 3 {
      try page.press("Tab", keyCode: 9)
      let id = try page.string("document.activeElement.id || ''")
      if id.hasPrefix("figure-") && !reached.contains(id) { reached.append(id) }
    }
    #expect(reached == ["figure-1-1-p1", "figure-1-1-p2", "figure-2-1-p1"])
    // Each figure keeps its own state: the second one is at its default, and moves alone.
    try page.press("ArrowRight", keyCode: 39)
    #expect(try FigureState(page, figure: "figure-2-1").frame == "single 1")
    #expect(try FigureState(page).frame == "frame 2,0")

    // Nothing was logged, nothing thrown, and every request stayed on the disk.
    #expect(page.messages.isEmpty, "\(page.messages)")
    let requests = page.requestedURLs
    #expect(requests.contains { $0.hasSuffix("assets/interactive.js") })
    #expect(requests.allSatisfy { $0.hasPrefix("file://") }, "\(requests)")
    // The check can fail: a message the page logs is seen.
    _ = try page.evaluate("console.warn('probe'); true")
    #expect(page.messages.count == 1 && page.messages[0].contains("probe"))
  }

  @Test func layoutHoldsAtPhoneWidthInDarkModeAndInPrint() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let (folder, url) = try renderedCourse("interactive-layout")
    defer { try? FileManager.default.removeItem(at: folder) }
    let browser = try ChromiumSession(
      chromium: chromium, profile: folder.appendingPathComponent("profile"))

    // A phone: 400 px wide, dark colours.
    let phone = try browser.open(url) { page in
      try page.call(
        "Emulation.setDeviceMetricsOverride",
        ["width": 400, "height": 900, "deviceScaleFactor": 1, "mobile": false])
      try page.call(
        "Emulation.setEmulatedMedia",
        ["features": [["name": "prefers-color-scheme", "value": "dark"]]])
    }
    #expect(try phone.number("document.documentElement.scrollWidth") <= 400)
    let column = try phone.number("document.querySelector('article').getBoundingClientRect().right")
    let left = try phone.number("document.querySelector('article').getBoundingClientRect().left")
    // The 600 px frame shrinks to the column, keeping its 2:1 shape (within a pixel).
    let width = try phone.number(
      "document.querySelector('#figure-1-1 svg').getBoundingClientRect().width")
    let height = try phone.number(
      "document.querySelector('#figure-1-1 svg').getBoundingClientRect().height")
    #expect(width <= column - left + 0.5 && width > 200)
    #expect(abs(height - width / 2) < 1)
    // Every slider and its value lie inside the column, and can be seen.
    for selector in ["input", "output", "label"] {
      let boxes = try phone.string(
        """
        JSON.stringify([...document.querySelectorAll('#figure-1-1 \(selector)')].map(e => {
          const b = e.getBoundingClientRect(); return [b.left, b.right, b.width, b.height]; }))
        """)
      let parsed = try JSONDecoder().decode([[Double]].self, from: Data(boxes.utf8))
      #expect(parsed.count == 2)
      for box in parsed {
        #expect(
          box[0] >= left - 0.5 && box[1] <= column + 0.5,
          "\(selector) \(box) outside \(left)…\(column)")
        #expect(box[2] > 0 && box[3] > 0, "\(selector) is not visible")
      }
    }
    // Dark page colours (site.css: #17191b, text #e3e4e2), the figure on its light card.
    #expect(
      try phone.string("getComputedStyle(document.body).backgroundColor") == "rgb(23, 25, 27)")
    #expect(
      try phone.string("getComputedStyle(document.querySelector('#figure-1-1 label')).color")
        == "rgb(227, 228, 226)")
    #expect(
      try phone.string(
        "getComputedStyle(document.querySelector('#figure-1-1 svg')).backgroundColor")
        == "rgb(253, 253, 252)")
    // The values line is hidden on screen while the sliders show the values.
    #expect(
      try phone.string(
        "getComputedStyle(document.querySelector('#figure-1-1 .figure-values')).display")
        == "none")

    // Print: no sliders; the values line says which frame is printed — the one shown.
    _ = try phone.evaluate(
      """
      (() => { const s = document.getElementById('figure-1-1-p2'); s.value = 1;
        s.dispatchEvent(new Event('input', { bubbles: true })); return true; })()
      """)
    try phone.call("Emulation.setEmulatedMedia", ["media": "print"])
    #expect(
      try phone.string(
        "getComputedStyle(document.querySelector('#figure-1-1 .figure-controls')).display")
        == "none")
    #expect(
      try phone.string(
        "getComputedStyle(document.querySelector('#figure-1-1 .figure-values')).display")
        == "block")
    #expect(try FigureState(phone).line == "step size η = <0.2> · momentum β = 0.9")
    #expect(try FigureState(phone).frame == "frame 1,1")
    #expect(phone.messages.isEmpty, "\(phone.messages)")
  }

  @Test func withoutScriptsThePageShowsTheDefaultFrame() throws {
    guard let chromium = chromiumPath() else {
      Issue.record(Comment(rawValue: chromiumMissing))
      return
    }
    let (folder, url) = try renderedCourse("interactive-noscript")
    defer { try? FileManager.default.removeItem(at: folder) }
    // The page's scripts do not run; DevTools can still read the page.
    let browser = try ChromiumSession(
      chromium: chromium, profile: folder.appendingPathComponent("profile"),
      arguments: ["--blink-settings=scriptEnabled=false"])
    let page = try browser.open(url)
    // math.js did not run: the math is not typeset.
    #expect(try page.number("document.querySelectorAll('.katex').length") == 0)
    // The page as written: the default frame (1, 0) inline and drawn, the sliders hidden, the
    // values line saying which values the frame is of.
    #expect(try page.string("document.getElementById('figure-1-1').dataset.frame") == "2")
    #expect(
      try page.evaluate(
        "document.getElementById('figure-1-1').classList.contains('is-interactive')") as? Bool
        == false)
    #expect(try FigureState(page).frame == "frame 1,0")
    #expect(try FigureState(page, figure: "figure-2-1").frame == "single 0")
    #expect(
      try page.string(
        "getComputedStyle(document.querySelector('#figure-1-1 .figure-controls')).display")
        == "none")
    let values = "document.querySelector('#figure-1-1 .figure-values')"
    #expect(try page.string("getComputedStyle(\(values)).display") == "block")
    #expect(try page.string("\(values).textContent") == "step size η = <0.2> · momentum β = 0")
    #expect(
      try page.number("document.querySelector('#figure-1-1 svg').getBoundingClientRect().width")
        == 600)
    #expect(page.messages.isEmpty, "\(page.messages)")
  }
}
