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
        case .circle:
            // Like Playground: one pool of points, shuffled, split into train and test.
            var rng = SeededGenerator(seed: config.seed, stream: 1)
            let pool = circle(count: config.trainSize + config.validationSize, noise: config.noise, rng: &rng)
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

extension Dataset {
    func subset(_ indices: [Int]) -> Dataset {
        Dataset(inputDimension: inputDimension,
                inputs: indices.flatMap { Array(input($0)) },
                targets: indices.map { targets[$0] })
    }
}
