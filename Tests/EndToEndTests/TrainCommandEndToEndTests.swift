import Foundation
import Testing

/// `aifprep train` as a learner types it: the real binary, its stdout, stderr and exit status.
@Suite struct TrainCommandEndToEndTests {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    func train(_ arguments: [String]) throws -> Output {
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
        return Output(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @Test func earlyStoppingOptionsWithoutEarlyStoppingAreAnError() throws {
        for flag in [["--patience", "5"], ["--min-delta", "0.01"], ["--restore-best"], ["--no-restore-best"]] {
            let r = try train(flag)
            #expect(r.status != 0, "\(flag)")
            let name = flag[0] == "--no-restore-best" ? "--restore-best" : flag[0]
            #expect(r.stderr.contains("\(name) needs --early-stopping"), "\(flag): \(r.stderr)")
        }
        let ok = try train(["--early-stopping", "--patience", "5", "--epochs", "200"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("early stopping ended training at epoch"))
    }

    @Test func aDivergingSGDRunPrintsShortNumbers() throws {
        let r = try train(["--lr", "0.5", "--optimizer", "sgd"])
        #expect(r.status == 0)
        let diagnosis = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("diagnosis:") })
        #expect(diagnosis.contains("unstable"))
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count < 200 }, "\(r.stdout)")
    }

    @Test func jsonAndPlotCarryTheGroundTruth() throws {
        let r = try train(["--json", "--epochs", "20"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let trueError = try #require(json["trueError"] as? Double)
        #expect(trueError > 0 && trueError < 1)
        #expect(json["noiseFloor"] as? Double == 0.09)
        let epochs = try #require(json["epochs"] as? [[String: Any]])
        #expect(epochs.allSatisfy { $0["trueError"] is Double })
        let plot = try train(["--plot", "--epochs", "20"])
        #expect(plot.stdout.contains("e = true error") && plot.stdout.contains("only a sandbox knows"))
        #expect(plot.stdout.contains("true error "))
    }

    @Test func dropLastSkipsTheLeftoverBatch() throws {
        let kept = try train(["--batch", "15", "--epochs", "5"])
        #expect(kept.stdout.contains("batch 15 (2 updates/epoch, the last of 1)"))
        let dropped = try train(["--batch", "15", "--epochs", "5", "--drop-last"])
        #expect(dropped.stdout.contains("batch 15 (1 update/epoch, last 1 dropped)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try train(["--batch", "15", "--epochs", "5", "--drop-last", "--json"]).stdout.utf8)) as? [String: Any])
        #expect((json["config"] as? [String: Any])?["dropLast"] as? Bool == true)
    }
}
