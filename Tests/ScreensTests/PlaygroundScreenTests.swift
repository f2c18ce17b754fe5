import AIFCore
import Foundation
import GoldenTesting
import Testing
import TerminalUI
import TrainingSandbox
@testable import Screens

/// The sandbox fixture plus one Playground preset.
enum PlaygroundFixture {
    static let xorPreset = SandboxPreset(
        id: "pg-xor-cross", title: LocalizedText(en: "XOR with x1·x2", ja: "x1·x2 で XOR"),
        description: LocalizedText(en: "One feature is enough.", ja: "特徴量 1 つで足ります。"), expect: "good",
        settings: [PresetSetting(key: "dataset", value: "xor"), PresetSetting(key: "features", value: "x1x2"),
                   PresetSetting(key: "layers", value: "2"), PresetSetting(key: "epochs", value: "50")])

    static let library = ContentLibrary(
        blueprint: SandboxFixture.library.blueprint, decks: [], cards: [], questions: [], caseStudies: [],
        presets: SandboxFixture.presets + [xorPreset], diagnosisCards: SandboxFixture.library.diagnosisCards)
}

struct PlaygroundHarness {
    var model: AppModel
    let context: AppContext
    let size: Size

    init(presetID: String? = nil, epochsPerTick: Int = 10, size: Size = Size(width: 80, height: 24), fromSandbox: Bool = false) {
        context = AppContext(settings: AppSettings(), now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let pacing = SandboxPacing.fixed(epochsPerTick: epochsPerTick)
        let open: (String) -> (any Screen)? = { CardStub(id: $0) }
        let root: any Screen = fromSandbox
            ? SandboxScreen(library: PlaygroundFixture.library, openCard: open, pacing: pacing)
            : PlaygroundScreen(library: PlaygroundFixture.library, presetID: presetID, openCard: open, pacing: pacing)
        model = AppModel(root: root, context: context)
        self.size = size
        model.send(.resize(size))
    }

    var playground: PlaygroundScreen { model.stack.last as! PlaygroundScreen }

    mutating func send(_ events: Event...) { for e in events { model.send(e) } }

    mutating func tickUntilIdle(limit: Int = 10_000) {
        var ticks = 0
        while model.tickInterval != nil, ticks < limit {
            model.send(.tick(Date(timeIntervalSince1970: 1_700_000_000)))
            ticks += 1
        }
    }

    func render(theme: Theme = .standard) -> Buffer {
        var buf = Buffer(size: size)
        model.view(into: &buf, theme: theme)
        return buf
    }
}

@Suite struct PlaygroundScreenTests {
    static let themes: [(String, Theme)] = [("colour", .standard), ("mono", Theme(unicode: true, color: false)), ("ascii", .ascii)]

    /// The circle after Playground's default network has learned it.
    static func trainedCircle() -> TrainingRun {
        var c = TrainingConfig.playground
        c.epochs = 150
        var run = TrainingRun(config: c)
        run.run()
        return run
    }

    @Test func fieldGoldensInColourMonochromeAndASCII() {
        let run = Self.trainedCircle()
        for (name, theme) in Self.themes {
            var buf = Buffer(size: Size(width: 32, height: 16))
            PlaygroundField.render(run, in: Rect(x: 0, y: 0, width: 32, height: 16), &buf, theme: theme)
            expectGolden(buf, "playground-field-\(name)")
        }
    }

    @Test func fieldShowsWhatTheNetworkPredicts() {
        let run = Self.trainedCircle()
        let rect = Rect(x: 0, y: 0, width: 32, height: 16)
        var colour = Buffer(size: rect.size)
        PlaygroundField.render(run, showTest: false, in: rect, &colour, theme: .standard)
        var ascii = Buffer(size: rect.size)
        PlaygroundField.render(run, showTest: false, in: rect, &ascii, theme: .ascii)
        // Every cell without a point: its colours and its character follow the network's output there.
        var points = Set<Int>()
        for row in run.trainingData.rows {
            if let (c, r) = PlaygroundField.cell(row[0], row[1], rect) { points.insert(r * rect.width + c) }
        }
        let extent = PlaygroundField.extent
        var checked = 0
        for r in 0..<rect.height {
            for c in 0..<rect.width where !points.contains(r * rect.width + c) {
                let x = -extent + (Double(c) + 0.5) * 2 * extent / Double(rect.width)
                let yTop = extent - (Double(2 * r) + 0.5) * extent / Double(rect.height)
                let yMid = extent - (Double(r) + 0.5) * 2 * extent / Double(rect.height)
                #expect(colour[c, r].style.foreground == PlaygroundField.colour(run.predict([x, yTop])) || colour[c, r].symbol == " ")
                #expect(ascii[c, r].symbol == PlaygroundField.shade(run.predict([x, yMid]), unicode: false))
                checked += 1
            }
        }
        #expect(checked > 300)
        // The learned circle: +1 (blue, dense) in the middle, −1 (red, light) in the corners.
        #expect(colour[16, 8].style.foreground == .blue || colour[16, 8].style.background == .blue)
        #expect(colour[0, 0].style.background == .red && ascii[0, 0].symbol == " ")
    }

    @Test func screenGoldenAfterARun() {
        for (name, theme) in Self.themes {
            var h = PlaygroundHarness(epochsPerTick: 50)
            h.tickUntilIdle()
            #expect(h.playground.run.isFinished)
            expectGolden(h.render(theme: theme), "playground-finished-80x24-\(name)")
        }
        var big = PlaygroundHarness(presetID: "pg-xor-cross", epochsPerTick: 50, size: Size(width: 200, height: 60))
        big.tickUntilIdle()
        expectGolden(big.render(), "playground-xor-200x60")
    }

    @Test func tabSwitchesBetweenTheTwoTabsAndKeepsTheRegressionOne() {
        var h = PlaygroundHarness(fromSandbox: true)
        h.send(.char("+"))  // the regression tab's learning rate up a rung
        let lr = (h.model.stack.last as! SandboxScreen).config.lr
        h.send(.key(.tab))
        #expect(h.model.stack.last is PlaygroundScreen)
        #expect(h.playground.config.dataset == .circle && h.playground.config.loss == .square)
        #expect(h.render().find("Decision boundary") != nil)
        h.send(.key(.tab))
        let back = h.model.stack.last as! SandboxScreen
        #expect(back.config.lr == lr)
    }

    @Test func controlsChangeTheRunWithinPlaygroundsLimits() {
        var h = PlaygroundHarness()
        h.send(.key(.right))  // dataset circle → xor
        #expect(h.playground.config.dataset == .xor && h.playground.run.config.dataset == .xor)
        h.send(.key(.down), .key(.down), .key(.left), .key(.left))  // train ratio 50 → 30 %
        #expect(h.playground.config.trainSize == 150 && h.playground.run.validationData.count == 350)
        h.send(.char("5"))  // toggle x1·x2 on
        #expect(h.playground.config.features == [.x1, .x2, .x1x2] && h.playground.run.config.layerSizes.first == 3)
        h.send(.char("1"), .char("2"))
        #expect(h.playground.config.features == [.x1x2])
        h.send(.char("5"))  // the last feature stays
        #expect(h.playground.config.features == [.x1x2])
        h.send(.key(.down), .key(.down))  // layers
        #expect(h.playground.selected == .layers)
        for _ in 0..<8 { h.send(.key(.right)) }
        #expect(h.playground.config.layers.count == 6)
        h.send(.key(.down))
        for _ in 0..<10 { h.send(.key(.right)) }
        #expect(h.playground.config.layers == [8, 8, 8, 8, 8, 8])
        h.send(.key(.down), .key(.down), .key(.right), .key(.right))  // regularization none → L1 → L2
        #expect(h.playground.config.regularization == .l2)
        h.send(.key(.down), .key(.right), .key(.right))
        #expect(h.playground.config.regRate == 0.003)
    }

    @Test func presetsAreThePlaygroundOnesAndEnterOpensTheCard() {
        var h = PlaygroundHarness(epochsPerTick: 50)
        h.send(.char("p"))
        #expect(h.playground.presets.map(\.id) == ["pg-xor-cross"])
        h.send(.key(.enter))
        #expect(h.playground.config.dataset == .xor && h.playground.config.features == [.x1x2] && h.playground.preset?.id == "pg-xor-cross")
        h.tickUntilIdle()
        let d = try! #require(h.playground.run.diagnosis)
        #expect(h.render().find("Diagnosis") != nil)
        h.send(.key(.enter))
        let card = h.model.stack.last as? CardStub
        #expect(card?.id == (d.card ?? PlaygroundFixture.library.diagnosisCards[d.state.rawValue]))
    }
}
