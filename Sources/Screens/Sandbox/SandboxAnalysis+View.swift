import Foundation
import TerminalUI
import TrainingSandbox

extension SandboxScreen {
    // MARK: learning-rate finder

    /// The sweep: smoothed loss against log10 of the rate, the suggestion marked, what Enter does.
    func renderFinder(_ area: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let box = area.centered(width: min(area.width - 2, 76), height: min(area.height, 20))
        buf.fill(box)
        let title = ctx.t("Learning-rate finder \(dash(theme)) Enter: use it, f: again, Esc closes",
                          "学習率ファインダー \(dash(theme)) Enter: 採用、f: 再実行、Esc: 閉じる")
        Panel(title: title, style: theme.accent, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let inner = Panel.inner(of: box)
        guard inner.height > 4 else { return }
        guard let finder = analysis.finder, !finder.points.isEmpty else {
            let text = analysis.finderRunning
                ? ctx.t("Sweeping the learning rate from 1e-7 to 10 on a copy of this model" + (theme.unicode ? "…" : "..."),
                        "このモデルの複製で学習率を 1e-7 から 10 まで上げています" + (theme.unicode ? "…" : "..."))
                : ctx.t("No sweep yet: f starts one.", "まだ実行していません。f で開始します。")
            Paragraph(text, style: theme.muted, width: inner.width).render(inner, into: &buf)
            return
        }
        let notes = finderNotes(finder, ctx, theme: theme)
        let noteHeight = Paragraph(notes, width: inner.width).height
        let chartRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(3, inner.height - noteHeight))
        Self.finderChart(finder, ctx, theme: theme).render(chartRect, into: &buf)
        Paragraph(notes, width: inner.width).render(inner.inset(top: chartRect.height), into: &buf)
    }

    static func finderChart(_ finder: LRFinder, _ ctx: AppContext, theme: Theme) -> LineChart {
        let smoothed = finder.points.map { (x: log10($0.lr), y: $0.smoothedLoss) }
        let raw = finder.points.map { (x: log10($0.lr), y: $0.loss) }
        var markers: [ChartMarker] = []
        if let s = finder.suggestionIndex {
            markers.append(ChartMarker(x: log10(finder.points[s].lr), label: ctx.t("suggested", "推奨"), style: theme.good))
        }
        let values = finder.points.flatMap { [$0.loss, $0.smoothedLoss] }.filter { $0.isFinite && $0 > 0 }
        let bounds = values.min().flatMap { lo in values.max().map { hi in hi / lo < 1.01 ? (lo / 1.1)...(hi * 1.1) : lo...hi } }
        return LineChart(
            series: [
                ChartSeries(name: "loss", points: raw, style: theme.muted, asciiMarker: ".", dashed: true),
                ChartSeries(name: "smoothed", points: smoothed, style: SandboxCharts.trainStyle(theme).with(.bold), asciiMarker: "*"),
            ],
            xBounds: log10(LRFinder.startLR)...log10(LRFinder.endLR), yBounds: bounds, logY: true, markers: markers,
            xTitle: ctx.t("log10 learning rate", "学習率 (log10)"), theme: theme)
    }

    private func finderNotes(_ finder: LRFinder, _ ctx: AppContext, theme: Theme) -> [Span] {
        var spans: [Span] = []
        let line = theme.unicode ? "━" : "*"
        spans.append(Span(line + " " + ctx.t("smoothed loss (β 0.98)", "平滑化した損失 (β 0.98)"), style: SandboxCharts.trainStyle(theme).with(.bold)))
        spans.append(Span("  " + (theme.unicode ? "┅" : ".") + " " + ctx.t("minibatch loss", "ミニバッチ損失") + "\n", style: theme.muted))
        if let last = finder.points.last {
            let n = finder.points.count
            spans.append(Span(finder.diverged
                ? ctx.t("Stopped after \(n) minibatches at lr \(Diagnosis.num(last.lr)): the smoothed loss passed 4× its best.",
                        "\(n) ミニバッチ後、学習率 \(Diagnosis.num(last.lr)) で停止: 平滑化損失が最良値の 4 倍を超えました。")
                : ctx.t("Swept \(n) minibatches up to lr \(Diagnosis.num(last.lr)).", "\(n) ミニバッチで学習率 \(Diagnosis.num(last.lr)) まで上げました。") + "\n"))
            if finder.diverged { spans.append(Span("\n")) }
        }
        if let rate = analysis.suggestedRate, let v = finder.valley {
            let lo = Diagnosis.num(finder.points[v.lowerBound].lr), hi = Diagnosis.num(finder.points[v.upperBound].lr)
            spans.append(Span(ctx.t("Suggested lr \(SandboxFormat.decimal(rate))", "推奨学習率 \(SandboxFormat.decimal(rate))"), style: theme.good))
            spans.append(Span(ctx.t(", inside the longest descent (\(lo) to \(hi), fastai's valley). Enter sets the lr slider there (now \(SandboxFormat.decimal(config.lr))).",
                                    "。最も長い下り坂 (\(lo)〜\(hi)、fastai の valley) の中です。Enter で学習率をここに設定します (現在 \(SandboxFormat.decimal(config.lr)))。")))
        } else {
            spans.append(Span(ctx.t("No suggestion: the sweep was too short.", "推奨値なし: 掃引が短すぎました。"), style: theme.warning))
        }
        return spans
    }

    // MARK: phase map

    static let mapCellWidth = 6
    static let mapLabelWidth = 8

    /// The grid: one cell per (learning rate, epochs or batch), a letter for the state and a shade for
    /// the validation loss, the learner's setting in brackets, the cursor reversed.
    func renderPhaseMap(_ area: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        guard let map = analysis.map else { return }
        let gridWidth = Self.mapLabelWidth + Self.mapCellWidth * map.values.count
        let box = area.centered(width: min(area.width - 2, max(gridWidth + 4, 62)), height: min(area.height, map.learningRates.count + 11))
        buf.fill(box)
        let title = ctx.t("Phase map \(dash(theme)) arrows move, Enter runs it, b: \(map.axis == .epochs ? "batch" : "epochs"), Esc",
                          "フェーズマップ \(dash(theme)) 矢印: 移動、Enter: 実行、b: \(map.axis == .epochs ? "バッチ" : "エポック")、Esc")
        Panel(title: title, style: theme.accent, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let inner = Panel.inner(of: box)
        guard inner.height > 3 else { return }
        let axisName = map.axis == .epochs ? ctx.t("epochs", "エポック") : ctx.t("batch size", "バッチサイズ")
        let (down, across) = theme.unicode ? ("↓", "→") : ("(rows)", "(columns)")
        buf.put(ctx.t("learning rate \(down) × \(axisName) \(across)", "学習率 \(down) × \(axisName) \(across)"), x: inner.x, y: inner.y,
                style: theme.muted, maxWidth: inner.width)
        for (c, value) in map.values.enumerated() {
            let x = inner.x + Self.mapLabelWidth + c * Self.mapCellWidth
            let text = String(value)
            buf.put(text, x: x + Self.mapCellWidth - 1 - text.count, y: inner.y + 1, style: theme.muted)
        }
        let ranks = validationRanks(map)
        let current = map.currentPosition
        for (r, lr) in map.learningRates.enumerated() {
            let y = inner.y + 2 + r
            guard y < inner.maxY else { break }
            buf.put(SandboxFormat.decimal(lr), x: inner.x, y: y, style: theme.muted, maxWidth: Self.mapLabelWidth - 1)
            for c in map.values.indices {
                let x = inner.x + Self.mapLabelWidth + c * Self.mapCellWidth
                let isCurrent = (r, c) == (current.row, current.column)
                let isCursor = (r, c) == (analysis.cursor.row, analysis.cursor.column)
                var (text, style) = cellFace(map.cells[r][c], ranks: ranks, theme: theme)
                text = (isCurrent ? "[" : " ") + text + (isCurrent ? "]" : " ")
                if isCursor { style = style.with(.reverse) }
                buf.put(text, x: x, y: y, style: style)
            }
        }
        var y = inner.y + 2 + map.learningRates.count
        let legend = Paragraph(mapLegend(map, ctx, theme: theme), width: inner.width)
        let legendArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
        legend.render(legendArea, into: &buf)
        y += legend.height(in: legendArea)
        if y < inner.maxY {
            Paragraph(cursorSpans(map, ctx, theme: theme), width: inner.width)
                .render(Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), into: &buf)
        }
    }

    /// Shades for the validation loss, lowest first.
    static func shades(_ theme: Theme) -> [Character] { theme.unicode ? ["░", "▒", "▓", "█"] : [".", ":", "+", "#"] }

    /// Four columns: the state's letter and three of shade; `·` while the cell's run is pending.
    private func cellFace(_ cell: PhaseMap.Cell?, ranks: [Double], theme: Theme) -> (String, Style) {
        guard let cell else { return (theme.unicode ? " ·  " : " .  ", theme.muted) }
        guard let state = cell.state else { return ("-   ", theme.muted) }
        let shades = Self.shades(theme)
        var shade: Character = "!"
        if let v = cell.validationLoss, !ranks.isEmpty {
            // By quarter of the cells done so far: a few blown-up runs would otherwise make all the
            // others one shade.
            let below = ranks.prefix { $0 < v }.count
            shade = shades[min(shades.count - 1, below * shades.count / ranks.count)]
        }
        return (PhaseMap.letter(state) + String(repeating: shade, count: 3), state.style(theme))
    }

    /// The finite validation losses of the cells done so far, sorted.
    private func validationRanks(_ map: PhaseMap) -> [Double] {
        map.cells.flatMap { $0.compactMap { $0?.validationLoss } }.filter(\.isFinite).sorted()
    }

    private func mapLegend(_ map: PhaseMap, _ ctx: AppContext, theme: Theme) -> [Span] {
        var spans: [Span] = []
        let names: [(FitState, String)] = [(.good, ctx.t("Good fit", "適切")), (.overfitting, ctx.t("Overfitting", "過学習")),
                                           (.underfitting, ctx.t("Underfitting", "学習不足")), (.unstable, ctx.t("Unstable", "不安定"))]
        for (state, name) in names {
            spans.append(Span(PhaseMap.letter(state) + " " + name, style: state.style(theme)))
            spans.append(Span("  "))
        }
        spans.append(Span("[ ] " + ctx.t("your setting", "現在の設定") + "\n", style: theme.muted))
        let shades = Self.shades(theme).map(String.init).joined()
        spans.append(Span(ctx.t("val loss \(shades) lowest to highest quarter", "検証損失 \(shades) 低い順に 4 段階") + "  ", style: theme.muted))
        spans.append(Span("! " + ctx.t("diverged", "発散"), style: theme.muted))
        if analysis.mapRunning {
            spans.append(Span("  " + ctx.t("running \(map.completedCount)/\(map.learningRates.count * map.values.count)",
                                           "計算中 \(map.completedCount)/\(map.learningRates.count * map.values.count)"), style: theme.accent))
        }
        spans.append(Span("\n"))
        return spans
    }

    /// The cell under the cursor, in words.
    private func cursorSpans(_ map: PhaseMap, _ ctx: AppContext, theme: Theme) -> [Span] {
        let (r, c) = analysis.cursor
        let lr = SandboxFormat.decimal(map.learningRates[r]), value = map.values[c]
        let setting = map.axis == .epochs ? ctx.t("lr \(lr), \(value) epochs", "学習率 \(lr)、\(value) エポック")
            : ctx.t("lr \(lr), batch \(value)", "学習率 \(lr)、バッチ \(value)")
        guard let cell = map.cells[r][c] else {
            return [Span(setting + ctx.t(": running", ": 計算中"), style: theme.muted)]
        }
        var spans = [Span(setting + ": ", style: .bold)]
        if let state = cell.state { spans.append(Span(state.name(ctx), style: state.style(theme))) }
        if let v = cell.validationLoss {
            spans.append(Span(ctx.t(", val \(Diagnosis.num(v))", "、検証 \(Diagnosis.num(v))")))
        } else {
            spans.append(Span(ctx.t(", diverged at epoch \(cell.epochsRun)", "、エポック \(cell.epochsRun) で発散")))
        }
        if let e = cell.trueError { spans.append(Span(ctx.t(" (true error \(Diagnosis.num(e)))", " (真の誤差 \(Diagnosis.num(e)))"), style: Style(fg: .green))) }
        spans.append(Span(ctx.t(". Enter trains it live.", "。Enter でこの設定を学習します。"), style: theme.muted))
        return spans
    }

    // MARK: compare runs

    /// One paragraph for the diagnosis panel: what changed since the pinned run and what it did.
    func comparisonSpans(_ ctx: AppContext, theme: Theme) -> [Span] {
        guard let pinned = analysis.pinned else { return [] }
        let changes = SandboxComparison.changedSettings(from: pinned.config, to: config, arrow: arrow(theme))
        var spans = [Span(ctx.t("vs pinned: ", "固定した実行との比較: "), style: theme.muted.with(.bold))]
        if changes.isEmpty {
            spans.append(Span(ctx.t("same settings", "設定は同じ"), style: theme.muted))
        } else {
            spans.append(Span(changes.joined(separator: ", "), style: theme.accent))
        }
        let before = pinned.diagnosis, after = run.diagnosis
        let name: (Diagnosis?) -> String = { $0.map { $0.state.name(ctx) } ?? ctx.t("none yet", "まだなし") }
        let val: (TrainingRun) -> String = { r in
            r.finalRecord.map { $0.isFinite ? Diagnosis.num($0.validationLoss) : ctx.t("diverged", "発散") } ?? "-"
        }
        spans.append(Span("; " + name(before) + " " + arrow(theme) + " " + name(after)))
        spans.append(Span(ctx.t(", val ", "、検証 ") + val(pinned) + " " + arrow(theme) + " " + val(run), style: theme.muted))
        return spans
    }

    private func arrow(_ theme: Theme) -> String { theme.unicode ? "→" : "->" }

    fileprivate func dash(_ theme: Theme) -> String { theme.unicode ? "—" : "-" }
}
