public enum QuestionKind: Sendable, Hashable, Codable {
    case single
    case multiple(choose: Int)
    case ordering
    case matching

    /// The `type:` value used in the YAML files.
    public var name: String {
        switch self {
        case .single: "single"
        case .multiple: "multiple"
        case .ordering: "ordering"
        case .matching: "matching"
        }
    }

    public static let allNames = ["single", "multiple", "ordering", "matching"]
}

/// How hard a question is: `easy` recalls one fact, `medium` applies a concept to a plain scenario,
/// `hard` separates close look-alikes on a stated constraint or takes two steps of reasoning.
public enum Difficulty: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case easy, medium, hard

    public static func < (a: Difficulty, b: Difficulty) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What a reviewer who did not write an item recorded: the day they checked its key against its refs.
public struct Review: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String

    public init(date: String) { self.date = date }
}

public struct AnswerOption: Sendable, Hashable, Codable {
    public var text: LocalizedText
    public var isCorrect: Bool
    public var why: LocalizedText
    public var location: SourceLocation

    public init(text: LocalizedText, isCorrect: Bool, why: LocalizedText, location: SourceLocation = .none) {
        self.text = text
        self.isCorrect = isCorrect
        self.why = why
        self.location = location
    }
}

/// One step of an ordering question; a question's `items` are in the correct order.
public struct OrderingItem: Sendable, Hashable, Codable {
    public var text: LocalizedText
    public var why: LocalizedText
    public var location: SourceLocation

    public init(text: LocalizedText, why: LocalizedText, location: SourceLocation = .none) {
        self.text = text
        self.why = why
        self.location = location
    }
}

/// One correct prompt → answer pairing of a matching question.
public struct MatchPair: Sendable, Hashable, Codable {
    public var prompt: LocalizedText
    public var answer: LocalizedText
    public var why: LocalizedText
    public var location: SourceLocation

    public init(prompt: LocalizedText, answer: LocalizedText, why: LocalizedText, location: SourceLocation = .none) {
        self.prompt = prompt
        self.answer = answer
        self.why = why
        self.location = location
    }
}

public struct Question: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var taskID: String
    public var domainID: String
    public var tags: [String]
    public var kind: QuestionKind
    public var caseStudyID: String?
    public var stem: LocalizedText
    /// `single` and `multiple` only.
    public var options: [AnswerOption]
    /// `ordering` only, in the correct order.
    public var items: [OrderingItem]
    /// `matching` only, correctly paired.
    public var pairs: [MatchPair]
    public var explanation: LocalizedText
    public var refs: [Reference]
    public var difficulty: Difficulty
    /// Set when AWS has closed a service the question is about to new customers, or retired it.
    public var availability: LocalizedText?
    public var review: Review?
    public var location: SourceLocation

    public init(
        id: String, taskID: String, domainID: String, tags: [String] = [], kind: QuestionKind,
        caseStudyID: String? = nil, stem: LocalizedText, options: [AnswerOption] = [], items: [OrderingItem] = [],
        pairs: [MatchPair] = [], explanation: LocalizedText, refs: [Reference] = [], difficulty: Difficulty = .medium,
        availability: LocalizedText? = nil, review: Review? = nil, location: SourceLocation = .none
    ) {
        self.id = id
        self.taskID = taskID
        self.domainID = domainID
        self.tags = tags
        self.kind = kind
        self.caseStudyID = caseStudyID
        self.stem = stem
        self.options = options
        self.items = items
        self.pairs = pairs
        self.explanation = explanation
        self.refs = refs
        self.difficulty = difficulty
        self.availability = availability
        self.review = review
        self.location = location
    }

    /// Indices into `options` of the correct answers.
    public var correctOptionIndices: [Int] {
        options.indices.filter { options[$0].isCorrect }
    }
}

/// A shared scenario that two or more questions refer to.
public struct CaseStudy: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var title: LocalizedText
    public var scenario: LocalizedText
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, scenario: LocalizedText, location: SourceLocation = .none) {
        self.id = id
        self.title = title
        self.scenario = scenario
        self.location = location
    }
}
