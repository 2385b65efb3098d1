// An interactive figure as the lesson process hands it to the page: its parameters and every
// frame the run computed, with the parts that frames share stored once.

/// The frames of an interactive figure and the parameters that choose among them, as stored in
/// a results folder (`fig-NNNN.frames`), in the run cache and in the page.
///
/// Each frame is a complete SVG document. Frames are cut into pieces at element boundaries
/// (``svgPieces(_:)``): the root's and every `<g>`'s or nested `<svg>`'s opening and closing tag
/// is a piece, and so is every other element whole. Each distinct piece is stored once, and a
/// frame is the list of its pieces' numbers, so the axes, the grid, a contour plot's bands or a
/// legend that every frame draws the same way cost their bytes once:
///
///     let record = InteractiveFigureRecord(
///       parameters: [.init(name: "eta", label: "η", valueLabels: ["0.1", "0.2"], defaultIndex: 0)],
///       frames: ["<svg>\n<path d=\"M0 0\"/>\n<text>a</text>\n</svg>\n",
///                "<svg>\n<path d=\"M0 0\"/>\n<text>b</text>\n</svg>\n"])
///     record.pieces.count   // 5: "<svg>\n", the path, "a", "</svg>\n", "b"
///     record.frames         // [[0, 1, 2, 3], [0, 1, 4, 3]]
///     record.frameSVG(1)    // the second document, byte for byte
///
/// Frames are ordered with the first parameter varying slowest: the frame of value indices
/// (i₀, i₁) is `i₀ · n₁ + i₁`, where n₁ is the number of values of the second parameter
/// (``frameIndex(_:)``).
public struct InteractiveFigureRecord: Sendable, Equatable, Codable {
  /// One slider of the figure.
  public struct Parameter: Sendable, Equatable, Codable {
    /// A short identifier (table headers, `data-name` on the page).
    public var name: String
    /// The label shown beside the slider, plain text.
    public var label: String
    /// How each value is shown, in slider order.
    public var valueLabels: [String]
    /// The index of the value shown first (and in print, and without JavaScript).
    public var defaultIndex: Int

    /// Creates a parameter.
    ///
    /// - Parameters:
    ///   - name: A short identifier.
    ///   - label: The slider's label.
    ///   - valueLabels: Each value as shown, at least one.
    ///   - defaultIndex: The index of the default value in `valueLabels`.
    public init(name: String, label: String, valueLabels: [String], defaultIndex: Int) {
      self.name = name
      self.label = label
      self.valueLabels = valueLabels
      self.defaultIndex = defaultIndex
    }
  }

  /// The parameters, one slider each (one or two).
  public var parameters: [Parameter]
  /// The distinct pieces of SVG text the frames are made of, each stored once.
  public var pieces: [String]
  /// Each frame as the numbers of its pieces, in order (see ``frameIndex(_:)``).
  public var frames: [[Int]]

  /// A record from pieces and frames already split (reading a stored record).
  ///
  /// - Parameters:
  ///   - parameters: The parameters.
  ///   - pieces: The distinct pieces.
  ///   - frames: Each frame as piece numbers.
  public init(parameters: [Parameter], pieces: [String], frames: [[Int]]) {
    self.parameters = parameters
    self.pieces = pieces
    self.frames = frames
  }

  /// A record of whole frames: each is cut into pieces (``svgPieces(_:)``) and each distinct
  /// piece is stored once.
  ///
  /// - Parameters:
  ///   - parameters: The parameters; the product of their value counts must be `frames.count`.
  ///   - frames: Every frame's SVG document, first parameter varying slowest.
  /// - Complexity: O(total length of the frames), with hashing of each piece.
  public init(parameters: [Parameter], frames documents: [String]) {
    precondition(
      parameters.reduce(1) { $0 * $1.valueLabels.count } == documents.count,
      "InteractiveFigureRecord: \(documents.count) frames for parameters with "
        + parameters.map { String($0.valueLabels.count) }.joined(separator: " × ") + " values")
    // Keyed by bytes: String equality is canonical equivalence, and pieces must come back
    // byte for byte.
    var numbers: [ArraySlice<UInt8>: Int] = [:]
    var pieces: [String] = []
    var frames: [[Int]] = []
    frames.reserveCapacity(documents.count)
    for document in documents {
      let bytes = Array(document.utf8)
      frames.append(
        svgPieceRanges(bytes).map { range in
          let piece = bytes[range]
          if let number = numbers[piece] { return number }
          numbers[piece] = pieces.count
          pieces.append(String(decoding: piece, as: UTF8.self))
          return pieces.count - 1
        })
    }
    self.init(parameters: parameters, pieces: pieces, frames: frames)
  }

  /// The number of the frame shown for the value indices `indices` (one per parameter): the
  /// first parameter varies slowest.
  ///
  ///     // parameters with 12 and 8 values
  ///     record.frameIndex([0, 0])   // 0
  ///     record.frameIndex([1, 0])   // 8
  ///     record.frameIndex([2, 5])   // 21
  ///
  /// - Parameter indices: One value index per parameter, each in range.
  /// - Returns: The frame's number.
  public func frameIndex(_ indices: [Int]) -> Int {
    precondition(indices.count == parameters.count, "frameIndex: one index per parameter")
    var index = 0
    for (parameter, value) in zip(parameters, indices) {
      precondition(
        parameter.valueLabels.indices.contains(value),
        "frameIndex: \(value) is not a value index of \(parameter.name)")
      index = index * parameter.valueLabels.count + value
    }
    return index
  }

  /// The frame of every parameter's default value.
  public var defaultFrameIndex: Int { frameIndex(parameters.map(\.defaultIndex)) }

  /// Frame `index` as the SVG document it was made from.
  ///
  /// - Parameter index: A frame number, `0..<frames.count`.
  /// - Returns: The document: its pieces joined.
  public func frameSVG(_ index: Int) -> String { frames[index].map { pieces[$0] }.joined() }

  /// The bytes of UTF-8 text the pieces hold (each stored once).
  public var storedPieceBytes: Int { pieces.reduce(0) { $0 + $1.utf8.count } }

  /// The bytes of UTF-8 text all frames would take stored whole.
  public var wholeFrameBytes: Int {
    let sizes = pieces.map(\.utf8.count)
    return frames.reduce(0) { total, frame in total + frame.reduce(0) { $0 + sizes[$1] } }
  }

  /// Why this record cannot be shown, or `nil` when it is consistent: one or two parameters,
  /// each with values and a default among them, as many frames as value combinations, and
  /// every piece number in range.
  public var problem: String? {
    guard (1...2).contains(parameters.count) else {
      return "an interactive figure has one or two parameters, not \(parameters.count)"
    }
    for parameter in parameters {
      if parameter.valueLabels.isEmpty { return "parameter \(parameter.name) has no values" }
      if !parameter.valueLabels.indices.contains(parameter.defaultIndex) {
        return
          "parameter \(parameter.name): default index \(parameter.defaultIndex) is out of range"
      }
    }
    let expected = parameters.reduce(1) { $0 * $1.valueLabels.count }
    guard frames.count == expected else {
      return "\(frames.count) frames for \(expected) combinations of values"
    }
    for frame in frames where frame.contains(where: { !pieces.indices.contains($0) }) {
      return "a frame refers to a piece that is not stored"
    }
    return nil
  }
}

// MARK: - The file `fig-NNNN.frames`

extension InteractiveFigureRecord {
  /// The first line of the file.
  static let header = "interactive-figure v1"

  /// The record as the text of `fig-NNNN.frames`: a header line, then one line per
  /// parameter, piece and frame, fields separated by tabs and text escaped as in
  /// ``ProgressRecord`` (`\\`, `\t`, `\n`, `\r`):
  ///
  ///     interactive-figure v1
  ///     parameter<TAB>NAME<TAB>LABEL<TAB>DEFAULT<TAB>VALUE<TAB>VALUE…
  ///     piece<TAB>TEXT                       (in number order, from 0)
  ///     frame<TAB>N N N…                     (in frame order, from 0)
  public var text: String {
    var text = Self.header + "\n"
    for parameter in parameters {
      let fields =
        [parameter.name, parameter.label].map(escapingLineBreaks) + [String(parameter.defaultIndex)]
        + parameter.valueLabels.map(escapingLineBreaks)
      text += "parameter\t" + fields.joined(separator: "\t") + "\n"
    }
    for piece in pieces { text += "piece\t" + escapingLineBreaks(piece) + "\n" }
    for frame in frames {
      text += "frame\t" + frame.map(String.init).joined(separator: " ") + "\n"
    }
    return text
  }

  /// Reads the text of `fig-NNNN.frames`.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The record, or `nil` when the text is not one or the record is inconsistent
  ///   (``problem``).
  /// - Complexity: O(*n*) in the length of `text`.
  public init?(text: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard lines.first == Substring(Self.header) else { return nil }
    lines = lines.dropFirst()
    var parameters: [Parameter] = []
    var pieces: [String] = []
    var frames: [[Int]] = []
    for line in lines where !line.isEmpty {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      switch fields[0] {
      case "parameter":
        guard fields.count >= 5, let defaultIndex = Int(fields[3]) else { return nil }
        parameters.append(
          Parameter(
            name: unescapingLineBreaks(fields[1]), label: unescapingLineBreaks(fields[2]),
            valueLabels: fields[4...].map(unescapingLineBreaks), defaultIndex: defaultIndex))
      case "piece":
        guard fields.count == 2 else { return nil }
        pieces.append(unescapingLineBreaks(fields[1]))
      case "frame":
        guard fields.count == 2 else { return nil }
        var numbers: [Int] = []
        for field in fields[1].split(separator: " ") {
          guard let number = Int(field) else { return nil }
          numbers.append(number)
        }
        frames.append(numbers)
      default:
        return nil
      }
    }
    self.init(parameters: parameters, pieces: pieces, frames: frames)
    if problem != nil { return nil }
  }
}

// MARK: - Cutting SVG into pieces

/// Cuts an SVG document into pieces at element boundaries; the pieces joined are `document`
/// exactly.
///
/// The opening and closing tags of `<svg>` and `<g>` elements (the containers the `Figures`
/// module nests: a figure, a group of series, a figure of a row) are pieces of their own, and
/// their contents are cut the same way; any other element is one piece with everything inside
/// it; text, comments and declarations between elements are pieces too. Whitespace after a
/// piece belongs to it (the `Figures` module ends every element with a line break).
///
///     svgPieces("<svg>\n<g fill=\"red\">\n<path d=\"M0 0\"/>\n</g>\n<text>a<tspan>2</tspan></text>\n</svg>\n")
///     // ["<svg>\n", "<g fill=\"red\">\n", "<path d=\"M0 0\"/>\n", "</g>\n",
///     //  "<text>a<tspan>2</tspan></text>\n", "</svg>\n"]
///
/// Text that is not well-formed (a tag that never ends) makes its rest one piece.
///
/// - Parameter document: An SVG document.
/// - Returns: The pieces, in order.
/// - Complexity: O(*n*) in the length of `document`.
public func svgPieces(_ document: String) -> [String] {
  let bytes = Array(document.utf8)
  return svgPieceRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
}

/// The byte ranges of ``svgPieces(_:)`` in the UTF-8 bytes of a document; every range starts
/// and ends at an ASCII byte boundary, so each is valid UTF-8 on its own.
func svgPieceRanges(_ bytes: [UInt8]) -> [Range<Int>] {
  var pieces: [Range<Int>] = []
  var pieceStart = 0
  var leafDepth = 0  // > 0 inside an element that is one piece
  var position = 0

  func cut(at end: Int) {
    guard end > pieceStart else { return }
    pieces.append(pieceStart..<end)
    pieceStart = end
  }

  /// The end of the whitespace starting at `index`.
  func skippingWhitespace(from index: Int) -> Int {
    var index = index
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    return index
  }

  while position < bytes.count {
    guard bytes[position] == UInt8(ascii: "<") else {
      // Text up to the next tag.
      var end = position
      while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
      if leafDepth == 0, skippingWhitespace(from: position) < end { cut(at: end) }
      position = end
      continue
    }
    guard let tag = scanTag(bytes, from: position) else {
      position = bytes.count
      break
    }
    let end = skippingWhitespace(from: tag.end)
    switch tag.kind {
    case .other:
      if leafDepth == 0 { cut(at: end) }
    case .selfClosing:
      if leafDepth == 0 { cut(at: end) }
    case .start:
      if leafDepth > 0 {
        leafDepth += 1
      } else if tag.isContainer {
        cut(at: end)
      } else {
        leafDepth = 1
      }
    case .end:
      if leafDepth > 0 {
        leafDepth -= 1
        if leafDepth == 0 { cut(at: end) }
      } else {
        cut(at: end)
      }
    }
    position = leafDepth == 0 ? end : tag.end
  }
  cut(at: bytes.count)
  return pieces
}

/// What kind of markup a `<…>` is.
private enum TagKind {
  case start, end, selfClosing, other
}

/// Scans the markup starting with `<` at `start`: its kind, whether it opens or closes a
/// container (`svg`, `g`) and the index just past it; `nil` when it never ends.
private func scanTag(_ bytes: [UInt8], from start: Int) -> (
  kind: TagKind, isContainer: Bool, end: Int
)? {
  func find(_ terminator: [UInt8], from index: Int) -> Int? {
    var index = index
    while index + terminator.count <= bytes.count {
      if bytes[index..<index + terminator.count].elementsEqual(terminator) {
        return index + terminator.count
      }
      index += 1
    }
    return nil
  }
  func hasPrefix(_ text: String) -> Bool {
    let prefix = Array(text.utf8)
    return start + prefix.count <= bytes.count
      && bytes[start..<start + prefix.count].elementsEqual(prefix)
  }
  if hasPrefix("<!--") {
    return find(Array("-->".utf8), from: start + 4).map { (.other, false, $0) }
  }
  if hasPrefix("<![CDATA[") {
    return find(Array("]]>".utf8), from: start + 9).map { (.other, false, $0) }
  }
  if hasPrefix("<?") {
    return find(Array("?>".utf8), from: start + 2).map { (.other, false, $0) }
  }
  // A tag or a declaration: up to the `>` outside quotes.
  var index = start + 1
  var quote: UInt8?
  while index < bytes.count {
    let byte = bytes[index]
    if let open = quote {
      if byte == open { quote = nil }
    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
      quote = byte
    } else if byte == UInt8(ascii: ">") {
      break
    }
    index += 1
  }
  guard index < bytes.count else { return nil }
  let end = index + 1
  if hasPrefix("<!") { return (.other, false, end) }
  let closing = bytes[start + 1] == UInt8(ascii: "/")
  var nameEnd = start + (closing ? 2 : 1)
  let nameStart = nameEnd
  while nameEnd < index,
    ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(bytes[nameEnd])
  {
    nameEnd += 1
  }
  let name = bytes[nameStart..<nameEnd]
  let isContainer = name.elementsEqual("svg".utf8) || name.elementsEqual("g".utf8)
  if closing { return (.end, isContainer, end) }
  if bytes[index - 1] == UInt8(ascii: "/") { return (.selfClosing, isContainer, end) }
  return (.start, isContainer, end)
}
