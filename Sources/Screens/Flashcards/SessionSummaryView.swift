import AIFCore
import Foundation
import TerminalUI

/// The end of a session: how much was done, how often Again, how long, and what tomorrow holds.
struct SessionSummaryView: Widget {
    var summary: SessionSummary
    var scopeTitle: String
    var ctx: AppContext
    var theme: Theme

    static func duration(_ seconds: TimeInterval, _ ctx: AppContext) -> String {
        let total = max(0, Int(seconds.rounded()))
        let (h, m, s) = (total / 3600, total % 3600 / 60, total % 60)
        if h > 0 { return ctx.t("\(h)h \(m)m", "\(h)時間\(m)分") }
        if m > 0 { return ctx.t("\(m)m \(s)s", "\(m)分\(s)秒") }
        return ctx.t("\(s)s", "\(s)秒")
    }

    func render(_ area: Rect, into buf: inout Buffer) {
        let box = area.centered(width: min(area.width - 2, 56), height: min(area.height, 13))
        Panel(title: ctx.t("Session complete", "セッション終了"), style: theme.accent, titleStyle: theme.title, theme: theme)
            .render(box, into: &buf)
        let inner = Panel.inner(of: box)
        let stats = summary.stats
        let percent = Int((stats.againRate * 100).rounded())
        let rows: [(String, String, Style)] = [
            (ctx.t("Studied", "学習範囲"), scopeTitle, .plain),
            (ctx.t("Reviewed", "評価した枚数"), ctx.count(stats.reviewed, "card", "cards", ja: "枚"), .bold),
            (ctx.t("Again", "もう一度"), ctx.t("\(stats.again) (\(percent)%)", "\(stats.again) 回 (\(percent)%)"),
             stats.againRate > 0.2 ? theme.bad : theme.good),
            (ctx.t("Time", "時間"), Self.duration(summary.duration, ctx), .plain),
            (ctx.t("Skipped", "明日へ回した"), ctx.count(stats.buried, "card", "cards", ja: "枚"), .plain),
            (ctx.t("Later today", "今日このあと"),
             ctx.t("\(ctx.count(summary.dueLaterToday, "card", "cards", ja: "")) still due", "あと \(summary.dueLaterToday) 枚"),
             summary.dueLaterToday > 0 ? theme.warning : .plain),
            (ctx.t("Due tomorrow", "明日の予定"),
             ctx.t("\(ctx.count(summary.dueTomorrow, "review", "reviews", ja: "")) · \(summary.newTomorrow) new",
                   "復習 \(summary.dueTomorrow) 枚 · 新規 \(summary.newTomorrow) 枚"), theme.accent.with(.bold)),
        ]
        let labelWidth = min(16, rows.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        for (i, row) in rows.enumerated() where inner.y + i < inner.maxY {
            buf.put(row.0, x: inner.x, y: inner.y + i, style: theme.muted, maxWidth: labelWidth)
            buf.put(row.1, x: inner.x + labelWidth, y: inner.y + i, style: row.2, maxWidth: inner.width - labelWidth)
        }
        if inner.height > rows.count + 1 {
            buf.put(ctx.t("Enter  back to the decks    u  undo the last rating", "Enter  デッキ一覧に戻る    u  直前の評価を取り消す"),
                    x: inner.x, y: inner.maxY - 1, style: theme.muted, maxWidth: inner.width)
        }
    }
}
