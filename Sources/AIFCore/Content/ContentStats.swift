import Foundation

/// Counts of what the content holds, for `aifprep content stats`.
public struct ContentStats: Sendable, Equatable {
    public struct Coverage: Sendable, Equatable {
        public var id: String
        public var cards: Int
        public var questions: Int
    }

    public var cards: Int
    public var questions: Int
    public var caseStudies: Int
    public var presets: Int
    public var decks: Int
    /// In exam order.
    public var byDomain: [Coverage]
    /// In exam order.
    public var byTask: [Coverage]
    /// Every type name (`single`, `multiple`, `ordering`, `matching`), zero included.
    public var byQuestionType: [String: Int]
    /// Items (cards, questions, case studies, presets) whose every text is non-empty in that language.
    public var byLanguage: [Language: Int]
    /// Cards + questions + case studies + presets.
    public var items: Int

    public init(_ library: ContentLibrary) {
        cards = library.cards.count
        questions = library.questions.count
        caseStudies = library.caseStudies.count
        presets = library.presets.count
        decks = library.decks.count
        items = cards + questions + caseStudies + presets
        byDomain = library.blueprint.domains.map { domain in
            Coverage(
                id: domain.id, cards: library.cards.count { $0.domainID == domain.id },
                questions: library.questions.count { $0.domainID == domain.id })
        }
        byTask = library.blueprint.tasks.map { task in
            Coverage(
                id: task.id, cards: library.cards.count { $0.taskID == task.id },
                questions: library.questions.count { $0.taskID == task.id })
        }
        var types = Dictionary(uniqueKeysWithValues: QuestionKind.allNames.map { ($0, 0) })
        for question in library.questions { types[question.kind.name, default: 0] += 1 }
        byQuestionType = types

        let texts: [[LocalizedText]] = library.cards.map { [$0.front, $0.back] }
            + library.questions.map(Self.texts)
            + library.caseStudies.map { [$0.title, $0.scenario] }
            + library.presets.map { [$0.title, $0.description] }
        byLanguage = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            (language, texts.count { item in item.allSatisfy { !$0(language).trimmingWhitespace.isEmpty } })
        })
    }

    private static func texts(of question: Question) -> [LocalizedText] {
        [question.stem, question.explanation]
            + question.options.flatMap { [$0.text, $0.why] }
            + question.items.flatMap { [$0.text, $0.why] }
            + question.pairs.flatMap { [$0.prompt, $0.answer, $0.why] }
    }

    public func render(json: Bool) -> String {
        json ? renderJSON() : renderText()
    }

    private func renderJSON() -> String {
        func coverage(_ rows: [Coverage]) -> [String: Any] {
            Dictionary(uniqueKeysWithValues: rows.map { ($0.id, ["cards": $0.cards, "questions": $0.questions]) })
        }
        let object: [String: Any] = [
            "counts": ["cards": cards, "questions": questions, "caseStudies": caseStudies, "presets": presets,
                       "decks": decks],
            "byDomain": coverage(byDomain),
            "byTask": coverage(byTask),
            "byQuestionType": byQuestionType,
            "byLanguage": Dictionary(uniqueKeysWithValues: byLanguage.map { ($0.key.rawValue, $0.value) }),
            "items": items,
        ]
        // Every value above is a plain number, string or dictionary, so serialisation cannot fail.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private func renderText() -> String {
        var sections: [String] = []
        sections.append(Self.table(
            header: ["Kind", "Count"],
            rows: [("decks", decks), ("cards", cards), ("questions", questions), ("case studies", caseStudies),
                   ("presets", presets)].map { [$0.0, String($0.1)] }))
        sections.append(Self.table(
            header: ["Domain", "Cards", "Questions"],
            rows: byDomain.map { [$0.id, String($0.cards), String($0.questions)] }))
        sections.append(Self.table(
            header: ["Task", "Cards", "Questions"],
            rows: byTask.map { [$0.id, String($0.cards), String($0.questions)] }))
        sections.append(Self.table(
            header: ["Question type", "Count"],
            rows: QuestionKind.allNames.map { [$0, String(byQuestionType[$0] ?? 0)] }))
        sections.append(Self.table(
            header: ["Language", "Complete items"],
            rows: Language.allCases.map { [$0.rawValue, "\(byLanguage[$0] ?? 0)/\(items)"] }))
        return sections.joined(separator: "\n\n")
    }

    /// First column left-aligned, the rest right-aligned, two spaces between columns.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return column == 0 ? row[column] + padding : padding + row[column]
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
