// swift-tools-version: 6.0
// Descent: a literate Swift library that teaches how neural networks are trained.
// The module map and who may import whom are described in DESIGN.md (shared/).

import PackageDescription

// The numeric modules are compiled optimized (-O) even in a debug build: lessons run about ten
// times faster, and only the generated lesson code stays unoptimized (quick to compile).
// SwiftPM passes a target's flags after its own -Onone, and the last -O flag wins; -enable-
// testing still comes with the debug build, so the tests' `@testable import` works.
// `-assert-config Debug` keeps what a debug build checks and says: `precondition` messages
// (an -O build traps without them) and `assert`. Outputs are the same bit for bit
// (`descent-bench lessons` compares every output of the course).
let optimizedInDebug: [SwiftSetting] = [
  .unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug))
]

let package = Package(
  name: "Descent",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "lessons", targets: ["lessons"]),
    .executable(name: "lesson-runner", targets: ["lesson-runner"]),
    .executable(name: "descent-bench", targets: ["descent-bench"]),
    .library(name: "TensorCore", targets: ["TensorCore"]),
    .library(name: "Optimizers", targets: ["Optimizers"]),
    .library(name: "Normalization", targets: ["Normalization"]),
    .library(name: "Hessian", targets: ["Hessian"]),
    .library(name: "Training", targets: ["Training"]),
    .library(name: "Figures", targets: ["Figures"]),
    .library(name: "LessonSupport", targets: ["LessonSupport"]),
    .library(name: "LessonKit", targets: ["LessonKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    // `swift package generate-documentation` (Tools/run lessons builds the API reference).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    // The HTTP server of `lessons preview`: small, no SwiftNIO (see README, "Previewing").
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // MARK: System libraries (Debian packages; see README and .ci/run)
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
    ),
    .systemLibrary(
      name: "CLAPACKE",
      pkgConfig: "lapacke",
      providers: [.apt(["liblapacke-dev"]), .brew(["lapack"])]
    ),

    // MARK: Numeric side
    .target(
      name: "TensorCore",
      dependencies: [
        .product(name: "RealModule", package: "swift-numerics"),
        .target(name: "CBLAS", condition: .when(platforms: [.linux])),
        .target(name: "CLAPACKE", condition: .when(platforms: [.linux])),
      ],
      resources: [.copy("Resources")],
      swiftSettings: optimizedInDebug
    ),
    .target(name: "Optimizers", dependencies: ["TensorCore"], swiftSettings: optimizedInDebug),
    .target(
      name: "Normalization", dependencies: ["TensorCore"], swiftSettings: optimizedInDebug),
    .target(name: "Hessian", dependencies: ["TensorCore"], swiftSettings: optimizedInDebug),
    .target(
      name: "Training", dependencies: ["TensorCore", "Optimizers"], swiftSettings: optimizedInDebug
    ),
    .target(name: "Figures", swiftSettings: optimizedInDebug),
    .target(
      name: "LessonSupport", dependencies: ["Figures", "LessonResultsFormat"],
      swiftSettings: optimizedInDebug),

    // MARK: Lesson side
    // The results folder a lesson process leaves for `lessons` (progress.tsv, snippet-I.out,
    // figures/): defined once, imported by the writers (LessonSupport, LessonRunnerSupport) and
    // the reader (LessonKit); it imports nothing.
    .target(name: "LessonResultsFormat"),
    .target(
      name: "LessonKit", dependencies: ["CCmark", "LessonResultsFormat"],
      resources: [.copy("Resources")]),
    .executableTarget(
      name: "lessons",
      dependencies: [
        "LessonKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "FlyingFox", package: "FlyingFox"),
      ],
      path: "Tools/lessons"
    ),
    // Turns each lesson of Lessons/*.md into a Swift file of its own, and writes the
    // dispatcher, at build time (run by the LessonCodegen plugin, one command per file).
    .executableTarget(
      name: "lesson-codegen", dependencies: ["LessonKit"], path: "Tools/lesson-codegen"),
    .plugin(
      name: "LessonCodegen",
      capability: .buildTool(),
      dependencies: ["lesson-codegen"],
      path: "Plugins/LessonCodegen"
    ),
    // What a lessons program is made of besides the generated lessons: snippet boundaries
    // (per-snippet output files, progress), its guards and its command line. Swift 5 mode: it
    // redirects the C `stdout` of a single-threaded program.
    .target(
      name: "LessonRunnerSupport",
      dependencies: ["LessonSupport", "LessonResultsFormat", "CLessonGuard"],
      swiftSettings: [.swiftLanguageMode(.v5)]),
    // The lessons program's signal handlers and file-size limit, in C because they run in
    // signal handlers (async-signal-safe calls only); it imports nothing.
    .target(name: "CLessonGuard"),
    // Every lesson compiled into one program; `lesson-runner LESSON --results DIR` runs one.
    .executableTarget(
      name: "lesson-runner",
      dependencies: [
        "TensorCore", "Optimizers", "Normalization", "Hessian", "Training", "Figures",
        "LessonSupport", "LessonRunnerSupport",
      ],
      path: "Tools/lesson-runner",
      // Swift 5 mode: snippets are teaching code, not checked for data races.
      swiftSettings: [.swiftLanguageMode(.v5)],
      plugins: [.plugin(name: "LessonCodegen")]
    ),

    // MARK: Benchmarks (print figures and ratios; never timed tests)
    .executableTarget(
      name: "descent-bench",
      dependencies: [
        "TensorCore", "Optimizers", "Normalization", "Hessian", "Training", "LessonKit",
        "Figures", "LessonResultsFormat",
      ],
      path: "Tools/bench",
      exclude: ["reference"]
    ),

    // MARK: Tests
    // What the numeric tests share: comparisons on swift-numerics' isApproximatelyEqual, and
    // the check of an exit test's message.
    .target(
      name: "TestSupport",
      dependencies: [.product(name: "RealModule", package: "swift-numerics")],
      path: "Tests/TestSupport"),
    .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore", "TestSupport"]),
    .testTarget(
      name: "OptimizersTests",
      dependencies: ["Optimizers", "TensorCore", "Training", "TestSupport"]
    ),
    .testTarget(
      name: "NormalizationTests",
      dependencies: ["Normalization", "TensorCore", "Optimizers", "Training", "TestSupport"]),
    .testTarget(name: "HessianTests", dependencies: ["Hessian", "TensorCore", "TestSupport"]),
    .testTarget(
      name: "TrainingTests", dependencies: ["Training", "TensorCore", "Optimizers", "TestSupport"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures", "TestSupport"]),
    .testTarget(
      name: "LessonSupportTests", dependencies: ["LessonSupport", "Figures", "LessonResultsFormat"]),
    .testTarget(name: "LessonResultsFormatTests", dependencies: ["LessonResultsFormat"]),
    .testTarget(
      name: "LessonKitTests", dependencies: ["LessonKit", "LessonResultsFormat"],
      // Fixtures/DocCArchive: DocC render JSON the API reference tests read from disk.
      exclude: ["Fixtures"]),
    // The fixture lessons of the end-to-end tests (Tests/LessonFixtures/Lessons/*.md) compiled
    // into one program, as lesson-runner does for Lessons/.
    .executableTarget(
      name: "lesson-fixture-runner",
      dependencies: [
        "TensorCore", "Optimizers", "Normalization", "Hessian", "Training", "Figures",
        "LessonSupport", "LessonRunnerSupport",
      ],
      path: "Tests/LessonFixtures",
      exclude: ["Lessons", "Submissions"],
      swiftSettings: [.swiftLanguageMode(.v5)],
      plugins: [.plugin(name: "LessonCodegen")]
    ),
    // Every lesson of Lessons/ as a test, and end-to-end tests of `lessons` on the fixtures.
    .testTarget(
      name: "LessonsTests",
      dependencies: ["LessonKit", "lesson-runner", "lesson-fixture-runner", "lessons"]),
  ]
)
