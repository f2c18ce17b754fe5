import AIFCore
import Foundation
import TerminalUI

/// Practice options: task statements (grouped by domain), question types, count and timing.
public struct QuizPracticeSetupScreen: Screen {
    let services: QuizServices
    var tasks: Set<String>
    var kinds: Set<String>
    var difficulties: Set<Difficulty>
    var count = 20
    var timed = false
    var selected = 0
    var offset = 0

    enum Row: Equatable { case domain(String), task(String), kind(String), difficulty(Difficulty), count, timed, start }

    /// The question counts offered: a few for a quick check, then steps of 5.
    static let counts = [1, 3, 5] + Array(stride(from: 10, through: 200, by: 5))

    /// Starts from the learner's last choice (`remembered`), else everything.
    public init(services: QuizServices, remembered: PracticeChoice? = nil) {
        self.services = services
        let allTasks = Set(services.library.blueprint.tasks.map(\.id))
        tasks = allTasks
        kinds = Set(QuestionKind.allNames)
        difficulties = Set(Difficulty.allCases)
        if let r = remembered {
            // Ids that the content no longer has are dropped; an empty result falls back to everything.
            let t = Set(r.tasks).intersection(allTasks)
            let k = Set(r.kinds).intersection(QuestionKind.allNames)
            let d = Set(r.difficulties.compactMap(Difficulty.init(rawValue:)))
            if !t.isEmpty { tasks = t }
            if !k.isEmpty { kinds = k }
            if !d.isEmpty { difficulties = d }
            count = Self.counts.min { abs($0 - r.count) < abs($1 - r.count) } ?? 20
            timed = r.timed
        }
    }

    var choice: PracticeChoice {
        PracticeChoice(tasks: tasks.sorted(), kinds: kinds.sorted(), difficulties: difficulties.map(\.rawValue).sorted(),
                       count: count, timed: timed)
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Practice", "練習") }

    enum Action { case up, down, toggle, enter, more, fewer, start, back }

    /// The keys of this screen: the update acts on exactly these, and help and footer show them.
    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        [
            KeyBinding("↑↓", ctx.t("move", "移動"), footer: true, priority: 50, on: [.key(.up), .char("k")], .up),
            KeyBinding("j k", ctx.t("move", "移動"), on: [.key(.down), .char("j")], .down),
            KeyBinding("Space", ctx.t("toggle", "切り替え"), footer: true, priority: 70, on: [.char(" ")], .toggle),
            KeyBinding("Enter", ctx.t("toggle, or start on ▶ Start", "切り替え (▶ 開始 の行では開始)"), on: [.key(.enter)], .enter),
            KeyBinding("← → - +", ctx.t("count", "問題数"), footer: true, priority: 60,
                       on: [.key(.right), .char("+"), .char("="), .key(.left), .char("-")], .more),
            KeyBinding("s", ctx.t("start", "開始"), footer: true, priority: 80, on: [.char("s")], .start),
            KeyBinding("q Esc", ctx.t("back", "戻る"), footer: true, priority: 90, on: [.char("q"), .key(.escape)], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] { bindings(ctx).help() }

    var rows: [Row] {
        var r: [Row] = []
        for d in services.library.blueprint.domains {
            r.append(.domain(d.id))
            r += d.tasks.map { .task($0.id) }
        }
        r += QuestionKind.allNames.map { .kind($0) }
        r += Difficulty.allCases.map { .difficulty($0) }
        return r + [.count, .timed, .start]
    }

    var filter: PracticeFilter {
        let all = Set(services.library.blueprint.tasks.map(\.id))
        return PracticeFilter(
            tasks: tasks == all ? [] : tasks, kinds: kinds == Set(QuestionKind.allNames) ? [] : kinds,
            difficulties: difficulties == Set(Difficulty.allCases) ? [] : difficulties, count: count)
    }

    var available: Int {
        services.library.questions.count {
            tasks.contains($0.taskID) && kinds.contains($0.kind.name) && difficulties.contains($0.difficulty)
        }
    }

    mutating func toggle(_ row: Row) {
        switch row {
        case .domain(let id):
            let ids = Set(services.library.domain(id: id)?.tasks.map(\.id) ?? [])
            if ids.isSubset(of: tasks) { tasks.subtract(ids) } else { tasks.formUnion(ids) }
        case .task(let id): if tasks.contains(id) { tasks.remove(id) } else { tasks.insert(id) }
        case .kind(let k): if kinds.contains(k) { kinds.remove(k) } else { kinds.insert(k) }
        case .difficulty(let d): if difficulties.contains(d) { difficulties.remove(d) } else { difficulties.insert(d) }
        case .timed: timed.toggle()
        case .count, .start: break
        }
    }

    func listArea(_ area: Rect) -> Rect { Layout.vertical([.length(2), .fill(1), .length(2)]).split(area)[1].inset(left: 1) }

    /// The full text of the selected row, under the list, when the list had to cut it.
    func detail(_ ctx: AppContext, theme: Theme, width: Int) -> Line? {
        let row = rows[selected]
        let full = line(row, ctx, theme: theme)
        guard full.width > width - 2 else { return nil }   // ListView's marker column
        switch row {
        case .task(let id): return [Span("\(id) ", style: .bold), Span(services.library.task(id: id)?.title(ctx.language) ?? "")]
        default: return full.map { Span($0.text.trimmingCharacters(in: .whitespaces) == "" ? "" : $0.text, style: $0.style) }
        }
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event {
            // The quiz replaces this screen, so that leaving it goes back to the menu.
            return m.payload(as: QuizMenuScreen.Started.self)?.transition(services, ctx) { .replace($0) } ?? .none
        }
        let rows = rows
        let list = listArea(ctx.bodyArea)
        if case .mouse(let m) = event {
            switch m.kind {
            case .press:
                let lv = ListView(items: Array(repeating: [], count: rows.count), selected: selected, previousOffset: offset, height: list.height, theme: .standard)
                if let r = lv.rowAt(m.position, in: list) {
                    selected = r
                    if rows[r] == .start { return start(ctx) }
                    toggle(rows[r])
                }
            case .scrollDown: selected = min(rows.count - 1, selected + 1)
            case .scrollUp: selected = max(0, selected - 1)
            default: break
            }
        } else if let action: Action = bindings(ctx).action(for: event) {
            switch action {
            case .up, .down:
                selected = event == .key(.up) || event == .char("k") ? max(0, selected - 1) : min(rows.count - 1, selected + 1)
            case .toggle: toggle(rows[selected])
            case .enter:
                if rows[selected] == .start { return start(ctx) }
                toggle(rows[selected])
            case .more, .fewer:
                let i = Self.counts.firstIndex(of: count) ?? Self.counts.firstIndex { $0 >= count } ?? 0
                let up = [.key(.right), .char("+"), .char("=")].contains(event)
                count = Self.counts[up ? min(Self.counts.count - 1, i + 1) : max(0, i - 1)]
            case .start: return start(ctx)
            case .back: return .pop
            }
        }
        offset = ListView(items: Array(repeating: [], count: rows.count), selected: selected, previousOffset: offset, height: list.height, theme: .standard).offset
        return .none
    }

    func start(_ ctx: AppContext) -> Transition {
        guard available > 0 else {
            ctx.status = ctx.t("No questions match: choose more tasks, types or difficulties.", "条件に合う問題がありません。タスク、形式、難易度を増やしてください。")
            return .none
        }
        ctx.settings.practice = choice
        ctx.saveSettings()
        QuizMenuScreen.start(mode: .practice, filter: filter, timed: timed, services: services, ctx)
        return .none
    }

    func line(_ row: Row, _ ctx: AppContext, theme: Theme) -> Line {
        func box(_ on: Bool) -> String { on ? "[x] " : "[ ] " }
        switch row {
        case .domain(let id):
            let d = services.library.domain(id: id)
            let ids = Set(d?.tasks.map(\.id) ?? [])
            let mark = ids.isSubset(of: tasks) ? "[x] " : (ids.isDisjoint(with: tasks) ? "[ ] " : "[-] ")
            return [Span(mark, style: .bold), Span(ctx.t("Domain \(d?.number ?? 0): ", "分野 \(d?.number ?? 0): ") + (d?.title(ctx.language) ?? id), style: .bold)]
        case .task(let id):
            let t = services.library.task(id: id)
            return [Span("    " + box(tasks.contains(id))), Span("\(id) "), Span(t?.title(ctx.language) ?? "", style: theme.muted)]
        case .kind(let k):
            let label: String = switch k {
            case "single": ctx.t("Single choice", "単一選択")
            case "multiple": ctx.t("Multiple response", "複数選択")
            case "ordering": ctx.t("Ordering", "並べ替え")
            default: ctx.t("Matching", "組み合わせ")
            }
            return [Span(box(kinds.contains(k))), Span(label)]
        case .difficulty(let d):
            let label: String = switch d {
            case .easy: ctx.t("Easy (recall a fact)", "易しい (知識の確認)")
            case .medium: ctx.t("Medium (apply a concept)", "標準 (概念の応用)")
            case .hard: ctx.t("Hard (close look-alikes, as on the exam)", "難しい (本試験並みの紛らわしい選択肢)")
            }
            let n = services.library.questions.count { $0.difficulty == d }
            return [Span(box(difficulties.contains(d))), Span(label), Span("  \(n)", style: theme.muted)]
        case .count:
            return [Span(ctx.t("Questions: ", "問題数: ")), Span("◂ \(count) ▸", style: .bold),
                    Span(ctx.t("  (\(available) match)", "  (該当 \(available) 問)"), style: theme.muted)]
        case .timed:
            return [Span(box(timed)), Span(ctx.t("Timed (the exam's pace: about 83 s a question)", "時間制限あり (本試験のペース: 1 問約 83 秒)"))]
        case .start:
            return [Span(ctx.t("▶ Start practice", "▶ 練習を開始"), style: theme.accent.with(.bold))]
        }
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        buf.put(ctx.t("Choose what to practise. Feedback and explanations follow each answer.",
                      "練習する範囲を選んでください。回答ごとに正誤と解説を表示します。"), x: area.x + 1, y: area.y, style: theme.muted, maxWidth: area.width - 1)
        let list = listArea(area)
        let items = rows.map { line($0, ctx, theme: theme) }
        ListView(items: items, selected: selected, previousOffset: offset, height: list.height, theme: theme).render(list, into: &buf)
        let bottom = Layout.vertical([.length(2), .fill(1), .length(2)]).split(area)[2].inset(left: 1)
        if let d = detail(ctx, theme: theme, width: list.width) {
            var p = Paragraph(d, width: bottom.width)
            p.scroll = 0
            p.render(bottom, into: &buf)
        }
    }
}
