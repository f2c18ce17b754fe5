import Foundation

/// The study material built into the binary (see `Plugins/EmbedContent`), for a binary that runs without
/// the repository's `Content/` next to it.
///
/// The loader reads folders, so the files are unpacked once into a cache folder named after their hash,
/// `<cache>/content-<hash>/Content/`, and read from there: the loader, `content lint` and `content stats`
/// treat built-in material exactly like a folder. The folder is written under a temporary name and renamed
/// into place, so a reader never sees half of it; a copy that is incomplete or was edited is replaced.
public enum EmbeddedContent {
    /// A hash of every embedded path and byte (FNV-1a, 64 bits, hex).
    public static var hash: String { embeddedContentHash }

    /// Paths relative to the content folder, e.g. `cards/glossary.yaml`.
    public static var paths: [String] { embeddedContentFiles.map(\.path) }

    /// Whether this build holds any material at all (a checkout without `Content/` embeds nothing).
    public static var isAvailable: Bool { embeddedContentFiles.contains { $0.path == "exam.yaml" } }

    /// `$XDG_CACHE_HOME/aifprep`, else `~/.cache/aifprep`.
    public static func defaultCacheRoot(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("aifprep")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/aifprep")
    }

    /// The unpacked content folder under `cacheRoot`, written now unless an intact copy is already there.
    public static func unpack(in cacheRoot: URL) throws -> URL {
        let manager = FileManager.default
        let folder = cacheRoot.appendingPathComponent("content-\(hash)")
        let content = folder.appendingPathComponent("Content")
        if isIntact(content) { return content }

        try manager.createDirectory(at: cacheRoot, withIntermediateDirectories: true)
        let staging = cacheRoot.appendingPathComponent(".content-\(hash).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        defer { try? manager.removeItem(at: staging) }
        let stagedContent = staging.appendingPathComponent("Content")
        for file in embeddedContentFiles {
            let url = stagedContent.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        try Data((hash + "\n").utf8).write(to: staging.appendingPathComponent(markerName))

        for _ in 0..<3 {
            if rename(staging.path, folder.path) == 0 { return content }
            // Another aifprep may have unpacked the same files meanwhile; otherwise move the broken copy aside.
            if isIntact(content) { return content }
            let aside = cacheRoot.appendingPathComponent(".stale-\(hash).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
            if rename(folder.path, aside.path) == 0 { try? manager.removeItem(at: aside) }
        }
        if isIntact(content) { return content }
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path])
    }

    static let markerName = ".aifprep-embedded"

    private static func sameBytes(_ data: Data, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            data.count == utf8.count && (utf8.isEmpty || data.withUnsafeBytes { memcmp($0.baseAddress!, utf8.baseAddress!, utf8.count) == 0 })
        }
    }

    /// Every embedded file is there with exactly its bytes, and the marker names this hash.
    static func isIntact(_ content: URL) -> Bool {
        let manager = FileManager.default
        let marker = content.deletingLastPathComponent().appendingPathComponent(markerName)
        guard let stamp = manager.contents(atPath: marker.path), stamp == Data((hash + "\n").utf8) else { return false }
        for file in embeddedContentFiles {
            guard let data = manager.contents(atPath: content.appendingPathComponent(file.path).path),
                  sameBytes(data, file.text) else { return false }
        }
        return true
    }
}
