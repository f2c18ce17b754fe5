import Foundation
import TerminalUI
import TrainingSandbox

/// The decision boundary as a field of cells over Playground's square [−6, 6]², with the training
/// and test points on top.
///
/// - Colour: each cell is a half block, ▀ with the upper sample as foreground and the lower as
///   background, so a cell holds two samples and the field is as fine vertically as across. +1 is
///   blue and −1 red, the pale pair (cyan, yellow) where the network is unsure, no colour near 0.
/// - Monochrome and ASCII: one character per cell, its density the output (dense +1, light −1),
///   so the boundary reads without colour; points are shapes, never colour alone.
enum PlaygroundField {
    static let extent = TruthGrid.planeExtent

    /// Output bands: |y| below `unsure` has no colour, below `confident` the pale colour.
    static let unsure = 0.15
    static let confident = 0.5

    static func colour(_ y: Double) -> Color {
        let a = abs(y)
        guard a >= unsure, y.isFinite else { return .default }
        if y >= 0 { return a >= confident ? .blue : .cyan }
        return a >= confident ? .red : .yellow
    }

    /// Density ramps from −1 to +1.
    static let unicodeRamp: [Character] = [" ", "░", "▒", "▓", "█"]
    static let asciiRamp: [Character] = [" ", ".", ":", "=", "#"]

    static func shade(_ y: Double, unicode: Bool) -> Character {
        let ramp = unicode ? unicodeRamp : asciiRamp
        guard y.isFinite else { return ramp[2] }
        let t = (max(-1, min(1, y)) + 1) / 2
        return ramp[min(ramp.count - 1, Int(t * Double(ramp.count - 1) + 0.5))]
    }

    /// Train points filled, test points hollow; the glyph says the label.
    static func glyph(label: Double, test: Bool, unicode: Bool) -> Character {
        switch (label > 0, test, unicode) {
        case (true, false, true): "●"
        case (false, false, true): "✕"
        case (true, true, true): "○"
        case (false, true, true): "×"
        case (true, false, false): "o"
        case (false, false, false): "x"
        case (true, true, false): "O"
        case (false, true, false): "X"
        }
    }

    /// Samples per cell vertically: two in colour (half blocks), one otherwise.
    static func samplesPerRow(_ theme: Theme) -> Int { theme.color && theme.unicode ? 2 : 1 }

    /// The network's output at each sample of the field, row-major from the top left.
    static func outputs(_ run: TrainingRun, columns: Int, rows: Int) -> [Double] {
        let dx = 2 * extent / Double(columns), dy = 2 * extent / Double(rows)
        return run.predictField(x0: -extent + dx / 2, dx: dx, columns: columns, y0: extent - dy / 2, dy: -dy, rows: rows)
    }

    static func render(_ run: TrainingRun, showTest: Bool = true, in rect: Rect, _ buf: inout Buffer, theme: Theme) {
        guard rect.width > 0, rect.height > 0 else { return }
        let per = samplesPerRow(theme)
        let ys = outputs(run, columns: rect.width, rows: rect.height * per)
        for row in 0..<rect.height {
            for col in 0..<rect.width {
                let x = rect.x + col, y = rect.y + row
                if per == 2 {
                    let top = ys[(2 * row) * rect.width + col], bottom = ys[(2 * row + 1) * rect.width + col]
                    let (ct, cb) = (colour(top), colour(bottom))
                    if ct == .default && cb == .default {
                        buf.set(x, y, " ")
                    } else {
                        buf.set(x, y, "▀", style: Style(fg: ct, bg: cb))
                    }
                } else {
                    buf.set(x, y, shade(ys[row * rect.width + col], unicode: theme.unicode))
                }
            }
        }
        // Points on top: test first, so a training point wins a shared cell.
        let sets: [(Dataset, Bool)] = (showTest ? [(run.validationData, true)] : []) + [(run.trainingData, false)]
        for (data, test) in sets {
            for i in 0..<data.count {
                guard let (col, row) = cell(data.inputs[2 * i], data.inputs[2 * i + 1], rect) else { continue }
                let label = data.targets[i]
                let under = per == 2 ? ys[(2 * row + 1) * rect.width + col] : ys[row * rect.width + col]
                // White on blue, black on red: the shape carries the label, the contrast keeps it visible.
                let style = Style(fg: label > 0 ? .white : .black, bg: per == 2 ? colour(under) : .default, .bold)
                buf.set(rect.x + col, rect.y + row, glyph(label: label, test: test, unicode: theme.unicode),
                        style: theme.color ? style : .bold)
            }
        }
    }

    /// The cell a point falls in, nil outside the square.
    static func cell(_ px: Double, _ py: Double, _ rect: Rect) -> (col: Int, row: Int)? {
        let col = Int(((px + extent) / (2 * extent) * Double(rect.width)).rounded(.down))
        let row = Int(((extent - py) / (2 * extent) * Double(rect.height)).rounded(.down))
        guard (0..<rect.width).contains(col), (0..<rect.height).contains(row) else { return nil }
        return (col, row)
    }

    /// One line saying how to read the field in this theme.
    static func legend(_ ctx: AppContext, theme: Theme) -> [Span] {
        let train = "\(glyph(label: 1, test: false, unicode: theme.unicode))\(glyph(label: -1, test: false, unicode: theme.unicode))"
        let test = "\(glyph(label: 1, test: true, unicode: theme.unicode))\(glyph(label: -1, test: true, unicode: theme.unicode))"
        var spans: [Span] = []
        if theme.color && theme.unicode {
            spans += [Span("█", style: Style(fg: .blue)), Span(" +1 "), Span("█", style: Style(fg: .red)), Span(" −1")]
        } else {
            let ramp = theme.unicode ? unicodeRamp : asciiRamp
            spans += [Span("\(ramp[4]) +1  \(ramp[1]) -1  \(ramp[2]) ?")]
        }
        spans.append(Span("  \(train) " + ctx.t("train", "訓練") + "  \(test) " + ctx.t("test", "テスト"), style: .bold))
        return spans
    }
}
