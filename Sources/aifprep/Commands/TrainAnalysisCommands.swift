import ArgumentParser
import Foundation
import TrainingSandbox

/// `aifprep train lr-find`: fastai's learning-rate finder on the run the train flags describe.
struct LRFindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lr-find",
        abstract: "Sweep the learning rate from 1e-7 to 10 over about 100 minibatches and suggest one (fastai's lr_find, valley).",
        discussion: """
            Trains a copy of the model on the same data with the rate growing every minibatch, smooths the loss \
            (β 0.98, bias-corrected) and stops once it passes 4× its best. --json prints the sweep and "suggested".
            """)

    @OptionGroup var train: TrainCommand
    @Option(parsing: .unconditional, help: "Minibatches in the sweep (at least 6).") var iterations: String?

    func run() throws {
        let config = try train.makeConfig()
        var n = LRFinder.defaultIterations
        if let iterations {
            guard let v = Int(iterations), (6...10_000).contains(v) else {
                throw ValidationError("--iterations: a whole number from 6 to 10000; got \(iterations)")
            }
            n = v
        }
        let finder = LRFinder.sweep(config, iterations: n)
        print(train.json ? finder.json(config: config) : finder.summary, terminator: "")
    }
}

/// `aifprep train phase-map`: the diagnosis over learning rate × epochs (or × batch size).
struct PhaseMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase-map",
        abstract: "Diagnose a run for each of 11 learning rates × 8 epoch counts (or batch sizes) and print the map.",
        discussion: "Every cell is a real run of the settings the train flags give, with that learning rate and value.")

    @OptionGroup var train: TrainCommand
    @Option(help: "The second axis: epochs | batch") var axis: String = "epochs"

    func run() throws {
        let config = try train.makeConfig()
        guard let axis = PhaseMap.Axis(rawValue: axis) else {
            throw ValidationError("--axis: epochs or batch; got \(axis)")
        }
        let map = PhaseMap(axis: axis, base: config)
        let worst = map.values.max() ?? 1
        var longest = config
        longest.lr = map.learningRates.last ?? config.lr
        if axis == .epochs { longest.epochs = worst } else { longest.batch = map.values.min() ?? 1 }
        if TrainCommand.estimatedSeconds(longest) * Double(map.learningRates.count * (map.reusesRuns ? 1 : map.values.count)) / 2
            > TrainCommand.longestRun {
            throw ValidationError("this map would take over \(Int(TrainCommand.longestRun / 60)) minutes: use a smaller network or training set")
        }
        guard let done = map.computed(workers: 2) else { return }
        print(train.json ? done.json() : done.textGrid, terminator: "")
    }
}
