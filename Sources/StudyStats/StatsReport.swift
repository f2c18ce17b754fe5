import AIFCore
import Foundation

/// `aifprep stats`: the figures of the Stats screen as text or JSON, for scripts.
public struct StatsReport: Codable, Sendable, Equatable {
    public var stats: StudyStats
    public var readiness: Readiness
    public var plan: ExamPlan?

    public init(stats: StudyStats, readiness: Readiness, plan: ExamPlan? = nil) {
        self.plan = plan
        self.stats = stats
        self.readiness = readiness
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func percent(_ x: Double?) -> String { x.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }

    public func text(library: ContentLibrary, language: Language) -> String {
        let ja = language == .ja
        func t(_ en: String, _ jaText: String) -> String { ja ? jaText : en }
        let s = stats, r = readiness
        var lines: [String] = []
        lines.append(t("Readiness: \(r.score) (80 % range \(r.low)–\(r.high); pass at \(r.passingScore)) from \(r.answersUsed) quiz answers",
                       "合格見込み: \(r.score) 点 (80 % 範囲 \(r.low)–\(r.high)、合格 \(r.passingScore) 点) クイズ回答 \(r.answersUsed) 件から"))
        if !r.hasEvidence {
            lines.append(t("  (no quiz answers or studied cards yet: this is the starting guess, hence the wide range)",
                           "  (クイズの回答も学習済みのカードもまだないため初期値です。範囲が広いのはそのためです)"))
        }
        if r.hasEvidence, let w = r.weakestDomain, let d = library.domain(id: w.id) {
            lines.append(t("Weakest domain: \(d.number) \(d.title.en) (\(Self.percent(w.mean)))",
                           "最も弱い分野: \(d.number) \(d.title.ja) (\(Self.percent(w.mean)))"))
        }
        let tasks = r.weakestTasks.map { task in "\(task.id) \(library.task(id: task.id).map { $0.title(language) } ?? "") (\(Self.percent(task.mean)))" }
        if r.hasEvidence { lines.append(t("Weakest tasks: ", "弱いタスク: ") + tasks.joined(separator: "; ")) }
        if let p = plan {
            lines.append(t("Exam \(p.examDate) in \(p.daysLeft) days: \(p.newPerDay) new cards a day introduce the \(p.newCardsLeft) left by \(p.finishBy); up to \(p.peakReviews) reviews a day (limit \(p.reviewLimit)); exam-day recall \(Self.percent(p.recallOnExamDay)) if you keep up, rating Good",
                           "試験日 \(p.examDate) まで \(p.daysLeft) 日: 1 日 \(p.newPerDay) 枚で残り \(p.newCardsLeft) 枚を \(p.finishBy) までに導入。復習は 1 日最大 \(p.peakReviews) 回 (上限 \(p.reviewLimit) 回)。予定どおり Good で復習した場合の試験日の記憶率 \(Self.percent(p.recallOnExamDay))"))
        }
        lines.append(t("Today: \(s.reviewsToday) reviews · streak \(s.currentStreak) days (longest \(s.longestStreak))",
                       "今日: 復習 \(s.reviewsToday) 回 · 連続 \(s.currentStreak) 日 (最長 \(s.longestStreak) 日)"))
        lines.append(t(String(format: "Per day (30 days): %.1f reviews, %.1f min", s.reviewsPerDay, s.secondsPerDay / 60),
                       String(format: "1 日あたり (30 日): 復習 %.1f 回、%.1f 分", s.reviewsPerDay, s.secondsPerDay / 60)))
        lines.append(t("Due in the next 30 days: ", "今後 30 日の期限: ") + s.forecast.map(String.init).joined(separator: " "))
        lines.append(t("True retention (30 days): young \(Self.percent(s.retentionYoung.rate)) of \(s.retentionYoung.total), mature \(Self.percent(s.retentionMature.rate)) of \(s.retentionMature.total)",
                       "実際の記憶率 (30 日): 若い \(Self.percent(s.retentionYoung.rate)) (\(s.retentionYoung.total) 回中)、成熟 \(Self.percent(s.retentionMature.rate)) (\(s.retentionMature.total) 回中)"))
        let st = s.states
        lines.append(t("Cards: \(st.new) new, \(st.learning) learning, \(st.relearning) relearning, \(st.young) young, \(st.mature) mature",
                       "カード: 新規 \(st.new)、学習中 \(st.learning)、再学習 \(st.relearning)、若い \(st.young)、成熟 \(st.mature)"))
        for d in s.decks {
            lines.append("  \(d.title(language)): " + t("\(d.studied)/\(d.size) studied, \(d.mature) mature", "\(d.size) 枚中 \(d.studied) 枚学習、成熟 \(d.mature) 枚"))
        }
        lines.append(t("Quiz accuracy by domain: ", "分野別の正答率: ")
                     + s.domains.map { "\($0.number) \(Self.percent($0.rate)) (\($0.total))" }.joined(separator: " · "))
        lines.append(t("Exam simulations: ", "模擬試験: ") + (s.exams.isEmpty ? "–" : s.exams.map { "\($0.scaledScore)\($0.passed ? "✓" : "")" }.joined(separator: " "))
                     + t(" (pass line \(s.passingScore))", " (合格ライン \(s.passingScore))"))
        lines.append(t("Practice quizzes: ", "練習: ") + (s.practice.isEmpty ? "–" : s.practice.map { "\($0.correct)/\($0.total)" }.joined(separator: " ")))
        return lines.joined(separator: "\n")
    }
}
