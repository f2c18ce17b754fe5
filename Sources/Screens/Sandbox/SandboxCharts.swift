import Foundation
import TerminalUI
import TrainingSandbox

/// The sandbox's three plots, built on `LineChart` and `Sparkline`.
enum SandboxCharts {
    static func trainStyle(_ theme: Theme) -> Style { Style(fg: .cyan) }
    /// Bold as well as coloured, so validation stands apart on a monochrome terminal too.
    static func validationStyle(_ theme: Theme) -> Style { Style(fg: .yellow, .bold) }
    static let trainMarker: Character = "t"
    static let validationMarker: Character = "v"
    /// The error against the true function: what only a sandbox can plot.
    static func truthStyle(_ theme: Theme) -> Style { Style(fg: .green, .dim) }
    static let truthMarker: Character = "e"

    /// The epochs the x axis spans: the planned ones, or those run once early stopping ended the run.
    static func epochSpan(_ run: TrainingRun) -> Int {
        max(1, run.stoppedEpoch ?? run.config.epochs)
    }

    /// The plot area `LineChart.render` will use for these y labels (it reserves their width plus an axis).
    static func plotRect(_ rect: Rect, yLabels: [String]) -> Rect {
        let labelW = min(9, yLabels.map { DisplayWidth.of($0) }.max() ?? 1)
        return Rect(x: rect.x + labelW + 1, y: rect.y, width: rect.width - labelW - 1, height: rect.height - 2)
    }

    // MARK: loss

    /// The pinned run's curves under the live ones: dim, and drawn with their own ASCII marks.
    static func ghostStyle(_ theme: Theme) -> Style { Style(fg: .white, .dim) }
    static let ghostMarker: Character = ":"

    /// Train and validation loss from epoch 0 (untrained) on a log axis spanning the whole run, with a
    /// pinned run's (`ghost`) faintly underneath.
    static func lossChart(_ run: TrainingRun, ghost: TrainingRun? = nil, _ ctx: AppContext, theme: Theme) -> LineChart {
        var train = [(x: 0.0, y: run.initialTrainLoss)]
        var validation = [(x: 0.0, y: run.initialValidationLoss)]
        var truth: [(x: Double, y: Double)] = []
        for r in run.history {
            train.append((Double(r.epoch), r.trainLoss))
            validation.append((Double(r.epoch), r.validationLoss))
            if let e = r.trueError { truth.append((Double(r.epoch), e)) }
        }
        var markers: [ChartMarker] = []
        if let best = run.bestEpoch, !run.history.isEmpty {
            markers.append(ChartMarker(x: Double(best), label: ctx.t("best", "最良"), style: theme.good))
        }
        if let stop = run.stoppedEpoch {
            markers.append(ChartMarker(x: Double(stop), label: ctx.t("stop", "停止"), style: theme.bad))
        }
        var ghosts: [ChartSeries] = []
        if let ghost {
            let curve: (KeyPath<EpochRecord, Double>, Double) -> [(x: Double, y: Double)] = { key, start in
                [(x: 0, y: start)] + ghost.history.map { (Double($0.epoch), $0[keyPath: key]) }
            }
            ghosts = [
                ChartSeries(name: "pinned train", points: curve(\.trainLoss, ghost.initialTrainLoss), style: ghostStyle(theme),
                            asciiMarker: ghostMarker),
                ChartSeries(name: "pinned validation", points: curve(\.validationLoss, ghost.initialValidationLoss),
                            style: ghostStyle(theme), asciiMarker: ghostMarker, dashed: true),
            ]
        }
        return LineChart(
            series: ghosts + [
                ChartSeries(name: "train", points: train, style: trainStyle(theme), asciiMarker: trainMarker),
                ChartSeries(name: "validation", points: validation, style: validationStyle(theme), asciiMarker: validationMarker,
                            dashed: true),
                ChartSeries(name: "true error", points: truth, style: truthStyle(theme), asciiMarker: truthMarker, dashed: true),
            ],
            xBounds: 0...Double(max(epochSpan(run), ghost.map(epochSpan) ?? 0)), yBounds: lossBounds(run, ghost: ghost), logY: true,
            markers: markers,
            xTitle: ctx.t("epoch", "エポック"), theme: theme)
    }

    /// The range of the finite, positive losses so far (nil before there are any).
    static func lossBounds(_ run: TrainingRun, ghost: TrainingRun? = nil) -> ClosedRange<Double>? {
        var lo = Double.infinity, hi = 0.0
        let ghostLosses = ghost.map { g in [g.initialTrainLoss, g.initialValidationLoss] + g.history.flatMap { [$0.trainLoss, $0.validationLoss] } } ?? []
        for v in [run.initialTrainLoss, run.initialValidationLoss] + ghostLosses
            + run.history.flatMap({ [$0.trainLoss, $0.validationLoss] + ($0.trueError.map { [$0] } ?? []) })
        where v.isFinite && v > 0 {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        guard lo <= hi else { return nil }
        return hi / lo < 1.01 ? (lo / 1.1)...(hi * 1.1) : lo...hi
    }

    static func lossLabels(_ run: TrainingRun, ghost: TrainingRun? = nil) -> [String] {
        guard let b = lossBounds(run, ghost: ghost) else { return ["1"] }
        let lo = log10(b.lowerBound), hi = log10(b.upperBound)
        return [hi, (lo + hi) / 2, lo].map { LineChart.formatTick(pow(10, $0)) }
    }

    /// The planned learning rate of every epoch as a strip under the loss chart's plot; the epochs
    /// already trained are highlighted.
    struct LearningRateStrip: Widget {
        var run: TrainingRun
        /// The loss chart's plot area, whose columns the strip's epochs line up with.
        var plot: Rect
        var ctx: AppContext
        var theme: Theme

        func render(_ rect: Rect, into buf: inout Buffer) {
            guard rect.height > 0 else { return }
            // A space before the bars always: the Japanese label falls back to "lr" where it does not fit.
            let wide = ctx.t("lr", "学習率")
            let label = plot.x - 1 - DisplayWidth.of(wide) >= rect.x ? wide : "lr"
            buf.put(label, x: max(rect.x, plot.x - 1 - DisplayWidth.of(label)), y: rect.y, style: theme.muted,
                    maxWidth: max(0, plot.x - 1 - rect.x))
            let strip = Rect(x: plot.x, y: rect.y, width: plot.width, height: 1)
            guard strip.width > 0 else { return }
            let epochs = epochSpan(run)
            let rates = (0..<strip.width).map { col in
                LearningRateSchedule.rate(epoch: col * epochs / strip.width, config: run.config)
            }
            Sparkline(rates, style: theme.muted, theme: theme).render(strip, into: &buf)
            let done = Int((Double(run.epochsDone) / Double(epochs) * Double(strip.width)).rounded())
            buf.style(Rect(x: strip.x, y: strip.y, width: min(done, strip.width), height: 1)) { _ in theme.accent }
        }
    }

    // MARK: fit

    static func fitYBounds(_ run: TrainingRun) -> ClosedRange<Double> {
        let ys = run.trainingData.targets + run.validationData.targets
            + stride(from: -1.0, through: 1.0, by: 0.05).map(run.trueFunction)
        let lo = ys.min() ?? -1, hi = ys.max() ?? 1
        let pad = 0.05 * max(hi - lo, 1e-6)
        return (lo - pad)...(hi + pad)
    }

    static func fitLabels(_ bounds: ClosedRange<Double>) -> [String] {
        [bounds.upperBound, (bounds.lowerBound + bounds.upperBound) / 2, bounds.lowerBound].map(LineChart.formatTick)
    }

    /// The true function and the model's curve as lines, then the data as points on top:
    /// training points `•`/`o`, validation points `+`.
    struct FitChart: Widget {
        var run: TrainingRun
        /// A pinned run whose model curve is drawn faintly underneath.
        var ghost: TrainingRun? = nil
        var ctx: AppContext
        var theme: Theme

        func render(_ rect: Rect, into buf: inout Buffer) {
            guard run.config.dataset == .sine else {
                Paragraph(ctx.t("The fit view shows 1-D data only.", "フィットの表示は 1 次元のデータのみです。"), style: theme.muted,
                          width: rect.width).render(rect, into: &buf)
                return
            }
            let bounds = fitYBounds(run)
            let plot = plotRect(rect, yLabels: fitLabels(bounds))
            guard plot.width > 2, plot.height > 1 else { return }
            let samples = plot.width * 2
            let xs = (0...samples).map { -1 + 2 * Double($0) / Double(samples) }
            let model = run.predictCurve(xs)
            var ghosts: [ChartSeries] = []
            if let ghost, ghost.config.dataset == .sine {
                let curve = zip(xs, ghost.predictCurve(xs)).map { (x: $0, y: min(bounds.upperBound, max(bounds.lowerBound, $1))) }
                ghosts.append(ChartSeries(name: "pinned model", points: curve, style: ghostStyle(theme), asciiMarker: ghostMarker))
            }
            let chart = LineChart(
                series: ghosts + [
                    ChartSeries(name: "true", points: xs.map { ($0, run.trueFunction($0)) }, style: Style(fg: .green, .dim), asciiMarker: ".",
                                dashed: true),
                    ChartSeries(name: "model", points: zip(xs, model).map { ($0, $1) }, style: Style(fg: .magenta, .bold), asciiMarker: "#"),
                ],
                xBounds: -1...1, yBounds: bounds, xTitle: "x", theme: theme)
            chart.render(rect, into: &buf)

            func put(_ data: Dataset, _ ch: Character, _ style: Style) {
                for i in 0..<data.count {
                    let fx = (data.inputs[i] + 1) / 2
                    let fy = (data.targets[i] - bounds.lowerBound) / (bounds.upperBound - bounds.lowerBound)
                    let x = plot.x + Int((fx * Double(plot.width - 1)).rounded())
                    let y = plot.maxY - 1 - Int((min(1, max(0, fy)) * Double(plot.height - 1)).rounded())
                    buf.set(x, y, ch, style: style)
                }
            }
            put(run.validationData, "+", validationStyle(theme))
            put(run.trainingData, theme.unicode ? "•" : "o", trainStyle(theme).with(.bold))
        }
    }
}
