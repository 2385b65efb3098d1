// Grading a class: one folder per student holding copies of lessons; each copy is graded in
// isolation (its own scratch folder, sandbox and time limits), several at a time, and one
// student's copy never stops or changes another's result. A shard of the class (`k/n`) is
// chosen by a hash of each student's name, so shards stay the same as students are added.

import Foundation

/// A student's folder of submissions: the copies of lessons found in it.
public struct StudentSubmission: Sendable, Equatable {
  /// The student: the folder's name.
  public var name: String
  /// The folder.
  public var folder: URL
  /// The copy of each lesson found, by the lesson's file name.
  public var copies: [String: URL]
  /// Problems with the folder (two copies of one lesson), one message each.
  public var problems: [String]
}

/// The most a copy of a lesson may weigh: 1 MiB (a lesson is tens of KiB).
let submittedCopyByteLimit = 1 << 20

/// Finds the students' submissions: each folder of `folder` (hidden ones and symbolic links
/// aside) is a student, and each regular file in it (up to four folders deep) named like one
/// of `lessonNames` is their copy of that lesson (a copy of one lesson, or of the whole
/// `Lessons/` folder). Symbolic links are never followed.
///
/// - Parameters:
///   - folder: The submissions folder.
///   - lessonNames: The file names of the lessons graded (`03-batch-and-momentum.md`).
/// - Returns: The students, sorted by name.
/// - Throws: `FileError` when the folder cannot be listed.
public func findSubmissions(in folder: URL, lessonNames: Set<String>) throws
  -> [StudentSubmission]
{
  let manager = FileManager.default
  let names: [String]
  do {
    names = try manager.contentsOfDirectory(atPath: folder.path)
  } catch {
    throw FileError(path: folder.path, message: "cannot list the submissions folder")
  }
  var students: [StudentSubmission] = []
  for name in names.sorted() where !name.hasPrefix(".") {
    let studentFolder = folder.appending(path: name)
    guard isPlainDirectory(studentFolder.path) else { continue }
    var copies: [String: URL] = [:]
    var problems: [String] = []
    var pending: [(URL, Int)] = [(studentFolder, 0)]
    while let (current, depth) = pending.popLast() {
      for entry in ((try? manager.contentsOfDirectory(atPath: current.path)) ?? []).sorted()
      where !entry.hasPrefix(".") {
        let path = current.appending(path: entry)
        if isPlainDirectory(path.path) {
          if depth < 4 { pending.append((path, depth + 1)) }
        } else if lessonNames.contains(entry), isRegularFile(path.path) {
          if let earlier = copies[entry] {
            problems.append(
              "two copies of \(entry): \(relative(earlier, to: folder)) and "
                + "\(relative(path, to: folder)); the first was graded")
          } else {
            copies[entry] = path
          }
        }
      }
    }
    students.append(
      StudentSubmission(name: name, folder: studentFolder, copies: copies, problems: problems))
  }
  return students
}

/// The students of shard `index` of `count` (from 1): those whose name's FNV-1a hash modulo
/// `count` is `index − 1`. The assignment depends on the name only, so a student stays in
/// the same shard whoever else is in the class.
///
/// - Parameters:
///   - students: The whole class.
///   - index: The shard, from 1.
///   - count: The number of shards.
/// - Returns: The shard's students, in the order given.
public func shard(_ students: [StudentSubmission], index: Int, of count: Int)
  -> [StudentSubmission]
{
  precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count)")
  return students.filter { shardIndex(ofStudent: $0.name, count: count) == index }
}

/// The shard (from 1) of `count` a student's name falls in: FNV-1a of the name's UTF-8 bytes,
/// modulo `count`, plus one.
///
/// ```swift
/// shardIndex(ofStudent: "ada", count: 2)  // 2
/// ```
///
/// - Parameters:
///   - name: The student's name (their folder's name).
///   - count: The number of shards (at least 1).
/// - Returns: The shard, from 1 to `count`.
public func shardIndex(ofStudent name: String, count: Int) -> Int {
  var hasher = StableHasher()
  hasher.combine(name)
  return Int(hasher.value % UInt64(count)) + 1
}

/// A lesson to grade: the instructor's lesson, as loaded from the course.
public typealias GradedLesson = LoadedLesson

/// Grades every student's copies of `lessons`, `jobs` copies at a time, and returns the
/// report.
///
/// Each copy is read from its file (at most 1 MiB of UTF-8), matched to the lesson
/// (``readSubmission(source:path:instructor:)``) and graded in a scratch folder of its own
/// under `work` (removed afterwards unless `keepWork`), in the language its folder says
/// (``CourseLanguage/ofCopy(at:)``: a copy under `zh/` is graded in Chinese). A lesson a
/// student has no copy of is reported `not-attempted` for each of its exercises.
///
/// - Parameters:
///   - students: The students (``findSubmissions(in:lessonNames:)``, maybe a ``shard``).
///   - lessons: The lessons graded, in course order (each with checked exercises).
///   - grader: The grader (kit, sandbox, limits).
///   - work: Where the scratch folders go.
///   - submissionsFolder: The submissions folder (copies are named relative to it).
///   - jobs: How many copies are graded at the same time.
///   - shardName: `"k/n"` when grading a shard.
///   - keepWork: Whether to keep the scratch folders (to look into a problem).
///   - onStudent: Called with each student's rows when they are all known.
/// - Returns: The report.
public func gradeClass(
  _ students: [StudentSubmission], lessons: [GradedLesson], grader: AnswerGrader, work: URL,
  submissionsFolder: URL, jobs: Int, shardName: String? = nil, keepWork: Bool = false,
  onStudent: (@Sendable (String, [GradeRow]) -> Void)? = nil
) async -> GradeReport {
  struct Job: Sendable {
    var student: Int
    var lesson: Int
  }
  var jobsToRun: [Job] = []
  for student in students.indices {
    for lesson in lessons.indices { jobsToRun.append(Job(student: student, lesson: lesson)) }
  }
  var results: [[[GradeRow]]] = students.map { _ in lessons.map { _ in [] } }
  var remaining = students.map { _ in lessons.count }
  await withTaskGroup(of: (Job, [GradeRow]).self) { group in
    var next = 0
    func startNext() {
      guard next < jobsToRun.count else { return }
      let job = jobsToRun[next]
      next += 1
      let student = students[job.student]
      let lesson = lessons[job.lesson]
      group.addTask {
        let scratch = work.appending(
          path: scratchName(student.name) + "/" + safeName(forLessonAt: lessonFileName(lesson)))
        let rows = await gradeCopy(
          of: student, lesson: lesson, grader: grader, scratch: scratch,
          submissionsFolder: submissionsFolder)
        if !keepWork { try? FileManager.default.removeItem(at: scratch) }
        return (job, rows)
      }
    }
    for _ in 0..<max(1, jobs) { startNext() }
    while let (job, rows) = await group.next() {
      results[job.student][job.lesson] = rows
      remaining[job.student] -= 1
      if remaining[job.student] == 0 {
        var all = results[job.student].flatMap { $0 }
        all += students[job.student].problems.map {
          GradeRow(
            student: students[job.student].name, lesson: "-", exercise: "-", result: .invalid,
            message: $0)
        }
        onStudent?(students[job.student].name, all)
      }
      startNext()
    }
  }
  var rows: [GradeRow] = []
  for (index, student) in students.enumerated() {
    rows += results[index].flatMap { $0 }
    rows += student.problems.map {
      GradeRow(student: student.name, lesson: "-", exercise: "-", result: .invalid, message: $0)
    }
  }
  return GradeReport(
    shard: shardName, lessons: lessons.map(lessonFileName), students: students.map(\.name),
    rows: rows)
}

/// Grades one student's copy of one lesson (or reports that there is none).
private func gradeCopy(
  of student: StudentSubmission, lesson: GradedLesson, grader: AnswerGrader, scratch: URL,
  submissionsFolder: URL
) async -> [GradeRow] {
  let name = lessonFileName(lesson)
  func rows(_ result: ExerciseResult, _ message: String) -> [GradeRow] {
    lesson.lesson.exercises.map {
      GradeRow(
        student: student.name, lesson: name, exercise: $0.name, result: result, message: message)
    }
  }
  guard let file = student.copies[name] else {
    return rows(.notAttempted, "no copy of \(name) in the submission")
  }
  let path = relative(file, to: submissionsFolder)
  let source: String
  do {
    source = try readSubmittedCopy(file)
  } catch {
    return rows(.invalid, "\(path): \(error.message)")
  }
  let copy = readSubmission(source: source, path: path, instructor: lesson.lesson)
  try? FileManager.default.removeItem(at: scratch)
  do {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  } catch {
    return rows(.error, "cannot create the scratch folder \(scratch.path): \(error)")
  }
  // A copy in a translation's folder (`zh/NAME.md`) runs in that language, as `check` runs it.
  let outcomes = await grader.grade(
    lesson.lesson, copy: copy, scratch: scratch,
    language: CourseLanguage.ofCopy(at: file) ?? .english)
  return outcomes.map {
    GradeRow(
      student: student.name, lesson: name, exercise: $0.exercise, result: $0.result,
      message: $0.message, notes: $0.notes)
  }
}

/// Reads a submitted copy: a regular file of at most ``submittedCopyByteLimit`` bytes of UTF-8.
func readSubmittedCopy(_ file: URL) throws(FileError) -> String {
  let size = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
  guard size <= submittedCopyByteLimit else {
    throw FileError(
      path: file.path,
      message: "the copy is \(size) bytes, more than a lesson can be (\(submittedCopyByteLimit))")
  }
  return try readTextFile(atPath: file.path)
}

/// A lesson's file name (`Lessons/03-x.md` → `03-x.md`).
func lessonFileName(_ lesson: GradedLesson) -> String {
  lesson.lesson.path.split(separator: "/").last.map(String.init) ?? lesson.lesson.path
}

/// A folder name for a student's scratch: letters, digits, `-` and `.` kept, and a hash of
/// the name so that two names that read the same do not share a folder.
private func scratchName(_ student: String) -> String {
  var hasher = StableHasher()
  hasher.combine(student)
  let safe = String(
    student.prefix(40).map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })
  return safe + "-" + hasher.hexDigest.prefix(8)
}

/// `url`'s path relative to `folder` when it lies inside it.
private func relative(_ url: URL, to folder: URL) -> String {
  let root = folder.standardizedFileURL.path
  let path = url.standardizedFileURL.path
  return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
}

/// Whether `path` is a folder and not a symbolic link.
private func isPlainDirectory(_ path: String) -> Bool {
  guard
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type]
      as? FileAttributeType
  else { return false }
  return type == .typeDirectory
}

/// Whether `path` is a regular file and not a symbolic link.
private func isRegularFile(_ path: String) -> Bool {
  guard
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type]
      as? FileAttributeType
  else { return false }
  return type == .typeRegular
}
