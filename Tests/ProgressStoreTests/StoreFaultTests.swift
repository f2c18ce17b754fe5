import AIFCore
import Foundation
import GRDB
import SpacedRepetition
import Testing
@testable import ProgressStore

/// Issue 10: one owner per data directory, every stored value validated, each fault its own message.
@Suite struct StoreFaultTests {
    @Test func aSecondOwnerOfTheDataDirectoryIsRefusedByPid() throws {
        let dir = try temporaryDirectory()
        let first = try DataDirectoryLock.acquire(directory: dir)
        #expect(throws: ProgressStoreError.alreadyOpen(dir.appendingPathComponent("progress.sqlite").path, pid: getpid())) {
            _ = try DataDirectoryLock.acquire(directory: dir)
        }
        #expect("\(ProgressStoreError.alreadyOpen("/x/progress.sqlite", pid: 42))".contains("aifprep is already open on this data — pid 42"))
        first.release()
        let second = try DataDirectoryLock.acquire(directory: dir)
        second.release()
    }

    @Test func aCardRowWithABadValueIsSkippedAndReportedByName() throws {
        let dir = try temporaryDirectory()
        let db = try ProgressDatabase(directory: dir)
        let (good, log) = reviewed("good-card", .good, at: t0)
        _ = try db.record(good, review: log, answerMilliseconds: 10)
        try db.queue.write { db in
            try db.execute(sql: "INSERT INTO card_progress (content_id, state, due) VALUES ('d1-bias-fairness-fit', 2, 'tomorrow')")
            try db.execute(sql: "INSERT INTO card_progress (content_id, state, due) VALUES ('huge-due', 2, 1e300)")
            try db.execute(sql: "INSERT INTO card_progress (content_id, state, due) VALUES ('bad-state', 9, 0)")
        }
        let all = try db.allProgress()
        #expect(Set(all.keys) == ["good-card"])
        let problems = db.damagedRows().map(\.description)
        #expect(problems.contains("card 'd1-bias-fairness-fit': due is not a date"), "\(problems)")
        #expect(problems.contains { $0.hasPrefix("card 'huge-due': due is 1e+300") }, "\(problems)")
        #expect(problems.contains("card 'bad-state': state is 9, not a known state"), "\(problems)")
    }

    @Test func aNullDueIsAReportedProblemNotACrash() {
        let row: Row = ["content_id": "d1-bias-fairness-fit", "state": 2, "step": nil, "stability": 3.0, "difficulty": 5.0,
                        "due": nil, "last_review": nil, "buried_until": nil]
        guard case .failure(let problem) = ProgressDatabase.progress(row) else {
            Issue.record("a NULL due was accepted")
            return
        }
        #expect(problem.description == "card 'd1-bias-fairness-fit': due is missing")
    }

    func unfinished(_ store: QuizAttemptsStore) throws -> QuizAttempt {
        var a = QuizAttempt(id: "a1", mode: .exam, seed: 1, questionIDs: ["q1", "q2"], permutations: [[0, 1], [1, 0]],
                            timeLimit: 600, startedAt: t0)
        a.elapsed = 12
        try store.saveProgress(a)
        return a
    }

    @Test(arguments: ["timeLimit", "elapsed"], [1e300, -1e300])
    func anImpossibleTimeInASavedAttemptIsReportedNotResumed(field: String, value: Double) throws {
        let store = try QuizAttemptsStore.open(directory: try temporaryDirectory("attempt-\(field)-\(value)"))
        _ = try unfinished(store)
        try store.database.queue.write { db in
            try db.execute(sql: "UPDATE quiz_attempt SET attempt_json = json_set(attempt_json, '$.\(field)', \(value))")
        }
        #expect(throws: DamagedAttemptError.self) { _ = try store.unfinishedAttempt() }
        let problems = store.damagedRows().map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("unfinished quiz 'a1': \(field) is") == true, "\(problems)")
    }

    @Test func malformedAttemptJSONIsAnErrorNotAHiddenAttempt() throws {
        let store = try QuizAttemptsStore.open(directory: try temporaryDirectory())
        _ = try unfinished(store)
        try store.database.queue.write { try $0.execute(sql: "UPDATE quiz_attempt SET attempt_json = '{\"id\": 3'") }
        do {
            _ = try store.unfinishedAttempt()
            Issue.record("a malformed attempt was returned or hidden")
        } catch let error as DamagedAttemptError {
            #expect(error.attemptID == "a1")
            #expect(error.reason.contains("not valid JSON"))
        }
        // Starting a new quiz replaces it.
        var next = QuizAttempt(id: "a2", mode: .exam, seed: 2, questionIDs: ["q1"], permutations: [[0, 1]], timeLimit: nil, startedAt: t0)
        next.current = 0
        try store.saveProgress(next)
        #expect(try store.unfinishedAttempt()?.id == "a2")
    }

    @Test func eachSQLiteFaultGetsItsOwnMessage() {
        let path = "/data/progress.sqlite"
        let full = ProgressDatabase.describe(DatabaseError(resultCode: .SQLITE_FULL), path: path)
        #expect(full == .diskFull(path))
        #expect(full.description.contains("full") && !full.description.contains("move it away"))
        let readOnly = ProgressDatabase.describe(DatabaseError(resultCode: .SQLITE_READONLY), path: path)
        #expect(readOnly == .readOnly(path))
        #expect(!readOnly.description.contains("cannot be read"))
        let missingFolder = ProgressDatabase.describe(DatabaseError(resultCode: .SQLITE_CANTOPEN), path: "/nonexistent-\(UUID())/progress.sqlite")
        guard case .folderUnwritable = missingFolder else { Issue.record("\(missingFolder)"); return }
        #expect(!missingFolder.description.contains("move it away"))
    }

    /// Writes take the write lock up front (BEGIN IMMEDIATE): with another connection holding it, a
    /// quiz save fails as "in use" before changing anything, like a card rating.
    @Test(needsPython) func quizWritesRunInsideAnImmediateTransaction() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("progress.sqlite").path
        let store = QuizAttemptsStore(database: try ProgressDatabase(directory: dir, busyTimeout: 0.1))
        // Another process holds the write lock, as a second writer would.
        let holder = try python("""
            import sqlite3, time
            c = sqlite3.connect(\(String(reflecting: path)), isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(60)
            """)
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        #expect(waitForLine(holder).hasPrefix("locked"))
        let a = QuizAttempt(id: "a1", mode: .exam, seed: 1, questionIDs: ["q1"], permutations: [[0, 1]], timeLimit: nil, startedAt: t0)
        #expect(throws: ProgressStoreError.inUse(path)) { try store.saveProgress(a) }
    }
}
