/// Every setting of one training run. Property names are the `aifprep train` flags in camelCase,
/// so the synthesised Codable form is the `"config"` object of `--json` and preset `settings:`.
///
/// Defaults are the reference "good fit": y = sin(πx) + N(0, 0.3²) with 16 training points,
/// a 1–64–1 tanh network, Adam at lr 0.01, full batch (16: one update per epoch), 80 epochs.
/// Raising `epochs` to 1000 on the same setup overfits (the speed benchmark runs that).
public struct TrainingConfig: Sendable, Equatable, Codable {
    public var optimizer: Optimizer = .adam
    public var lr: Double = 0.01
    public var batch: Int = 16
    /// Skip each epoch's last, smaller batch (PyTorch `DataLoader(drop_last=True)`).
    public var dropLast: Bool = false
    public var epochs: Int = 80
    public var schedule: Schedule = .constant
    /// Decay factor: per `stepSize` epochs for `.step`, per epoch for `.exponential`.
    public var gamma: Double = 0.98
    public var stepSize: Int = 10
    /// Linear warm-up epochs (0 = none); the decay schedule starts after it.
    public var warmup: Int = 0
    public var earlyStopping: Bool = false
    public var patience: Int = 20
    public var minDelta: Double = 0
    /// Only with early stopping: put back the weights of the best validation epoch at the end.
    public var restoreBest: Bool = true
    /// Hidden layer widths, input to output.
    public var layers: [Int] = [64]
    public var activation: Activation = .tanh
    public var outputActivation: Activation = .linear
    public var dataset: DatasetKind = .sine
    public var trainSize: Int = 16
    public var validationSize: Int = 50
    /// Sine: standard deviation of the label noise. Circle: Playground's noise ratio (0–0.5).
    public var noise: Double = 0.3
    public var seed: UInt64 = 1

    public init() {}

    public static let `default` = TrainingConfig()

    /// Batch actually used: a batch larger than the data set is the whole data set.
    public var effectiveBatch: Int { max(1, min(batch, trainSize)) }
    public var updatesPerEpoch: Int {
        dropLast ? trainSize / effectiveBatch : (trainSize + effectiveBatch - 1) / effectiveBatch
    }
    /// Points in the last, smaller batch of an epoch (0 when the batch divides the data set).
    public var leftoverPoints: Int { trainSize % effectiveBatch }
    /// Layer widths including the input and the single output.
    public var layerSizes: [Int] { [dataset.inputDimension] + layers + [1] }
}

extension TrainingConfig {
    /// Missing keys keep their defaults, so runs exported before a setting existed still load.
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
        }
        try read(.optimizer, &optimizer); try read(.lr, &lr); try read(.batch, &batch); try read(.dropLast, &dropLast)
        try read(.epochs, &epochs); try read(.schedule, &schedule); try read(.gamma, &gamma)
        try read(.stepSize, &stepSize); try read(.warmup, &warmup); try read(.earlyStopping, &earlyStopping)
        try read(.patience, &patience); try read(.minDelta, &minDelta); try read(.restoreBest, &restoreBest)
        try read(.layers, &layers); try read(.activation, &activation); try read(.outputActivation, &outputActivation)
        try read(.dataset, &dataset); try read(.trainSize, &trainSize); try read(.validationSize, &validationSize)
        try read(.noise, &noise); try read(.seed, &seed)
    }
}

public enum Optimizer: String, Sendable, Codable, CaseIterable {
    case sgd
    /// SGD with momentum 0.9 (PyTorch form: v = 0.9·v + g; w −= lr·v).
    case momentum
    /// Adam, β1 0.9, β2 0.999, ε 1e-8, bias-corrected.
    case adam
}

public enum Schedule: String, Sendable, Codable, CaseIterable {
    case constant, step, exponential, cosine
}

public enum Activation: String, Sendable, Codable, CaseIterable {
    case tanh, relu, sigmoid, linear
}

public enum DatasetKind: String, Sendable, Codable, CaseIterable {
    /// y = sin(πx) + noise, x in [−1, 1]: the curve-fitting playground.
    case sine
    /// TensorFlow Playground's circle: 2-D points labelled +1 inside radius 2.5, −1 outside.
    case circle

    public var inputDimension: Int { self == .sine ? 1 : 2 }
}
