import Foundation

/// A validated cache of the loaded library, so that start-up does not parse and check every YAML file
/// each time. The key covers every content file's path, size, modification time and a hash of its bytes,
/// plus the build that wrote it; the cache is used only when the key matches exactly and it decodes to a
/// library, and is rewritten (atomically) after every full load. Only content that loaded without a
/// single issue is ever cached, so a cached library is one the loader accepted.
public enum ContentCache {
    /// Bump when the cached form changes.
    static let format = "aifprep-content-cache 1"

    public enum Outcome: Error, Equatable, Sendable { case hit, miss, stale, unreadable, disabled }

    /// Loads through the cache in `cacheDirectory` (nil: no cache). `buildID` names the binary (e.g. its
    /// size and mtime) so that a new build never trusts an old build's library.
    /// `userDecks`: the learner's own deck folder, loaded beside the content and part of the key.
    public static func load(
        from directory: URL, userDecks: URL? = nil, cacheDirectory: URL?, buildID: String,
        settingValidator: ((String, String) -> String?)? = nil
    ) throws -> (library: ContentLibrary, outcome: Outcome) {
        guard let cacheDirectory, let key = try? key(for: directory, userDecks: userDecks, buildID: buildID) else {
            return (try ContentLoader.load(from: directory, userDecks: userDecks, settingValidator: settingValidator), .disabled)
        }
        let file = cacheFile(for: directory, in: cacheDirectory)
        var outcome = Outcome.miss
        if let data = FileManager.default.contents(atPath: file.path) {
            switch decode(data, key: key) {
            case .success(let library): return (library, .hit)
            case .failure(let why): outcome = why
            }
        }
        let library = try ContentLoader.load(from: directory, userDecks: userDecks, settingValidator: settingValidator)
        // The files may have changed while they were read: key them again and cache only if unchanged.
        if let after = try? Self.key(for: directory, userDecks: userDecks, buildID: buildID), after == key {
            store(library, key: key, at: file)
        }
        return (library, outcome)
    }

    /// One cache per content directory (hash of its path), so two content folders never share one.
    static func cacheFile(for directory: URL, in cacheDirectory: URL) -> URL {
        var hasher = FNV1a()
        hasher.add(Array(directory.standardizedFileURL.path.utf8))
        return cacheDirectory.appendingPathComponent("content-\(String(hasher.value, radix: 16)).json")
    }

    /// Every `.yaml`/`.yml` file under the directory with its size, mtime and the hash of its bytes.
    static func key(for directory: URL, userDecks: URL? = nil, buildID: String) throws -> String {
        let root = directory.standardizedFileURL
        let manager = FileManager.default
        var paths: [String] = []
        for folder in ["", "cards", "questions", "sandbox"] {
            let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
            let names = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                paths.append(folder.isEmpty ? name : folder + "/" + name)
            }
        }
        paths.sort()
        // A learner's own decks (absolute paths, so they cannot collide with the content's relative ones).
        if let userDecks {
            let decks = userDecks.standardizedFileURL
            let names = ((try? manager.contentsOfDirectory(atPath: decks.path)) ?? []).sorted()
            paths += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { decks.appendingPathComponent($0).path }
        }
        var lines = [format, buildID, root.path]
        var hasher = FNV1a()
        for path in paths {
            let full = path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
            var info = stat()
            guard stat(full, &info) == 0 else { throw CocoaError(.fileReadUnknown) }
            guard let data = manager.contents(atPath: full) else { throw CocoaError(.fileReadUnknown) }
            hasher.add(data)
            lines.append("\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        }
        lines.append("hash \(String(hasher.value, radix: 16))")
        return lines.joined(separator: "\n")
    }

    struct Envelope: Codable {
        var key: String
        var library: ContentLibrary
    }

    static func decode(_ data: Data, key: String) -> Result<ContentLibrary, Outcome> {
        // The key is the first field: compare it before decoding the rest.
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else { return .failure(.unreadable) }
        guard envelope.key == key else { return .failure(.stale) }
        return .success(envelope.library)
    }

    static func store(_ library: ContentLibrary, key: String, at file: URL) {
        guard let data = try? JSONEncoder().encode(Envelope(key: key, library: library)) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }
}

/// 64-bit FNV-1a: fast and good enough to notice a changed file (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        var v = value
        for b in bytes { v = (v ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        value = v
    }

    mutating func add(_ data: Data) {
        var v = value
        data.withUnsafeBytes { raw in
            for b in raw { v = (v ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        value = v
    }
}
