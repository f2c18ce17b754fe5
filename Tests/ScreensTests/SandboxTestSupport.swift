import AIFCore
import Foundation
import GoldenTesting
import Testing
import TerminalUI
import TrainingSandbox
@testable import Screens

/// A content library with just what the sandbox reads: two presets and the diagnosis → card map.
enum SandboxFixture {
    static let presets = [
        SandboxPreset(
            id: "lr-too-high", title: LocalizedText(en: "Learning rate too high", ja: "学習率が高すぎる"),
            description: LocalizedText(en: "Learning rate 1.0: the loss jumps\nin the first epoch.",
                                       ja: "学習率 1.0 で学習します。最初のエポックで\n損失が跳ね上がります。"),
            expect: "unstable",
            settings: [PresetSetting(key: "lr", value: "1.0"), PresetSetting(key: "epochs", value: "300")]),
        SandboxPreset(
            id: "full-batch", title: LocalizedText(en: "Batch size equals the data set", ja: "バッチサイズがデータ全体と同じ"),
            description: LocalizedText(en: "64 points in one batch.", ja: "64 点を 1 つのバッチで学習します。"),
            expect: "underfitting",
            settings: [PresetSetting(key: "trainSize", value: "64"), PresetSetting(key: "batch", value: "64"),
                       PresetSetting(key: "epochs", value: "12"), PresetSetting(key: "lr", value: "0.005")]),
    ]

    static let library = ContentLibrary(
        blueprint: ExamBlueprint(code: "AIF-C01", title: LocalizedText(en: "Exam", ja: "試験"), questions: 65, scored: 50,
                                 minutes: 90, extraMinutes: 30, passingScore: 700, minScore: 100, maxScore: 1000, domains: []),
        decks: [], cards: [], questions: [], caseStudies: [], presets: presets,
        diagnosisCards: ["good": "hp-good-fit", "overfitting": "hp-overfitting", "underfitting": "hp-underfitting",
                         "unstable": "hp-unstable-training"])
}

/// Stands in for the flashcard screen the sandbox opens.
struct CardStub: Screen {
    let id: String
    func title(_ ctx: AppContext) -> String { id }
    mutating func update(_ event: Event, _ ctx: AppContext) -> Transition { .none }
    func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {}
    func keyHelp(_ ctx: AppContext) -> [KeyHelp] { [] }
}

/// The sandbox inside the real app shell, at a given size and language, with fixed pacing.
struct SandboxHarness {
    var model: AppModel
    let context: AppContext
    let size: Size

    init(presetID: String? = nil, epochsPerTick: Int = 5, language: Language = .en, size: Size = Size(width: 80, height: 24),
         openCard: @escaping (String) -> (any Screen)? = { CardStub(id: $0) }) {
        var settings = AppSettings()
        settings.language = language
        context = AppContext(settings: settings, now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let screen = SandboxScreen(library: SandboxFixture.library, presetID: presetID, openCard: openCard,
                                   pacing: .fixed(epochsPerTick: epochsPerTick))
        model = AppModel(root: screen, context: context)
        self.size = size
        model.send(.resize(size))
    }

    var sandbox: SandboxScreen { model.stack.last as! SandboxScreen }

    mutating func send(_ events: Event...) {
        for e in events { model.send(e) }
    }

    /// Ticks until the run finishes (or `limit` ticks); returns how many ticks it took.
    @discardableResult
    mutating func tickUntilIdle(limit: Int = 10_000) -> Int {
        var ticks = 0
        while model.tickInterval != nil, ticks < limit {
            model.send(.tick(Date(timeIntervalSince1970: 1_700_000_000)))
            ticks += 1
        }
        return ticks
    }

    func render(theme: Theme = .standard) -> Buffer {
        var buf = Buffer(size: size)
        model.view(into: &buf, theme: theme)
        return buf
    }

    /// Where the slider of `control` is drawn (screen coordinates).
    func sliderTrack(_ control: SandboxControl) -> Rect {
        let layout = sandbox.layout(context.bodyArea, context)
        let row = SandboxControl.visible(sandbox.config).firstIndex(of: control)! - layout.firstControl
        return Slider.track(in: SandboxLayout.sliderRect(layout.sliders[row]))
    }
}

