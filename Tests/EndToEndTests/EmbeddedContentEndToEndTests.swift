import Foundation
import Testing

/// The binary carries its study material: copied alone into an empty folder and run with a clean environment
/// (`env -i HOME=… TERM=xterm`), it unpacks the embedded files into `$HOME/.cache/aifprep` and loads them.
/// Uses the binary this test build made (the release tarball gets the same check from `make dist-check`).
@Suite("Embedded content", .serialized)
struct EmbeddedContentEndToEndTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixture = repo.appendingPathComponent("Tests/AIFCoreTests/Fixtures/content/valid")

    /// An empty folder holding only a copy of the binary, and an empty HOME beside it.
    final class Alone {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("aifprep-alone-\(UUID().uuidString)")
        var folder: URL { base.appendingPathComponent("empty") }
        var home: URL { base.appendingPathComponent("home") }
        var binary: URL { folder.appendingPathComponent("aifprep") }

        init() throws {
            for dir in [folder, home] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
            try FileManager.default.copyItem(at: Tmux.binary, to: binary)
        }

        deinit { try? FileManager.default.removeItem(at: base) }

        /// Runs the copy from its folder with only HOME and TERM set (and `extra`).
        func run(_ args: [String], input: String? = nil, extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
            let env = ["HOME": home.path, "TERM": "xterm"].merging(extra) { $1 }
            // From inside its folder, as a learner would run it (the test process keeps its own directory).
            return try Tmux.run(["/bin/sh", "-c", "cd \"$0\" && exec ./aifprep \"$@\"", folder.path] + args,
                                input: input, environment: env)
        }

        var unpacked: [URL] {
            let cache = home.appendingPathComponent(".cache/aifprep")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []
            return names.filter { $0.hasPrefix("content-") }.map { cache.appendingPathComponent($0).appendingPathComponent("Content") }
        }
    }

    /// Two full loads of the real material; a debug build needs tens of seconds of CPU for each, so this test
    /// does only these two (unpacking and repairing the cache are unit-tested in EmbeddedContentTests).
    @Test func lintAndExamRunOnTheBuiltInMaterial() throws {
        let alone = try Alone()
        let lint = try alone.run(["content", "lint"])
        // Unpacked once, byte for byte the repository's files, and nothing written beside the binary.
        let unpacked = try #require(alone.unpacked.first, "\(lint.output)")
        #expect(alone.unpacked.count == 1)
        let manager = FileManager.default
        let repoContent = Self.repo.appendingPathComponent("Content")
        let files = try #require(manager.subpaths(atPath: unpacked.path)).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }.sorted()
        let repoFiles = try #require(manager.subpaths(atPath: repoContent.path)).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }.sorted()
        #expect(files == repoFiles)
        #expect(files.contains("exam.yaml") && files.contains { $0.hasPrefix("cards/") } && files.contains { $0.hasPrefix("questions/") })
        for file in files {
            #expect(manager.contents(atPath: unpacked.appendingPathComponent(file).path)
                == manager.contents(atPath: repoContent.appendingPathComponent(file).path), "\(file)")
        }
        #expect((try? manager.contentsOfDirectory(atPath: alone.folder.path)) == ["aifprep"])

        // The linter read the built-in copy. Content writers may be mid-edit: then every issue must be one in the
        // material itself (Content/…), not a missing or unreadable folder, and there is nothing to take an exam on.
        guard lint.status == 0 else {
            let lines = lint.output.split(separator: "\n")
            #expect(lines.dropLast().allSatisfy { $0.hasPrefix("Content/") }, "\(lint.output)")
            return
        }
        #expect(lint.output.hasPrefix("Content OK: "), "\(lint.output)")
        let exam = try alone.run(["exam", "--plain", "--count", "3", "--seed", "5", "--time-limit", "0", "--json"],
                                 input: "1\n1\n1\n")
        #expect(exam.status == 0, "\(exam.output)")
        #expect(exam.output.contains("Question 1 of 3"))
        let last = try #require(exam.output.split(separator: "\n").last)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 3)
        let ids = try #require(json["questions"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 3 && ids.allSatisfy { exam.output.contains("[\($0)]") })
    }

    @Test func contentOverridesAndOwnDecksStillApply() throws {
        let alone = try Alone()
        let fixture = try alone.run(["content", "lint"], extra: ["AIFPREP_CONTENT": Self.fixture.path])
        #expect(fixture.status == 0, "\(fixture.output)")
        #expect(fixture.output.hasPrefix("Content OK: "), "\(fixture.output)")
        let cards = try #require(Int(fixture.output.dropFirst("Content OK: ".count).prefix { $0.isNumber }))
        let flag = try alone.run(["content", "lint", "--content", Self.fixture.path])
        #expect(flag.output == fixture.output)
        #expect(alone.unpacked.isEmpty)
        let typo = try alone.run(["content", "lint"], extra: ["AIFPREP_CONTENT": alone.base.appendingPathComponent("typo").path])
        #expect(typo.status != 0 && typo.output.contains("has no exam.yaml"))

        // A learner's own deck in the default data dir ($HOME/.local/share/aifprep/decks) loads beside it.
        let decks = alone.home.appendingPathComponent(".local/share/aifprep/decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        let deck = """
            deck:
              id: my-notes
              title: {en: My notes, ja: 自分のメモ}
            cards:
              - id: my-first-card
                task: "1.2"
                front: {en: My own question, ja: 自分の質問}
                back: {en: My own answer, ja: 自分の答え}

            """
        try Data(deck.utf8).write(to: decks.appendingPathComponent("mine.yaml"))
        let withDeck = try alone.run(["content", "lint", "--content", Self.fixture.path])
        #expect(withDeck.status == 0, "\(withDeck.output)")
        #expect(withDeck.output.hasPrefix("Content OK: \(cards + 1) cards"), "\(withDeck.output)")
        // Elsewhere with --data-dir: only that data dir's decks.
        let other = try alone.run(["content", "lint", "--content", Self.fixture.path, "--data-dir", alone.base.path])
        #expect(other.output.hasPrefix("Content OK: \(cards) cards"), "\(other.output)")

        // An id that clashes with the content's is reported at the learner's file, FILE:LINE:COL.
        let cardID = try #require(firstCardID(in: Self.fixture))
        try Data(deck.replacingOccurrences(of: "my-first-card", with: cardID).utf8).write(to: decks.appendingPathComponent("mine.yaml"))
        let clash = try alone.run(["content", "lint", "--content", Self.fixture.path])
        #expect(clash.status != 0)
        let mine = decks.appendingPathComponent("mine.yaml").standardizedFileURL.path
        #expect(clash.output.contains("\(mine):5:9: duplicate card id '\(cardID)'; first defined at valid/cards/"), "\(clash.output)")
        let app = try alone.run(["exam", "--plain", "--content", Self.fixture.path], input: "")
        #expect(app.status != 0 && app.output.contains("\(mine):5:9: duplicate card id"), "\(app.output)")
    }

    func firstCardID(in content: URL) -> String? {
        let cards = content.appendingPathComponent("cards")
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: cards.path))?.sorted().first(where: { $0.hasSuffix(".yaml") }),
              let text = try? String(contentsOf: cards.appendingPathComponent(name), encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("  - id: ") { return String(line.dropFirst("  - id: ".count)) }
        return nil
    }
}
