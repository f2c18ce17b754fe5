import AIFCore
import Foundation
import TerminalUI

/// The flashcards hub: pick what to study (everything, a domain, a deck or a tag) with each group's size
/// and progress; `b` opens the card browser. The store is read by a job each time the hub shows.
public struct FlashcardsScreen: Screen {
    let base: FlashcardsServices
    /// The services with the missed quiz questions added, once read.
    var services: FlashcardsServices
    public private(set) var scopes: [StudyScope] = []
    public private(set) var snapshot: ProgressSnapshot?
    var loadError: String?
    public var selected = 0
    var offset = 0
    /// A study asked for before the read came back (Enter pressed at once): started when it lands.
    var pendingStudy: (scope: StudyScope, extraNew: Int)?

    public init(services: FlashcardsServices) {
        base = services
        self.services = services
    }

    static func scopes(of lib: ContentLibrary) -> [StudyScope] {
        let tags = Set(lib.cards.flatMap(\.tags)).sorted()
        // Missed quiz questions become a deck, listed right after "All cards".
        let missed = lib.decks.filter { $0.id == QuizStudyCards.deckID }.map { StudyScope.deck($0.id) }
        let decks = lib.decks.filter { $0.id != QuizStudyCards.deckID }.map { StudyScope.deck($0.id) }
        return [.all] + missed + lib.blueprint.domains.map { .domain($0.id) } + decks + tags.map { .tag($0) }
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Flashcards", "フラッシュカード") }

    public mutating func appear(_ ctx: AppContext) {
        ctx.perform(base.loadHub(ctx))
    }

    enum Action { case up, down, pageUp, pageDown, home, end, study, studyMissed, browse, back }

    /// New missed-question cards that today's new-card limit leaves for another day.
    func missedBeyondLimit(_ ctx: AppContext) -> (total: Int, today: Int)? {
        guard let snapshot, scopes.contains(.deck(QuizStudyCards.deckID)) else { return nil }
        let scope = StudyScope.deck(QuizStudyCards.deckID)
        let fresh = services.library.cards.filter { scope.contains($0) && (snapshot.progress[$0.id]?.card.isNew ?? true) }.count
        guard fresh > 0 else { return nil }
        return (fresh, services.queue(scope, snapshot: snapshot, ctx).new.count)
    }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let missed = missedBeyondLimit(ctx)
        return [
            KeyBinding("↑↓ j k", ctx.t("move", "移動"), footer: true, on: [.key(.up), .char("k"), .key(.down), .char("j")], .up),
            KeyBinding("PgUp PgDn Home End", ctx.t("jump", "ジャンプ"), on: [.key(.pageUp), .key(.pageDown), .key(.home), .key(.end)], .home),
            KeyBinding("Enter", ctx.t("study", "学習する"), footer: true, priority: 80, enabled: loadError == nil,
                       on: [.key(.enter), .key(.right), .char("l"), .char(" ")], .study),
            KeyBinding("n", ctx.t("study the missed quiz questions now, past today's new-card limit", "間違えた問題を今すぐ学習 (新規の上限を超えて)"),
                       footer: true, priority: 70, short: ctx.t("study missed now", "間違いを今すぐ"),
                       enabled: missed.map { $0.total > $0.today } ?? false, on: [.char("n")], .studyMissed),
            KeyBinding("b", ctx.t("browse cards", "カード一覧"), footer: true, on: [.char("b")], .browse),
            KeyBinding("q Esc", ctx.t("back", "戻る"), on: [.key(.escape), .char("q"), .key(.left), .char("h")], .back),
        ]
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        bindings(ctx).help() + [KeyHelp(ctx.t("click", "クリック"), ctx.t("study that group", "そのグループを学習"))]
    }

    static func listArea(_ area: Rect) -> Rect {
        area.inset(top: 1, right: 1, bottom: 3, left: 1).inset(top: 2, right: 2, bottom: 1, left: 2)
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event, let loaded = m.payload(as: HubLoaded.self) {
            switch loaded.result {
            case .success(let (s, snap)):
                services = s
                scopes = Self.scopes(of: s.library)
                snapshot = snap
                loadError = nil
                selected = min(selected, max(0, scopes.count - 1))
                if let (scope, extra) = pendingStudy {
                    pendingStudy = nil
                    return study(scope, ctx, extraNew: extra)
                }
            case .failure(let error):
                loadError = "\(error)"
                pendingStudy = nil
            }
            return .none
        }
        let last = max(0, scopes.count - 1)
        switch event {
        case .mouse(let m) where m.kind == .press:
            let rect = Self.listArea(ctx.bodyArea)
            let list = ListView(items: scopes.map { _ in [] }, selected: selected, previousOffset: offset, height: rect.height, theme: .standard)
            if let row = list.rowAt(m.position, in: rect), scopes.indices.contains(row) {
                selected = row
                return study(scopes[row], ctx)
            }
        case .mouse(let m) where m.kind == .scrollDown: selected = min(last, selected + 1)
        case .mouse(let m) where m.kind == .scrollUp: selected = max(0, selected - 1)
        default:
            guard let action: Action = bindings(ctx).action(for: event) else { break }
            switch action {
            case .up, .down, .pageUp, .pageDown, .home, .end:
                switch event {
                case .key(.up), .char("k"): selected = max(0, selected - 1)
                case .key(.down), .char("j"): selected = min(last, selected + 1)
                case .key(.pageDown): selected = min(last, selected + 10)
                case .key(.pageUp): selected = max(0, selected - 10)
                case .key(.home): selected = 0
                default: selected = last
                }
            case .study:
                if snapshot == nil { pendingStudy = (.all, 0) } else if scopes.indices.contains(selected) { return study(scopes[selected], ctx) }
            case .studyMissed:
                guard let missed = missedBeyondLimit(ctx) else { break }
                return study(.deck(QuizStudyCards.deckID), ctx, extraNew: missed.total - missed.today)
            case .browse: return .push(CardBrowserScreen(services: services))
            case .back: return .pop
            }
        }
        offset = ListView(items: scopes.map { _ in [] }, selected: selected, previousOffset: offset,
                          height: Self.listArea(ctx.bodyArea).height, theme: .standard).offset
        return .none
    }

    private func study(_ scope: StudyScope, _ ctx: AppContext, extraNew: Int = 0) -> Transition {
        guard let snapshot else { return .none }
        return .push(StudyScreen(scope: scope, services: services, snapshot: snapshot, ctx: ctx, extraNewCards: extraNew))
    }

    /// One row's figures: the group's size and progress (not the daily limit, which is the same on every row).
    static func progressLine(_ p: ScopeProgress, _ ctx: AppContext) -> String {
        ctx.t("\(ctx.count(p.size, "card", "cards", ja: "")) · \(p.studied) studied · \(p.mature) mature", "\(p.size) 枚 · 学習済み \(p.studied) · 成熟 \(p.mature)")
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let box = area.inset(top: 1, right: 1, bottom: 3, left: 1)
        Panel(title: ctx.t("What to study", "学習する範囲"), style: theme.muted, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let inner = Panel.inner(of: box)
        let rect = Self.listArea(area)
        guard let snapshot else {
            let text = loadError.map { ctx.t("Could not read your progress: ", "学習記録を読めません: ") + $0 } ?? ctx.t("Reading your progress…", "学習記録を読み込み中…")
            Paragraph(text, style: loadError == nil ? theme.muted : theme.bad, width: rect.width).render(rect, into: &buf)
            return
        }
        let lib = services.library
        let progress = scopes.map { ScopeProgress(scope: $0, cards: lib.cards, snapshot: snapshot, now: ctx.now(), clock: services.clock(ctx.settings)) }
        let dueWidth = max(DisplayWidth.of(ctx.t("due", "期限")), 4)
        let figures = progress.map { Self.progressLine($0, ctx) }
        let figureWidth = min(max(20, figures.map(DisplayWidth.of).max() ?? 0), max(0, rect.width - dueWidth - 12))
        // The list's marker takes two columns, then name, a space, due, two spaces, the figures.
        let nameWidth = max(4, rect.width - figureWidth - dueWidth - 5)
        let dueHead = ctx.t("due", "期限")
        buf.put("  " + CardBrowserScreen.pad(ctx.t("group", "範囲"), nameWidth + 1)
                + String(repeating: " ", count: max(0, dueWidth - DisplayWidth.of(dueHead))) + dueHead + "  "
                + ctx.t("size and progress", "枚数と進捗"), x: rect.x, y: inner.y, style: theme.muted.with(.underline), maxWidth: rect.width)
        let items: [Line] = zip(scopes, zip(progress, figures)).map { scope, pf in
            let (p, figure) = pf
            let name = CardBrowserScreen.pad(scope.title(in: lib, ctx.language), nameWidth)
            let due = String(repeating: " ", count: max(0, dueWidth - DisplayWidth.of("\(p.due)"))) + "\(p.due)"
            return [Span(name + " ", style: scope == .all ? .bold : .plain),
                    Span(due + "  ", style: p.due > 0 ? theme.good : theme.muted),
                    Span(CardBrowserScreen.pad(figure, figureWidth), style: theme.muted)]
        }
        ListView(items: items, selected: selected, previousOffset: offset, height: rect.height, theme: theme).render(rect, into: &buf)

        let today = services.queue(.all, snapshot: snapshot, ctx)
        let total = FlashcardsServices.countsLine(today, ctx)
        let line = ctx.t("Today: \(total) · limits \(ctx.settings.newCardsPerDay) new, \(ctx.settings.reviewsPerDay) reviews (Settings)",
                         "今日: \(total) · 上限 新規 \(ctx.settings.newCardsPerDay) 枚・復習 \(ctx.settings.reviewsPerDay) 枚 (設定で変更)")
        buf.put(line, x: area.x + 2, y: area.maxY - 2, style: theme.muted, maxWidth: area.width - 3)
        if let missed = missedBeyondLimit(ctx) {
            let text = missed.total > missed.today
                ? ctx.t("Missed quiz questions: \(missed.total) new, \(missed.today) of them today within your limit · n studies all now",
                        "間違えた問題: 新規 \(missed.total) 枚、上限内で今日 \(missed.today) 枚 · n で今すぐ全部学習")
                : ctx.t("Missed quiz questions: all \(missed.total) appear today", "間違えた問題: \(missed.total) 枚すべて今日出ます")
            buf.put(text, x: area.x + 2, y: area.maxY - 1, style: theme.accent, maxWidth: area.width - 3)
        }
    }
}

/// A study group's size and progress for the hub's rows.
public struct ScopeProgress: Sendable, Equatable {
    public var size = 0
    /// Cards reviewed at least once (not new).
    public var studied = 0
    /// In review with an interval of 21 days or more (Anki's "mature").
    public var mature = 0
    /// Due now or today and not skipped or suspended (before the daily review limit).
    public var due = 0

    public init(scope: StudyScope, cards: [Card], snapshot: ProgressSnapshot, now: Date, clock: StudyClock) {
        let endOfToday = clock.nextDayStart(after: now)
        var seen = Set<String>()
        for card in cards where scope.contains(card) && seen.insert(card.id).inserted {
            size += 1
            guard let row = snapshot.progress[card.id], !row.card.isNew else { continue }
            studied += 1
            let c = row.card
            if c.state == .review, let last = c.lastReview, c.due.timeIntervalSince(last) >= 21 * 86_400 - 1 { mature += 1 }
            if row.suspended || row.isBuried(at: now) { continue }
            if c.state == .review ? c.due < endOfToday : c.due <= now { due += 1 }
        }
    }
}
