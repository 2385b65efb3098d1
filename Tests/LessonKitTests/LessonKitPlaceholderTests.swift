import Testing

@testable import LessonKit
