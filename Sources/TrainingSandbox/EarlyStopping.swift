/// Keras 3 `EarlyStopping(monitor: "val_loss", mode: "min")`, start_from_epoch 0, no baseline.
///
/// At each epoch end: wait += 1; an improvement is `current < best − |min_delta|` (the first value
/// always counts) and resets wait; otherwise, once wait ≥ patience (and past the first epoch),
/// training stops. So it stops at best_epoch + patience. restore_best_weights puts the best
/// weights back when training ends, stopped early or not.
public struct EarlyStopping: Sendable, Equatable {
    public let patience: Int
    public let minDelta: Double
    public private(set) var best: Double?
    /// 0-based epoch of the best value.
    public private(set) var bestEpoch: Int?
    public private(set) var wait = 0
    /// 0-based epoch at which it asked to stop.
    public private(set) var stoppedEpoch: Int?

    public init(patience: Int, minDelta: Double) {
        self.patience = patience
        self.minDelta = Swift.abs(minDelta)
    }

    public enum Verdict: Equatable, Sendable { case improved, waiting, stop }

    public mutating func observe(epoch: Int, value current: Double) -> Verdict {
        wait += 1
        if best == nil || current < best! - minDelta {
            best = current
            bestEpoch = epoch
            wait = 0
            return .improved
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            return .stop
        }
        return .waiting
    }
}
