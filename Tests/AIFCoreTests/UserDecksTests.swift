import Foundation
import Testing
@testable import AIFCore

/// A learner's own decks (`<data dir>/decks/*.yaml`) load beside the content, in the same namespace.
@Suite struct UserDecksTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-decks-\(UUID().uuidString)")
            .appendingPathComponent("decks").standardizedFileURL
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let myDeck = """
        deck:
          id: my-notes
          title: {en: My notes, ja: 自分のメモ}
        cards:
          - id: my-bedrock-pricing
            task: "1.2"
            tags: [mine]
            front: {en: Where do I look up Bedrock prices?, ja: Bedrock の料金はどこで調べますか?}
            back: {en: On the Bedrock pricing page., ja: Bedrock の料金ページです。}

        """

    @Test func ownDeckLoadsBesideTheContent() throws {
        let decks = try Self.folder(["mine.yaml": Self.myDeck, ".hidden.yaml": "not: read", "notes.txt": "ignored"])
        defer { try? FileManager.default.removeItem(at: decks.deletingLastPathComponent()) }
        let plain = try ContentLoader.load(from: ContentFixtures.valid)
        let library = try ContentLoader.load(from: ContentFixtures.valid, userDecks: decks)
        #expect(library.decks.count == plain.decks.count + 1)
        #expect(library.cards.count == plain.cards.count + 1)
        let deck = try #require(library.decks.first { $0.id == "my-notes" })
        #expect(deck.file == decks.appendingPathComponent("mine.yaml").path)
        #expect(library.cards.contains { $0.id == "my-bedrock-pricing" && $0.deckID == "my-notes" })
        // No folder, no decks: the same library as without.
        let none = try ContentLoader.load(from: ContentFixtures.valid, userDecks: decks.appendingPathComponent("missing"))
        #expect(none.cards.count == plain.cards.count)
    }

    @Test func clashingIdsAreReportedAtTheLearnersFile() throws {
        let clash = Self.myDeck.replacingOccurrences(of: "id: my-bedrock-pricing", with: "id: tr-good-fit")
        let decks = try Self.folder(["mine.yaml": clash, "old.yml": Self.myDeck])
        defer { try? FileManager.default.removeItem(at: decks.deletingLastPathComponent()) }
        let issues = ContentLinter.lint(directory: ContentFixtures.valid, userDecks: decks).map(\.description)
        let mine = decks.appendingPathComponent("mine.yaml").path
        #expect(issues.contains("\(mine):5:9: duplicate card id 'tr-good-fit'; first defined at valid/cards/training.yaml:5"),
                "\(issues)")
        #expect(issues.contains("\(decks.appendingPathComponent("old.yml").path):1:1: files must end in .yaml (this one is not read); rename it"),
                "\(issues)")
        #expect(throws: ContentErrors.self) { try ContentLoader.load(from: ContentFixtures.valid, userDecks: decks) }
    }

    @Test func theContentCacheSeesANewOrChangedOwnDeck() throws {
        let decks = try Self.folder([:])
        let cache = decks.deletingLastPathComponent().appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: decks.deletingLastPathComponent()) }
        func load() throws -> (cards: Int, outcome: ContentCache.Outcome) {
            let r = try ContentCache.load(from: ContentFixtures.valid, userDecks: decks, cacheDirectory: cache, buildID: "test")
            return (r.library.cards.count, r.outcome)
        }
        let first = try load()
        #expect(try load().outcome == .hit)
        try Data(Self.myDeck.utf8).write(to: decks.appendingPathComponent("mine.yaml"))
        let added = try load()
        #expect(added.outcome != .hit && added.cards == first.cards + 1)
        #expect(try load().outcome == .hit)
        try FileManager.default.removeItem(at: decks.appendingPathComponent("mine.yaml"))
        #expect(try load().cards == first.cards)
    }
}
