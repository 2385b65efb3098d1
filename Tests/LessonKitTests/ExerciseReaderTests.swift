// Reading checked exercises: the attributes placeholder, check, hidden and exercise=NAME, how
// snippets group into exercises, and the mistakes reported at their line. Every line number
// below was counted by hand in the fixture above it.

import Testing

@testable import LessonKit

/// The error parsing `source` as `Lessons/x.md` throws, or `nil`.
private func parseError(_ source: String) -> LessonError? {
  do {
    _ = try Lesson(parsing: source, path: "Lessons/x.md")
    return nil
  } catch {
    return error
  }
}

@Suite("Checked exercises in the lesson format")
struct ExerciseReaderTests {
  static let twoExercises = """
    # Exercises

    ```swift
    let a = [1.0, 2.0]
    ```

    1. Sum.

       ```swift placeholder
       let total = 0.0
       ```

       ```swift solution
       let total = a.reduce(0, +)
       print(total)
       ```

       ```output
       3.0
       ```

       ```swift check
       checkClose(total, 3, tolerance: 0, "the sum")
       ```

    2. Free text: why?

       ```swift solution
       // Because.
       ```

    3. Count.

       ```swift check hidden
       checkEqual(count, 2, "the count")
       ```

       ```swift solution
       let count = a.count
       ```

       ```swift placeholder
       let count = 0
       ```

       ```swift check
       check(count >= 0, "a count")
       ```
    """

  @Test("Snippets of one list item make one exercise, named by the item's number")
  func groupsByListItem() throws {
    let lesson = try Lesson(parsing: Self.twoExercises, path: "Lessons/x.md")
    // Snippets: 0 set-up, 1 placeholder, 2 solution, 3 check, 4 free-text solution,
    // 5 hidden check, 6 solution, 7 placeholder, 8 check.
    #expect(lesson.snippets.count == 9)
    #expect(
      lesson.exercises == [
        Exercise(index: 0, name: "1", solution: 2, placeholder: 1, checks: [3]),
        Exercise(index: 1, name: "3", solution: 6, placeholder: 7, checks: [5, 8]),
      ])
    #expect(lesson.snippets[5].attributes == [.check, .hidden])
    #expect(lesson.exercise(containing: 4) == nil)
    #expect(lesson.exercise(containing: 8)?.index == 1)
    #expect(lesson.exercises[1].snippets == [5, 6, 7, 8])
    // Placeholders and checks are never compared; the solution is.
    #expect(!lesson.snippets[1].isChecked && !lesson.snippets[3].isChecked)
    #expect(lesson.snippets[2].isChecked)
  }

  @Test("exercise=NAME groups snippets outside a list item and names the exercise")
  func groupsByLabel() throws {
    let source = """
      ```swift placeholder exercise=mean
      let mean = 0.0
      ```

      ```swift solution exercise=mean
      let mean = 2.0
      ```

      ```swift check exercise=mean
      checkClose(mean, 2, tolerance: 0, "the mean")
      ```
      """
    let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
    #expect(
      lesson.exercises == [
        Exercise(index: 0, name: "mean", solution: 1, placeholder: 0, checks: [2])
      ])
    #expect(lesson.snippets.map(\.exerciseLabel) == ["mean", "mean", "mean"])
  }

  @Test("A bullet list's exercises are named by their position among checked exercises")
  func bulletListNames() throws {
    let source = """
      - First.

        ```swift solution
        let x = 1
        ```

        ```swift placeholder
        let x = 0
        ```

        ```swift check
        check(x == 1, "x")
        ```
      """
    let lesson = try Lesson(parsing: source, path: "Lessons/x.md")
    #expect(lesson.exercises.map(\.name) == ["1"])
  }

  @Test(
    "Mistakes are reported at their line, with the fix",
    arguments: [
      // A check in no list item and with no label (line 1).
      ("```swift check\ncheck(true, \"x\")\n```\n", 1, "belongs to no exercise"),
      // Checks but no placeholder: reported at the solution (line 3).
      (
        "1. A.\n\n   ```swift solution\n   let x = 1\n   ```\n\n   ```swift check\n   check(x == 1, \"x\")\n   ```\n",
        3, "no 'placeholder'"
      ),
      // A placeholder but no check: reported at the placeholder (line 7).
      (
        "1. A.\n\n   ```swift solution\n   let x = 1\n   ```\n\n   ```swift placeholder\n   let x = 0\n   ```\n",
        7, "no 'check' snippet"
      ),
      // A checked exercise with two solutions: reported at the second (line 7).
      (
        "1. A.\n\n   ```swift solution\n   let x = 1\n   ```\n\n   ```swift solution\n   let y = 1\n   ```\n\n   ```swift placeholder\n   let x = 0\n   ```\n\n   ```swift check\n   check(x == 1, \"x\")\n   ```\n",
        7, "this is its second"
      ),
      // Checks without a solution (line 3, the first snippet of the item).
      (
        "1. A.\n\n   ```swift placeholder\n   let x = 0\n   ```\n\n   ```swift check\n   check(x == 1, \"x\")\n   ```\n",
        3, "no 'solution' snippet"
      ),
      // A norun solution cannot prove anything (line 3).
      (
        "1. A.\n\n   ```swift solution norun\n   let x = 1\n   ```\n\n   ```swift placeholder\n   let x = 0\n   ```\n\n   ```swift check\n   check(x == 1, \"x\")\n   ```\n",
        3, "drop 'norun'"
      ),
      // A solution expected to fail cannot pass its checks (line 3).
      (
        "1. A.\n\n   ```swift solution fails\n   let x = 1\n   ```\n\n   ```swift placeholder\n   let x = 0\n   ```\n\n   ```swift check\n   check(x == 1, \"x\")\n   ```\n",
        3, "drop 'fails'"
      ),
      ("```swift hidden\nlet x = 1\n```\n", 1, "'hidden' goes with 'check' only"),
      ("```swift placeholder nocheck\nlet x = 1\n```\n", 1, "drop 'nocheck'"),
      ("```swift check exact\nlet x = 1\n```\n", 1, "drop 'exact'"),
      ("```swift exercise=2\nlet x = 1\n```\n", 1, "this snippet is none of them"),
      ("```swift check exercise=\nlet x = 1\n```\n", 1, "needs the exercise's name"),
      ("```swift check exercise=1 exercise=2\nlet x = 1\n```\n", 1, "names two"),
      // An output block after a check (line 5).
      (
        "```swift check exercise=a\nprint(1)\n```\n\n```output\n1\n```\n", 5,
        "takes no 'output' block"
      ),
    ])
  func mistakes(source: String, line: Int, message: String) throws {
    let error = try #require(parseError(source))
    #expect(error.line == line)
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test("A student's copy reads without solutions: its exercises are not grouped")
  func studentCopy() throws {
    let copy = """
      1. Sum.

         ```swift placeholder
         let total = 1.0
         ```

         ```swift check
         checkClose(total, 3, tolerance: 0, "the sum")
         ```
      """
    #expect(parseError(copy) != nil)
    let lesson = try Lesson(parsingStudentCopy: copy, path: "alice/x.md")
    #expect(lesson.exercises.isEmpty)
    #expect(lesson.snippets.map(\.attributes) == [[.placeholder], [.check]])
  }

  @Test("The exercises are part of the run cache key")
  func cacheKey() throws {
    let grouped = try Lesson(parsing: Self.twoExercises, path: "Lessons/x.md")
    var regrouped = grouped
    regrouped.exercises[1].checks = [8]
    #expect(
      RunCache.contentHash(of: grouped, libraryHash: "l")
        != RunCache.contentHash(of: regrouped, libraryHash: "l"))
  }
}
