import Testing
import TrainingSandbox

/// Keras 3 EarlyStopping semantics, first on value sequences, then inside a training run.
@Suite struct EarlyStoppingTests {
    /// Feeds values until a stop; returns the 0-based stop epoch (nil if none) and the monitor.
    func feed(_ values: [Double], patience: Int, minDelta: Double = 0) -> (Int?, EarlyStopping) {
        var monitor = EarlyStopping(patience: patience, minDelta: minDelta)
        for (epoch, value) in values.enumerated() where monitor.observe(epoch: epoch, value: value) == .stop {
            return (epoch, monitor)
        }
        return (nil, monitor)
    }

    @Test func stopsPatienceEpochsAfterTheBest() {
        let (stop, monitor) = feed([1.0, 0.9, 0.95, 0.94, 0.93, 0.5], patience: 2)
        #expect(monitor.bestEpoch == 1)
        #expect(stop == 3)  // best 1 + patience 2
    }

    @Test func minDeltaDecidesWhatCountsAsImprovement() {
        // 0.96 is not below 1.0 − 0.05; 0.94 is; 0.90 is not below 0.94 − 0.05.
        let (stop, monitor) = feed([1.0, 0.96, 0.94, 0.90, 0.899, 0.898], patience: 3, minDelta: 0.05)
        #expect(monitor.bestEpoch == 2)
        #expect(monitor.best == 0.94)
        #expect(stop == 5)
        // A negative min_delta means the same as its absolute value (Keras takes abs).
        #expect(feed([1.0, 0.96, 0.94, 0.90, 0.899, 0.898], patience: 3, minDelta: -0.05).0 == 5)
    }

    @Test func firstValueAlwaysCountsAndPatienceZeroStopsAtTheFirstNonImprovement() {
        let (stop, monitor) = feed([5.0, 6.0, 1.0], patience: 0)
        #expect(monitor.bestEpoch == 0)
        #expect(stop == 1)
        #expect(feed([5.0], patience: 0).0 == nil)  // never stops on epoch 0
    }

    @Test func equalValueIsNotAnImprovement() {
        #expect(feed([1.0, 1.0, 1.0], patience: 2).0 == 2)
    }

    func config(_ settings: [(key: String, value: String)]) throws -> TrainingConfig {
        try TrainingConfig.default.applying(settings: settings)
    }

    @Test func runStopsAtBestPlusPatienceAndRestoresTheBestWeights() throws {
        let stopping = try config([("epochs", "1000"), ("earlyStopping", "true"), ("patience", "20"), ("restoreBest", "true")])
        var run = TrainingRun(config: stopping)
        run.run()
        let best = try #require(run.bestEpoch)
        #expect(run.stoppedEpoch == best + 20)
        #expect(run.history.count == best + 20)
        #expect(run.restoredEpoch == best)
        // The best epoch is the first minimum of the validation loss so far.
        let minimum = run.history.map(\.validationLoss).min()!
        #expect(run.history[best - 1].validationLoss == minimum)
        #expect(run.history[..<(best - 1)].allSatisfy { $0.validationLoss > minimum })

        // Same seed without early stopping, stepped to the best epoch: same weights.
        var plain = TrainingRun(config: try config([("epochs", "1000")]))
        for _ in 0..<best { plain.step() }
        #expect(run.weights == plain.weights)
        #expect(run.finalRecord == plain.history.last)
    }

    @Test func withoutRestoreTheLastWeightsStay() throws {
        var run = TrainingRun(config: try config([("epochs", "1000"), ("earlyStopping", "true"), ("patience", "10"),
                                                  ("restoreBest", "false")]))
        run.run()
        let stopped = try #require(run.stoppedEpoch)
        #expect(run.restoredEpoch == nil)
        var plain = TrainingRun(config: try config([("epochs", "1000")]))
        for _ in 0..<stopped { plain.step() }
        #expect(run.weights == plain.weights)
    }

    @Test func restoresAtTheEndEvenWhenItNeverStopped() throws {
        var run = TrainingRun(config: try config([("epochs", "150"), ("earlyStopping", "true"), ("patience", "500")]))
        run.run()
        #expect(run.stoppedEpoch == nil)
        #expect(run.history.count == 150)
        let best = try #require(run.bestEpoch)
        #expect(best < 150)  // this setup overfits after ~60 epochs, so the best is earlier
        #expect(run.restoredEpoch == best)
        var plain = TrainingRun(config: try config([("epochs", "150")]))
        for _ in 0..<best { plain.step() }
        #expect(run.weights == plain.weights)
    }

    @Test func minDeltaStopsEarlierInARun() throws {
        var strict = TrainingRun(config: try config([("epochs", "1000"), ("earlyStopping", "true"), ("patience", "5"),
                                                     ("minDelta", "0.05")]))
        var lenient = TrainingRun(config: try config([("epochs", "1000"), ("earlyStopping", "true"), ("patience", "5")]))
        strict.run()
        lenient.run()
        #expect(try #require(strict.stoppedEpoch) < (try #require(lenient.stoppedEpoch)))
        #expect(strict.stoppedEpoch == strict.bestEpoch.map { $0 + 5 })
    }
}
