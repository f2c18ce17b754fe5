// swift-tools-version: 6.1
// Layers, from the inside out:
//   core (no terminal):   AIFCore, SpacedRepetition, TrainingSandbox, ProgressStore, SeededRandom, StudyStats, AnkiExport
//   plain output:         PlainOutput (line-mode quiz and review, text loss chart)
//   UI (no terminal I/O): TerminalUI (buffer, layout, widgets, charts, runtime), Screens
//   backend:              CNcursesw, CTerminalGuard, NcursesBackend
//   executable:           aifprep (arguments and wiring only), EmbeddedContent (Content/ built in)
import Foundation
import PackageDescription

// ncurses with wide characters, header and library always from the same install:
// - Linux: Debian's libncurses-dev, `<ncursesw/curses.h>` and -lncursesw.
// - macOS with Homebrew's ncurses (keg-only, in /opt/homebrew or /usr/local): its pkg-config file gives the
//   include path (so `<ncursesw/curses.h>` is found) and -L… -lncursesw.
// - macOS without it: the SDK's ncurses, `<curses.h>` and -lncurses (wide-character capable).
// `Sources/CNcursesw/shim.h` includes `<ncursesw/curses.h>` when it can be found, else `<curses.h>` on Darwin.
// CI builds and tests Linux only.
#if os(macOS)
let homebrewNcurses = ["/opt/homebrew/opt/ncurses", "/usr/local/opt/ncurses"]
    .contains { FileManager.default.fileExists(atPath: $0 + "/lib/pkgconfig/ncursesw.pc") }
let ncurses: Target = homebrewNcurses
    ? .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.brew(["ncurses"])])
    : .systemLibrary(name: "CNcursesw")
let ncursesLink: [LinkerSetting] = homebrewNcurses ? [] : [.linkedLibrary("ncurses")]
#else
let ncurses: Target = .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])])
let ncursesLink: [LinkerSetting] = [.linkedLibrary("ncursesw")]
#endif

let package = Package(
    name: "aifprep",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "aifprep", targets: ["aifprep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // MARK: core
        .target(name: "SeededRandom", linkerSettings: [.linkedLibrary("m")]),
        // What may reach a terminal from content and user files (shared by every output mode and lint).
        .target(name: "TextSafety"),
        .target(name: "SpacedRepetition", dependencies: ["SeededRandom"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "TrainingSandbox", dependencies: ["SeededRandom"], linkerSettings: [.linkedLibrary("m")]),
        .target(
            name: "AIFCore",
            dependencies: ["SeededRandom", "SpacedRepetition", "TextSafety", .product(name: "Yams", package: "Yams")]
        ),

        .target(
            name: "ProgressStore",
            dependencies: ["AIFCore", "SpacedRepetition", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // Figures from the progress store: stats, readiness.
        .target(name: "StudyStats", dependencies: ["AIFCore", "SpacedRepetition"], linkerSettings: [.linkedLibrary("m")]),
        // Anki packages (.apkg): an SQLite collection in a zip.
        .target(
            name: "AnkiExport",
            dependencies: ["AIFCore", "SpacedRepetition", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Line-mode output (no terminal UI): the plain quiz, its review, the text loss chart.
        .target(name: "PlainOutput", dependencies: ["AIFCore", "TrainingSandbox", "TextSafety"]),

        // MARK: UI
        .target(name: "TerminalUI", dependencies: ["TextSafety"]),
        .target(name: "Screens", dependencies: ["TerminalUI", "AIFCore", "SeededRandom", "SpacedRepetition", "TrainingSandbox", "StudyStats"]),

        // MARK: backend
        ncurses,
        .target(name: "CTerminalGuard"),
        .target(
            name: "NcursesBackend", dependencies: ["TerminalUI", "CNcursesw", "CTerminalGuard"],
            linkerSettings: ncursesLink),

        // MARK: executable
        // Content/ as string literals in the binary (a build-tool plugin), unpacked to a cache folder when the
        // binary runs without Content/ beside it. SwiftPM resources would be a folder beside the binary.
        .executableTarget(name: "EmbedContentTool"),
        .plugin(name: "EmbedContent", capability: .buildTool(), dependencies: ["EmbedContentTool"]),
        .target(name: "EmbeddedContent", plugins: ["EmbedContent"]),
        .executableTarget(
            name: "aifprep",
            dependencies: [
                "AIFCore", "SeededRandom", "SpacedRepetition", "TrainingSandbox", "ProgressStore", "PlainOutput",
                "TerminalUI", "Screens", "NcursesBackend", "TextSafety", "EmbeddedContent", "StudyStats", "AnkiExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(name: "Benchmarks", dependencies: ["CTerminalGuard", "TrainingSandbox", "SpacedRepetition", "AIFCore", "TerminalUI", "Screens"]),

        // MARK: tests
        .testTarget(name: "SpacedRepetitionTests", dependencies: ["SpacedRepetition", "SeededRandom"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrainingSandboxTests", dependencies: ["TrainingSandbox", "SeededRandom", "PlainOutput"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AIFCoreTests", dependencies: ["AIFCore", "SeededRandom", "TrainingSandbox", "PlainOutput"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StudyStatsTests", dependencies: ["StudyStats", "AIFCore", "SpacedRepetition", "SeededRandom"]),
        .testTarget(name: "AnkiExportTests", dependencies: ["AnkiExport", "AIFCore"], exclude: ["Fixtures"]),
        .testTarget(name: "ProgressStoreTests", dependencies: ["ProgressStore", "AIFCore", "SpacedRepetition"]),
        .testTarget(
            name: "ScreensTests",
            dependencies: ["Screens", "TerminalUI", "AIFCore", "TrainingSandbox", "SpacedRepetition", "GoldenTesting", "StudyStats"],
            exclude: ["Goldens"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "GoldenTesting"], exclude: ["Goldens"]),
        // Text goldens of rendered buffers, shared by the UI test targets.
        .target(name: "GoldenTesting", dependencies: ["TerminalUI"], path: "Tests/GoldenTesting"),
        .testTarget(name: "EndToEndTests", dependencies: []),
        .testTarget(name: "EmbeddedContentTests", dependencies: ["EmbeddedContent"]),
    ],
    swiftLanguageModes: [.v6]
)
