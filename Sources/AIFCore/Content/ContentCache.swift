import Foundation

/// A validated cache of the loaded library, so that start-up does not parse and check every YAML file
/// each time. The key covers every content file's path, size, modification time and a hash of its bytes,
/// plus the build that wrote it; the cache is used only when the key matches exactly and a checksum over
/// everything after it matches, and is rewritten (atomically) after every full load. Only content that loaded
/// without a single issue is ever cached, so a cached library is one the loader accepted.
///
/// The file: a few header lines, then two JSON sections.
///
///     aifprep-content-cache 2
///     <the key's length in bytes>
///     <the key (several lines)>
///     <FNV-1a of both sections, hex> <length of the first section>
///     <the library without its questions, JSON><its questions, JSON>
///
/// The key is compared as bytes before anything is decoded, and the checksum is checked before any section
/// is used, so a stale or damaged file is never served. The questions (three quarters of the file; the first
/// frame needs none of them) are decoded on first use (`QuestionStorage`). JSON, because Foundation's binary
/// property lists decode the same library about three times slower (measured: 50 ms against 150 ms).
public enum ContentCache {
    /// Bump when the cached form changes.
    static let format = "aifprep-content-cache 2"

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
            // The checksum makes a failed decode of the questions all but impossible; should it happen, they
            // are read from the content itself (presets are not what they are about, so no setting validator).
            let reload: @Sendable () -> [Question] = {
                (try? ContentLoader.load(from: directory, userDecks: userDecks))?.questions ?? []
            }
            switch decode(data, key: key, reloadQuestions: reload) {
            case .success(let library):
                // Marks the cache as in use for `prune` (it is rewritten only when the content changes).
                try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
                return (library, .hit)
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
        return cacheDirectory.appendingPathComponent("content-\(String(hasher.value, radix: 16)).cache")
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

    /// The library without its questions: what the first frame needs.
    struct Head: Codable {
        var blueprint: ExamBlueprint
        var decks: [Deck]
        var cards: [Card]
        var caseStudies: [CaseStudy]
        var presets: [SandboxPreset]
        var diagnosisCards: [String: String]
        var terms: [Term]
    }

    static func decode(_ data: Data, key: String, reloadQuestions: @escaping @Sendable () -> [Question]) -> Result<ContentLibrary, Outcome> {
        var cursor = data.startIndex
        func line() -> Data? {
            guard let end = data[cursor...].firstIndex(of: 0x0A) else { return nil }
            defer { cursor = end + 1 }
            return data[cursor..<end]
        }
        guard let magic = line(), magic.elementsEqual(format.utf8),
              let length = line().flatMap({ Int(String(decoding: $0, as: UTF8.self)) }), length >= 0,
              data.endIndex - cursor > length, data[cursor + length] == 0x0A
        else { return .failure(.unreadable) }
        guard data[cursor..<cursor + length].elementsEqual(key.utf8) else { return .failure(.stale) }
        cursor += length + 1
        guard let sums = line().map({ String(decoding: $0, as: UTF8.self).split(separator: " ") }), sums.count == 2,
              let checksum = UInt64(sums[0], radix: 16), let headLength = Int(sums[1]),
              headLength >= 0, headLength <= data.endIndex - cursor
        else { return .failure(.unreadable) }
        var hasher = FNV1a()
        hasher.add(data[cursor...])
        guard hasher.value == checksum else { return .failure(.unreadable) }
        let questions = Data(data[(cursor + headLength)...])
        guard let head = try? JSONDecoder().decode(Head.self, from: data[cursor..<cursor + headLength]) else {
            return .failure(.unreadable)
        }
        let storage = QuestionStorage(decodingLater: {
            (try? JSONDecoder().decode([Question].self, from: questions)) ?? reloadQuestions()
        })
        return .success(ContentLibrary(
            blueprint: head.blueprint, decks: head.decks, cards: head.cards, questions: storage,
            caseStudies: head.caseStudies, presets: head.presets, diagnosisCards: head.diagnosisCards, terms: head.terms))
    }

    static func encode(_ library: ContentLibrary, key: String) throws -> Data {
        let encoder = JSONEncoder()
        let head = try encoder.encode(Head(
            blueprint: library.blueprint, decks: library.decks, cards: library.cards, caseStudies: library.caseStudies,
            presets: library.presets, diagnosisCards: library.diagnosisCards, terms: library.terms))
        let questions = try encoder.encode(library.questions)
        var hasher = FNV1a()
        hasher.add(head)
        hasher.add(questions)
        var data = Data("\(format)\n\(key.utf8.count)\n\(key)\n\(String(hasher.value, radix: 16)) \(head.count)\n".utf8)
        data.append(head)
        data.append(questions)
        return data
    }

    static func store(_ library: ContentLibrary, key: String, at file: URL) {
        guard let data = try? encode(library, key: key) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
        // The first format's file, if this folder still has one.
        try? FileManager.default.removeItem(at: file.deletingPathExtension().appendingPathExtension("json"))
        prune(besides: file)
    }

    /// Caches of other content folders untouched for `maxAge` (a moved install, a deleted checkout) are
    /// removed, so the folder does not grow by one library per path ever used. A used cache is rewritten
    /// only when its content changes, so its age is read from its last access by a load (`touch` on hit).
    static func prune(besides file: URL, now: Date = Date(), maxAge: TimeInterval = 60 * 86_400) {
        let folder = file.deletingLastPathComponent()
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix("content-") && name.hasSuffix(".cache") && name != file.lastPathComponent {
            let other = folder.appendingPathComponent(name)
            guard let modified = (try? fm.attributesOfItem(atPath: other.path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > maxAge else { continue }
            try? fm.removeItem(at: other)
        }
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
