import Foundation
import Testing
@testable import AIFCore

/// The validated content cache: served only when its key and checksum match, rebuilt otherwise, and the library
/// it gives (questions decoded on first use) equal to a full load's.
@Suite struct ContentCacheTests {
    /// A copy of the valid fixture (its files get edited) and an empty cache folder beside it.
    struct Scratch {
        let content: URL
        let cache: URL
        init() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-cache-\(UUID().uuidString)")
            content = root.appendingPathComponent("Content")
            cache = root.appendingPathComponent("cache")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: ContentFixtures.valid, to: content)
        }
        func remove() { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        func load(buildID: String = "test") throws -> (library: ContentLibrary, outcome: ContentCache.Outcome) {
            try ContentCache.load(from: content, cacheDirectory: cache, buildID: buildID)
        }
        var file: URL { ContentCache.cacheFile(for: content, in: cache) }
    }

    static func same(_ a: ContentLibrary, _ b: ContentLibrary) {
        #expect(a.questions == b.questions)
        #expect(a.cards == b.cards)
        #expect(a.decks == b.decks)
        #expect(a.blueprint == b.blueprint)
        #expect(a.caseStudies == b.caseStudies)
        #expect(a.presets == b.presets)
        #expect(a.diagnosisCards == b.diagnosisCards)
        #expect(a.terms == b.terms)
        for question in b.questions { #expect(a.question(id: question.id) == question) }
    }

    @Test func aHitGivesTheLibraryAFullLoadGives() throws {
        let s = try Scratch()
        defer { s.remove() }
        let first = try s.load()
        #expect(first.outcome == .miss)
        let hit = try s.load()
        #expect(hit.outcome == .hit)
        Self.same(hit.library, try ContentLoader.load(from: s.content))
        Self.same(hit.library, first.library)
    }

    @Test func cachesOfFoldersNotUsedForTwoMonthsArePrunedWhenOneIsWritten() throws {
        let s = try Scratch()
        defer { s.remove() }
        let fm = FileManager.default
        try fm.createDirectory(at: s.cache, withIntermediateDirectories: true)
        let old = s.cache.appendingPathComponent("content-0ld.cache"), recent = s.cache.appendingPathComponent("content-2ecent.cache")
        let other = s.cache.appendingPathComponent("notes.txt")
        for url in [old, recent, other] { try Data("x".utf8).write(to: url) }
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -90 * 86_400)], ofItemAtPath: old.path)
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -10 * 86_400)], ofItemAtPath: recent.path)
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -90 * 86_400)], ofItemAtPath: other.path)
        #expect(try s.load().outcome == .miss)
        #expect(!fm.fileExists(atPath: old.path))
        #expect(fm.fileExists(atPath: recent.path))
        #expect(fm.fileExists(atPath: other.path), "only content caches are pruned")
        #expect(fm.fileExists(atPath: s.file.path))
        // A hit marks its own cache as used, so a folder in use never ages out.
        try fm.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -90 * 86_400)], ofItemAtPath: s.file.path)
        #expect(try s.load().outcome == .hit)
        let touched = try #require(try fm.attributesOfItem(atPath: s.file.path)[.modificationDate] as? Date)
        #expect(Date().timeIntervalSince(touched) < 86_400)
    }

    @Test func anEditedFileIsNeverServedFromTheCache() throws {
        let s = try Scratch()
        defer { s.remove() }
        _ = try s.load()
        let file = s.content.appendingPathComponent("cards/training.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "What is overfitting?", with: "What is overfitting again?").utf8).write(to: file)
        let edited = try s.load()
        #expect(edited.outcome == .stale)
        #expect(edited.library.card(id: "tr-overfitting")?.front.en == "What is overfitting again?")
        #expect(try s.load().outcome == .hit)
    }

    @Test func anotherBuildDoesNotTrustTheCache() throws {
        let s = try Scratch()
        defer { s.remove() }
        _ = try s.load(buildID: "one")
        #expect(try s.load(buildID: "two").outcome == .stale)
    }

    /// Every damage the checksum or the header catches: a flipped byte in either section, a cut file, garbage,
    /// an empty file and the first (JSON) format. Each is refused and replaced by a good cache.
    @Test(arguments: ["flip-head", "flip-questions", "truncate", "garbage", "empty", "json-format"])
    func aDamagedCacheIsRefusedAndRebuilt(_ damage: String) throws {
        let s = try Scratch()
        defer { s.remove() }
        let full = try s.load().library
        var data = try Data(contentsOf: s.file)
        let header = try #require(Self.headerLength(data))
        switch damage {
        case "flip-head": data[header + 10] ^= 0x01
        case "flip-questions": data[data.count - 10] ^= 0x01
        case "truncate": data = data.prefix(data.count - 100)
        case "garbage": data = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        case "empty": data = Data()
        default: data = try JSONEncoder().encode(["key": "x"])
        }
        try data.write(to: s.file)
        let damaged = try s.load()
        #expect(damaged.outcome == .unreadable)
        Self.same(damaged.library, full)
        #expect(try s.load().outcome == .hit)
    }

    @Test func aChecksumMatchWithAWrongKeyIsStale() throws {
        let s = try Scratch()
        defer { s.remove() }
        let library = try s.load().library
        try ContentCache.encode(library, key: "some other key").write(to: s.file)
        #expect(try s.load().outcome == .stale)
    }

    /// Offset of the first section: after the fourth header line (format, key length, key lines, checksum).
    static func headerLength(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        guard let firstBreak = bytes.firstIndex(of: 0x0A), let secondBreak = bytes[(firstBreak + 1)...].firstIndex(of: 0x0A),
              let keyLength = Int(String(decoding: bytes[(firstBreak + 1)..<secondBreak], as: UTF8.self))
        else { return nil }
        let afterKey = secondBreak + 1 + keyLength + 1
        guard let sums = bytes[afterKey...].firstIndex(of: 0x0A) else { return nil }
        return sums + 1
    }

    @Test func questionsDecodeOnFirstUseAndOnce() throws {
        let s = try Scratch()
        defer { s.remove() }
        _ = try s.load()
        let hit = try s.load().library
        // Copies share one storage: decoded once, the same everywhere.
        let copy = hit
        #expect(copy.questions.map(\.id) == hit.questions.map(\.id))
        #expect(!hit.questions.isEmpty)
        #expect(hit.question(id: "no-such-question") == nil)
    }
}
