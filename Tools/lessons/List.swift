// `lessons list`: each lesson with its title and snippet counts.

import ArgumentParser
import Foundation
import LessonKit

extension Lessons {
  /// Lists lessons with their titles and snippet counts.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List lessons with their title and snippet counts.",
      discussion: """
        One line per lesson: path, title, number of snippets, and how many are hide, norun \
        and nocheck. Nothing is built or run.

        Example:
          lessons list
        """)

    @OptionGroup var selection: LessonSelection

    func run() throws {
      for lesson in try selection.readLessons() {
        print(listingLine(for: lesson))
      }
    }
  }
}
