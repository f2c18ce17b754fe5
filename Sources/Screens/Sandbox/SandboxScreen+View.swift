import AIFCore
import Foundation
import TerminalUI
import TrainingSandbox

extension SandboxScreen {
    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let layout = layout(area, ctx)
        renderSliders(layout, &buf, ctx, theme: theme)
        renderBatch(in: layout.batch, &buf, ctx, theme: theme)
        renderNotes(in: layout.notes, &buf, ctx, theme: theme)
        renderStatus(in: layout.status, &buf, ctx, theme: theme)
        renderLoss(layout, &buf, ctx, theme: theme)
        renderFitTitle(in: layout.fitTitle, &buf, ctx, theme: theme)
        SandboxCharts.FitChart(run: run, ghost: analysis.pinned, ctx: ctx, theme: theme).render(layout.fit, into: &buf)
        renderDiagnosis(in: layout.diagnosis, &buf, ctx, theme: theme)
        if let pickerSelection { renderPicker(area, selected: pickerSelection, &buf, ctx, theme: theme) }
        if explaining { renderExplanation(area, &buf, ctx, theme: theme) }
        switch analysis.overlay {
        case .finder: renderFinder(area, &buf, ctx, theme: theme)
        case .phaseMap: renderPhaseMap(area, &buf, ctx, theme: theme)
        case .none: break
        }
        // Drawn while still pending too: the first frame after a preset already shows it, so the key that
        // closes it is one the learner pressed having seen it.
        if presetInfo == .open || (presetInfo == .pending && !presetNotesFit(area, ctx)) {
            renderPresetInfo(area, &buf, ctx, theme: theme)
        }
    }

    private func renderSliders(_ layout: SandboxLayout, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        for (row, control) in zip(layout.sliders, SandboxControl.visible(config).dropFirst(layout.firstControl)) {
            let focused = control == selected
            Slider(label: "", valueText: control.valueText(config, ctx), position: control.position(config),
                   count: control.positionCount(config), focused: focused, theme: theme)
                .render(SandboxLayout.sliderRect(row), into: &buf)
            // Our labels are wider than Slider's, so they are drawn over its (empty) label column.
            buf.fill(Rect(x: row.x, y: row.y, width: min(row.width, SandboxLayout.labelColumns), height: 1))
            let marker = focused ? "\(theme.symbols.pointer)" : " "
            buf.put(marker + control.label(ctx), x: row.x, y: row.y, style: focused ? theme.accent.with(.bold) : .plain,
                    maxWidth: SandboxLayout.labelColumns - 1)
        }
    }

    /// Three lines under the sliders: updates per epoch, how the data splits into batches (with
    /// any leftover last batch), and what the batch size costs.
    private func renderBatch(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        guard rect.height >= 1 else { return }
        let trade = BatchTradeoff(config: config, batch: config.batch)
        let n = config.trainSize, b = trade.batch, u = config.updatesPerEpoch
        let k = config.leftoverPoints, full = n / b
        let times = theme.unicode ? "×" : "x"
        let split: (String, Style)
        if b >= n {
            split = (ctx.t("batch = whole training set (\(n))", "バッチ = 訓練データ全体 (\(n) 点)"), .plain)
        } else if k == 0 {
            split = (ctx.t("\(full) batches of \(b) points", "\(b) 点のバッチが \(full) 個"), .plain)
        } else {
            let batches = full == 1 ? "\(b)" : "\(full)\(times)\(b)"
            split = config.dropLast
                ? (ctx.t("\(batches); \(k) leftover point\(k == 1 ? "" : "s") dropped (d)", "\(batches)、端数 \(k) 点は捨てる (d)"), theme.muted)
                : (ctx.t("\(batches) + \(k) leftover point\(k == 1 ? "" : "s") per epoch", "1 エポックに \(batches) + 端数 \(k) 点"), theme.warning)
        }
        let lines: [(String, Style)] = [
            (ctx.t("Batch: \(u) update\(u == 1 ? "" : "s") per epoch", "バッチ: 1 エポックあたり \(u) 回更新"), .bold),
            split,
            (ctx.t("time/epoch \(SandboxFormat.ratio(trade.relativeEpochTime))\(times) mem/step \(SandboxFormat.ratio(trade.relativeMemory))\(times)",
                   "時間/エポック \(SandboxFormat.ratio(trade.relativeEpochTime))\(times) メモリ \(SandboxFormat.ratio(trade.relativeMemory))\(times)"), theme.muted),
        ]
        for (i, line) in lines.prefix(rect.height).enumerated() {
            buf.put(" " + line.0, x: rect.x, y: rect.y + i, style: line.1, maxWidth: rect.width)
        }
    }

    /// Only on larger terminals: the preset being shown and what the selected setting does.
    private func renderNotes(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        guard rect.height >= 2, rect.width > 4 else { return }
        var spans = presetSpans(ctx, theme: theme)
        if !spans.isEmpty { spans.append(Span("\n")) }
        spans.append(Span(selected.label(ctx) + ": " + selected.hint(ctx), style: theme.muted))
        // Two columns short of the charts, so the text never runs into their labels or legend.
        let text = Rect(x: rect.x, y: rect.y, width: rect.width - 2, height: rect.height)
        Paragraph(spans, width: text.width).fitting(height: text.height, width: text.width).render(text, into: &buf)
    }

    /// The preset's title, what to try, its description and a pinned-seed warning (empty without a preset).
    func presetSpans(_ ctx: AppContext, theme: Theme, changedNote: Bool = true) -> [Span] {
        guard let preset else { return [] }
        var spans: [Span] = []
        let changed = changedNote && presetConfig != config ? ctx.t(" (changed)", " (変更あり)") : ""
        spans.append(Span(ctx.t("Preset: ", "プリセット: ") + preset.title(ctx.language) + changed + "\n", style: theme.title))
        if presetConfig == config { spans.append(Span(SandboxTryHint.text(for: preset, ctx) + "\n", style: theme.accent)) }
        spans.append(Span(SandboxText.unfold(preset.description, ctx.language) + "\n"))
        if let pinned = pinnedSeed, pinned != config.seed {
            spans.append(Span(ctx.t("Shown on seed \(pinned); on seed \(config.seed) the lesson may differ.",
                                    "狙いはシード \(pinned) で見られます。シード \(config.seed) では変わることがあります。") + "\n",
                              style: theme.warning))
        }
        return spans
    }

    /// Whether the notes beside the sliders show the whole preset text at this size.
    func presetNotesFit(_ area: Rect, _ ctx: AppContext) -> Bool {
        let notes = layout(area, ctx).notes
        guard notes.height >= 2, notes.width > 4 else { return false }
        return Paragraph(presetSpans(ctx, theme: .standard), width: notes.width - 2).height <= notes.height
    }

    /// The preset's card over the screen: what the learner is about to see, read before the run starts.
    private func renderPresetInfo(_ area: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let width = min(area.width - 2, 72)
        let body = presetSpans(ctx, theme: theme, changedNote: false) + [
            Span("\n"), Span(ctx.t("Any key starts the run; i shows this again.", "何かキーを押すと学習が始まります。i でもう一度表示します。"),
                             style: theme.muted),
        ]
        let lines = Paragraph(body, width: max(1, width - 4)).height
        let box = area.centered(width: width, height: min(area.height, lines + 2))
        buf.fill(box)
        Panel(title: ctx.t("Preset", "プリセット"), style: theme.accent, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let inner = Panel.inner(of: box)
        Paragraph(body, width: inner.width).render(inner, into: &buf)
    }

    private func renderStatus(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let done = run.epochsDone, total = config.epochs
        var x = rect.x + buf.put(ctx.t("Epoch \(done)/\(total)", "エポック \(done)/\(total)"), x: rect.x, y: rect.y, style: .bold, maxWidth: rect.width)
        let state: (String, Style)
        if let stop = run.stoppedEpoch {
            let restored = run.restoredEpoch.map { ctx.t(", weights of \($0)", "、\($0) の重みに復元") } ?? ""
            state = (ctx.t("early stop at \(stop)\(restored)", "早期停止: \(stop)\(restored)"), theme.warning)
        } else if run.isFinished, run.history.last?.isFinite == false {
            state = (ctx.t("stopped: loss diverged", "停止: 損失が発散"), theme.bad)
        } else if run.isFinished {
            state = (ctx.t("done", "完了"), theme.good)
        } else if paused {
            state = (ctx.t("paused (Space, n)", "一時停止中 (Space, n)"), theme.warning.with(.reverse))
        } else {
            state = (ctx.t("training", "学習中") + (theme.unicode ? "…" : "..."), theme.accent)
        }
        x += 2
        buf.put(state.0, x: x, y: rect.y, style: state.1, maxWidth: rect.maxX - x)
    }

    private func renderLoss(_ layout: SandboxLayout, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let title = layout.lossTitle
        var x = title.x + buf.put(ctx.t("Loss (log)", "損失 (対数)"), x: title.x, y: title.y, style: theme.title, maxWidth: title.width)
        let unicode = theme.unicode
        // Solid train, dashed validation: the legend draws what the chart draws.
        for (text, line, marker, style) in [
            (ctx.t("train", "訓練"), "━", SandboxCharts.trainMarker, SandboxCharts.trainStyle(theme)),
            (ctx.t("val", "検証"), "┅", SandboxCharts.validationMarker, SandboxCharts.validationStyle(theme)),
            (ctx.t("true error", "真の誤差"), "┄", SandboxCharts.truthMarker, SandboxCharts.truthStyle(theme)),
        ] + (analysis.pinned == nil ? [] : [(ctx.t("pinned", "固定"), "━", SandboxCharts.ghostMarker, SandboxCharts.ghostStyle(theme))]) {
            x += 2
            x += buf.put((unicode ? line : String(marker)) + " " + text, x: x, y: title.y, style: style, maxWidth: title.maxX - x)
        }
        SandboxCharts.lossChart(run, ghost: analysis.pinned, ctx, theme: theme).render(layout.loss, into: &buf)
        let plot = SandboxCharts.plotRect(layout.loss, yLabels: SandboxCharts.lossLabels(run, ghost: analysis.pinned))
        SandboxCharts.LearningRateStrip(run: run, plot: plot, ctx: ctx, theme: theme).render(layout.lrStrip, into: &buf)
    }

    private func renderFitTitle(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        var x = rect.x + buf.put(ctx.t("Fit", "フィット"), x: rect.x, y: rect.y, style: theme.title, maxWidth: rect.width)
        let items: [(String, Style)] = [
            ((theme.unicode ? "• " : "o ") + ctx.t("train", "訓練"), SandboxCharts.trainStyle(theme).with(.bold)),
            ("+ " + ctx.t("val", "検証"), SandboxCharts.validationStyle(theme)),
            ((theme.unicode ? "┅ " : ". ") + ctx.t("true", "真の関数"), Style(fg: .green)),
            ((theme.unicode ? "━ " : "# ") + ctx.t("model", "モデル"), Style(fg: .magenta, .bold)),
        ]
        for (text, style) in items {
            x += ctx.isJapanese ? 1 : 2
            guard x < rect.maxX else { break }
            x += buf.put(text, x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        }
    }

    /// What only a sandbox knows, beside what anyone sees: one line, shorter on narrow screens.
    func truthLine(_ ctx: AppContext, width: Int = .max) -> String? {
        guard let r = run.finalRecord, r.isFinite else { return nil }
        // Mid-run the tracked (coarse) figure of the last epoch; the dense one once the run ends.
        let e = Diagnosis.num(run.isFinished ? run.trueError : r.trueError ?? run.trueError), floor = Diagnosis.num(run.noiseFloor)
        let train = Diagnosis.num(r.trainLoss), val = Diagnosis.num(r.validationLoss)
        let long = ctx.t("train \(train) val \(val) floor \(floor) | only a sandbox knows: true error \(e)",
                         "訓練 \(train) 検証 \(val) 下限 \(floor) | サンドボックスだけが知る真の誤差 \(e)")
        if DisplayWidth.of(long) <= width { return long }
        return ctx.t("only a sandbox knows: true error \(e)", "サンドボックスだけが知る真の誤差 \(e)")
    }

    /// The diagnosis as one paragraph: the state's name, then the evidence.
    func diagnosisSpans(_ ctx: AppContext, theme: Theme) -> [Span] {
        guard let d = run.diagnosis else {
            return [Span(ctx.t("Training has not started.", "まだ学習していません。"), style: theme.muted)]
        }
        var spans = [Span(d.state.name(ctx), style: d.state.style(theme).with(.reverse))]
        if let kind = d.kind { spans.append(Span(" (\(kind.name(ctx)))", style: d.state.style(theme))) }
        if !run.isFinished { spans.append(Span(ctx.t(" so far", " (途中経過)"), style: theme.muted)) }
        spans.append(Span((ctx.isJapanese ? "。" : ": ") + (ctx.isJapanese ? d.reasonJA : d.reason)))
        return spans
    }

    /// Lines the diagnosis panel needs inside its frame at this width.
    func diagnosisLines(width: Int, _ ctx: AppContext) -> Int {
        let theme = Theme.ascii
        let body = Paragraph(diagnosisSpans(ctx, theme: theme), width: max(1, width)).height
        let truth = truthLine(ctx, width: width).map { Paragraph($0, width: max(1, width)).height } ?? 0
        let comparison = analysis.pinned == nil ? 0 : Paragraph(comparisonSpans(ctx, theme: theme), width: max(1, width)).height
        return body + truth + comparison
    }

    private func renderDiagnosis(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let card = run.diagnosis.flatMap { _ in cardID() }.map { " \(dash(theme)) " + ctx.t("c: why, card \($0)", "c: 理由とカード \($0)") } ?? ""
        Panel(title: ctx.t("Diagnosis", "診断") + card, style: theme.muted, titleStyle: theme.title, theme: theme).render(rect, into: &buf)
        let inner = Panel.inner(of: rect)
        guard inner.height > 0 else { return }
        let body = Paragraph(diagnosisSpans(ctx, theme: theme), width: inner.width)
        body.render(inner, into: &buf)
        var used = body.height(in: inner)
        // The comparison before the ground truth: it is what the learner pinned a run for.
        if analysis.pinned != nil, inner.height > used {
            let area = inner.inset(top: used)
            let comparison = Paragraph(comparisonSpans(ctx, theme: theme), width: inner.width)
            comparison.render(area, into: &buf)
            used += comparison.height(in: area)
        }
        if let truth = truthLine(ctx, width: inner.width), inner.height > used {
            Paragraph(truth, style: Style(fg: .green), width: inner.width).render(inner.inset(top: used), into: &buf)
        }
    }

    /// The `c` overlay: how the verdict was reached, the rules in words, what to try, the card.
    private func renderExplanation(_ area: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        guard let d = run.diagnosis else { return }
        let box = area.centered(width: min(area.width - 2, 78), height: area.height)
        buf.fill(box)
        let title = ctx.t("Why this diagnosis \(dash(theme)) Enter: card, s: the state's card, Esc closes",
                          "診断の理由 \(dash(theme)) Enter: カード、s: 状態のカード、Esc: 閉じる")
        Panel(title: title, style: theme.accent, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let inner = Panel.inner(of: box)
        let ja = ctx.isJapanese
        var spans = diagnosisSpans(ctx, theme: theme) + [Span("\n")]
        if let truth = truthLine(ctx, width: inner.width) { spans.append(Span(truth + "\n", style: Style(fg: .green))) }
        if !d.advice.isEmpty {
            spans.append(Span(ctx.t("What to try: ", "試すこと: "), style: .bold))
            spans.append(Span((ja ? d.adviceJA : d.advice) + "\n"))
        }
        if let id = cardID() {
            spans.append(Span(ctx.t("Card: \(id) (Enter opens it)", "カード: \(id) (Enter で開く)") + "\n", style: theme.accent))
        }
        spans.append(Span(ctx.t("The rules read only the curves, in this order:", "判定は曲線だけを見て、この順に行います:") + "\n",
                          style: .bold))
        for state in DiagnosisRules.order {
            let current = state == d.state
            spans.append(Span((current ? "\(theme.symbols.pointer)" : " ") + DiagnosisRules.rule(state, japanese: ja) + "\n",
                              style: current ? state.style(theme).with(.bold) : theme.muted))
        }
        Paragraph(spans, width: inner.width).render(inner, into: &buf)
    }

    private func renderPicker(_ area: Rect, selected: Int, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let box = Self.pickerBox(area, presets: presets.count)
        buf.fill(box)
        Panel(title: ctx.t("Presets \(dash(theme)) Enter applies, Esc closes", "プリセット \(dash(theme)) Enter で適用、Esc で閉じる"),
              style: theme.accent, titleStyle: theme.title, theme: theme)
            .render(box, into: &buf)
        let inner = Panel.inner(of: box)
        guard !presets.isEmpty else {
            buf.put(ctx.t("No presets in the content.", "プリセットがありません。"), x: inner.x, y: inner.y, style: theme.muted)
            return
        }
        let list = Self.pickerList(box)
        let items: [Line] = presets.map { p in
            [Span(p.title(ctx.language)), Span("  " + (FitState(rawValue: p.expect)?.name(ctx) ?? p.expect), style: theme.muted)]
        }
        list.view(items: items, selected: selected, theme: theme).render(list.rect, into: &buf)
        let description = Rect(x: inner.x, y: list.rect.maxY + 1, width: inner.width, height: inner.maxY - list.rect.maxY - 1)
        let text = SandboxText.unfold(presets[min(selected, presets.count - 1)].description, ctx.language)
        Paragraph(text, style: theme.muted, width: description.width).render(description, into: &buf)
    }

    private func dash(_ theme: Theme) -> String { theme.unicode ? "—" : "-" }
}
