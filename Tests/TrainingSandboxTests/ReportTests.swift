import PlainOutput
import Foundation
import Testing
import TrainingSandbox

@Suite struct ReportTests {
    func parse(_ run: TrainingRun) throws -> [String: Any] {
        let text = RunReport.json(for: run)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonHasEverySectionInTheDocumentedShape() throws {
        var run = TrainingRun(config: try TrainingConfig.default.applying(settings: [("epochs", "12"), ("layers", "4,3")]))
        run.run()
        let json = try parse(run)
        let config = try #require(json["config"] as? [String: Any])
        #expect(Set(config.keys) == Set(TrainingConfig.settingKeys).subtracting(["hidden", "trainRatio"]))
        #expect(config["lr"] as? Double == 0.01 && config["layers"] as? [Int] == [4, 3] && config["optimizer"] as? String == "adam")
        let data = try #require(json["data"] as? [String: [[Double]]])
        #expect(data["train"]?.count == 16 && data["train"]?.first?.count == 2)
        #expect(data["validation"]?.count == 50)
        let weights = try #require(json["initialWeights"] as? [[String: Any]])
        #expect(weights.count == 3)
        #expect((weights[0]["weights"] as? [[Double]])?.count == 4)  // rows = outputs
        #expect((weights[1]["weights"] as? [[Double]])?.first?.count == 4)
        let epochs = try #require(json["epochs"] as? [[String: Any]])
        #expect(epochs.count == 12 && epochs.first?["epoch"] as? Int == 1)
        let lastLoss = try #require(epochs.last?["trainLoss"] as? Double)
        #expect(abs(lastLoss - run.history.last!.trainLoss) <= 1e-15)  // Foundation's parser may round the last digit
        #expect(RunReport.json(for: run).contains("\"trainLoss\": \(run.history.last!.trainLoss)"))  // written round-trip exact
        #expect(json["bestEpoch"] as? Int == run.bestEpoch)
        #expect(json["stoppedEpoch"] is NSNull)
        #expect(json["diagnosis"] as? String == run.diagnosis?.state.rawValue)
        #expect(json["reason"] as? String == run.diagnosis?.reason)
    }

    @Test func nonFiniteLossesBecomeNull() throws {
        var run = TrainingRun(config: try TrainingConfig.default.applying(settings: [("optimizer", "momentum"), ("lr", "0.1"), ("epochs", "400")]))
        run.run()
        let json = try parse(run)
        let last = try #require((json["epochs"] as? [[String: Any]])?.last)
        #expect(last["trainLoss"] is NSNull)
        #expect(json["diagnosis"] as? String == "unstable")
    }

    @Test func plotShowsBothCurves() throws {
        var run = TrainingRun(config: try TrainingConfig.default.applying(settings: [("epochs", "30")]))
        run.run()
        let chart = LossChart.render(run, width: 60, height: 10)
        let lines = chart.split(separator: "\n")
        #expect(lines.count == 13)
        #expect(lines.allSatisfy { $0.count <= 60 + 20 })
        #expect(chart.contains("t") && chart.contains("v") && chart.contains("30"))
    }
}
