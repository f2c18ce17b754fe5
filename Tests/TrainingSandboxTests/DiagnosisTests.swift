import Testing
import TrainingSandbox

/// The classifier on hand-made loss curves (noise floor 0.09, targets of variance 0.6), each rule
/// just either side of its threshold.
@Suite struct DiagnosisTests {
    func history(train: [Double], validation: [Double], lr: Double = 0.01) -> [EpochRecord] {
        zip(train, validation).enumerated().map { EpochRecord(epoch: $0 + 1, lr: lr, trainLoss: $1.0, validationLoss: $1.1) }
    }

    func classify(_ h: [EpochRecord], initial: Double = 0.6, restored: Int? = nil,
                  context: DiagnosisContext = DiagnosisContext()) -> Diagnosis? {
        Diagnosis.classify(history: h, initialTrainLoss: initial, noiseFloor: 0.09, targetVariance: 0.6, restoredEpoch: restored,
                           context: context)
    }

    /// A curve falling from `start` to `end` over n epochs.
    func falling(_ n: Int, _ start: Double, _ end: Double) -> [Double] {
        (0..<n).map { start + (end - start) * Double($0) / Double(n - 1) }
    }

    func flat(_ n: Int, _ v: Double) -> [Double] { Array(repeating: v, count: n) }

    @Test func nothingBeforeTheFirstEpoch() {
        #expect(classify([]) == nil)
    }

    @Test func nonFiniteLossIsDiverged() throws {
        let d = try #require(classify(history(train: [0.5, 3, .infinity], validation: [0.5, 3, .nan], lr: 0.1)))
        #expect(d.state == .unstable && d.kind == .diverged && d.cause == .learningRateTooHigh)
        #expect(d.reason.contains("epoch 3") && d.reasonJA.contains("エポック 3"))
    }

    @Test func spikeAboveThreeTimesTheStartIsUnstable() throws {
        let d = try #require(classify(history(train: [2.0] + falling(30, 0.5, 0.05), validation: falling(31, 0.6, 0.1))))
        #expect(d.state == .unstable && d.kind == .spiking)
        #expect(d.reason.contains("epoch 1") && d.reason.contains("3.3×"))
        // Just below the factor is not a spike.
        #expect(classify(history(train: [1.7] + falling(30, 0.5, 0.05), validation: falling(31, 0.6, 0.1)))?.kind != .spiking)
    }

    @Test func anEnormousSpikeIsReportedInAFewCharacters() throws {
        // `train --lr 0.5 --optimizer sgd` once printed a ratio about 250 digits long.
        let d = try #require(classify(history(train: [1e250] + falling(30, 0.5, 0.05), validation: falling(31, 0.6, 0.1))))
        #expect(d.kind == .spiking)
        #expect(d.reason.count < 120, "\(d.reason)")
        #expect(d.reason.contains("1.7e+250×"))
    }

    @Test func swingingTailIsOscillating() throws {
        let train = falling(40, 0.6, 0.3) + (0..<10).map { $0 % 2 == 0 ? 0.2 : 0.5 }
        let d = try #require(classify(history(train: train, validation: train)))
        #expect(d.state == .unstable && d.kind == .oscillating)
        #expect(d.reason.contains("last 10 epochs"))
    }

    @Test func tinyLossesWobblingInRelativeTermsAreNotOscillation() throws {
        // ±50% around 0.001 is nothing compared with the noise floor 0.09.
        let train = falling(40, 0.5, 0.002) + (0..<10).map { $0 % 2 == 0 ? 0.0005 : 0.0015 }
        let validation = falling(50, 0.5, 0.1)
        #expect(classify(history(train: train, validation: validation))?.kind != .oscillating)
    }

    @Test func spikesFromALeftoverBatchSaySo() throws {
        let train = falling(40, 0.6, 0.1) + (0..<10).map { $0 % 2 == 0 ? 0.05 : 0.2 }
        let h = history(train: train, validation: train)
        // 16 = 15 + 1: the last batch of one point.
        let leftover = try #require(classify(h, context: DiagnosisContext(batch: 15, trainSize: 16)))
        #expect(leftover.state == .unstable && leftover.cause == .leftoverBatch && leftover.card == "hp-leftover-batch")
        #expect(leftover.advice.contains("16 = 1×15 + 1") && leftover.adviceJA.contains("drop last"))
        // 16 = 12 + 4: still small next to the batch. 16 = 9 + 7: no longer a leftover worth naming.
        #expect(classify(h, context: DiagnosisContext(batch: 12, trainSize: 16))?.cause == .leftoverBatch)
        #expect(classify(h, context: DiagnosisContext(batch: 9, trainSize: 16))?.cause == .learningRateTooHigh)
        // Dropped, there is no leftover to blame.
        #expect(classify(h, context: DiagnosisContext(batch: 15, trainSize: 16, dropLast: true))?.cause == .learningRateTooHigh)
        #expect(classify(h, context: DiagnosisContext(batch: 1, trainSize: 16))?.cause == .smallBatchNoise)
    }

    @Test func overfittingNeedsTrainUnderTheFloorAndValAboveItsMinimum() throws {
        // Rule 1: train under σ² (0.09), val ≥ 1.3× its minimum.
        func run(train end: Double, rise: Double) -> FitState? {
            let validation = falling(40, 0.5, 0.1) + falling(60, 0.1, 0.1 * rise)
            return classify(history(train: falling(100, 0.5, end), validation: validation))?.state
        }
        #expect(run(train: 0.085, rise: 1.31) == .overfitting)
        #expect(run(train: 0.085, rise: 1.29) == .good)
        #expect(run(train: 0.095, rise: 1.31) == .good)
        // Rule 2: train well under σ² (< 0.063), val ≥ 1.1× a minimum reached before the last tenth.
        #expect(run(train: 0.060, rise: 1.11) == .overfitting)
        #expect(run(train: 0.060, rise: 1.09) == .good)
        #expect(run(train: 0.066, rise: 1.11) == .good)
        let d = try #require(classify(history(train: falling(100, 0.5, 0.01), validation: falling(10, 0.5, 0.1) + falling(90, 0.11, 0.21))))
        #expect(d.state == .overfitting && d.cause == .trainedTooLong && d.card == "hp-overfitting-remedies")
        #expect(d.reason == "train loss 0.01 is well under the noise floor 0.09 while val is 2.1× its minimum (epoch 10): the model is memorising noise")
        #expect(d.reasonJA == "訓練損失 0.01 がノイズの下限 0.09 を大きく下回る一方、検証損失は最小値 (エポック 10) の 2.1 倍です。ノイズを丸暗記しています")
        #expect(d.advice.contains("epoch 10"))
    }

    @Test func aMinimumInTheLastTenthIsNotYetOverfittingByTheMildRule() throws {
        // Minimum at epoch 95 of 100: val has only just turned.
        let validation = falling(95, 0.5, 0.1) + falling(5, 0.1, 0.115)
        #expect(classify(history(train: falling(100, 0.5, 0.06), validation: validation))?.state == .good)
        let earlier = falling(85, 0.5, 0.1) + falling(15, 0.1, 0.115)
        #expect(classify(history(train: falling(100, 0.5, 0.06), validation: earlier))?.state == .overfitting)
    }

    @Test func underfittingNeedsBothLossesAboveTheFloor() throws {
        // 1.25 × 0.09 = 0.1125 for both, or 2.5 × 0.09 = 0.225 for training alone.
        #expect(classify(history(train: flat(100, 0.12), validation: flat(100, 0.12)))?.state == .underfitting)
        #expect(classify(history(train: flat(100, 0.11), validation: flat(100, 0.12)))?.state == .good)
        #expect(classify(history(train: flat(100, 0.12), validation: flat(100, 0.11)))?.state == .good)
        #expect(classify(history(train: flat(100, 0.23), validation: flat(100, 0.1)))?.state == .underfitting)
        #expect(classify(history(train: flat(100, 0.22), validation: flat(100, 0.1)))?.state == .good)
    }

    @Test func underfittingNamesItsCause() throws {
        let fallingRun = history(train: falling(100, 0.6, 0.38), validation: falling(100, 0.65, 0.43))
        let still = try #require(classify(fallingRun))
        #expect(still.state == .underfitting && still.cause == .stillFalling && still.card == "hp-epochs-too-few")
        #expect(still.reason.contains("0.38") && still.reason.contains("still falling") && still.reasonJA.contains("0.38"))
        // The same curve with a tiny rate: the rate is the cause.
        let slow = try #require(classify(history(train: falling(100, 0.6, 0.38), validation: falling(100, 0.65, 0.43), lr: 3e-4)))
        #expect(slow.cause == .learningRateTooLow && slow.card == "hp-learning-rate-too-low")
        // Level with a single hidden unit: too little capacity. With 64 units it still needs learning.
        let plateau = history(train: falling(50, 0.6, 0.17) + flat(450, 0.17), validation: falling(50, 0.6, 0.21) + flat(450, 0.21))
        let small = try #require(classify(plateau, context: DiagnosisContext(hiddenUnits: 1)))
        #expect(small.cause == .tooLittleCapacity && small.card == "hp-underfit-capacity")
        #expect(small.advice.contains("1 hidden unit cannot"))
        #expect(classify(plateau, context: DiagnosisContext(hiddenUnits: 64))?.cause == .stillFalling)
        // Early stopping ended it: patience.
        let stopped = try #require(classify(plateau, context: DiagnosisContext(hiddenUnits: 64, stoppedEpoch: 500)))
        #expect(stopped.cause == .stoppedTooEarly && stopped.card == "hp-early-stopping-patience")
    }

    @Test func bothLowIsGoodAndRestoredWeightsAreJudged() throws {
        let validation = falling(40, 0.5, 0.1) + falling(60, 0.1, 0.3)
        let train = falling(20, 0.5, 0.06) + falling(80, 0.06, 0.01)
        #expect(classify(history(train: train, validation: validation))?.state == .overfitting)
        let restored = try #require(classify(history(train: train, validation: validation), restored: 40))
        #expect(restored.state == .good && restored.cause == nil)
        #expect(restored.reason.contains("restored from epoch 40"))
    }

    @Test func everyStateHasItsRuleInBothLanguages() {
        for state in FitState.allCases {
            #expect(DiagnosisRules.rule(state, japanese: false).count > 40)
            #expect(DiagnosisRules.rule(state, japanese: true).count > 20)
        }
        #expect(DiagnosisRules.order.first == .unstable && DiagnosisRules.order.last == .good)
    }

    @Test func everyCauseLinksACard() {
        for cause in DiagnosisCause.allCases { #expect(cause.card.hasPrefix("hp-")) }
        #expect(Set(DiagnosisCause.allCases.map(\.card)).count == DiagnosisCause.allCases.count)
    }
}
