import Foundation
import Testing

/// `aifprep train --dataset circle|xor|gauss|spiral …`: the Playground mode headless.
@Suite struct PlaygroundTrainEndToEndTests {
    func train(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Tmux.binary
        process.arguments = ["train"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test func jsonRowsArePointsWithTheirLabel() throws {
        let r = try train(["--dataset", "xor", "--features", "x1,x2,x1x2", "--regularization", "l2", "--reg-rate", "0.001",
                           "--train-ratio", "30", "--noise", "0.1", "--epochs", "5", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let data = try #require(json["data"] as? [String: [[Double]]])
        let train = try #require(data["train"]), test = try #require(data["validation"])
        #expect(train.count == 150 && test.count == 350)  // 30 % of Playground's 500 points
        #expect((train + test).allSatisfy { $0.count == 3 && abs($0[2]) == 1 })
        let config = try #require(json["config"] as? [String: Any])
        #expect(config["features"] as? [String] == ["x1", "x2", "x1x2"] && config["regularization"] as? String == "l2")
        #expect(config["loss"] as? String == "square" && config["outputActivation"] as? String == "tanh")
        let epochs = try #require(json["epochs"] as? [[String: Any]])
        #expect(epochs.count == 5 && epochs.allSatisfy { $0["validationAccuracy"] is Double })
    }

    @Test func summaryShowsAccuracyAndTheLimitsAreExplained() throws {
        let r = try train(["--dataset", "gauss", "--epochs", "30"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("gauss data (250 train / 250 validation), 2-4-2-1 tanh, SGD lr 0.03"))
        #expect(r.stdout.contains("accuracy: train "))
        #expect(r.stdout.contains("diagnosis: "))
        let deep = try train(["--dataset", "spiral", "--layers", "8,8,8,8,8,8,8"])
        #expect(deep.status != 0 && deep.stderr.contains("--layers: 1 to 6 layers"), "\(deep.stderr)")
        let wide = try train(["--dataset", "spiral", "--layers", "8,16"])
        #expect(wide.status != 0 && wide.stderr.contains("1 to 8 units each"), "\(wide.stderr)")
        let noisy = try train(["--dataset", "circle", "--noise", "0.7"])
        #expect(noisy.status != 0 && noisy.stderr.contains("0 to 0.5"), "\(noisy.stderr)")
        let sine = try train(["--features", "x1sq"])
        #expect(sine.status != 0 && sine.stderr.contains("--features: input features apply to the 2-D datasets"), "\(sine.stderr)")
    }
}
