import AIFCore
import Foundation
import SpacedRepetition
import TerminalUI

/// Every setting on one list: ←/→ (or h/l, −/+) changes the selected one, and it is saved at once.
public struct SettingsScreen: Screen {
    public var selected = 0
    public init() {}

    enum Row: CaseIterable { case language, newCards, reviews, retention, dayStart, extraTime, examDate }

    public func title(_ ctx: AppContext) -> String { ctx.t("Settings", "設定") }

    public func keyHelp(_ ctx: AppContext) -> [KeyHelp] {
        [
            KeyHelp("↑↓ j k", ctx.t("choose", "選択"), footer: true),
            KeyHelp("←→ h l", ctx.t("change", "変更"), footer: true),
            KeyHelp("- +", ctx.t("change", "変更")),
        ]
    }

    func label(_ row: Row, _ ctx: AppContext) -> String {
        switch row {
        case .language: return ctx.t("Language", "言語")
        case .newCards: return ctx.t("New cards per day", "1 日の新規カード数")
        case .reviews: return ctx.t("Reviews per day", "1 日の復習上限")
        case .retention: return ctx.t("Desired retention", "目標記憶率")
        case .dayStart: return ctx.t("New day starts at", "1 日の始まり")
        case .extraTime: return ctx.t("Exam: extra 30 minutes", "試験: 30 分延長")
        case .examDate: return ctx.t("Exam date", "試験日")
        }
    }

    func value(_ row: Row, _ ctx: AppContext) -> String {
        let s = ctx.settings
        switch row {
        case .language: return s.language == .ja ? "日本語" : "English"
        case .newCards: return "\(s.newCardsPerDay)"
        case .reviews: return "\(s.reviewsPerDay)"
        case .retention: return String(format: "%.2f", s.desiredRetention)
        case .dayStart: return String(format: "%02d:00", s.dayStartHour)
        case .extraTime: return s.examExtraTime ? ctx.t("on", "オン") : ctx.t("off", "オフ")
        case .examDate: return s.examDate ?? ctx.t("not set", "未設定")
        }
    }

    func hint(_ row: Row, _ ctx: AppContext) -> String {
        switch row {
        case .language: return ctx.t("Interface and study material. L switches it on any screen.", "画面と学習内容の言語です。どの画面でも L で切り替えられます。")
        case .newCards: return ctx.t("New flashcards introduced each day.", "1 日に新しく学ぶカードの枚数です。")
        case .reviews: return ctx.t("At most this many reviews a day; the rest wait.", "1 日に復習するカードの上限です。残りは翌日以降に回ります。")
        case .retention: return ctx.t("FSRS schedules reviews so you recall this share of cards (0.70–0.97). Higher means more reviews.", "FSRS はこの割合のカードを思い出せるよう復習を計画します (0.70〜0.97)。高くするほど復習回数が増えます。")
        case .dayStart: return ctx.t("Reviews due 'today' roll over at this local hour, as in Anki.", "この時刻 (ローカル時刻) で学習日が切り替わります。Anki と同じ考え方です。")
        case .extraTime: return ctx.t("Non-native English speakers may request 30 extra minutes for the real exam.", "英語を母語としない受験者は、本試験で 30 分の延長を申請できます。")
        case .examDate: return ctx.t("←→ a day, - + a week (x clears). Home then shows the days left, new cards a day and the recall forecast for that day.",
                                     "←→ で 1 日、- + で 1 週間ずつ (x で解除)。ホームに残り日数、1 日の新規カード数、試験日の記憶率の予測が表示されます。")
        }
    }

    mutating func change(_ delta: Int, _ ctx: AppContext) {
        var s = ctx.settings
        switch Row.allCases[selected] {
        case .language:
            ctx.toggleLanguage()
            return
        case .newCards: s.newCardsPerDay = min(999, max(0, s.newCardsPerDay + delta * 5))
        case .reviews: s.reviewsPerDay = min(9999, max(0, s.reviewsPerDay + delta * 50))
        case .retention: s.desiredRetention = min(0.97, max(0.7, ((s.desiredRetention + Double(delta) * 0.01) * 100).rounded() / 100))
        case .dayStart: s.dayStartHour = (s.dayStartHour + delta + 24) % 24
        case .extraTime: s.examExtraTime.toggle()
        case .examDate: s.examDate = Self.movedExamDate(s.examDate, by: delta, ctx)
        }
        ctx.settings = s
        ctx.saveSettings()
    }

    /// Unset starts four weeks from today; moving before today clears it.
    static func movedExamDate(_ current: String?, by days: Int, _ ctx: AppContext) -> String? {
        let tz = TimeZone.current
        let today = StudyDay.date(containing: ctx.now(), timeZone: tz, dayStartHour: ctx.settings.dayStartHour)
        guard let current, let p = AppSettings.parseExamDate(current) else { return today.adding(days: 28).description }
        let moved = StudyDate(year: p.year, month: p.month, day: p.day).adding(days: days)
        return moved < today ? nil : moved.description
    }

    public mutating func update(_ event: Event, _ ctx: AppContext) -> Transition {
        let n = Row.allCases.count
        switch event {
        case .key(.up), .char("k"): selected = (selected + n - 1) % n
        case .key(.down), .char("j"), .key(.tab): selected = (selected + 1) % n
        // `+`/`-` move the exam date a week; on other rows they are one step, like the arrows.
        case .char("+"), .char("="): change(Row.allCases[selected] == .examDate ? 7 : 1, ctx)
        case .key(.right), .char("l"), .key(.enter), .char(" "): change(1, ctx)
        case .key(.left), .char("h"): change(-1, ctx)
        case .char("-"): change(Row.allCases[selected] == .examDate ? -7 : -1, ctx)
        case .char("x") where Row.allCases[selected] == .examDate:
            ctx.settings.examDate = nil
            ctx.saveSettings()
        case .key(.escape), .char("q"): return .pop
        case .mouse(let m) where m.kind == .press:
            let list = Self.listArea(ctx.bodyArea)
            if list.contains(m.position), (m.position.y - list.y) / 2 < n, (m.position.y - list.y) % 2 == 0 {
                let row = (m.position.y - list.y) / 2
                if row == selected { change(m.position.x >= list.x + list.width / 2 ? 1 : -1, ctx) }
                selected = row
            }
        default: break
        }
        return .none
    }

    static func listArea(_ area: Rect) -> Rect { area.inset(top: 2, right: 3, bottom: 4, left: 3) }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        Panel(title: title(ctx), style: theme.muted, titleStyle: theme.title, theme: theme).render(area, into: &buf)
        let list = Self.listArea(area)
        let labelW = min(28, list.width / 2)
        for (i, row) in Row.allCases.enumerated() {
            let y = list.y + i * 2
            guard y < list.maxY else { break }
            let isSel = i == selected
            buf.put((isSel ? "\(theme.symbols.pointer) " : "  ") + label(row, ctx), x: list.x, y: y, style: isSel ? .bold : .plain, maxWidth: labelW)
            let v = "‹ \(value(row, ctx)) ›"
            buf.put(theme.unicode ? v : "< \(value(row, ctx)) >", x: list.x + labelW + 2, y: y, style: isSel ? theme.accent.with(.bold) : .plain)
        }
        let hintRect = Rect(x: list.x, y: area.maxY - 4, width: list.width, height: 3)
        Paragraph(hint(Row.allCases[selected], ctx), style: theme.muted, width: hintRect.width).render(hintRect, into: &buf)
    }
}
