import Foundation
import Testing

/// Studies a few cards in the real binary, quits, restarts and checks that the right cards are due.
@Suite(.serialized, Tmux.needed)
struct FlashcardsEndToEndTests {
    @Test func studyQuitRestartAndSeeWhatIsDue() throws {
        let t = try Tmux()
        try t.start()
        try t.waitFor("Study modes")
        try t.send("f")
        try t.waitFor("What to study")
        let before = try t.waitFor("All cards")
        // Nothing studied yet: everything is new, capped by the default limit of 20.
        #expect(before.contains("0 due · 20 new"))
        try t.send("Enter")
        try t.waitFor("show the answer")
        // Card 1: Easy (goes to review for days). Card 2: Good (a 10-minute learning step).
        try t.send("Space")
        try t.waitFor("4 Easy")
        try t.send("4")
        try t.waitFor("show the answer")
        try t.send("Space")
        try t.waitFor("3 Good")
        try t.send("3")
        try t.waitFor("show the answer")
        try t.send("q")
        let summary = try t.waitFor("Session complete")
        #expect(summary.contains("Reviewed      2 cards"))
        try t.send("Enter")
        try t.waitFor("What to study")
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: t.dataDir.appendingPathComponent("progress.sqlite").path))

        // A new process on the same data directory: the learning card is due soon, two new cards were used.
        try t.start()
        try t.waitFor("Study modes")
        try t.send("f")
        let after = try t.waitFor("All cards")
        #expect(after.contains("1 due · 18 new"), "\(after)")
        try t.send("b")
        try t.waitFor("Browse")
        // The state filter steps all → new → learning; exactly the Good card is learning.
        try t.send("f")
        try t.send("f")
        try t.waitFor("learning  1 card")
        try t.send("q")
        try t.send("q")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }
}
