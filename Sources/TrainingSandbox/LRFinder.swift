#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import SeededRandom

/// fastai's learning-rate finder (`Learner.lr_find`): a mock training on a copy of the model and data
/// whose rate grows exponentially with every minibatch, recording an exponentially smoothed loss.
///
/// - Rate of minibatch i (0-based) of n: start·(end/start)^(i/n), so the last one stays just under `end`.
/// - Smoothed loss: a ← β·a + (1−β)·loss, reported as a/(1−β^(i+1)) (bias-corrected, as fastai's
///   `AvgSmoothLoss`), β = 0.98. Each minibatch's loss is measured before its update.
/// - Stops after n minibatches, or as soon as the smoothed loss exceeds 4× its best so far (or stops
///   being finite: fastai would go on and drop the NaNs afterwards).
/// - Suggestion: fastai's `valley` on the smoothed curve without its first n/10 and last 5 points.
public struct LRFinder: Sendable, Equatable {
    public static let startLR = 1e-7
    public static let endLR = 10.0
    public static let defaultIterations = 100
    public static let beta = 0.98
    public static let divergenceFactor = 4.0
    /// Points left out of the suggestion at the end: the blow-up that stopped the sweep.
    public static let skipEnd = 5

    public struct Point: Sendable, Equatable {
        /// 0-based minibatch.
        public var iteration: Int
        public var lr: Double
        /// This minibatch's loss before its update.
        public var loss: Double
        public var smoothedLoss: Double
    }

    public var points: [Point]
    public var iterations: Int
    /// True when the smoothed loss blew past 4× its best (the sweep ended before `iterations`).
    public var diverged: Bool
    /// Index into `points` of the suggestion, nil when the curve is too short to have one.
    public var suggestionIndex: Int?
    /// Indices into `points` of the longest valley the suggestion lies in.
    public var valley: ClosedRange<Int>?

    public var suggested: Double? { suggestionIndex.map { points[$0].lr } }

    public static func rate(iteration i: Int, of n: Int, start: Double = startLR, end: Double = endLR) -> Double {
        start * pow(end / start, Double(i) / Double(n))
    }

    /// Sweeps on `run`'s data and initial weights with its optimizer and batch size; `run` itself is
    /// left alone. `isCancelled` is polled every minibatch.
    public static func sweep(_ run: TrainingRun, iterations: Int = defaultIterations,
                             isCancelled: () -> Bool = { false }) -> LRFinder {
        let n = max(6, iterations)   // fastai's floor
        let config = run.config
        // As `Engine` trains: on the input features, with the config's loss and weight penalty.
        let train = FeatureMap.expand(run.trainingData, config.features)
        let network = Network(sizes: config.layerSizes, hidden: config.activation, output: config.outputActivation,
                              loss: config.loss, capacity: max(1, config.effectiveBatch))
        network.load(run.initialWeights)
        let optimizer = OptimizerState(kind: config.optimizer, parameterCount: network.parameterCount)
        let regularizer = config.regularization != .none && config.regRate > 0
            ? Regularizer(kind: config.regularization, rate: config.regRate, network: network) : nil
        // Same shuffling stream as a training run, so the first minibatches are the run's.
        var rng = SeededGenerator(seed: config.seed, stream: 4)
        var order = Array(0..<train.count)
        let batch = config.effectiveBatch
        var points: [Point] = []
        var smoother = Smoother()
        var start = train.count   // forces a (re)shuffle before the first batch
        train.inputs.withUnsafeBufferPointer { inputs in
            train.targets.withUnsafeBufferPointer { targets in
                for i in 0..<n {
                    if isCancelled() { break }
                    // The next minibatch, reshuffling at each epoch's start like `Engine.trainEpoch`.
                    if start >= train.count || (config.dropLast && train.count - start < batch) {
                        if batch < train.count { rng.multiplyShiftShuffle(&order) }
                        start = 0
                    }
                    let count = min(batch, train.count - start)
                    let lr = rate(iteration: i, of: n)
                    order.withUnsafeBufferPointer { order in
                        network.setBatch(count: count, inputs: inputs.baseAddress!, targets: targets.baseAddress!,
                                         indices: order.baseAddress! + start)
                    }
                    network.forward(count: count)
                    let loss = network.meanSquaredError(count: count)
                    network.backward(count: count)
                    regularizer?.capture(network.parameters)
                    optimizer.update(network.parameters, gradients: network.gradients, lr: lr)
                    regularizer?.apply(network.parameters, lr: lr)
                    start += count
                    let smoothed = smoother.add(loss)
                    points.append(Point(iteration: i, lr: lr, loss: loss, smoothedLoss: smoothed))
                    if smoother.diverged { break }
                }
            }
        }
        return finish(points, iterations: n, diverged: smoother.diverged)
    }

    /// The finder's arithmetic on given minibatch losses (no training): the schedule, the smoothing,
    /// the stop rule and the suggestion. Losses after the stopping point are ignored.
    public static func analyse(losses: [Double], iterations: Int = defaultIterations) -> LRFinder {
        let n = max(6, iterations)
        var smoother = Smoother()
        var points: [Point] = []
        for (i, loss) in losses.prefix(n).enumerated() {
            points.append(Point(iteration: i, lr: rate(iteration: i, of: n), loss: loss, smoothedLoss: smoother.add(loss)))
            if smoother.diverged { break }
        }
        return finish(points, iterations: n, diverged: smoother.diverged)
    }

    private static func finish(_ points: [Point], iterations n: Int, diverged: Bool) -> LRFinder {
        var result = LRFinder(points: points, iterations: n, diverged: diverged, suggestionIndex: nil, valley: nil)
        if let s = suggestion(smoothed: points.map(\.smoothedLoss), iterations: n) {
            result.suggestionIndex = s.index
            result.valley = s.valley
        }
        return result
    }

    /// fastai's `AvgSmoothLoss` and the `stop_div` rule, one loss at a time.
    struct Smoother {
        private var average = 0.0
        private var count = 0
        private(set) var best = Double.infinity
        private(set) var diverged = false

        /// The bias-corrected moving average after `loss`; sets `diverged` once it passes 4× its best
        /// (or stops being finite).
        mutating func add(_ loss: Double) -> Double {
            average = beta * average + (1 - beta) * loss
            count += 1
            let smoothed = average / (1 - pow(beta, Double(count)))
            if smoothed < best { best = smoothed }
            if !smoothed.isFinite || smoothed > divergenceFactor * best { diverged = true }
            return smoothed
        }
    }
    /// The sweep for a config (its data and initial weights from its seed).
    public static func sweep(_ config: TrainingConfig, iterations: Int = defaultIterations,
                             isCancelled: () -> Bool = { false }) -> LRFinder {
        sweep(TrainingRun(config: config), iterations: iterations, isCancelled: isCancelled)
    }

    /// fastai's `lr_find` trimming and `valley`: indices into the whole curve.
    static func suggestion(smoothed: [Double], iterations n: Int) -> (index: Int, valley: ClosedRange<Int>)? {
        let first = n / 10
        var last = smoothed.count - skipEnd   // exclusive
        if let bad = smoothed.firstIndex(where: { !$0.isFinite }) { last = min(last, bad) }
        guard last - first >= 2 else { return nil }
        let v = valley(Array(smoothed[first..<last]))
        return (first + v.index, (first + v.start)...(first + v.end))
    }

    /// The longest valley: the longest strictly decreasing subsequence (its length ending at each
    /// point, O(n²)), from `end − length` to its first end point; the suggestion lies half-way in, at
    /// start + ⌊d/3⌋ + ⌊d/6⌋ for a valley d points long. fastai's start can fall one before the curve
    /// (a curve falling from its first point); here it is clamped to the first point.
    static func valley(_ losses: [Double]) -> (start: Int, end: Int, index: Int) {
        let n = losses.count
        var lengths = Array(repeating: 1, count: n)
        var end = 0
        for i in 1..<max(1, n) {
            for j in 0..<i where losses[i] < losses[j] { lengths[i] = max(lengths[i], lengths[j] + 1) }
            if lengths[i] > lengths[end] { end = i }
        }
        let start = max(0, end - lengths[end])
        let sections = Double(end - start) / 3
        let index = start + Int(sections) + Int(sections / 2)
        return (start, end, index)
    }
}
