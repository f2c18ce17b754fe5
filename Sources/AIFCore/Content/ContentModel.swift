/// Where an item was defined: `file` is relative to the content directory (`questions/d1.yaml`),
/// `line` and `column` start at 1 (0 for items built in code).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// For items created in code rather than loaded from a file.
    public static let none = SourceLocation(file: "", line: 0, column: 0)

    public var description: String { "\(file):\(line):\(column)" }
}

/// A text in both languages; `text(.ja)` picks one.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String
    public var ja: String

    public init(en: String, ja: String) {
        self.en = en
        self.ja = ja
    }

    public func callAsFunction(_ lang: Language) -> String {
        switch lang {
        case .en: en
        case .ja: ja
        }
    }
}

/// The exam format and its domains, from `exam.yaml`.
public struct ExamBlueprint: Sendable, Hashable, Codable {
    public var code: String
    public var title: LocalizedText
    /// Questions shown in a full simulation.
    public var questions: Int
    /// Of those, how many are scored.
    public var scored: Int
    public var minutes: Int
    /// Accommodation for non-native speakers.
    public var extraMinutes: Int
    public var passingScore: Int
    public var minScore: Int
    public var maxScore: Int
    public var domains: [Domain]
    public var location: SourceLocation

    public init(
        code: String, title: LocalizedText, questions: Int, scored: Int, minutes: Int, extraMinutes: Int,
        passingScore: Int, minScore: Int, maxScore: Int, domains: [Domain], location: SourceLocation = .none
    ) {
        self.code = code
        self.title = title
        self.questions = questions
        self.scored = scored
        self.minutes = minutes
        self.extraMinutes = extraMinutes
        self.passingScore = passingScore
        self.minScore = minScore
        self.maxScore = maxScore
        self.domains = domains
        self.location = location
    }

    /// Every task statement, in exam order.
    public var tasks: [TaskStatement] { domains.flatMap(\.tasks) }
}

public struct Domain: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var number: Int
    /// Percent of the scored content.
    public var weight: Int
    public var title: LocalizedText
    public var tasks: [TaskStatement]
    public var location: SourceLocation

    public init(
        id: String, number: Int, weight: Int, title: LocalizedText, tasks: [TaskStatement],
        location: SourceLocation = .none
    ) {
        self.id = id
        self.number = number
        self.weight = weight
        self.title = title
        self.tasks = tasks
        self.location = location
    }
}

public struct TaskStatement: Sendable, Hashable, Identifiable, Codable {
    /// `"1.1"` … `"5.2"`.
    public var id: String
    public var domainID: String
    public var title: LocalizedText
    /// Topics the exam guide added to this task in a revision; items about one carry its tag.
    public var topics: [Topic]
    public var location: SourceLocation

    public init(
        id: String, domainID: String, title: LocalizedText, topics: [Topic] = [], location: SourceLocation = .none
    ) {
        self.id = id
        self.domainID = domainID
        self.title = title
        self.topics = topics
        self.location = location
    }
}

/// A topic within a task statement, identified by the tag its cards and questions carry.
public struct Topic: Sendable, Hashable, Codable {
    public var tag: String
    public var title: LocalizedText

    public init(tag: String, title: LocalizedText) {
        self.tag = tag
        self.title = title
    }
}

/// A flashcard deck; one per file in `cards/`.
public struct Deck: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var title: LocalizedText
    /// Path relative to the content directory, e.g. `cards/hyperparameters.yaml`.
    public var file: String
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, file: String, location: SourceLocation = .none) {
        self.id = id
        self.title = title
        self.file = file
        self.location = location
    }
}

/// A documentation page that backs a card or question.
public struct Reference: Sendable, Hashable, Codable {
    public var url: String
    public var title: String?
    public var location: SourceLocation

    public init(url: String, title: String? = nil, location: SourceLocation = .none) {
        self.url = url
        self.title = title
        self.location = location
    }
}

public struct Card: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var deckID: String
    public var taskID: String
    public var domainID: String
    public var tags: [String]
    /// A preset in `sandbox/presets.yaml` that shows this card's idea live.
    public var sandboxPresetID: String?
    public var front: LocalizedText
    public var back: LocalizedText
    public var refs: [Reference]
    /// Set when AWS has closed a service the card is about to new customers, or retired it.
    public var availability: LocalizedText?
    public var review: Review?
    public var location: SourceLocation

    public init(
        id: String, deckID: String, taskID: String, domainID: String, tags: [String] = [],
        sandboxPresetID: String? = nil, front: LocalizedText, back: LocalizedText, refs: [Reference] = [],
        availability: LocalizedText? = nil, review: Review? = nil, location: SourceLocation = .none
    ) {
        self.id = id
        self.deckID = deckID
        self.taskID = taskID
        self.domainID = domainID
        self.tags = tags
        self.sandboxPresetID = sandboxPresetID
        self.front = front
        self.back = back
        self.refs = refs
        self.availability = availability
        self.review = review
        self.location = location
    }
}
