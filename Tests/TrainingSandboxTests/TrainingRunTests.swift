#if canImport(Glibc)
import PlainOutput
import Glibc
#else
import Foundation
#endif
import Testing
import TrainingSandbox

@Suite struct TrainingRunTests {
    func config(_ settings: [(key: String, value: String)]) throws -> TrainingConfig {
        try TrainingConfig.default.applying(settings: settings)
    }

    @Test func sameSeedSameRun() throws {
        let c = try config([("batch", "4"), ("epochs", "30")])
        var a = TrainingRun(config: c), b = TrainingRun(config: c)
        a.run()
        b.run()
        #expect(a.history == b.history)
        #expect(a.weights == b.weights)
    }

    @Test func steppingEqualsRunningAndStopsAtTheEpochLimit() throws {
        let c = try config([("batch", "4"), ("epochs", "25")])
        var stepped = TrainingRun(config: c)
        var count = 0
        while !stepped.isFinished { stepped.step(); count += 1 }
        var whole = TrainingRun(config: c)
        whole.run()
        #expect(count == 25)
        #expect(stepped.history == whole.history)
        #expect(stepped.history.map(\.epoch) == Array(1...25))
        stepped.step()  // no-op once finished
        #expect(stepped.history.count == 25)
    }

    @Test func copiesAreIndependent() throws {
        var original = TrainingRun(config: try config([("batch", "4"), ("epochs", "40")]))
        for _ in 0..<10 { original.step() }
        var copy = original
        for _ in 0..<10 { copy.step() }
        #expect(original.history.count == 10)
        for _ in 0..<10 { original.step() }
        #expect(original.history == copy.history)  // same state, same shuffles, same result
        #expect(original.weights == copy.weights)
    }

    @Test func settingsThatDoNotConcernDataOrInitLeaveThemAlone() throws {
        let base = TrainingRun(config: try config([]))
        let other = TrainingRun(config: try config([("batch", "2"), ("lr", "0.3"), ("optimizer", "sgd"), ("epochs", "5")]))
        #expect(base.trainingData == other.trainingData)
        #expect(base.validationData == other.validationData)
        #expect(base.initialWeights == other.initialWeights)
        let reseeded = TrainingRun(config: try config([("seed", "2")]))
        #expect(reseeded.trainingData != base.trainingData)
        #expect(reseeded.initialWeights != base.initialWeights)
        // More training points leave the validation set unchanged.
        let moreTraining = TrainingRun(config: try config([("trainSize", "40")]))
        #expect(moreTraining.validationData == base.validationData)
    }

    @Test func sineDataIsAJitteredGridAndAnEvenValidationGrid() throws {
        let run = TrainingRun(config: try config([("trainSize", "16"), ("validationSize", "50")]))
        let s = 2.0 / 16
        for (i, x) in run.trainingData.inputs.enumerated() {
            let centre = -1 + (Double(i) + 0.5) * s
            #expect(abs(x - centre) <= 0.4 * s + 1e-12)
        }
        let xs = run.validationData.inputs
        #expect(xs.count == 50 && xs.first == -1 && xs.last == 1)
        // Noise around sin(πx): residuals have roughly the configured spread (σ = 0.3).
        let residuals = zip(run.validationData.inputs, run.validationData.targets).map { $1 - sin(Double.pi * $0) }
        let rms = (residuals.map { $0 * $0 }.reduce(0, +) / 50).squareRoot()
        #expect(rms > 0.15 && rms < 0.45)
        #expect(run.noiseFloor == 0.09)
        #expect(abs(run.trueFunction(0.5) - 1) < 1e-15)
    }

    @Test func circleDataFollowsPlaygroundsRecipe() throws {
        let clean = TrainingRun(config: try config([("dataset", "circle"), ("trainSize", "200"), ("validationSize", "100"),
                                                    ("noise", "0"), ("layers", "8,8")]))
        let all = [clean.trainingData, clean.validationData]
        var inside = 0
        for data in all {
            #expect(data.inputDimension == 2)
            for i in 0..<data.count {
                let p = Array(data.input(i))
                let r = (p[0] * p[0] + p[1] * p[1]).squareRoot()
                #expect(r <= 2.5 || (r >= 3.5 && r <= 5))  // disc of radius 2.5 or ring 3.5–5
                #expect(data.targets[i] == (r < 2.5 ? 1 : -1))  // without noise the label is exact
                #expect(clean.truth(p) == data.targets[i])
                if r < 2.5 { inside += 1 }
            }
        }
        #expect(inside == 150)  // half of the 300-point pool
        #expect(clean.noiseFloor == 0)
        let noisy = TrainingRun(config: try config([("dataset", "circle"), ("trainSize", "200"), ("noise", "0.5"), ("layers", "8,8")]))
        #expect(noisy.noiseFloor > 0)  // some labels flipped by the displaced label point
    }

    @Test func initialisationFollowsTheDocumentedScales() throws {
        let run = TrainingRun(config: try config([("layers", "64,8")]))
        let w = run.initialWeights
        #expect(w.count == 3)
        #expect(w[0].weights.flatMap { $0 }.allSatisfy { abs($0) <= 6 } && w[0].biases.allSatisfy { abs($0) <= 6 })
        #expect(w[0].weights.flatMap { $0 }.contains { abs($0) > 3 })  // really spread, not Glorot
        let glorot = (6.0 / 72).squareRoot()
        #expect(w[1].weights.count == 8 && w[1].weights[0].count == 64)  // rows are outputs
        #expect(w[1].weights.flatMap { $0 }.allSatisfy { abs($0) <= glorot } && w[1].biases.allSatisfy { $0 == 0 })
        #expect(w[2].weights.flatMap { $0 }.allSatisfy { abs($0) <= 0.1 } && w[2].biases == [0])
    }

    @Test func updatesPerEpochCountsThePartialLastBatch() throws {
        #expect(TrainingConfig.default.updatesPerEpoch == 1)
        let partial = try config([("trainSize", "10"), ("batch", "4")])
        let oversized = try config([("trainSize", "10"), ("batch", "100")])
        #expect(partial.updatesPerEpoch == 3)
        #expect(oversized.updatesPerEpoch == 1)
        var run = TrainingRun(config: try config([("trainSize", "10"), ("batch", "4"), ("epochs", "5")]))
        run.run()
        #expect(run.history.allSatisfy { $0.isFinite })
    }

    @Test func minibatchesChangeTheTrajectory() throws {
        var full = TrainingRun(config: try config([("epochs", "10")]))
        var mini = TrainingRun(config: try config([("epochs", "10"), ("batch", "4")]))
        full.run()
        mini.run()
        #expect(full.history.map(\.trainLoss) != mini.history.map(\.trainLoss))
        #expect(mini.updatesPerEpoch == 4)
    }

    @Test func theDefaultRunFitsTheSineCurve() throws {
        var run = TrainingRun(config: .default)
        run.run()
        let grid = (0...40).map { -1 + Double($0) / 20 }
        let predictions = run.predictCurve(grid)
        let rms = (zip(grid, predictions).map { pow($1 - sin(Double.pi * $0), 2) }.reduce(0, +) / 41).squareRoot()
        #expect(rms < 0.3)
        #expect(run.history.last!.trainLoss < run.initialTrainLoss / 3)
        // predict agrees with the losses the engine measured on the training set.
        let data = run.trainingData
        let mse = (0..<data.count).map { pow(run.predict(Array(data.input($0))) - data.targets[$0], 2) }.reduce(0, +) / Double(data.count)
        #expect(abs(mse - run.history.last!.trainLoss) < 1e-12)
    }

    @Test func divergenceEndsTheRunWithoutCrashing() throws {
        var run = TrainingRun(config: try config([("optimizer", "momentum"), ("lr", "0.1"), ("epochs", "400")]))
        run.run()
        #expect(run.isFinished)
        #expect(run.history.count < 400)
        #expect(!run.history.last!.isFinite)
        #expect(run.history.dropLast().allSatisfy { $0.isFinite })
        let diagnosis = try #require(run.diagnosis)
        #expect(diagnosis.state == .unstable && diagnosis.kind == .diverged)
        #expect(run.predictCurve([0]).count == 1)  // still answers, whatever the value
        // The finite epochs are still plotted: 16 rows of marks on a labelled log axis, epochs 1 to the last.
        let chart = LossChart.render(run).split(separator: "\n").map(String.init)
        try #require(chart.count >= 19, "\(chart)")
        let plot = chart.prefix(16).map { $0.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).last ?? "" }
        let marked = plot.first.map { row in (0..<row.count).filter { column in plot.contains { Array($0)[column] != " " } } } ?? []
        #expect(plot.allSatisfy { $0.count == 62 } && marked.count >= 31, "\(chart.joined(separator: "\n"))")
        #expect(chart[16].hasSuffix("+" + String(repeating: "-", count: 62)))
        #expect(chart[17].trimmingCharacters(in: .whitespaces).split(separator: " ") == ["1", "\(run.history.count)"])
        #expect(chart[18].contains("t = train loss, v = validation loss"), "the legend")
    }

    @Test func playgroundSetupLearnsTheCircle() throws {
        var run = TrainingRun(config: try config([
            ("dataset", "circle"), ("layers", "8,8"), ("outputActivation", "tanh"), ("trainSize", "250"),
            ("validationSize", "250"), ("batch", "10"), ("lr", "0.03"), ("optimizer", "sgd"), ("noise", "0"), ("epochs", "200"),
        ]))
        run.run()
        #expect(run.history.last!.validationLoss < 0.2 * run.initialValidationLoss)
    }

    @Test func batchTradeoffs() throws {
        let c = try config([("trainSize", "64"), ("hidden", "32")])
        let table = BatchTradeoff.table(config: c, batches: [1, 8, 64, 500])
        #expect(table.map(\.updatesPerEpoch) == [64, 8, 1, 1])
        #expect(table.map(\.batch) == [1, 8, 64, 64])
        #expect(table.map(\.activationsPerStep) == [32, 256, 2048, 2048])
        #expect(table.map(\.relativeMemory) == [1.0 / 64, 0.125, 1, 1])
        #expect(table[0].relativeEpochTime > table[1].relativeEpochTime)
        #expect(table[1].relativeEpochTime > table[2].relativeEpochTime)
        #expect(table[2].relativeEpochTime == 1)
    }
}
