import Foundation
import Testing

/// The card browser's actions in the real binary: open a card, suspend it, see it persist across a restart,
/// bury and unsuspend it from there.
@Suite(.serialized, Tmux.needed)
struct CardBrowserEndToEndTests {
    @Test func suspendPersistsAcrossARestartAndUnsuspends() throws {
        let t = try Tmux()
        try t.start()
        try t.waitFor("Study modes")
        try t.send("f")
        try t.waitFor("All cards")
        try t.send("b")
        try t.waitFor("Browse")
        try t.send("Enter")
        // The whole card, rendered: no ** markup left.
        let card = try t.waitFor("suspend")
        #expect(!card.contains("**"), "\(card)")
        try t.send("s")
        try t.waitFor("SUSPENDED")
        try t.send("q")
        try t.waitFor("Browse")
        try t.send("q")
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)

        // A new process: the card is still suspended (the last filter, one step back from "all").
        try t.start()
        try t.waitFor("Study modes")
        try t.send("f")
        try t.waitFor("All cards")
        try t.send("b")
        try t.waitFor("Browse")
        try t.send("F")
        try t.waitFor("suspended  1 card")
        try t.send("Enter")
        try t.waitFor("SUSPENDED")
        try t.send("b")
        try t.waitFor("Buried until tomorrow")
        try t.send("s")
        try t.waitFor("Unsuspended")
        try t.send("q")
        try t.waitFor("No cards match")
        try t.send("q")
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }
}
