// The `lessons` command line: thin; every decision lives in LessonKit.

import ArgumentParser

/// `lessons`: check, update and list the lessons of `Lessons/`.
@main
struct Lessons: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "Compile, run and check the Swift snippets of the Markdown lessons; render them.",
    discussion: """
      Every lesson in Lessons/ is a Markdown file whose ```swift blocks run, in order, in one \
      program built against the library. The ```output block after a snippet records what it \
      prints. Attributes after `swift`: hide (runs, not shown), norun (compiled, not run), \
      nocheck (runs, output not compared), solution (shown only in the instructor edition), \
      exact (compared character for character; otherwise numbers with a point or an \
      exponent match within one unit of their last printed digit), fails (must trap or throw; \
      its output block ends with the error, e.g. `threw: …` or `Fatal error: …`; it runs in a \
      process of its own, so later snippets do not see what it declares), placeholder (what \
      the student edition shows instead of a checked exercise's solution), check and check \
      hidden (code that tests an exercise's answer; hidden ones only in the instructor \
      edition), exercise=NAME (the exercise a snippet belongs to, outside its list item). \
      Snippets call throwing functions with `try`. A translation, Lessons/zh/NAME.md, repeats \
      the snippets and outputs of Lessons/NAME.md with translated prose; it is not compiled, \
      and `verify` checks that it stays in step.

      Examples:
        lessons verify                      check every lesson
        lessons verify Lessons/00-getting-started.md --timeout 10
        lessons verify --portability        every lesson under other BLAS kernels and builds
        lessons verify --prose              outputs, then the numbers of the lessons' text
        lessons check-prose                 the numbers of the text only, nothing run
        lessons update Lessons/00-getting-started.md
        lessons list
        lessons render                      the course as HTML in site/ (translations in site/zh/)
        lessons preview                     served on localhost, verified again on each edit
        lessons sync-translations           copy changed snippets into Lessons/zh/*.md
        lessons student-edition --output student   the lessons without solutions, and HTML
        lessons check my-work/03-batch-and-momentum.md   check your answers
        lessons grade submissions/ --output grades       grade a class, each copy sandboxed
      """,
    subcommands: [
      Verify.self, Update.self, List.self, Render.self, CheckProse.self, Preview.self,
      SyncTranslations.self, StudentEdition.self, Check.self, Grade.self,
    ],
    defaultSubcommand: Verify.self
  )
}
