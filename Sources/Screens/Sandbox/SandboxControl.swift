import Foundation
import TrainingSandbox

/// One setting of the sandbox, shown as a slider over a ladder of values.
///
/// The config keeps the exact value (a preset may use lr 0.005 or 12 epochs, which are not on a
/// ladder); the slider shows the nearest rung and a step moves to the next rung above or below.
enum SandboxControl: Int, CaseIterable {
    case learningRate, batch, epochs, schedule, decay, stepSize, warmup, earlyStopping, patience, optimizer, hidden, layers, activation, noise, seed

    /// TensorFlow Playground's 1–3 steps per decade, 1e-5 … 10.
    static let learningRates: [Double] = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10]
    static let epochCounts: [Double] = [1, 2, 3, 5, 10, 12, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 400,
                                        500, 600, 800, 1000, 1500, 2000, 3000, 4000, 5000]
    static let decays: [Double] = [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99]
    /// Epochs per decay step of the step schedule (PyTorch's StepLR step_size).
    static let stepSizes: [Double] = [1, 2, 3, 5, 10, 15, 20, 25, 30, 50, 100, 200, 500]
    static let warmups: [Double] = [0, 1, 2, 3, 5, 10, 15, 20, 30, 50, 100]
    static let patiences: [Double] = [0, 1, 2, 3, 5, 10, 15, 20, 30, 50, 100]
    static let hiddenUnits: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
    static let noises: [Double] = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1]
    static let seeds: [Double] = (1...99).map(Double.init)

    /// The controls shown for a config: a setting the config does not use is hidden (decay factor with no
    /// decaying schedule, step size outside the step schedule, patience without early stopping), so that
    /// every slider on screen changes the run and the batch lines keep their place at 80×24.
    static func visible(_ c: TrainingConfig) -> [SandboxControl] {
        allCases.filter { $0.isUsed(by: c) }
    }

    func isUsed(by c: TrainingConfig) -> Bool {
        switch self {
        case .decay: c.schedule == .step || c.schedule == .exponential
        case .stepSize: c.schedule == .step
        case .patience: c.earlyStopping
        default: true
        }
    }

    func ladder(_ c: TrainingConfig) -> [Double] {
        switch self {
        case .learningRate: Self.learningRates
        case .batch: (1...max(1, c.trainSize)).map(Double.init)
        case .epochs: Self.epochCounts
        case .schedule: Schedule.allCases.indices.map(Double.init)
        case .decay: Self.decays
        case .stepSize: Self.stepSizes
        case .warmup: Self.warmups
        case .earlyStopping: [0, 1]
        case .patience: Self.patiences
        case .optimizer: Optimizer.allCases.indices.map(Double.init)
        case .hidden: Self.hiddenUnits
        case .layers: (1...TrainingConfig.maxHiddenLayers).map(Double.init)
        case .activation: Activation.allCases.indices.map(Double.init)
        case .noise: Self.noises
        case .seed: Self.seeds
        }
    }

    func value(_ c: TrainingConfig) -> Double {
        switch self {
        case .learningRate: c.lr
        case .batch: Double(c.effectiveBatch)
        case .epochs: Double(c.epochs)
        case .schedule: Double(Schedule.allCases.firstIndex(of: c.schedule) ?? 0)
        case .decay: c.gamma
        case .stepSize: Double(c.stepSize)
        case .warmup: Double(c.warmup)
        case .earlyStopping: c.earlyStopping ? 1 : 0
        case .patience: Double(c.patience)
        case .optimizer: Double(Optimizer.allCases.firstIndex(of: c.optimizer) ?? 0)
        case .hidden: Double(c.layers.first ?? 1)
        case .layers: Double(max(1, c.layers.count))
        case .activation: Double(Activation.allCases.firstIndex(of: c.activation) ?? 0)
        case .noise: c.noise
        case .seed: Double(c.seed)
        }
    }

    func assign(_ v: Double, to c: inout TrainingConfig) {
        let n = Int(v.rounded())
        switch self {
        case .learningRate: c.lr = v
        case .batch: c.batch = n
        case .epochs: c.epochs = n
        case .schedule: c.schedule = Schedule.allCases[n]
        case .decay: c.gamma = v
        case .stepSize: c.stepSize = max(1, n)
        case .warmup: c.warmup = n
        case .earlyStopping: c.earlyStopping = n == 1
        case .patience: c.patience = n
        case .optimizer: c.optimizer = Optimizer.allCases[n]
        case .hidden: c.layers = c.layers.isEmpty ? [n] : c.layers.map { _ in n }
        case .layers: c.layers = Array(repeating: c.layers.first ?? 64, count: max(1, n))
        case .activation: c.activation = Activation.allCases[n]
        case .noise: c.noise = v
        case .seed: c.seed = UInt64(n)
        }
    }

    /// Rates and widths are compared on a log scale, everything else linearly.
    private var isLogarithmic: Bool { self == .learningRate || self == .hidden }

    func positionCount(_ c: TrainingConfig) -> Int { ladder(c).count }

    /// The rung nearest the config's value.
    func position(_ c: TrainingConfig) -> Int {
        let v = value(c)
        let distance: (Double) -> Double = isLogarithmic && v > 0
            ? { abs(log($0) - log(v)) } : { abs($0 - v) }
        let rungs = ladder(c)
        return rungs.indices.min(by: { distance(rungs[$0]) < distance(rungs[$1]) }) ?? 0
    }

    func set(position p: Int, _ c: inout TrainingConfig) {
        let rungs = ladder(c)
        assign(rungs[min(max(0, p), rungs.count - 1)], to: &c)
    }

    /// Moves to the next rung above (delta > 0) or below; false at either end.
    @discardableResult
    func step(_ delta: Int, _ c: inout TrainingConfig) -> Bool {
        let rungs = ladder(c)
        let v = value(c)
        let tolerance = 1e-9 * max(1, abs(v))
        let target = delta > 0 ? rungs.first(where: { $0 > v + tolerance }) : rungs.last(where: { $0 < v - tolerance })
        guard let target else { return false }
        assign(target, to: &c)
        return true
    }
}

/// Numbers as a learner would write them: 0.0003 rather than 3e-04.
enum SandboxFormat {
    static func decimal(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        for digits in 0...6 {
            let s = String(format: "%.\(digits)f", v)
            if let back = Double(s), abs(back - v) <= 1e-9 * max(1, abs(v)) { return s }
        }
        return String(format: "%.3g", v)
    }

    static func ratio(_ v: Double) -> String {
        String(format: v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v)
    }
}
