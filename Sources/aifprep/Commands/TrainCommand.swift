import PlainOutput
import AIFCore
import ArgumentParser
import Foundation
import TrainingSandbox

/// `aifprep train`: one training-sandbox run without the TUI. Every option maps to a
/// `TrainingConfig` setting of the same name in camelCase, so the engine validates all values.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the sandbox network headlessly and print its losses and diagnosis.",
        discussion: """
            Defaults: sine data (16 train / 50 validation points, noise 0.3), 1-64-1 tanh network, \
            Adam lr 0.01, full batch (16), 80 epochs — a good fit. Example of overfitting: --epochs 1000.
            """,
        subcommands: [LRFindCommand.self, PhaseMapCommand.self])

    @Option(help: "Start from a preset in Content/sandbox/presets.yaml; other options override it.")
    var preset: String?

    @Option(help: "Study material folder holding the presets (default: $AIFPREP_CONTENT, else the shipped Content/).")
    var content: String?

    @Option(help: "sgd | momentum | adam") var optimizer: String?
    @Option(parsing: .unconditional, help: "Learning rate (0 < lr ≤ 10).") var lr: String?
    @Option(parsing: .unconditional, help: "Minibatch size (capped at the training set size).") var batch: String?
    @Flag(name: .customLong("drop-last"), help: "Skip each epoch's last, smaller batch (PyTorch drop_last).")
    var dropLast = false
    @Option(parsing: .unconditional, help: "Epochs (1–5000).") var epochs: String?
    @Option(help: "Learning-rate decay: constant | step | exponential | cosine") var schedule: String?
    @Option(parsing: .unconditional, help: "Decay factor for step / exponential.") var gamma: String?
    @Option(name: .customLong("step-size"), parsing: .unconditional, help: "Epochs per decay step (step schedule).") var stepSize: String?
    @Option(parsing: .unconditional, help: "Linear warm-up epochs before the schedule.") var warmup: String?
    @Flag(inversion: .prefixedNo, help: "Stop when validation loss stops improving (Keras semantics).")
    var earlyStopping: Bool?
    @Option(parsing: .unconditional, help: "Early stopping: epochs without improvement before stopping.") var patience: String?
    @Option(name: .customLong("min-delta"), parsing: .unconditional, help: "Early stopping: smallest decrease that counts.") var minDelta: String?
    @Flag(inversion: .prefixedNo, help: "Early stopping: restore the best epoch's weights at the end (default on).")
    var restoreBest: Bool?
    @Option(parsing: .unconditional, help: "Units of a single hidden layer.") var hidden: String?
    @Option(help: "Hidden layer widths, e.g. 8,8.") var layers: String?
    @Option(help: "Hidden activation: tanh | relu | sigmoid | linear") var activation: String?
    @Option(name: .customLong("output-activation"), help: "Output activation (default linear).")
    var outputActivation: String?
    @Option(help: "sine | circle | xor | gauss | spiral (the last four: TensorFlow Playground's, on its defaults)") var dataset: String?
    @Option(name: .customLong("train-size"), parsing: .unconditional, help: "Training points.") var trainSize: String?
    @Option(name: .customLong("validation-size"), parsing: .unconditional, help: "Validation points.") var validationSize: String?
    @Option(parsing: .unconditional, help: "Sine: label noise σ. 2-D sets: Playground noise ratio (0–0.5).") var noise: String?
    @Option(help: "2-D sets: input features, e.g. x1,x2,x1x2 (from x1 x2 x1sq x2sq x1x2 sinx1 sinx2).") var features: String?
    @Option(help: "Weight penalty: none | l1 | l2 (applied as TensorFlow Playground).") var regularization: String?
    @Option(name: .customLong("reg-rate"), parsing: .unconditional, help: "Regularisation rate.") var regRate: String?
    @Option(name: .customLong("train-ratio"), parsing: .unconditional, help: "Percent of the points used for training, the rest test.") var trainRatio: String?
    @Option(help: "mse | square (Playground's ½ squared error, the default for the 2-D sets)") var loss: String?
    @Option(parsing: .unconditional, help: "Random seed (data, initial weights, shuffling).") var seed: String?

    @Flag(name: .customLong("list-presets"), help: "List the presets, each with the diagnosis it is expected to reach, and exit.")
    var listPresets = false

    @Flag(help: "Draw the loss curves as a text chart.") var plot = false
    @Flag(help: "Print the whole run as JSON (config, data, initial weights, losses, diagnosis).") var json = false

    /// The settings given on the command line, in flag order of the engine's keys.
    var commandLineSettings: [(key: String, value: String)] {
        let options: [(String, String?)] = [
            ("optimizer", optimizer), ("lr", lr), ("batch", batch),
            ("dropLast", dropLast ? "true" : nil), ("epochs", epochs), ("schedule", schedule),
            ("gamma", gamma), ("stepSize", stepSize), ("warmup", warmup),
            ("earlyStopping", earlyStopping.map { String($0) }), ("patience", patience), ("minDelta", minDelta),
            ("restoreBest", restoreBest.map { String($0) }), ("hidden", hidden), ("layers", layers),
            ("activation", activation), ("outputActivation", outputActivation), ("dataset", dataset),
            ("trainSize", trainSize), ("validationSize", validationSize), ("noise", noise), ("seed", seed),
            ("features", features), ("regularization", regularization), ("regRate", regRate), ("loss", loss),
            ("trainRatio", trainRatio),  // after the sizes: a share of their total
        ]
        return options.compactMap { key, value in value.map { (key: key, value: $0) } }
    }

    func validate() throws {
        // Keras ignores these without the callback; silently ignoring them here would mislead.
        let needing = [("--patience", patience != nil), ("--min-delta", minDelta != nil), ("--restore-best", restoreBest != nil)]
            .filter(\.1).map(\.0)
        if !needing.isEmpty && earlyStopping != true {
            let names = needing.joined(separator: ", ")
            throw ValidationError("\(names) \(needing.count == 1 ? "needs" : "need") --early-stopping (add it, or drop \(needing.count == 1 ? "the option" : "them"))")
        }
    }

    func makeConfig() throws -> TrainingConfig {
        var settings: [(key: String, value: String)] = []
        if let preset {
            let library = try ContentSource.load(content)
            guard let found = library.preset(id: preset) else {
                let known = library.presets.map { "\($0.id) (expected: \($0.expect))" }.joined(separator: ", ")
                throw ValidationError("no preset '\(preset)'; the presets are: \(known)")
            }
            settings += found.settings.map { (key: $0.key, value: $0.value) }
        }
        settings += commandLineSettings
        let config: TrainingConfig
        do {
            config = try TrainingConfig.base(for: settings).applying(settings: settings)
        } catch let error as SettingError {
            throw ValidationError("--\(Self.flagName(error.key)): \(error.message)")
        }
        if config.dataset == .circle && config.noise > 0.5 {
            throw ValidationError("--noise: the circle dataset takes a noise ratio from 0 to 0.5 (as TensorFlow Playground); got \(config.noise)")
        }
        let seconds = Self.estimatedSeconds(config)
        if seconds > Self.longestRun {
            throw ValidationError("this run would take about \(Int(seconds / 60)) minutes (\(config.epochs) epochs of \(config.trainSize) points "
                + "through \(config.layerSizes.map(String.init).joined(separator: "-")), batch \(config.effectiveBatch)); "
                + "the limit is \(Int(Self.longestRun / 60)) minutes: use fewer epochs, a smaller network or training set, or a larger batch")
        }
        return config
    }

    /// Runs longer than this are refused rather than left running silently for hours.
    static let longestRun: Double = 10 * 60

    /// A rough wall-clock estimate from the arithmetic per epoch (forward and backward pass per training
    /// point, one optimizer update per batch, a forward pass per validation point) at ~1e9 operations a second.
    static func estimatedSeconds(_ c: TrainingConfig) -> Double {
        let sizes = c.layerSizes
        var parameters = 0.0
        for i in 1..<max(1, sizes.count) { parameters += Double(sizes[i - 1] * sizes[i] + sizes[i]) }
        let updates = (Double(c.trainSize) / Double(max(1, c.effectiveBatch))).rounded(.up)
        let perEpoch = parameters * (6 * Double(c.trainSize) + 2 * Double(c.validationSize) + 10 * updates)
        return Double(c.epochs) * perEpoch / 1e9
    }

    /// One line per preset: id, title and the diagnosis its run is expected to reach.
    static func presetList(_ presets: [SandboxPreset]) -> String {
        let w = presets.map(\.id.count).max() ?? 0
        return presets.map { p in
            p.id.padding(toLength: w, withPad: " ", startingAt: 0) + "  expected: " + p.expect.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "  " + p.title.en
        }.joined(separator: "\n") + "\n"
    }

    func run() throws {
        if listPresets {
            print(Self.presetList(try ContentSource.load(content).presets), terminator: "")
            return
        }
        if let preset, !json, let found = try ContentSource.load(content).preset(id: preset) {
            // Said before the run, so the learner can compare it with the diagnosis at the end.
            print("preset \(found.id): \(found.title.en) — expected diagnosis: \(found.expect)")
        }
        let config = try makeConfig()
        var run = TrainingRun(config: config)
        run.tracksTrueError = json || plot
        // Long runs say how far they are on stderr (stdout stays the result alone).
        if Self.estimatedSeconds(config) > 3 {
            var reported = 0
            while !run.isFinished {
                run.step()
                let percent = run.history.count * 100 / max(1, config.epochs)
                if percent >= reported + 5 || run.isFinished {
                    reported = percent
                    FileHandle.standardError.write(Data("training: epoch \(run.history.count)/\(config.epochs) (\(percent) %)\n".utf8))
                }
            }
        } else {
            run.run()
        }
        if json {
            print(RunReport.json(for: run), terminator: "")
            return
        }
        print(Self.summary(of: run), terminator: "")
        if plot { print("\n" + LossChart.render(run), terminator: "") }
    }

    static func summary(of run: TrainingRun) -> String {
        let c = run.config
        let shape = c.layerSizes.map(String.init).joined(separator: "-")
        let optimizer = ["sgd": "SGD", "momentum": "SGD+momentum", "adam": "Adam"][c.optimizer.rawValue]!
        let updates = run.updatesPerEpoch
        var lines = [
            "\(c.dataset.rawValue) data (\(c.trainSize) train / \(c.validationSize) validation), \(shape) \(c.activation.rawValue), "
                + "\(optimizer) lr \(c.lr), batch \(c.effectiveBatch) (\(updates) update\(updates == 1 ? "" : "s")/epoch"
                + (c.leftoverPoints > 0 && c.effectiveBatch < c.trainSize
                    ? (c.dropLast ? ", last \(c.leftoverPoints) dropped" : ", the last of \(c.leftoverPoints)") : "")
                + "), seed \(c.seed)",
        ]
        if let last = run.history.last {
            lines.append("epoch \(last.epoch)/\(c.epochs): train loss \(Self.format(last.trainLoss)), "
                         + "validation loss \(Self.format(last.validationLoss))")
        }
        if let last = run.history.last, let train = last.trainAccuracy, let test = last.validationAccuracy {
            lines.append("accuracy: train \(String(format: "%.1f", 100 * train)) %, test \(String(format: "%.1f", 100 * test)) %"
                         + (c.regularization == .none ? "" : " (\(c.regularization.rawValue) rate \(c.regRate), \(run.deadWeights) weights at 0)"))
        }
        if let best = run.bestEpoch {
            lines.append("best validation loss \(Self.format(run.history[best - 1].validationLoss)) at epoch \(best)")
        }
        if let stopped = run.stoppedEpoch { lines.append("early stopping ended training at epoch \(stopped)") }
        if let restored = run.restoredEpoch { lines.append("restored the weights of epoch \(restored)") }
        lines.append("true error \(Self.format(run.trueError)) over the noise floor \(Self.format(run.noiseFloor))"
                     + " (only a sandbox knows it: the model against the noise-free function)")
        if let diagnosis = run.diagnosis {
            let kind = diagnosis.kind.map { " (\($0.rawValue))" } ?? ""
            lines.append("diagnosis: \(diagnosis.state.rawValue)\(kind): \(diagnosis.reason)")
            if let card = diagnosis.card { lines.append("advice: \(diagnosis.advice) (card \(card))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ x: Double) -> String {
        x.isFinite ? String(format: "%.4g", x) : "\(x)"
    }

    static func flagName(_ key: String) -> String {
        key.reduce(into: "") { out, c in
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
    }
}
