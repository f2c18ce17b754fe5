import SeededRandom

/// Losses measured on the whole training and validation sets after an epoch's updates.
public struct EpochRecord: Sendable, Equatable, Codable {
    /// 1-based.
    public var epoch: Int
    /// The rate used for this epoch's updates.
    public var lr: Double
    public var trainLoss: Double
    public var validationLoss: Double
    /// Squared error against the noise-free function on a coarse grid (`TruthGrid.tracking`), only
    /// when the run tracks it: what no practitioner can measure, so no verdict uses it.
    public var trueError: Double?
    /// The 2-D datasets: share of points whose output has the sign of their ±1 label.
    public var trainAccuracy: Double?
    public var validationAccuracy: Double?

    public init(epoch: Int, lr: Double, trainLoss: Double, validationLoss: Double, trueError: Double? = nil,
                trainAccuracy: Double? = nil, validationAccuracy: Double? = nil) {
        self.epoch = epoch
        self.lr = lr
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.trueError = trueError
        self.trainAccuracy = trainAccuracy
        self.validationAccuracy = validationAccuracy
    }

    public var isFinite: Bool { trainLoss.isFinite && validationLoss.isFinite }
}

/// One seeded training run, advanced an epoch at a time (`step()`) or to the end (`run()`).
///
/// A value type: copies are independent (the buffers behind it are copied on first write).
/// Given the same config it always produces the same data, initial weights and history.
/// Sendable because every mutation first makes the engine unique (copy-on-write) and reads never
/// touch its scratch buffers.
public struct TrainingRun: @unchecked Sendable {
    public let config: TrainingConfig
    public let trainingData: Dataset
    public let validationData: Dataset
    public let initialWeights: [LayerWeights]
    /// Losses of the untrained network (the "epoch 0" point of a chart).
    public let initialTrainLoss: Double
    public let initialValidationLoss: Double
    public private(set) var history: [EpochRecord] = []
    /// 1-based epoch at which early stopping ended training, if it did.
    public private(set) var stoppedEpoch: Int?
    /// 1-based epoch whose weights were put back at the end (early stopping with restoreBest).
    public private(set) var restoredEpoch: Int?
    public private(set) var isFinished = false
    /// Record the true error of every epoch (costs a forward pass over `TruthGrid.tracking` points
    /// per epoch, so it is off unless a view or report shows it). Set before the first step.
    public var tracksTrueError = false

    private var engine: Engine

    /// Data and initial weights generated from `config.seed`.
    public init(config: TrainingConfig) {
        let data = DataGenerator.make(config)
        var rng = SeededGenerator(seed: config.seed, stream: 3)
        let weights = WeightInitializer.make(sizes: config.layerSizes, activation: config.activation, rng: &rng)
        self.init(config: config, trainingData: data.train, validationData: data.validation, initialWeights: weights)
    }

    /// A run on given data and starting weights (to replay an exported run or compare settings
    /// from the very same start). The weights must match `config.layerSizes`.
    public init(config: TrainingConfig, trainingData: Dataset, validationData: Dataset, initialWeights: [LayerWeights]) {
        precondition(trainingData.inputDimension == config.dataset.inputDimension)
        precondition(validationData.inputDimension == config.dataset.inputDimension)
        var config = config
        config.trainSize = trainingData.count
        config.validationSize = validationData.count
        self.config = config
        self.trainingData = trainingData
        self.validationData = validationData
        self.initialWeights = initialWeights
        engine = Engine(config: config, train: trainingData, validation: validationData, weights: initialWeights)
        (initialTrainLoss, initialValidationLoss) = engine.losses()
        noiseFloor = Self.noiseFloor(config, trainingData)
    }

    public var epochsDone: Int { history.count }
    public var updatesPerEpoch: Int { config.updatesPerEpoch }

    /// 1-based epoch with the best validation loss: early stopping's best (min_delta applies)
    /// when it is on, otherwise the lowest finite validation loss so far.
    public var bestEpoch: Int? {
        if config.earlyStopping { return engine.earlyStopping.bestEpoch.map { $0 + 1 } }
        var best: EpochRecord?
        for record in history where record.validationLoss.isFinite {
            if best == nil || record.validationLoss < best!.validationLoss { best = record }
        }
        return best?.epoch
    }

    /// The record describing the model as it stands: the restored epoch if weights were restored.
    public var finalRecord: EpochRecord? {
        if let restoredEpoch { return history[restoredEpoch - 1] }
        return history.last
    }

    public var diagnosis: Diagnosis? { Diagnosis.of(self) }

    /// Trains one epoch (no-op once finished).
    public mutating func step() {
        guard !isFinished else { return }
        if !isKnownUniquelyReferenced(&engine) { engine = engine.copy() }
        let epoch = history.count
        let lr = LearningRateSchedule.rate(epoch: epoch, config: config)
        engine.trainEpoch(lr: lr)
        let trueError = tracksTrueError ? engine.trackedTrueError() : nil
        let (trainLoss, validationLoss) = engine.losses()
        let record = EpochRecord(epoch: epoch + 1, lr: lr, trainLoss: trainLoss, validationLoss: validationLoss,
                                 trueError: trueError, trainAccuracy: engine.accuracy?.train,
                                 validationAccuracy: engine.accuracy?.validation)
        history.append(record)

        var done = epoch + 1 >= config.epochs || !record.isFinite
        if config.earlyStopping {
            let verdict = engine.earlyStopping.observe(epoch: epoch, value: validationLoss)
            if verdict == .improved && config.restoreBest { engine.bestParameters = engine.network.snapshot() }
            if verdict == .stop {
                stoppedEpoch = epoch + 1
                done = true
            }
        }
        if done { finish() }
    }

    /// Trains until the epoch limit, early stopping or divergence.
    public mutating func run() {
        while !isFinished { step() }
    }

    private mutating func finish() {
        isFinished = true
        if config.earlyStopping && config.restoreBest, let best = engine.bestParameters,
           let bestEpoch = engine.earlyStopping.bestEpoch {
            engine.restore(best)
            restoredEpoch = bestEpoch + 1
        }
        finalTrueError = measureTrueError()
    }

    /// The current weights, layer by layer.
    public var weights: [LayerWeights] { engine.network.layers() }

    /// The network's output for one input (`config.dataset.inputDimension` values: x, or x1 and x2
    /// before the features are taken).
    public func predict(_ input: [Double]) -> Double { engine.predict(input) }

    /// Outputs over a grid of 2-D points, `columns × rows`, row by row from (x0, y0) in steps
    /// (dx, dy): the decision field, in one batched pass per row.
    public func predictField(x0: Double, dx: Double, columns: Int, y0: Double, dy: Double, rows: Int) -> [Double] {
        engine.predictField(x0: x0, dx: dx, columns: columns, y0: y0, dy: dy, rows: rows)
    }

    /// Weights L1 regularisation has set to zero for good.
    public var deadWeights: Int { engine.regularizer?.deadCount ?? 0 }

    /// Predictions along x for a 1-D data set (the fitted curve).
    public func predictCurve(_ xs: [Double]) -> [Double] { xs.map { predict([$0]) } }

    /// The noise-free target: sin(πx) for sine; for the 2-D sets the label without noise (±1
    /// inside/outside radius 2.5 for circle, the quadrant sign for XOR, the side of x1 + x2 = 0
    /// for the Gaussians, the nearer arm for the spiral).
    public func truth(_ input: [Double]) -> Double {
        config.dataset == .sine ? DataGenerator.sineTruth(input[0]) : DataGenerator.planeTruth(config.dataset, input[0], input[1])
    }

    public func trueFunction(_ x: Double) -> Double { truth([x]) }

    /// The model's mean squared error against the noise-free function over the input range
    /// (`TruthGrid.dense`): how far the fit is from the truth. Expected validation loss on fresh
    /// data is the noise floor plus this, so it is the model's excess over the noise floor.
    public var trueError: Double { finalTrueError ?? measureTrueError() }

    /// Measured once when the run ends, so a view can show it every frame for free.
    public private(set) var finalTrueError: Double?

    private func measureTrueError() -> Double {
        let grid = TruthGrid.dense(config.dataset)
        var sum = 0.0
        for i in 0..<grid.count {
            let e = predict(Array(grid.input(i))) - grid.targets[i]
            sum += e * e
        }
        return (config.loss == .mse ? 1 : 0.5) * sum / Double(grid.count)
    }

    /// The true error of the untrained network on the tracking grid (the "epoch 0" point).
    public var initialTrueError: Double { TruthGrid.error(of: initialWeights, config: config) }

    /// The loss a perfect model would still have on the training set (irreducible noise).
    /// Measured once: the spiral's rule costs a search along both arms per point.
    public let noiseFloor: Double

    /// The targets' variance in the units of the loss (halved under Playground's ½ squared error):
    /// the loss of always predicting the mean.
    public var lossTargetVariance: Double { (config.loss == .mse ? 1 : 0.5) * trainingData.targetVariance }

    static func noiseFloor(_ config: TrainingConfig, _ data: Dataset) -> Double {
        guard config.dataset.isPlane else { return config.noise * config.noise }
        var sum = 0.0
        for i in 0..<data.count {
            let e = data.targets[i] - DataGenerator.planeTruth(config.dataset, data.inputs[2 * i], data.inputs[2 * i + 1])
            sum += e * e
        }
        return (config.loss == .mse ? 1 : 0.5) * sum / Double(max(1, data.count))
    }
}

/// The mutable machinery behind a run: network buffers, optimiser memory, shuffling stream.
final class Engine {
    let config: TrainingConfig
    let network: Network
    let optimizer: OptimizerState
    let regularizer: Regularizer?
    var earlyStopping: EarlyStopping
    var bestParameters: [Double]?
    private var shuffleRNG: SeededGenerator
    private var order: [Int]
    private let train: Dataset
    private let validation: Dataset
    private let truthGrid: Dataset

    /// Raw points as given (x1, x2 for the 2-D sets); the network trains on their features.
    init(config: TrainingConfig, train: Dataset, validation: Dataset, weights: [LayerWeights],
         optimizer: OptimizerState? = nil, regularizer: Regularizer? = nil) {
        self.config = config
        self.train = FeatureMap.expand(train, config.features)
        self.validation = FeatureMap.expand(validation, config.features)
        truthGrid = FeatureMap.expand(TruthGrid.tracking(config.dataset), config.features)
        network = Network(sizes: config.layerSizes, hidden: config.activation, output: config.outputActivation,
                          loss: config.loss,
                          capacity: max(config.effectiveBatch, train.count, validation.count, truthGrid.count))
        network.load(weights)
        self.optimizer = optimizer ?? OptimizerState(kind: config.optimizer, parameterCount: network.parameterCount)
        let penalised = config.regularization != .none && config.regRate > 0
        self.regularizer = regularizer ?? (penalised ? Regularizer(kind: config.regularization, rate: config.regRate, network: network) : nil)
        earlyStopping = EarlyStopping(patience: config.patience, minDelta: config.minDelta)
        shuffleRNG = SeededGenerator(seed: config.seed, stream: 4)
        order = Array(0..<train.count)
    }

    func copy() -> Engine {
        let twin = Engine(config: config, train: train, validation: validation, weights: network.layers(),
                          optimizer: optimizer.copy(), regularizer: regularizer?.copy(network: network))
        twin.earlyStopping = earlyStopping
        twin.bestParameters = bestParameters
        twin.shuffleRNG = shuffleRNG
        twin.order = order
        return twin
    }

    /// True while the network's buffers hold a forward pass of the whole training set in order
    /// with the current weights (left by `losses()`): a full-batch epoch then starts at backward.
    private var trainForwardIsCurrent = false

    /// One pass over the training set in minibatches, reshuffled every epoch.
    func trainEpoch(lr: Double) {
        let batch = config.effectiveBatch
        let n = train.count
        if batch >= n && trainForwardIsCurrent {
            network.backward(count: n)
            update(lr: lr)
            trainForwardIsCurrent = false
            return
        }
        trainForwardIsCurrent = false
        if batch < n { shuffleRNG.multiplyShiftShuffle(&order) }
        train.inputs.withUnsafeBufferPointer { inputs in
            train.targets.withUnsafeBufferPointer { targets in
                order.withUnsafeBufferPointer { order in
                    var start = 0
                    while start < n {
                        let count = min(batch, n - start)
                        if count < batch && config.dropLast { break }
                        network.setBatch(count: count, inputs: inputs.baseAddress!, targets: targets.baseAddress!,
                                         indices: order.baseAddress! + start)
                        network.forward(count: count)
                        network.backward(count: count)
                        update(lr: lr)
                        start += count
                    }
                }
            }
        }
    }

    /// The optimiser's step, with the weight penalty around it when there is one.
    private func update(lr: Double) {
        regularizer?.capture(network.parameters)
        optimizer.update(network.parameters, gradients: network.gradients, lr: lr)
        regularizer?.apply(network.parameters, lr: lr)
    }

    /// Accuracies measured by the last `losses()` (2-D datasets only).
    private(set) var accuracy: (train: Double, validation: Double)?

    /// The loss on the whole training and validation sets, one forward pass each.
    /// Training set last, so its pass stays in the buffers for the next full-batch epoch.
    func losses() -> (train: Double, validation: Double) {
        let validationLoss = loss(on: validation)
        let validationAccuracy = config.dataset.isPlane ? network.accuracy(count: validation.count) : 0
        let trainLoss = loss(on: train)
        if config.dataset.isPlane { accuracy = (network.accuracy(count: train.count), validationAccuracy) }
        trainForwardIsCurrent = true
        return (trainLoss, validationLoss)
    }

    /// Mean squared error against the true function on the tracking grid. Call before `losses()`,
    /// which leaves the training pass in the buffers.
    func trackedTrueError() -> Double {
        trainForwardIsCurrent = false
        return loss(on: truthGrid)
    }

    func restore(_ parameters: [Double]) {
        network.restore(parameters)
        trainForwardIsCurrent = false
    }

    private func loss(on data: Dataset) -> Double {
        data.inputs.withUnsafeBufferPointer { inputs in
            data.targets.withUnsafeBufferPointer { targets in
                network.setBatch(count: data.count, inputs: inputs.baseAddress!, targets: targets.baseAddress!, indices: nil)
                network.forward(count: data.count)
                return network.meanSquaredError(count: data.count)
            }
        }
    }

    /// A scalar forward pass that leaves the shared scratch buffers alone.
    func predict(_ input: [Double]) -> Double {
        let sizes = network.sizes
        var current = config.dataset.isPlane ? FeatureMap.expand(input, config.features) : input
        precondition(current.count == sizes[0])
        for l in 0..<network.layerCount {
            let fanIn = sizes[l], fanOut = sizes[l + 1]
            let w = network.parameters + network.weightOffsets[l]
            let b = network.parameters + network.biasOffsets[l]
            let kind = l == network.layerCount - 1 ? network.output : network.hidden
            current = (0..<fanOut).map { o in
                var z = b[o]
                for i in 0..<fanIn { z += w[o * fanIn + i] * current[i] }
                return Network.apply(kind, z)
            }
        }
        return current[0]
    }

    /// Batched forward passes over a grid, one row at a time, on buffers of its own (a run's
    /// reads must not touch the shared scratch buffers).
    func predictField(x0: Double, dx: Double, columns: Int, y0: Double, dy: Double, rows: Int) -> [Double] {
        let sizes = network.sizes
        let n = max(0, columns)
        var out = [Double](repeating: 0, count: n * max(0, rows))
        guard n > 0, rows > 0 else { return out }
        let widest = sizes.max()!
        var a = [Double](repeating: 0, count: widest * n)
        var z = [Double](repeating: 0, count: widest * n)
        let features = config.dataset.isPlane ? config.features : []
        for r in 0..<rows {
            let y = y0 + Double(r) * dy
            if features.isEmpty {
                for c in 0..<n { a[c] = x0 + Double(c) * dx }
            } else {
                for (i, f) in features.enumerated() {
                    for c in 0..<n { a[i * n + c] = f.value(x0 + Double(c) * dx, y) }
                }
            }
            for l in 0..<network.layerCount {
                let fanIn = sizes[l], fanOut = sizes[l + 1]
                let w = network.parameters + network.weightOffsets[l]
                let b = network.parameters + network.biasOffsets[l]
                let kind = l == network.layerCount - 1 ? network.output : network.hidden
                a.withUnsafeBufferPointer { a in
                    z.withUnsafeMutableBufferPointer { z in
                        for o in 0..<fanOut {
                            let row = z.baseAddress! + o * n
                            for c in 0..<n { row[c] = b[o] }
                            for i in 0..<fanIn {
                                let wi = w[o * fanIn + i]
                                let ai = a.baseAddress! + i * n
                                for c in 0..<n { row[c] += wi * ai[c] }
                            }
                            Network.activate(kind, row, n)
                        }
                    }
                }
                swap(&a, &z)
            }
            for c in 0..<n { out[r * n + c] = a[c] }
        }
        return out
    }
}

/// Where the true function is compared with the model: evenly spaced over the input range
/// ([−1, 1] for sine, [−5, 5]² for circle, [−6, 6]² for the other 2-D sets, as Playground
/// draws them), targets the noise-free function.
public enum TruthGrid {
    /// Per-epoch tracking: coarse, so a tracked epoch costs about one validation pass.
    public static func tracking(_ kind: DatasetKind) -> Dataset { grid(kind, perAxis: kind == .sine ? 64 : 8) }
    /// The final model's figure.
    public static func dense(_ kind: DatasetKind) -> Dataset { grid(kind, perAxis: kind == .sine ? 201 : 41) }

    static func grid(_ kind: DatasetKind, perAxis n: Int) -> Dataset {
        func axis(_ lo: Double, _ hi: Double) -> [Double] { (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) } }
        switch kind {
        case .sine:
            let xs = axis(-1, 1)
            return Dataset(inputDimension: 1, inputs: xs, targets: xs.map(DataGenerator.sineTruth))
        case .circle, .xor, .gauss, .spiral:
            let r = kind == .circle ? DataGenerator.circleRadius : TruthGrid.planeExtent
            let a = axis(-r, r)
            let points = a.flatMap { x in a.map { y in [x, y] } }
            return Dataset(inputDimension: 2, inputs: points.flatMap { $0 },
                           targets: points.map { DataGenerator.planeTruth(kind, $0[0], $0[1]) })
        }
    }

    /// Half the side of the square Playground draws its data in.
    public static let planeExtent = 6.0

    static func error(of weights: [LayerWeights], config: TrainingConfig) -> Double {
        let grid = tracking(config.dataset)
        let engine = Engine(config: config, train: grid, validation: grid, weights: weights)
        return engine.trackedTrueError()
    }
}
