// The lines of `progress.tsv`: the lesson process appends one before and after each snippet,
// so that a crash or a hang mid-lesson still tells which snippet was running.

/// One line of a results folder's `progress.tsv`; fields are separated by tabs.
///
///     begin<TAB>I                snippet I starts (its output goes to snippet-I.out)
///     end<TAB>I<TAB>F<TAB>NS     snippet I ran to its end; F figures were shown so far;
///                                it took NS nanoseconds (the field is optional)
///     threw<TAB>I<TAB>TEXT       an error thrown out of snippet I stopped the lesson
///     signal<TAB>I<TAB>N         signal N stopped the lesson in snippet I, written by the
///                                signal handler before the runtime's backtrace;
///     signal<TAB>I<TAB>N<TAB>stack-overflow   … a fault in the guard region below the stack
///     overflow<TAB>I<TAB>WHAT    snippet I made a file reach the size limit and the lesson
///                                was stopped; WHAT is output, error or file
///     backtrace<TAB>I            a backtrace of snippet I, asked for by the lessons tool
///                                (a time-out), is in stderr.txt; the lesson went on
///     nofailure<TAB>I            snippet I is marked `fails` but ran to its end
///     finished                   the lesson ran to its end
///
/// TEXT is the error's description with `\`, tab, line feed and carriage return written as
/// `\\`, `\t`, `\n` and `\r`, so that it stays on one line. In `signal`, `overflow` and
/// `backtrace` records (written by the C signal handlers of CLessonGuard) I is empty when no
/// snippet was running.
///
///     ProgressRecord.end(snippet: 1, figuresShown: 2).line  // "end\t1\t2\n"
///     ProgressRecord.end(snippet: 1, figuresShown: 2, nanoseconds: 1500).line
///     // "end\t1\t2\t1500\n"
///     ProgressRecord(line: "begin\t0")                       // .begin(snippet: 0)
public enum ProgressRecord: Sendable, Equatable {
  /// Snippet `snippet` starts.
  case begin(snippet: Int)
  /// Snippet `snippet` ran to its end, and the process had shown `figuresShown` figures;
  /// the snippet took `nanoseconds` of wall-clock time, when measured.
  case end(snippet: Int, figuresShown: Int, nanoseconds: Int? = nil)
  /// An error thrown out of snippet `snippet` stopped the lesson; `description` is the
  /// error's description.
  case threw(snippet: Int, description: String)
  /// Signal `signal` stopped the lesson while snippet `snippet` ran (`nil`: between
  /// snippets); `stackOverflow` when it was a fault in the guard region below the stack.
  case signal(snippet: Int?, signal: Int32, stackOverflow: Bool)
  /// Snippet `snippet` made a file reach the size limit (`--max-output`) and the lesson was
  /// stopped.
  case overflow(snippet: Int?, file: OverflowFile)
  /// A backtrace of snippet `snippet`, asked for by the lessons tool with SIGILL (a lesson
  /// past its time limit), was printed to standard error; the lesson went on.
  case backtrace(snippet: Int?)
  /// Snippet `snippet`, marked `fails`, ran to its end without failing; the lesson stopped.
  case didNotFail(snippet: Int)
  /// The lesson ran to its end.
  case finished

  /// The record as one line of `progress.tsv`, with its final `\n`.
  public var line: String {
    switch self {
    case .begin(let snippet): "begin\t\(snippet)\n"
    case .end(let snippet, let figuresShown, let nanoseconds):
      "end\t\(snippet)\t\(figuresShown)" + (nanoseconds.map { "\t\($0)" } ?? "") + "\n"
    case .threw(let snippet, let description):
      "threw\t\(snippet)\t\(escapingLineBreaks(description))\n"
    case .signal(let snippet, let signal, let stackOverflow):
      "signal\t\(snippet.map(String.init) ?? "")\t\(signal)"
        + (stackOverflow ? "\t\(Self.stackOverflowMark)\n" : "\n")
    case .overflow(let snippet, let file):
      "overflow\t\(snippet.map(String.init) ?? "")\t\(file.rawValue)\n"
    case .backtrace(let snippet): "backtrace\t\(snippet.map(String.init) ?? "")\n"
    case .didNotFail(let snippet): "nofailure\t\(snippet)\n"
    case .finished: "finished\n"
    }
  }

  /// The last field of a `signal` record for a stack overflow: `stack-overflow`.
  public static let stackOverflowMark = "stack-overflow"

  /// Reads one line of `progress.tsv` (without its line ending).
  ///
  /// - Parameter line: The line.
  /// - Returns: The record, or `nil` when the line is not one (for example the partial last
  ///   line of a process that was killed while writing it).
  public init?(line: Substring) {
    let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
    switch fields.first {
    case "begin":
      guard fields.count == 2, let snippet = Int(fields[1]) else { return nil }
      self = .begin(snippet: snippet)
    case "end":
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3 || fields.count == 4, let snippet = Int(fields[1]),
        let count = Int(fields[2])
      else { return nil }
      var nanoseconds: Int?
      if fields.count == 4 {
        guard let value = Int(fields[3]), value >= 0 else { return nil }
        nanoseconds = value
      }
      self = .end(snippet: snippet, figuresShown: count, nanoseconds: nanoseconds)
    case "threw":
      guard fields.count == 3, let snippet = Int(fields[1]) else { return nil }
      self = .threw(snippet: snippet, description: unescapingLineBreaks(fields[2]))
    case "signal":
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3 || (fields.count == 4 && fields[3] == Self.stackOverflowMark),
        let snippet = optionalIndex(fields[1]), let signal = Int32(fields[2])
      else { return nil }
      self = .signal(snippet: snippet, signal: signal, stackOverflow: fields.count == 4)
    case "overflow":
      guard fields.count == 3, let snippet = optionalIndex(fields[1]),
        let file = OverflowFile(rawValue: String(fields[2]))
      else { return nil }
      self = .overflow(snippet: snippet, file: file)
    case "backtrace":
      guard fields.count == 2, let snippet = optionalIndex(fields[1]) else { return nil }
      self = .backtrace(snippet: snippet)
    case "nofailure":
      guard fields.count == 2, let snippet = Int(fields[1]) else { return nil }
      self = .didNotFail(snippet: snippet)
    case "finished":
      guard fields.count == 1 else { return nil }
      self = .finished
    default:
      return nil
    }
  }

  /// Reads every record of a `progress.tsv`, skipping lines that are not records.
  ///
  /// - Parameter text: The file's text.
  /// - Returns: The records, in order.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func records(in text: String) -> [ProgressRecord] {
    text.split(separator: "\n").compactMap { ProgressRecord(line: $0) }
  }
}

/// Which file of a lesson process reached the size limit (an `overflow` record).
public enum OverflowFile: String, Sendable, Equatable, CaseIterable {
  /// Standard output: what the running snippet printed.
  case output
  /// Standard error.
  case error
  /// Another file, such as a figure `show(_:)` wrote.
  case file
}

/// A snippet index field of a `signal` or `overflow` record: a number, or empty for none
/// (`.some(nil)`); `nil` when it is neither.
private func optionalIndex(_ field: Substring) -> Int?? {
  if field.isEmpty { return .some(nil) }
  guard let index = Int(field) else { return nil }
  return .some(index)
}

/// `text` with `\`, tab, line feed and carriage return written as two-character escapes.
func escapingLineBreaks(_ text: String) -> String {
  text.unicodeScalars.map { lineBreakEscapes[$0] ?? String($0) }.joined()
}

/// The escapes of ``escapingLineBreaks(_:)``, by the scalar they stand for.
private let lineBreakEscapes: [Unicode.Scalar: String] = [
  "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r",
]

/// The inverse of ``escapingLineBreaks(_:)``; an unknown escape is kept as it is.
func unescapingLineBreaks(_ text: Substring) -> String {
  var result = ""
  var escaped = false
  for character in text.unicodeScalars {
    if escaped {
      switch character {
      case "t": result += "\t"
      case "n": result += "\n"
      case "r": result += "\r"
      case "\\": result += "\\"
      default:
        result += "\\"
        result.unicodeScalars.append(character)
      }
      escaped = false
    } else if character == "\\" {
      escaped = true
    } else {
      result.unicodeScalars.append(character)
    }
  }
  if escaped { result += "\\" }
  return result
}
