// End to end, proven frames: an interactive figure's frames come back with its lesson's run, a
// frame computed differently fails `verify` through the summary the snippet prints, and
// `render` shows only frames of the run it checked (never a stale cached set). Fixtures:
// Tests/LessonFixtures/Lessons/interactive.md and interactive-changed.md (the same playground
// with one curvature changed, and interactive.md's recorded outputs).

import Foundation
import LessonKit
import Testing

/// The parameters, pieces and frames (as piece lists) of the first interactive figure of a
/// rendered page, from its `<script type="application/json" class="figure-frames">`.
private func pageFrames(_ html: String) throws -> (pieces: [String], frames: [String]) {
  let open = "<script type=\"application/json\" class=\"figure-frames\">"
  let start = try #require(html.range(of: open))
  let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
  let object = try #require(
    try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8))
      as? [String: Any])
  let pieces = try #require(object["pieces"] as? [String])
  let runs = try #require(object["frames"] as? [String])
  let frames = runs.map { frame in
    frame.split(separator: " ").flatMap { run -> [Int] in
      let ends = run.split(separator: "-").map { Int($0)! }
      return Array(ends[0]...ends[ends.count - 1])
    }.map { pieces[$0] }.joined()
  }
  return (pieces, frames)
}

@Suite("Interactive figures end to end")
struct InteractiveEndToEndTests {
  @Test("The run of a lesson brings back every frame of its interactive figure, and passes")
  func framesComeBackWithTheRun() async throws {
    let package = try FixturePackage()
    let verify = try package.lessons(["verify"], lessons: ["interactive"])
    #expect(verify.status == 0, "stdout:\n\(verify.output)\nstderr:\n\(verify.error)")
    #expect(verify.output.hasSuffix("1 passed, 0 failed\n"))

    let lesson = try Lesson(parsing: package.text("interactive"), path: package.path("interactive"))
    let options = LessonRunOptions(
      packageDirectory: package.root,
      runnerExecutable: builtRunner().deletingLastPathComponent().appending(
        path: "lesson-fixture-runner"))
    let run = try #require(try await LessonRunner.run(lessons: [lesson], options: options).first)
    let figure = try #require(run.snippets.first?.figures.first)
    let record = try #require(figure.interactive)
    #expect(figure.caption == "Heavy ball on a quadratic with condition number 10.")
    // 4 step sizes × 3 momenta, the default (η = 0.1, β = 0.5) is frame 1·3 + 1.
    #expect(record.parameters.map(\.name) == ["eta", "beta"])
    #expect(record.parameters.map(\.label) == ["step size η", "momentum β"])
    #expect(record.parameters[0].valueLabels == ["0.05", "0.1", "0.15", "0.2"])
    #expect(record.parameters[1].valueLabels == ["0", "0.5", "0.9"])
    #expect(record.frames.count == 12 && record.defaultFrameIndex == 4)
    #expect(figure.svg == record.frameSVG(4))
    // Each frame a contour plot of its own trajectory over shared contours: the pieces are
    // far fewer than twelve frames' worth.
    #expect(Set(record.frames.indices.map(record.frameSVG)).count == 12)
    #expect(record.storedPieceBytes * 4 < record.wholeFrameBytes)
  }

  @Test("A frame computed differently fails verify, at the summary the snippet prints")
  func changedFramesFailVerify() throws {
    let package = try FixturePackage()
    let result = try package.lessons(["verify"], lessons: ["interactive-changed"])
    #expect(result.status == 1, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    #expect(result.output.hasSuffix("0 passed, 1 failed\n"))
    // Curvature 12 instead of 10: at η = 0.2 the steep direction now diverges (ηλ = 2.4 > 2
    // without momentum: rate |1 − 2.4| = 1.4), and the measured rates move.
    #expect(
      result.output.contains(
        package.path("interactive-changed") + ":31: error: output of snippet 1 differs"))
    #expect(result.output.contains("-         0.2       1.000       0.707       0.949\n"))
    #expect(result.output.contains("+         0.2       1.400       0.707       0.949\n"))
  }

  @Test("render shows the frames of the verified run, and never a stale cached frame set")
  func renderUsesOnlyTheVerifiedRun() throws {
    let package = try FixturePackage()
    #expect(try package.lessons(["verify"], lessons: ["interactive"]).status == 0)
    let cacheFile = package.root.appending(
      path: ".build/lessons/cache/Tests_LessonFixtures_Lessons_interactive.md.json")
    // A cache file holds the run and what it was computed from (RunCache's entry).
    let cached = try JSONDecoder().decode(CacheEntry.self, from: Data(contentsOf: cacheFile)).run
    let record = try #require(cached.snippets.first?.figures.first?.interactive)

    // The page shows exactly the cached (verified) run's frames; the lesson did not run again.
    let site = package.root.appending(path: "site")
    let first = try package.lessons(["render", "--output", site.path], lessons: ["interactive"])
    #expect(first.status == 0, "stdout:\n\(first.output)\nstderr:\n\(first.error)")
    #expect(
      !first.output.contains(package.path("interactive") + ": 2 snippets, "),
      "the cached run was not used")
    let page = try String(contentsOf: site.appending(path: "interactive.html"), encoding: .utf8)
    let shown = try pageFrames(page)
    #expect(shown.pieces == record.pieces)
    #expect(shown.frames == record.frames.indices.map(record.frameSVG))
    #expect(page.contains("<script defer src=\"assets/interactive.js\"></script>"))

    // A cached run whose key is not today's is stale: its frames are never shown. The lesson
    // runs again and the page shows the new run's frames.
    var stale = cached
    stale.contentHash = "0000000000000000"
    stale.snippets[0].figures[0].interactive?.pieces[0] = "<svg data-stale=\"STALE-FRAME\">"
    try JSONEncoder().encode(CacheEntry(run: stale)).write(to: cacheFile)
    let second = try package.lessons(["render", "--output", site.path], lessons: ["interactive"])
    #expect(second.status == 0, "stdout:\n\(second.output)\nstderr:\n\(second.error)")
    #expect(second.output.contains(package.path("interactive") + ": 2 snippets, "))
    let again = try String(contentsOf: site.appending(path: "interactive.html"), encoding: .utf8)
    #expect(!again.contains("STALE-FRAME"))
    #expect(try pageFrames(again).frames == record.frames.indices.map(record.frameSVG))
  }
}

/// The part of a `.build/lessons/cache` file these tests read and write: the run (its
/// provenance, which says why a stale run is stale, is left out).
private struct CacheEntry: Codable {
  var run: LessonRun
}
