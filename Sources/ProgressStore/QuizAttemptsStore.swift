import AIFCore
import Foundation
import GRDB

/// `QuizAttemptStoring` on the progress database. Call `QuizAttemptsStore.registerMigrations()` before
/// opening the `ProgressDatabase` (or use `open(directory:)`, which does both).
public final class QuizAttemptsStore: QuizAttemptStoring, Sendable {
    public let database: ProgressDatabase

    public static func registerMigrations() {
        ProgressDatabase.register(QuizAttemptsSchema.migrationID, migrate: QuizAttemptsSchema.createV1)
    }

    public init(database: ProgressDatabase) { self.database = database }

    public static func open(directory: URL) throws -> QuizAttemptsStore {
        registerMigrations()
        return QuizAttemptsStore(database: try ProgressDatabase(directory: directory))
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .secondsSince1970
        e.outputFormatting = .sortedKeys
        return e
    }()

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }()

    private static func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T { try decoder.decode(T.self, from: Data(text.utf8)) }

    public func saveProgress(_ attempt: QuizAttempt) throws {
        let payload = try Self.json(attempt)
        try database.queue.write { db in
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
        let text = try database.queue.read { db in
            try String.fetchOne(db, sql: "SELECT attempt_json FROM quiz_attempt WHERE finished_at IS NULL ORDER BY started_at DESC LIMIT 1")
        }
        return try text.map { try Self.decode(QuizAttempt.self, $0) }
    }

    public func discardUnfinished() throws {
        try database.queue.write { try $0.execute(sql: "DELETE FROM quiz_attempt WHERE finished_at IS NULL") }
    }

    public func recordFinished(_ attempt: QuizAttempt, result: QuizResult, answers: [AnswerRecord]) throws {
        let payload = try Self.json(attempt), resultJSON = try Self.json(result)
        let finished = (attempt.finishedAt ?? attempt.startedAt).timeIntervalSince1970
        try database.queue.write { db in
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

    public func history() throws -> [QuizHistoryEntry] {
        try database.queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, mode, finished_at, scaled_score, correct, total, passed, time_used FROM quiz_attempt
                WHERE finished_at IS NOT NULL ORDER BY finished_at, id
                """).map { row in
                QuizHistoryEntry(id: row["id"], mode: QuizMode(rawValue: row["mode"]) ?? .exam,
                                 finishedAt: Date(timeIntervalSince1970: row["finished_at"]), scaledScore: row["scaled_score"] ?? 0,
                                 correct: row["correct"] ?? 0, total: row["total"], passed: row["passed"] ?? false, timeUsed: row["time_used"])
            }
        }
    }

    public func finishedAttempt(id: String) throws -> QuizAttempt? {
        let text = try database.queue.read { db in
            try String.fetchOne(db, sql: "SELECT attempt_json FROM quiz_attempt WHERE id = ? AND finished_at IS NOT NULL", arguments: [id])
        }
        return try text.map { try Self.decode(QuizAttempt.self, $0) }
    }

    public func answerHistory() throws -> [AnswerRecord] {
        try database.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT attempt_id, question_id, correct, answered_at FROM quiz_answer ORDER BY answered_at, id").map {
                AnswerRecord(questionID: $0["question_id"], correct: $0["correct"], answeredAt: Date(timeIntervalSince1970: $0["answered_at"]),
                             attemptID: $0["attempt_id"])
            }
        }
    }

    public func addToStudy(_ questionIDs: [String], at date: Date) throws {
        try database.queue.write { db in
            for id in questionIDs {
                try db.execute(sql: "INSERT OR IGNORE INTO quiz_study_question (question_id, added_at) VALUES (?, ?)",
                               arguments: [id, date.timeIntervalSince1970])
            }
        }
    }

    public func studyQuestionIDs() throws -> [String] {
        try database.queue.read { try String.fetchAll($0, sql: "SELECT question_id FROM quiz_study_question ORDER BY added_at, rowid") }
    }
}
