import Foundation

/// `aifprep train lr-find` and `train phase-map` output: JSON written by hand like `RunReport`
/// (stable key order, non-finite numbers as null), and a plain-text form.
extension LRFinder {
    public func json(config: TrainingConfig) -> String {
        let points = points.map { p in
            "{\"iteration\": \(p.iteration), \"lr\": \(RunReport.number(p.lr)), \"loss\": \(RunReport.number(p.loss)), "
                + "\"smoothedLoss\": \(RunReport.number(p.smoothedLoss))}"
        }
        var out = "{\n"
        out += "  \"config\": \(configJSON(config)),\n"
        out += "  \"startLR\": \(RunReport.number(Self.startLR)), \"endLR\": \(RunReport.number(Self.endLR)), "
            + "\"iterations\": \(iterations), \"beta\": \(RunReport.number(Self.beta)), \"stopFactor\": \(RunReport.number(Self.divergenceFactor)),\n"
        out += "  \"points\": [\n    " + points.joined(separator: ",\n    ") + "\n  ],\n"
        out += "  \"diverged\": \(diverged),\n"
        out += "  \"valley\": \(valley.map { "[\($0.lowerBound), \($0.upperBound)]" } ?? "null"),\n"
        out += "  \"suggestionIndex\": \(suggestionIndex.map(String.init) ?? "null"),\n"
        out += "  \"suggested\": \(suggested.map(RunReport.number) ?? "null")\n"
        out += "}\n"
        return out
    }

    /// A few lines: how far the sweep went, where it stopped and the suggestion.
    public var summary: String {
        var lines: [String] = []
        if let first = points.first, let last = points.last {
            lines.append("swept lr \(Diagnosis.num(first.lr)) to \(Diagnosis.num(last.lr)) over \(points.count) minibatch\(points.count == 1 ? "" : "es")"
                         + (diverged ? ", stopped: the smoothed loss passed 4× its best (\(Diagnosis.num(last.smoothedLoss)))" : ""))
        }
        if let best = points.min(by: { $0.smoothedLoss < $1.smoothedLoss }) {
            lines.append("lowest smoothed loss \(Diagnosis.num(best.smoothedLoss)) at lr \(Diagnosis.num(best.lr))")
        }
        if let s = suggestionIndex, let v = valley {
            lines.append("suggested lr \(Diagnosis.num(points[s].lr)) (fastai valley: the longest descent, lr \(Diagnosis.num(points[v.lowerBound].lr))–\(Diagnosis.num(points[v.upperBound].lr)))")
        } else {
            lines.append("no suggestion: the sweep was too short")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension PhaseMap {
    public func json() -> String {
        let key = axis == .epochs ? "epochs" : "batch"
        let rows = cells.map { row in
            "[" + row.map { cell -> String in
                guard let cell else { return "null" }
                return "{\"lr\": \(RunReport.number(cell.lr)), \"\(key)\": \(cell.value), "
                    + "\"state\": \(cell.state.map { RunReport.string($0.rawValue) } ?? "null"), "
                    + "\"instability\": \(cell.kind.map { RunReport.string($0.rawValue) } ?? "null"), "
                    + "\"trainLoss\": \(cell.trainLoss.map(RunReport.number) ?? "null"), "
                    + "\"validationLoss\": \(cell.validationLoss.map(RunReport.number) ?? "null"), "
                    + "\"trueError\": \(cell.trueError.map(RunReport.number) ?? "null"), "
                    + "\"epochsRun\": \(cell.epochsRun)}"
            }.joined(separator: ",\n     ") + "]"
        }
        let current = currentPosition
        var out = "{\n"
        out += "  \"config\": \(configJSON(base)),\n"
        out += "  \"axis\": \(RunReport.string(key)),\n"
        out += "  \"learningRates\": " + RunReport.numbers(learningRates) + ",\n"
        out += "  \"values\": [" + values.map(String.init).joined(separator: ", ") + "],\n"
        out += "  \"current\": {\"row\": \(current.row), \"column\": \(current.column)},\n"
        out += "  \"cells\": [\n    " + rows.joined(separator: ",\n    ") + "\n  ]\n"
        out += "}\n"
        return out
    }

    /// One letter per cell (G good, O overfitting, U underfitting, X unstable), learning rates down,
    /// the axis across; the learner's setting in brackets.
    public var textGrid: String {
        let current = currentPosition
        let label = axis == .epochs ? "epochs" : "batch"
        var lines = ["lr \\ \(label)".padding(toLength: 9, withPad: " ", startingAt: 0)
                     + values.map { String($0).leftPadded(6) }.joined()]
        for (r, row) in cells.enumerated() {
            var line = Diagnosis.num(learningRates[r]).padding(toLength: 9, withPad: " ", startingAt: 0)
            for (c, cell) in row.enumerated() {
                let letter = cell.map { $0.state.map(Self.letter) ?? "-" } ?? "?"
                line += ((r, c) == (current.row, current.column) ? "[\(letter)]" : " \(letter) ").leftPadded(6)
            }
            lines.append(line)
        }
        lines.append("G good fit  O overfitting  U underfitting  X unstable  [ ] your setting")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func letter(_ state: FitState) -> String {
        switch state {
        case .good: "G"
        case .overfitting: "O"
        case .underfitting: "U"
        case .unstable: "X"
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// The config as a JSON object (its Codable form, keys sorted).
func configJSON(_ config: TrainingConfig) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(config)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
}
