import AIFCore
import Foundation
import Testing

/// The options-only check of the bank (scripts/testwise_check.py): a reader who did not write the items
/// saw only the four options of sampled single-answer questions and guessed the key. The committed
/// guesses are scored here again, and the sample must still match the bank, or the check is stale.
@Suite struct TestWiseCheckTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/testwise")

    struct Key: Decodable {
        struct Item: Decodable {
            let n: Int; let id: String; let key: String; let keyText: String
            /// The options as the reader saw them (samples from before this field record only the key).
            let options: [String]?
        }
        let seed: Int
        let items: [Item]
    }

    /// Every committed sample (older, stale ones move to Fixtures/testwise-history).
    static func samples() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    @Test func aTestWiseReaderFindsFewKeysFromTheOptionsAlone() throws {
        let library = try ShippedContentTests.library()
        var found = 0, total = 0
        for dir in try Self.samples() {
            let key = try JSONDecoder().decode(Key.self, from: Data(contentsOf: dir.appendingPathComponent("key.json")))
            let guesses = try String(contentsOf: dir.appendingPathComponent("guesses.txt"), encoding: .utf8)
                .split(separator: "\n").compactMap { line -> (Int, String)? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, let n = Int(parts[0].trimmingCharacters(in: .whitespaces)) else { return nil }
                    return (n, String(parts[1].trimmingCharacters(in: .whitespaces).prefix(1)).uppercased())
                }
            let guessed = Dictionary(guesses, uniquingKeysWith: { a, _ in a })
            #expect(key.items.count >= 40)
            #expect(Set(key.items.map(\.n)) == Set(guessed.keys), "one guess per sampled question")
            let hits = key.items.filter { guessed[$0.n] == $0.key }
            print("test-wise check \(dir.lastPathComponent): \(hits.count) of \(key.items.count) keys found from the options alone")
            found += hits.count
            total += key.items.count
            // The sample is of today's bank: every sampled question still has the key the reader was scored on.
            for item in key.items {
                let question = try #require(library.question(id: item.id), "sampled question \(item.id) is gone; sample again")
                let keyText = question.options.first(where: \.isCorrect)?.text.en.trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(keyText == ContentText.reflow(item.keyText),
                        "\(item.id) changed since the check: run scripts/testwise_check.py on a fresh sample")
                if let shown = item.options {
                    let now = Set(question.options.map { $0.text.en.trimmingCharacters(in: .whitespacesAndNewlines) })
                    #expect(Set(shown.map(ContentText.reflow)) == now,
                            "an option of \(item.id) changed since the check: sample again")
                }
            }
        }
        #expect(total >= 40)
        let share = Double(found) / Double(max(total, 1))
        print("test-wise check: \(found) of \(total) = \(Int((share * 100).rounded())) % (chance 25 %, limit 35 %)")
        // Pooled over the committed samples (two of 40 and one of the whole bank, each a fresh reader).
        #expect(share <= 0.35, "\(found) of \(total) keys found from the options alone (limit 35 %)")
    }
}
