import GRDB

/// The flashcard tables. Dates are REAL seconds since 1970 (exact enough to restore a state bit for bit
/// with the same clock), so any SQLite tool can read them with `datetime(due, 'unixepoch')`.
enum ProgressSchema {
    @Sendable static func createV1(_ db: Database) throws {
        // One row per content id that was ever reviewed or buried; ids that left Content/ keep theirs.
        try db.execute(sql: """
            CREATE TABLE card_progress (
                content_id TEXT PRIMARY KEY NOT NULL,
                state INTEGER NOT NULL,
                step INTEGER,
                stability REAL,
                difficulty REAL,
                due REAL NOT NULL,
                last_review REAL,
                buried_until REAL
            );
            CREATE TABLE review_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                content_id TEXT NOT NULL,
                reviewed_at REAL NOT NULL,
                rating INTEGER NOT NULL,
                state_before INTEGER NOT NULL,
                step_before INTEGER,
                stability_before REAL,
                difficulty_before REAL,
                due_before REAL NOT NULL,
                last_review_before REAL,
                state_after INTEGER NOT NULL,
                step_after INTEGER,
                stability_after REAL,
                difficulty_after REAL,
                due_after REAL NOT NULL,
                last_review_after REAL,
                retrievability REAL NOT NULL,
                elapsed_days INTEGER,
                scheduled_seconds REAL NOT NULL,
                fuzzed INTEGER NOT NULL,
                answer_ms INTEGER NOT NULL
            );
            CREATE INDEX review_log_by_card ON review_log(content_id, reviewed_at);
            CREATE INDEX review_log_by_time ON review_log(reviewed_at);
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            """)
    }

    /// Suspending (a flag on the card's row) and resetting: a reset deletes nothing from the review log; it
    /// keeps the card's state before it here, as Anki's "Forget" adds a manual entry to its revlog.
    @Sendable static func createV2(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE card_progress ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE card_reset (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                content_id TEXT NOT NULL,
                reset_at REAL NOT NULL,
                had_row INTEGER NOT NULL,
                state_before INTEGER,
                step_before INTEGER,
                stability_before REAL,
                difficulty_before REAL,
                due_before REAL,
                last_review_before REAL,
                buried_until_before REAL,
                suspended_before INTEGER
            );
            CREATE INDEX card_reset_by_card ON card_reset(content_id, reset_at);
            """)
    }
}
