// lesson-fixture-runner: the fixture lessons of Tests/LessonFixtures/Lessons compiled into one
// program, like lesson-runner, for the end-to-end tests of `lessons` (crash, hang, mismatch…).
//
//   lesson-runner LESSON --results DIR   run one lesson, writing its results into DIR
//   lesson-runner --list                 print the lessons it holds, one path a line

import LessonRunnerSupport

runLessonProgram(
  arguments: Array(CommandLine.arguments.dropFirst()), paths: generatedLessonPaths(),
  lesson: generatedLesson(atPath:))
