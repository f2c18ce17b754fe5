#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import Testing
import TrainingSandbox

/// The generators against TensorFlow Playground's definitions (src/dataset.ts). Every expected
/// fact is computed here from those definitions, not read from the generators' output.
@Suite struct PlaygroundDatasetTests {
    func run(_ settings: [(key: String, value: String)]) throws -> TrainingRun {
        TrainingRun(config: try TrainingConfig.base(for: settings).applying(settings: settings))
    }

    func points(_ run: TrainingRun) -> [(x: Double, y: Double, label: Double)] {
        (run.trainingData.rows + run.validationData.rows).map { ($0[0], $0[1], $0[2]) }
    }

    @Test func xorFillsTheFourQuadrantsPaddedAwayFromTheAxes() throws {
        // classifyXORData: x, y ~ U(−5, 5), then moved 0.3 away from 0; label +1 iff x·y ≥ 0.
        let clean = points(try run([("dataset", "xor"), ("noise", "0")]))
        #expect(clean.count == 500)
        var perQuadrant = [0, 0, 0, 0]
        for p in clean {
            #expect(abs(p.x) >= 0.3 && abs(p.x) <= 5.3 && abs(p.y) >= 0.3 && abs(p.y) <= 5.3)
            #expect(p.label == (p.x * p.y >= 0 ? 1 : -1))
            perQuadrant[(p.x > 0 ? 0 : 1) + (p.y > 0 ? 0 : 2)] += 1
        }
        // Uniform: each quadrant holds a quarter, give or take 4 standard deviations of a binomial.
        let sd = (500 * 0.25 * 0.75).squareRoot()
        #expect(perQuadrant.allSatisfy { abs(Double($0) - 125) < 4 * sd }, "\(perQuadrant)")
        // Noise moves the point where the label is read, by U(−5, 5)·noise per axis: labels flip
        // only for points within 5·noise of an axis.
        let noisy = points(try run([("dataset", "xor"), ("noise", "0.5")]))
        let flipped = noisy.filter { $0.label != ($0.x * $0.y >= 0 ? 1 : -1) }
        #expect(!flipped.isEmpty)
        #expect(flipped.allSatisfy { min(abs($0.x), abs($0.y)) < 5 * 0.5 })
    }

    @Test func gaussiansSitAtTheirCentresWithPlaygroundsVariance() throws {
        // classifyTwoGaussData: half N((2, 2), v) labelled +1, half N((−2, −2), v) labelled −1, with
        // v running linearly from 0.5 at noise 0 to 4 at noise 0.5. Labels never flip.
        for noise in [0.0, 0.25, 0.5] {
            let expectedVariance = 0.5 + (4 - 0.5) * (noise / 0.5)
            let all = points(try run([("dataset", "gauss"), ("noise", "\(noise)"), ("trainSize", "1000"), ("validationSize", "1000")]))
            for label in [1.0, -1.0] {
                let cloud = all.filter { $0.label == label }
                #expect(cloud.count == 1000)
                let n = Double(cloud.count)
                let mx = cloud.map(\.x).reduce(0, +) / n, my = cloud.map(\.y).reduce(0, +) / n
                let centre = 2 * label
                let standardError = (expectedVariance / n).squareRoot()
                #expect(abs(mx - centre) < 4 * standardError && abs(my - centre) < 4 * standardError, "noise \(noise): (\(mx), \(my))")
                let vx = cloud.map { ($0.x - mx) * ($0.x - mx) }.reduce(0, +) / (n - 1)
                let vy = cloud.map { ($0.y - my) * ($0.y - my) }.reduce(0, +) / (n - 1)
                // The sample variance of n normals has a standard error of v·√(2/(n−1)).
                let tolerance = 4 * expectedVariance * (2 / (n - 1)).squareRoot()
                #expect(abs(vx - expectedVariance) < tolerance && abs(vy - expectedVariance) < tolerance, "noise \(noise): \(vx), \(vy)")
            }
        }
    }

    @Test func spiralArmsTurnOneAndThreeQuarterTimes() throws {
        // classifySpiralData: arm point i of n: r = 5·i/n, t = 1.75·2π·i/n + δ (δ = 0 for +1, π for −1),
        // at (r sin t, r cos t); noise adds U(−1, 1)·noise per axis and never changes a label.
        let n = 250
        let all = points(try run([("dataset", "spiral"), ("noise", "0")]))
        for (label, delta) in [(1.0, 0.0), (-1.0, Double.pi)] {
            let arm = all.filter { $0.label == label }
            #expect(arm.count == n)
            let radii = arm.map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.sorted()
            for (i, r) in radii.enumerated() { #expect(abs(r - 5 * Double(i) / Double(n)) < 1e-9) }
            for p in arm {
                let r = (p.x * p.x + p.y * p.y).squareRoot()
                let t = 1.75 * 2 * Double.pi * r / 5 + delta
                #expect(abs(p.x - r * sin(t)) < 1e-9 && abs(p.y - r * cos(t)) < 1e-9)
            }
            // The outermost point has swept 1.75·(n−1)/n turns from the start.
            let outer = 1.75 * Double(n - 1) / Double(n)
            #expect(abs(outer - 1.75) < 0.01)
        }
        let noisy = points(try run([("dataset", "spiral"), ("noise", "0.5")]))
        // Same draws, same shuffle: point by point, noise moved each coordinate by at most 0.5.
        #expect(zip(all, noisy).contains { $0.x != $1.x })
        #expect(zip(all, noisy).allSatisfy { abs($0.x - $1.x) <= 0.5 && abs($0.y - $1.y) <= 0.5 && $0.label == $1.label })
        #expect(noisy.filter { $0.label == 1 }.count == n)
    }

    @Test func theTruthIsTheNoiseFreeRule() throws {
        let xor = try run([("dataset", "xor")])
        #expect(xor.truth([1, 1]) == 1 && xor.truth([-1, -1]) == 1 && xor.truth([1, -1]) == -1 && xor.truth([-2, 3]) == -1)
        let gauss = try run([("dataset", "gauss")])
        #expect(gauss.truth([2, 2]) == 1 && gauss.truth([-2, -2]) == -1 && gauss.truth([3, -2.5]) == 1 && gauss.truth([-3, 2.5]) == -1)
        let spiral = try run([("dataset", "spiral")])
        // Points on each arm, from the definition at i/n = 0.5: r = 2.5, t = 1.75π (+ π).
        let t = 1.75 * Double.pi
        #expect(spiral.truth([2.5 * sin(t), 2.5 * cos(t)]) == 1)
        #expect(spiral.truth([2.5 * sin(t + .pi), 2.5 * cos(t + .pi)]) == -1)
        // Noise-free data carry no label noise: the floor is 0; noisy XOR labels do. Both spiral
        // arms start at the origin, where the nearer-arm rule cannot tell them apart.
        #expect(xor.noiseFloor == 0)
        for row in spiral.trainingData.rows where spiral.truth([row[0], row[1]]) != row[2] {
            #expect((row[0] * row[0] + row[1] * row[1]).squareRoot() < 0.05, "\(row)")
        }
        #expect(try run([("dataset", "xor"), ("noise", "0.3")]).noiseFloor > 0)
    }

    @Test func trainRatioSplitsOnePoolLikePlayground() throws {
        let half = try run([("dataset", "circle"), ("noise", "0.2")])
        #expect(half.trainingData.count == 250 && half.validationData.count == 250)
        let third = try run([("dataset", "circle"), ("noise", "0.2"), ("trainRatio", "30")])
        #expect(third.trainingData.count == 150 && third.validationData.count == 350)
        #expect(abs(third.config.trainRatio - 0.3) < 1e-12)
        // The same 500 points, split elsewhere.
        let a = (half.trainingData.rows + half.validationData.rows).sorted { $0.lexicographicallyPrecedes($1) }
        let b = (third.trainingData.rows + third.validationData.rows).sorted { $0.lexicographicallyPrecedes($1) }
        #expect(a == b)
    }
}

@Suite struct PlaygroundTrainingTests {
    func config(_ settings: [(key: String, value: String)]) throws -> TrainingConfig {
        try TrainingConfig.base(for: settings).applying(settings: settings)
    }

    @Test func playgroundDefaults() throws {
        let c = try config([("dataset", "spiral")])
        #expect(c.dataset == .spiral && c.layerSizes == [2, 4, 2, 1] && c.outputActivation == .tanh && c.loss == .square)
        #expect(c.optimizer == .sgd && c.lr == 0.03 && c.batch == 10 && c.trainSize == 250 && c.validationSize == 250)
        #expect(TrainingConfig.base(for: [("dataset", "sine")]) == .default)
        #expect(TrainingConfig.base(for: [("lr", "0.1")]) == .default)
    }

    @Test func featuresAreTheNetworksInputs() throws {
        let c = try config([("dataset", "circle"), ("features", "x1sq, x2sq, x1, sinx2")])
        #expect(c.features == [.x1, .x1sq, .x2sq, .sinx2])  // Playground's order
        #expect(c.layerSizes == [4, 4, 2, 1])
        let run = TrainingRun(config: c)
        #expect(run.initialWeights[0].weights[0].count == 4)
        // The raw points stay (x1, x2, label); the network reads the features.
        #expect(run.trainingData.rows.allSatisfy { $0.count == 3 })
        let p = [1.5, -0.5]
        let w = run.initialWeights
        let inputs = [p[0], p[0] * p[0], p[1] * p[1], sin(p[1])]
        var a = inputs
        for (l, layer) in w.enumerated() {
            a = zip(layer.weights, layer.biases).map { row, b in
                let z = zip(row, a).reduce(b) { $0 + $1.0 * $1.1 }
                return l == w.count - 1 ? tanh(z) : tanh(z)
            }
        }
        #expect(abs(run.predict(p) - a[0]) < 1e-8)
    }

    @Test func lossIsPlaygroundsHalfSquareAndAccuracyTheSignsAgreement() throws {
        var run = TrainingRun(config: try config([("dataset", "xor"), ("noise", "0.2"), ("epochs", "20")]))
        run.run()
        let last = try #require(run.history.last)
        for (data, loss, accuracy) in [(run.trainingData, last.trainLoss, last.trainAccuracy),
                                       (run.validationData, last.validationLoss, last.validationAccuracy)] {
            var sum = 0.0, right = 0
            for row in data.rows {
                let y = run.predict([row[0], row[1]])
                sum += 0.5 * (y - row[2]) * (y - row[2])
                if (y >= 0) == (row[2] > 0) { right += 1 }
            }
            #expect(abs(loss - sum / Double(data.count)) < 1e-9 * max(1, loss))
            #expect(accuracy == Double(right) / Double(data.count))
        }
    }

    @Test func sameSeedSameRunAndSeedsDiffer() throws {
        let c = try config([("dataset", "spiral"), ("noise", "0.2"), ("epochs", "15"), ("regularization", "l1"), ("regRate", "0.01")])
        var a = TrainingRun(config: c), b = TrainingRun(config: c)
        a.run(); b.run()
        #expect(a.history == b.history && a.weights == b.weights)
        var other = c
        other.seed = 2
        #expect(TrainingRun(config: other).trainingData != a.trainingData)
    }

    @Test func l1ZeroesWeightsForGoodAndLeavesBiases() throws {
        var run = TrainingRun(config: try config([("dataset", "circle"), ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"),
                                                  ("regularization", "l1"), ("regRate", "0.05"), ("epochs", "60")]))
        run.run()
        let zeros = run.weights.flatMap { $0.weights.flatMap { $0 } }.filter { $0 == 0 }.count
        #expect(run.deadWeights > 0 && zeros >= run.deadWeights)
        #expect(run.weights.flatMap(\.biases).contains { $0 != 0 })
        // Dead stays dead: more epochs never bring a zeroed weight back.
        var longer = TrainingRun(config: try config([("dataset", "circle"), ("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"),
                                                     ("regularization", "l1"), ("regRate", "0.05"), ("epochs", "90")]))
        longer.run()
        let before = run.weights.flatMap { $0.weights.flatMap { $0 } }
        let after = longer.weights.flatMap { $0.weights.flatMap { $0 } }
        for (w0, w1) in zip(before, after) where w0 == 0 { #expect(w1 == 0) }
    }

    @Test func l2ShrinksTheWeights() throws {
        func norm(_ reg: String, _ rate: String) throws -> Double {
            var run = TrainingRun(config: try config([("dataset", "gauss"), ("regularization", reg), ("regRate", rate), ("epochs", "80")]))
            run.run()
            return run.weights.flatMap { $0.weights.flatMap { $0 } }.reduce(0) { $0 + $1 * $1 }
        }
        #expect(try norm("l2", "0.3") < 0.8 * norm("none", "0"))
    }

    @Test func limitsExplainThemselves() {
        let bad: [([(String, String)], String)] = [
            ([("dataset", "xor"), ("layers", "8,8,8,8,8,8,8")], "1 to 6 layers"),
            ([("dataset", "xor"), ("layers", "4,9")], "1 to 6 hidden layers of 1 to 8 units"),
            ([("dataset", "spiral"), ("noise", "0.6")], "noise ratio from 0 to 0.5"),
            ([("features", "x1sq")], "2-D datasets"),
            ([("dataset", "gauss"), ("features", "x3")], "expected features from x1, x2"),
            ([("dataset", "gauss"), ("features", "x1,x1")], "listed twice"),
            ([("layers", "8,8,8,8,8")], "1 to 4 layers"),
            ([("dataset", "xor"), ("regRate", "0.1")], "needs a regularization"),
            ([("dataset", "xor"), ("trainRatio", "100")], "below 100"),
            ([("dataset", "xor"), ("regularization", "l3")], "none, l1, l2"),
        ]
        for (settings, fragment) in bad {
            let list = settings.map { (key: $0.0, value: $0.1) }
            do {
                _ = try TrainingConfig.base(for: list).applying(settings: list)
                Issue.record("\(settings) was accepted")
            } catch {
                #expect("\(error)".contains(fragment), "\(settings): \(error)")
            }
        }
        #expect(throws: Never.self) {
            try TrainingConfig.playground.applying(settings: [("dataset", "xor"), ("layers", "8,8,8,8,8,8")])
        }
    }
}
