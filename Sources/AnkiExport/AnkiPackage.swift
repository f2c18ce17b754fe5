import AIFCore
import Foundation
import GRDB
import SpacedRepetition
import ZIPFoundation

public struct AnkiExportOptions: Sendable {
    public var language: ExportLanguage
    /// Carry each card's FSRS state, due date and review log.
    public var withProgress: Bool
    public var includeQuestions: Bool

    public init(language: ExportLanguage = .en, withProgress: Bool = false, includeQuestions: Bool = true) {
        self.language = language
        self.withProgress = withProgress
        self.includeQuestions = includeQuestions
    }
}

public struct AnkiExportSummary: Sendable, Equatable, Codable {
    public var notes: Int
    public var cards: Int
    public var decks: Int
    public var reviews: Int

    public init(notes: Int, cards: Int, decks: Int, reviews: Int) {
        self.notes = notes
        self.cards = cards
        self.decks = decks
        self.reviews = reviews
    }
}

/// Writes an Anki package (.apkg): a zip of `collection.anki2` (SQLite, schema 11, the layout current Anki
/// and AnkiDroid still import) and an empty `media` map. Notes get GUIDs from content ids, so importing a
/// newer export updates the notes instead of adding copies.
public enum AnkiPackage {
    public static let rootDeck = "AWS AI Practitioner"

    public static func write(
        library: ContentLibrary, progress: [String: CardProgress] = [:], reviews: [StoredReview] = [],
        options: AnkiExportOptions, to url: URL, now: Date, clock: StudyClock
    ) throws -> AnkiExportSummary {
        let lang = options.language
        var notes = library.cards.map { AnkiText.note(card: $0, lang) }
        if options.includeQuestions {
            notes += library.questions.map { q in
                AnkiText.note(question: q, caseStudy: q.caseStudyID.flatMap(library.caseStudy(id:)), lang)
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dbURL = folder.appendingPathComponent("collection.anki2")
        let summary = try writeCollection(at: dbURL, library: library, notes: notes, progress: options.withProgress ? progress : [:],
                                          reviews: options.withProgress ? reviews : [], lang: lang, now: now, clock: clock)
        let mediaURL = folder.appendingPathComponent("media")
        try Data("{}".utf8).write(to: mediaURL)

        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try? FileManager.default.removeItem(at: partial)
        let archive = try Archive(url: partial, accessMode: .create)
        try archive.addEntry(with: "collection.anki2", fileURL: dbURL, compressionMethod: .deflate)
        try archive.addEntry(with: "media", fileURL: mediaURL, compressionMethod: .deflate)
        // Replaced in one step, so an interrupted export never leaves half a package under the name.
        if FileManager.default.fileExists(atPath: url.path) {
            _ = try FileManager.default.replaceItemAt(url, withItemAt: partial)
        } else {
            try FileManager.default.moveItem(at: partial, to: url)
        }
        return summary
    }

    static func deckName(_ domain: Domain, _ lang: ExportLanguage) -> String {
        let title: String
        switch lang {
        case .en: title = domain.title.en
        case .ja: title = domain.title.ja
        case .both: title = "\(domain.title.en) / \(domain.title.ja)"
        }
        // "::" separates deck levels in Anki.
        return "\(rootDeck)::\(domain.number) " + title.replacingOccurrences(of: "::", with: ":")
    }

    static let modelID: Int64 = 1_650_000_013_001

    static func model(now: Int64) -> [String: Any] {
        let fields = ["Front", "Back", "Source"].enumerated().map { i, name -> [String: Any] in
            ["name": name, "ord": i, "font": "Arial", "size": 20, "rtl": false, "sticky": false, "media": [String]()]
        }
        return [
            "id": modelID, "name": "aifprep", "type": 0, "mod": now, "usn": -1, "sortf": 0, "did": 1,
            "tmpls": [["name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
                       "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<div class=source>{{Source}}</div>",
                       "bqfmt": "", "bafmt": "", "did": NSNull()]],
            "flds": fields,
            "css": ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n.ja { margin-top: 1em; }\n.source { margin-top: 1em; font-size: 12px; color: #888; }",
            "latexPre": "", "latexPost": "", "req": [[0, "all", [0]]], "tags": [String](), "vers": [Int](),
        ]
    }

    static func deck(id: Int64, name: String, now: Int64) -> [String: Any] {
        ["id": id, "name": name, "usn": -1, "mod": now, "dyn": 0, "conf": 1, "collapsed": false, "desc": "",
         "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0], "extendNew": 0, "extendRev": 0]
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    private static func writeCollection(
        at url: URL, library: ContentLibrary, notes: [AnkiNote], progress: [String: CardProgress], reviews: [StoredReview],
        lang: ExportLanguage, now: Date, clock: StudyClock
    ) throws -> AnkiExportSummary {
        let queue = try DatabaseQueue(path: url.path)
        defer { try? queue.close() }
        let seconds = Int64(now.timeIntervalSince1970)
        // The collection was "created" at the start of today's study day: review due dates count days from it.
        let crt = Int64(clock.dayStart(containing: now).timeIntervalSince1970)
        let today = StudyDay.date(containing: now, timeZone: clock.timeZone, dayStartHour: clock.dayStartHour)
        var decks: [String: Any] = ["1": deck(id: 1, name: "Default", now: seconds)]
        var deckIDs: [String: Int64] = [:]
        for d in library.blueprint.domains {
            let id = 1_650_000_013_100 + Int64(d.number)
            deckIDs[d.id] = id
            decks[String(id)] = deck(id: id, name: deckName(d, lang), now: seconds)
        }
        let usedDecks = Set(notes.compactMap { deckIDs[$0.domainID] })
        var summary = AnkiExportSummary(notes: 0, cards: 0, decks: usedDecks.count, reviews: 0)
        let byCard = Dictionary(grouping: reviews, by: \.cardID)
        try queue.write { db in
            try db.execute(sql: AnkiSchema.ddl)
            // schedVer 2: without it Anki reads the log as the v1 scheduler's and shifts learning ratings up by one.
            try db.execute(sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')", arguments: [
                crt, seconds * 1000, seconds * 1000, try json(["nextPos": notes.count + 1, "curDeck": 1, "schedVer": 2]),
                try json([String(modelID): model(now: seconds)]), try json(decks), try json([String: Any]())])
            var revlogIDs = Set<Int64>()
            for (i, note) in notes.enumerated() {
                guard let did = deckIDs[note.domainID] else { continue }
                let nid = 1_650_000_000_000 + Int64(i) * 10, cid = nid + 1
                let fields = [note.front, note.back, note.source].joined(separator: "\u{1f}")
                // csum 0: Anki recomputes the duplicate checksum (a SHA-1) on import, checked by the test.
                try db.execute(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')", arguments: [
                    nid, note.guid, modelID, seconds, " " + note.tags.joined(separator: " ") + " ", fields,
                    AnkiText.sortField(note.front)])
                let state = note.cardID.flatMap { progress[$0] }
                let log = note.cardID.flatMap { byCard[$0] } ?? []
                let s = AnkiScheduling(progress: state, reviews: log, position: i + 1, crt: crt, today: today, clock: clock)
                try db.execute(sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)", arguments: [
                    cid, nid, did, seconds, s.type, s.queue, s.due, s.interval, s.factor, s.reps, s.lapses, s.left, s.data])
                for r in log {
                    // Revlog ids are review times in ms; two reviews in one ms move apart by one.
                    var id = Int64((r.log.reviewedAt.timeIntervalSince1970 * 1000).rounded())
                    while !revlogIDs.insert(id).inserted { id += 1 }
                    let e = AnkiScheduling.revlog(r)
                    try db.execute(sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)", arguments: [
                        id, cid, r.log.rating.rawValue, e.interval, e.lastInterval, e.factor, e.time, e.type])
                    summary.reviews += 1
                }
                summary.notes += 1
                summary.cards += 1
            }
        }
        return summary
    }
}
