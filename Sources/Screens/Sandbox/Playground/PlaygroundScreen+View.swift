import AIFCore
import Foundation
import TerminalUI
import TrainingSandbox

/// Where each part of the Playground tab goes. Left: the settings. Middle: the field, as square
/// as the cells allow (a half-block cell is about as tall as it is wide). Right: status, accuracy,
/// the loss chart. Bottom, full width: the diagnosis.
struct PlaygroundLayout {
    var controls: Rect
    var notes: Rect
    var fieldTitle: Rect
    var field: Rect
    var legend: Rect
    var status: Rect
    var accuracy: Rect
    var lossTitle: Rect
    var loss: Rect
    var diagnosis: Rect

    init(area: Rect, diagnosisLines: Int) {
        let diagnosisHeight = min(max(4, diagnosisLines + 2), max(4, area.height / 3))
        let rows = Layout.vertical([.fill(1), .length(diagnosisHeight)]).split(area)
        let top = rows[0]
        diagnosis = rows[1]
        let controlsWidth = top.width >= 150 ? 34 : 26
        let minRight = top.width >= 150 ? 40 : 22
        let fieldRows = max(1, top.height - 2)
        let fieldWidth = max(1, min(2 * fieldRows, top.width - controlsWidth - minRight - 2))
        let cols = Layout.horizontal([.length(controlsWidth), .length(fieldWidth), .fill(1)], spacing: 1).split(top)
        let left = Layout.vertical([.length(min(PlaygroundControl.allCases.count, cols[0].height)), .fill(1)]).split(cols[0])
        controls = left[0]
        notes = left[1].inset(top: 1)
        let height = min(fieldRows, (fieldWidth + 1) / 2)
        let middle = Layout.vertical([.length(1), .length(height), .length(1), .fill(1)]).split(cols[1])
        fieldTitle = middle[0]
        field = middle[1]
        legend = middle[2]
        let right = Layout.vertical([.length(1), .length(1), .length(1), .fill(1)]).split(cols[2])
        status = right[0]
        accuracy = right[1]
        lossTitle = right[2]
        loss = right[3]
    }
}

extension PlaygroundScreen {
    func layout(_ area: Rect, _ ctx: AppContext) -> PlaygroundLayout {
        PlaygroundLayout(area: area, diagnosisLines: Paragraph(diagnosisSpans(ctx, theme: .ascii), width: max(1, area.width - 4)).height)
    }

    public func view(into buf: inout Buffer, area: Rect, _ ctx: AppContext, theme: Theme) {
        let layout = layout(area, ctx)
        renderControls(layout, &buf, ctx, theme: theme)
        buf.put(ctx.t("Decision boundary", "決定境界") + " \(config.dataset.rawValue)", x: layout.fieldTitle.x, y: layout.fieldTitle.y,
                style: theme.title, maxWidth: layout.fieldTitle.width)
        PlaygroundField.render(run, in: layout.field, &buf, theme: theme)
        Paragraph(PlaygroundField.legend(ctx, theme: theme), width: layout.legend.width).render(layout.legend, into: &buf)
        renderStatus(layout, &buf, ctx, theme: theme)
        renderLoss(layout, &buf, ctx, theme: theme)
        renderDiagnosis(in: layout.diagnosis, &buf, ctx, theme: theme)
        if let pickerSelection { renderPicker(area, selected: pickerSelection, &buf, ctx, theme: theme) }
    }

    private func renderControls(_ layout: PlaygroundLayout, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let rect = layout.controls
        let labelWidth = 12
        for (row, control) in PlaygroundControl.allCases.prefix(rect.height).enumerated() {
            let focused = control == selected
            let y = rect.y + row
            let marker = focused ? "\(theme.symbols.pointer)" : " "
            buf.put(marker + control.label(ctx), x: rect.x, y: y, style: focused ? theme.accent.with(.bold) : .plain, maxWidth: labelWidth)
            let arrows = focused ? (theme.unicode ? ("◂ ", " ▸") : ("< ", " >")) : ("  ", "")
            buf.put(arrows.0 + control.valueText(config, unicode: theme.unicode) + arrows.1, x: rect.x + labelWidth, y: y,
                    style: focused ? theme.selected : .plain, maxWidth: rect.width - labelWidth)
        }
        var spans: [Span] = []
        if let preset {
            let changed = presetConfig == config ? "" : ctx.t(" (changed)", " (変更あり)")
            spans.append(Span(ctx.t("Preset: ", "プリセット: ") + preset.title(ctx.language) + changed + "\n", style: theme.title))
        }
        spans.append(Span(selected.hint(ctx), style: theme.muted))
        let notes = layout.notes
        if notes.height > 0 { Paragraph(spans, width: notes.width).fitting(height: notes.height, width: notes.width).render(notes, into: &buf) }
    }

    /// The preset's config as applied (to say "changed" once a setting moves).
    var presetConfig: TrainingConfig? {
        guard let preset else { return nil }
        let settings = preset.settings.map { (key: $0.key, value: $0.value) }
        return try? TrainingConfig.base(for: settings).applying(settings: settings)
    }

    private func renderStatus(_ layout: PlaygroundLayout, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let rect = layout.status
        var x = rect.x + buf.put(ctx.t("Epoch \(run.epochsDone)/\(config.epochs)", "エポック \(run.epochsDone)/\(config.epochs)"),
                                 x: rect.x, y: rect.y, style: .bold, maxWidth: rect.width)
        let state: (String, Style)
        if run.isFinished, run.history.last?.isFinite == false {
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
        let a = layout.accuracy
        if let last = run.history.last, let train = last.trainAccuracy, let test = last.validationAccuracy {
            let text = ctx.t("Accuracy train \(percent(train)) test \(percent(test))", "正解率 訓練 \(percent(train)) テスト \(percent(test))")
                + (run.deadWeights > 0 ? ctx.t(", \(run.deadWeights) weights at 0", "、重み \(run.deadWeights) 個が 0") : "")
            let short = ctx.t("Acc. \(percent(train)) / \(percent(test))", "正解率 \(percent(train)) / \(percent(test))")
            buf.put(DisplayWidth.of(text) <= a.width ? text : short, x: a.x, y: a.y, style: .bold, maxWidth: a.width)
        } else {
            buf.put(ctx.t("\(run.trainingData.count) train / \(run.validationData.count) test points",
                          "訓練 \(run.trainingData.count) 点 / テスト \(run.validationData.count) 点"), x: a.x, y: a.y, style: theme.muted, maxWidth: a.width)
        }
    }

    private func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    private func renderLoss(_ layout: PlaygroundLayout, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let title = layout.lossTitle
        var x = title.x + buf.put(ctx.t("Loss (log)", "損失 (対数)"), x: title.x, y: title.y, style: theme.title, maxWidth: title.width)
        for (text, line, marker, style) in [
            (ctx.t("train", "訓練"), "━", SandboxCharts.trainMarker, SandboxCharts.trainStyle(theme)),
            (ctx.t("test", "テスト"), "┅", SandboxCharts.validationMarker, SandboxCharts.validationStyle(theme)),
        ] {
            x += 2
            x += buf.put((theme.unicode ? line : String(marker)) + " " + text, x: x, y: title.y, style: style, maxWidth: title.maxX - x)
        }
        SandboxCharts.lossChart(run, ctx, theme: theme).render(layout.loss, into: &buf)
    }

    /// The diagnosis as one paragraph: the state's name, then the evidence from the curves.
    func diagnosisSpans(_ ctx: AppContext, theme: Theme) -> [Span] {
        guard let d = run.diagnosis else {
            return [Span(ctx.t("Training has not started.", "まだ学習していません。"), style: theme.muted)]
        }
        var spans = [Span(d.state.name(ctx), style: d.state.style(theme).with(.reverse))]
        if let kind = d.kind { spans.append(Span(" (\(kind.name(ctx)))", style: d.state.style(theme))) }
        if !run.isFinished { spans.append(Span(ctx.t(" so far", " (途中経過)"), style: theme.muted)) }
        spans.append(Span((ctx.isJapanese ? "。" : ": ") + (ctx.isJapanese ? d.reasonJA : d.reason)))
        if !d.advice.isEmpty { spans.append(Span(" " + (ctx.isJapanese ? d.adviceJA : d.advice), style: theme.muted)) }
        return spans
    }

    private func renderDiagnosis(in rect: Rect, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let dash = theme.unicode ? "—" : "-"
        let card = cardID().map { " \(dash) " + ctx.t("Enter: card \($0)", "Enter: カード \($0)") } ?? ""
        Panel(title: ctx.t("Diagnosis", "診断") + card, style: theme.muted, titleStyle: theme.title, theme: theme).render(rect, into: &buf)
        let inner = Panel.inner(of: rect)
        guard inner.height > 0 else { return }
        Paragraph(diagnosisSpans(ctx, theme: theme), width: inner.width).render(inner, into: &buf)
    }

    private func renderPicker(_ area: Rect, selected: Int, _ buf: inout Buffer, _ ctx: AppContext, theme: Theme) {
        let list = presets
        let box = area.centered(width: min(area.width - 2, 72), height: min(area.height, list.count + 8))
        buf.fill(box)
        let dash = theme.unicode ? "—" : "-"
        Panel(title: ctx.t("Playground presets \(dash) Enter applies, Esc closes", "Playground のプリセット \(dash) Enter で適用、Esc で閉じる"),
              style: theme.accent, titleStyle: theme.title, theme: theme).render(box, into: &buf)
        let inner = Panel.inner(of: box)
        let items: [Line] = list.map { p in
            [Span(p.title(ctx.language)), Span("  " + (FitState(rawValue: p.expect)?.name(ctx) ?? p.expect), style: theme.muted)]
        }
        let rows = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - 5))
        ListView(items: items, selected: selected, height: rows.height, theme: theme).render(rows, into: &buf)
        let description = Rect(x: inner.x, y: rows.maxY + 1, width: inner.width, height: max(0, inner.maxY - rows.maxY - 1))
        if !list.isEmpty {
            Paragraph(SandboxText.unfold(list[min(selected, list.count - 1)].description, ctx.language), style: theme.muted,
                      width: description.width).render(description, into: &buf)
        }
    }
}
