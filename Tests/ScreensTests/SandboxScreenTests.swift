import AIFCore
import Foundation
import Testing
import TerminalUI
import TrainingSandbox
@testable import Screens

/// The sandbox's update function: controls, live stepping, pause, presets, mouse and the card link.
@Suite struct SandboxScreenTests {
    @Test func learningRateStepsAreOneAndThreePerDecade() {
        #expect(SandboxControl.learningRates == [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10])
        // Walking the slider up from its bottom visits exactly those rates, then stops at 10.
        var config = TrainingConfig()
        SandboxControl.learningRate.set(position: 0, &config)
        var seen = [config.lr]
        while SandboxControl.learningRate.step(1, &config) { seen.append(config.lr) }
        #expect(seen == SandboxControl.learningRates)
        #expect(!SandboxControl.learningRate.step(1, &config))
        #expect(config.lr == 10)
    }

    @Test func offLadderValuesStepToTheNeighbouringRungs() {
        var config = TrainingConfig()
        config.lr = 0.005
        #expect(SandboxControl.learningRate.position(config) == SandboxControl.learningRates.firstIndex(of: 0.003)
            || SandboxControl.learningRate.position(config) == SandboxControl.learningRates.firstIndex(of: 0.01))
        var up = config
        SandboxControl.learningRate.step(1, &up)
        #expect(up.lr == 0.01)
        var down = config
        SandboxControl.learningRate.step(-1, &down)
        #expect(down.lr == 0.003)
    }

    @Test func keysChangeTheSelectedSliderAndRestartTheRun() {
        var h = SandboxHarness(epochsPerTick: 5)
        h.send(.tick(Date()), .tick(Date()))
        #expect(h.sandbox.run.epochsDone == 10)
        h.send(.key(.right))
        #expect(h.sandbox.config.lr == 0.03)
        #expect(h.sandbox.run.config.lr == 0.03)
        #expect(h.sandbox.run.epochsDone == 0)
        h.send(.char("-"), .char("-"))
        #expect(h.sandbox.config.lr == 0.003)
        // ↓ moves to the batch slider; a change there restarts as well.
        h.send(.tick(Date()), .key(.down), .key(.left))
        #expect(h.sandbox.selected == .batch)
        #expect(h.sandbox.config.batch == 15)
        #expect(h.sandbox.run.epochsDone == 0)
        h.send(.key(.backTab), .key(.backTab))
        #expect(h.sandbox.selected == .seed)
    }

    @Test func fullBatchShowsOneUpdatePerEpoch() {
        var h = SandboxHarness()
        #expect(h.sandbox.config.batch == h.sandbox.config.trainSize)
        var text = h.render().text
        #expect(text.contains("1 update per epoch"))
        #expect(text.contains("batch = whole training set (16)"))
        h.send(.key(.down))
        for _ in 0..<12 { h.send(.key(.left)) }
        #expect(h.sandbox.config.batch == 4)
        text = h.render().text
        #expect(text.contains("4 updates per epoch"))
        #expect(text.contains("4 batches of 4 points"))
        #expect(!text.contains("1 update per epoch"))
    }

    @Test func aLeftoverBatchIsShownAndCanBeDropped() {
        var h = SandboxHarness()
        h.send(.key(.down), .key(.left))
        #expect(h.sandbox.config.batch == 15)
        var text = h.render().text
        #expect(text.contains("2 updates per epoch"))
        #expect(text.contains("15 + 1 leftover point per epoch"))
        h.send(.char("d"))
        #expect(h.sandbox.config.dropLast && h.sandbox.config.updatesPerEpoch == 1)
        text = h.render().text
        #expect(text.contains("1 update per epoch"))
        #expect(text.contains("15; 1 leftover point dropped"))
        // Batch 12: three batches would be wrong, it is one of 12 and one of 4.
        h.send(.char("d"))
        for _ in 0..<3 { h.send(.key(.left)) }
        #expect(h.sandbox.config.batch == 12 && !h.sandbox.config.dropLast)
        #expect(h.render().text.contains("12 + 4 leftover points per epoch"))
    }

    @Test func clickingAndDraggingOnASliderSetsIt() {
        var h = SandboxHarness()
        let track = h.sliderTrack(.learningRate)
        h.send(.mouse(MouseEvent(.press, x: track.maxX - 1, y: track.y)))
        #expect(h.sandbox.config.lr == 10)
        h.send(.mouse(MouseEvent(.drag, x: track.x, y: track.y)))
        #expect(h.sandbox.config.lr == 1e-5)
        // A click on another slider's track selects it and sets it.
        let epochs = h.sliderTrack(.epochs)
        h.send(.mouse(MouseEvent(.press, x: epochs.maxX - 1, y: epochs.y)))
        #expect(h.sandbox.selected == .epochs)
        #expect(h.sandbox.config.epochs == 5000)
        // A click on a label only selects.
        h.send(.mouse(MouseEvent(.press, x: 1, y: h.sliderTrack(.noise).y)))
        #expect(h.sandbox.selected == .noise)
        #expect(h.sandbox.config.noise == 0.3)
    }

    @Test func pauseStepAndFinishLeaveTheScreenIdle() {
        var h = SandboxHarness(epochsPerTick: 5)
        #expect(h.model.tickInterval != nil)
        h.send(.char(" "))
        #expect(h.model.tickInterval == nil)
        #expect(h.render().text.contains("paused"))
        h.send(.char("n"), .char("n"))
        #expect(h.sandbox.run.epochsDone == 2)
        h.send(.char(" "))
        #expect(h.model.tickInterval != nil)
        let ticks = h.tickUntilIdle()
        // 80 epochs at 5 per tick after the 2 single steps.
        #expect(ticks == 16)
        #expect(h.sandbox.run.isFinished)
        #expect(h.model.tickInterval == nil)
        // Restart and re-seed start a new run.
        h.send(.char("r"))
        #expect(h.sandbox.run.epochsDone == 0 && h.model.tickInterval != nil)
        h.send(.char("R"))
        #expect(h.sandbox.config.seed == 2)
        h.send(.char("S"))
        #expect(h.sandbox.run.config.seed == 3)
    }

    @Test func livePacingFinishesRunsInAFewSeconds() {
        for (epochs, range) in [(80, 1.0...3.0), (300, 1.8...3.0), (1000, 2.0...4.0), (5000, 3.0...4.5)] {
            let n = SandboxPacing.epochsPerTick(forRunOf: epochs)
            let ticks = (epochs + n - 1) / n
            #expect(range.contains(Double(ticks) * 0.033), "\(epochs) epochs: \(ticks) ticks")
        }
    }

    @Test func theTimeBudgetCutsATickShort() {
        // A clock that advances 10 ms per reading: the 15 ms budget allows two epochs.
        nonisolated(unsafe) var now = 0.0
        let pacing = SandboxPacing(interval: .milliseconds(33), epochsPerTick: { _ in 50 }, budget: 0.015,
                                   clock: { now += 0.01; return now })
        let screen = SandboxScreen(library: SandboxFixture.library, openCard: { _ in nil }, pacing: pacing)
        var app = AppModel(root: screen, context: AppContext())
        app.send(.resize(Size(width: 80, height: 24)))
        app.send(.tick(Date()))
        #expect((app.stack.last as? SandboxScreen)?.run.epochsDone == 2)
    }

    @Test func presetsApplyTheirSettings() throws {
        var opened = SandboxHarness(presetID: "full-batch")
        let c = opened.sandbox.config
        #expect(c.trainSize == 64 && c.batch == 64 && c.epochs == 12 && c.lr == 0.005)
        opened.send(.key(.enter))   // closes the preset's card
        #expect(opened.render().text.contains("batch = whole training set (64)"))

        // The picker: p opens it, ↓ moves, Enter applies; Esc closes without applying.
        var h = SandboxHarness()
        h.send(.char("p"))
        #expect(h.render().text.contains("Learning rate too high"))
        h.send(.key(.escape))
        #expect(h.sandbox.pickerSelection == nil && h.sandbox.config == TrainingConfig())
        h.send(.char("p"), .key(.down), .key(.enter))
        #expect(h.sandbox.config.trainSize == 64)
        // At 80×24 the preset's card comes first; a key closes it.
        #expect(h.render().text.contains("Any key starts the run"))
        h.send(.key(.enter))
        // The picker opens on the current preset.
        h.send(.char("p"))
        #expect(h.sandbox.pickerSelection == 1)
        h.send(.key(.up), .key(.enter))
        #expect(h.sandbox.config.lr == 1.0 && h.sandbox.config.epochs == 300 && h.sandbox.config.trainSize == 16)
        #expect(h.sandbox.run.epochsDone == 0)
        #expect(h.model.stack.count == 1)
    }

    @Test func tooHighALearningRateIsDiagnosedUnstableAndCExplainsIt() {
        nonisolated(unsafe) var asked: [String] = []
        var h = SandboxHarness(presetID: "lr-too-high", epochsPerTick: 50, openCard: { id in
            asked.append(id)
            return CardStub(id: id)
        })
        h.send(.key(.enter))   // closes the preset's card (80×24)
        h.tickUntilIdle()
        #expect(h.sandbox.run.diagnosis?.state == .unstable)
        #expect(h.render().text.contains("Unstable training"))
        // c explains first: the rules, the cause and what to try; Enter opens the cause's card.
        h.send(.char("c"))
        #expect(h.sandbox.explaining)
        let text = h.render().text
        #expect(text.contains("Why this diagnosis") && text.contains("What to try"))
        #expect(text.contains("Overfitting: training loss under the noise floor"))
        #expect(text.contains("Card: hp-unstable-remedies"))
        #expect(asked.isEmpty)
        h.send(.key(.enter))
        #expect(asked == ["hp-unstable-remedies"])
        #expect((h.model.stack.last as? CardStub)?.id == "hp-unstable-remedies")
    }

    @Test func sOpensTheStatesCardAndEscClosesTheExplanation() {
        nonisolated(unsafe) var asked: [String] = []
        var h = SandboxHarness(presetID: "lr-too-high", epochsPerTick: 50, openCard: { id in
            asked.append(id)
            return CardStub(id: id)
        })
        h.send(.key(.enter))   // closes the preset's card (80×24)
        h.tickUntilIdle()
        h.send(.char("c"), .key(.escape))
        #expect(!h.sandbox.explaining && h.model.stack.count == 1)
        h.send(.char("c"), .char("s"))
        #expect(asked == ["hp-unstable-training"])
    }

    @Test func withoutACardScreenTheFooterSaysSo() {
        var h = SandboxHarness(openCard: { _ in nil })
        h.send(.char("c"))
        #expect(h.context.status?.contains("No diagnosis yet") == true)
        h.send(.tick(Date()), .char("c"), .key(.enter))
        #expect(h.context.status?.contains("No flashcard") == true)
        #expect(h.model.stack.count == 1)
    }

    @Test func escapeGoesBack() {
        var h = SandboxHarness()
        var screen = h.sandbox
        #expect(screen.update(.key(.escape), h.context).isPop)
        #expect(screen.update(.char("q"), h.context).isPop)
        h.send(.char("p"))
        h.send(.char("q"))
        #expect(h.sandbox.pickerSelection == nil)
    }
}

extension Transition {
    var isPop: Bool { if case .pop = self { return true } else { return false } }
}

/// Regression tests for the defects found on the sandbox screen (issue 9).
@Suite struct SandboxScreenDefectTests {
    static func pinnedLibrary() -> ContentLibrary {
        let base = SandboxFixture.library
        var pinned = SandboxFixture.presets[1]
        pinned.settings.append(PresetSetting(key: "seed", value: "1"))
        return ContentLibrary(blueprint: base.blueprint, decks: [], cards: [], questions: [], caseStudies: [],
                              presets: [pinned], diagnosisCards: base.diagnosisCards)
    }

    @Test func reseedingAPinnedPresetSaysSo() {
        var settings = AppSettings()
        settings.language = .en
        let ctx = AppContext(settings: settings, now: { Date(timeIntervalSince1970: 1_700_000_000) })
        var screen = SandboxScreen(library: Self.pinnedLibrary(), presetID: "full-batch", openCard: { _ in nil },
                                   pacing: .fixed(epochsPerTick: 5))
        #expect(screen.pinnedSeed == 1)
        _ = screen.update(.key(.enter), ctx)   // closes the preset's card (no room for notes here)
        _ = screen.update(.char("R"), ctx)
        #expect(screen.config.seed == 2)
        #expect(ctx.status?.contains("seed 1") == true && ctx.status?.contains("seed 2") == true)
        // An unpinned preset re-seeds silently.
        let quiet = AppContext(settings: settings, now: { Date(timeIntervalSince1970: 1_700_000_000) })
        var free = SandboxScreen(library: SandboxFixture.library, presetID: "full-batch", openCard: { _ in nil },
                                 pacing: .fixed(epochsPerTick: 5))
        _ = free.update(.key(.enter), quiet)
        _ = free.update(.char("R"), quiet)
        #expect(free.pinnedSeed == nil && quiet.status == nil)
    }

    @Test func notesKeepAGutterBeforeTheCharts() {
        var h = SandboxHarness(presetID: "full-batch", epochsPerTick: 5, size: Size(width: 120, height: 40))
        h.tickUntilIdle()
        let buf = h.render()
        let notes = h.sandbox.layout(h.context.bodyArea, h.context).notes
        #expect(notes.height > 2)
        var written = 0
        for y in notes.y..<notes.maxY {
            #expect(buf[notes.maxX - 1, y].symbol == " " && buf[notes.maxX - 2, y].symbol == " ", "row \(y)")
            if buf[notes.x, y].symbol != " " { written += 1 }
        }
        #expect(written >= 3)
    }

    @Test func theDiagnosisSentenceIsWholeAtTheSmallestSize() throws {
        var h = SandboxHarness(presetID: "full-batch", epochsPerTick: 5, size: Size(width: 60, height: 18))
        h.send(.key(.enter))   // closes the preset's card
        h.tickUntilIdle()
        let reason = try #require(h.sandbox.run.diagnosis?.reason)
        let text = h.render().text.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }
            .joined(separator: " ")
        #expect(text.contains(reason), "\(reason)")
    }

    @Test func japaneseHelpKeepsASpaceAfterEveryKey() {
        var h = SandboxHarness(language: .ja)
        h.send(.char("?"))
        let line = h.render().text.split(separator: "\n").first { $0.contains("クリック・ドラッグ") }
        #expect(line?.contains("クリック・ドラッグ スライダー") == true || line?.contains("クリック・ドラッグ  スライダー") == true,
                "\(line ?? "no line")")
    }

    @Test func japaneseLearningRateStripHasASpaceBeforeItsBars() {
        let h = SandboxHarness(language: .ja)
        let buf = h.render()
        let strip = h.sandbox.layout(h.context.bodyArea, h.context).lrStrip
        let row = (strip.x..<strip.maxX).map { buf[$0, strip.y].symbol }
        let firstBar = row.firstIndex { "▁▂▃▄▅▆▇█".contains($0) }
        #expect(firstBar.map { $0 > 0 && row[$0 - 1] == " " } == true, "\(String(row))")
    }

    @Test func activationAndLayersAreSettableOnScreen() {
        var h = SandboxHarness()
        while h.sandbox.selected != .layers { h.send(.key(.down)) }
        h.send(.char("+"))
        #expect(h.sandbox.config.layers == [64, 64])
        h.send(.key(.down), .char("+"))
        #expect(h.sandbox.selected == .activation && h.sandbox.config.activation == .relu)
        let text = h.render().text
        #expect(text.contains("Hidden layers") && text.contains("Activation") && text.contains("relu"))
    }

    @Test func at80x24APresetsCardShowsItsWholeDescriptionBeforeTheRunStarts() {
        var h = SandboxHarness(presetID: "lr-too-high", epochsPerTick: 50)
        #expect(!h.sandbox.presetNotesFit(h.context.bodyArea, h.context), "at 80×24 the notes cannot hold the preset")
        h.send(.tick(Date()))
        #expect(h.sandbox.presetInfo == .open && h.sandbox.run.epochsDone == 0, "the run waits for the learner")
        #expect(h.model.tickInterval == nil)
        let text = h.render().text.replacingOccurrences(of: "\n", with: " ")
        let squeezed = text.split(separator: " ").filter { !$0.isEmpty && $0 != "│" }.joined(separator: " ")
        #expect(squeezed.contains("Learning rate 1.0: the loss jumps") && squeezed.contains("in the first epoch."))
        // Any key closes it and the run starts; i opens it again.
        h.send(.key(.right))
        #expect(h.sandbox.presetInfo == .hidden && h.sandbox.config.lr == 1.0, "the closing key does nothing else")
        h.tickUntilIdle()
        #expect(h.sandbox.run.isFinished)
        h.send(.char("i"))
        #expect(h.sandbox.presetInfo == .open)
        h.send(.key(.escape))
        #expect(h.sandbox.presetInfo == .hidden && h.model.stack.count == 1, "Esc closes the card, not the screen")
    }

    @Test func whereTheNotesHoldThePresetNoCardInterrupts() {
        var h = SandboxHarness(presetID: "lr-too-high", epochsPerTick: 50, size: Size(width: 120, height: 40))
        h.tickUntilIdle()
        #expect(h.sandbox.presetInfo == .hidden && h.sandbox.run.isFinished)
    }

    @Test func onlySettingsTheRunUsesAreShown() {
        var h = SandboxHarness()
        let text = h.render().text
        #expect(!text.contains("Decay factor") && !text.contains("Step every") && !text.contains("Patience"))
        #expect(text.contains("Batch: 1 update per epoch"), "the batch lines keep their place at 80×24")
        while h.sandbox.selected != .earlyStopping { h.send(.key(.down)) }
        h.send(.char("+"))
        #expect(h.render().text.contains("Patience"))
        h.send(.key(.down))
        #expect(h.sandbox.selected == .patience)
        // Turning early stopping off from another row hides Patience again, and the selection moves off it.
        h.send(.key(.up), .char("-"))
        #expect(!h.render().text.contains("Patience") && h.sandbox.selected == .earlyStopping)
    }

    @Test func theStepScheduleStepSizeIsSettableOnScreen() {
        var h = SandboxHarness(size: Size(width: 120, height: 40))
        while h.sandbox.selected != .schedule { h.send(.key(.down)) }
        h.send(.char("+"))
        #expect(h.sandbox.config.schedule == .step)
        h.send(.key(.down), .key(.down))
        #expect(h.sandbox.selected == .stepSize)
        let before = h.sandbox.config.stepSize
        h.send(.char("+"))
        #expect(h.sandbox.config.stepSize > before)
        #expect(h.sandbox.run.config.stepSize == h.sandbox.config.stepSize, "the change restarts the run with it")
        let text = h.render().text
        #expect(text.contains("Step every") && text.contains("Step schedule only"))
    }

    @Test func theBestMarkersLabelIsDrawnOverTheCurves() {
        // A curve along the top row, right where the label goes.
        let chart = LineChart(series: [ChartSeries(name: "a", points: [(0, 1), (10, 1)])], xBounds: 0...10, yBounds: 0...1,
                              markers: [ChartMarker(x: 5, label: "best", style: .plain)], theme: .standard)
        var buf = Buffer(size: Size(width: 30, height: 8))
        chart.render(Rect(x: 0, y: 0, width: 30, height: 8), into: &buf)
        #expect(buf.text.split(separator: "\n").first?.contains("best") == true, "\(buf.text)")
    }
}
