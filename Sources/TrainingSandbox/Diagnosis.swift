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

/// Why a run is in its state, and the card that teaches it.
public enum DiagnosisCause: String, Sendable, Codable, CaseIterable {
    /// Underfitting, the training loss still falling when the epochs ran out.
    case stillFalling
    /// Underfitting, steps too small (a low rate, or a schedule that decayed it).
    case learningRateTooLow
    /// Underfitting, the loss has levelled off above the noise floor with few hidden units.
    case tooLittleCapacity
    /// Underfitting, early stopping ended the run before the model had learned.
    case stoppedTooEarly
    /// Overfitting: trained past the best validation epoch.
    case trainedTooLong
    /// Unstable: steps too large.
    case learningRateTooHigh
    /// Unstable: each epoch ends on a batch of a few points.
    case leftoverBatch
    /// Unstable: batches so small that every update is noisy.
    case smallBatchNoise

    public var card: String {
        switch self {
        case .stillFalling: "hp-epochs-too-few"
        case .learningRateTooLow: "hp-learning-rate-too-low"
        case .tooLittleCapacity: "hp-underfit-capacity"
        case .stoppedTooEarly: "hp-early-stopping-patience"
        case .trainedTooLong: "hp-overfitting-remedies"
        case .learningRateTooHigh: "hp-unstable-remedies"
        case .leftoverBatch: "hp-leftover-batch"
        case .smallBatchNoise: "hp-small-batch-noise"
        }
    }
}

/// The settings behind a history that a verdict's cause depends on.
public struct DiagnosisContext: Sendable, Equatable {
    public var batch: Int
    public var trainSize: Int
    public var dropLast: Bool
    public var hiddenUnits: Int
    public var optimizer: Optimizer
    public var epochs: Int
    public var stoppedEpoch: Int?
    public var patience: Int

    public init(batch: Int = 16, trainSize: Int = 16, dropLast: Bool = false, hiddenUnits: Int = 64,
                optimizer: Optimizer = .adam, epochs: Int = 80, stoppedEpoch: Int? = nil, patience: Int = 20) {
        self.batch = batch
        self.trainSize = trainSize
        self.dropLast = dropLast
        self.hiddenUnits = hiddenUnits
        self.optimizer = optimizer
        self.epochs = epochs
        self.stoppedEpoch = stoppedEpoch
        self.patience = patience
    }

    public init(_ config: TrainingConfig, stoppedEpoch: Int?) {
        self.init(batch: config.effectiveBatch, trainSize: config.trainSize, dropLast: config.dropLast,
                  hiddenUnits: config.layers.reduce(0, +), optimizer: config.optimizer, epochs: config.epochs,
                  stoppedEpoch: stoppedEpoch, patience: config.patience)
    }

    public var updatesPerEpoch: Int {
        let b = max(1, min(batch, trainSize))
        return dropLast ? max(1, trainSize / b) : (trainSize + b - 1) / b
    }

    /// Points in each epoch's last, smaller batch (0 if none or dropped).
    public var leftover: Int { dropLast || batch >= trainSize ? 0 : trainSize % batch }
}

/// What the curves say: the state, the evidence in one line, and (when there is one) the cause,
/// its cure and the card that teaches it. In English and Japanese.
public struct Diagnosis: Sendable, Equatable {
    public var state: FitState
    public var kind: InstabilityKind?
    public var reason: String
    public var reasonJA: String
    public var cause: DiagnosisCause?
    /// What to try, one short sentence.
    public var advice: String = ""
    public var adviceJA: String = ""

    /// The card to open for this verdict: the cause's, else nil (the state's card).
    public var card: String? { cause?.card }

    /// Thresholds. Every rule reads only what a practitioner sees: the two loss curves, the
    /// noise floor σ² and the settings. The sandbox's ground truth is what they are judged against.
    public enum Rule {
        /// Spiking: the highest training loss exceeds this multiple of the untrained loss, or a
        /// loss in the second half exceeds it times the lowest loss before it.
        public static let spikeFactor = 3.0
        /// Oscillating: over the last `tailFraction` of epochs (at least `tailMinimum`), the
        /// epoch-to-epoch swing of the training loss, √(mean(Δ²)/2), exceeds this fraction of the
        /// mean loss (or of the loss scale when the mean is below it).
        public static let oscillationRatio = 0.25
        public static let tailFraction = 0.2
        public static let tailMinimum = 5
        /// Losses are compared with max(σ², this share of the target variance), so noise-free data
        /// still has a scale.
        public static let varianceShare = 0.03
        /// Overfitting: training loss below the noise floor while validation ends at least
        /// `overfitRise` × its minimum; or training loss under `memorisingShare` × the floor while
        /// validation ends `memorisingRise` × its minimum, reached before the last tenth of the run.
        public static let overfitRise = 1.3
        public static let memorisingShare = 0.7
        public static let memorisingRise = 1.1
        /// The validation minimum counts as past once it lies in the first 90% of the epochs.
        public static let turnedBy = 0.9
        /// Underfitting: training and validation loss both above `underfitFactor` × the loss scale,
        /// or training loss alone above `clearUnderfitFactor` × it.
        public static let underfitFactor = 1.25
        public static let clearUnderfitFactor = 2.5
        /// Still falling: training loss fell by more than this share over the last tenth of the run.
        public static let fallingShare = 0.03
        /// Too little capacity: at most this many hidden units in all.
        public static let smallCapacity = 8
        /// Too low: an Adam rate below 1e-3 (SGD: below 1e-2) in the last epoch.
        public static let lowAdamRate = 1e-3
        public static let lowSGDRate = 1e-2
    }

    /// nil before the first epoch.
    public static func of(_ run: TrainingRun) -> Diagnosis? {
        classify(history: run.history, initialTrainLoss: run.initialTrainLoss, noiseFloor: run.noiseFloor,
                 targetVariance: run.lossTargetVariance, restoredEpoch: run.restoredEpoch,
                 context: DiagnosisContext(run.config, stoppedEpoch: run.stoppedEpoch))
    }

    /// The verdict for a loss history. `restoredEpoch` (1-based) names the record that describes
    /// the final model when early stopping restored its weights; otherwise the last one does.
    public static func classify(history: [EpochRecord], initialTrainLoss: Double, noiseFloor floor: Double,
                                targetVariance: Double, restoredEpoch: Int? = nil,
                                context: DiagnosisContext = DiagnosisContext()) -> Diagnosis? {
        guard let final = restoredEpoch.map({ history[$0 - 1] }) ?? history.last else { return nil }
        if let unstable = instability(history, initialTrainLoss: initialTrainLoss, floor: floor,
                                      targetVariance: targetVariance, context: context) {
            return unstable
        }
        // Judge the model that is kept: after a restore, later epochs were undone.
        let seen = history.prefix(final.epoch)
        let scale = max(floor, Rule.varianceShare * targetVariance)
        let lowest = seen.min(by: { $0.validationLoss < $1.validationLoss })!
        let rise = final.validationLoss / lowest.validationLoss
        // "Still rising" would be the natural test, but validation wobbles by more than the trend;
        // a minimum that is not recent is the steadier sign that the curve has turned.
        let turned = Double(lowest.epoch) <= Rule.turnedBy * Double(final.epoch)
        let underNoise = final.trainLoss < floor
        let memorising = final.trainLoss < Rule.memorisingShare * floor
        if (underNoise && rise >= Rule.overfitRise) || (memorising && rise >= Rule.memorisingRise && turned) {
            return overfitting(final: final, lowest: lowest, rise: rise, floor: floor, memorising: memorising)
        }
        let trainHigh = final.trainLoss > Rule.clearUnderfitFactor * scale
        if trainHigh || (final.trainLoss > Rule.underfitFactor * scale && final.validationLoss > Rule.underfitFactor * scale) {
            return underfitting(Array(seen), final: final, floor: floor, scale: scale, context: context)
        }
        let restored = restoredEpoch.map { " (weights restored from epoch \($0))" } ?? ""
        let restoredJA = restoredEpoch.map { " (エポック \($0) の重みに復元済み)" } ?? ""
        return Diagnosis(
            state: .good, kind: nil,
            reason: "train \(num(final.trainLoss)) and val \(num(final.validationLoss)) are near the noise floor \(num(floor)) and val is \(rise < 1.05 ? "at" : "near") its minimum\(restored)",
            reasonJA: "訓練損失 \(num(final.trainLoss)) と検証損失 \(num(final.validationLoss)) はノイズの下限 \(num(floor)) に近く、検証損失も最小値\(rise < 1.05 ? "にあります" : "の近くです")\(restoredJA)")
    }

    private static func instability(_ history: [EpochRecord], initialTrainLoss start: Double, floor: Double,
                                    targetVariance: Double, context: DiagnosisContext) -> Diagnosis? {
        let lr = history.map(\.lr).max() ?? 0
        if let bad = history.first(where: { !$0.isFinite }) {
            let what = bad.trainLoss.isNaN || bad.validationLoss.isNaN ? "NaN" : "infinite"
            return Diagnosis(
                state: .unstable, kind: .diverged,
                reason: "loss became \(what) at epoch \(bad.epoch): the updates blew up (lr \(num(bad.lr)))",
                reasonJA: "エポック \(bad.epoch) で損失が発散しました (\(what == "NaN" ? "NaN" : "無限大"))。更新が大きすぎます (学習率 \(num(bad.lr)))",
                cause: .learningRateTooHigh,
                advice: "Lower the learning rate, or warm it up.",
                adviceJA: "学習率を下げるか、ウォームアップしてください。")
        }
        let scale = max(floor, Rule.varianceShare * targetVariance)
        var found: (kind: InstabilityKind, reason: String, reasonJA: String)?
        if let peak = history.max(by: { $0.trainLoss < $1.trainLoss }), peak.trainLoss > Rule.spikeFactor * start {
            let times = ratio(peak.trainLoss / start)
            found = (.spiking, "train loss jumped to \(num(peak.trainLoss)) at epoch \(peak.epoch), \(times)× its starting value \(num(start))",
                     "訓練損失がエポック \(peak.epoch) で \(num(peak.trainLoss)) に跳ね上がりました (開始時 \(num(start)) の \(times) 倍)")
        }
        // A jump in the second half far above the best loss before it (at least the loss scale).
        if found == nil {
            var lowest = Double.infinity, lowestEpoch = 0
            for record in history {
                if 2 * record.epoch > history.count, lowest.isFinite, record.trainLoss > Rule.spikeFactor * max(lowest, scale) {
                    let times = ratio(record.trainLoss / lowest)
                    found = (.spiking, "train loss jumped to \(num(record.trainLoss)) at epoch \(record.epoch), \(times)× its earlier low \(num(lowest)) (epoch \(lowestEpoch))",
                             "訓練損失がエポック \(record.epoch) で \(num(record.trainLoss)) に跳ね上がりました (エポック \(lowestEpoch) の最低値 \(num(lowest)) の \(times) 倍)")
                    break
                }
                if record.trainLoss < lowest { (lowest, lowestEpoch) = (record.trainLoss, record.epoch) }
            }
        }
        let tailCount = max(Rule.tailMinimum, Int((Double(history.count) * Rule.tailFraction).rounded()))
        if found == nil, history.count >= 2 * Rule.tailMinimum {
            let tail = history.suffix(tailCount).map(\.trainLoss)
            let mean = tail.reduce(0, +) / Double(tail.count)
            // Epoch-to-epoch jumps, not spread around the mean: a steadily falling curve is calm.
            let steps = zip(tail.dropFirst(), tail).map { ($0 - $1) * ($0 - $1) }
            let swing = (steps.reduce(0, +) / Double(steps.count) / 2).squareRoot()
            if swing / max(mean, scale) > Rule.oscillationRatio {
                let percent = Int((100 * swing / mean).rounded())
                found = (.oscillating, "over the last \(tail.count) epochs train loss jumps by ±\(percent)% from epoch to epoch around \(num(mean)) instead of settling",
                         "直近 \(tail.count) エポックの訓練損失が \(num(mean)) 前後でエポックごとに ±\(percent)% 上下し、収束していません")
            }
        }
        guard let found else { return nil }
        var d = Diagnosis(state: .unstable, kind: found.kind, reason: found.reason, reasonJA: found.reasonJA)
        let c = context
        let fullBatches = c.trainSize / max(1, c.batch)
        if c.leftover > 0 && 2 * c.leftover <= c.batch {
            d.cause = .leftoverBatch
            d.advice = "Each epoch ends on a batch of only \(c.leftover) point\(c.leftover == 1 ? "" : "s") (\(c.trainSize) = \(fullBatches)×\(c.batch) + \(c.leftover)): a full step from so few noisy points causes the spikes. Drop the last batch, or pick a batch size that divides \(c.trainSize)."
            d.adviceJA = "各エポックの最後のバッチが \(c.leftover) 点しかありません (\(c.trainSize) = \(fullBatches)×\(c.batch) + \(c.leftover))。少数のノイズを含む点で通常の大きさの更新をするため損失が跳ねます。最後のバッチを捨てる (drop last) か、\(c.trainSize) を割り切れるバッチサイズにしてください。"
        } else if c.batch <= 2 && c.trainSize > 2 * c.batch {
            d.cause = .smallBatchNoise
            d.advice = "Batches of \(c.batch) make every update noisy: use a larger batch or a lower learning rate."
            d.adviceJA = "バッチ \(c.batch) では毎回の更新がノイズだらけです。バッチを大きくするか、学習率を下げてください。"
        } else {
            d.cause = .learningRateTooHigh
            d.advice = "The steps (lr up to \(num(lr))) are too large: lower the learning rate, warm it up or decay it."
            d.adviceJA = "更新 (学習率 最大 \(num(lr))) が大きすぎます。学習率を下げるか、ウォームアップや減衰を使ってください。"
        }
        return d
    }

    private static func overfitting(final: EpochRecord, lowest: EpochRecord, rise: Double, floor: Double, memorising: Bool) -> Diagnosis {
        let times = ratio(rise)
        return Diagnosis(
            state: .overfitting, kind: nil,
            reason: "train loss \(num(final.trainLoss)) is \(memorising ? "well " : "")under the noise floor \(num(floor)) while val is \(times)× its minimum (epoch \(lowest.epoch))\(memorising ? ": the model is memorising noise" : "")",
            reasonJA: "訓練損失 \(num(final.trainLoss)) がノイズの下限 \(num(floor)) を\(memorising ? "大きく" : "")下回る一方、検証損失は最小値 (エポック \(lowest.epoch)) の \(times) 倍です\(memorising ? "。ノイズを丸暗記しています" : "")",
            cause: .trainedTooLong,
            advice: "Stop near epoch \(lowest.epoch): fewer epochs or early stopping; more data or fewer hidden units also help.",
            adviceJA: "エポック \(lowest.epoch) 付近で止めてください (エポック数を減らす、早期停止)。データを増やす、隠れユニットを減らすのも有効です。")
    }

    private static func underfitting(_ history: [EpochRecord], final: EpochRecord, floor: Double, scale: Double,
                                     context c: DiagnosisContext) -> Diagnosis {
        let times = ratio(final.trainLoss / scale)
        let reference = floor > 0 ? "\(times)× the noise floor \(num(floor))" : "\(times)× the loss scale \(num(scale))"
        let referenceJA = floor > 0 ? "ノイズの下限 \(num(floor)) の \(times) 倍" : "損失の目安 \(num(scale)) の \(times) 倍"
        let back = history.count - 1 - max(1, history.count / 10)
        let falling = history.count >= 2 && final.epoch == history.count
            && final.trainLoss < (1 - Rule.fallingShare) * history[max(0, back)].trainLoss
        let lowRate = final.lr < (c.optimizer == .adam ? Rule.lowAdamRate : Rule.lowSGDRate)
        var d = Diagnosis(
            state: .underfitting, kind: nil,
            reason: "train loss \(num(final.trainLoss)) and val \(num(final.validationLoss)) are still high (train \(reference))",
            reasonJA: "訓練損失 \(num(final.trainLoss)) と検証損失 \(num(final.validationLoss)) がまだ高いままです (訓練損失は\(referenceJA))")
        if let stop = c.stoppedEpoch {
            d.cause = .stoppedTooEarly
            d.reason += "; early stopping ended at epoch \(stop)"
            d.reasonJA += "。早期停止がエポック \(stop) で止めました"
            d.advice = "Patience \(c.patience) was too short for this run: raise it."
            d.adviceJA = "この学習には待機エポック \(c.patience) が短すぎます。増やしてください。"
        } else if lowRate {
            d.cause = .learningRateTooLow
            d.reason += falling ? ", falling slowly" : ", barely moving"
            d.reasonJA += falling ? "。ゆっくりとしか下がっていません" : "。ほとんど動いていません"
            d.advice = "The learning rate \(num(final.lr)) is too low to get there: raise it (or decay it less)."
            d.adviceJA = "学習率 \(num(final.lr)) が低すぎて届きません。上げてください (または減衰を弱めてください)。"
        } else if !falling && c.hiddenUnits <= Rule.smallCapacity {
            d.cause = .tooLittleCapacity
            d.reason += " and no longer falling"
            d.reasonJA += "。もう下がっていません"
            d.advice = "\(c.hiddenUnits) hidden unit\(c.hiddenUnits == 1 ? "" : "s") cannot bend to the data: add hidden units."
            d.adviceJA = "隠れユニット \(c.hiddenUnits) 個ではデータの形に合わせられません。隠れユニットを増やしてください。"
        } else {
            // Enough units: what is missing is learning (too few epochs or updates).
            let updates = history.count * c.updatesPerEpoch
            d.cause = .stillFalling
            d.reason += falling ? " and still falling" : ", falling slowly"
            d.reasonJA += falling ? "。まだ下がり続けています" : "。ゆっくりとしか下がっていません"
            d.advice = "It needs more learning (\(updates) update\(updates == 1 ? "" : "s") in all): train longer, use smaller batches or raise the learning rate."
            d.adviceJA = "学習が足りません (更新は全部で \(updates) 回)。エポック数を増やすか、バッチを小さくするか、学習率を上げてください。"
        }
        return d
    }

    /// Three significant digits, e.g. 0.0955, 1.53e+03.
    public static func num(_ x: Double) -> String { String(format: "%.3g", x) }

    /// 1.3, 42, 1.5e+250: never hundreds of digits.
    static func ratio(_ x: Double) -> String {
        String(format: x < 10 ? "%.1f" : x < 1e4 ? "%.0f" : "%.2g", x)
    }
}

/// Each state's rule in words a learner reads (the `c` explanation and the README say the same).
public enum DiagnosisRules {
    public static func rule(_ state: FitState, japanese: Bool) -> String {
        switch (state, japanese) {
        case (.unstable, false):
            "Unstable: a loss became NaN or infinite, the training loss jumped above 3× its start (or an earlier low), or it still swings by over 25% per epoch at the end."
        case (.unstable, true):
            "不安定: 損失が NaN や無限大になった、訓練損失が開始時 (または途中の最低値) の 3 倍を超えて跳ね上がった、または終盤もエポックごとに 25% を超えて上下している。"
        case (.overfitting, false):
            "Overfitting: training loss under the noise floor σ² and validation loss ending ≥ 1.3× its minimum; or training loss well under σ² (< 0.7×) and validation ≥ 1.1× a minimum reached well before the end."
        case (.overfitting, true):
            "過学習: 訓練損失がノイズの下限 σ² を下回り、検証損失が最小値の 1.3 倍以上で終わる。または訓練損失が σ² を大きく (0.7 倍未満に) 下回り、検証損失がかなり前の最小値の 1.1 倍以上で終わる。"
        case (.underfitting, false):
            "Underfitting: training and validation loss both above 1.25× the noise floor (or training alone above 2.5×). Cause: still falling (train longer), learning rate too low, a plateau (too little capacity), or early stopping out of patience."
        case (.underfitting, true):
            "学習不足: 訓練損失と検証損失がどちらもノイズの下限の 1.25 倍を超えている (または訓練損失だけで 2.5 倍超)。原因: まだ下がっている (もっと学習する)、学習率が低すぎる、横ばい (表現力不足)、早期停止の待機が短い。"
        case (.good, false):
            "Good fit: none of the above: both losses near the noise floor, validation near its minimum."
        case (.good, true):
            "適切な汎化: 上のどれでもない。両方の損失がノイズの下限に近く、検証損失も最小値の近くにある。"
        }
    }

    /// The order the rules are checked in (the first that applies wins).
    public static let order: [FitState] = [.unstable, .overfitting, .underfitting, .good]
}
