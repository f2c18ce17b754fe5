import GRDB

/// Quiz tables, added to the progress database through `ProgressDatabase.register`. Attempts are stored
/// whole as JSON (question ids, permutations, answers, flags, elapsed seconds) next to the columns the
/// history needs, so an attempt can be shown again exactly as it was taken.
enum QuizAttemptsSchema {
    static let migrationID = "quiz-v1-attempts-answers-study"

    @Sendable static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE quiz_attempt (
                id TEXT PRIMARY KEY NOT NULL,
                mode TEXT NOT NULL,
                started_at REAL NOT NULL,
                finished_at REAL,
                attempt_json TEXT NOT NULL,
                result_json TEXT,
                scaled_score INTEGER,
                correct INTEGER,
                total INTEGER NOT NULL,
                passed INTEGER,
                time_used REAL NOT NULL
            );
            CREATE INDEX quiz_attempt_by_finish ON quiz_attempt(finished_at);
            CREATE TABLE quiz_answer (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                attempt_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                correct INTEGER NOT NULL,
                answered_at REAL NOT NULL
            );
            CREATE INDEX quiz_answer_by_question ON quiz_answer(question_id, answered_at);
            CREATE TABLE quiz_study_question (
                question_id TEXT PRIMARY KEY NOT NULL,
                added_at REAL NOT NULL
            );
            """)
    }
}
