import Foundation

/// The four states of the study article: 適切な汎化 / 過適合 / 過少適合 / 不安定な学習.
public enum FitState: String, Sendable, Codable, CaseIterable {
    case good, overfitting, underfitting, unstable
}

public enum InstabilityKind: String, Sendable, Codable, CaseIterable {
    /// A loss became NaN or infinite.
    case diverged
    /// Training loss jumped far above where it started.
    case spiking
    /// Training loss keeps swinging instead of settling.
    case oscillating
}

/// What the curves say, with the evidence in one line of English and one of Japanese.
public struct Diagnosis: Sendable, Equatable {
    public var state: FitState
    public var kind: InstabilityKind?
    public var reason: String
    public var reasonJA: String

    /// Thresholds, checked in this order (the first that applies wins).
    public enum Rule {
        /// Spiking: the highest training loss exceeds this multiple of the untrained loss, or a
        /// loss in the second half exceeds it times the lowest loss before it (at least the
        /// noise floor).
        public static let spikeFactor = 3.0
        /// Oscillating: over the last `tailFraction` of epochs (at least `tailMinimum`), the
        /// epoch-to-epoch swing of the training loss, √(mean(Δ²)/2) (the standard deviation for
        /// pure noise; near 0 for a smooth trend), exceeds this fraction of the mean loss — or of
        /// the noise floor when the mean is below it (tiny losses wobbling in relative terms are fine).
        public static let oscillationRatio = 0.25
        public static let tailFraction = 0.2
        public static let tailMinimum = 5
        /// Underfitting: final training loss above this multiple of the noise floor
        /// (or above `underfitVarianceShare` of the target variance, whichever is larger).
        public static let underfitFactor = 2.5
        public static let underfitVarianceShare = 0.05
        /// Overfitting: final validation loss above this multiple of its minimum, the minimum
        /// lying in the first `overfitMinimumBy` of the epochs run.
        public static let overfitFactor = 1.3
        public static let overfitMinimumBy = 0.7
        /// Overfitting, milder rise: val above `memorisingRise` × its minimum while the training
        /// loss fell below `memorisingFloorShare` of the noise floor and below
        /// `memorisingTrainDrop` of its value at the validation minimum (fitting the noise).
        public static let memorisingRise = 1.1
        public static let memorisingFloorShare = 0.25
        public static let memorisingTrainDrop = 0.5
    }

    /// nil before the first epoch.
    public static func of(_ run: TrainingRun) -> Diagnosis? {
        classify(history: run.history, initialTrainLoss: run.initialTrainLoss, noiseFloor: run.noiseFloor,
                 targetVariance: run.trainingData.targetVariance, restoredEpoch: run.restoredEpoch)
    }

    /// The verdict for a loss history. `restoredEpoch` (1-based) names the record that describes
    /// the final model when early stopping restored its weights; otherwise the last one does.
    public static func classify(history: [EpochRecord], initialTrainLoss: Double, noiseFloor floor: Double,
                                targetVariance: Double, restoredEpoch: Int? = nil) -> Diagnosis? {
        guard let final = restoredEpoch.map({ history[$0 - 1] }) ?? history.last else { return nil }

        if let bad = history.first(where: { !$0.isFinite }) {
            return Diagnosis(
                state: .unstable, kind: .diverged,
                reason: "loss became \(bad.trainLoss.isNaN || bad.validationLoss.isNaN ? "NaN" : "infinite") at epoch \(bad.epoch): the updates blew up (lr \(num(bad.lr)))",
                reasonJA: "エポック \(bad.epoch) で損失が発散しました (\(bad.trainLoss.isNaN || bad.validationLoss.isNaN ? "NaN" : "無限大"))。更新が大きすぎます (学習率 \(num(bad.lr)))")
        }

        let lossScale = max(floor, Rule.underfitVarianceShare * targetVariance)
        let start = initialTrainLoss
        if let peak = history.max(by: { $0.trainLoss < $1.trainLoss }), peak.trainLoss > Rule.spikeFactor * start {
            let times = ratio(peak.trainLoss / start)
            return Diagnosis(
                state: .unstable, kind: .spiking,
                reason: "train loss jumped to \(num(peak.trainLoss)) at epoch \(peak.epoch), \(times)× its starting value \(num(start))",
                reasonJA: "訓練損失がエポック \(peak.epoch) で \(num(peak.trainLoss)) に跳ね上がりました (開始時 \(num(start)) の \(times) 倍)")
        }

        // A jump in the second half far above the best loss reached before it (at least the
        // noise-floor scale, so wobbles of tiny losses do not count). Early turbulence that has
        // settled since is not "fails to converge".
        var lowest = Double.infinity
        var lowestEpoch = 0
        for record in history {
            if 2 * record.epoch > history.count, lowest.isFinite,
               record.trainLoss > Rule.spikeFactor * max(lowest, lossScale) {
                let times = ratio(record.trainLoss / lowest)
                return Diagnosis(
                    state: .unstable, kind: .spiking,
                    reason: "train loss jumped to \(num(record.trainLoss)) at epoch \(record.epoch), \(times)× its earlier low \(num(lowest)) (epoch \(lowestEpoch))",
                    reasonJA: "訓練損失がエポック \(record.epoch) で \(num(record.trainLoss)) に跳ね上がりました (エポック \(lowestEpoch) の最低値 \(num(lowest)) の \(times) 倍)")
            }
            if record.trainLoss < lowest { (lowest, lowestEpoch) = (record.trainLoss, record.epoch) }
        }

        let tailCount = max(Rule.tailMinimum, Int((Double(history.count) * Rule.tailFraction).rounded()))
        if history.count >= 2 * Rule.tailMinimum {
            let tail = history.suffix(tailCount).map(\.trainLoss)
            let mean = tail.reduce(0, +) / Double(tail.count)
            // Epoch-to-epoch jumps, not spread around the mean: a steadily falling curve is calm.
            let steps = zip(tail.dropFirst(), tail).map { ($0 - $1) * ($0 - $1) }
            let swing = (steps.reduce(0, +) / Double(steps.count) / 2).squareRoot()
            if swing / max(mean, lossScale) > Rule.oscillationRatio {
                let percent = Int((100 * swing / mean).rounded())
                return Diagnosis(
                    state: .unstable, kind: .oscillating,
                    reason: "over the last \(tail.count) epochs train loss jumps by ±\(percent)% from epoch to epoch around \(num(mean)) instead of settling",
                    reasonJA: "直近 \(tail.count) エポックの訓練損失が \(num(mean)) 前後でエポックごとに ±\(percent)% 上下し、収束していません")
            }
        }

        let threshold = max(Rule.underfitFactor * floor, Rule.underfitVarianceShare * targetVariance)
        if final.trainLoss > threshold {
            let falling = history.count >= 2 && final.epoch == history.count
                && history[history.count - 1].trainLoss < history[max(0, history.count - 1 - max(1, history.count / 10))].trainLoss
            let reference = floor > 0 ? "\(ratio(final.trainLoss / floor))× the noise floor \(num(floor))" : "above \(num(threshold))"
            let referenceJA = floor > 0 ? "ノイズの下限 \(num(floor)) の \(ratio(final.trainLoss / floor)) 倍" : "\(num(threshold)) を上回る値"
            return Diagnosis(
                state: .underfitting, kind: nil,
                reason: "train loss \(num(final.trainLoss)) is still \(reference)\(falling ? " and still falling: it needs more learning" : ": the model has not learned the pattern")",
                reasonJA: "訓練損失 \(num(final.trainLoss)) はまだ\(referenceJA)です\(falling ? "。まだ下がり続けており、学習が足りません" : "。パターンを学習できていません")")
        }
        // Validation still high while training is not below the noise: not learned (yet), as
        // opposed to overfitting, where the training loss sinks under the noise floor.
        if final.validationLoss > threshold && final.trainLoss > floor {
            return Diagnosis(
                state: .underfitting, kind: nil,
                reason: "val loss \(num(final.validationLoss)) is still \(ratio(final.validationLoss / max(floor, 1e-12)))× the noise floor \(num(floor)) and train loss \(num(final.trainLoss)) is not below it: the model has not learned the pattern yet",
                reasonJA: "検証損失 \(num(final.validationLoss)) はまだノイズの下限 \(num(floor)) の \(ratio(final.validationLoss / max(floor, 1e-12))) 倍で、訓練損失 \(num(final.trainLoss)) もそれを下回っていません。まだパターンを学習できていません")
        }

        if let lowest = history.min(by: { $0.validationLoss < $1.validationLoss }),
           Double(lowest.epoch) <= Rule.overfitMinimumBy * Double(history.count) {
            let rise = final.validationLoss / lowest.validationLoss
            let times = ratio(rise)
            let trainFell = final.trainLoss < lowest.trainLoss
            if rise > Rule.overfitFactor {
                return Diagnosis(
                    state: .overfitting, kind: nil,
                    reason: "val loss is \(times)× its minimum (epoch \(lowest.epoch))\(trainFell ? " while train loss keeps falling" : "")",
                    reasonJA: "検証損失が最小値 (エポック \(lowest.epoch)) の \(times) 倍に上がる\(trainFell ? "一方、訓練損失は下がり続けています" : "状態です")")
            }
            if rise > Rule.memorisingRise, final.trainLoss < floor * Rule.memorisingFloorShare,
               final.trainLoss < Rule.memorisingTrainDrop * lowest.trainLoss {
                return Diagnosis(
                    state: .overfitting, kind: nil,
                    reason: "val loss is \(times)× its minimum (epoch \(lowest.epoch)) while train loss fell to \(num(final.trainLoss)), far below the noise floor \(num(floor)): the model is memorising noise",
                    reasonJA: "検証損失が最小値 (エポック \(lowest.epoch)) の \(times) 倍に上がり、訓練損失はノイズの下限 \(num(floor)) を大きく下回る \(num(final.trainLoss)) まで下がっています。ノイズを丸暗記しています")
            }
        }

        let restored = restoredEpoch.map { " (weights restored from epoch \($0))" } ?? ""
        let restoredJA = restoredEpoch.map { " (エポック \($0) の重みに復元済み)" } ?? ""
        return Diagnosis(
            state: .good, kind: nil,
            reason: "train \(num(final.trainLoss)) and val \(num(final.validationLoss)) are both low (noise floor \(num(floor))) and val stays near its minimum\(restored)",
            reasonJA: "訓練損失 \(num(final.trainLoss)) と検証損失 \(num(final.validationLoss)) がともに低く (ノイズの下限 \(num(floor)))、検証損失も最小値付近です\(restoredJA)")
    }

    /// Three significant digits, e.g. 0.0955, 1.53e+03.
    static func num(_ x: Double) -> String { String(format: "%.3g", x) }

    static func ratio(_ x: Double) -> String { String(format: x < 10 ? "%.1f" : "%.0f", x) }
}
