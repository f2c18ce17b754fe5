import AIFCore
import Foundation
import ProgressStore
import Screens

extension HomeMenu {
    /// The Quiz entry. `services.store` is a `QuizAttemptsStore` on the shared progress database, or an
    /// in-memory store when there is none.
    static func quiz(_ services: QuizServices) -> HomeEntry {
        HomeEntry(
            shortcut: "Q",
            title: ("Quiz", "クイズ"),
            summary: ("Timed **exam simulation** (65 questions, 90 minutes, scaled score), practice by domain and question type with explanations, your mistakes, and Quick 10.",
                      "時間制限付きの**模擬試験** (65 問・90 分・スケールスコア)、分野や形式を選ぶ解説付きの練習、間違えた問題、クイック 10。"),
            status: { ctx in quizStatus(services.store, ctx) },
            open: { _ in QuizMenuScreen(services: services) }
        )
    }

    /// E.g. "Last exam 742 · pass · unfinished quiz 12/65".
    static func quizStatus(_ store: any QuizAttemptStoring, _ ctx: AppContext) -> String? {
        var parts: [String] = []
        if let last = ((try? store.history()) ?? []).last(where: { $0.mode == .exam }) {
            parts.append(ctx.t("Last exam \(last.scaledScore) · \(last.passed ? "pass" : "fail")",
                               "前回の模擬試験 \(last.scaledScore) · \(last.passed ? "合格" : "不合格")"))
        }
        if let open = (try? store.unfinishedAttempt()) ?? nil {
            parts.append(ctx.t("unfinished quiz \(open.answeredCount)/\(open.count)", "中断中のクイズ \(open.answeredCount)/\(open.count)"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
