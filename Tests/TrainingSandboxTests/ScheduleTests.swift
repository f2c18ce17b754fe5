#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import Testing
import TrainingSandbox

/// Learning rates per epoch against the PyTorch scheduler formulas, values worked out by hand.
@Suite struct ScheduleTests {
    func rates(_ settings: [(key: String, value: String)], epochs: Int) throws -> [Double] {
        let config = try TrainingConfig.default.applying(settings: settings + [("epochs", "\(epochs)")])
        return (0..<epochs).map { LearningRateSchedule.rate(epoch: $0, config: config) }
    }

    func expectClose(_ actual: [Double], _ expected: [Double]) {
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) < 1e-15, "\(actual) vs \(expected)") }
    }

    @Test func constant() throws {
        expectClose(try rates([("lr", "0.2")], epochs: 3), [0.2, 0.2, 0.2])
    }

    @Test func stepLR() throws {
        // StepLR: base·γ^⌊e/step⌋
        expectClose(try rates([("lr", "0.1"), ("schedule", "step"), ("gamma", "0.5"), ("stepSize", "3")], epochs: 7),
                    [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    @Test func exponentialLR() throws {
        expectClose(try rates([("lr", "1"), ("schedule", "exponential"), ("gamma", "0.5")], epochs: 4),
                    [1, 0.5, 0.25, 0.125])
    }

    @Test func cosineAnnealing() throws {
        // T_max = epochs = 4, η_min = 0: ½·base·(1 + cos(π·e/4))
        let r = try rates([("lr", "1"), ("schedule", "cosine")], epochs: 4)
        expectClose(r, [1, 0.5 * (1 + 0.5.squareRoot()), 0.5, 0.5 * (1 - 0.5.squareRoot())])
    }

    @Test func linearWarmupThenDecayStartsAfterIt() throws {
        // LinearLR(start 1/(W+1), W = 3): base·(e+1)/4 for e < 3, then ExponentialLR from epoch 3.
        expectClose(try rates([("lr", "0.4"), ("warmup", "3"), ("schedule", "exponential"), ("gamma", "0.5")], epochs: 6),
                    [0.1, 0.2, 0.3, 0.4, 0.2, 0.1])
    }

    @Test func cosineAfterWarmupSpansTheRemainingEpochs() throws {
        // W = 2, T_max = 6 − 2 = 4
        let r = try rates([("lr", "1"), ("warmup", "2"), ("schedule", "cosine")], epochs: 6)
        expectClose(Array(r[2...]), [1, 0.5 * (1 + 0.5.squareRoot()), 0.5, 0.5 * (1 - 0.5.squareRoot())])
        expectClose(Array(r[..<2]), [1.0 / 3, 2.0 / 3])
    }

    @Test func recordedLearningRateIsTheOneUsedThatEpoch() throws {
        let config = try TrainingConfig.default.applying(settings: [("warmup", "4"), ("schedule", "step"),
                                                                    ("gamma", "0.5"), ("stepSize", "2"), ("epochs", "10")])
        var run = TrainingRun(config: config)
        run.run()
        #expect(run.history.map(\.lr) == (0..<10).map { LearningRateSchedule.rate(epoch: $0, config: config) })
    }
}
