// lesson-runner: every lesson of Lessons/ compiled into one program (the code is generated at
// build time by the LessonCodegen plugin). `lessons verify` starts it once per lesson:
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
