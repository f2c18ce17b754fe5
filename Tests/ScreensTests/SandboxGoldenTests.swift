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

    /// The default run to its end (the README shows this screen).
    @Test func defaultRunFinished() {
        var h = SandboxHarness(epochsPerTick: 50)
        h.tickUntilIdle()
        expectGolden(h.render(), "sandbox-default-en")
    }

    @Test(arguments: [Language.en, .ja])
    func finishedUnstableRun(language: Language) {
        for (themeName, theme) in Self.themes {
            var h = SandboxHarness(presetID: "lr-too-high", epochsPerTick: 50, language: language)
            h.send(.tick(Date()))
            if themeName == "unicode" { expectGolden(h.render(theme: theme), "sandbox-preset-card-\(language.rawValue)") }
            h.send(.key(.enter))
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

    /// The diagnosis panel with the ground truth beside the curves, and the `c` explanation.
    @Test(arguments: [Language.en, .ja])
    func overfittingDiagnosisAndItsExplanation(language: Language) {
        var h = SandboxHarness(epochsPerTick: 50, language: language)
        h.send(.key(.down), .key(.down))
        #expect(h.sandbox.selected == .epochs)
        for _ in 0..<6 { h.send(.char("+")) }  // 80 → 500
        #expect(h.sandbox.config.epochs == 500)
        h.tickUntilIdle()
        expectGolden(h.render(), "sandbox-overfitting-\(language.rawValue)")
        h.send(.char("c"))
        expectGolden(h.render(), "sandbox-explanation-\(language.rawValue)")
    }

    /// Early stopping: the x axis spans the epochs run, with the stop and the best epoch marked.
    @Test func earlyStoppingScalesTheAxisToTheEpochsRun() {
        var h = SandboxHarness(epochsPerTick: 50, size: Size(width: 120, height: 40))
        while h.sandbox.selected != .epochs { h.send(.key(.down)) }
        for _ in 0..<9 { h.send(.char("+")) }  // 80 → 1000
        while h.sandbox.selected != .earlyStopping { h.send(.key(.down)) }
        h.send(.char("+"))
        #expect(h.sandbox.config.epochs == 1000 && h.sandbox.config.earlyStopping)
        h.tickUntilIdle()
        let stop = h.sandbox.run.stoppedEpoch
        #expect(stop != nil)
        // The axis ends at the stop, not at the 1000 planned epochs.
        let axis = h.render().text.split(separator: "\n").map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .first { $0.contains("epoch") && $0.contains(" 0 ") }
        #expect(axis?.hasSuffix(" \(stop ?? 0)") == true, "\(axis ?? "")")
        expectGolden(h.render(), "sandbox-early-stopping-120x40")
    }

    /// A leftover batch named in the batch lines.
    @Test(arguments: [Language.en, .ja])
    func leftoverBatch(language: Language) {
        var h = SandboxHarness(epochsPerTick: 50, language: language)
        h.send(.key(.down), .char("-"))
        #expect(h.sandbox.config.batch == 15)
        h.tickUntilIdle()
        expectGolden(h.render(), "sandbox-leftover-\(language.rawValue)")
    }

    @Test func smallestAndLargeTerminals() {
        for (size, name) in [(Size(width: 60, height: 18), "60x18"), (Size(width: 120, height: 36), "120x36"),
                             (Size(width: 120, height: 40), "120x40")] {
            var h = SandboxHarness(presetID: "full-batch", epochsPerTick: 5, size: size)
            h.send(.key(.enter))   // closes the preset's card where the notes cannot hold it
            h.tickUntilIdle()
            expectGolden(h.render(), "sandbox-full-batch-\(name)")
        }
    }
}
