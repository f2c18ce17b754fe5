import AIFCore
import Foundation
import GRDB
import SpacedRepetition

/// Card progress and the review log. Each method is one transaction; failures surface as `ProgressStoreError`.
extension ProgressDatabase: ProgressStoring {
    public func allProgress() throws -> [String: CardProgress] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM card_progress")
            return Dictionary(rows.map { row in
                let progress = CardProgress(
                    cardID: row["content_id"], card: Self.card(row, suffix: ""),
                    buriedUntil: (row["buried_until"] as Double?).map(Date.init(timeIntervalSince1970:)))
                return (progress.cardID, progress)
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    public func record(_ progress: CardProgress, review: ReviewLog, answerMilliseconds: Int) throws -> Int64 {
        try writing { db in
            try Self.upsert(progress, db)
            let log = review
            try db.execute(sql: """
                INSERT INTO review_log (
                    content_id, reviewed_at, rating,
                    state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
                    state_after, step_after, stability_after, difficulty_after, due_after, last_review_after,
                    retrievability, elapsed_days, scheduled_seconds, fuzzed, answer_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(
                    [progress.cardID, log.reviewedAt.timeIntervalSince1970, log.rating.rawValue]
                    + Self.cardValues(log.before) + Self.cardValues(log.after)
                    + [log.retrievability, log.elapsedDays, log.scheduledSeconds, log.fuzzed, answerMilliseconds]
                    as [(any DatabaseValueConvertible)?]))
            return db.lastInsertedRowID
        }
    }

    public func restore(cardID: String, previous: CardProgress?, deletingReview: Int64?) throws {
        try writing { db in
            if let previous {
                try Self.upsert(previous, db)
            } else {
                try db.execute(sql: "DELETE FROM card_progress WHERE content_id = ?", arguments: [cardID])
            }
            if let deletingReview {
                try db.execute(sql: "DELETE FROM review_log WHERE id = ?", arguments: [deletingReview])
            }
        }
    }

    public func save(_ progress: CardProgress) throws {
        try writing { db in try Self.upsert(progress, db) }
    }

    public func reviews(since start: Date) throws -> [StoredReview] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_log WHERE reviewed_at >= ? ORDER BY reviewed_at, id",
                             arguments: [start.timeIntervalSince1970]).map(Self.review)
        }
    }

    public func reviews(cardID: String) throws -> [StoredReview] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_log WHERE content_id = ? ORDER BY reviewed_at, id",
                             arguments: [cardID]).map(Self.review)
        }
    }

    /// Every review, oldest first (for rebuilding states or exporting).
    public func allReviews() throws -> [StoredReview] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY reviewed_at, id").map(Self.review)
        }
    }

    // MARK: - Settings (small values that belong with the progress, keyed by name)

    public func setting(_ key: String) throws -> String? {
        try reading { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        try writing { db in
            if let value {
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }

    // MARK: - Plumbing

    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw Self.describe(error, path: path) }
    }

    /// One IMMEDIATE transaction: it takes the write lock up front, so a busy database fails before any change.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return .commit
            }
            return result!
        } catch {
            throw Self.describe(error, path: path)
        }
    }

    static func upsert(_ progress: CardProgress, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO card_progress (content_id, state, step, stability, difficulty, due, last_review, buried_until)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(content_id) DO UPDATE SET state = excluded.state, step = excluded.step,
                stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                last_review = excluded.last_review, buried_until = excluded.buried_until
            """, arguments: StatementArguments(
                [progress.cardID] + cardValues(progress.card) + [progress.buriedUntil?.timeIntervalSince1970]
                as [(any DatabaseValueConvertible)?]))
    }

    static func cardValues(_ card: SchedulingCard) -> [(any DatabaseValueConvertible)?] {
        [card.state.rawValue, card.step, card.stability, card.difficulty,
         card.due.timeIntervalSince1970, card.lastReview?.timeIntervalSince1970]
    }

    static func card(_ row: Row, suffix: String) -> SchedulingCard {
        SchedulingCard(
            state: CardState(rawValue: row["state\(suffix)"]) ?? .learning,
            step: row["step\(suffix)"], stability: row["stability\(suffix)"], difficulty: row["difficulty\(suffix)"],
            due: Date(timeIntervalSince1970: row["due\(suffix)"]),
            lastReview: (row["last_review\(suffix)"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    static func review(_ row: Row) -> StoredReview {
        let log = ReviewLog(
            rating: Rating(rawValue: row["rating"]) ?? .again,
            reviewedAt: Date(timeIntervalSince1970: row["reviewed_at"]),
            before: card(row, suffix: "_before"), after: card(row, suffix: "_after"),
            retrievability: row["retrievability"], elapsedDays: row["elapsed_days"],
            scheduledSeconds: row["scheduled_seconds"], fuzzed: row["fuzzed"])
        return StoredReview(id: row["id"], cardID: row["content_id"], log: log, answerMilliseconds: row["answer_ms"])
    }
}
