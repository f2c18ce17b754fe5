import Foundation
import TerminalUI
import TrainingSandbox

/// The sandbox's tools beside the live run: the learning-rate finder (`f`), the phase map (`m`) and a
/// pinned run to compare with (`g`). Both searches run as background jobs; their results come back
/// as messages stamped with a generation, so a result for settings since changed is dropped.
struct SandboxAnalysis {
    enum Overlay: Equatable { case none, finder, phaseMap }
    var overlay: Overlay = .none

    /// The last sweep and the config it ran on; nil until `f`.
    var finder: LRFinder?
    var finderConfig: TrainingConfig?
    var finderRunning = false

    var map: PhaseMap?
    var mapAxis: PhaseMap.Axis = .epochs
    var mapRunning = false
    var cursor = (row: 0, column: 0)

    /// The run pinned with `g`: drawn as a ghost, compared in the diagnosis panel.
    var pinned: TrainingRun?

    private(set) var generation = 0

    struct FinderDone: Sendable {
        var generation: Int
        var finder: LRFinder
    }

    struct CellDone: Sendable {
        var generation: Int
        var row: Int
        var column: Int
        var cell: PhaseMap.Cell
    }

    struct MapDone: Sendable {
        var generation: Int
        var map: PhaseMap?
    }

    static let finderKey = "lr-find"
    static let mapKey = "phase-map"

    /// Takes a finder or map message; false for any other.
    mutating func receive(_ m: JobMessage) -> Bool {
        if let done = m.payload(as: FinderDone.self) {
            if done.generation == generation {
                finder = done.finder
                finderRunning = false
            }
            return true
        }
        if let done = m.payload(as: CellDone.self) {
            if done.generation == generation { map?.set(row: done.row, column: done.column, done.cell) }
            return true
        }
        if let done = m.payload(as: MapDone.self) {
            if done.generation == generation {
                if let result = done.map { map = result }
                mapRunning = false
            }
            return true
        }
        return false
    }

    /// Starts a sweep on the run's data and initial weights.
    mutating func startFinder(_ run: TrainingRun, _ ctx: AppContext) {
        generation += 1
        finder = nil
        finderConfig = run.config
        finderRunning = true
        overlay = .finder
        let generation = generation
        ctx.perform(.run(Job(key: Self.finderKey) { job in
            FinderDone(generation: generation, finder: LRFinder.sweep(run, isCancelled: { job.isCancelled }))
        }))
    }

    /// The settings a map varies are blanked, so one map serves every point of its own grid.
    static func mapKey(_ c: TrainingConfig, _ axis: PhaseMap.Axis) -> TrainingConfig {
        var c = c
        c.lr = 0
        switch axis {
        case .epochs: c.epochs = 0
        case .batch: c.batch = 0
        }
        return c
    }

    /// Opens the map for `config`: the one already made when it still applies, else a new one that
    /// fills in cell by cell.
    mutating func openMap(_ config: TrainingConfig, _ ctx: AppContext) {
        overlay = .phaseMap
        if let map, map.axis == mapAxis, Self.mapKey(map.base, mapAxis) == Self.mapKey(config, mapAxis) {
            self.map?.base = config   // moves the "current" mark only
            if !mapRunning { cursor = self.map!.currentPosition }
            return
        }
        generation += 1
        finderRunning = false
        let fresh = PhaseMap(axis: mapAxis, base: config)
        map = fresh
        mapRunning = true
        cursor = fresh.currentPosition
        let generation = generation
        let gate = ProgressGate()
        ctx.perform(.run(Job(key: Self.mapKey) { job in
            let done = fresh.computed(workers: 2, isCancelled: { job.isCancelled }, onCell: { row, column, cell in
                gate.send { job.progress(CellDone(generation: generation, row: row, column: column, cell: cell)) }
            })
            return MapDone(generation: generation, map: done)
        }))
    }

    mutating func moveCursor(rows: Int, columns: Int) {
        guard let map else { return }
        cursor.row = min(max(0, cursor.row + rows), map.learningRates.count - 1)
        cursor.column = min(max(0, cursor.column + columns), map.values.count - 1)
    }

    /// Forgets any search in flight (the screen is closing an overlay for good or the data changed).
    mutating func cancelSearches(_ ctx: AppContext) {
        if finderRunning || mapRunning {
            generation += 1
            if finderRunning { ctx.perform(.cancel(JobSlot(key: Self.finderKey))) }
            if mapRunning { ctx.perform(.cancel(JobSlot(key: Self.mapKey))) }
            finderRunning = false
            mapRunning = false
            if map?.isComplete == false { map = nil }
        }
    }

    /// The suggestion rounded to two significant digits (what a learner would type).
    var suggestedRate: Double? {
        guard let s = finder?.suggested, s > 0 else { return nil }
        return Double(String(format: "%.2g", s))
    }
}

/// Workers report cells one at a time: the inline job runner of tests collects them in a plain array.
private final class ProgressGate: @unchecked Sendable {
    private let lock = NSLock()
    func send(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }
}

/// What changed between the pinned run and the live one: the settings, then the outcome.
enum SandboxComparison {
    /// `key old → new` for each setting that differs, in the config's declaration order (read by
    /// reflection, so settings added later are compared too).
    static func changedSettings(from old: TrainingConfig, to new: TrainingConfig, arrow: String = "→") -> [String] {
        let a = Mirror(reflecting: old).children, b = Array(Mirror(reflecting: new).children)
        return zip(a, b).compactMap { x, y in
            guard let key = x.label else { return nil }
            let (before, after) = (describe(x.value), describe(y.value))
            return before == after ? nil : "\(key) \(before) \(arrow) \(after)"
        }
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case let b as Bool: b ? "on" : "off"
        case let d as Double: SandboxFormat.decimal(d)
        case let list as [Int]: list.map(String.init).joined(separator: ",")
        default: "\(value)"
        }
    }
}
