import AIFCore
import Foundation
import GRDB
import SpacedRepetition

/// Card progress and the review log. Each method is one transaction; failures surface as `ProgressStoreError`.
extension ProgressDatabase: ProgressStoring {
    /// Every valid row. A row that fails validation (hand-edited, damaged) is skipped, never fatal; see
    /// `damagedRows()` for the report, and rating the card again replaces it.
    public func allProgress() throws -> [String: CardProgress] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM card_progress")
            var result: [String: CardProgress] = [:]
            for row in rows {
                guard case .success(let progress) = Self.progress(row) else { continue }
                if result[progress.cardID] == nil { result[progress.cardID] = progress }
            }
            return result
        }
    }

    /// One card row, checked value by value.
    static func progress(_ row: Row) -> Result<CardProgress, RowProblem> {
        guard let id = RowValue.text(row, "content_id"), !id.isEmpty else {
            return .failure(RowProblem(name: "card row \(RowValue.describe(row, "rowid"))", reason: "content_id is missing"))
        }
        do throws(RowValue.Bad) {
            let card = try Self.card(row, suffix: "")
            let buried = try RowValue.date(row, "buried_until", required: false)
            let suspended = (RowValue.int(row, "suspended") ?? 0) != 0
            return .success(CardProgress(cardID: id, card: card, buriedUntil: buried, suspended: suspended))
        } catch {
            return .failure(RowProblem(name: "card '\(id)'", reason: error.reason))
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
                             arguments: [start.timeIntervalSince1970]).compactMap { try? Self.review($0).get() }
        }
    }

    public func reviews(cardID: String) throws -> [StoredReview] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_log WHERE content_id = ? ORDER BY reviewed_at, id",
                             arguments: [cardID]).compactMap { try? Self.review($0).get() }
        }
    }

    public func reset(_ reset: CardReset) throws {
        try writing { db in
            let p = reset.previous
            try db.execute(sql: """
                INSERT INTO card_reset (content_id, reset_at, had_row, state_before, step_before, stability_before, difficulty_before,
                    due_before, last_review_before, buried_until_before, suspended_before)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(
                    [reset.cardID, reset.at.timeIntervalSince1970, p != nil]
                    + (p.map { Self.cardValues($0.card) } ?? Array(repeating: nil, count: 6))
                    + [p?.buriedUntil?.timeIntervalSince1970, p?.suspended]
                    as [(any DatabaseValueConvertible)?]))
            try db.execute(sql: "DELETE FROM card_progress WHERE content_id = ?", arguments: [reset.cardID])
        }
    }

    public func resets(cardID: String) throws -> [CardReset] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM card_reset WHERE content_id = ? ORDER BY reset_at, id", arguments: [cardID]).compactMap { row in
                guard let at = try? RowValue.date(row, "reset_at", required: true) else { return nil }
                var previous: CardProgress?
                if (RowValue.int(row, "had_row") ?? 0) != 0, let card = try? Self.card(row, suffix: "_before") {
                    previous = CardProgress(cardID: cardID, card: card, buriedUntil: try? RowValue.date(row, "buried_until_before", required: false),
                                            suspended: (RowValue.int(row, "suspended_before") ?? 0) != 0)
                }
                return CardReset(cardID: cardID, at: at, previous: previous)
            }
        }
    }

    /// Every review, oldest first (for rebuilding states or exporting).
    public func allReviews() throws -> [StoredReview] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY reviewed_at, id").compactMap { try? Self.review($0).get() }
        }
    }

    /// Rows the app skips because a value in them is missing or out of range, each by name, e.g.
    /// "card 'd1-bias-fairness-fit': due is missing". Shown once at start, so nothing disappears silently.
    public func damagedRows() -> [RowProblem] {
        (try? reading { db -> [RowProblem] in
            var problems: [RowProblem] = []
            for row in try Row.fetchAll(db, sql: "SELECT rowid, * FROM card_progress") {
                if case .failure(let p) = Self.progress(row) { problems.append(p) }
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM review_log") {
                if case .failure(let p) = Self.review(row) { problems.append(p) }
            }
            return problems
        }) ?? []
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
            INSERT INTO card_progress (content_id, state, step, stability, difficulty, due, last_review, buried_until, suspended)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(content_id) DO UPDATE SET state = excluded.state, step = excluded.step,
                stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                last_review = excluded.last_review, buried_until = excluded.buried_until, suspended = excluded.suspended
            """, arguments: StatementArguments(
                [progress.cardID] + cardValues(progress.card) + [progress.buriedUntil?.timeIntervalSince1970, progress.suspended]
                as [(any DatabaseValueConvertible)?]))
    }

    static func cardValues(_ card: SchedulingCard) -> [(any DatabaseValueConvertible)?] {
        [card.state.rawValue, card.step, card.stability, card.difficulty,
         card.due.timeIntervalSince1970, card.lastReview?.timeIntervalSince1970]
    }

    /// A scheduling state from its columns; throws `RowValue.Bad` naming the first wrong one.
    static func card(_ row: Row, suffix: String) throws(RowValue.Bad) -> SchedulingCard {
        let stateColumn = "state\(suffix)"
        guard let raw = RowValue.int(row, stateColumn) else { throw RowValue.Bad(column: stateColumn, problem: "is missing") }
        guard let state = CardState(rawValue: raw) else { throw RowValue.Bad(column: stateColumn, problem: "is \(raw), not a known state") }
        let step = try RowValue.count(row, "step\(suffix)")
        let stability = try RowValue.number(row, "stability\(suffix)", in: 0...1e9)
        let difficulty = try RowValue.number(row, "difficulty\(suffix)", in: 0...11)
        guard let due = try RowValue.date(row, "due\(suffix)", required: true) else {
            throw RowValue.Bad(column: "due\(suffix)", problem: "is missing")
        }
        let lastReview = try RowValue.date(row, "last_review\(suffix)", required: false)
        return SchedulingCard(state: state, step: step, stability: stability, difficulty: difficulty, due: due, lastReview: lastReview)
    }

    static func review(_ row: Row) -> Result<StoredReview, RowProblem> {
        let id = RowValue.int(row, "id").map(Int64.init) ?? 0
        let name = "review \(id)"
        do throws(RowValue.Bad) {
            guard let cardID = RowValue.text(row, "content_id") else { throw RowValue.Bad(column: "content_id", problem: "is missing") }
            guard let ratingValue = RowValue.int(row, "rating"), let rating = Rating(rawValue: ratingValue) else {
                throw RowValue.Bad(column: "rating", problem: "is missing or not 1-4")
            }
            guard let reviewedAt = try RowValue.date(row, "reviewed_at", required: true) else {
                throw RowValue.Bad(column: "reviewed_at", problem: "is missing")
            }
            let log = ReviewLog(
                rating: rating, reviewedAt: reviewedAt,
                before: try card(row, suffix: "_before"), after: try card(row, suffix: "_after"),
                retrievability: try RowValue.number(row, "retrievability", in: 0...1) ?? 0,
                elapsedDays: RowValue.int(row, "elapsed_days"),
                scheduledSeconds: try RowValue.number(row, "scheduled_seconds", in: -1e12...1e12) ?? 0,
                fuzzed: (RowValue.int(row, "fuzzed") ?? 0) != 0)
            return .success(StoredReview(id: id, cardID: cardID, log: log, answerMilliseconds: RowValue.int(row, "answer_ms") ?? 0))
        } catch {
            return .failure(RowProblem(name: name, reason: error.reason))
        }
    }
}
