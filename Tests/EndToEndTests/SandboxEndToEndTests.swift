import Foundation
import Testing

/// The training sandbox in the real binary: open it from home, raise the learning rate until the
/// diagnosis says the training is unstable, go back, quit.
@Suite(.serialized, Tmux.needed)
struct SandboxEndToEndTests {
    @Test func raisingTheLearningRateMakesTrainingUnstable() throws {
        let t = try Tmux()
        try t.start()
        try t.waitFor("Study modes")
        try t.send("t")
        try t.waitFor("Learning rate")
        // The default setup trains to a good fit.
        try t.waitFor("done")
        #expect(t.screen.contains("Good fit"))

        // Each → raises the learning rate one step (0.03, 0.1, …) and restarts the run; wait for
        // each run to finish before judging it.
        var unstable = false
        for _ in 0..<6 where !unstable {
            let before = lrValue(t.screen)
            try t.send("Right")
            let r = try t.waitUntil { lrValue($0) != before && finished($0) }
            #expect(r.ok, "run did not finish:\n\(r.screen)")
            unstable = r.screen.contains("Unstable training")
        }
        #expect(unstable, "never became unstable; last screen:\n\(t.screen)")
        #expect(lrValue(t.screen).map { $0 > 0.01 } == true)

        // q goes home, q quits.
        try t.send("q")
        try t.waitFor("Study modes")
        try t.send("q")
        #expect(try t.waitForExit() == 0)
    }

    /// The status line once a run has ended (normally or by diverging).
    private func finished(_ screen: String) -> Bool {
        screen.contains("  done") || screen.contains("loss diverged")
    }

    /// The learning rate shown on its slider row ("Learning rate  ───●── 0.03").
    private func lrValue(_ screen: String) -> Double? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Learning rate") }) else { return nil }
        let fields = line.split(separator: " ")
        guard let i = fields.firstIndex(where: { $0.contains("─") || $0.contains("-") }), i + 1 < fields.count else { return nil }
        return Double(fields[i + 1])
    }
}
