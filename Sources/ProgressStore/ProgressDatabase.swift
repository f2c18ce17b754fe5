import Foundation
import GRDB

/// Why the progress database cannot be used. The file is never overwritten or deleted in any of these cases,
/// and each names its own cause and fix.
public enum ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the database longer than the busy timeout.
    case inUse(String)
    /// Another aifprep owns this data directory (its lock file holds the pid).
    case alreadyOpen(String, pid: Int32?)
    /// The file was written by a newer aifprep (it has migrations this build does not know).
    case newerVersion(String, found: Int, supported: Int)
    /// Not a database, damaged, or not accessible.
    case unreadable(String, String)
    /// The database file exists but cannot be written (permissions, read-only mount).
    case readOnly(String)
    /// The folder cannot be created or written, so no progress file can be made there.
    case folderUnwritable(String, reason: String)
    /// The disk (or the file size limit) is full: the last change was not saved.
    case diskFull(String)

    public var path: String {
        switch self {
        case .inUse(let path), .alreadyOpen(let path, _), .newerVersion(let path, _, _), .unreadable(let path, _),
             .readOnly(let path), .folderUnwritable(let path, _), .diskFull(let path): path
        }
    }

    public var description: String {
        switch self {
        case .inUse(let path):
            "Your progress is in use by another aifprep (\(path)). Close the other one and try again."
        case .alreadyOpen(let path, let pid):
            "aifprep is already open on this data — pid \(pid.map(String.init) ?? "unknown") (\(path)). "
                + "Close that one first (or use another --data-dir); two at once would overwrite each other's progress."
        case .newerVersion(let path, let found, let supported):
            "Your progress was saved by a newer aifprep (schema \(found), this version knows \(supported)): \(path). "
                + "Update aifprep; the file has been left untouched."
        case .unreadable(let path, let reason):
            "Your progress file cannot be read (\(reason)): \(path). It has been left untouched; "
                + "move it away to start afresh, or restore a backup."
        case .readOnly(let path):
            "Your progress file is read-only, so nothing can be saved: \(path). It has been left untouched; "
                + "make it writable (chmod u+w) or choose another folder with --data-dir."
        case .folderUnwritable(let path, let reason):
            "The folder for your progress cannot be written (\(reason)): \(path). "
                + "Make it writable, or choose another folder with --data-dir or AIFPREP_DATA_DIR."
        case .diskFull(let path):
            "The disk holding your progress is full (or a file size limit, ulimit -f, was reached), so the last change was not saved: \(path). "
                + "Everything saved before is intact; free some space and try again."
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
/// Every table of every feature is created by `builtInMigrations`, one list fixed at compile time.
public final class ProgressDatabase: Sendable {
    public static let fileName = "progress.sqlite"

    public let path: String
    public let queue: DatabaseQueue

    // MARK: - Migrations

    /// The migrations of the flashcard store, in order.
    public static let coreMigrations: [ProgressMigration] = [
        ProgressMigration(id: "v1-cards-reviews-settings", migrate: ProgressSchema.createV1),
        ProgressMigration(id: "v2-card-suspend-reset", migrate: ProgressSchema.createV2),
    ]

    /// Every migration this build knows, in order: the core ones, then each feature's. One fixed list,
    /// not a registry filled at run time, so that whether a file looks "newer" never depends on which
    /// code happened to run before it was opened.
    public static let builtInMigrations: [ProgressMigration] = coreMigrations + [
        ProgressMigration(id: QuizAttemptsSchema.migrationID, migrate: QuizAttemptsSchema.createV1),
    ]

    /// The built-in migrations followed by `extra` (tests use it to play a newer version).
    public static func allMigrations(extra: [ProgressMigration] = []) -> [ProgressMigration] {
        var seen = Set<String>()
        return (builtInMigrations + extra).filter { seen.insert($0.id).inserted }
    }

    static func migrator(_ migrations: [ProgressMigration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations { migrator.registerMigration(migration.id, migrate: migration.migrate) }
        return migrator
    }

    // MARK: - Opening

    /// Opens (creating if needed) `<directory>/progress.sqlite` and brings its schema up to date.
    /// Commands that write progress take `DataDirectoryLock` on the directory first.
    /// - Parameters:
    ///   - busyTimeout: how long to wait for another process before reporting `.inUse`.
    ///   - extraMigrations: run after the built-in ones (tests use them to play a newer version).
    public convenience init(
        directory: URL, busyTimeout: TimeInterval = 2, extraMigrations: [ProgressMigration] = []
    ) throws(ProgressStoreError) {
        let path = directory.appendingPathComponent(Self.fileName).path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .folderUnwritable(directory.path, reason: Self.reason(errnoOf: error))
        }
        try self.init(path: path, busyTimeout: busyTimeout, extraMigrations: extraMigrations)
    }

    /// A file size limit (`ulimit -f`) must surface as a full disk, not kill the process with SIGXFSZ.
    static func ignoreFileSizeSignal() { signal(SIGXFSZ, SIG_IGN) }

    public init(path: String, busyTimeout: TimeInterval = 2, extraMigrations: [ProgressMigration] = []) throws(ProgressStoreError) {
        Self.ignoreFileSizeSignal()
        self.path = path
        let migrations = Self.allMigrations(extra: extraMigrations)
        let folder = (path as NSString).deletingLastPathComponent
        let exists = FileManager.default.fileExists(atPath: path)
        // Said before SQLite tries: its own words ("unable to open", "readonly database") name no cause.
        if !exists && !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            throw .folderUnwritable(folder, reason: "no permission to create files there")
        }
        // Checked through a read-only connection first, so that a damaged or newer file is never written to.
        if exists {
            try Self.check(path: path, busyTimeout: busyTimeout, known: Set(migrations.map(\.id)))
            if !FileManager.default.isWritableFile(atPath: path) { throw .readOnly(path) }
            if !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                throw .folderUnwritable(folder, reason: "no permission to write there (SQLite keeps its journal next to the file)")
            }
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
        try queue.read { try Self.migrator(Self.builtInMigrations).appliedIdentifiers($0).count }
    }

    /// Maps SQLite failures to the errors a learner can act on.
    static func describe(_ error: any Error, path: String) -> ProgressStoreError {
        if let error = error as? ProgressStoreError { return error }
        guard let db = error as? DatabaseError else { return .unreadable(path, "\(error)") }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .inUse(path)
        case .SQLITE_NOTADB: return .unreadable(path, "not an SQLite database")
        case .SQLITE_CORRUPT: return .unreadable(path, "the database is damaged")
        case .SQLITE_FULL: return .diskFull(path)
        case .SQLITE_READONLY: return .readOnly(path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            let folder = (path as NSString).deletingLastPathComponent
            if !FileManager.default.fileExists(atPath: path) {
                return .folderUnwritable(folder, reason: "cannot create the progress file there")
            }
            return .unreadable(path, "no permission to open it (\(db.message ?? "cannot open"))")
        default:
            // SQLite reports some write failures only through the extended code.
            if db.extendedResultCode.rawValue & 0xFF == ResultCode.SQLITE_IOERR.rawValue {
                // SQLite calls a write refused for a file size limit (EFBIG) an I/O error, not "full".
                if Self.writesAreLimited(near: path) { return .diskFull(path) }
                return .unreadable(path, "the disk reported an input/output error (\(db.message ?? "I/O error"))")
            }
            return .unreadable(path, db.message ?? "\(db)")
        }
    }

    /// Whether a failed write is explained by a file size limit (`ulimit -f`) or a nearly full disk.
    static func writesAreLimited(near path: String) -> Bool {
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0 && limit.rlim_cur != rlim_t.max { return true }
        var fs = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        return statvfs(folder.isEmpty ? "." : folder, &fs) == 0 && UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 1 << 20
    }

    /// The operating system's words for a Foundation file error.
    static func reason(errnoOf error: any Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedDescription
    }
}
