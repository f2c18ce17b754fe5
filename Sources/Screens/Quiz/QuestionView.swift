import AIFCore
import Foundation
import TerminalUI

/// Lays a question out as wrapped, styled lines, remembering which line belongs to which option so that
/// the same layout serves drawing and mouse hit-testing. Used while answering and when reviewing.
struct QuestionView: Widget {
    enum Target: Equatable { case option(Int), prompt(Int), answer(Int) }

    var question: Question
    var permutation: [Int]
    var answer: QuizAnswer?
    /// Display position under the keyboard cursor (options, ordering positions, matching prompts).
    var cursor: Int?
    /// Ordering: the position of the item being moved.
    var picked: Int?
    var showFeedback: Bool
    /// After the answer: the card that teaches the concept and, when the sandbox can open, its preset.
    var studyLink: (card: Card, preset: SandboxPreset?)?

    var lines: [Line] = []
    var targets: [Target?] = []
    /// The first line drawn.
    var scroll = 0
    /// The theme the lines were built with, so that drawing matches them.
    private(set) var theme = Theme.standard

    mutating func build(width: Int, _ ctx: AppContext, theme: Theme) {
        self.theme = theme
        lines = []
        targets = []
        let lang = ctx.language
        let w = max(10, width)
        let q = question
        add(TextWrap.wrap(Markup.parse(q.stem(lang).trimmingCharacters(in: .whitespacesAndNewlines), emphasis: Style([.bold, .underline])), width: w))
        blank()
        if !showFeedback { add([instruction(ctx, theme: theme)]) }
        let sym = theme.symbols
        let check = String(sym.check), cross = theme.unicode ? "✗" : "x"
        switch q.kind {
        case .single, .multiple:
            let chosen = QuizAnswer.chosen(answer)
            let multi: Bool = { if case .multiple = q.kind { return true }; return false }()
            for (k, o) in permutation.enumerated() {
                let on = chosen.contains(o)
                let box = multi ? (on ? "[x]" : "[ ]") : (on ? "(•)" : "( )")
                var mark = ""
                if showFeedback { mark = q.options[o].isCorrect ? check + " " : (on ? cross + " " : "  ") }
                let style: Style = showFeedback ? (q.options[o].isCorrect ? theme.good : (on ? theme.bad : .plain)) : (on ? .bold : .plain)
                item(prefix: "\(mark)\(box) \(k + 1). ", text: q.options[o].text(lang), style: style, width: w, target: .option(k))
                if showFeedback { why(q.options[o].why(lang), width: w, indent: DisplayWidth.of("\(mark)\(box) \(k + 1). "), theme: theme) }
            }
        case .ordering:
            let order = QuizAnswer.order(answer, shown: permutation)
            for (pos, content) in order.enumerated() {
                let isPicked = picked == pos
                var mark = isPicked ? (theme.unicode ? "↕ " : "* ") : "  "
                var style: Style = isPicked ? theme.accent.with(.bold) : .plain
                if showFeedback {
                    let ok = content == pos && answer != nil
                    mark = ok ? check + " " : cross + " "
                    style = ok ? theme.good : theme.bad
                }
                item(prefix: "\(mark)\(pos + 1). ", text: q.items[content].text(lang), style: style, width: w, target: .option(pos))
                if showFeedback {
                    let note = content == pos ? "" : ctx.t("(step \(content + 1)) ", "(正しくは \(content + 1) 番目) ")
                    why(note + q.items[content].why(lang), width: w, indent: DisplayWidth.of("\(mark)\(pos + 1). "), theme: theme)
                }
            }
        case .matching:
            let m = QuizAnswer.matches(answer, count: q.pairs.count)
            for (p, pair) in q.pairs.enumerated() {
                let letter = String(PlainInput.letters[p])
                var chosenText = "  ?  "
                if let a = m[p], let shown = permutation.firstIndex(of: a) { chosenText = "[\(shown + 1)]" }
                var mark = ""
                var style: Style = m[p] == nil ? .plain : .bold
                if showFeedback {
                    let ok = m[p] == p
                    mark = ok ? check + " " : cross + " "
                    style = ok ? theme.good : theme.bad
                }
                item(prefix: "\(mark)\(letter). ", text: pair.prompt(lang) + " → " + chosenText, style: style, width: w, target: .prompt(p))
                if showFeedback {
                    let right = q.pairs[p].answer(lang)
                    why((m[p] == p ? "" : ctx.t("Answer: ", "正解: ") + right + " — ") + pair.why(lang), width: w,
                        indent: DisplayWidth.of("\(mark)\(letter). "), theme: theme)
                }
            }
            blank()
            add([[Span(ctx.t("Answers", "答え"), style: theme.muted.with(.underline))]])
            let used = Set(m.compactMap { $0 })
            for (k, a) in permutation.enumerated() {
                item(prefix: "\(k + 1). ", text: q.pairs[a].answer(lang), style: used.contains(a) ? theme.muted : .plain, width: w, target: .answer(k))
            }
        }
        if showFeedback {
            blank()
            let ok = QuizScoring.isCorrect(q, answer)
            let verdict = answer == nil ? ctx.t("Not answered", "未回答") : (ok ? ctx.t("Correct", "正解") : ctx.t("Incorrect", "不正解"))
            add([[Span((ok ? check : cross) + " " + verdict, style: ok ? theme.good : theme.bad)]])
            add(TextWrap.wrap(Markup.parse(q.explanation(lang).trimmingCharacters(in: .whitespacesAndNewlines)), width: w))
            add(AvailabilityNote.lines(q.availability, width: w, ctx, theme: theme))
            if let link = studyLink {
                blank()
                let name = ContentText.plain(link.card.front(lang)).split(separator: "\n").first.map(String.init) ?? link.card.id
                add(TextWrap.wrap([Span(ctx.t("Study card: ", "学習カード: "), style: theme.muted), Span(name, style: .bold)], width: w))
                if let preset = link.preset {
                    add(TextWrap.wrap([Span("v ", style: theme.key), Span(ctx.t("see it live in the sandbox: ", "サンドボックスで動きを見る: "), style: theme.muted),
                                       Span(preset.title(lang))], width: w))
                }
            }
            add(ReferenceLines.lines(q.refs, width: w, ctx, theme: theme))
        }
    }

    private func instruction(_ ctx: AppContext, theme: Theme) -> Line {
        switch question.kind {
        case .single:
            return [Span(ctx.t("Choose one: 1–\(permutation.count) or ↑↓ and Space.", "1 つ選択: 1〜\(permutation.count) または ↑↓ と Space。"), style: theme.muted)]
        case .multiple(let n):
            let have = QuizAnswer.chosen(answer).count
            let style = have == n ? theme.good : theme.warning
            return [Span(ctx.t("Choose \(n)", "\(n) つ選択"), style: Style([.bold])),
                    Span(" · " + ctx.t("\(have) selected", "選択済み \(have) / \(n)"), style: style),
                    Span(ctx.t("  (number or Space toggles)", "  (番号か Space で切り替え)"), style: theme.muted)]
        case .ordering:
            return [Span(ctx.t("Put in order: Space picks an item up, ↑↓ move it, Space puts it down.",
                               "正しい順に並べる: Space で項目を持ち上げ、↑↓ で移動し、Space で置きます。"), style: theme.muted)]
        case .matching:
            return [Span(ctx.t("Match: choose a prompt with ↑↓, then type the number of its answer; 0 clears.",
                               "組み合わせ: ↑↓ で項目を選び、答えの番号を入力します。0 で解除。"), style: theme.muted)]
        }
    }

    private mutating func add(_ ls: [Line], target: Target? = nil) {
        lines += ls
        targets += Array(repeating: target, count: ls.count)
    }

    private mutating func blank() { add([[]]) }

    private mutating func item(prefix: String, text: String, style: Style, width: Int, target: Target) {
        let pw = DisplayWidth.of(prefix)
        let body = TextWrap.wrap(Markup.parse(text.trimmingCharacters(in: .whitespacesAndNewlines), base: style, emphasis: style.with(.bold)), width: max(4, width - pw - 2))
        for (i, line) in body.enumerated() {
            let lead = i == 0 ? "  " + prefix : String(repeating: " ", count: pw + 2)
            var l: Line = [Span(lead, style: style)]
            l += line
            add([l], target: target)
        }
        if body.isEmpty { add([[Span("  " + prefix, style: style)]], target: target) }
    }

    private mutating func why(_ text: String, width: Int, indent: Int, theme: Theme) {
        let pad = String(repeating: " ", count: indent + 2)
        for line in TextWrap.wrap(Markup.parse(text.trimmingCharacters(in: .whitespacesAndNewlines), base: theme.muted, emphasis: theme.muted.with(.bold)), width: max(4, width - indent - 2)) {
            add([[Span(pad)] + line])
        }
    }

    /// The first line of the target under the cursor, so scrolling can keep it visible.
    func line(of target: Target) -> Int? { targets.firstIndex { $0 == target } }
    func lastLine(of target: Target) -> Int? { targets.lastIndex { $0 == target } }

    func render(_ rect: Rect, into buf: inout Buffer) {
        let visible = lines.indices.dropFirst(scroll).prefix(rect.height)
        for (row, i) in visible.enumerated() {
            var x = rect.x
            for span in lines[i] { x += buf.put(span, x: x, y: rect.y + row, maxWidth: rect.maxX - x) }
            if let t = targets[i], let c = cursor, isCursor(t, c) {
                buf.style(Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1)) { $0.with(.reverse) }
            }
        }
        if lines.count > rect.height, rect.width > 0 {
            if scroll + rect.height < lines.count { buf.put(theme.unicode ? "↓" : "v", x: rect.maxX - 1, y: rect.maxY - 1, style: theme.muted) }
            if scroll > 0 { buf.put(theme.unicode ? "↑" : "^", x: rect.maxX - 1, y: rect.y, style: theme.muted) }
        }
    }

    private func isCursor(_ t: Target, _ c: Int) -> Bool {
        switch t {
        case .option(let k): if case .matching = question.kind { return false }; return k == c
        case .prompt(let p): return p == c
        case .answer: return false
        }
    }

    func target(at p: Point, in rect: Rect, scroll: Int) -> Target? {
        guard rect.contains(p) else { return nil }
        let i = scroll + p.y - rect.y
        return i < targets.count ? targets[i] : nil
    }
}
