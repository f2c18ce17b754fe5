import AIFCore
import Foundation
import GRDB
import SpacedRepetition
import Testing
@testable import ProgressStore

/// A fresh temporary data directory per test.
func temporaryDirectory(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("progress-\(name.filter(\.isLetter))-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let t0 = Date(timeIntervalSince1970: 1_750_000_000)

/// A review of a fresh card at `at`, as the session makes it.
func reviewed(_ id: String, _ rating: Rating, at: Date, from card: SchedulingCard? = nil) -> (CardProgress, ReviewLog) {
    let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
    let (after, log) = scheduler.review(card ?? .new(due: at), rating: rating, at: at)
    return (CardProgress(cardID: id, card: after), log)
}

/// Runs a Python snippet (the stdlib sqlite3 module) as a separate process that another test step can kill.
func python(_ script: String) throws -> Process {
    guard pythonAvailable else { throw MissingTool(name: "python3 (with its sqlite3 module)") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    process.standardOutput = Pipe()
    try process.run()
    return process
}

func waitForLine(_ process: Process) -> String {
    let handle = (process.standardOutput as! Pipe).fileHandleForReading
    var data = Data()
    while !data.contains(UInt8(ascii: "\n")) {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        data.append(chunk)
    }
    return String(decoding: data, as: UTF8.self)
}

/// A tool a test needs is missing. Locally such tests are skipped (`needsPython`); in CI they run and fail here.
struct MissingTool: Error, CustomStringConvertible {
    let name: String
    var description: String {
        "\(name) is not installed; in CI (CI is set) a test that needs it must run, not be skipped — `make test` installs it"
    }
}

/// Whether the tests run in CI: `CI` set to anything but empty, `0` or `false` (`.ci/run` sets `CI=true`).
let runningInCI: Bool = {
    guard let ci = ProcessInfo.processInfo.environment["CI"] else { return false }
    return !["", "0", "false"].contains(ci.lowercased())
}()

/// Skips a test that needs python3 when it is missing, except in CI, where the test runs and fails in `python(_:)`.
let needsPython = ConditionTrait.enabled(if: pythonAvailable || runningInCI, "python3 is not installed")

var pythonAvailable: Bool {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import sqlite3"]
    guard (try? p.run()) != nil else { return false }
    p.waitUntilExit()
    return p.terminationStatus == 0
}

@Suite struct ProgressDatabaseTests {
    @Test func createsTheFileWithWALAndTheCoreSchema() throws {
        let dir = try temporaryDirectory()
        let db = try ProgressDatabase(directory: dir)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("progress.sqlite").path))
        let mode = try db.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try db.queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables.contains("card_progress") && tables.contains("review_log") && tables.contains("settings"))
        #expect(try db.schemaVersion() == ProgressDatabase.allMigrations().count)
    }

    @Test func recordsAndReadsBackExactly() throws {
        let db = try ProgressDatabase(directory: try temporaryDirectory())
        let (row, log) = reviewed("c1", .good, at: t0)
        let id = try db.record(row, review: log, answerMilliseconds: 4200)
        let (row2, log2) = reviewed("c1", .again, at: t0.addingTimeInterval(700), from: row.card)
        _ = try db.record(row2, review: log2, answerMilliseconds: 900)
        #expect(try db.allProgress() == ["c1": row2])
        let reviews = try db.reviews(cardID: "c1")
        #expect(reviews.map(\.log) == [log, log2])
        #expect(reviews.first?.id == id && reviews.first?.answerMilliseconds == 4200)
        #expect(try db.reviews(since: t0.addingTimeInterval(1)).map(\.log) == [log2])
    }

    @Test func undoRestoresThePreviousStateAndDeletesTheLogRow() throws {
        let db = try ProgressDatabase(directory: try temporaryDirectory())
        let (first, log1) = reviewed("c1", .good, at: t0)
        _ = try db.record(first, review: log1, answerMilliseconds: 1)
        let (second, log2) = reviewed("c1", .easy, at: t0.addingTimeInterval(600), from: first.card)
        let id2 = try db.record(second, review: log2, answerMilliseconds: 1)
        try db.restore(cardID: "c1", previous: first, deletingReview: id2)
        #expect(try db.allProgress()["c1"] == first)
        #expect(try db.allReviews().map(\.log) == [log1])
        // Undoing the very first review makes the card new again (no row).
        try db.restore(cardID: "c1", previous: nil, deletingReview: try db.allReviews()[0].id)
        #expect(try db.allProgress().isEmpty)
        #expect(try db.allReviews().isEmpty)
    }

    @Test func theLogIsEnoughToRecomputeEveryState() throws {
        let db = try ProgressDatabase(directory: try temporaryDirectory())
        var card = SchedulingCard.new(due: t0)
        var at = t0
        for rating in [Rating.good, .good, .again, .hard, .good, .easy] {
            let (row, log) = reviewed("c1", rating, at: at, from: card)
            _ = try db.record(row, review: log, answerMilliseconds: 0)
            card = row.card
            at = row.card.due
        }
        // Replaying ratings and times from the stored log reproduces the stored state.
        let scheduler = Scheduler(parameters: SchedulerParameters(enableFuzzing: false))
        var replayed = SchedulingCard.new(due: t0)
        for review in try db.reviews(cardID: "c1") {
            replayed = scheduler.review(replayed, rating: review.log.rating, at: review.log.reviewedAt).0
            #expect(replayed == review.log.after)
        }
        #expect(try db.allProgress()["c1"]?.card == replayed)
    }

    @Test func historyOfIdsNoLongerInContentIsKept() throws {
        let dir = try temporaryDirectory()
        let (row, log) = reviewed("gone-card", .good, at: t0)
        _ = try ProgressDatabase(directory: dir).record(row, review: log, answerMilliseconds: 0)
        let reopened = try ProgressDatabase(directory: dir)
        #expect(try reopened.allProgress()["gone-card"] == row)
        #expect(try reopened.reviews(cardID: "gone-card").count == 1)
    }

    @Test func settingsRoundTrip() throws {
        let db = try ProgressDatabase(directory: try temporaryDirectory())
        try db.setSetting("k", "1")
        try db.setSetting("k", "2")
        #expect(try db.setting("k") == "2")
        try db.setSetting("k", nil)
        #expect(try db.setting("k") == nil)
    }

    // MARK: - Durability

    /// The files as a crash leaves them: copied while the connection is still open (no checkpoint, no close).
    @Test func reopenAfterKillKeepsEveryCommittedRating() throws {
        let dir = try temporaryDirectory()
        let db = try ProgressDatabase(directory: dir)
        var expected: [String: CardProgress] = [:]
        for i in 0..<20 {
            let (row, log) = reviewed("c\(i)", .good, at: t0.addingTimeInterval(Double(i)))
            _ = try db.record(row, review: log, answerMilliseconds: i)
            expected[row.cardID] = row
        }
        let crashed = try temporaryDirectory()
        for suffix in ["", "-wal", "-shm"] {
            let source = dir.appendingPathComponent("progress.sqlite\(suffix)")
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: crashed.appendingPathComponent("progress.sqlite\(suffix)"))
            }
        }
        let reopened = try ProgressDatabase(directory: crashed)
        #expect(try reopened.allProgress() == expected)
        #expect(try reopened.allReviews().count == 20)
    }

    @Test(needsPython) func sigkillDuringAWriteLosesOnlyThatWrite() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("progress.sqlite").path
        let db = try ProgressDatabase(directory: dir)
        let (row, log) = reviewed("kept", .good, at: t0)
        _ = try db.record(row, review: log, answerMilliseconds: 0)
        // Another process starts a write transaction and is killed before it commits.
        let writer = try python("""
            import sqlite3, sys, time
            c = sqlite3.connect(\(String(reflecting: path)), isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("INSERT INTO card_progress (content_id, state, due) VALUES ('in-flight', 2, 0)")
            print("ready", flush=True)
            time.sleep(60)
            """)
        #expect(waitForLine(writer).hasPrefix("ready"))
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        let reopened = try ProgressDatabase(directory: dir)
        #expect(try reopened.allProgress() == ["kept": row])
        let (row2, log2) = reviewed("after", .easy, at: t0)
        _ = try reopened.record(row2, review: log2, answerMilliseconds: 0)
        #expect(try reopened.allProgress().count == 2)
    }

    @Test(needsPython) func aSecondProcessHoldingTheLockIsReportedAsInUse() throws {
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("progress.sqlite").path
        let db = try ProgressDatabase(directory: dir, busyTimeout: 0.2)
        let holder = try python("""
            import sqlite3, time
            c = sqlite3.connect(\(String(reflecting: path)), isolation_level=None)
            c.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(60)
            """)
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        #expect(waitForLine(holder).hasPrefix("locked"))
        let (row, log) = reviewed("c1", .good, at: t0)
        #expect(throws: ProgressStoreError.inUse(path)) { try db.record(row, review: log, answerMilliseconds: 0) }
        // Nothing half-written: the failed rating left no trace.
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(try db.allProgress().isEmpty)
        #expect(try db.allReviews().isEmpty)
    }

    @Test func twoConnectionsInterleaveWithoutLosingWrites() throws {
        let dir = try temporaryDirectory()
        let a = try ProgressDatabase(directory: dir)
        let b = try ProgressDatabase(directory: dir)
        for i in 0..<10 {
            let (row, log) = reviewed("c\(i)", .good, at: t0)
            _ = try (i.isMultiple(of: 2) ? a : b).record(row, review: log, answerMilliseconds: 0)
        }
        #expect(try a.allProgress().count == 10)
        #expect(try b.allReviews().count == 10)
    }

    // MARK: - Files that must not be touched

    @Test func aFileThatIsNotADatabaseIsReportedAndLeftAlone() throws {
        let dir = try temporaryDirectory()
        let url = dir.appendingPathComponent("progress.sqlite")
        let junk = Data(String(repeating: "not a database\n", count: 300).utf8)
        try junk.write(to: url)
        #expect {
            _ = try ProgressDatabase(directory: dir)
        } throws: { error in
            guard case .unreadable(let path, _) = error as? ProgressStoreError else { return false }
            return path == url.path && "\(error)".contains(url.path)
        }
        #expect(try Data(contentsOf: url) == junk)
    }

    @Test func aDatabaseFromANewerVersionIsReportedAndLeftAlone() throws {
        let dir = try temporaryDirectory()
        let future = [ProgressMigration(id: "v99-future", migrate: { db in try db.execute(sql: "CREATE TABLE future (x)") })]
        // Closed first, as the newer app would be: its WAL is checkpointed into the file.
        try ProgressDatabase(directory: dir, extraMigrations: future).queue.close()
        let url = dir.appendingPathComponent("progress.sqlite")
        let before = try Data(contentsOf: url)
        let known = ProgressDatabase.builtInMigrations.count
        #expect(throws: ProgressStoreError.newerVersion(url.path, found: known + 1, supported: known)) {
            _ = try ProgressDatabase(directory: dir, extraMigrations: [])
        }
        #expect(try Data(contentsOf: url) == before)
        #expect("\(ProgressStoreError.newerVersion(url.path, found: known + 1, supported: known))".contains("newer"))
    }

    // MARK: - Other features' migrations

    @Test func registeredMigrationsRunAfterTheCoreOnesOnce() throws {
        let dir = try temporaryDirectory()
        let extra = [ProgressMigration(id: "test-quiz-v1", migrate: { db in
            try db.execute(sql: "CREATE TABLE extra_feature (id INTEGER PRIMARY KEY, card TEXT REFERENCES card_progress(content_id))")
        })]
        let db = try ProgressDatabase(directory: dir, extraMigrations: extra)
        #expect(try db.queue.read { try $0.tableExists("extra_feature") })
        // Reopening with the same list does not run it again (it would fail on CREATE TABLE).
        _ = try ProgressDatabase(directory: dir, extraMigrations: extra)
        let ids = try db.queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(ids == ProgressDatabase.builtInMigrations.map(\.id) + ["test-quiz-v1"])
    }

    /// The registry used to be global and filled at run time: opening the database before the quiz store
    /// registered its migration called a file this build wrote "saved by a newer aifprep".
    @Test func whatThisBuildKnowsDoesNotDependOnWhatRanFirst() throws {
        let dir = try temporaryDirectory()
        _ = try QuizAttemptsStore.open(directory: dir)
        let plain = try ProgressDatabase(directory: dir)
        #expect(try plain.schemaVersion() == ProgressDatabase.builtInMigrations.count)
        #expect(try plain.queue.read { try $0.tableExists("quiz_attempt") })
        #expect(ProgressDatabase.allMigrations().map(\.id) == ProgressDatabase.builtInMigrations.map(\.id))
    }
}

@Suite struct CardSuspendResetStoreTests {
    /// Suspension survives reopening; a reset makes the card new, keeps its reviews and logs the old state.
    @Test func suspendAndResetPersistAndKeepTheHistory() throws {
        let dir = try temporaryDirectory()
        let db = try ProgressDatabase(directory: dir)
        var (row, log) = reviewed("a", .easy, at: t0)
        _ = try db.record(row, review: log, answerMilliseconds: 1200)
        row.suspended = true
        try db.save(row)
        let reopened = try ProgressDatabase(directory: dir)
        #expect(try reopened.allProgress()["a"]?.suspended == true)
        #expect(try reopened.allProgress()["a"] == row)
        try reopened.reset(CardReset(cardID: "a", at: t0.addingTimeInterval(60), previous: row))
        #expect(try reopened.allProgress()["a"] == nil)
        #expect(try reopened.reviews(cardID: "a").count == 1)
        let resets = try reopened.resets(cardID: "a")
        #expect(resets == [CardReset(cardID: "a", at: t0.addingTimeInterval(60), previous: row)])
    }
}
