import AIFCore
import Foundation
import StudyStats
import TerminalUI

/// The figures Home shows at a glance, under the selected mode's description.
public struct HomeDashboard: Sendable, Equatable {
    public var dueToday: Int
    public var newLeft: Int
    public var readiness: Readiness?
    /// E.g. "3 Applications of foundation models".
    public var weakestDomain: String?
    public var lastExam: QuizHistoryEntry?
    public var daysToExam: Int?
    public var plan: ExamPlan?

    public init(dueToday: Int, newLeft: Int, readiness: Readiness? = nil, weakestDomain: String? = nil,
                lastExam: QuizHistoryEntry? = nil, daysToExam: Int? = nil, plan: ExamPlan? = nil) {
        self.plan = plan
        self.dueToday = dueToday
        self.newLeft = newLeft
        self.readiness = readiness
        self.weakestDomain = weakestDomain
        self.lastExam = lastExam
        self.daysToExam = daysToExam
    }

    func lines(_ ctx: AppContext, theme: Theme) -> [Line] {
        var lines: [Line] = [[Span(ctx.t("Today: ", "今日: "), style: theme.muted),
                              Span(ctx.t("\(dueToday) due · \(newLeft) new", "復習 \(dueToday) 枚 · 新規 \(newLeft) 枚"), style: .bold)]]
        if let r = readiness {
            let line = r.hasEvidence ? StatsServices.readinessLine(r, ctx) : ctx.t("answer a quiz to estimate", "クイズに答えると推定します")
            lines.append([Span(ctx.t("Readiness: ", "合格見込み: "), style: theme.muted),
                          Span(line, style: r.hasEvidence && r.low >= r.passingScore ? theme.good : .bold)])
            if r.hasEvidence, let w = weakestDomain {
                lines.append([Span(ctx.t("Weakest: ", "弱い分野: "), style: theme.muted), Span(w)])
            }
        }
        var last: Line = []
        if let e = lastExam {
            last += [Span(ctx.t("Last exam: ", "前回の模擬試験: "), style: theme.muted), Span("\(e.scaledScore) ", style: .bold),
                     Span(e.passed ? ctx.t("pass", "合格") : ctx.t("fail", "不合格"), style: e.passed ? theme.good : theme.bad)]
        }
        if let d = daysToExam {
            if !last.isEmpty { last.append(Span(" · ", style: theme.muted)) }
            last.append(Span(d >= 0 ? ctx.t("exam in \(d) days", "試験まで \(d) 日") : ctx.t("exam date passed", "試験日は過ぎました"), style: theme.warning))
        }
        if !last.isEmpty { lines.append(last) }
        if let p = plan {
            let pct = StatsServices.percent(p.recallOnExamDay)
            let text = p.newCardsLeft == 0 ? ctx.t("all cards introduced · exam-day recall \(pct)", "全カード学習済み · 試験日の記憶率 \(pct)")
                : p.isLate ? ctx.t("\(p.newCardsLeft) new cards left, under a week to go · recall \(pct)", "新規 \(p.newCardsLeft) 枚、試験まで 1 週間未満 · 記憶率 \(pct)")
                : ctx.t("\(p.newPerDay) new a day · exam-day recall \(pct)", "1 日 \(p.newPerDay) 枚 · 試験日の記憶率 \(pct)")
            lines.append([Span(ctx.t("Plan: ", "計画: "), style: theme.muted), Span(text)])
            if !p.fitsReviewLimit {
                lines.append([Span(ctx.t("  up to \(p.peakReviews) reviews a day, over your \(p.reviewLimit)", "  1 日最大 \(p.peakReviews) 回、上限 \(p.reviewLimit) 回を超えます"), style: theme.warning)])
            }
        }
        return lines
    }
}
