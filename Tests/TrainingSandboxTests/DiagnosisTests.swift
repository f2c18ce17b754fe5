import Testing
import TrainingSandbox

/// The classifier on hand-made loss curves (noise floor 0.09, targets of variance 0.6).
@Suite struct DiagnosisTests {
    func history(train: [Double], validation: [Double], lr: Double = 0.01) -> [EpochRecord] {
        zip(train, validation).enumerated().map { EpochRecord(epoch: $0 + 1, lr: lr, trainLoss: $1.0, validationLoss: $1.1) }
    }

    func classify(_ h: [EpochRecord], initial: Double = 0.6, restored: Int? = nil) -> Diagnosis? {
        Diagnosis.classify(history: h, initialTrainLoss: initial, noiseFloor: 0.09, targetVariance: 0.6, restoredEpoch: restored)
    }

    /// A curve falling from `start` to `end` over n epochs.
    func falling(_ n: Int, _ start: Double, _ end: Double) -> [Double] {
        (0..<n).map { start + (end - start) * Double($0) / Double(n - 1) }
    }

    @Test func nothingBeforeTheFirstEpoch() {
        #expect(classify([]) == nil)
    }

    @Test func nonFiniteLossIsDiverged() throws {
        let d = try #require(classify(history(train: [0.5, 3, .infinity], validation: [0.5, 3, .nan], lr: 0.1)))
        #expect(d.state == .unstable && d.kind == .diverged)
        #expect(d.reason.contains("epoch 3") && d.reasonJA.contains("エポック 3"))
    }

    @Test func spikeAboveThreeTimesTheStartIsUnstable() throws {
        let d = try #require(classify(history(train: [2.0] + falling(30, 0.5, 0.05), validation: falling(31, 0.6, 0.1))))
        #expect(d.state == .unstable && d.kind == .spiking)
        #expect(d.reason.contains("epoch 1") && d.reason.contains("3.3×"))
        // Just below the factor is not a spike.
        #expect(classify(history(train: [1.7] + falling(30, 0.5, 0.05), validation: falling(31, 0.6, 0.1)))?.kind != .spiking)
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

    @Test func highTrainingLossIsUnderfitting() throws {
        let d = try #require(classify(history(train: falling(100, 0.6, 0.38), validation: falling(100, 0.65, 0.43))))
        #expect(d.state == .underfitting)
        #expect(d.reason.contains("0.38") && d.reason.contains("still falling"))
        #expect(d.reasonJA.contains("0.38"))
    }

    @Test func highValidationWithTrainingAboveTheNoiseIsUnderfitting() throws {
        let d = try #require(classify(history(train: falling(60, 0.4, 0.2), validation: falling(60, 0.5, 0.36))))
        #expect(d.state == .underfitting)
    }

    @Test func validationClimbingFromAnEarlyMinimumIsOverfitting() throws {
        let validation = falling(10, 0.5, 0.1) + falling(90, 0.11, 0.21)
        let d = try #require(classify(history(train: falling(100, 0.5, 0.01), validation: validation)))
        #expect(d.state == .overfitting)
        #expect(d.reason == "val loss is 2.1× its minimum (epoch 10) while train loss keeps falling")
        #expect(d.reasonJA == "検証損失が最小値 (エポック 10) の 2.1 倍に上がる一方、訓練損失は下がり続けています")
    }

    @Test func memorisingNoiseWithAMildRiseIsOverfitting() throws {
        let validation = falling(20, 0.5, 0.1) + falling(80, 0.1, 0.12)
        let d = try #require(classify(history(train: falling(100, 0.5, 0.005), validation: validation)))
        #expect(d.state == .overfitting)
        #expect(d.reason.contains("memorising"))
        // The same rise with the training loss still near the noise floor is fine.
        let calm = classify(history(train: falling(100, 0.5, 0.07), validation: validation))
        #expect(calm?.state == .good)
    }

    @Test func aLateMinimumIsNotOverfitting() throws {
        // The minimum in the last 30% of epochs: validation has only just turned.
        let validation = falling(90, 0.5, 0.1) + falling(10, 0.1, 0.14)
        #expect(classify(history(train: falling(100, 0.5, 0.06), validation: validation))?.state == .good)
    }

    @Test func bothLowIsGoodAndRestoredWeightsAreJudged() throws {
        let validation = falling(40, 0.5, 0.1) + falling(60, 0.1, 0.3)
        let train = falling(20, 0.5, 0.06) + falling(80, 0.06, 0.01)
        #expect(classify(history(train: train, validation: validation))?.state == .overfitting)
        let restored = try #require(classify(history(train: train, validation: validation), restored: 40))
        #expect(restored.state == .good)
        #expect(restored.reason.contains("restored from epoch 40"))
    }
}
