// `lessons update`: run, then write actual outputs into the lessons.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Runs lessons and records their actual outputs in their `output` blocks.
  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run lessons and write each checked snippet's actual output into the file.",
      discussion: """
        Not available yet: it needs the output splicer of the lesson reader.

        Example:
          lessons update Lessons/00-getting-started.md
        """)

    @OptionGroup var selection: LessonSelection
    @OptionGroup var running: RunOptions

    func run() async throws {
      printError("lessons update: not available yet")
      throw ExitCode(2)
    }
  }
}
