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
    /// Every difficulty, zero included.
    public var byDifficulty: [Difficulty: Int]
    /// How often length gives the key away, per language.
    public var optionBalance: [Language: OptionBalance]
    /// Cards and questions carrying each revision topic's tag, in exam order.
    public var byTopic: [TopicCoverage]
    /// Questions where only distractors use an absolute word ("always", "never", "guarantees", …): a
    /// test-wise reader drops those options at a glance.
    public var absolutesOnlyInDistractors: [String]
    /// Cards and questions with a `reviewed` date.
    public var reviewed: Int
    /// Cards and questions with an `availability` note.
    public var availabilityNotes: Int

    public struct TopicCoverage: Sendable, Equatable {
        public var tag: String
        public var task: String
        public var cards: Int
        public var questions: Int
    }

    /// A test-wise reader's cue: picking the longest option.
    public struct OptionBalance: Sendable, Equatable {
        /// Single-answer questions whose key is the longest option (ties count as longest).
        public var singleKeyLongest: Int
        public var single: Int
        /// Multiple-response questions whose keys are exactly the longest options.
        public var multipleKeysLongest: Int
        public var multiple: Int
        /// Multiple-response questions whose keys are exactly the shortest options: the mirror-image cue.
        public var multipleKeysShortest: Int = 0

        /// Single-answer questions by the key's length rank: index 0 = longest, 1 = second longest, …
        /// (1 + the number of strictly longer options). Any rank far above 1 in 4 is a cue too.
        public var singleKeyRank: [Int] = [0, 0, 0, 0]

        public var singleShare: Double { single == 0 ? 0 : Double(singleKeyLongest) / Double(single) }
        public var multipleShare: Double { multiple == 0 ? 0 : Double(multipleKeysLongest) / Double(multiple) }
    }

    static let absoluteWords = try! NSRegularExpression(
        pattern: #"\b(always|never|guarantee[sd]?|completely|entirely|eliminat\w*|100\s?%)\b"#,
        options: [.caseInsensitive])

    static func absoluteOnlyInDistractors(_ question: Question) -> Bool {
        func absolute(_ text: String) -> Bool {
            absoluteWords.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        let keys = question.options.filter(\.isCorrect).map { $0.text.en }
        let distractors = question.options.filter { !$0.isCorrect }.map { $0.text.en }
        return distractors.contains(where: absolute) && !keys.contains(where: absolute)
    }

    /// Whether the correct options of a multiple-response question are exactly its shortest ones.
    public static func keysAreShortest(_ question: Question, _ language: Language) -> Bool {
        let lengths = question.options.map { $0.text(language).trimmingWhitespace.count }
        let keys = question.correctOptionIndices
        guard !keys.isEmpty, keys.count < lengths.count else { return false }
        let threshold = lengths.sorted()[keys.count - 1]
        return keys.allSatisfy { lengths[$0] <= threshold } && lengths.count { $0 <= threshold } == keys.count
    }

    /// How many options of a single-answer question are strictly longer than its key.
    public static func keyRank(_ question: Question, _ language: Language) -> Int? {
        guard let key = question.correctOptionIndices.first, question.correctOptionIndices.count == 1 else { return nil }
        let lengths = question.options.map { $0.text(language).trimmingWhitespace.count }
        return lengths.count { $0 > lengths[key] }
    }

    /// Whether the correct options of a single or multiple question are its longest ones in `language`.
    public static func keysAreLongest(_ question: Question, _ language: Language) -> Bool {
        let lengths = question.options.map { $0.text(language).trimmingWhitespace.count }
        let keys = question.correctOptionIndices
        guard !keys.isEmpty, keys.count < lengths.count else { return false }
        let threshold = lengths.sorted(by: >)[keys.count - 1]
        guard keys.allSatisfy({ lengths[$0] >= threshold }) else { return false }
        // One key tied for longest still stands out; several keys count only as exactly the longest few.
        return keys.count == 1 || lengths.count { $0 >= threshold } == keys.count
    }

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
        byDifficulty = Dictionary(uniqueKeysWithValues: Difficulty.allCases.map { level in
            (level, library.questions.count { $0.difficulty == level })
        })
        optionBalance = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            var balance = OptionBalance(singleKeyLongest: 0, single: 0, multipleKeysLongest: 0, multiple: 0)
            for question in library.questions {
                switch question.kind {
                case .single:
                    balance.single += 1
                    if Self.keysAreLongest(question, language) { balance.singleKeyLongest += 1 }
                    if let rank = Self.keyRank(question, language) {
                        balance.singleKeyRank[min(rank, balance.singleKeyRank.count - 1)] += 1
                    }
                case .multiple:
                    balance.multiple += 1
                    if Self.keysAreLongest(question, language) { balance.multipleKeysLongest += 1 }
                    if Self.keysAreShortest(question, language) { balance.multipleKeysShortest += 1 }
                case .ordering, .matching: break
                }
            }
            return (language, balance)
        })
        byTopic = library.blueprint.tasks.flatMap { task in
            task.topics.map { topic in
                TopicCoverage(
                    tag: topic.tag, task: task.id, cards: library.cards.count { $0.tags.contains(topic.tag) },
                    questions: library.questions.count { $0.tags.contains(topic.tag) })
            }
        }
        absolutesOnlyInDistractors = library.questions.filter(Self.absoluteOnlyInDistractors).map(\.id)
        reviewed = library.cards.count { $0.review != nil } + library.questions.count { $0.review != nil }
        availabilityNotes = library.cards.count { $0.availability != nil }
            + library.questions.count { $0.availability != nil }

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
            "byDifficulty": Dictionary(uniqueKeysWithValues: byDifficulty.map { ($0.key.rawValue, $0.value) }),
            "optionBalance": Dictionary(uniqueKeysWithValues: optionBalance.map { language, balance in
                (language.rawValue, [
                    "singleKeyLongest": balance.singleKeyLongest, "single": balance.single,
                    "multipleKeysLongest": balance.multipleKeysLongest, "multiple": balance.multiple,
                    "singleKeyRank": balance.singleKeyRank, "multipleKeysShortest": balance.multipleKeysShortest,
                ] as [String: Any])
            }),
            "byTopic": Dictionary(uniqueKeysWithValues: byTopic.map {
                ($0.tag, ["task": $0.task, "cards": $0.cards, "questions": $0.questions] as [String: Any])
            }),
            "reviewed": reviewed,
            "absolutesOnlyInDistractors": absolutesOnlyInDistractors,
            "availabilityNotes": availabilityNotes,
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
            header: ["Difficulty", "Questions", "Share"],
            rows: Difficulty.allCases.map { level in
                let count = byDifficulty[level] ?? 0
                return [level.rawValue, String(count), Self.percent(count, questions)]
            }))
        sections.append(Self.table(
            header: ["Key is the longest option", "en", "ja"],
            rows: [
                ["single answer", Self.share(\.singleKeyLongest, \.single, optionBalance),
                 Self.share(\.singleKeyLongest, \.single, optionBalance, .ja)],
                ["multiple response", Self.share(\.multipleKeysLongest, \.multiple, optionBalance),
                 Self.share(\.multipleKeysLongest, \.multiple, optionBalance, .ja)],
                ["multiple, keys shortest", Self.share(\.multipleKeysShortest, \.multiple, optionBalance),
                 Self.share(\.multipleKeysShortest, \.multiple, optionBalance, .ja)],
            ]))
        sections.append(Self.table(
            header: ["Key's length rank (single)", "en", "ja"],
            rows: ["longest", "2nd", "3rd", "4th or shorter"].enumerated().map { rank, name in
                [name] + Language.allCases.map { language in
                    let b = optionBalance[language]
                    return "\(b?.singleKeyRank[rank] ?? 0) (\(Self.percent(b?.singleKeyRank[rank] ?? 0, b?.single ?? 0)))"
                }
            }))
        if !byTopic.isEmpty {
            sections.append(Self.table(
                header: ["Revision topic", "Task", "Cards", "Questions"],
                rows: byTopic.map { [$0.tag, $0.task, String($0.cards), String($0.questions)] }))
        }
        sections.append(Self.table(
            header: ["Checks", "Items"],
            rows: [["reviewed", "\(reviewed)/\(cards + questions)"],
                   ["absolute words only in distractors", String(absolutesOnlyInDistractors.count)],
                   ["availability notes", String(availabilityNotes)]]))
        sections.append(Self.table(
            header: ["Language", "Complete items"],
            rows: Language.allCases.map { [$0.rawValue, "\(byLanguage[$0] ?? 0)/\(items)"] }))
        return sections.joined(separator: "\n\n")
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : "\(Int((Double(part) * 100 / Double(whole)).rounded())) %"
    }

    private static func share(
        _ part: KeyPath<OptionBalance, Int>, _ whole: KeyPath<OptionBalance, Int>,
        _ balance: [Language: OptionBalance], _ language: Language = .en
    ) -> String {
        guard let b = balance[language] else { return "-" }
        return "\(b[keyPath: part])/\(b[keyPath: whole]) (\(percent(b[keyPath: part], b[keyPath: whole])))"
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
