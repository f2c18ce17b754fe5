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

    public init(services: QuizServices) {
        self.services = services
        tasks = Set(services.library.blueprint.tasks.map(\.id))
        kinds = Set(QuestionKind.allNames)
        difficulties = Set(Difficulty.allCases)
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Practice", "練習") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓", ctx.t("move", "移動"), footer: true),
            KeyHelp("Space", ctx.t("toggle", "切り替え"), footer: true),
            KeyHelp("← → - +", ctx.t("count", "問題数"), footer: true),
            KeyHelp("s Enter", ctx.t("start", "開始"), footer: true),
        ]
    }

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

    func listArea(_ area: Rect) -> Rect { Layout.vertical([.length(2), .fill(1)]).split(area)[1].inset(left: 1) }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        let rows = rows
        let list = listArea(ctx.bodyArea)
        switch event {
        case .key(.up), .char("k"): selected = max(0, selected - 1)
        case .key(.down), .char("j"): selected = min(rows.count - 1, selected + 1)
        case .char(" "): toggle(rows[selected])
        case .key(.enter):
            if rows[selected] == .start { return start(ctx) }
            toggle(rows[selected])
        case .key(.right), .char("+"), .char("="): count = min(200, count + 5)
        case .key(.left), .char("-"): count = max(5, count - 5)
        case .char("s"): return start(ctx)
        case .key(.escape), .char("q"): return .pop
        case .mouse(let m) where m.kind == .press:
            let lv = ListView(items: Array(repeating: [], count: rows.count), selected: selected, previousOffset: offset, height: list.height)
            if let r = lv.rowAt(m.position, in: list) {
                selected = r
                if rows[r] == .start { return start(ctx) }
                toggle(rows[r])
            }
        case .mouse(let m) where m.kind == .scrollDown: selected = min(rows.count - 1, selected + 1)
        case .mouse(let m) where m.kind == .scrollUp: selected = max(0, selected - 1)
        default: break
        }
        offset = ListView(items: Array(repeating: [], count: rows.count), selected: selected, previousOffset: offset, height: list.height).offset
        return .none
    }

    func start(_ ctx: AppContext) -> Transition {
        guard available > 0 else {
            ctx.status = ctx.t("No questions match: choose more tasks, types or difficulties.", "条件に合う問題がありません。タスク、形式、難易度を増やしてください。")
            return .none
        }
        switch QuizMenuScreen.start(mode: .practice, filter: filter, timed: timed, services: services, ctx) {
        case .push(let s): return .replace(s)
        case let other: return other
        }
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
        ListView(items: items, selected: selected, previousOffset: offset, height: list.height).render(in: list, &buf, theme: theme)
    }
}
