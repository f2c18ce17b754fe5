import AIFCore
import Foundation

/// `aifprep export results`: quiz attempts, their answers and the review log, as CSV or JSON.
public enum ResultsExport {
    public static let csvHeader = "record,time,id,item,score_or_rating,correct,total,passed,seconds"

    static func time(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break.
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// One row per attempt, answer and review, oldest first within each kind.
    public static func csv(_ input: StatsInput) -> String {
        var rows = [csvHeader]
        for a in input.attempts.sorted(by: { $0.finishedAt < $1.finishedAt }) {
            rows.append(["attempt", time(a.finishedAt), a.id, a.mode.rawValue, "\(a.scaledScore)", "\(a.correct)", "\(a.total)",
                         a.passed ? "1" : "0", String(format: "%.0f", a.timeUsed)].map(field).joined(separator: ","))
        }
        for a in input.answers.sorted(by: { $0.answeredAt < $1.answeredAt }) {
            rows.append(["answer", time(a.answeredAt), a.attemptID, a.questionID, "", a.correct ? "1" : "0", "", "", ""].map(field).joined(separator: ","))
        }
        for r in input.reviews.sorted(by: { ($0.log.reviewedAt, $0.id) < ($1.log.reviewedAt, $1.id) }) {
            rows.append(["review", time(r.log.reviewedAt), "\(r.id)", r.cardID, "\(r.log.rating.rawValue)", r.log.rating == .again ? "0" : "1",
                         "", "", String(format: "%.1f", Double(r.answerMilliseconds) / 1000)].map(field).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    public static func json(_ input: StatsInput) throws -> String {
        struct Review: Encodable {
            var id: Int64, cardID: String, reviewedAt: Date, rating: Int, stateBefore: String, stateAfter: String
            var stabilityAfter: Double?, difficultyAfter: Double?, dueAfter: Date, answerSeconds: Double
        }
        struct Output: Encodable { var attempts: [QuizHistoryEntry]; var answers: [AnswerRecord]; var reviews: [Review] }
        let out = Output(attempts: input.attempts, answers: input.answers, reviews: input.reviews.map {
            Review(id: $0.id, cardID: $0.cardID, reviewedAt: $0.log.reviewedAt, rating: $0.log.rating.rawValue,
                   stateBefore: $0.log.before.isNew ? "new" : $0.log.before.state.name, stateAfter: $0.log.after.state.name,
                   stabilityAfter: $0.log.after.stability, difficultyAfter: $0.log.after.difficulty, dueAfter: $0.log.after.due,
                   answerSeconds: Double($0.answerMilliseconds) / 1000)
        })
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return String(decoding: try e.encode(out), as: UTF8.self) + "\n"
    }
}
