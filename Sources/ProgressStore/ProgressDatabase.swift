import Foundation
import GRDB
import Synchronization

/// Why the progress database cannot be used. The file is never overwritten or deleted in any of these cases.
public enum ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the database longer than the busy timeout.
    case inUse(String)
    /// The file was written by a newer aifprep (it has migrations this build does not know).
    case newerVersion(String, found: Int, supported: Int)
    /// Not a database, damaged, or not accessible.
    case unreadable(String, String)

    public var path: String {
        switch self {
        case .inUse(let path), .newerVersion(let path, _, _), .unreadable(let path, _): path
        }
    }

    public var description: String {
        switch self {
        case .inUse(let path):
            "Your progress is in use by another aifprep (\(path)). Close the other one and try again."
        case .newerVersion(let path, let found, let supported):
            "Your progress was saved by a newer aifprep (schema \(found), this version knows \(supported)): \(path). "
                + "Update aifprep; the file has been left untouched."
        case .unreadable(let path, let reason):
            "Your progress file cannot be read (\(reason)): \(path). It has been left untouched; "
                + "move it away to start afresh, or restore a backup."
        }
    }
}

/// One named schema change. Identifiers are stored in the database, so never rename or reorder them.
public struct ProgressMigration: Sendable {
    public var id: String
    public var migrate: @Sendable (Database) throws -> Void

    public init(id: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.id = id
        self.migrate = migrate
    }
}

/// The learner's progress in `<dataDir>/progress.sqlite` (SQLite, WAL), opened through one migrator.
///
/// Other features add tables with `ProgressDatabase.register(...)` (or by appending to `extraMigrations`)
/// before the database is opened; their migrations run after the core ones, in registration order.
public final class ProgressDatabase: Sendable {
    public static let fileName = "progress.sqlite"

    public let path: String
    public let queue: DatabaseQueue

    // MARK: - Migrations

    /// The migrations of the flashcard store, in order.
    public static let coreMigrations: [ProgressMigration] = [
        ProgressMigration(id: "v1-cards-reviews-settings", migrate: ProgressSchema.createV1),
    ]

    private static let registry = Mutex<[ProgressMigration]>([])

    /// Migrations registered by other features (e.g. quiz attempts). Register before opening.
    public static var extraMigrations: [(id: String, migrate: @Sendable (Database) throws -> Void)] {
        get { registry.withLock { $0.map { (id: $0.id, migrate: $0.migrate) } } }
        set { registry.withLock { $0 = newValue.map { ProgressMigration(id: $0.id, migrate: $0.migrate) } } }
    }

    /// Adds a migration after the ones already registered; registering the same id again does nothing.
    public static func register(_ id: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        registry.withLock { list in
            if !list.contains(where: { $0.id == id }) { list.append(ProgressMigration(id: id, migrate: migrate)) }
        }
    }

    /// Core migrations followed by the registered ones.
    public static func allMigrations(extra: [ProgressMigration]? = nil) -> [ProgressMigration] {
        var seen = Set<String>()
        let extra = extra ?? registry.withLock { $0 }
        return (coreMigrations + extra).filter { seen.insert($0.id).inserted }
    }

    static func migrator(_ migrations: [ProgressMigration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations { migrator.registerMigration(migration.id, migrate: migration.migrate) }
        return migrator
    }

    // MARK: - Opening

    /// Opens (creating if needed) `<directory>/progress.sqlite` and brings its schema up to date.
    /// - Parameters:
    ///   - busyTimeout: how long to wait for another process before reporting `.inUse`.
    ///   - extraMigrations: defaults to the registered ones.
    public convenience init(
        directory: URL, busyTimeout: TimeInterval = 2, extraMigrations: [ProgressMigration]? = nil
    ) throws(ProgressStoreError) {
        let path = directory.appendingPathComponent(Self.fileName).path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(path, "cannot create the folder: \(error.localizedDescription)")
        }
        try self.init(path: path, busyTimeout: busyTimeout, extraMigrations: extraMigrations)
    }

    public init(path: String, busyTimeout: TimeInterval = 2, extraMigrations: [ProgressMigration]? = nil) throws(ProgressStoreError) {
        self.path = path
        let migrations = Self.allMigrations(extra: extraMigrations)
        // Checked through a read-only connection first, so that a damaged or newer file is never written to.
        if FileManager.default.fileExists(atPath: path) {
            try Self.check(path: path, busyTimeout: busyTimeout, known: Set(migrations.map(\.id)))
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .wal
        config.label = "aifprep.progress"
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw Self.describe(error, path: path)
        }
        do {
            try Self.migrator(migrations).migrate(queue)
        } catch {
            try? queue.close()
            throw Self.describe(error, path: path)
        }
    }

    private static func check(path: String, busyTimeout: TimeInterval, known: Set<String>) throws(ProgressStoreError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let reader = try DatabaseQueue(path: path, configuration: config)
            defer { try? reader.close() }
            try reader.read { db in
                let result = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                if result != "ok" { throw ProgressStoreError.unreadable(path, "integrity check: \(result)") }
                guard try db.tableExists("grdb_migrations") else { return }
                let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                if !applied.isSubset(of: known) {
                    throw ProgressStoreError.newerVersion(path, found: applied.count, supported: known.count)
                }
            }
        } catch {
            throw describe(error, path: path)
        }
    }

    /// Schema version: the number of migrations applied.
    public func schemaVersion() throws -> Int {
        try queue.read { try Self.migrator(Self.allMigrations()).appliedIdentifiers($0).count }
    }

    /// Maps SQLite failures to the errors a learner can act on.
    static func describe(_ error: any Error, path: String) -> ProgressStoreError {
        if let error = error as? ProgressStoreError { return error }
        guard let db = error as? DatabaseError else { return .unreadable(path, "\(error)") }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .inUse(path)
        case .SQLITE_NOTADB: return .unreadable(path, "not an SQLite database")
        case .SQLITE_CORRUPT: return .unreadable(path, "the database is damaged")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
            return .unreadable(path, "no permission or missing folder (\(db.message ?? "cannot open"))")
        default: return .unreadable(path, db.message ?? "\(db)")
        }
    }
}
