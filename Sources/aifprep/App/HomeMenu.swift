import AIFCore
import ProgressStore
import Screens

/// The modes on the home screen, in the order a learner meets them.
enum HomeMenu {
    static func entries(library: ContentLibrary, database: ProgressDatabase) -> [HomeEntry] {
        let openCard: (String) -> (any Screen)? = { id in
            library.card(id: id).map { CardViewerScreen(card: $0, library: library) }
        }
        let openSandbox: (String) -> (any Screen)? = { presetID in
            library.preset(id: presetID).map { _ in SandboxScreen(library: library, presetID: presetID, openCard: openCard) }
        }
        return [
            flashcards(library: library, store: database, openSandbox: openSandbox),
            quiz(library: library, store: QuizAttemptsStore(database: database)),
            sandbox(library: library, openCard: openCard),
            settings(),
            help(),
        ]
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
