// The results folder: what one lesson process leaves behind for the `lessons` tool. This module
// is its only definition. The lesson process writes it (LessonRunnerSupport's snippet
// boundaries, LessonSupport's `show`), LessonKit creates the folder and reads it back; all three
// import this module, which imports nothing, so the format cannot drift between the writer and
// the reader (nor drag a numeric module into LessonKit).
//
//     RESULTS/
//       progress.tsv       one ProgressRecord a line, appended as the lesson runs
//       snippet-I.out      everything snippet I wrote to standard output
//       snippet-I.err      what snippet I, marked `fails`, wrote to standard error
//       stderr.txt         the process's standard error (written by the parent, LessonKit)
//       figures/           the show(_:) channel (FiguresFolder): fig-NNNN.svg, index.tsv,
//                          fig-NNNN.frames for an interactive figure (InteractiveFigureRecord)
//
// Files are UTF-8 text with `\n` line endings.

/// The names of the files in a lesson process's results folder (`lesson-runner LESSON
/// --results DIR`).
///
///     ResultsFolder.snippetOutputFileName(snippetIndex: 2)  // "snippet-2.out"
public enum ResultsFolder {
  /// The progress log, one ``ProgressRecord`` a line: `progress.tsv`.
  public static let progressFileName = "progress.tsv"

  /// The file the parent process sends the lesson's standard error to: `stderr.txt`.
  public static let standardErrorFileName = "stderr.txt"

  /// The folder the parent creates for `show(_:)` and names in ``FiguresFolder/environmentVariable``:
  /// `figures`.
  public static let figuresFolderName = "figures"

  /// The file that holds what a snippet printed: `snippet-INDEX.out`.
  ///
  /// - Parameter snippetIndex: The snippet's index within its lesson, from 0.
  /// - Returns: The file name, e.g. `snippet-0.out`.
  public static func snippetOutputFileName(snippetIndex: Int) -> String {
    "snippet-\(snippetIndex).out"
  }

  /// The file that holds what a snippet marked `fails` wrote to standard error (the process
  /// that runs it sends it there): `snippet-INDEX.err`.
  ///
  /// - Parameter snippetIndex: The snippet's index within its lesson, from 0.
  /// - Returns: The file name, e.g. `snippet-3.err`.
  public static func snippetErrorFileName(snippetIndex: Int) -> String {
    "snippet-\(snippetIndex).err"
  }
}

/// The folder `show(_:)` writes figures into, named by an environment variable so that a
/// snippet never needs to know where its lesson's results go.
///
/// Each figure is `fig-NNNN.svg` (NNNN counts from 0001 within the process) and adds one line
/// to `index.tsv` (a ``FigureIndexEntry``); an interactive figure also writes its frames to
/// `fig-NNNN.frames`. Without the variable, figures are not written.
public enum FiguresFolder {
  /// The environment variable that names the folder: `DESCENT_FIGURES_DIR`.
  public static let environmentVariable = "DESCENT_FIGURES_DIR"

  /// The index of the figures shown, one ``FigureIndexEntry`` a line: `index.tsv`.
  public static let indexFileName = "index.tsv"

  /// The file of figure `number`: `fig-` and the number padded to four digits, `.svg`.
  ///
  ///     FiguresFolder.figureFileName(number: 7)  // "fig-0007.svg"
  ///
  /// - Parameter number: The figure's number in its process, from 1.
  /// - Returns: The file name.
  public static func figureFileName(number: Int) -> String {
    "fig-" + paddedFigureNumber(number) + ".svg"
  }

  /// The frames of figure `number` when it is interactive: `fig-NNNN.frames`, the text of an
  /// ``InteractiveFigureRecord`` (`fig-NNNN.svg` holds its default frame, so that a reader that
  /// knows nothing of frames still shows the figure).
  ///
  ///     FiguresFolder.framesFileName(number: 7)  // "fig-0007.frames"
  ///
  /// - Parameter number: The figure's number in its process, from 1.
  /// - Returns: The file name.
  public static func framesFileName(number: Int) -> String {
    "fig-" + paddedFigureNumber(number) + ".frames"
  }
}

/// `number` with leading zeros to four digits (`7` → `0007`; `12345` stays as it is).
func paddedFigureNumber(_ number: Int) -> String {
  let digits = String(number)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
