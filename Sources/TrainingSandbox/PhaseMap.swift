#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
import Dispatch
import Synchronization

/// The diagnosis over a grid of settings: learning rate (rows) × epochs or batch size (columns).
/// Every cell is what a run with that setting would end in; nothing is interpolated.
public struct PhaseMap: Sendable, Equatable {
    public enum Axis: String, Sendable, CaseIterable, Codable {
        case epochs, batch
    }

    public struct Cell: Sendable, Equatable {
        public var lr: Double
        /// Epochs or batch size, by the map's axis.
        public var value: Int
        public var state: FitState?
        public var kind: InstabilityKind?
        /// Of the final model (nil once a loss stopped being finite).
        public var trainLoss: Double?
        public var validationLoss: Double?
        /// Only a sandbox knows it: the final model against the noise-free function.
        public var trueError: Double?
        /// Epochs actually trained (fewer than planned after divergence or early stopping).
        public var epochsRun: Int
    }

    public var axis: Axis
    /// The config the map varies (its other settings hold for every cell).
    public var base: TrainingConfig
    public var learningRates: [Double]
    public var values: [Int]
    /// `cells[row][column]`: row = learning rate, column = value; nil until computed.
    public var cells: [[Cell?]]

    public init(axis: Axis, base: TrainingConfig, learningRates: [Double]? = nil, values: [Int]? = nil) {
        self.axis = axis
        self.base = base
        self.learningRates = learningRates ?? Self.defaultLearningRates
        self.values = values ?? Self.defaultValues(axis, base)
        cells = Array(repeating: Array(repeating: nil, count: self.values.count), count: self.learningRates.count)
    }

    public var isComplete: Bool { cells.allSatisfy { $0.allSatisfy { $0 != nil } } }
    public var completedCount: Int { cells.reduce(0) { $0 + $1.count { $0 != nil } } }

    /// The sandbox slider's rungs from 1e-4 to 10 (1-3-10 steps, 11 rates): both the tiny rates that
    /// cannot learn in time and the large ones that blow up.
    public static let defaultLearningRates: [Double] = [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
    /// Up to 1000 epochs, where the default setup overfits.
    public static let defaultEpochs = [10, 20, 40, 80, 150, 300, 600, 1000]

    public static func defaultValues(_ axis: Axis, _ config: TrainingConfig) -> [Int] {
        switch axis {
        case .epochs: defaultEpochs
        case .batch: batchSizes(trainSize: config.trainSize)
        }
    }

    /// Up to eight sizes: the largest of 1, 2, 3, 4, 6, 8, 12, 16, 24, … below the training set, then
    /// the full batch (16 points: 1, 2, 3, 4, 6, 8, 12, 16 — some leave a small last batch).
    public static func batchSizes(trainSize n: Int) -> [Int] {
        var ladder: [Int] = []
        var k = 1
        while k < n {
            ladder.append(k)
            // 1, 2, 3, 4, 6, 8, 12, …: doubling, with the half-way step between powers of two from 2 on.
            k = k == 1 ? 2 : (k & (k - 1)) == 0 ? k * 3 / 2 : k * 4 / 3
        }
        return Array(ladder.suffix(7)) + [max(1, n)]
    }

    /// The config of one cell.
    public func config(row: Int, column: Int) -> TrainingConfig {
        var c = base
        c.lr = learningRates[row]
        switch axis {
        case .epochs: c.epochs = values[column]
        case .batch: c.batch = values[column]
        }
        return c
    }

    /// The cell nearest to the base config: the learning rate nearest on a log scale, the value nearest
    /// (log scale too) — where the learner's current setting is marked.
    public var currentPosition: (row: Int, column: Int) {
        func nearest(_ xs: [Double], _ x: Double) -> Int {
            xs.indices.min { Swift.abs(log(xs[$0]) - log(x)) < Swift.abs(log(xs[$1]) - log(x)) } ?? 0
        }
        let value = axis == .epochs ? base.epochs : base.effectiveBatch
        return (nearest(learningRates, base.lr), nearest(values.map(Double.init), Double(value)))
    }

    /// Whether one run per learning rate, cut at each epoch count, gives what a fresh run with that many
    /// epochs would: true when no setting looks at the total epochs (a cosine schedule does, early
    /// stopping ends runs and restores weights by its own count).
    public var reusesRuns: Bool {
        axis == .epochs && base.schedule != .cosine && !base.earlyStopping
    }

    /// A finished run as a cell.
    public static func cell(_ run: TrainingRun, lr: Double, value: Int) -> Cell {
        let final = run.finalRecord
        let finite = final?.isFinite == true
        let d = run.diagnosis
        return Cell(lr: lr, value: value, state: d?.state, kind: d?.kind,
                    trainLoss: finite ? final?.trainLoss : nil, validationLoss: finite ? final?.validationLoss : nil,
                    trueError: finite ? run.trueError : nil, epochsRun: run.epochsDone)
    }

    /// The cells of one row. With `reusesRuns`, one run trained to the largest epoch count and each
    /// cell diagnosed on its prefix of the history; otherwise a fresh run per cell. `onCell` hears each
    /// cell as it is done; `isCancelled` is polled between epochs.
    public func computeRow(_ row: Int, isCancelled: () -> Bool = { false },
                           onCell: (_ column: Int, Cell) -> Void = { _, _ in }) -> [Cell]? {
        var out: [Cell] = []
        if reusesRuns {
            var c = config(row: row, column: 0)
            let order = values.indices.sorted { values[$0] < values[$1] }
            c.epochs = values.max() ?? 1
            var run = TrainingRun(config: c)
            var byColumn = [Cell?](repeating: nil, count: values.count)
            for column in order {
                let e = values[column]
                while run.epochsDone < e && !run.isFinished {
                    if isCancelled() { return nil }
                    run.step()
                }
                let cell = Self.prefixCell(run, epochs: e, lr: c.lr)
                byColumn[column] = cell
                onCell(column, cell)
            }
            out = byColumn.map { $0! }
        } else {
            for column in values.indices {
                var run = TrainingRun(config: config(row: row, column: column))
                while !run.isFinished {
                    if isCancelled() { return nil }
                    run.step()
                }
                let cell = Self.cell(run, lr: learningRates[row], value: values[column])
                out.append(cell)
                onCell(column, cell)
            }
        }
        return out
    }

    /// The cell of a run with `epochs` epochs, read off a longer run that has trained at least that far
    /// (or ended sooner by diverging): its first `epochs` records, diagnosed as the shorter run would be.
    static func prefixCell(_ run: TrainingRun, epochs: Int, lr: Double) -> Cell {
        let history = Array(run.history.prefix(epochs))
        var c = run.config
        c.epochs = epochs
        let d = Diagnosis.classify(history: history, initialTrainLoss: run.initialTrainLoss, noiseFloor: run.noiseFloor,
                                   targetVariance: run.trainingData.targetVariance,
                                   context: DiagnosisContext(c, stoppedEpoch: nil))
        let final = history.last
        let finite = final?.isFinite == true
        // The weights are those of epoch `epochs` exactly when the run has not gone past it.
        let trueError = finite && run.epochsDone == history.count ? run.trueError : nil
        return Cell(lr: lr, value: epochs, state: d?.state, kind: d?.kind,
                    trainLoss: finite ? final?.trainLoss : nil, validationLoss: finite ? final?.validationLoss : nil,
                    trueError: trueError, epochsRun: history.count)
    }

    /// Fills the whole map, `workers` rows at a time (each worker takes the next row not yet started),
    /// calling `onCell` from the workers as cells finish. Returns nil when cancelled.
    public func computed(workers: Int = 2, isCancelled: @escaping @Sendable () -> Bool = { false },
                         onCell: @escaping @Sendable (_ row: Int, _ column: Int, Cell) -> Void = { _, _, _ in }) -> PhaseMap? {
        let rows = learningRates.count
        let next = Atomic<Int>(0)
        let results = Mutex<[[Cell]?]>(Array(repeating: nil, count: rows))
        let map = self
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, rows))) { _ in
            while true {
                let taken = next.add(1, ordering: .relaxed).oldValue
                guard taken < rows, !isCancelled() else { return }
                let row = taken
                guard let cells = map.computeRow(row, isCancelled: isCancelled, onCell: { onCell(row, $0, $1) }) else { return }
                results.withLock { $0[row] = cells }
            }
        }
        let rowsDone = results.withLock { $0 }
        guard !isCancelled(), rowsDone.allSatisfy({ $0 != nil }) else { return nil }
        var out = self
        out.cells = rowsDone.map { $0!.map(Optional.some) }
        return out
    }

    /// Puts one cell in (progress from `computed`).
    public mutating func set(row: Int, column: Int, _ cell: Cell) {
        guard cells.indices.contains(row), cells[row].indices.contains(column) else { return }
        cells[row][column] = cell
    }
}
