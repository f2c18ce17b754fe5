import AIFCore
import Foundation
import TerminalUI

/// One mode on the home screen. Entries are registered by the executable, so a mode that is not built
/// simply is not listed.
public struct HomeEntry {
    public var shortcut: Character
    public var title: (en: String, ja: String)
    public var summary: (en: String, ja: String)
    /// A live line under the summary, e.g. "12 cards due".
    public var status: (AppContext) -> String?
    public var open: (AppContext) -> any Screen

    public init(shortcut: Character, title: (en: String, ja: String), summary: (en: String, ja: String),
                status: @escaping (AppContext) -> String? = { _ in nil }, open: @escaping (AppContext) -> any Screen) {
        self.shortcut = shortcut
        self.title = title
        self.summary = summary
        self.status = status
        self.open = open
    }
}

public struct HomeScreen: Screen {
    public var entries: [HomeEntry]
    public var selected = 0
    /// Figures at a glance (due cards, readiness, last exam); called by a job each time Home shows, never
    /// in `update` or `view`. Nil shows none.
    public var dashboard: ((AppContext) -> HomeDashboard?)?
    /// The last read, per language (so `L` switches without another read).
    var loaded: [Language: HomeFigures] = [:]

    public init(entries: [HomeEntry], dashboard: ((AppContext) -> HomeDashboard?)? = nil) {
        self.entries = entries
        self.dashboard = dashboard
    }

    public func title(_ ctx: AppContext) -> String { ctx.t("Home", "ホーム") }

    /// The entries' status lines and the dashboard, read off the loop in both languages. The closures read
    /// the store, so each language gets its own context copy with the event's time and the settings of now.
    public mutating func appear(_ ctx: AppContext) {
        let entries = entries, dashboard = dashboard, settings = ctx.settings, now = ctx.now(), paths = ctx.paths
        let languages: [Language] = ctx.canShowJapanese ? [.en, .ja] : [.en]
        ctx.perform(.run(Job(key: "home", lane: "progress") { _ in
            var result: [Language: HomeFigures] = [:]
            for lang in languages {
                var s = settings
                s.language = lang
                let c = AppContext(settings: s, canShowJapanese: true, paths: paths, now: { now })
                result[lang] = HomeFigures(statuses: entries.map { $0.status(c) }, dashboard: dashboard?(c))
            }
            return HomeLoaded(figures: result)
        }))
    }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓ j k", ctx.t("move", "移動"), footer: true),
            KeyHelp("Enter l", ctx.t("open", "開く"), footer: true),
            KeyHelp(entries.map { String($0.shortcut) }.joined(separator: " "),
                    entries.contains { $0.shortcut == "Q" }
                        ? ctx.t("open by first letter (capital Q: q quits)", "頭文字で開く (q は終了なので大文字の Q)")
                        : ctx.t("open by first letter", "頭文字で開く")),
            KeyHelp(ctx.t("click", "クリック"), ctx.t("open an item", "項目を開く")),
        ]
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        if case .message(let m) = event {
            if let home = m.payload(as: HomeLoaded.self) { loaded = home.figures }
            return .none
        }
        guard !entries.isEmpty else { return event == .char("q") ? .quit : .none }
        switch event {
        case .key(.up), .char("k"): selected = (selected + entries.count - 1) % entries.count
        case .key(.down), .char("j"), .key(.tab): selected = (selected + 1) % entries.count
        case .key(.home): selected = 0
        case .key(.end): selected = entries.count - 1
        case .key(.enter), .key(.right), .char("l"): return .push(entries[selected].open(ctx))
        case .char("q"): return .quit
        case .key(.character(let c)):
            let lower = Character(c.lowercased())
            if let i = entries.firstIndex(where: { Character($0.shortcut.lowercased()) == lower }) {
                selected = i
                return .push(entries[i].open(ctx))
            }
        case .mouse(let m) where m.kind == .press:
            if let i = menuIndex(at: m.position, body: ctx.bodyArea) {
                selected = i
                return .push(entries[i].open(ctx))
            }
        case .mouse(let m) where m.kind == .scrollDown: selected = min(entries.count - 1, selected + 1)
        case .mouse(let m) where m.kind == .scrollUp: selected = max(0, selected - 1)
        default: break
        }
        return .none
    }

    /// Menu rows are laid out the same way in `view`.
    private func menuIndex(at p: Point, body: Rect) -> Int? {
        let menu = Self.menuArea(in: body)
        guard menu.contains(p) else { return nil }
        let row = (p.y - menu.y) / 2
        return (p.y - menu.y) % 2 == 0 && row < entries.count ? row : nil
    }

    static func columns(_ area: Rect) -> [Rect] {
        Layout.horizontal([.length(min(34, area.width / 2)), .fill(1)], spacing: 1).split(area)
    }

    static func menuArea(in area: Rect) -> Rect {
        columns(area)[0].inset(top: 2, right: 1, bottom: 1, left: 2)
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let cols = Self.columns(area)
        Panel(title: ctx.t("Study modes", "学習モード"), style: theme.muted, titleStyle: theme.title, theme: theme).render(cols[0], into: &buf)
        let menu = Self.menuArea(in: area)
        for (i, e) in entries.enumerated() {
            let y = menu.y + i * 2
            guard y < menu.maxY else { break }
            let isSel = i == selected
            let marker = isSel ? "\(theme.symbols.pointer) " : "  "
            var x = menu.x + buf.put(marker, x: menu.x, y: y, style: theme.accent.with(.bold))
            x += buf.put(String(e.shortcut), x: x, y: y, style: theme.key)
            x += buf.put("  " + (ctx.isJapanese ? e.title.ja : e.title.en), x: x, y: y, style: isSel ? .bold : .plain, maxWidth: menu.maxX - x)
            if isSel { buf.style(Rect(x: menu.x, y: y, width: menu.width, height: 1)) { $0.with(.reverse) } }
        }

        Panel(title: ctx.t("AWS Certified AI Practitioner (AIF-C01)", "AWS Certified AI Practitioner (AIF-C01)"),
              style: theme.muted, titleStyle: theme.title, theme: theme)
            .render(cols[1], into: &buf)
        let inner = Panel.inner(of: cols[1])
        guard !entries.isEmpty, inner.height > 0 else { return }
        let e = entries[selected]
        var y = inner.y + 1
        let title = Paragraph(ctx.isJapanese ? e.title.ja : e.title.en, style: theme.accent.with(.bold), width: inner.width)
        let titleArea = Rect(x: inner.x, y: y, width: inner.width, height: 1)
        title.render(titleArea, into: &buf)
        y += title.height(in: titleArea) + 1
        let summary = Paragraph(Markup.parse(ctx.isJapanese ? e.summary.ja : e.summary.en), width: inner.width)
        let summaryArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
        summary.render(summaryArea, into: &buf)
        y += summary.height(in: summaryArea) + 1
        let figures = loaded[ctx.language]
        if let s = figures?.statuses[safe: selected] ?? nil, y < inner.maxY {
            let status = Paragraph(s, style: theme.good, width: inner.width)
            let statusArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
            status.render(statusArea, into: &buf)
            y += status.height(in: statusArea) + 1
        }
        // At a glance, just above the exam facts; left out when the description needs the room.
        if let lines = figures?.dashboard?.lines(ctx, theme: theme) {
            let top = inner.maxY - 2 - lines.count
            if top >= y {
                for (i, line) in lines.enumerated() {
                    var x = inner.x
                    for span in line { x += buf.put(span.text, x: x, y: top + i, style: span.style, maxWidth: max(0, inner.maxX - x)) }
                }
            }
        }
        let facts = ctx.t("65 questions · 90 minutes · pass at 700 of 1000", "65 問 · 90 分 · 1000 点中 700 点で合格")
        if inner.height > 8 {
            Paragraph(facts, style: theme.muted, width: inner.width).render(Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), into: &buf)
        }
    }
}

/// What Home's job read, for one language.
struct HomeFigures {
    var statuses: [String?]
    var dashboard: HomeDashboard?
}

struct HomeLoaded: @unchecked Sendable { var figures: [Language: HomeFigures] }

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
