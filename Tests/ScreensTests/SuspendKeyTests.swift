import TerminalUI
import Testing
@testable import Screens

/// Ctrl-Z reaches the app as a key (see NcursesTerminal) and suspends from any screen, a text field too.
@Suite struct SuspendKeyTests {
    @Test func ctrlZAsksTheRuntimeToSuspend() throws {
        let d = QuizDriver()
        #expect(d.send(.key(.ctrl("z"))) == .suspend)
        #expect(d.app.stack.count == 1, "nothing else happened")
        try d.startRun([QuizScreenFixtures.single])
        d.keys("1")
        #expect(d.send(.key(.ctrl("z"))) == .suspend)
        #expect(d.run?.session.answer(at: 0) != nil)
    }
}
