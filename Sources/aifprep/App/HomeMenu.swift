import AIFCore
import Foundation
import ProgressStore
import Screens

/// The modes on the home screen, in the order a learner meets them.
enum HomeMenu {
    /// The home screen: its modes and the figures at a glance.
    static func home(library: ContentLibrary, database: ProgressDatabase, seed: UInt64? = nil) -> HomeScreen {
        // With --seed N the first quiz is the one `aifprep exam --plain --seed N` gives, the next N+1, …
        let quizSeeds = SeedSequence(start: seed)
        let openCard: (String) -> (any Screen)? = { id in
            library.card(id: id).map { CardViewerScreen(card: $0, library: library) }
        }
        let openSandbox: (String) -> (any Screen)? = { presetID in
            // A 2-D (Playground) preset opens the sandbox's Playground tab.
            PlaygroundScreen.playgroundPresets(library).contains { $0.id == presetID }
                ? PlaygroundScreen(library: library, presetID: presetID, openCard: openCard)
                : library.preset(id: presetID).map { _ in SandboxScreen(library: library, presetID: presetID, openCard: openCard) }
        }
        let quizStore = QuizAttemptsStore(database: database)
        let flashcardServices = FlashcardsServices(
            library: library, store: database, timeZone: .current, seed: seed ?? SeedSequence.random(), openSandbox: openSandbox,
            quizStudyQuestionIDs: { (try? quizStore.studyQuestionIDs()) ?? [] })
        let quizServices = QuizServices(library: library, store: quizStore, makeSeed: quizSeeds.next, openSandbox: openSandbox)
        let statsServices = statsServices(library: library, database: database, quiz: quizServices, flashcards: flashcardServices)
        let entries = [
            flashcards(flashcardServices),
            quiz(quizServices),
            stats(statsServices),
            sandbox(library: library, openCard: openCard),
            settings(),
            help(),
        ]
        return HomeScreen(entries: entries, dashboard: dashboard(stats: statsServices, flashcards: flashcardServices))
    }

    static func settings() -> HomeEntry {
        HomeEntry(
            shortcut: "S",
            title: ("Settings", "設定"),
            summary: ("Language, daily limits for new cards and reviews, desired retention, when a new study day starts, and extra exam time.",
                      "言語、新規カードと復習の 1 日の上限、目標記憶率、学習日の切り替え時刻、試験の延長時間を設定します。"),
            open: { _ in SettingsScreen() }
        )
    }

    static func help() -> HomeEntry {
        HomeEntry(
            shortcut: "H",
            title: ("Help", "ヘルプ"),
            summary: ("Keys, where your progress is stored, and how to add your own study material.",
                      "キー操作、学習記録の保存場所、学習内容を追加する方法を説明します。"),
            open: { _ in HelpScreen() }
        )
    }
}

/// Seeds for quiz attempts: random by default, `start`, `start + 1`, … with `--seed`.
final class SeedSequence {
    private var nextSeed: UInt64?

    init(start: UInt64?) { nextSeed = start }

    static func random() -> UInt64 { UInt64.random(in: 0...UInt64(UInt32.max)) }

    func next() -> UInt64 {
        guard let s = nextSeed else { return Self.random() }
        nextSeed = s &+ 1
        return s
    }
}
