import AIFCore
import Foundation
import TerminalUI
import TrainingSandbox

extension SandboxScreen {
    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let layout = SandboxLayout(area: area, controls: SandboxControl.allCases.count)
        renderSliders(layout, &buf, ctx, theme: theme)
        renderBatch(in: layout.batch, &buf, ctx, theme: theme)
        renderNotes(in: layout.notes, &buf, ctx, theme: theme)
        renderStatus(in: layout.status, &buf, ctx, theme: theme)
        renderLoss(layout, &buf, ctx, theme: theme)
        renderFitTitle(in: layout.fitTitle, &buf, ctx, theme: theme)
        SandboxCharts.renderFit(run, in: layout.fit, &buf, ctx, theme: theme)
        renderDiagnosis(in: layout.diagnosis, &buf, ctx, theme: theme)
        if let pickerSelection { renderPicker(area, selected: pickerSelection, &buf, ctx, theme: theme) }
    }

    private func renderSliders(_ layout: SandboxLayout, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        for (row, control) in zip(layout.sliders, SandboxControl.allCases) {
            let focused = control == selected
            Slider(label: "", valueText: control.valueText(config, ctx), position: control.position(config),
                   count: control.positionCount(config), focused: focused)
                .render(in: SandboxLayout.sliderRect(row), &buf, theme: theme)
            // Our labels are wider than Slider's, so they are drawn over its (empty) label column.
            buf.fill(Rect(x: row.x, y: row.y, width: min(row.width, SandboxLayout.labelColumns), height: 1))
            let marker = focused ? "\(theme.symbols.pointer)" : " "
            buf.put(marker + control.label(ctx), x: row.x, y: row.y, style: focused ? theme.accent.with(.bold) : .plain,
                    maxWidth: SandboxLayout.labelColumns - 1)
        }
    }

    private func renderBatch(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        guard rect.height >= 3 else { return }
        let inner = Panel(title: ctx.t("Batch size", "バッチサイズ"), style: theme.muted, titleStyle: theme.title)
            .render(in: rect, &buf, theme: theme)
        let trade = BatchTradeoff(config: config, batch: config.batch)
        let n = config.trainSize, u = trade.updatesPerEpoch
        let times = theme.unicode ? "×" : "x"
        let lines: [(String, Style)] = [
            (ctx.t("\(u) update\(u == 1 ? "" : "s") per epoch", "1 エポックあたり \(u) 回更新"), .bold),
            (trade.batch >= n
                ? ctx.t("batch = whole training set (\(n))", "バッチ = 訓練データ全体 (\(n) 点)")
                : ctx.t("\(trade.batch) of \(n) points per update", "1 回の更新に \(n) 点中 \(trade.batch) 点"), .plain),
            (ctx.t("time/epoch \(SandboxFormat.ratio(trade.relativeEpochTime))\(times) mem/step \(SandboxFormat.ratio(trade.relativeMemory))\(times)",
                   "時間/エポック \(SandboxFormat.ratio(trade.relativeEpochTime))\(times) メモリ \(SandboxFormat.ratio(trade.relativeMemory))\(times)"), theme.muted),
        ]
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buf.put(line.0, x: inner.x, y: inner.y + i, style: line.1, maxWidth: inner.width)
        }
    }

    /// Only on larger terminals: the preset being shown and what the selected setting does.
    private func renderNotes(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        guard rect.height >= 2, rect.width > 4 else { return }
        var spans: [Span] = []
        if let preset {
            let changed = presetConfig != config ? ctx.t(" (changed)", " (変更あり)") : ""
            spans.append(Span(ctx.t("Preset: ", "プリセット: ") + preset.title(ctx.language) + changed + "\n", style: theme.title))
            if presetConfig == config { spans.append(Span(SandboxTryHint.text(for: preset, ctx) + "\n", style: theme.accent)) }
            spans.append(Span(SandboxText.unfold(preset.description, ctx.language) + "\n\n"))
        }
        spans.append(Span(selected.label(ctx) + ": " + selected.hint(ctx), style: theme.muted))
        Paragraph(spans, width: rect.width).render(in: rect, &buf)
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
            (ctx.t("train", "訓練損失"), "━", SandboxCharts.trainMarker, SandboxCharts.trainStyle(theme)),
            (ctx.t("val", "検証損失"), "┅", SandboxCharts.validationMarker, SandboxCharts.validationStyle(theme)),
        ] {
            x += 2
            x += buf.put((unicode ? line : String(marker)) + " " + text, x: x, y: title.y, style: style, maxWidth: title.maxX - x)
        }
        SandboxCharts.lossChart(run, ctx, theme: theme).render(in: layout.loss, &buf, theme: theme)
        let plot = SandboxCharts.plotRect(layout.loss, yLabels: SandboxCharts.lossLabels(run))
        SandboxCharts.renderLearningRate(run, in: layout.lrStrip, plot: plot, &buf, ctx, theme: theme)
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

    private func renderDiagnosis(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let inner = Panel(title: ctx.t("Diagnosis \(dash(theme)) c explains", "診断 \(dash(theme)) c で解説"), style: theme.muted, titleStyle: theme.title)
            .render(in: rect, &buf, theme: theme)
        guard inner.height > 0 else { return }
        guard let diagnosis = run.diagnosis else {
            buf.put(ctx.t("Training has not started.", "まだ学習していません。"), x: inner.x, y: inner.y, style: theme.muted, maxWidth: inner.width)
            return
        }
        var x = inner.x + buf.put(diagnosis.state.name(ctx), x: inner.x, y: inner.y, style: diagnosis.state.style(theme).with(.reverse),
                                  maxWidth: inner.width)
        if let kind = diagnosis.kind {
            x += buf.put(" (\(kind.name(ctx)))", x: x, y: inner.y, style: diagnosis.state.style(theme), maxWidth: inner.maxX - x)
        }
        if !run.isFinished {
            x += buf.put(ctx.t("  so far", "  (途中経過)"), x: x, y: inner.y, style: theme.muted, maxWidth: inner.maxX - x)
        }
        let reason = ctx.isJapanese ? diagnosis.reasonJA : diagnosis.reason
        Paragraph(reason, width: inner.width).render(in: inner.inset(top: 1), &buf)
    }

    private func renderPicker(_ area: Rect, selected: Int, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let presets = library.presets
        let box = Self.pickerBox(area, presets: presets.count)
        buf.fill(box)
        let inner = Panel(title: ctx.t("Presets \(dash(theme)) Enter applies, Esc closes", "プリセット \(dash(theme)) Enter で適用、Esc で閉じる"),
                          style: theme.accent, titleStyle: theme.title).render(in: box, &buf, theme: theme)
        guard !presets.isEmpty else {
            buf.put(ctx.t("No presets in the content.", "プリセットがありません。"), x: inner.x, y: inner.y, style: theme.muted)
            return
        }
        let list = Self.pickerList(box)
        let items: [Line] = presets.map { p in
            [Span(p.title(ctx.language)), Span("  " + (FitState(rawValue: p.expect)?.name(ctx) ?? p.expect), style: theme.muted)]
        }
        list.view(items: items, selected: selected).render(in: list.rect, &buf, theme: theme)
        let description = Rect(x: inner.x, y: list.rect.maxY + 1, width: inner.width, height: inner.maxY - list.rect.maxY - 1)
        let text = SandboxText.unfold(presets[min(selected, presets.count - 1)].description, ctx.language)
        Paragraph(text, style: theme.muted, width: description.width).render(in: description, &buf)
    }

    private func dash(_ theme: Theme) -> String { theme.unicode ? "—" : "-" }
}
