import Foundation

/// How fast a live run advances: a tick rate, how many epochs a tick should cover so the curves
/// grow visibly (a run takes 2–4 s whatever its length), and a cap on the work done in one tick
/// so the screen keeps its frame rate when epochs are expensive (tiny batches, wide layers).
/// The clock is read only by the training job, off the loop, never by the screen's update.
public struct SandboxPacing: @unchecked Sendable {
    public var interval: Duration
    /// Epochs to train per tick for a run of the given length.
    public var epochsPerTick: (Int) -> Int
    /// Seconds of training allowed per tick; nil means no limit (deterministic tests).
    public var budget: Double?
    /// Monotonic seconds, read only when `budget` is set.
    public var clock: () -> Double

    public init(interval: Duration, epochsPerTick: @escaping (Int) -> Int, budget: Double?, clock: @escaping () -> Double) {
        self.interval = interval
        self.epochsPerTick = epochsPerTick
        self.budget = budget
        self.clock = clock
    }

    /// ~30 frames a second, at most 15 ms of training per frame.
    public static var live: SandboxPacing {
        SandboxPacing(interval: .milliseconds(33), epochsPerTick: Self.epochsPerTick(forRunOf:), budget: 0.015,
                      clock: { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 })
    }

    /// A fixed number of epochs per tick and no clock: the same ticks always give the same frames.
    public static func fixed(epochsPerTick n: Int) -> SandboxPacing {
        SandboxPacing(interval: .milliseconds(33), epochsPerTick: { _ in max(1, n) }, budget: nil, clock: { 0 })
    }

    /// A run of `epochs` should take about 2 s, growing to 4 s for 5000 epochs, at 30 ticks a second.
    public static func epochsPerTick(forRunOf epochs: Int) -> Int {
        let seconds = min(4, 2 + Double(epochs) / 2500)
        return max(1, Int((Double(epochs) / (seconds * 30)).rounded(.up)))
    }
}
