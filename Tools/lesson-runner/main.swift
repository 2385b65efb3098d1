// lesson-runner: every lesson of Lessons/ compiled into one program (the code is generated at
// build time by the LessonCodegen plugin).
//
//   lesson-runner LESSON --results DIR   run one lesson, writing its results into DIR
//   lesson-runner --list                 print the lessons it holds, one path a line
//
// `lessons verify` starts it once per lesson, with a time limit.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--list"] {
  for path in generatedLessonPaths() { print(path) }
  exit(0)
}
guard arguments.count == 3, arguments[1] == "--results" else {
  fail("usage: lesson-runner LESSON --results DIR | lesson-runner --list")
}
guard let lesson = generatedLesson(atPath: arguments[0]) else {
  fail(
    "no lesson '\(arguments[0])' in this build; it holds: "
      + generatedLessonPaths().joined(separator: ", "))
}
let boundary = SnippetBoundary(resultsDirectory: arguments[2])
lesson(boundary)
boundary.finish()
exit(0)
