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

    public init(dueToday: Int, newLeft: Int, readiness: Readiness? = nil, weakestDomain: String? = nil,
                lastExam: QuizHistoryEntry? = nil, daysToExam: Int? = nil) {
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
        return lines
    }
}
