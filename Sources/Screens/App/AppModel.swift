import Foundation
import TerminalUI

/// The root program: a stack of screens under a header and a footer, with the keys that work everywhere
/// (`?` help, `L` language, `q`/Esc back, `q` on the home screen quits).
public struct AppModel: Program {
    public var stack: [any Screen]
    public let context: AppContext
    public var showHelp = false
    /// One id per screen on the stack, for routing job messages to the screen that started the job.
    private var ids: [UInt64] = []
    private var lastID: UInt64 = 0

    public init(root: any Screen, context: AppContext) {
        stack = [root]
        self.context = context
    }

    /// Updates with the context's clock as the event time, performing jobs inline (tests, benchmarks).
    @discardableResult
    public mutating func send(_ event: Event) -> Command { send(event, at: context.clock()) }

    private mutating func syncIDs() {
        while ids.count < stack.count { lastID += 1; ids.append(lastID) }
        if ids.count > stack.count { ids.removeLast(ids.count - stack.count) }
    }

    public var tickInterval: Duration? { showHelp ? nil : stack.last?.tickInterval }

    public static let minimumSize = MinimumSize(width: 60, height: 18)

    static func bodyArea(_ size: Size) -> Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 2) }

    public mutating func update(_ event: Event, at now: Date) -> Command {
        context.eventTime = now
        syncIDs()
        let started = startRoot()
        if case .message(let m) = event { return Command.all(started + [deliver(m)]) }
        let owner = ids.last ?? 0
        let command = route(event)
        // What the screen asked for goes first: a write it queued as it closed (a quiz saved on pause)
        // starts before the read of the screen it uncovered, which on the same lane then sees it.
        let asked = commands(owner: owner)
        return Command.all(started + asked + [command])
    }

    private var rootAppeared = false

    /// The root screen appears with the first event (the runtime's first resize).
    private mutating func startRoot() -> [Command] {
        guard !rootAppeared else { return [] }
        rootAppeared = true
        return appearTop()
    }

    /// Tells the top screen it shows; what it asks for is stamped with its id (earlier requests are left alone).
    private mutating func appearTop() -> [Command] {
        guard var top = stack.popLast() else { return [] }
        let before = context.takeOutbox()
        top.appear(context)
        stack.append(top)
        let own = commands(owner: ids.last ?? 0)
        for entry in before { entry.appOwned ? context.performForApp(entry.command) : context.perform(entry.command) }
        return own
    }

    /// The context's outbox, jobs stamped with the screen that asked (or the app).
    private func commands(owner: UInt64) -> [Command] {
        context.takeOutbox().map { entry in
            let o = entry.appOwned ? 0 : owner
            switch entry.command {
            case .run(var job): job.slot.owner = o; return .run(job)
            case .cancel(var slot): slot.owner = o; return .cancel(slot)
            default: return entry.command
            }
        }
    }

    /// A job message goes to the screen that started it, if it is still open; the app's own show in the footer.
    private mutating func deliver(_ m: JobMessage) -> Command {
        if m.slot.owner == 0 {
            if let text = m.payload(as: StatusReport.self)?.text { context.status = text }
            return Command.all(commands(owner: 0))
        }
        guard let i = ids.firstIndex(of: m.slot.owner) else { return .none }
        var screen = stack[i]
        let transition = screen.update(.message(m), context)
        stack[i] = screen
        let asked = commands(owner: m.slot.owner)
        // Only the screen on top may move the stack.
        return Command.all(asked + [i == stack.count - 1 ? apply(transition) : .none])
    }

    private mutating func route(_ event: Event) -> Command {
        // Ctrl-Z suspends from anywhere, even a text field (it is a key: see NcursesTerminal).
        if event == .key(.ctrl("z")) { return .suspend }
        if case .key = event { context.status = nil }
        if case .resize(let size) = event { context.bodyArea = Self.bodyArea(size) }
        if showHelp {
            switch event {
            case .key(.character("?")), .key(.escape), .key(.character("q")), .key(.enter):
                showHelp = false
            case .mouse(let m) where m.kind == .press:
                showHelp = false
            case .key(.character("L")):
                context.toggleLanguage()
            default: break
            }
            return .none
        }
        guard var top = stack.popLast() else { return .quit }
        if !top.capturesText, case .key(let key) = event {
            switch key {
            case .character("?"):
                stack.append(top)
                showHelp = true
                return .none
            case .character("L"):
                stack.append(top)
                context.toggleLanguage()
                return .none
            default: break
            }
        }
        let transition = top.update(event, context)
        stack.append(top)
        return apply(transition)
    }

    /// Moves the stack; a screen that leaves it has its pending jobs cancelled.
    private mutating func apply(_ transition: Transition) -> Command {
        switch transition {
        case .none:
            return .none
        case .push(let s):
            stack.append(s)
            syncIDs()
            return Command.all(appearTop())
        case .pop:
            guard stack.count > 1 else { return .quit }
            stack.removeLast()
            let gone = ids.removeLast()
            return Command.all([.cancelOwner(gone)] + appearTop())
        case .replace(let s):
            stack[stack.count - 1] = s
            let gone = ids.removeLast()
            syncIDs()
            return Command.all([.cancelOwner(gone)] + appearTop())
        case .quit:
            return .quit
        }
        return .none
    }

    public func view(into buf: inout Buffer, theme: Theme) {
        let area = buf.area
        guard let top = stack.last else { return }
        let body = Self.bodyArea(area.size)
        renderHeader(top, into: &buf, area: area.row(0), theme: theme)
        top.view(into: &buf, area: body, context, theme: theme)
        renderFooter(top, into: &buf, area: area.row(area.height - 1), theme: theme)
        if showHelp { renderHelp(top, into: &buf, area: area, theme: theme) }
    }

    private func renderHeader(_ top: any Screen, into buf: inout Buffer, area: Rect, theme: Theme) {
        buf.fill(area, style: Style(.reverse))
        let lang = context.isJapanese ? "日本語" : "English"
        let right = "\(lang) "
        let w = DisplayWidth.of(right)
        buf.put(" " + Self.breadcrumb(stack.map { $0.title(context) }, width: area.width - w - 2),
                x: area.x, y: area.y, style: Style([.reverse, .bold]), maxWidth: area.width - w - 1)
        buf.put(right, x: area.maxX - w, y: area.y, style: Style(.reverse))
    }

    /// "aifprep · Home › Quiz › Practice" in `width` columns: the middle screens give way to "…" first, then
    /// the current title is cut with "…" (its full text is in the `?` overlay's title).
    static func breadcrumb(_ titles: [String], width: Int) -> String {
        let head = "aifprep · "
        var crumbs = titles
        func text() -> String { head + crumbs.joined(separator: " › ") }
        var dropped = false
        while DisplayWidth.of(text()) > width, crumbs.count > (dropped ? 2 : 1) {
            if dropped { crumbs.remove(at: 1) } else { crumbs.removeFirst(); crumbs.insert("…", at: 0); dropped = true }
            if dropped, crumbs.count == 2 { break }
        }
        return Buffer.truncated(text(), width: width)
    }

    /// The footer's entries: the screen's, then the global ones the screen does not claim itself.
    func footerItems(_ top: any Screen) -> [KeyHelp] {
        var items = top.keyHelp(context).filter(\.inFooter)
        let claimed = Set(top.keyHelp(context).flatMap(\.keyTokens))
        items.append(KeyHelp("L", context.isJapanese ? "English" : "日本語", priority: 10))
        items.append(KeyHelp("?", context.t("help", "ヘルプ"), priority: Int.max))
        if !claimed.contains("q") {
            items.append(KeyHelp("q", stack.count > 1 ? context.t("back", "戻る") : context.t("quit", "終了"), priority: 90))
        }
        return items
    }

    /// Drops the least important entries until the rest fit in `width`; `?` help always stays.
    static func fitFooter(_ items: [KeyHelp], width: Int) -> [KeyHelp] {
        func w(_ i: KeyHelp) -> Int { DisplayWidth.of(i.keys) + DisplayWidth.of(i.footerAction) + 3 }
        var kept = items
        while kept.reduce(0, { $0 + w($1) }) > width {
            // The lowest priority goes first; of equal ones, the later.
            guard let drop = kept.indices.filter({ kept[$0].keys != "?" })
                .min(by: { kept[$0].priority < kept[$1].priority || (kept[$0].priority == kept[$1].priority && $0 > $1) })
            else { break }
            kept.remove(at: drop)
        }
        return kept
    }

    private func renderFooter(_ top: any Screen, into buf: inout Buffer, area: Rect, theme: Theme) {
        if let status = context.status {
            buf.put(" " + status, x: area.x, y: area.y, style: theme.warning, maxWidth: area.width)
            return
        }
        var x = area.x + 1
        for item in Self.fitFooter(footerItems(top), width: area.width - 1) {
            x += buf.put(item.keys, x: x, y: area.y, style: theme.key, maxWidth: max(0, area.maxX - x))
            x += buf.put(" " + item.footerAction + "  ", x: x, y: area.y, style: theme.muted, maxWidth: max(0, area.maxX - x))
        }
    }

    /// The `?` overlay's entries: the screen's bindings, then the global keys it does not claim itself.
    func helpEntries(_ top: any Screen) -> [KeyHelp] {
        let ctx = context
        let own = top.keyHelp(ctx)
        let claimed = Set(own.flatMap(\.keyTokens))
        let global = [
            KeyHelp("?", ctx.t("show or hide this help", "このヘルプを表示/非表示")),
            KeyHelp("L", ctx.t("switch English / Japanese", "英語と日本語を切り替え")),
            KeyHelp("q  Esc", stack.count > 1 ? ctx.t("go back", "前の画面に戻る") : ctx.t("quit aifprep", "aifprep を終了")),
            KeyHelp("Ctrl-Z", ctx.t("suspend (resume with fg)", "一時停止 (fg で再開)")),
        ]
        return own + global.filter { !$0.keyTokens.allSatisfy(claimed.contains) }
    }

    private func renderHelp(_ top: any Screen, into buf: inout Buffer, area: Rect, theme: Theme) {
        let ctx = context
        let entries = helpEntries(top)
        let width = min(area.width - 4, 72)
        // Wide enough for the longest key plus a gap (a Japanese key name is twice as wide), at most half.
        let keyW = min(max(4, (width - 4) / 2), (entries.map { DisplayWidth.of($0.keys) }.max() ?? 4) + 2)
        // Long descriptions wrap rather than being cut: the overlay is where the full text is read.
        let textW = max(8, width - 4 - keyW)
        let rows: [(keys: String, text: Line)] = entries.flatMap { e in
            TextWrap.wrap([Span(e.action)], width: textW).enumerated().map { ($0.offset == 0 ? e.keys : "", $0.element) }
        }
        let height = min(area.height - 2, rows.count + 4)
        let box = area.centered(width: width, height: height)
        buf.fill(box)
        Panel(title: ctx.t("Keys — \(top.title(ctx))", "キー操作 — \(top.title(ctx))"), style: theme.accent, titleStyle: theme.title, theme: theme)
            .render(box, into: &buf)
        let inner = Panel.inner(of: box)
        let fits = rows.count <= inner.height - 1
        for (i, r) in rows.prefix(max(0, inner.height - (fits ? 1 : 2))).enumerated() {
            buf.put(r.keys, x: inner.x, y: inner.y + i, style: theme.key, maxWidth: keyW - 1)
            buf.put(r.text.plainText, x: inner.x + keyW, y: inner.y + i, maxWidth: inner.width - keyW)
        }
        if !fits, inner.height >= 2 {
            buf.put(ctx.t("… (enlarge the terminal to see all keys)", "… (端末を大きくするとすべて表示されます)"),
                    x: inner.x, y: inner.maxY - 2, style: theme.muted, maxWidth: inner.width)
        }
        buf.put(ctx.t("Press ? or Esc to close", "? または Esc で閉じる"), x: inner.x, y: inner.maxY - 1, style: theme.muted, maxWidth: inner.width)
    }
}
