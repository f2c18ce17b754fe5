import AIFCore
import Foundation

/// Which language the exported notes carry.
public enum ExportLanguage: String, Sendable, CaseIterable {
    case en, ja, both
}

/// One Anki note before it is written: three fields, tags and the deck it goes to.
struct AnkiNote: Equatable {
    var guid: String
    var front: String
    var back: String
    var source: String
    var tags: [String]
    var domainID: String
    /// The aifprep card whose progress this note's card carries (nil for questions).
    var cardID: String?
}

/// Turns content into note fields (HTML): `**bold**` becomes <b>, line breaks <br>, everything else escaped.
enum AnkiText {
    static func html(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        var out = ""
        var bold = false
        while let r = escaped.range(of: "**") {
            out += escaped[..<r.lowerBound] + (bold ? "</b>" : "<b>")
            bold.toggle()
            escaped = String(escaped[r.upperBound...])
        }
        out += escaped + (bold ? "</b>" : "")
        return out.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Both languages side by side (stacked, English first), or one.
    static func pick(_ text: LocalizedText, _ language: ExportLanguage) -> String {
        switch language {
        case .en: html(text.en)
        case .ja: html(text.ja)
        case .both: "<div class=en>\(html(text.en))</div><div class=ja lang=ja>\(html(text.ja))</div>"
        }
    }

    /// Anki tags cannot hold spaces.
    static func tag(_ s: String) -> String { s.replacingOccurrences(of: " ", with: "_") }

    static func source(id: String, refs: [Reference]) -> String {
        (["aifprep " + html(id)] + refs.map { "<a href=\"\(html($0.url))\">\(html($0.title ?? $0.url))</a>" }).joined(separator: "<br>")
    }

    static func note(card: Card, _ language: ExportLanguage) -> AnkiNote {
        AnkiNote(guid: "aifprep-card:" + card.id, front: pick(card.front, language), back: pick(card.back, language),
                 source: source(id: card.id, refs: card.refs),
                 tags: ["aifprep", "aifprep::card", card.domainID, "task-" + card.taskID, "deck-" + card.deckID] + card.tags.map(tag),
                 domainID: card.domainID, cardID: card.id)
    }

    /// Stem (and scenario) with its options on the front; the answer and the explanation on the back.
    static func note(question q: Question, caseStudy: CaseStudy?, _ language: ExportLanguage) -> AnkiNote {
        let letters = (0..<26).map { String(UnicodeScalar(UInt8(65 + $0))) }
        var front = caseStudy.map { "<div class=scenario>\(pick($0.scenario, language))</div>" } ?? ""
        front += "<div class=stem>\(pick(q.stem, language))</div>"
        var answer: [String] = []
        switch q.kind {
        case .single, .multiple:
            front += "<ol type=A>" + q.options.map { "<li>\(pick($0.text, language))</li>" }.joined() + "</ol>"
            answer = q.options.indices.filter { q.options[$0].isCorrect }.map { "\(letters[$0]). \(pick(q.options[$0].text, language))" }
        case .ordering:
            // Shown in alphabetical order, which is not the answer (file order is).
            let shown = q.items.indices.sorted { q.items[$0].text.en < q.items[$1].text.en }
            front += "<ul>" + shown.map { "<li>\(pick(q.items[$0].text, language))</li>" }.joined() + "</ul>"
            answer = q.items.indices.map { "\($0 + 1). \(pick(q.items[$0].text, language))" }
        case .matching:
            let answers = q.pairs.indices.sorted { q.pairs[$0].answer.en < q.pairs[$1].answer.en }
            front += "<ul>" + q.pairs.map { "<li>\(pick($0.prompt, language))</li>" }.joined() + "</ul>"
            front += "<ul>" + answers.map { "<li>\(pick(q.pairs[$0].answer, language))</li>" }.joined() + "</ul>"
            answer = q.pairs.map { "\(pick($0.prompt, language)) → \(pick($0.answer, language))" }
        }
        let back = "<div class=answer>" + answer.joined(separator: "<br>") + "</div><div class=explanation>"
            + pick(q.explanation, language) + "</div>"
        return AnkiNote(guid: "aifprep-question:" + q.id, front: front, back: back, source: source(id: q.id, refs: q.refs),
                        tags: ["aifprep", "aifprep::question", q.domainID, "task-" + q.taskID] + q.tags.map(tag),
                        domainID: q.domainID, cardID: nil)
    }
}
