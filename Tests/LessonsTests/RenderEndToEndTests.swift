// End-to-end tests of `lessons render` and `lessons verify --render` on the fixture lessons
// (see EndToEndTests.swift for how the fixtures are compiled and run).

import Foundation
import Testing

@Suite("lessons render end to end")
struct RenderEndToEndTests {
  @Test("render: every lesson gets a page; a failing lesson shows its failure and exits 1")
  func renderWithFailures() throws {
    let package = try FixturePackage()
    let site = package.root.appending(path: "out/site")
    let result = try package.lessons(
      ["render", "--timeout", "5", "--output", site.path], lessons: ["pass", "fatal", "mismatch"])
    #expect(result.status == 1, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    #expect(result.output.contains("rendered 3 lesson page(s) to \(site.path)/index.html"))
    #expect(result.error.contains(package.path("fatal") + ": rendered with its failure shown"))
    func page(_ name: String) throws -> String {
      try String(contentsOf: site.appending(path: name), encoding: .utf8)
    }
    #expect(try page("index.html").contains("pass.html"))
    // The passing lesson shows its outputs and no warning box.
    let pass = try page("pass.html")
    #expect(!pass.contains("class=\"failure\"") && !pass.contains("class=\"mismatch\""))
    // fatal.md stops in its first snippet with the message of its fatalError.
    let fatal = try page("fatal.html")
    #expect(fatal.contains("class=\"failure\""))
    #expect(fatal.contains("x is too large: 3"))
    // mismatch.md records 41 where the snippet prints 42: the diff is under the snippet.
    let mismatch = try page("mismatch.html")
    #expect(mismatch.contains("class=\"mismatch\""))
    #expect(mismatch.contains("-41\n") && mismatch.contains("+42\n"))
  }

  @Test("verify --render: passing lessons are checked and rendered in one pass, exit 0")
  func verifyAndRender() throws {
    let package = try FixturePackage()
    let site = package.root.appending(path: "course")
    let result = try package.lessons(
      ["verify", "--render", "--output", site.path], lessons: ["pass"])
    #expect(result.status == 0, "stdout:\n\(result.output)\nstderr:\n\(result.error)")
    #expect(result.output.contains("1 passed, 0 failed\n"))
    #expect(FileManager.default.fileExists(atPath: site.appending(path: "pass.html").path))
    #expect(FileManager.default.fileExists(atPath: site.appending(path: "assets").path))
  }
}
