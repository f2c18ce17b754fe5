import TrainingSandbox
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A plain-text loss chart for `aifprep train --plot`: train as `t`, validation as `v`, both in
/// one cell as `*`, on a log₁₀ y axis (loss curves span decades). Non-finite points are skipped.
/// The TUI draws its own, richer chart; this one only needs a terminal that prints ASCII.
public enum LossChart {
    public static func render(_ run: TrainingRun, width: Int = 72, height: Int = 16) -> String {
        let history = run.history
        let values = history.flatMap { [$0.trainLoss, $0.validationLoss] + ($0.trueError.map { [$0] } ?? []) }.filter { $0.isFinite && $0 > 0 }
        guard let low = values.min(), let high = values.max(), width > 12, height > 3 else {
            return "(no finite losses to plot)\n"
        }
        let top = log10(high), bottom = log10(low)
        let span = max(top - bottom, 1e-9)
        let labelWidth = 9
        let plotWidth = width - labelWidth - 1
        var grid = Array(repeating: Array(repeating: Character(" "), count: plotWidth), count: height)

        func put(_ column: Int, _ value: Double, _ mark: Character) {
            guard value.isFinite, value > 0 else { return }
            let row = Int(((top - log10(value)) / span * Double(height - 1)).rounded())
            let r = min(max(row, 0), height - 1)
            let existing = grid[r][column]
            grid[r][column] = existing == " " || existing == mark ? mark : "*"
        }
        for column in 0..<plotWidth {
            // Each column shows the epoch at its position (the last epoch lands in the last column).
            let index = history.count == 1 ? 0
                : Int((Double(column) / Double(max(plotWidth - 1, 1)) * Double(history.count - 1)).rounded())
            put(column, history[index].trainLoss, "t")
            put(column, history[index].validationLoss, "v")
            if let e = history[index].trueError { put(column, e, "e") }
        }

        var lines: [String] = []
        for (r, row) in grid.enumerated() {
            let value = pow(10, top - span * Double(r) / Double(height - 1))
            let label = r == 0 || r == height - 1 || r == height / 2 ? format(value) : ""
            lines.append(String(repeating: " ", count: max(0, labelWidth - label.count)) + label + "|" + String(row))
        }
        lines.append(String(repeating: " ", count: labelWidth) + "+" + String(repeating: "-", count: plotWidth))
        let first = "1", last = "\(history.count)"
        lines.append(String(repeating: " ", count: labelWidth + 1) + first
                     + String(repeating: " ", count: max(1, plotWidth - first.count - last.count)) + last)
        let truth = history.contains { $0.trueError != nil }
        lines.append(String(repeating: " ", count: labelWidth + 1) + "epoch   t = train loss, v = validation loss"
                     + (truth ? ", e = true error" : "") + ", * = several (log scale)")
        if truth {
            lines.append(String(repeating: " ", count: labelWidth + 1) + "e: the model against the noise-free function, which only a sandbox knows;"
                         + " final \(format(run.trueError)), noise floor \(format(run.noiseFloor))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ x: Double) -> String {
        Diagnosis.num(x)
    }
}
