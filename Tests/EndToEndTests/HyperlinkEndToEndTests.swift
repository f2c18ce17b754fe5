import Foundation
import Testing

/// References are OSC 8 hyperlinks in the real binary where links are on, and plain text where they are off.
/// (tmux 3.3 does not keep links in its screen, so the bytes the program writes are read from pipe-pane.)
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed"))
struct HyperlinkEndToEndTests {
    /// Opens a card with references from the sandbox's explanation and returns what the program wrote.
    private func cardOutput(links: String) throws -> String {
        let t = try Tmux()
        try t.start(width: 120, height: 60, extraEnv: ["AIFPREP_HYPERLINKS": links])
        try t.waitFor("Study modes")
        let raw = t.dataDir.deletingLastPathComponent().appendingPathComponent("pane-output")
        try t.pipeOutput(to: raw)
        try t.send("t")
        try t.waitFor("done")
        try t.send("c")
        try t.waitFor("Why this diagnosis")
        try t.send("Enter")
        let screen = try t.waitFor("References")
        #expect(screen.contains("https://"))
        // The frame is on screen: the links were written right after it, by the same process.
        let bytes = try t.waitUntil { _ in ((try? String(contentsOf: raw, encoding: .utf8)) ?? "").contains("References") }
        #expect(bytes.ok)
        try t.send("q", "q", "q")
        return (try? String(contentsOf: raw, encoding: .utf8)) ?? ""
    }

    @Test func referencesAreLinksWhereTheTerminalShowsThem() throws {
        let out = try cardOutput(links: "1")
        let open = "\u{1B}]8;;https://"
        #expect(out.contains(open), "no OSC 8 link in the program's output")
        // Each link is closed again, and the cursor and attributes restored after it.
        #expect(out.components(separatedBy: open).count - 1 <= out.components(separatedBy: "\u{1B}]8;;\u{1B}\\").count - 1)
        #expect(out.contains("\u{1B}]8;;\u{1B}\\\u{1B}8"))
    }

    @Test func noLinkIsSentWhereTheyAreOff() throws {
        let out = try cardOutput(links: "0")
        #expect(out.contains("References"))
        #expect(!out.contains("\u{1B}]8;;"))
    }
}
