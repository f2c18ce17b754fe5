import Foundation
import Testing

/// The Playground tab in the real binary: open the sandbox, Tab to the Playground, see the field
/// and a diagnosis once the run ends, Tab back to the regression tab.
@Suite(.serialized, Tmux.needed)
struct PlaygroundEndToEndTests {
    @Test func tabOpensThePlaygroundWithItsFieldAndDiagnosis() throws {
        let t = try Tmux()
        try t.start(width: 120, height: 40)
        try t.waitFor("Study modes")
        try t.send("t")
        try t.waitFor("Learning rate")
        try t.send("Tab")
        try t.waitFor("Decision boundary circle")
        // The field is drawn with half blocks; the legend names the points.
        let r = try t.waitUntil(timeout: 30) { $0.contains("  done") && $0.contains("Diagnosis") }
        #expect(r.ok, "the run did not finish:\n\(r.screen)")
        // Half blocks in colour, density characters without it (tmux here may have either).
        #expect(r.screen.contains("▀") || r.screen.contains("▓"), "no field:\n\(r.screen)")
        #expect(r.screen.contains("●✕ train"), "\(r.screen)")
        #expect(["Good fit", "Overfitting", "Underfitting", "Unstable training"].contains { r.screen.contains($0) }, "\(r.screen)")
        #expect(r.screen.contains("Acc"))
        // → on the dataset switches to XOR and restarts.
        try t.send("Right")
        try t.waitFor("Decision boundary xor")
        try t.send("Tab")
        try t.waitFor("Learning rate")
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }
}
