import AIFCore
import Foundation
import GRDB

/// `QuizAttemptStoring` on the progress database. Its tables are among `ProgressDatabase.builtInMigrations`,
/// so any `ProgressDatabase` has them. Every write is one IMMEDIATE transaction, as the card store's are.
public final class QuizAttemptsStore: QuizAttemptStoring, Sendable {
    public let database: ProgressDatabase

    public init(database: ProgressDatabase) { self.database = database }

    public static func open(directory: URL) throws -> QuizAttemptsStore {
        QuizAttemptsStore(database: try ProgressDatabase(directory: directory))
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        e.outputFormatting = .sortedKeys
        // A NaN or infinity must fail loudly here rather than be written and trusted later.
        e.nonConformingFloatEncodingStrategy = .throw
        return e
    }()

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }()

    private static func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }

    /// Decodes and validates a stored attempt; a damaged one is an error naming it, never a silent nil.
    static func attempt(id: String, json text: String?) throws(DamagedAttemptError) -> QuizAttempt {
        guard let text else { throw DamagedAttemptError(attemptID: id, reason: "its saved state is missing") }
        let attempt: QuizAttempt
        do {
            attempt = try decoder.decode(QuizAttempt.self, from: Data(text.utf8))
        } catch {
            throw DamagedAttemptError(attemptID: id, reason: "its saved state is not valid JSON for an attempt")
        }
        if let problem = attempt.validationProblem { throw DamagedAttemptError(attemptID: id, reason: problem) }
        return attempt
    }

    public func saveProgress(_ attempt: QuizAttempt) throws {
        let payload = try Self.json(attempt)
        try database.writing { db in
            // At most one attempt is in progress: a new one replaces an abandoned one.
            try db.execute(sql: "DELETE FROM quiz_attempt WHERE finished_at IS NULL AND id <> ?", arguments: [attempt.id])
            try db.execute(sql: """
                INSERT INTO quiz_attempt (id, mode, started_at, finished_at, attempt_json, total, time_used)
                VALUES (?, ?, ?, NULL, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET attempt_json = excluded.attempt_json, time_used = excluded.time_used
                WHERE quiz_attempt.finished_at IS NULL
                """, arguments: [attempt.id, attempt.mode.rawValue, attempt.startedAt.timeIntervalSince1970, payload,
                                 attempt.count, attempt.elapsed])
        }
    }

    public func unfinishedAttempt() throws -> QuizAttempt? {
        let row = try database.reading { db in
            try Row.fetchOne(db, sql: "SELECT id, attempt_json FROM quiz_attempt WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1")
        }
        guard let row else { return nil }
        return try Self.attempt(id: RowValue.text(row, "id") ?? "?", json: RowValue.text(row, "attempt_json"))
    }

    public func discardUnfinished() throws {
        try database.writing { try $0.execute(sql: "DELETE FROM quiz_attempt WHERE finished_at IS NULL") }
    }

    public func recordFinished(_ attempt: QuizAttempt, result: QuizResult, answers: [AnswerRecord]) throws {
        let payload = try Self.json(attempt), resultJSON = try Self.json(result)
        let finished = (attempt.finishedAt ?? attempt.startedAt).timeIntervalSince1970
        try database.writing { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO quiz_attempt
                    (id, mode, started_at, finished_at, attempt_json, result_json, scaled_score, correct, total, passed, time_used)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [attempt.id, attempt.mode.rawValue, attempt.startedAt.timeIntervalSince1970, finished, payload,
                                 resultJSON, result.scaledScore, result.correct, result.total, result.passed, result.timeUsed])
            try db.execute(sql: "DELETE FROM quiz_answer WHERE attempt_id = ?", arguments: [attempt.id])
            for a in answers {
                try db.execute(sql: "INSERT INTO quiz_answer (attempt_id, question_id, correct, answered_at) VALUES (?, ?, ?, ?)",
                               arguments: [a.attemptID, a.questionID, a.correct, a.answeredAt.timeIntervalSince1970])
            }
        }
    }

    /// Finished attempts; a row with a missing or out-of-range value is skipped (see `damagedRows()`).
    public func history() throws -> [QuizHistoryEntry] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT id, mode, finished_at, scaled_score, correct, total, passed, time_used FROM quiz_attempt
                WHERE finished_at IS NOT NULL ORDER BY finished_at, id
                """).compactMap { try? Self.historyEntry($0).get() }
        }
    }

    static func historyEntry(_ row: Row) -> Result<QuizHistoryEntry, RowProblem> {
        let id = RowValue.text(row, "id") ?? "?"
        do throws(RowValue.Bad) {
            guard let modeText = RowValue.text(row, "mode"), let mode = QuizMode(rawValue: modeText) else {
                throw RowValue.Bad(column: "mode", problem: "is not a quiz mode")
            }
            guard let finished = try RowValue.date(row, "finished_at", required: true) else {
                throw RowValue.Bad(column: "finished_at", problem: "is missing")
            }
            guard let total = RowValue.int(row, "total"), total > 0, total < 100_000 else {
                throw RowValue.Bad(column: "total", problem: "is not a question count")
            }
            let used = try RowValue.number(row, "time_used", in: 0...1e9) ?? 0
            return .success(QuizHistoryEntry(
                id: id, mode: mode, finishedAt: finished, scaledScore: RowValue.int(row, "scaled_score") ?? 0,
                correct: RowValue.int(row, "correct") ?? 0, total: total, passed: (RowValue.int(row, "passed") ?? 0) != 0,
                timeUsed: used))
        } catch {
            return .failure(RowProblem(name: "quiz attempt '\(id)'", reason: error.reason))
        }
    }

    public func finishedAttempt(id: String) throws -> QuizAttempt? {
        let text = try database.reading { db in
            try String.fetchOne(db, sql: "SELECT attempt_json FROM quiz_attempt WHERE id = ? AND finished_at IS NOT NULL", arguments: [id])
        }
        guard let text else { return nil }
        return try Self.attempt(id: id, json: text)
    }

    public func answerHistory() throws -> [AnswerRecord] {
        try database.reading { db in
            try Row.fetchAll(db, sql: "SELECT attempt_id, question_id, correct, answered_at FROM quiz_answer ORDER BY answered_at, id").compactMap { row in
                guard let question = RowValue.text(row, "question_id"), let attempt = RowValue.text(row, "attempt_id"),
                      let at = try? RowValue.date(row, "answered_at", required: true) else { return nil }
                return AnswerRecord(questionID: question, correct: (RowValue.int(row, "correct") ?? 0) != 0, answeredAt: at, attemptID: attempt)
            }
        }
    }

    public func addToStudy(_ questionIDs: [String], at date: Date) throws {
        try database.writing { db in
            for id in questionIDs {
                try db.execute(sql: "INSERT OR IGNORE INTO quiz_study_question (question_id, added_at) VALUES (?, ?)",
                               arguments: [id, date.timeIntervalSince1970])
            }
        }
    }

    public func studyQuestionIDs() throws -> [String] {
        try database.reading { db in
            try Row.fetchAll(db, sql: "SELECT question_id FROM quiz_study_question ORDER BY added_at, rowid").compactMap { RowValue.text($0, "question_id") }
        }
    }

    /// Attempts the app skips or cannot resume, by id, for the notice shown at start.
    public func damagedRows() -> [RowProblem] {
        (try? database.reading { db -> [RowProblem] in
            var problems: [RowProblem] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM quiz_attempt") {
                let id = RowValue.text(row, "id") ?? "?"
                if case .null = RowValue.value(row, "finished_at").storage {
                    do throws(DamagedAttemptError) { _ = try Self.attempt(id: id, json: RowValue.text(row, "attempt_json")) } catch {
                        problems.append(RowProblem(name: "unfinished quiz '\(id)'", reason: error.reason))
                    }
                } else if case .failure(let p) = Self.historyEntry(row) {
                    problems.append(p)
                }
            }
            return problems
        }) ?? []
    }
}
