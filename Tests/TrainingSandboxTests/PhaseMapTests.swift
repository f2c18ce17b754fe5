import Synchronization
import Testing
@testable import TrainingSandbox

/// The phase map: its grid, the one-run-per-rate shortcut against fresh runs, and the regimes it shows
/// against what only the sandbox knows (the true error and the noise floor), never against `Diagnosis`.
@Suite struct PhaseMapTests {
    @Test func defaultGrid() {
        let map = PhaseMap(axis: .epochs, base: TrainingConfig())
        #expect(map.learningRates.count == 11 && map.values.count == 8)
        #expect(map.learningRates.first == 1e-4 && map.learningRates.last == 10)
        #expect(map.values == [10, 20, 40, 80, 150, 300, 600, 1000])
        #expect(PhaseMap(axis: .batch, base: TrainingConfig()).values == [1, 2, 3, 4, 6, 8, 12, 16])
        #expect(PhaseMap.batchSizes(trainSize: 64) == [6, 8, 12, 16, 24, 32, 48, 64])
        #expect(PhaseMap.batchSizes(trainSize: 4) == [1, 2, 3, 4])
        // The default setting (lr 0.01, 80 epochs, batch 16) is a cell of both maps.
        #expect(map.currentPosition == (4, 3))
        #expect(PhaseMap(axis: .batch, base: TrainingConfig()).currentPosition == (4, 7))
        #expect(map.reusesRuns && !PhaseMap(axis: .batch, base: TrainingConfig()).reusesRuns)
    }

    /// Reading each epoch count off one long run gives exactly the cells of fresh runs with that many
    /// epochs, on rates that underfit, fit, overfit and blow up.
    @Test func oneRunPerRateEqualsAFreshRunPerCell() throws {
        let map = PhaseMap(axis: .epochs, base: TrainingConfig(), learningRates: [1e-4, 0.01, 0.3, 10])
        for row in map.learningRates.indices {
            let reused = try #require(map.computeRow(row))
            for (column, cell) in reused.enumerated() {
                var fresh = TrainingRun(config: map.config(row: row, column: column))
                fresh.run()
                #expect(cell == PhaseMap.cell(fresh, lr: map.learningRates[row], value: map.values[column]),
                        "lr \(map.learningRates[row]), \(map.values[column]) epochs")
            }
        }
    }

    @Test func theShortcutIsOffWhereTheTotalEpochsMatter() {
        var cosine = TrainingConfig()
        cosine.schedule = .cosine
        #expect(!PhaseMap(axis: .epochs, base: cosine).reusesRuns)
        var stopping = TrainingConfig()
        stopping.earlyStopping = true
        #expect(!PhaseMap(axis: .epochs, base: stopping).reusesRuns)
    }

    /// Ground truth for one setting, from what a practitioner cannot see.
    enum Truth: Equatable { case blewUp, farFromTruth, nearTruth, pastItsBest }

    static func truth(_ config: TrainingConfig) -> Truth {
        var run = TrainingRun(config: config)
        run.tracksTrueError = true
        run.run()
        let floor = run.noiseFloor
        let errors = run.history.compactMap(\.trueError)
        let best = errors.min() ?? .infinity
        // Blew up: a loss stopped being finite, or at some epoch the model was further from the truth
        // than the untrained one.
        if run.history.contains(where: { !$0.isFinite }) || (errors.max() ?? 0) > run.initialTrueError { return .blewUp }
        // Still far from the function: excess error above the noise floor.
        if run.trueError > floor { return .farFromTruth }
        // Fits the noise: training loss under the floor and the true error well above its best.
        if run.history.last!.trainLoss < floor && errors.last! > 2 * best { return .pastItsBest }
        return .nearTruth
    }

    @Test func reproducesTheKnownRegimes() throws {
        let base = TrainingConfig()
        let map = try #require(PhaseMap(axis: .epochs, base: base).computed(workers: 2))
        func cell(_ lr: Double, _ epochs: Int) -> PhaseMap.Cell {
            map.cells[map.learningRates.firstIndex(of: lr)!][map.values.firstIndex(of: epochs)!]!
        }
        func config(_ lr: Double, _ epochs: Int) -> TrainingConfig {
            var c = base
            c.lr = lr
            c.epochs = epochs
            return c
        }
        // Very high rates blow up, whatever the epochs.
        for lr in [1.0, 3, 10] {
            for epochs in [10, 80, 1000] {
                #expect(Self.truth(config(lr, epochs)) == .blewUp, "lr \(lr), \(epochs) epochs")
                #expect(cell(lr, epochs).state == .unstable, "lr \(lr), \(epochs) epochs")
            }
        }
        // Tiny rates have not got near the function in the default 80 epochs, nor in 300.
        for epochs in [10, 80, 300] {
            #expect(Self.truth(config(1e-4, epochs)) == .farFromTruth)
            #expect(cell(1e-4, epochs).state == .underfitting, "1e-4, \(epochs) epochs")
        }
        // A good rate: near the truth at 80 epochs, past its best (fitting noise) after 600 and 1000.
        #expect(Self.truth(config(0.01, 80)) == .nearTruth)
        #expect(cell(0.01, 80).state == .good)
        for epochs in [600, 1000] {
            #expect(Self.truth(config(0.01, epochs)) == .pastItsBest)
            #expect(cell(0.01, epochs).state == .overfitting, "0.01, \(epochs) epochs")
        }
        // Validation loss of a good cell is near the noise floor; a blown-up cell has none.
        #expect(try #require(cell(0.01, 80).validationLoss) < 2 * 0.09)
    }

    @Test func workersFillEveryCellOnceAndMatchOneByOne() throws {
        let map = PhaseMap(axis: .batch, base: TrainingConfig(), learningRates: [1e-3, 0.1], values: [2, 5, 16])
        let seen = Mutex<[String]>([])
        let record: @Sendable (Int, Int, PhaseMap.Cell) -> Void = { row, column, _ in seen.withLock { $0.append("\(row),\(column)") } }
        let done = try #require(map.computed(workers: 2, onCell: record))
        #expect(seen.withLock { $0.sorted() } == ["0,0", "0,1", "0,2", "1,0", "1,1", "1,2"])
        #expect(done.isComplete && done.completedCount == 6)
        for row in 0..<2 {
            #expect(done.cells[row].map { $0! } == map.computeRow(row))
        }
    }

    @Test func cancelledMapReturnsNothing() {
        let map = PhaseMap(axis: .epochs, base: TrainingConfig())
        #expect(map.computed(workers: 2, isCancelled: { true }) == nil)
    }

    @Test func reportsAreStable() throws {
        let map = PhaseMap(axis: .epochs, base: TrainingConfig(), learningRates: [0.01, 10], values: [10, 80])
        let done = try #require(map.computed())
        let json = done.json()
        #expect(json.contains("\"axis\": \"epochs\""))
        #expect(json.contains("\"learningRates\": [0.01, 10]"))
        #expect(json.contains("\"current\": {\"row\": 0, \"column\": 1}"))
        #expect(json.contains("\"state\": \"unstable\""))
        let grid = done.textGrid
        #expect(grid.contains("[G]"))
        #expect(grid.contains("X"))
    }
}
