import ArgumentParser
import Foundation
import SpacedRepetition

/// `aifprep srs ...`: spaced-repetition tools.
struct SRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "Spaced-repetition (FSRS-6) tools.",
        subcommands: [Replay.self])

    /// Replays one card's review history and prints the scheduler state after each review.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay a review history through the FSRS-6 scheduler.",
            discussion: """
                Reads JSON lines like {"time": "2025-01-01T09:00:00Z", "rating": "good"} (rating: again, hard, \
                good, easy or 1-4; blank lines ignored) and prints one JSON line per review: state, step, due, \
                stability, difficulty and the retrievability before the review. Stops at the first bad line \
                with "line N: message" on stderr and exit status 1.
                """)

        @Argument(help: "Input file of JSON lines, or - for standard input.")
        var file: String = "-"

        @Option(help: "Target probability of recall at the due date (0.7-0.97).")
        var desiredRetention: Double = 0.9

        @Option(help: "Comma-separated learning steps with s/m/h/d suffixes; empty for none.")
        var learningSteps: String = "1m,10m"

        @Option(help: "Comma-separated relearning steps with s/m/h/d suffixes; empty for none.")
        var relearningSteps: String = "10m"

        @Option(help: "Longest review interval in days.")
        var maximumInterval: Int = 36_500

        @Option(help: "Turn fuzz on with this random seed (off when omitted).")
        var fuzzSeed: UInt64?

        func validate() throws {
            _ = try makeReplayer()
        }

        private func makeReplayer() throws -> ReviewReplayer {
            do {
                return try ReviewReplayer(options: ReplayOptions(
                    desiredRetention: desiredRetention,
                    learningSteps: try ReplayOptions.parseDurations(learningSteps),
                    relearningSteps: try ReplayOptions.parseDurations(relearningSteps),
                    maximumInterval: maximumInterval, fuzzSeed: fuzzSeed))
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            var replayer = try makeReplayer()
            do {
                if file == "-" {
                    while let line = readLine(strippingNewline: true) {
                        if let step = try replayer.feed(line) { print(step.jsonLine) }
                    }
                } else {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                        throw ExitCode.failure
                    }
                    let text = String(decoding: data, as: UTF8.self)
                    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                        if let step = try replayer.feed(line) { print(step.jsonLine) }
                    }
                }
            } catch let error as ReplayError {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
