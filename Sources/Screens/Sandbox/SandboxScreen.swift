import AIFCore
import Foundation
import TerminalUI
import TrainingSandbox

/// The training sandbox: sliders for the hyperparameters, a run that trains live, its loss and fit
/// charts, and the engine's diagnosis with a link to the flashcard that explains it.
public struct SandboxScreen: Screen {
    let library: ContentLibrary
    /// The regression presets: the Playground tab lists those on a 2-D dataset.
    var presets: [SandboxPreset] { library.presets.filter { !PlaygroundScreen.isPlayground($0) } }
    let openCard: (String) -> (any Screen)?
    let pacing: SandboxPacing

    private(set) var config: TrainingConfig
    private(set) var run: TrainingRun
    private(set) var paused = false
    var selected: SandboxControl = .learningRate
    /// The preset last applied, and its config (to say "changed" once a slider moves).
    private(set) var preset: SandboxPreset?
    private(set) var presetConfig: TrainingConfig?
    /// Non-nil while the preset picker is open: the highlighted row.
    var pickerSelection: Int?
    /// True while the `c` explanation (the rules, the cause, its card) is open.
    var explaining = false
    /// The preset's card (title, what to watch, what to try): decided on the first event after a preset
    /// is applied, shown when the notes beside the sliders cannot hold it (80×24), and again on `i`.
    var presetInfo: PresetInfo = .hidden
    enum PresetInfo { case hidden, pending, open }
    /// Counts restarts: a training step of an earlier run that comes back late is dropped.
    private(set) var generation = 0
    /// True while a tick's training runs off the loop (one at a time).
    private(set) var training = false
    /// The learning-rate finder, the phase map and the pinned run (SandboxAnalysis.swift).
    var analysis = SandboxAnalysis()

    /// Opens on a preset from `library` (nil or unknown: the default good-fit setup).
    /// `openCard` turns a card id into the screen that shows it (the flashcards screen provides it).
    public init(library: ContentLibrary, presetID: String? = nil, openCard: @escaping (String) -> (any Screen)?,
                pacing: SandboxPacing = .live) {
        self.library = library
        self.openCard = openCard
        self.pacing = pacing
        config = TrainingConfig()
        run = Self.makeRun(config)
        if let presetID, let found = library.preset(id: presetID) {
            _ = apply(found)
            selected = SandboxTryHint.control(for: found)   // the control the "Try:" line names
        }
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Training sandbox", "学習サンドボックス") }

    public var tickInterval: Duration? { isRunning ? pacing.interval : nil }

    /// The run waits while the preset's card is open, so the learner reads what to watch before it starts.
    var isRunning: Bool { !paused && !run.isFinished && presetInfo != .open }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓", ctx.t("choose a setting", "設定を選ぶ")),
            KeyHelp("Tab", ctx.t("Playground tab (classification)", "Playground タブ (分類)")),
            KeyHelp("←→", ctx.t("change", "変更"), footer: true),
            KeyHelp("- +", ctx.t("change", "変更")),
            KeyHelp(ctx.t("click, drag", "クリック・ドラッグ"), ctx.t("set a slider", "スライダーを動かす")),
            KeyHelp("Space", ctx.t("pause", "一時停止"), footer: true),
            KeyHelp("n", ctx.t("one epoch (paused)", "1 エポック進める (一時停止中)")),
            KeyHelp("r", ctx.t("restart the run", "最初からやり直す")),
            KeyHelp("R S", ctx.t("new seed (new data and weights)", "シードを変える (データと初期重み)")),
            KeyHelp("d", ctx.t("drop or keep the leftover last batch", "端数の最後のバッチを捨てる/使う")),
            KeyHelp("p", ctx.t("presets", "プリセット"), footer: true),
            KeyHelp("i", ctx.t("about this preset", "このプリセットの説明")),
            KeyHelp("c", ctx.t("explain", "解説"), footer: true),
            KeyHelp("f", ctx.t("learning-rate finder (Enter there sets the lr)", "学習率ファインダー (Enter で学習率を設定)")),
            KeyHelp("m", ctx.t("phase map (arrows, Enter runs a cell, b: epochs/batch)", "フェーズマップ (矢印、Enter でセルを実行、b: エポック/バッチ)")),
            KeyHelp("g", ctx.t("pin this run as a ghost to compare (again: unpin)", "この実行を固定して比較 (もう一度で解除)")),
        ]
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event {
            if let step = m.payload(as: TrainingStep.self), step.generation == generation {
                run = step.run
                training = false
            } else {
                _ = analysis.receive(m)
            }
            return .none
        }
        if presetInfo == .pending { presetInfo = presetNotesFit(ctx.bodyArea, ctx) ? .hidden : .open }
        if presetInfo == .open { return updatePresetInfo(event) }
        if pickerSelection != nil { return updatePicker(event, ctx) }
        if explaining { return updateExplanation(event, ctx) }
        if analysis.overlay != .none { return updateAnalysis(event, ctx) }
        let controls = SandboxControl.visible(config)
        let index = controls.firstIndex(of: selected) ?? 0
        switch event {
        case .tick:
            advance(ctx)
        case .key(.tab):
            // The other tab keeps this one, to come back to it as it was (its step in flight is dropped).
            var back = self
            back.dropPendingStep()
            return .replace(PlaygroundScreen(library: library, openCard: openCard, pacing: pacing, sandbox: back))
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
            if let pinned = pinnedSeed, pinned != config.seed {
                ctx.status = ctx.t("This preset shows its lesson on seed \(pinned); seed \(config.seed) may tell another story.",
                                   "このプリセットの狙いはシード \(pinned) で見られます。シード \(config.seed) では結果が変わることがあります。")
            }
        case .char("d"):
            change { c in
                c.dropLast.toggle()
                return true
            }
        case .char("p"):
            pickerSelection = preset.flatMap { p in presets.firstIndex { $0.id == p.id } } ?? 0
        case .char("c"):
            return explain(ctx)
        case .char("f"):
            analysis.startFinder(run, ctx)
        case .char("m"):
            analysis.openMap(config, ctx)
        case .char("g"):
            if analysis.pinned == nil {
                analysis.pinned = run
                ctx.status = ctx.t("Pinned this run: change a setting and compare (g unpins).",
                                   "この実行を固定しました。設定を変えて比べてください (g で解除)。")
            } else {
                analysis.pinned = nil
            }
        case .char("i"):
            if preset != nil { presetInfo = .open } else {
                ctx.status = ctx.t("No preset is loaded: p opens the list.", "プリセットは読み込まれていません。p で一覧を開きます。")
            }
        case .key(.enter) where run.diagnosis != nil:
            return explain(ctx)
        case .key(.escape), .char("q"):
            return .pop
        case .mouse(let m) where m.kind == .press || m.kind == .drag:
            return click(m, ctx)
        default:
            break
        }
        return .none
    }

    /// A tick's training, done off the loop on a copy of the run.
    struct TrainingStep: Sendable {
        var generation: Int
        var run: TrainingRun
    }

    /// Starts this tick's share of epochs as a job, unless the last one is still training.
    mutating func advance(_ ctx: AppContext) {
        guard isRunning, !training else { return }
        training = true
        let (run, pacing, epochs, generation) = (run, pacing, config.epochs, generation)
        ctx.perform(.run(Job(key: "train") { job in
            TrainingStep(generation: generation, run: Self.train(run, pacing: pacing, epochs: epochs, job: job))
        }))
    }

    /// Trains up to the tick's share of epochs, stopping early when the time budget is spent or the job is cancelled.
    static func train(_ run: TrainingRun, pacing: SandboxPacing, epochs: Int, job: JobContext) -> TrainingRun {
        var run = run
        let target = pacing.epochsPerTick(epochs)
        let start = pacing.budget == nil ? 0 : pacing.clock()
        for _ in 0..<target {
            run.step()
            if run.isFinished || job.isCancelled { break }
            if let budget = pacing.budget, pacing.clock() - start >= budget { break }
        }
        return run
    }

    /// Forgets a training step in flight: its result, when it comes, belongs to an older run.
    private mutating func dropPendingStep() {
        generation += 1
        training = false
    }

    /// Applies an edit to the config; any real change restarts the run at once.
    mutating func change(_ edit: (inout TrainingConfig) -> Bool) {
        var next = config
        guard edit(&next), next != config else { return }
        config = next
        keepSelectionVisible()
        restart()
    }

    /// A hidden control cannot stay selected: fall back to the nearest shown one above it.
    mutating func keepSelectionVisible() {
        guard !selected.isUsed(by: config) else { return }
        selected = SandboxControl.visible(config).last { $0.rawValue < selected.rawValue } ?? .learningRate
    }

    mutating func restart() {
        run = Self.makeRun(config)
        paused = false
        dropPendingStep()
    }

    /// The screen shows the true error per epoch, so its runs track it.
    static func makeRun(_ config: TrainingConfig) -> TrainingRun {
        var run = TrainingRun(config: config)
        run.tracksTrueError = true
        return run
    }

    /// The seed a preset names in its settings: its lesson is shown on that seed.
    var pinnedSeed: UInt64? {
        preset?.settings.last(where: { $0.key == "seed" }).flatMap { UInt64($0.value) }
    }

    func layout(_ area: Rect, _ ctx: AppContext) -> SandboxLayout {
        let controls = SandboxControl.visible(config)
        return SandboxLayout(area: area, controls: controls.count, selected: controls.firstIndex(of: selected) ?? 0,
                      diagnosisLines: diagnosisLines(width: area.width - 4, ctx))
    }

    /// Puts the preset's settings on top of the defaults; returns an error message if one is invalid.
    mutating func apply(_ p: SandboxPreset) -> String? {
        do {
            config = try TrainingConfig().applying(settings: p.settings.map { (key: $0.key, value: $0.value) })
        } catch {
            return "\(p.id): \(error)"
        }
        preset = p
        presetConfig = config
        keepSelectionVisible()
        presetInfo = .pending
        restart()
        return nil
    }

    /// Any key or click closes the preset's card and lets the run start; q and Esc do not leave the screen.
    private mutating func updatePresetInfo(_ event: Event) -> Transition {
        switch event {
        case .key: presetInfo = .hidden
        case .mouse(let m) where m.kind == .press: presetInfo = .hidden
        default: break
        }
        return .none
    }

    /// Opens the explanation: the rules, the evidence, the cause and its card.
    private mutating func explain(_ ctx: AppContext) -> Transition {
        guard run.diagnosis != nil else {
            ctx.status = ctx.t("No diagnosis yet: let the run train a few epochs.", "まだ診断がありません。数エポック学習させてください。")
            return .none
        }
        explaining = true
        return .none
    }

    /// The card for the cause (else the state's card), or with `stateCard` the state's card.
    func cardID(stateCard: Bool = false) -> String? {
        guard let d = run.diagnosis else { return nil }
        let state = library.diagnosisCards[d.state.rawValue]
        return stateCard ? state : d.card ?? state
    }

    private mutating func updateExplanation(_ event: Event, _ ctx: AppContext) -> Transition {
        switch event {
        case .tick:
            advance(ctx)
        case .key(.enter), .char("s"):
            let stateCard = event == .char("s")
            guard let id = cardID(stateCard: stateCard), let screen = openCard(id) else {
                ctx.status = ctx.t("No flashcard explains this state.", "この状態を説明するカードがありません。")
                return .none
            }
            explaining = false
            return .push(screen)
        case .key(.escape), .char("q"), .char("c"):
            explaining = false
        case .mouse(let m) where m.kind == .press:
            explaining = false
        default:
            break
        }
        return .none
    }

    private mutating func click(_ m: MouseEvent, _ ctx: AppContext) -> Transition {
        let layout = layout(ctx.bodyArea, ctx)
        if let row = layout.sliders.firstIndex(where: { $0.contains(m.position) }) {
            let control = SandboxControl.visible(config)[layout.control(atRow: row)]
            selected = control
            let rect = SandboxLayout.sliderRect(layout.sliders[row])
            // Clicks on the label only select; clicks and drags on the track set the value.
            if m.position.x >= Slider.track(in: rect).x - 1,
               let p = Slider.position(at: m.position.x, in: rect, count: control.positionCount(config)) {
                change { c in
                    control.set(position: p, &c)
                    return true
                }
            }
        } else if m.kind == .press, layout.diagnosis.contains(m.position) {
            return explain(ctx)
        }
        return .none
    }

    // MARK: finder and phase map

    private mutating func updateAnalysis(_ event: Event, _ ctx: AppContext) -> Transition {
        switch (analysis.overlay, event) {
        case (_, .tick):
            advance(ctx)
        case (.finder, .key(.enter)), (.finder, .char("a")):
            guard let rate = analysis.suggestedRate else {
                ctx.status = ctx.t("No suggestion to use yet.", "まだ推奨値がありません。")
                return .none
            }
            analysis.overlay = .none
            selected = .learningRate
            change { c in
                c.lr = rate
                return true
            }
            ctx.status = ctx.t("lr set to the finder's suggestion \(SandboxFormat.decimal(rate)).",
                               "学習率をファインダーの推奨値 \(SandboxFormat.decimal(rate)) にしました。")
        case (.finder, .char("f")):
            analysis.startFinder(run, ctx)
        case (.phaseMap, .key(.up)), (.phaseMap, .char("k")): analysis.moveCursor(rows: -1, columns: 0)
        case (.phaseMap, .key(.down)), (.phaseMap, .char("j")): analysis.moveCursor(rows: 1, columns: 0)
        case (.phaseMap, .key(.left)), (.phaseMap, .char("h")): analysis.moveCursor(rows: 0, columns: -1)
        case (.phaseMap, .key(.right)), (.phaseMap, .char("l")): analysis.moveCursor(rows: 0, columns: 1)
        case (.phaseMap, .char("b")), (.phaseMap, .key(.tab)):
            analysis.mapAxis = analysis.mapAxis == .epochs ? .batch : .epochs
            analysis.openMap(config, ctx)
        case (.phaseMap, .key(.enter)):
            guard let map = analysis.map else { return .none }
            let cell = map.config(row: analysis.cursor.row, column: analysis.cursor.column)
            analysis.overlay = .none
            change { c in
                c.lr = cell.lr
                c.epochs = cell.epochs
                c.batch = cell.batch
                return true
            }
        case (.finder, .key(.escape)), (.finder, .char("q")), (.phaseMap, .key(.escape)), (.phaseMap, .char("q")),
             (.phaseMap, .char("m")):
            analysis.overlay = .none
        case (_, .mouse(let m)) where m.kind == .press:
            analysis.overlay = .none
        default:
            break
        }
        return .none
    }

    // MARK: preset picker

    private mutating func updatePicker(_ event: Event, _ ctx: AppContext) -> Transition {
        let count = presets.count
        guard count > 0, let current = pickerSelection else {
            pickerSelection = nil
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
            choosePreset(current, ctx)
        case .key(.escape), .char("q"), .char("p"):
            pickerSelection = nil
        case .mouse(let m) where m.kind == .press:
            let box = Self.pickerBox(ctx.bodyArea, presets: count)
            if let row = Self.pickerList(box).rowIndex(at: m.position, count: count, selected: current) {
                choosePreset(row, ctx)
            } else if !box.contains(m.position) {
                pickerSelection = nil
            }
        default:
            break
        }
        return .none
    }

    private mutating func choosePreset(_ index: Int, _ ctx: AppContext) {
        pickerSelection = nil
        if let error = apply(presets[index]) { ctx.status = error }
    }

    static func pickerBox(_ area: Rect, presets: Int) -> Rect {
        area.centered(width: min(area.width - 2, 72), height: min(area.height, presets + 8))
    }

    /// The list part of the picker box (the description goes below it).
    static func pickerList(_ box: Rect) -> PickerList {
        let inner = box.inset(top: 1, right: 2, bottom: 1, left: 2)
        return PickerList(rect: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - 5)))
    }

    struct PickerList {
        var rect: Rect
        func view(items: [Line], selected: Int, theme: Theme) -> ListView {
            ListView(items: items, selected: selected, height: rect.height, theme: theme)
        }
        func rowIndex(at p: Point, count: Int, selected: Int) -> Int? {
            let list = ListView(items: Array(repeating: [], count: count), selected: selected, height: rect.height, theme: .standard)
            return list.rowAt(p, in: rect)
        }
    }
}
