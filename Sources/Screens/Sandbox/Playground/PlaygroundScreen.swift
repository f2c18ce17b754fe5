import AIFCore
import Foundation
import TerminalUI
import TrainingSandbox

/// The sandbox's second tab: TensorFlow Playground's 2-D classification, trained live, its
/// decision boundary drawn as a field with the points on top, the train and test losses beside it
/// and the same diagnosis and card links as the regression tab. Tab goes back to that tab.
public struct PlaygroundScreen: Screen {
    let library: ContentLibrary
    let openCard: (String) -> (any Screen)?
    let pacing: SandboxPacing
    /// The regression tab this one was opened from: Tab returns to it as it was.
    let sandbox: SandboxScreen?

    private(set) var config: TrainingConfig
    private(set) var run: TrainingRun
    private(set) var paused = false
    var selected: PlaygroundControl = .dataset
    private(set) var preset: SandboxPreset?
    /// Non-nil while the preset list is open: the highlighted row.
    var pickerSelection: Int?
    /// Counts restarts: a training step of an earlier run that comes back late is dropped.
    private(set) var generation = 0
    private(set) var training = false

    public init(library: ContentLibrary, presetID: String? = nil, openCard: @escaping (String) -> (any Screen)?,
                pacing: SandboxPacing = .live, sandbox: SandboxScreen? = nil) {
        self.library = library
        self.openCard = openCard
        self.pacing = pacing
        self.sandbox = sandbox
        config = .playground
        run = TrainingRun(config: .playground)
        if let presetID, let found = presets.first(where: { $0.id == presetID }) { _ = apply(found) }
    }

    /// The presets of this tab: those on a 2-D dataset.
    var presets: [SandboxPreset] { Self.playgroundPresets(library) }

    public static func playgroundPresets(_ library: ContentLibrary) -> [SandboxPreset] {
        library.presets.filter(isPlayground)
    }

    /// Whether a preset trains on a 2-D dataset (this tab's) rather than the regression curve.
    public static func isPlayground(_ p: SandboxPreset) -> Bool {
        p.settings.last { $0.key == "dataset" }.flatMap { DatasetKind(rawValue: $0.value) }?.isPlane == true
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Training sandbox · Playground", "学習サンドボックス · Playground") }

    public var tickInterval: Duration? { isRunning ? pacing.interval : nil }
    var isRunning: Bool { !paused && !run.isFinished }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("Tab", ctx.t("regression tab", "回帰タブ"), footer: true, priority: 60),
            KeyHelp("↑↓", ctx.t("choose a setting", "設定を選ぶ")),
            KeyHelp("←→", ctx.t("change", "変更"), footer: true),
            KeyHelp("1-7", ctx.t("toggle a feature", "特徴量を切り替え")),
            KeyHelp("Space", ctx.t("pause", "一時停止"), footer: true),
            KeyHelp("n", ctx.t("one epoch (paused)", "1 エポック進める (一時停止中)")),
            KeyHelp("r", ctx.t("restart the run", "最初からやり直す")),
            KeyHelp("R", ctx.t("new seed (new data and weights)", "シードを変える (データと初期重み)")),
            KeyHelp("p", ctx.t("presets", "プリセット"), footer: true),
            KeyHelp("Enter", ctx.t("open the diagnosis card", "診断のカードを開く"), footer: true, short: ctx.t("card", "カード")),
        ]
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event {
            if let step = m.payload(as: PlaygroundStep.self), step.generation == generation {
                run = step.run
                training = false
            }
            return .none
        }
        if pickerSelection != nil { return updatePicker(event, ctx) }
        let controls = PlaygroundControl.allCases
        let index = controls.firstIndex(of: selected) ?? 0
        switch event {
        case .tick:
            advance(ctx)
        case .key(.tab):
            return .replace(sandbox ?? SandboxScreen(library: library, openCard: openCard, pacing: pacing))
        case .key(.down), .char("j"):
            selected = controls[(index + 1) % controls.count]
        case .key(.up), .key(.backTab), .char("k"):
            selected = controls[(index + controls.count - 1) % controls.count]
        case .key(.right), .char("+"), .char("="), .char("l"):
            let control = selected
            change { control.step(1, &$0) }
        case .key(.left), .char("-"), .char("_"), .char("h"):
            let control = selected
            change { control.step(-1, &$0) }
        case .key(.character(let c)) where ("1"..."7").contains(c):
            let feature = InputFeature.allCases[Int(String(c))! - 1]
            change { cfg in
                let toggled = cfg.features.contains(feature) ? cfg.features.filter { $0 != feature } : cfg.features + [feature]
                guard !toggled.isEmpty else { return false }
                cfg.features = InputFeature.allCases.filter(toggled.contains)
                return true
            }
        case .char(" "):
            if run.isFinished { restart() } else { paused.toggle() }
        case .char("n"):
            paused = true
            dropPendingStep()
            run.step()
        case .char("r"):
            restart()
        case .char("R"), .char("S"):
            change { c in
                c.seed = c.seed >= 99 ? 1 : c.seed + 1
                return true
            }
        case .char("p"):
            pickerSelection = preset.flatMap { p in presets.firstIndex { $0.id == p.id } } ?? 0
        case .key(.enter), .char("c"):
            return openDiagnosisCard(ctx)
        case .key(.escape), .char("q"):
            return .pop
        default:
            break
        }
        return .none
    }

    struct PlaygroundStep: Sendable {
        var generation: Int
        var run: TrainingRun
    }

    /// This tick's share of epochs, trained off the loop on a copy of the run.
    mutating func advance(_ ctx: AppContext) {
        guard isRunning, !training else { return }
        training = true
        let (run, pacing, epochs, generation) = (run, pacing, config.epochs, generation)
        ctx.perform(.run(Job(key: "playground-train") { job in
            PlaygroundStep(generation: generation, run: SandboxScreen.train(run, pacing: pacing, epochs: epochs, job: job))
        }))
    }

    private mutating func dropPendingStep() {
        generation += 1
        training = false
    }

    /// Applies an edit; any real change restarts the run.
    mutating func change(_ edit: (inout TrainingConfig) -> Bool) {
        var next = config
        guard edit(&next), next != config else { return }
        config = next
        restart()
    }

    mutating func restart() {
        run = TrainingRun(config: config)
        paused = false
        dropPendingStep()
    }

    /// Playground's defaults under the preset's settings; an error message if one is invalid.
    mutating func apply(_ p: SandboxPreset) -> String? {
        let settings = p.settings.map { (key: $0.key, value: $0.value) }
        do {
            config = try TrainingConfig.base(for: settings).applying(settings: settings)
        } catch {
            return "\(p.id): \(error)"
        }
        preset = p
        restart()
        return nil
    }

    /// The cause's card, else the state's card.
    func cardID() -> String? {
        guard let d = run.diagnosis else { return nil }
        return d.card ?? library.diagnosisCards[d.state.rawValue]
    }

    private func openDiagnosisCard(_ ctx: AppContext) -> Transition {
        guard let id = cardID() else {
            ctx.status = ctx.t("No diagnosis yet: let the run train a few epochs.", "まだ診断がありません。数エポック学習させてください。")
            return .none
        }
        guard let screen = openCard(id) else {
            ctx.status = ctx.t("No flashcard explains this state.", "この状態を説明するカードがありません。")
            return .none
        }
        return .push(screen)
    }

    private mutating func updatePicker(_ event: Event, _ ctx: AppContext) -> Transition {
        let count = presets.count
        guard count > 0, let current = pickerSelection else {
            pickerSelection = nil
            if count == 0 { ctx.status = ctx.t("No Playground presets in the content.", "Playground のプリセットがありません。") }
            return .none
        }
        switch event {
        case .tick:
            advance(ctx)
        case .key(.down), .key(.tab), .char("j"):
            pickerSelection = (current + 1) % count
        case .key(.up), .key(.backTab), .char("k"):
            pickerSelection = (current + count - 1) % count
        case .key(.enter), .char(" "):
            pickerSelection = nil
            if let error = apply(presets[current]) { ctx.status = error }
        case .key(.escape), .char("q"), .char("p"):
            pickerSelection = nil
        default:
            break
        }
        return .none
    }
}
