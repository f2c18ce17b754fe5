import Foundation
import Testing

/// `aifprep train lr-find` and `train phase-map`: the real binary, with the usual train flags.
@Suite struct TrainAnalysisEndToEndTests {
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

    func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try train(arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func lrFindPrintsTheSweepAndTheSuggestion() throws {
        let doc = try json(["lr-find", "--json"])
        let points = try #require(doc["points"] as? [[String: Any]])
        #expect(points.count == 88)
        #expect(points.first?["lr"] as? Double == 1e-7)
        #expect(points.allSatisfy { $0["loss"] is Double && $0["smoothedLoss"] is Double })
        let suggested = try #require(doc["suggested"] as? Double)
        #expect(abs(suggested - 1e-7 * pow(1e8, 0.44)) < 1e-12)
        #expect(doc["diverged"] as? Bool == true)
        // The usual flags reach the sweep.
        let sgd = try json(["lr-find", "--json", "--optimizer", "sgd", "--batch", "4", "--iterations", "50"])
        #expect((sgd["config"] as? [String: Any])?["optimizer"] as? String == "sgd")
        #expect(sgd["iterations"] as? Int == 50)
        let text = try train(["lr-find"])
        #expect(text.stdout.contains("suggested lr 0.000331"))
        let bad = try train(["lr-find", "--iterations", "2"])
        #expect(bad.status != 0 && bad.stderr.contains("--iterations"))
    }

    @Test func phaseMapPrintsTheGrid() throws {
        let doc = try json(["phase-map", "--json", "--axis", "batch", "--epochs", "20"])
        #expect(doc["axis"] as? String == "batch")
        #expect(doc["values"] as? [Int] == [1, 2, 3, 4, 6, 8, 12, 16])
        let rows = try #require(doc["cells"] as? [[[String: Any]]])
        #expect(rows.count == 11 && rows.allSatisfy { $0.count == 8 })
        let states = Set(rows.flatMap { $0.compactMap { $0["state"] as? String } })
        #expect(states.isSubset(of: ["good", "overfitting", "underfitting", "unstable"]) && states.contains("unstable"))
        #expect(rows[10][0]["batch"] as? Int == 1)
        let text = try train(["phase-map", "--hidden", "8"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("lr \\ epoc") && text.stdout.contains("G good fit"))
        #expect(try train(["phase-map", "--axis", "depth"]).status != 0)
    }
}
