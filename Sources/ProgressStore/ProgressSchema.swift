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
}
