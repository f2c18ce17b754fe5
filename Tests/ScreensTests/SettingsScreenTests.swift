import AIFCore
import Foundation
@testable import Screens
import TerminalUI
import Testing

@Suite struct SettingsStepTests {
    /// `+` is one step on every row but the exam date (a week there); it once took the week's 7 steps
    /// everywhere because a `where` clause guarded only the second pattern of its case.
    @Test func plusIsOneStepOutsideTheExamDate() {
        let ctx = StatsFixtures.context(.en)
        ctx.onSettingsChange = { _ in nil }
        var app = AppModel(root: SettingsScreen(), context: ctx)
        app.send(.resize(Size(width: 80, height: 24)))
        app.send(.key(.down))   // new cards per day
        let before = ctx.settings.newCardsPerDay
        app.send(.char("+"))
        #expect(ctx.settings.newCardsPerDay == before + 5)
        app.send(.char("="))
        #expect(ctx.settings.newCardsPerDay == before + 10)
        app.send(.char("-"))
        #expect(ctx.settings.newCardsPerDay == before + 5)
    }
}
