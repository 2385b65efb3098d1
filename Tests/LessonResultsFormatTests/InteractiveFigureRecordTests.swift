// The frames of an interactive figure as stored: cut into pieces at element boundaries, each
// distinct piece once, and read back from `fig-NNNN.frames` as written.

import Testing

@testable import LessonResultsFormat

@Suite("Interactive figure records")
struct InteractiveFigureRecordTests {
  private func parameter(_ name: String, _ count: Int, default index: Int = 0)
    -> InteractiveFigureRecord.Parameter
  {
    .init(
      name: name, label: "label of \(name)", valueLabels: (0..<count).map { "v\($0)" },
      defaultIndex: index)
  }

  @Test("svgPieces: the doc-comment example")
  func piecesExample() {
    let document =
      "<svg>\n<g fill=\"red\">\n<path d=\"M0 0\"/>\n</g>\n<text>a<tspan>2</tspan></text>\n</svg>\n"
    #expect(
      svgPieces(document) == [
        "<svg>\n", "<g fill=\"red\">\n", "<path d=\"M0 0\"/>\n", "</g>\n",
        "<text>a<tspan>2</tspan></text>\n", "</svg>\n",
      ])
  }

  @Test("svgPieces: declarations, comments, CDATA, quoted '>', nested svg, text, no line breaks")
  func piecesOfTrickyDocuments() {
    let document =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg a='1>2'><!-- a <g> comment --><svg x=\"4\">"
      + "<rect title=\"x > y\"/></svg><style><![CDATA[ a > b { } ]]></style>loose text"
      + "<text>é<tspan>́</tspan></text></svg>"
    #expect(
      svgPieces(document) == [
        "<?xml version=\"1.0\"?>\n", "<!DOCTYPE svg>\n", "<svg a='1>2'>",
        "<!-- a <g> comment -->", "<svg x=\"4\">", "<rect title=\"x > y\"/>", "</svg>",
        "<style><![CDATA[ a > b { } ]]></style>", "loose text", "<text>é<tspan>́</tspan></text>",
        "</svg>",
      ])
  }

  @Test("svgPieces: a tag that never ends makes the rest one piece; joined pieces are the input")
  func piecesAreLossless() {
    let inputs = [
      "", "plain text", "<svg>\n<path d=\"M0 0\"", "<svg><g><g></g></g>\n\n  </svg>  \n",
      "  <svg>\n</svg>", "<svg>>\u{301}<text>x</text>\u{301}\n</svg>", "<svg><a href=\"\">x</a>",
      "<svg><circle r=\"1\"></circle><circle r=\"1\"></circle></svg>",
    ]
    for input in inputs {
      let pieces = svgPieces(input)
      #expect(Array(pieces.joined().utf8) == Array(input.utf8), "\(input.debugDescription)")
      #expect(!pieces.contains(""), "\(input.debugDescription): an empty piece")
    }
    #expect(svgPieces("<svg>\n<path d=\"M0 0\"") == ["<svg>\n", "<path d=\"M0 0\""])
  }

  @Test("Pieces that frames share are stored once: the doc-comment example")
  func sharedPiecesStoredOnce() {
    let record = InteractiveFigureRecord(
      parameters: [
        .init(name: "eta", label: "η", valueLabels: ["0.1", "0.2"], defaultIndex: 0)
      ],
      frames: [
        "<svg>\n<path d=\"M0 0\"/>\n<text>a</text>\n</svg>\n",
        "<svg>\n<path d=\"M0 0\"/>\n<text>b</text>\n</svg>\n",
      ])
    #expect(
      record.pieces == [
        "<svg>\n", "<path d=\"M0 0\"/>\n", "<text>a</text>\n", "</svg>\n", "<text>b</text>\n",
      ])
    #expect(record.frames == [[0, 1, 2, 3], [0, 1, 4, 3]])
    #expect(record.frameSVG(1) == "<svg>\n<path d=\"M0 0\"/>\n<text>b</text>\n</svg>\n")
    #expect(record.problem == nil)
  }

  @Test("A figure of 12 × 8 frames sharing axes stores them once and gives every frame back")
  func gridOfFrames() {
    // Each frame: the same header, grid and axes (about 1.2 KB), and its own line.
    let axes = (0..<20).map { "<text x=\"\($0 * 30)\" y=\"390\">\($0)</text>\n" }.joined()
    func frame(_ i: Int, _ j: Int) -> String {
      "<svg width=\"640\" height=\"400\">\n<path d=\"M60 20V340H600\"/>\n" + axes
        + "<g fill=\"#3d85c6\">\n<polyline points=\"0,0 \(i),\(j)\"/>\n</g>\n</svg>\n"
    }
    let documents = (0..<12).flatMap { i in (0..<8).map { j in frame(i, j) } }
    let record = InteractiveFigureRecord(
      parameters: [parameter("eta", 12, default: 3), parameter("beta", 8, default: 5)],
      frames: documents)
    // 2 + 20 + 2 pieces shared by all frames (svg, path, 20 labels, g, closing tags) and one
    // polyline per frame: 26 pieces in the first frame, 96 polylines in all.
    #expect(record.frames.count == 96)
    #expect(record.pieces.count == 2 + 20 + 1 + 96 + 2)
    for (index, document) in documents.enumerated() {
      #expect(record.frameSVG(index) == document)
    }
    #expect(record.wholeFrameBytes == documents.reduce(0) { $0 + $1.utf8.count })
    let shared = documents[0].utf8.count - "<polyline points=\"0,0 0,0\"/>\n".utf8.count
    #expect(record.storedPieceBytes < documents[0].utf8.count + 96 * 40)
    #expect(record.storedPieceBytes > shared)
    // Frame order: the first parameter varies slowest.
    #expect(record.frameIndex([0, 0]) == 0)
    #expect(record.frameIndex([1, 0]) == 8)
    #expect(record.frameIndex([2, 5]) == 21)
    #expect(record.defaultFrameIndex == 3 * 8 + 5)
    #expect(record.frameSVG(21).contains("points=\"0,0 2,5\""))
  }

  @Test("The frames file reads back as written, text with tabs, line breaks and backslashes too")
  func textRoundTrip() throws {
    let record = InteractiveFigureRecord(
      parameters: [
        .init(
          name: "a\tb", label: "step η\n(log)", valueLabels: ["1\\n", "2\t", ""], defaultIndex: 2),
        parameter("beta", 2, default: 1),
      ],
      frames: (0..<6).map { "<svg>\n<text>\\ \($0)\t\r</text>\n</svg>\n" })
    let text = record.text
    #expect(text.hasPrefix("interactive-figure v1\nparameter\ta\\tb\tstep η\\n(log)\t2\t1\\\\n\t"))
    #expect(text.split(separator: "\n").count == 1 + 2 + record.pieces.count + 6)
    let read = try #require(InteractiveFigureRecord(text: text))
    #expect(read == record)
    for index in 0..<6 { #expect(read.frameSVG(index) == record.frameSVG(index)) }
  }

  @Test("Inconsistent records are not read: wrong frame count, bad piece number, bad default")
  func inconsistentRecords() {
    let good = InteractiveFigureRecord(
      parameters: [parameter("eta", 2)], frames: ["<svg>a</svg>", "<svg>b</svg>"])
    #expect(InteractiveFigureRecord(text: good.text) != nil)
    var missingFrame = good
    missingFrame.frames.removeLast()
    #expect(missingFrame.problem == "1 frames for 2 combinations of values")
    #expect(InteractiveFigureRecord(text: missingFrame.text) == nil)
    var badPiece = good
    badPiece.frames[1] = [0, 99]
    #expect(badPiece.problem == "a frame refers to a piece that is not stored")
    #expect(InteractiveFigureRecord(text: badPiece.text) == nil)
    var badDefault = good
    badDefault.parameters[0].defaultIndex = 2
    #expect(badDefault.problem == "parameter eta: default index 2 is out of range")
    var three = good
    three.parameters = [parameter("a", 1), parameter("b", 1), parameter("c", 2)]
    #expect(three.problem == "an interactive figure has one or two parameters, not 3")
    #expect(InteractiveFigureRecord(text: "interactive-figure v2\n") == nil)
    #expect(InteractiveFigureRecord(text: good.text + "frame\tx\n") == nil)
    #expect(InteractiveFigureRecord(text: good.text.replacing("piece", with: "bit")) == nil)
    #expect(FiguresFolder.framesFileName(number: 7) == "fig-0007.frames")
  }
}
