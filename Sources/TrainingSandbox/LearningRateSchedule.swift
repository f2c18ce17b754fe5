#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The learning rate of each epoch (0-based), stepped once per epoch like PyTorch schedulers.
///
/// Warm-up is PyTorch `LinearLR(start_factor: 1/(W+1), end_factor: 1, total_iters: W)`: epoch e < W
/// uses base·(e+1)/(W+1), reaching base at epoch W. The decay schedule then runs from epoch W as
/// if it started there (`SequentialLR` with milestone W):
/// - step:        base·γ^⌊e′/stepSize⌋            (StepLR)
/// - exponential: base·γ^e′                       (ExponentialLR)
/// - cosine:      ½·base·(1 + cos(π·e′/T)), T = epochs − W, η_min = 0 (CosineAnnealingLR)
/// where e′ = e − W.
public enum LearningRateSchedule {
    public static func rate(epoch: Int, config c: TrainingConfig) -> Double {
        let base = c.lr
        if epoch < c.warmup {
            let start = 1 / Double(c.warmup + 1)
            return base * (start + (1 - start) * Double(epoch) / Double(c.warmup))
        }
        let e = epoch - c.warmup
        switch c.schedule {
        case .constant:
            return base
        case .step:
            return base * pow(c.gamma, Double(e / max(1, c.stepSize)))
        case .exponential:
            return base * pow(c.gamma, Double(e))
        case .cosine:
            let period = max(1, c.epochs - c.warmup)
            return 0.5 * base * (1 + cos(Double.pi * Double(min(e, period)) / Double(period)))
        }
    }
}
