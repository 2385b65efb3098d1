// lesson-fixture-runner: the fixture lessons of Tests/LessonFixtures/Lessons compiled into one
// program, like lesson-runner, for the end-to-end tests of `lessons` (crash, hang, mismatch…).
//
//   lesson-runner LESSON --results DIR   run one lesson, writing its results into DIR
//   lesson-runner --list                 print the lessons it holds, one path a line
//   lesson-runner --environment          print the BLAS kernel, its thread count and a
//                                        fingerprint of its products' bits

import LessonRunnerSupport
import TensorCore

runLessonProgram(
  arguments: Array(CommandLine.arguments.dropFirst()), paths: generatedLessonPaths(),
  lesson: generatedLesson(atPath:),
  environment: {
    "blas-kernel: \(BLASBackend.kernelName)\nblas-threads: \(BLASBackend.threadCount)\n"
      + "blas-fingerprint: \(BLASBackend.fingerprint())\n"
  })
