import AIFCore
import Foundation
import GoldenTesting
import Testing
import TerminalUI
@testable import Screens

/// The sandbox drawn at fixed points of a deterministic run, in both languages and both themes.
@Suite struct SandboxGoldenTests {
    static let themes: [(String, Theme)] = [("unicode", .standard), ("ascii", .ascii)]

    @Test(arguments: [Language.en, .ja])
    func midRun(language: Language) {
        for (themeName, theme) in Self.themes {
            var h = SandboxHarness(epochsPerTick: 5, language: language)
            for _ in 0..<8 { h.send(.tick(Date())) }
            expectGolden(h.render(theme: theme), "sandbox-running-\(language.rawValue)-\(themeName)")
        }
    }

    @Test(arguments: [Language.en, .ja])
    func finishedUnstableRun(language: Language) {
        for (themeName, theme) in Self.themes {
            var h = SandboxHarness(presetID: "lr-too-high", epochsPerTick: 50, language: language)
            h.tickUntilIdle()
            expectGolden(h.render(theme: theme), "sandbox-unstable-\(language.rawValue)-\(themeName)")
        }
    }

    @Test(arguments: [Language.en, .ja])
    func presetPicker(language: Language) {
        var h = SandboxHarness(language: language)
        h.send(.char(" "), .char("p"), .key(.down))
        expectGolden(h.render(), "sandbox-presets-\(language.rawValue)")
    }

    @Test func smallestAndLargeTerminals() {
        for (size, name) in [(Size(width: 60, height: 18), "60x18"), (Size(width: 120, height: 36), "120x36")] {
            var h = SandboxHarness(presetID: "full-batch", epochsPerTick: 5, size: size)
            h.tickUntilIdle()
            expectGolden(h.render(), "sandbox-full-batch-\(name)")
        }
    }
}
