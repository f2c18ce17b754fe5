import Foundation
import GoldenTesting
import Testing
import TerminalUI
import TrainingSandbox
@testable import Screens

/// The sandbox's learning-rate finder (`f`), phase map (`m`) and pinned-run comparison (`g`).
@Suite struct SandboxAnalysisTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func finderRunsInTheBackgroundAndSetsTheSlider() throws {
        var h = SandboxHarness()
        h.send(.char("f"))
        let finder = try #require(h.sandbox.analysis.finder)
        #expect(h.sandbox.analysis.overlay == .finder && !h.sandbox.analysis.finderRunning)
        // The same sweep as the core's on this config (seed 1): 88 minibatches, suggestion 3.3e-4.
        #expect(finder == LRFinder.sweep(TrainingConfig()))
        #expect(h.sandbox.analysis.suggestedRate == 0.00033)
        let text = h.render().text
        #expect(text.contains("Suggested lr 0.00033"))
        #expect(text.contains("suggested"))   // the marker's label on the plot
        h.send(.key(.enter))
        #expect(h.sandbox.config.lr == 0.00033)
        #expect(h.sandbox.selected == .learningRate)
        #expect(h.sandbox.analysis.overlay == .none && h.sandbox.run.epochsDone == 0)
    }

    /// A sandbox with 8 hidden units: its maps cost an eighth of the default's in a debug build.
    static func smallNetwork() -> SandboxHarness {
        var h = SandboxHarness()
        for _ in 0..<7 { h.send(.key(.down)) }
        #expect(h.sandbox.selected == .hidden)
        for _ in 0..<3 { h.send(.char("-")) }
        #expect(h.sandbox.config.layers == [8])
        return h
    }

    /// The map's job reports every cell as progress. Delivered a few at a time, with keys in between:
    /// the keys act at once (the cursor moves, the map closes and reopens) while cells are still missing.
    /// Then Enter trains the cell under the cursor live, and the run ends as the map said it would.
    @Test func phaseMapFillsInWhileKeysStillWork() throws {
        var h = Self.smallNetwork()
        let command = h.model.update(.char("m"), at: Self.now)
        let job = try #require(command.flattened.compactMap { c -> Job? in if case .run(let j) = c { j } else { nil } }.first)
        #expect(h.sandbox.analysis.overlay == .phaseMap && h.sandbox.analysis.mapRunning)
        #expect(h.sandbox.analysis.cursor == (4, 3))   // lr 0.01, 80 epochs: the current setting
        #expect(h.render().text.contains("running 0/88"))
        let messages = InlineJobs.messages(of: job)
        #expect(messages.count == 88 + 1 && messages.last!.isFinal)

        for m in messages.prefix(30) { h.send(.message(m)) }
        h.send(.key(.down), .key(.right), .key(.right))
        #expect(h.sandbox.analysis.cursor == (5, 5))
        #expect(h.sandbox.analysis.map?.completedCount == 30 && h.sandbox.analysis.mapRunning)
        #expect(h.render().text.contains("running 30/88"))
        h.send(.key(.escape))
        #expect(h.sandbox.analysis.overlay == .none)
        for m in messages.dropFirst(30).prefix(40) { h.send(.message(m)) }
        h.send(.char("m"))   // reopens the map still being made: no second job, cells kept
        #expect(h.sandbox.analysis.overlay == .phaseMap && h.sandbox.analysis.map?.completedCount == 70)
        for m in messages.dropFirst(70) { h.send(.message(m)) }
        let map = try #require(h.sandbox.analysis.map)
        #expect(map.isComplete && !h.sandbox.analysis.mapRunning)
        #expect(map.cells[10][0]?.state == .unstable && map.cells[0][0]?.state == .underfitting)

        h.send(.key(.up))   // lr 0.01, 300 epochs
        for (name, theme) in Self.themes {
            expectGolden(h.render(theme: theme), "sandbox-phase-map-en-\(name)")
        }
        let cell = try #require(map.cells[4][5])
        h.send(.key(.enter))
        #expect(h.sandbox.config.lr == 0.01 && h.sandbox.config.epochs == 300 && h.sandbox.config.layers == [8])
        #expect(h.sandbox.analysis.overlay == .none)
        h.tickUntilIdle()
        #expect(h.sandbox.run.diagnosis?.state == cell.state)
        #expect(h.sandbox.run.finalRecord?.validationLoss == cell.validationLoss)

        // b switches the axis: a new job for the batch-size map.
        _ = h.model.update(.char("m"), at: Self.now)
        let switched = h.model.update(.char("b"), at: Self.now)
        #expect(switched.flattened.contains { if case .run(let j) = $0 { j.slot.key == "phase-map" } else { false } })
        #expect(h.sandbox.analysis.map?.axis == .batch && h.sandbox.analysis.map?.values == [1, 2, 3, 4, 6, 8, 12, 16])
    }

    @Test func pinnedRunIsComparedWithTheLiveOne() throws {
        var h = SandboxHarness(epochsPerTick: 50)
        h.tickUntilIdle()
        h.send(.char("g"))
        #expect(h.sandbox.analysis.pinned?.isFinished == true)
        h.send(.char("+"))   // lr 0.01 → 0.03
        h.tickUntilIdle()
        let text = h.render().text
        #expect(text.contains("vs pinned: lr 0.01 → 0.03"))
        #expect(text.contains("Good fit →"))
        #expect(SandboxComparison.changedSettings(from: h.sandbox.analysis.pinned!.config, to: h.sandbox.config) == ["lr 0.01 → 0.03"])
        h.send(.char("g"))
        #expect(h.sandbox.analysis.pinned == nil && !h.render().text.contains("vs pinned"))
    }

    @Test func helpListsTheNewKeys() {
        let h = SandboxHarness()
        let keys = h.sandbox.keyHelp(h.context).map(\.keys)
        #expect(keys.contains("f") && keys.contains("m") && keys.contains("g"))
    }

    // MARK: goldens

    static let themes: [(String, Theme)] = [("unicode", .standard), ("mono", Theme(unicode: true, color: false)), ("ascii", .ascii)]

    @Test func finderGolden() {
        for (name, theme) in Self.themes where name != "mono" {
            var h = SandboxHarness()
            h.send(.char("f"))
            expectGolden(h.render(theme: theme), "sandbox-lr-finder-en-\(name)")
        }
    }

    @Test func ghostGolden() {
        var h = SandboxHarness(epochsPerTick: 50)
        h.tickUntilIdle()
        h.send(.char("g"), .char("+"), .char("+"))
        h.tickUntilIdle()
        expectGolden(h.render(), "sandbox-ghost-en")
        expectGolden(h.render(theme: .ascii), "sandbox-ghost-en-ascii")
    }
}
