import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One process owns a data directory at a time, as Anki locks its collection: an `flock`ed
/// `progress.lock` next to the database, holding the owner's pid. The kernel drops the lock when the
/// process ends in any way (even SIGKILL), so a stale file never blocks the next start.
///
/// Every command that writes progress takes it (the full-screen app, `exam --plain`), so two of them
/// can never work from stale copies of the same card or attempt.
public final class DataDirectoryLock: @unchecked Sendable {
    public static let fileName = "progress.lock"
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock, or throws `.alreadyOpen` naming the process that holds it.
    public static func acquire(directory: URL) throws(ProgressStoreError) -> DataDirectoryLock {
        ProgressDatabase.ignoreFileSizeSignal()
        let dbPath = directory.appendingPathComponent(ProgressDatabase.fileName).path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .folderUnwritable(directory.path, reason: ProgressDatabase.reason(errnoOf: error))
        }
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            // Read-only folder: without a lock file nothing can be saved there either.
            throw .folderUnwritable(directory.path, reason: String(cString: strerror(code)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let owner = readPID(fd)
            close(fd)
            if code == EWOULDBLOCK { throw .alreadyOpen(dbPath, pid: owner) }
            throw .folderUnwritable(directory.path, reason: String(cString: strerror(code)))
        }
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        return DataDirectoryLock(path: path, fd: fd)
    }

    /// Lets the next process in (also done when this object goes away or the process ends).
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, 31, 0)
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}
