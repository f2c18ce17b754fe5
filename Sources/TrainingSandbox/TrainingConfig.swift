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
    /// The 2-D datasets only: what the network sees of a point (TensorFlow Playground's inputs).
    public var features: [InputFeature] = InputFeature.plain
    /// Penalty on the weights (not the biases), applied after each update as Playground does.
    public var regularization: Regularization = .none
    public var regRate: Double = 0
    public var loss: Loss = .mse

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
    public var layerSizes: [Int] { [networkInputs] + layers + [1] }
    /// Inputs of the network: x for sine, the chosen features of (x1, x2) for the 2-D datasets.
    public var networkInputs: Int { dataset.isPlane ? features.count : dataset.inputDimension }
    /// Share of the point pool used for training (the rest is the test set), 0–1.
    public var trainRatio: Double { Double(trainSize) / Double(max(1, trainSize + validationSize)) }
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
        try read(.features, &features); try read(.regularization, &regularization); try read(.regRate, &regRate)
        try read(.loss, &loss)
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
    /// Playground's XOR: +1 where x1·x2 ≥ 0 (quadrants I and III), −1 elsewhere.
    case xor
    /// Playground's two Gaussians: +1 around (2, 2), −1 around (−2, −2).
    case gauss
    /// Playground's two interleaved spirals of 1.75 turns each.
    case spiral

    public var inputDimension: Int { self == .sine ? 1 : 2 }
    /// The 2-D classification sets of TensorFlow Playground (labels ±1).
    public var isPlane: Bool { self != .sine }
    public static let planes: [DatasetKind] = [.circle, .xor, .gauss, .spiral]
}

/// Playground's input features of a point (x1, x2).
public enum InputFeature: String, Sendable, Codable, CaseIterable {
    case x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2

    public static let plain: [InputFeature] = [.x1, .x2]

    /// As Playground labels them.
    public var label: String {
        switch self {
        case .x1: "x1"
        case .x2: "x2"
        case .x1sq: "x1²"
        case .x2sq: "x2²"
        case .x1x2: "x1·x2"
        case .sinx1: "sin x1"
        case .sinx2: "sin x2"
        }
    }
}

public enum Regularization: String, Sendable, Codable, CaseIterable {
    /// L1: w −= lr·rate·sign(w); a weight the penalty pushes across 0 is set to 0 and stays there.
    /// L2: w −= lr·rate·w.
    case none, l1, l2
}

public enum Loss: String, Sendable, Codable, CaseIterable {
    /// mean (ŷ − y)²: the regression sandbox.
    case mse
    /// TensorFlow Playground's `Errors.SQUARE`: mean ½(ŷ − y)², gradient ŷ − y.
    case square
}
