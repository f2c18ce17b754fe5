/// What a batch size costs and buys, for the sandbox's batch-size panel.
///
/// Time is modelled for parallel hardware (a GPU): one update step costs a fixed overhead plus a
/// small per-sample share (`parallelWidth` samples are processed for the price of one step), so
/// fewer, larger batches finish an epoch sooner. Memory per step is ∝ batch × widest layer (the
/// activations held for backpropagation).
public struct BatchTradeoff: Sendable, Equatable {
    public var batch: Int
    public var updatesPerEpoch: Int
    /// Modelled time of one epoch, relative to the full-batch epoch (1 = full batch).
    public var relativeEpochTime: Double
    /// Activation values held during one step: batch × widest layer.
    public var activationsPerStep: Int
    /// `activationsPerStep` relative to the full batch (1 = full batch).
    public var relativeMemory: Double

    public static let parallelWidth = 64.0

    public init(config: TrainingConfig, batch: Int) {
        let n = config.trainSize
        let b = max(1, min(batch, n))
        let widest = config.layerSizes.max() ?? 1
        self.batch = b
        updatesPerEpoch = (n + b - 1) / b
        func epochTime(_ batch: Int) -> Double {
            let updates = Double((n + batch - 1) / batch)
            return updates * (1 + Double(batch) / Self.parallelWidth)
        }
        relativeEpochTime = epochTime(b) / epochTime(n)
        activationsPerStep = b * widest
        relativeMemory = Double(b) / Double(n)
    }

    /// The trade-off for each batch size (clamped to the training set size).
    public static func table(config: TrainingConfig, batches: [Int]) -> [BatchTradeoff] {
        batches.map { BatchTradeoff(config: config, batch: $0) }
    }
}
