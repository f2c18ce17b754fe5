import Foundation
import Testing
import TrainingSandbox

@Suite struct SettingsTests {
    @Test func everyKeyIsAcceptedWithAGoodValue() throws {
        let good: [String: String] = [
            "optimizer": "momentum", "lr": "0.05", "batch": "4", "dropLast": "true", "epochs": "200", "schedule": "cosine", "gamma": "0.9",
            "stepSize": "5", "warmup": "3", "earlyStopping": "true", "patience": "7", "minDelta": "0.001",
            "restoreBest": "false", "hidden": "32", "layers": "8, 8", "activation": "relu", "outputActivation": "tanh",
            "dataset": "circle", "trainSize": "100", "validationSize": "30", "noise": "0.1", "seed": "99",
            "features": "x1, x2, x1x2", "regularization": "l2", "regRate": "0.01", "loss": "square", "trainRatio": "50",
        ]
        #expect(Set(good.keys) == Set(TrainingConfig.settingKeys))
        for key in TrainingConfig.settingKeys { #expect(TrainingConfig.validateSetting(key: key, value: good[key]!) == nil, "\(key)") }
        let c = try TrainingConfig.default.applying(settings: TrainingConfig.settingKeys.map { ($0, good[$0]!) })
        #expect(c.optimizer == .momentum && c.lr == 0.05 && c.batch == 4 && c.epochs == 200 && c.schedule == .cosine)
        #expect(c.gamma == 0.9 && c.stepSize == 5 && c.warmup == 3 && c.earlyStopping && c.patience == 7)
        #expect(c.minDelta == 0.001 && !c.restoreBest && c.layers == [8, 8] && c.activation == .relu)
        // trainRatio comes last: half of the 130 points.
        #expect(c.outputActivation == .tanh && c.dataset == .circle && c.trainSize == 65 && c.validationSize == 65)
        #expect(c.noise == 0.1 && c.seed == 99 && c.dropLast)
        #expect(c.features == [.x1, .x2, .x1x2] && c.regularization == .l2 && c.regRate == 0.01 && c.loss == .square)
    }

    @Test func badValuesExplainThemselves() {
        let bad: [(String, String, String)] = [
            ("lr", "0", "greater than 0"), ("lr", "fast", "expected a number"), ("epochs", "0", "between 1 and 5000"),
            ("epochs", "5001", "between 1 and 5000"), ("optimizer", "rmsprop", "sgd, momentum, adam"),
            ("layers", "8,,8", "separated by commas"), ("layers", "1,2,3,4,5,6,7", "1 to 6 layers"),
            ("earlyStopping", "maybe", "true or false"), ("gamma", "1.5", "at most 1"), ("seed", "-1", "non-negative"),
            ("colour", "red", "unknown setting"),
        ]
        for (key, value, fragment) in bad {
            let message = TrainingConfig.validateSetting(key: key, value: value)
            #expect(message?.contains(fragment) == true, "\(key)=\(value): \(message ?? "nil")")
        }
        #expect(throws: SettingError.self) { try TrainingConfig.default.applying(settings: [("lr", "-1")]) }
        // Six layers pass the single setting (the 2-D sets take them) but not the sine network.
        #expect(throws: SettingError.self) { try TrainingConfig.default.applying(settings: [("layers", "1,2,3,4,5")]) }
    }

    @Test func laterSettingsWinAndHiddenIsOneLayer() throws {
        let c = try TrainingConfig.default.applying(settings: [("layers", "8,8"), ("hidden", "12"), ("lr", "0.1"), ("lr", "0.2")])
        #expect(c.layers == [12] && c.lr == 0.2)
        #expect(c.layerSizes == [1, 12, 1])
    }

    @Test func defaultsAreTheDocumentedGoodFit() {
        let c = TrainingConfig.default
        #expect(c.dataset == .sine && c.trainSize == 16 && c.validationSize == 50 && c.noise == 0.3)
        #expect(c.layerSizes == [1, 64, 1] && c.activation == .tanh && c.outputActivation == .linear)
        #expect(c.optimizer == .adam && c.lr == 0.01 && c.batch == 16 && c.epochs == 80 && c.schedule == .constant)
        #expect(!c.earlyStopping)
    }

    @Test func configRoundTripsThroughJSONWithFlagNames() throws {
        let c = try TrainingConfig.default.applying(settings: [("layers", "8,4"), ("schedule", "step")])
        let data = try JSONEncoder().encode(c)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // hidden and trainRatio are written as layers and the two sizes.
        #expect(Set(object.keys) == Set(TrainingConfig.settingKeys).subtracting(["hidden", "trainRatio"]))
        #expect(try JSONDecoder().decode(TrainingConfig.self, from: data) == c)
    }
}
