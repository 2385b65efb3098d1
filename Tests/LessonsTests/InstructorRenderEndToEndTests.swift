// End-to-end test of `lessons render --instructor` on a fixture lesson (see EndToEndTests.swift
// for how the fixtures are compiled and run); which snippets each edition shows is tested in
// LessonKitTests/SiteEditionTests.swift.

import Foundation
import Testing

@Suite("lessons render --instructor end to end")
struct InstructorRenderEndToEndTests {
  @Test("--instructor writes the instructor edition to site-instructor, beside site")
  func instructorEditionHasItsOwnFolder() throws {
    let package = try FixturePackage()
    let instructor = try package.lessons(["render", "--instructor"], lessons: ["pass"])
    #expect(instructor.status == 0, "stdout:\n\(instructor.output)\nstderr:\n\(instructor.error)")
    let instructorSite = package.root.appending(path: "site-instructor")
    #expect(
      instructor.output.contains(
        "(instructor edition) to \(instructorSite.path)/index.html"))
    let page = try String(
      contentsOf: instructorSite.appending(path: "pass.html"), encoding: .utf8)
    #expect(page.contains("(instructor edition)</a></header>"))
    // No --instructor: the student edition goes to site/ and leaves the other folder alone.
    let student = try package.lessons(["render"], lessons: ["pass"])
    #expect(student.status == 0, "stdout:\n\(student.output)\nstderr:\n\(student.error)")
    let studentPage = try String(
      contentsOf: package.root.appending(path: "site/pass.html"), encoding: .utf8)
    #expect(!studentPage.contains("instructor edition"))
    #expect(
      FileManager.default.fileExists(atPath: instructorSite.appending(path: "pass.html").path))
  }
}
