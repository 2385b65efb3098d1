// The page markup of interactive figures: the default frame inline, labelled sliders hidden
// until the script starts, every text escaped, the frames as JSON that cannot end its script
// element early; the script loaded only by pages that need it; warnings for broken or heavy
// figures; frames read back from a results folder.

import Foundation
import LessonResultsFormat
import Testing

@testable import LessonKit

/// Frame (i, j) of the fixture: a shared background and axis, and a text naming the frame.
private func frameSVG(_ i: Int, _ j: Int) -> String {
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\n"
    + "<rect width=\"200\" height=\"100\" fill=\"#eee\"/>\n<path d=\"M10 90H190\"/>\n"
    + "<text x=\"20\" y=\"50\">frame \(i),\(j)</text>\n</svg>\n"
}

/// Two parameters of 3 × 2 values with labels that need escaping; default (1, 0).
private let hostileRecord = InteractiveFigureRecord(
  parameters: [
    .init(
      name: "eta", label: "step <η> & \"rate\"", valueLabels: ["0.1", "<0.2>", "a&b"],
      defaultIndex: 1),
    .init(name: "beta", label: "β's", valueLabels: ["0", "0.9"], defaultIndex: 0),
  ],
  frames: (0..<3).flatMap { i in (0..<2).map { j in frameSVG(i, j) } })

/// The JSON object inside the figure's `<script type="application/json">`.
private func decodedFrames(in html: String) throws -> [String: Any] {
  let open = "<script type=\"application/json\" class=\"figure-frames\">"
  let start = try #require(html.range(of: open))
  let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
  let json = html[start.upperBound..<end.lowerBound]
  return try #require(
    try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}

/// The piece numbers of runs like "0-3 7 5-6".
private func expandRuns(_ runs: String) -> [Int] {
  runs.split(separator: " ").flatMap { run -> [Int] in
    let ends = run.split(separator: "-").map { Int($0)! }
    return Array(ends[0]...ends[ends.count - 1])
  }
}

@Suite("Interactive figures on the page")
struct InteractiveFigureHTMLTests {
  @Test("The default frame is inline; sliders are labelled, hidden, and escaped")
  func markup() throws {
    let markup = interactiveFigureMarkup(hostileRecord, caption: "a <caption>", id: "figure-2-1")
    let html = markup.html
    #expect(
      html.hasPrefix(
        "<figure class=\"figure interactive-figure\" id=\"figure-2-1\" data-frame=\"2\">"))
    // The default frame (1, 0) is frame 2, inline as its SVG text.
    #expect(html.contains("<div class=\"figure-svg\">" + frameSVG(1, 0) + "</div>"))
    #expect(html.contains("<div class=\"figure-controls\" hidden>"))
    // One range input per parameter, from 0 to its last index, at its default, labelled.
    #expect(
      html.contains(
        "<label for=\"figure-2-1-p1\">step &lt;η&gt; &amp; &quot;rate&quot;</label>"
          + "<input type=\"range\" id=\"figure-2-1-p1\" min=\"0\" max=\"2\" step=\"1\" value=\"1\" "
          + "aria-valuetext=\"step &lt;η&gt; &amp; &quot;rate&quot; = &lt;0.2&gt;\">"
          + "<output for=\"figure-2-1-p1\">&lt;0.2&gt;</output>"))
    #expect(
      html.contains(
        "<label for=\"figure-2-1-p2\">β&#39;s</label><input type=\"range\" id=\"figure-2-1-p2\" "
          + "min=\"0\" max=\"1\" step=\"1\" value=\"0\" aria-valuetext=\"β&#39;s = 0\">"))
    #expect(
      html.contains(
        "<p class=\"figure-values\">step &lt;η&gt; &amp; &quot;rate&quot; = &lt;0.2&gt; · β&#39;s = 0</p>"
      ))
    #expect(html.contains("<figcaption>a &lt;caption&gt;</figcaption>"))
    // Outside the JSON data (where "<" is only escaped before "/" and "!"), no raw label.
    let markupPart = try #require(html.components(separatedBy: "<script").first)
    #expect(!markupPart.contains("<η>") && !markupPart.contains("<0.2>"))
  }

  @Test("The frames' data reads back as the record: parameters, pieces and every frame")
  func framesData() throws {
    let html = interactiveFigureMarkup(hostileRecord, caption: "", id: "f").html
    let data = try decodedFrames(in: html)
    let parameters = try #require(data["parameters"] as? [[String: Any]])
    #expect(parameters.count == 2)
    #expect(parameters[0]["name"] as? String == "eta")
    #expect(parameters[0]["label"] as? String == "step <η> & \"rate\"")
    #expect(parameters[0]["values"] as? [String] == ["0.1", "<0.2>", "a&b"])
    #expect(parameters[0]["default"] as? Int == 1)
    #expect(parameters[1]["label"] as? String == "β's")
    let pieces = try #require(data["pieces"] as? [String])
    #expect(pieces == hostileRecord.pieces)
    let frames = try #require(data["frames"] as? [String])
    #expect(frames.count == 6)
    for (index, runs) in frames.enumerated() {
      #expect(expandRuns(runs).map { pieces[$0] }.joined() == frameSVG(index / 2, index % 2))
    }
    // Shared pieces are stored once: 4 shared (svg, rect, path, closing tag) + 6 texts.
    #expect(pieces.count == 10)
    #expect(frames[0] == "0-4" && frames[1] == "0-2 5 4")
  }

  @Test("A piece holding </script> or <!-- cannot end or change the script element")
  func scriptSafeJSON() throws {
    let record = InteractiveFigureRecord(
      parameters: [.init(name: "a", label: "a", valueLabels: ["1", "2"], defaultIndex: 0)],
      frames: [
        "<svg><text>x</text></svg>",
        "<svg><text></script><script>alert(1)</script><!-- </SCRIPT --></text></svg>",
      ])
    let html = interactiveFigureMarkup(record, caption: "", id: "f").html
    let scriptStart = try #require(html.range(of: "<script type=\"application/json\""))
    let rest = html[scriptStart.upperBound...]
    // The first "</script" (any case) after the opening is the element's own end.
    let lower = rest.lowercased()
    let end = try #require(lower.range(of: "</script"))
    #expect(
      lower[end.upperBound...].hasPrefix(">")
        && lower[end.upperBound...].dropFirst().hasPrefix("</figure>"))
    #expect(!lower.contains("<!--"))
    let data = try decodedFrames(in: html)
    let pieces = try #require(data["pieces"] as? [String])
    let frames = try #require(data["frames"] as? [String])
    #expect(
      expandRuns(frames[1]).map { pieces[$0] }.joined()
        == "<svg><text></script><script>alert(1)</script><!-- </SCRIPT --></text></svg>")
  }

  @Test("jsonString and pieceRuns: the doc-comment examples and control characters")
  func encoders() {
    #expect(jsonString("a\"b</g>") == "\"a\\\"b<\\/g>\"")
    #expect(jsonString("\\ \n\t\r\u{01}<!x") == "\"\\\\ \\n\\t\\r\\u0001\\u003c!x\"")
    #expect(jsonString("é < b") == "\"é < b\"")
    #expect(pieceRuns([0, 1, 2, 3, 7, 5, 6]) == "0-3 7 5-6")
    #expect(pieceRuns([4]) == "4" && pieceRuns([Int]()) == "")
  }

  @Test("XML declarations are left out of the inline frame and of the frames")
  func declarationsLeftOut() throws {
    let record = InteractiveFigureRecord(
      parameters: [.init(name: "a", label: "a", valueLabels: ["1", "2"], defaultIndex: 1)],
      frames: ["<?xml version=\"1.0\"?>\n<svg>1</svg>", "<?xml version=\"1.0\"?>\n<svg>2</svg>"])
    let html = interactiveFigureMarkup(record, caption: "", id: "f").html
    #expect(html.contains("<div class=\"figure-svg\"><svg>2</svg></div>"))
    let data = try decodedFrames(in: html)
    let pieces = try #require(data["pieces"] as? [String])
    let frames = try #require(data["frames"] as? [String])
    #expect(
      frames.map { expandRuns($0).map { pieces[$0] }.joined() } == ["<svg>1</svg>", "<svg>2</svg>"])
  }

  @Test("Only pages with a shown interactive figure load interactive.js; the asset is written")
  func scriptOnlyWhereNeeded() throws {
    let source = "# Sliders\n\n```swift\nshow(figure)\n```\n\n```swift hide\nshow(other)\n```\n"
    let figure = FigureOutput(
      svg: hostileRecord.frameSVG(2), caption: "moving", interactive: hostileRecord)
    let shown = fixturePage(source, run: fixtureRun(outputs: [(0, "", [figure]), (1, "", [])]))
    let hidden = fixturePage(source, run: fixtureRun(outputs: [(0, "", []), (1, "", [figure])]))
    #expect(renderLesson(shown).hasInteractiveFigures)
    #expect(!renderLesson(hidden).hasInteractiveFigures)
    #expect(!renderLesson(hidden).html.contains("interactive-figure"))

    let folder = try temporaryFolder("interactive-site")
    defer { try? FileManager.default.removeItem(at: folder) }
    let second = fixturePage(
      source.replacing("Sliders", with: "Still"), path: "Lessons/02-still.md",
      run: fixtureRun(path: "Lessons/02-still.md", outputs: [(0, "", []), (1, "", [figure])]))
    let report = try renderSite([shown, second], courseTitle: "C", to: folder.path + "/site")
    #expect(report.files.contains("assets/interactive.js"))
    #expect(report.warnings.isEmpty, "\(report.warnings)")
    let page = try String(contentsOfFile: folder.path + "/site/01-test.html", encoding: .utf8)
    #expect(page.contains("<script defer src=\"assets/interactive.js\"></script>"))
    #expect(page.contains("id=\"figure-1-1\""))
    let still = try String(contentsOfFile: folder.path + "/site/02-still.html", encoding: .utf8)
    #expect(!still.contains("interactive.js"))
    let script = try String(
      contentsOfFile: folder.path + "/site/assets/interactive.js", encoding: .utf8)
    #expect(script.contains("figure.interactive-figure"))
  }

  @Test("Inconsistent frames show the default frame static, with a warning at the snippet")
  func inconsistentFramesShownStatic() {
    var broken = hostileRecord
    broken.frames.removeLast()
    let source = "# Broken\n\n```swift\nshow(figure)\n```\n"
    let figure = FigureOutput(svg: frameSVG(1, 0), caption: "c", interactive: broken)
    let rendered = renderLesson(fixturePage(source, run: fixtureRun(outputs: [(0, "", [figure])])))
    #expect(!rendered.html.contains("interactive-figure"))
    #expect(rendered.html.contains("<figure class=\"figure\"><div class=\"figure-svg\"><svg"))
    #expect(
      rendered.warnings == [
        "Lessons/01-test.md:3: an interactive figure's frames are unusable (5 frames for 6 "
          + "combinations of values); shown as its default frame only"
      ])
  }

  @Test("A figure above the page-weight budget gets a warning that says how much and what to do")
  func budgetWarning() {
    // 40 frames of 8 KiB of their own text each: 320 KiB of pieces.
    let filler = String(repeating: "x", count: 8 * 1024)
    let record = InteractiveFigureRecord(
      parameters: [
        .init(name: "a", label: "a", valueLabels: (0..<40).map(String.init), defaultIndex: 0)
      ],
      frames: (0..<40).map { "<svg><text>\($0)\(filler)</text></svg>" })
    let markup = interactiveFigureMarkup(record, caption: "", id: "f")
    #expect(markup.addedBytes > 40 * 8 * 1024 && markup.addedBytes < 41 * 8 * 1024 + 2048)
    let source = "# Heavy\n\n```swift\nshow(figure)\n```\n"
    let figure = FigureOutput(svg: record.frameSVG(0), caption: "", interactive: record)
    let rendered = renderLesson(fixturePage(source, run: fixtureRun(outputs: [(0, "", [figure])])))
    #expect(rendered.html.contains("interactive-figure"))
    #expect(
      rendered.warnings == [
        "Lessons/01-test.md:3: an interactive figure adds \(markup.addedBytes / 1024) KiB to the "
          + "page, above the budget of 300 KiB; use fewer values, fix the axes' ranges so that "
          + "frames share them, or draw fewer points"
      ])
  }

  @Test("A results folder's frames file becomes the figure's frames; a broken one is ignored")
  func framesReadFromResults() throws {
    let lesson = try Lesson(
      parsing: "# R\n\n```swift\nshow(a)\nshow(b)\n```\n", path: "Lessons/r.md")
    let directory = FileManager.default.temporaryDirectory.appending(
      path: "interactive-results-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appending(path: "figures"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let files = [
      "progress.tsv": "begin\t0\nend\t0\t2\nfinished\n", "snippet-0.out": "",
      "figures/index.tsv": "0001\tsliders\n0002\tbroken\n",
      "figures/fig-0001.svg": hostileRecord.frameSVG(2),
      "figures/fig-0001.frames": hostileRecord.text,
      "figures/fig-0002.svg": "<svg>2</svg>",
      "figures/fig-0002.frames": "interactive-figure v1\nframe\t0\n",
    ]
    for (name, text) in files { try writeTestFile(text, to: directory.appending(path: name).path) }
    let run = readLessonResults(
      of: lesson, in: directory, termination: .exited(0), contentHash: "h", seconds: 0)
    #expect(
      run.snippets.first?.figures == [
        FigureOutput(
          svg: hostileRecord.frameSVG(2), caption: "sliders", interactive: hostileRecord),
        FigureOutput(svg: "<svg>2</svg>", caption: "broken"),
      ])
  }
}
