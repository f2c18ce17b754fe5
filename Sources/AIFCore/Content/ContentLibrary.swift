/// Everything loaded from the content directory, with id lookups.
public struct ContentLibrary: Sendable {
    public let blueprint: ExamBlueprint
    public let decks: [Deck]
    public let cards: [Card]
    public let questions: [Question]
    public let caseStudies: [CaseStudy]
    public let presets: [SandboxPreset]
    /// Training state (`good`, `overfitting`, `underfitting`, `unstable`) → id of the card that explains it.
    public let diagnosisCards: [String: String]
    /// `terminology.yaml`: the Japanese term to use for each English one.
    public let terms: [Term]

    private let cardIndex: [String: Int]
    private let questionIndex: [String: Int]
    private let caseStudyIndex: [String: Int]
    private let presetIndex: [String: Int]
    private let domainIndex: [String: Domain]
    private let taskIndex: [String: TaskStatement]

    public init(
        blueprint: ExamBlueprint, decks: [Deck], cards: [Card], questions: [Question], caseStudies: [CaseStudy],
        presets: [SandboxPreset], diagnosisCards: [String: String], terms: [Term] = []
    ) {
        self.terms = terms
        self.blueprint = blueprint
        self.decks = decks
        self.cards = cards
        self.questions = questions
        self.caseStudies = caseStudies
        self.presets = presets
        self.diagnosisCards = diagnosisCards
        // First definition wins, matching the loader's duplicate rule.
        func index<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] {
            var result: [String: Int] = [:]
            for (offset, item) in items.enumerated() where result[id(item)] == nil { result[id(item)] = offset }
            return result
        }
        cardIndex = index(cards, \.id)
        questionIndex = index(questions, \.id)
        caseStudyIndex = index(caseStudies, \.id)
        presetIndex = index(presets, \.id)
        domainIndex = Dictionary(blueprint.domains.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        taskIndex = Dictionary(blueprint.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func card(id: String) -> Card? { cardIndex[id].map { cards[$0] } }
    public func question(id: String) -> Question? { questionIndex[id].map { questions[$0] } }
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
