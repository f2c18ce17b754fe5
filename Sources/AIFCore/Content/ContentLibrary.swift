import Synchronization

/// Everything loaded from the content directory, with id lookups.
public struct ContentLibrary: Sendable {
    public let blueprint: ExamBlueprint
    public let decks: [Deck]
    public let cards: [Card]
    /// Decoded on first use when the library came from the content cache (`QuestionStorage`).
    public var questions: [Question] { questionStorage.questions }
    public let caseStudies: [CaseStudy]
    public let presets: [SandboxPreset]
    /// Training state (`good`, `overfitting`, `underfitting`, `unstable`) → id of the card that explains it.
    public let diagnosisCards: [String: String]
    /// `terminology.yaml`: the Japanese term to use for each English one.
    public let terms: [Term]

    private let cardIndex: [String: Int]
    private let questionStorage: QuestionStorage
    private let caseStudyIndex: [String: Int]
    private let presetIndex: [String: Int]
    private let domainIndex: [String: Domain]
    private let taskIndex: [String: TaskStatement]

    public init(
        blueprint: ExamBlueprint, decks: [Deck], cards: [Card], questions: [Question], caseStudies: [CaseStudy],
        presets: [SandboxPreset], diagnosisCards: [String: String], terms: [Term] = []
    ) {
        self.init(blueprint: blueprint, decks: decks, cards: cards, questions: QuestionStorage(questions),
                  caseStudies: caseStudies, presets: presets, diagnosisCards: diagnosisCards, terms: terms)
    }

    init(
        blueprint: ExamBlueprint, decks: [Deck], cards: [Card], questions: QuestionStorage, caseStudies: [CaseStudy],
        presets: [SandboxPreset], diagnosisCards: [String: String], terms: [Term]
    ) {
        self.terms = terms
        self.blueprint = blueprint
        self.decks = decks
        self.cards = cards
        self.questionStorage = questions
        self.caseStudies = caseStudies
        self.presets = presets
        self.diagnosisCards = diagnosisCards
        // First definition wins, matching the loader's duplicate rule.
        func index<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] { firstIndex(items, id) }
        cardIndex = index(cards, \.id)
        caseStudyIndex = index(caseStudies, \.id)
        presetIndex = index(presets, \.id)
        domainIndex = Dictionary(blueprint.domains.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        taskIndex = Dictionary(blueprint.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func card(id: String) -> Card? { cardIndex[id].map { cards[$0] } }
    public func question(id: String) -> Question? { questionStorage.question(id: id) }
    public func caseStudy(id: String) -> CaseStudy? { caseStudyIndex[id].map { caseStudies[$0] } }
    public func preset(id: String) -> SandboxPreset? { presetIndex[id].map { presets[$0] } }
    public func domain(id: String) -> Domain? { domainIndex[id] }
    public func task(id: String) -> TaskStatement? { taskIndex[id] }

    public func cards(inDeck deckID: String) -> [Card] { cards.filter { $0.deckID == deckID } }
    /// Questions that share a case study, in file order.
    public func questions(caseStudyID: String) -> [Question] { questions.filter { $0.caseStudyID == caseStudyID } }
    /// The card that explains a training state, e.g. `diagnosisCard(for: "overfitting")`.
    public func diagnosisCard(for state: String) -> Card? { diagnosisCards[state].flatMap { card(id: $0) } }
}

/// Offsets by id; the first definition wins, matching the loader's duplicate rule.
func firstIndex<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] {
    var result: [String: Int] = [:]
    for (offset, item) in items.enumerated() where result[id(item)] == nil { result[id(item)] = offset }
    return result
}

/// The questions of a library. From the content cache they are decoded the first time anything asks for them:
/// they are three quarters of the cache, and the first frame (the home screen) needs none of them.
final class QuestionStorage: Sendable {
    private struct Decoded {
        let questions: [Question]
        let index: [String: Int]
        init(_ questions: [Question]) {
            self.questions = questions
            index = firstIndex(questions, \.id)
        }
    }

    private let state: Mutex<(decoded: Decoded?, decode: (@Sendable () -> [Question])?)>

    init(_ questions: [Question]) { state = Mutex((Decoded(questions), nil)) }

    /// `decode` runs once, on first use.
    init(decodingLater decode: @escaping @Sendable () -> [Question]) { state = Mutex((nil, decode)) }

    private var decoded: Decoded {
        state.withLock { state in
            if let decoded = state.decoded { return decoded }
            let decoded = Decoded(state.decode?() ?? [])
            state = (decoded, nil)
            return decoded
        }
    }

    var questions: [Question] { decoded.questions }
    func question(id: String) -> Question? {
        let decoded = decoded
        return decoded.index[id].map { decoded.questions[$0] }
    }
}

extension ContentLibrary: Codable {
    private enum CodingKeys: String, CodingKey {
        case blueprint, decks, cards, questions, caseStudies, presets, diagnosisCards, terms
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            blueprint: try c.decode(ExamBlueprint.self, forKey: .blueprint), decks: try c.decode([Deck].self, forKey: .decks),
            cards: try c.decode([Card].self, forKey: .cards), questions: try c.decode([Question].self, forKey: .questions),
            caseStudies: try c.decode([CaseStudy].self, forKey: .caseStudies), presets: try c.decode([SandboxPreset].self, forKey: .presets),
            diagnosisCards: try c.decode([String: String].self, forKey: .diagnosisCards), terms: try c.decode([Term].self, forKey: .terms))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(blueprint, forKey: .blueprint)
        try c.encode(decks, forKey: .decks)
        try c.encode(cards, forKey: .cards)
        try c.encode(questions, forKey: .questions)
        try c.encode(caseStudies, forKey: .caseStudies)
        try c.encode(presets, forKey: .presets)
        try c.encode(diagnosisCards, forKey: .diagnosisCards)
        try c.encode(terms, forKey: .terms)
    }
}
