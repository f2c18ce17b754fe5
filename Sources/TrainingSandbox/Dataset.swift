#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import SeededRandom

/// Labelled points, stored sample after sample (`inputs` holds `inputDimension` values per sample).
public struct Dataset: Sendable, Equatable {
    public let inputDimension: Int
    public let inputs: [Double]
    public let targets: [Double]

    public init(inputDimension: Int, inputs: [Double], targets: [Double]) {
        precondition(inputDimension > 0 && inputs.count == targets.count * inputDimension)
        self.inputDimension = inputDimension
        self.inputs = inputs
        self.targets = targets
    }

    public var count: Int { targets.count }

    public func input(_ index: Int) -> ArraySlice<Double> {
        inputs[(index * inputDimension)..<((index + 1) * inputDimension)]
    }

    /// Each sample as its inputs followed by its target: the `--json` `[[x, y], …]` form.
    public var rows: [[Double]] {
        (0..<count).map { Array(input($0)) + [targets[$0]] }
    }

    /// Population variance of the targets (a scale for "how big is a loss").
    public var targetVariance: Double {
        guard count > 0 else { return 0 }
        let mean = targets.reduce(0, +) / Double(count)
        return targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
    }
}

/// Builds the training and validation sets of a config. Each comes from its own random stream,
/// so changing the training size leaves the validation set alone.
enum DataGenerator {
    static func make(_ config: TrainingConfig) -> (train: Dataset, validation: Dataset) {
        switch config.dataset {
        case .sine:
            var trainRNG = SeededGenerator(seed: config.seed, stream: 1)
            var validationRNG = SeededGenerator(seed: config.seed, stream: 2)
            return (sineTrain(count: config.trainSize, noise: config.noise, rng: &trainRNG),
                    sineValidation(count: config.validationSize, noise: config.noise, rng: &validationRNG))
        case .circle, .xor, .gauss, .spiral:
            // Like Playground: one pool of points, shuffled, split into train and test.
            var rng = SeededGenerator(seed: config.seed, stream: 1)
            let pool = plane(config.dataset, count: config.trainSize + config.validationSize, noise: config.noise, rng: &rng)
            var order = Array(0..<pool.count)
            rng.multiplyShiftShuffle(&order)
            return (pool.subset(Array(order[..<config.trainSize])), pool.subset(Array(order[config.trainSize...])))
        }
    }

    static func sineTruth(_ x: Double) -> Double { sin(Double.pi * x) }

    /// A jittered grid: spacing s = 2/n, each point moved by U(−0.4, 0.4)·s. Unlike uniform
    /// sampling it never leaves a gap, so results depend little on the seed.
    static func sineTrain(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let s = 2 / Double(count)
        var xs: [Double] = []
        var ys: [Double] = []
        for i in 0..<count {
            let x = -1 + (Double(i) + 0.5) * s + rng.uniform(-0.4, 0.4) * s
            xs.append(x)
            ys.append(sineTruth(x) + noise * rng.normal())
        }
        return Dataset(inputDimension: 1, inputs: xs, targets: ys)
    }

    /// Evenly spaced over [−1, 1], noisy like the training data (so its loss floor is noise²).
    static func sineValidation(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let xs = count == 1 ? [0.0] : (0..<count).map { -1 + 2 * Double($0) / Double(count - 1) }
        let ys = xs.map { sineTruth($0) + noise * rng.normal() }
        return Dataset(inputDimension: 1, inputs: xs, targets: ys)
    }

    static let circleRadius = 5.0

    static func circleTruth(_ x: Double, _ y: Double) -> Double {
        (x * x + y * y).squareRoot() < circleRadius * 0.5 ? 1 : -1
    }

    /// TensorFlow Playground's `classifyCircleData`: half the points inside radius 2.5, half in the
    /// ring 3.5–5; the label is taken at a point displaced by U(−5, 5)·noise per axis.
    static func circle(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        var inputs: [Double] = []
        var targets: [Double] = []
        let half = count / 2
        for i in 0..<count {
            let inside = i < half
            let r = inside ? rng.uniform(0, circleRadius * 0.5) : rng.uniform(circleRadius * 0.7, circleRadius)
            let angle = rng.uniform(0, 2 * Double.pi)
            let x = r * sin(angle)
            let y = r * cos(angle)
            let noiseX = rng.uniform(-circleRadius, circleRadius) * noise
            let noiseY = rng.uniform(-circleRadius, circleRadius) * noise
            inputs += [x, y]
            targets.append(circleTruth(x + noiseX, y + noiseY))
        }
        return Dataset(inputDimension: 2, inputs: inputs, targets: targets)
    }
}

extension DataGenerator {
    /// The pool of a 2-D dataset, in generation order.
    static func plane(_ kind: DatasetKind, count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        switch kind {
        case .sine: preconditionFailure("sine is not a plane dataset")
        case .circle: circle(count: count, noise: noise, rng: &rng)
        case .xor: xor(count: count, noise: noise, rng: &rng)
        case .gauss: gauss(count: count, noise: noise, rng: &rng)
        case .spiral: spiral(count: count, noise: noise, rng: &rng)
        }
    }

    /// The noise-free decision rule of a 2-D dataset: the label a point would get without noise.
    static func planeTruth(_ kind: DatasetKind, _ x: Double, _ y: Double) -> Double {
        switch kind {
        case .sine: preconditionFailure("sine is not a plane dataset")
        case .circle: circleTruth(x, y)
        case .xor: xorTruth(x, y)
        case .gauss: gaussTruth(x, y)
        case .spiral: spiralTruth(x, y)
        }
    }

    static let xorExtent = 5.0
    static let xorPadding = 0.3

    static func xorTruth(_ x: Double, _ y: Double) -> Double { x * y >= 0 ? 1 : -1 }

    /// Playground's `classifyXORData`: x1, x2 ~ U(−5, 5), each pushed 0.3 away from its axis; the
    /// label is taken at a point displaced by U(−5, 5)·noise per axis.
    static func xor(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        var inputs: [Double] = []
        var targets: [Double] = []
        for _ in 0..<count {
            var x = rng.uniform(-xorExtent, xorExtent)
            x += x > 0 ? xorPadding : -xorPadding
            var y = rng.uniform(-xorExtent, xorExtent)
            y += y > 0 ? xorPadding : -xorPadding
            let noiseX = rng.uniform(-xorExtent, xorExtent) * noise
            let noiseY = rng.uniform(-xorExtent, xorExtent) * noise
            inputs += [x, y]
            targets.append(xorTruth(x + noiseX, y + noiseY))
        }
        return Dataset(inputDimension: 2, inputs: inputs, targets: targets)
    }

    static let gaussCentre = 2.0

    /// Playground's variance: linear in the noise ratio, 0.5 at noise 0 to 4 at noise 0.5.
    static func gaussVariance(noise: Double) -> Double { 0.5 + (4 - 0.5) * noise / 0.5 }

    /// The Bayes rule for two equal round Gaussians at (2, 2) and (−2, −2): the side of x1 + x2 = 0.
    static func gaussTruth(_ x: Double, _ y: Double) -> Double { x + y >= 0 ? 1 : -1 }

    /// Playground's `classifyTwoGaussData`: half the points N((2, 2), v·I) labelled +1, half
    /// N((−2, −2), v·I) labelled −1; noise widens v and the clouds overlap (labels never flip).
    static func gauss(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        let sd = gaussVariance(noise: noise).squareRoot()
        var inputs: [Double] = []
        var targets: [Double] = []
        let half = (count + 1) / 2
        for i in 0..<count {
            let c = i < half ? gaussCentre : -gaussCentre
            inputs += [c + sd * rng.normal(), c + sd * rng.normal()]
            targets.append(i < half ? 1 : -1)
        }
        return Dataset(inputDimension: 2, inputs: inputs, targets: targets)
    }

    static let spiralRadius = 5.0
    static let spiralTurns = 1.75

    /// Point i of an arm of n: radius 5·i/n, angle 1.75 turns·i/n + the arm's offset (0 or π),
    /// placed at (r sin t, r cos t) as Playground does.
    static func spiralPoint(_ s: Double, arm: Int) -> (x: Double, y: Double) {
        let r = s * spiralRadius
        let t = spiralTurns * s * 2 * Double.pi + (arm == 0 ? 0 : Double.pi)
        return (r * sin(t), r * cos(t))
    }

    /// Playground's `classifySpiralData`: two arms of count/2 points, +1 on arm 0 and −1 on arm π;
    /// noise moves each point by U(−1, 1)·noise per axis (labels never flip).
    static func spiral(count: Int, noise: Double, rng: inout SeededGenerator) -> Dataset {
        var inputs: [Double] = []
        var targets: [Double] = []
        let n = Double(count) / 2
        let first = (count + 1) / 2
        for i in 0..<count {
            let arm = i < first ? 0 : 1
            let p = spiralPoint(Double(arm == 0 ? i : i - first) / n, arm: arm)
            inputs += [p.x + rng.uniform(-1, 1) * noise, p.y + rng.uniform(-1, 1) * noise]
            targets.append(arm == 0 ? 1 : -1)
        }
        return Dataset(inputDimension: 2, inputs: inputs, targets: targets)
    }

    /// The arms sampled finely, for the nearest-arm rule.
    static let spiralArms: [[(x: Double, y: Double)]] = (0..<2).map { arm in
        (0...720).map { spiralPoint(Double($0) / 720, arm: arm) }
    }

    /// The noise-free rule for the spiral: the label of the nearer arm.
    static func spiralTruth(_ x: Double, _ y: Double) -> Double {
        var nearest = [Double.infinity, Double.infinity]
        for arm in 0..<2 {
            for p in spiralArms[arm] {
                let d = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)
                if d < nearest[arm] { nearest[arm] = d }
            }
        }
        return nearest[0] <= nearest[1] ? 1 : -1
    }
}

extension Dataset {
    func subset(_ indices: [Int]) -> Dataset {
        Dataset(inputDimension: inputDimension,
                inputs: indices.flatMap { Array(input($0)) },
                targets: indices.map { targets[$0] })
    }
}
