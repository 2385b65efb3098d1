// SwiftPM gives LessonKit `Bundle.module` for its resources; the fuzz build compiles LessonKit
// without SwiftPM, and the fuzzer never writes a site, so any bundle will do.

import Foundation

extension Bundle {
  /// Stands in for the bundle SwiftPM generates.
  static let module = Bundle.main
}
