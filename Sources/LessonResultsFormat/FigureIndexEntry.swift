// The lines of `figures/index.tsv`: one per figure a snippet showed.

/// One line of `figures/index.tsv`: a figure's number and its caption.
///
///     NNNN<TAB>CAPTION
///
/// NNNN is the figure's number padded to four digits (its file is
/// ``FiguresFolder/figureFileName(number:)``); the caption is plain text on one line (tabs and
/// line breaks in the caption given to `show` become spaces).
///
///     FigureIndexEntry(number: 3, caption: "loss\tcurve").line  // "0003\tloss curve\n"
public struct FigureIndexEntry: Sendable, Equatable {
  /// The figure's number in its process, from 1.
  public var number: Int
  /// The caption, on one line.
  public var caption: String

  /// Creates an entry; tabs and line breaks in `caption` become spaces.
  ///
  /// - Parameters:
  ///   - number: The figure's number, from 1.
  ///   - caption: Plain text.
  public init(number: Int, caption: String) {
    self.number = number
    self.caption = String(caption.map { $0 == "\t" || $0.isNewline ? " " : $0 })
  }

  /// The entry as one line of `index.tsv`, with its final `\n`.
  public var line: String { paddedFigureNumber(number) + "\t" + caption + "\n" }

  /// Reads one line of `index.tsv` (without its line ending); a line with no tab is a figure
  /// with no caption.
  ///
  /// - Parameter line: The line.
  /// - Returns: The entry, or `nil` when the line does not start with a number.
  public init?(line: Substring) {
    let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
    guard let number = Int(parts[0]) else { return nil }
    self.init(number: number, caption: parts.count > 1 ? String(parts[1]) : "")
  }

  /// Reads every entry of an `index.tsv`, skipping lines that are not entries.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The entries, in order.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func entries(in text: String) -> [FigureIndexEntry] {
    text.split(separator: "\n").compactMap { FigureIndexEntry(line: $0) }
  }
}
