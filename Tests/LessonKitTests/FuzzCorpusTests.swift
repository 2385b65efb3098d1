import Foundation
import Testing

@testable import LessonKit

// The fuzzer's corpus and every input it found a problem with, replayed through the same
// properties (FuzzProperties.swift) on every `swift test`, without libFuzzer.

/// `Tools/fuzz/FOLDER` of the package (three levels above this file).
private func fuzzFolder(_ folder: String) -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Tools/fuzz/\(folder)")
}

/// The names of the files in `Tools/fuzz/FOLDER`, sorted.
private func fuzzInputs(_ folder: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: fuzzFolder(folder).path)) ?? [])
    .filter { !$0.hasPrefix(".") }.sorted()
}

@Test("the fuzz corpus holds seeds, and each keeps every property", arguments: fuzzInputs("corpus"))
func fuzzCorpus(name: String) throws {
  let bytes = Array(try Data(contentsOf: fuzzFolder("corpus").appending(path: name)))
  #expect(fuzzPropertyFailures(bytes) == [])
}

@Test(
  "every input the fuzzer found a problem with keeps every property now",
  arguments: fuzzInputs("regressions"))
func fuzzRegressions(name: String) throws {
  let bytes = Array(try Data(contentsOf: fuzzFolder("regressions").appending(path: name)))
  #expect(fuzzPropertyFailures(bytes) == [])
}

@Test("the corpus and the regressions are there (a test with no arguments would pass silently)")
func fuzzFoldersAreThere() {
  #expect(fuzzInputs("corpus").count >= 10)
  #expect(!fuzzInputs("regressions").isEmpty)
}

@Test("the fuzz input format: Markdown, NUL, outputs; without a NUL, lines of the lesson")
func fuzzInputFormat() {
  // Without a NUL, snippet i prints lines i and i + 1 of the lesson; a lesson whose first
  // line is a heading splices it and reads it back: no failure.
  #expect(fuzzPropertyFailures(Array("# T\n\n```swift\nprint(1)\n```\n".utf8)) == [])
  // Bytes that are not UTF-8 as the lesson: only the decoder's properties apply.
  #expect(fuzzPropertyFailures([0xFF, 0xFE]) == [])
  // The input format: Markdown, NUL, the outputs of snippets 0 and 1.
  let input = FuzzInput(Array("# T\n\u{0}a\r\nb\u{0}\u{FF}".utf8) + [0xFF])
  #expect(input.markdown == "# T\n")
  #expect(input.outputs == ["a\r\nb", "\u{FF}\\xFF"])
}
