import Foundation
import Yams

extension ContentReader {
    func readDeck(_ path: String) {
        guard let parsed = parse(path),
              let top = Fields(parsed.root, in: parsed.file, owner: { _ in "deck file" },
                               allowed: ["deck", "cards"], required: ["deck", "cards"])
        else { return }
        let file = parsed.file
        // Cards still get checked when the deck header is broken; they then carry the file's name as deck.
        let fileStem = String(path.split(separator: "/").last!.dropLast(".yaml".count))
        var deckID = fileStem
        if let deckNode = top.value("deck"),
           let deck = Fields(deckNode, in: file, owner: { $0.map { "deck '\($0)'" } ?? "deck" },
                             allowed: ["id", "title"], required: ["id", "title"]) {
            let id = register(.deck, deck)
            let title = deck.text("title")
            if let id, let title {
                deckID = id
                decks.append(Deck(id: id, title: title, file: path, location: deck.location))
            }
        }
        let cardNodes = top.list("cards")
        if cardNodes?.isEmpty == true { file.report("deck '\(deckID)' has no cards", at: top.location(of: "cards")) }
        for node in cardNodes ?? [] {
            if let card = readCard(node, file, deckID: deckID) { cards.append(card) }
        }
    }

    private func readCard(_ node: Node, _ file: YAMLFile, deckID: String) -> Card? {
        guard let fields = Fields(
            node, in: file, owner: { $0.map { "card '\($0)'" } ?? "card" },
            allowed: ["id", "task", "tags", "sandbox", "front", "back", "refs", "availability", "reviewed"],
            required: ["id", "task", "front", "back"])
        else { return nil }
        let id = register(.card, fields)
        let task = domainID(forTaskIn: fields)
        let tags = readTags(fields)
        var presetID: String?
        if let node = fields.value("sandbox"), let value = fields.string("sandbox") {
            presetID = value
            link(.preset, id: value, at: node, in: file, phrase: "\(fields.owner): sandbox preset")
        }
        let front = fields.text("front")
        let back = fields.text("back")
        let refs = readRefs(fields, required: false)
        let availability = fields.text("availability")
        let review = readReview(fields)
        guard let id, let task, let front, let back else { return nil }
        return Card(
            id: id, deckID: deckID, taskID: task.task, domainID: task.domain, tags: tags, sandboxPresetID: presetID,
            front: front, back: back, refs: refs, availability: availability, review: review,
            location: fields.location)
    }

    func readTags(_ fields: Fields) -> [String] {
        let tags = fields.stringList("tags") ?? []
        for tag in tags where !Self.isValidID(tag.value) {
            fields.file.report(
                "\(fields.owner): tag '\(tag.value)' should be short and lowercase, using a-z, 0-9 and '-'",
                at: tag.node)
        }
        return tags.map(\.value)
    }

    /// `reviewed: 2026-12-01`: a real calendar day, not after today.
    func readReview(_ fields: Fields) -> Review? {
        guard let node = fields.value("reviewed"), let text = fields.string("reviewed") else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let date = formatter.date(from: text), formatter.string(from: date) == text
        else {
            fields.file.report(
                "\(fields.owner): 'reviewed' should be the day a reviewer checked the item, as YYYY-MM-DD; found '\(text)'",
                at: node)
            return nil
        }
        if date > Date().addingTimeInterval(36 * 3600) {
            fields.file.report("\(fields.owner): 'reviewed' date \(text) is in the future", at: node)
        }
        return Review(date: text)
    }

    /// AWS documentation; Kiro's own documentation lives on kiro.dev (the AWS documentation overview links there).
    static let referenceHosts: Set<String> = ["docs.aws.amazon.com", "aws.amazon.com", "kiro.dev"]

    /// `refs:` entries; questions need at least one.
    func readRefs(_ fields: Fields, required: Bool) -> [Reference] {
        let nodes = fields.list("refs")
        // A missing `refs` key is already reported by the schema check.
        if required, nodes?.isEmpty == true {
            fields.file.report(
                "\(fields.owner): 'refs' is empty; add at least one AWS documentation URL",
                at: fields.location(of: "refs"))
        }
        var refs: [Reference] = []
        for (index, node) in (nodes ?? []).enumerated() {
            guard let ref = Fields(
                node, in: fields.file, owner: { _ in "\(fields.owner) ref \(index + 1)" },
                allowed: ["url", "title"], required: ["url"]),
                  let urlNode = ref.value("url"), let url = ref.string("url")
            else { continue }
            if let problem = Self.referenceProblem(url) {
                fields.file.report("\(ref.owner): \(problem)", at: urlNode)
            }
            refs.append(Reference(url: url, title: ref.string("title"), location: ref.location))
        }
        return refs
    }

    /// Why a reference URL is not acceptable, or nil.
    static func referenceProblem(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              let host = components.host, !host.isEmpty
        else { return "'\(url)' is not a valid URL" }
        guard scheme == "https" else { return "URL '\(url)' must use https" }
        guard referenceHosts.contains(host.lowercased()) else {
            return "URL host '\(host)' is not AWS documentation; use docs.aws.amazon.com or aws.amazon.com (kiro.dev for Kiro)"
        }
        return nil
    }
}
