/// The `aifprep train --json` document. Written by hand to keep key order stable and to turn
/// non-finite numbers (a diverged run) into `null`, which JSONEncoder refuses to do.
public enum RunReport {
    public static func json(for run: TrainingRun) -> String {
        let c = run.config
        let config: [(String, String)] = [
            ("optimizer", string(c.optimizer.rawValue)), ("lr", number(c.lr)), ("batch", "\(c.batch)"),
            ("dropLast", "\(c.dropLast)"), ("epochs", "\(c.epochs)"), ("schedule", string(c.schedule.rawValue)), ("gamma", number(c.gamma)),
            ("stepSize", "\(c.stepSize)"), ("warmup", "\(c.warmup)"), ("earlyStopping", "\(c.earlyStopping)"),
            ("patience", "\(c.patience)"), ("minDelta", number(c.minDelta)), ("restoreBest", "\(c.restoreBest)"),
            ("layers", "[" + c.layers.map(String.init).joined(separator: ", ") + "]"),
            ("activation", string(c.activation.rawValue)), ("outputActivation", string(c.outputActivation.rawValue)),
            ("dataset", string(c.dataset.rawValue)), ("trainSize", "\(c.trainSize)"),
            ("validationSize", "\(c.validationSize)"), ("noise", number(c.noise)), ("seed", "\(c.seed)"),
            ("features", "[" + c.features.map { string($0.rawValue) }.joined(separator: ", ") + "]"),
            ("regularization", string(c.regularization.rawValue)), ("regRate", number(c.regRate)), ("loss", string(c.loss.rawValue)),
        ]
        let weights = run.initialWeights.map { layer in
            "{\"weights\": [" + layer.weights.map(numbers).joined(separator: ", ") + "], \"biases\": " + numbers(layer.biases) + "}"
        }
        let epochs = run.history.map { r in
            "{\"epoch\": \(r.epoch), \"lr\": \(number(r.lr)), \"trainLoss\": \(number(r.trainLoss)), \"validationLoss\": \(number(r.validationLoss))"
                + (r.trueError.map { ", \"trueError\": \(number($0))" } ?? "")
                + (r.trainAccuracy.map { ", \"trainAccuracy\": \(number($0))" } ?? "")
                + (r.validationAccuracy.map { ", \"validationAccuracy\": \(number($0))" } ?? "") + "}"
        }
        let diagnosis = run.diagnosis
        var out = "{\n"
        out += "  \"config\": {" + config.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "},\n"
        out += "  \"data\": {\n"
        out += "    \"train\": [" + run.trainingData.rows.map(numbers).joined(separator: ", ") + "],\n"
        out += "    \"validation\": [" + run.validationData.rows.map(numbers).joined(separator: ", ") + "]\n"
        out += "  },\n"
        out += "  \"initialWeights\": [\n    " + weights.joined(separator: ",\n    ") + "\n  ],\n"
        out += "  \"initialLoss\": {\"trainLoss\": \(number(run.initialTrainLoss)), \"validationLoss\": \(number(run.initialValidationLoss))},\n"
        out += "  \"epochs\": [\n    " + epochs.joined(separator: ",\n    ") + "\n  ],\n"
        out += "  \"bestEpoch\": \(run.bestEpoch.map(String.init) ?? "null"),\n"
        out += "  \"stoppedEpoch\": \(run.stoppedEpoch.map(String.init) ?? "null"),\n"
        out += "  \"restoredEpoch\": \(run.restoredEpoch.map(String.init) ?? "null"),\n"
        out += "  \"noiseFloor\": \(number(run.noiseFloor)),\n"
        // Only a sandbox knows this: the final model's squared error against the true function.
        out += "  \"trueError\": \(number(run.trueError)),\n"
        out += "  \"diagnosis\": \(diagnosis.map { string($0.state.rawValue) } ?? "null"),\n"
        out += "  \"instability\": \(diagnosis?.kind.map { string($0.rawValue) } ?? "null"),\n"
        out += "  \"reason\": \(diagnosis.map { string($0.reason) } ?? "null"),\n"
        out += "  \"reasonJA\": \(diagnosis.map { string($0.reasonJA) } ?? "null"),\n"
        out += "  \"cause\": \(diagnosis?.cause.map { string($0.rawValue) } ?? "null"),\n"
        out += "  \"card\": \(diagnosis?.card.map(string) ?? "null"),\n"
        out += "  \"advice\": \(diagnosis.map { string($0.advice) } ?? "null")\n"
        out += "}\n"
        return out
    }

    /// Shortest round-trip form; null for NaN and infinities.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    static func numbers(_ xs: [Double]) -> String { "[" + xs.map(number).joined(separator: ", ") + "]" }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
