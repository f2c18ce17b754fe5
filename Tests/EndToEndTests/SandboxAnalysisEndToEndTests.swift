import Foundation
import Testing

/// The sandbox's learning-rate finder and phase map in the real binary: f sweeps in the background and
/// Enter puts the suggestion on the slider; m fills the map while the arrow keys move its cursor.
@Suite(.serialized, Tmux.needed)
struct SandboxAnalysisEndToEndTests {
    @Test func finderSetsTheSliderAndTheMapFillsIn() throws {
        let t = try Tmux()
        try t.start(width: 100, height: 32)
        try t.waitFor("Study modes")
        try t.send("t")
        try t.waitFor("Learning rate")
        try t.send("f")
        try t.waitFor("Suggested lr 0.00033", timeout: 60)
        try t.send("Enter")
        let set = try t.waitUntil { $0.split(separator: "\n").contains { $0.contains("Learning rate") && $0.contains("0.00033") } }
        #expect(set.ok, "lr not set:\n\(set.screen)")

        try t.send("m")
        try t.waitFor("Phase map")
        try t.send("Down")
        // Once every cell is in, the cursor (moved down one) describes lr 0.001 at 80 epochs.
        let map = try t.waitUntil(timeout: 120) { !$0.contains("running") && $0.contains("lr 0.001, 80 epochs:") }
        #expect(map.ok, "map did not fill in:\n\(map.screen)")
        #expect(map.screen.contains("G Good fit") && map.screen.contains("X Unstable"))
        try t.send("Escape")
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }
}
