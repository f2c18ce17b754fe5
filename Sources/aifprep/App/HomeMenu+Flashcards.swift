import AIFCore
import Foundation
import Screens

extension HomeMenu {
    /// The Flashcards mode (its services carry the store, the sandbox link and the missed quiz questions).
    static func flashcards(_ services: FlashcardsServices) -> HomeEntry {
        HomeEntry(
            shortcut: "F",
            title: ("Flashcards", "フラッシュカード"),
            summary: ("Spaced repetition (FSRS-6): study what is due, then new cards up to your daily limit. By domain, deck or tag; progress is saved after every card.",
                      "間隔反復 (FSRS-6) で、期限の来たカードから学習し、1 日の上限まで新しいカードを加えます。分野・デッキ・タグ別にも学習でき、進捗は 1 枚ごとに保存されます。"),
            status: { ctx in
                guard let queue = try? services.withQuizStudyCards().queue(.all, ctx) else { return nil }
                return FlashcardsServices.countsLine(queue, ctx)
            },
            open: { _ in FlashcardsScreen(services: services) }
        )
    }
}
