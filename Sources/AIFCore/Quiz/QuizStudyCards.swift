/// Questions a learner missed in a quiz and chose to study, as flashcards in their own deck. Their ids
/// are derived from the question's id, so FSRS progress survives rewording and re-adding.
public enum QuizStudyCards {
    public static let deckID = "quiz-missed"
    public static let deck = Deck(
        id: deckID,
        title: LocalizedText(en: "Missed quiz questions", ja: "クイズで間違えた問題"),
        file: "(quiz results)")

    public static func cardID(forQuestion id: String) -> String { "\(deckID)-\(id)" }

    /// The library with a deck of cards for `questionIDs` (unknown ids are skipped; none adds nothing).
    public static func library(_ library: ContentLibrary, adding questionIDs: [String]) -> ContentLibrary {
        var seen = Set<String>()
        let cards = questionIDs.compactMap { id -> Card? in
            guard seen.insert(id).inserted, let q = library.question(id: id) else { return nil }
            return card(for: q, in: library)
        }
        guard !cards.isEmpty else { return library }
        return ContentLibrary(
            blueprint: library.blueprint, decks: library.decks + [deck], cards: library.cards + cards,
            questions: library.questions, caseStudies: library.caseStudies, presets: library.presets,
            diagnosisCards: library.diagnosisCards)
    }

    /// Front: the question as asked (scenario title, stem, options). Back: the answer and why.
    public static func card(for q: Question, in library: ContentLibrary) -> Card {
        func text(_ lang: Language) -> (front: String, back: String) {
            let ja = lang == .ja
            var front = ""
            if let cs = q.caseStudyID.flatMap(library.caseStudy(id:)) {
                front += (ja ? "ケーススタディ: " : "Case study: ") + cs.title(lang) + "\n\n"
            }
            front += q.stem(lang)
            var back = ""
            switch q.kind {
            case .single, .multiple:
                front += "\n" + q.options.enumerated().map { "\n\($0.offset + 1). \($0.element.text(lang))" }.joined()
                let right = q.options.enumerated().filter(\.element.isCorrect)
                back = (ja ? "正解: " : "Answer: ") + right.map { "\($0.offset + 1). **\($0.element.text(lang))**" }.joined(separator: ja ? "、" : "; ")
                back += "\n\n" + right.map { $0.element.why(lang) }.joined(separator: " ")
            case .ordering:
                back = (ja ? "正しい順序:" : "In order:") + q.items.enumerated().map { "\n\($0.offset + 1). \($0.element.text(lang))" }.joined()
            case .matching:
                front += "\n" + q.pairs.map { "\n- \($0.prompt(lang))" }.joined()
                back = (ja ? "正しい組み合わせ:" : "Pairs:") + q.pairs.map { "\n- \($0.prompt(lang)) → **\($0.answer(lang))**" }.joined()
            }
            back += "\n\n" + q.explanation(lang)
            return (front, back)
        }
        let en = text(.en), ja = text(.ja)
        return Card(
            id: cardID(forQuestion: q.id), deckID: deckID, taskID: q.taskID, domainID: q.domainID,
            tags: q.tags, front: LocalizedText(en: en.front, ja: ja.front), back: LocalizedText(en: en.back, ja: ja.back),
            refs: q.refs)
    }
}
