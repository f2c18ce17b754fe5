import AIFCore
import Foundation
import Testing

@Suite struct QuizStudyCardsTests {
    static func library() throws -> ContentLibrary {
        let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("content/valid")
        return try ContentLoader.load(from: dir)
    }

    @Test func missedQuestionsBecomeADeckOfTheirOwn() throws {
        let base = try Self.library()
        let lib = QuizStudyCards.library(base, adding: ["q-single", "q-ordering", "q-single", "no-such-question"])
        #expect(lib.decks.last?.id == QuizStudyCards.deckID)
        let cards = lib.cards(inDeck: QuizStudyCards.deckID)
        #expect(cards.map(\.id) == ["quiz-missed-q-single", "quiz-missed-q-ordering"])
        #expect(lib.cards.count == base.cards.count + 2)
        #expect(QuizStudyCards.library(base, adding: []).decks.count == base.decks.count)
    }

    @Test func aCardAsksTheQuestionAndAnswersWithTheKeyAndWhy() throws {
        let base = try Self.library()
        let q = try #require(base.question(id: "q-single"))
        let card = QuizStudyCards.card(for: q, in: base)
        #expect(card.taskID == q.taskID && card.domainID == q.domainID && card.refs == q.refs)
        #expect(card.front(.en).hasPrefix("Which term describes **learning from labeled examples**?"))
        #expect(card.front(.en).contains("\n1. Supervised learning\n2. Unsupervised learning"))
        #expect(card.back(.en).hasPrefix("Answer: 1. **Supervised learning**"))
        #expect(card.back(.en).contains("Labels supervise the training."))
        #expect(card.back(.en).hasSuffix("Supervised learning needs labels."))
        #expect(card.back(.ja).hasPrefix("正解: 1. **教師あり学習**"))
    }

    @Test func orderingAndMatchingCardsListTheAnswerInFull() throws {
        let base = try Self.library()
        let ordering = QuizStudyCards.card(for: try #require(base.question(id: "q-ordering")), in: base)
        let items = try #require(base.question(id: "q-ordering")).items
        #expect(ordering.back(.en).hasPrefix("In order:\n1. \(items[0].text(.en))\n2. \(items[1].text(.en))"))
        let matching = QuizStudyCards.card(for: try #require(base.question(id: "q-matching")), in: base)
        let pair = try #require(base.question(id: "q-matching")).pairs[0]
        #expect(matching.back(.en).contains("- \(pair.prompt(.en)) → **\(pair.answer(.en))**"))
        let caseCard = QuizStudyCards.card(for: try #require(base.question(id: "q-case-a")), in: base)
        #expect(caseCard.front(.en).hasPrefix("Case study: "))
    }
}
